//! Editing a notes file: `$VISUAL`, else `$EDITOR`, else `vi`, at the paper's line, without a shell (the
//! variable is split into words as a shell would, but nothing in it is interpreted).

use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};

/// Why the editor did not edit the file.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("cannot read the editor command {command:?}: {source}")]
    Command {
        command: String,
        source: shell_words::ParseError,
    },
    #[error("the editor command is empty")]
    Empty,
    #[error("cannot start {}: {source}", .program.display())]
    Start { program: PathBuf, source: io::Error },
    #[error("{} exited with {status}", .program.display())]
    Failed {
        program: PathBuf,
        status: ExitStatus,
    },
}

/// The editor command: `$VISUAL`, else `$EDITOR`, else `vi` (a blank variable counts as unset).
fn command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|c| !c.trim().is_empty()))
        .unwrap_or_else(|| "vi".into())
}

/// Runs the editor on `path` at `line` (`+LINE PATH`, which vi, vim, emacs, nano and kakoune read) and
/// waits for it.
pub fn edit(path: &Path, line: usize) -> Result<(), EditError> {
    let command = command();
    let words = shell_words::split(&command).map_err(|source| EditError::Command {
        command: command.clone(),
        source,
    })?;
    let (program, args) = words.split_first().ok_or(EditError::Empty)?;
    let program = PathBuf::from(program);
    let status = Command::new(&program)
        .args(args)
        .arg(format!("+{line}"))
        .arg(path)
        .status()
        .map_err(|source| EditError::Start {
            program: program.clone(),
            source,
        })?;
    if status.success() {
        Ok(())
    } else {
        Err(EditError::Failed { program, status })
    }
}
