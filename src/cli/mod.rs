//! Command-line parsing and the non-interactive modes (`--json`, `--list`, `--check`, `--filter`,
//! `--export`, `--completions`, `--man`).

mod check;
mod export;
mod filter;
mod json;
mod list;
mod man;
mod views;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, ValueEnum};

use crate::config::{self, Config};
use crate::loader::{self, Loaded};
use crate::model::views::By;
use crate::search::Query;

/// `--by`: how `--list` groups the works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    Topic,
    Year,
    Venue,
    Affiliation,
}

impl From<ByArg> for By {
    fn from(b: ByArg) -> By {
        match b {
            ByArg::Topic => By::Topic,
            ByArg::Year => By::Year,
            ByArg::Venue => By::Venue,
            ByArg::Affiliation => By::Affiliation,
        }
    }
}

/// `--export`: the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportArg {
    Bibtex,
    Markdown,
    Csv,
}

impl From<ExportArg> for crate::export::Format {
    fn from(f: ExportArg) -> crate::export::Format {
        match f {
            ExportArg::Bibtex => crate::export::Format::Bibtex,
            ExportArg::Markdown => crate::export::Format::Markdown,
            ExportArg::Csv => crate::export::Format::Csv,
        }
    }
}

/// A terminal browser for paper reading notes.
///
/// With no PATH, opens the bundled notes on USENIX ATC 2025. A PATH may be a markdown file or a folder
/// (every *.md below it is loaded, arranged as its SUMMARY.md says, else by its folders).
#[derive(Debug, Parser)]
#[command(name = "takeaway", version, about, long_about)]
pub struct Args {
    /// Notes files or folders to load (default: the bundled ATC 2025 notes).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Print the notes as JSON and exit.
    #[arg(long, group = "mode")]
    pub json: bool,

    /// Print the tree (parts, folders, documents, topics, papers) as indented text and exit.
    #[arg(long, group = "mode")]
    pub list: bool,

    /// Report what could not be understood or points nowhere; exit 1 if anything is found.
    #[arg(long, group = "mode")]
    pub check: bool,

    /// Print the papers matching QUERY, best first, as `title<TAB>document<TAB>link<TAB>places` (a
    /// paper listed in several places once; the link is its first that may be opened, see
    /// allowed_schemes, else a local one); exit 1 when none matches. With --json: those papers
    /// as JSON; with --export or --list --by: only the works it matches. QUERY is the filter's query
    /// language: words, title: t: aff: a: in: note: year: has: is:, -exclusions, "phrases", 'words.
    #[arg(
        long,
        value_name = "QUERY",
        value_hint = clap::ValueHint::Other,
        allow_hyphen_values = true,
        conflicts_with_all = ["check", "print_config", "print_paths", "completions", "man"]
    )]
    pub filter: Option<String>,

    /// With --filter: print only the best match's link with this label, else its first link of this
    /// kind (e.g. paper, video, code: `paper` also finds `[arXiv](…)`).
    #[arg(long, value_name = "LABEL", value_hint = clap::ValueHint::Other, requires = "filter", conflicts_with_all = ["json", "export", "list"])]
    pub print_url: Option<String>,

    /// With --list: every work grouped by topic, year, venue or affiliation (across files), each group
    /// with its number of works, instead of the notes' own tree.
    #[arg(long, value_name = "VIEW", requires = "list")]
    pub by: Option<ByArg>,

    /// Print the works (those --filter matches, else all) as BibTeX, markdown or CSV, one entry per
    /// work, and exit.
    #[arg(long, value_name = "FORMAT", group = "mode")]
    pub export: Option<ExportArg>,

    /// Print a completion script for this shell and exit: e.g. `takeaway --completions bash >
    /// ~/.local/share/bash-completion/completions/takeaway`, `--completions fish >
    /// ~/.config/fish/completions/takeaway.fish`, `--completions zsh > ~/.zfunc/_takeaway` (with
    /// `fpath+=(~/.zfunc)` before `compinit`).
    #[arg(long, value_name = "SHELL", group = "mode")]
    pub completions: Option<clap_complete::Shell>,

    /// Print the manual page (roff) and exit: `takeaway --man > takeaway.1`.
    #[arg(long, group = "mode")]
    pub man: bool,

    /// Read the configuration from this file (default: $TAKEAWAY_CONFIG, else the platform's config folder).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Print the effective configuration, every setting with comments, and exit.
    #[arg(long, group = "mode")]
    pub print_config: bool,

    /// Print where the configuration, the state (bookmarks, read marks) and the cache of parsed notes
    /// live, and exit.
    #[arg(long, group = "mode")]
    pub print_paths: bool,
}

/// Exit statuses: 0 fine, 1 something was found wanting (`--check`), 2 a path could not be loaded or the
/// command line was wrong.
pub mod status {
    pub const OK: u8 = 0;
    pub const FOUND: u8 = 1;
    pub const ERROR: u8 = 2;
    /// The browser ended on a panic (a bug of ours), with the terminal restored and the session saved.
    pub const INTERNAL: u8 = 70;
}

pub fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() {
                status::ERROR
            } else {
                status::OK
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    ExitCode::from(run(&args))
}

/// The notes paths to load: the arguments, else the configuration's `notes` (with `~/` expanded).
pub fn note_paths(args: &Args, config: &Config) -> Vec<PathBuf> {
    if !args.paths.is_empty() {
        return args.paths.clone();
    }
    let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    config
        .notes
        .iter()
        .map(|p| match (p.strip_prefix("~"), &home) {
            (Ok(rest), Some(h)) => h.join(rest),
            _ => p.clone(),
        })
        .collect()
}

/// Loads the paths, or the bundled notes when there are none.
pub fn load(paths: &[PathBuf]) -> Loaded {
    if paths.is_empty() {
        loader::load_bundled()
    } else {
        let (loaded, cache) = loader::load_paths_cached(paths, &|_, _| {});
        if let Some(cache) = cache {
            cache.finish();
        }
        loaded
    }
}

/// Writes `bytes` to stdout: a closed pipe (`| head`) ends quietly, another failure says so.
fn emit(bytes: &[u8]) -> u8 {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => status::OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => status::OK,
        Err(e) => {
            eprintln!("takeaway: cannot write output: {e}");
            status::ERROR
        }
    }
}

/// Runs the command and returns its exit status.
pub fn run(args: &Args) -> u8 {
    if let Some(shell) = args.completions {
        // Built first, then written: clap_complete panics on a write that fails (`| head`).
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut Args::command(), "takeaway", &mut script);
        return emit(&script);
    }
    if args.man {
        let written = man::page(Args::command()).and_then(|page| {
            let mut out = std::io::stdout().lock();
            out.write_all(&page).and_then(|()| out.flush())
        });
        return match written {
            Ok(()) => status::OK,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => status::OK,
            Err(e) => {
                eprintln!("takeaway: cannot write output: {e}");
                status::ERROR
            }
        };
    }
    if args.list && args.filter.is_some() && args.by.is_none() {
        let e = Args::command().error(
            clap::error::ErrorKind::ArgumentConflict,
            "--filter goes with --list only together with --by (the views of the works it matches)",
        );
        let _ = e.print();
        return status::ERROR;
    }
    // The query is checked before anything is loaded: a mistake in it is a mistake on the command line.
    let query: Option<Query> = match args.filter.as_deref().map(crate::search::parse) {
        None => None,
        Some(Ok(q)) => Some(q),
        Some(Err(e)) => {
            eprintln!(
                "takeaway: --filter: {}",
                crate::text::sanitize(&e.to_string())
            );
            return status::ERROR;
        }
    };
    let config = match config::load(args.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("takeaway: {}", crate::text::sanitize(&e.to_string()));
            return status::ERROR;
        }
    };
    if args.print_config {
        return emit(config::render(&config).as_bytes());
    }
    if args.print_paths {
        let p = config::paths(args.config.as_deref());
        let show = |p: Option<PathBuf>| {
            p.map_or("(none: no home folder)".into(), |p| p.display().to_string())
        };
        let cache = loader::cache::folder().map_or("(off)".into(), |p| p.display().to_string());
        let text = format!(
            "config: {}\nstate:  {}\ncache:  {cache}\n",
            show(p.config),
            show(p.state)
        );
        return emit(text.as_bytes());
    }
    let paths = note_paths(args, &config);
    let browse =
        !args.json && !args.list && !args.check && args.filter.is_none() && args.export.is_none();
    if browse && !paths.is_empty() {
        // The browser loads the notes off the UI thread, after the screen is up; only paths that do not
        // exist at all are refused before it opens.
        let missing: Vec<_> = paths
            .iter()
            .filter(|p| std::fs::metadata(p).is_err())
            .collect();
        if missing.len() == paths.len() {
            for p in missing {
                eprintln!(
                    "takeaway: {}",
                    crate::text::sanitize(&format!("{}: no such file or directory", p.display()))
                );
            }
            return status::ERROR;
        }
        return interactive(Loaded::default(), config, paths);
    }
    let loaded = load(&paths);
    // `--check` reports a file whose parse panicked as one of its problems (exit 1), on stdout.
    let checked =
        |e: &loader::LoadError| args.check && matches!(e, loader::LoadError::Internal { .. });
    for e in loaded.errors.iter().filter(|e| !checked(e)) {
        eprintln!("takeaway: {}", crate::text::sanitize(&e.to_string()));
    }
    let failed = loaded.errors.iter().any(|e| !checked(e));
    if failed && loaded.library.documents.is_empty() {
        // `--check` still ends on its count, which says that nothing could be read.
        if args.check {
            let mut out = std::io::stdout().lock();
            let _ = check::write(&mut out, &loaded).and_then(|_| out.flush());
        }
        return status::ERROR;
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let lib = &loaded.library;
    // `is:` reads the marks in the state file.
    let marks = match query.as_ref().filter(|q| q.uses_marks()) {
        Some(_) => match filter::state_marks(lib, &paths) {
            Ok(m) => Some(m),
            Err(e) => {
                eprintln!("takeaway: {}", crate::text::sanitize(&e));
                return status::ERROR;
            }
        },
        None => None,
    };
    let marks: &dyn crate::search::Marks = match &marks {
        Some(m) => m,
        None => &crate::search::NoMarks,
    };
    let code = if let Some(format) = args.export {
        export::write(&mut out, lib, format.into(), query.as_ref(), marks)
    } else if let (true, Some(q)) = (args.json, &query) {
        filter::write_json(&mut out, lib, q, marks)
    } else if args.json {
        json::write(&mut out, lib).map(|_| status::OK)
    } else if let (true, Some(by)) = (args.list, args.by) {
        views::write(&mut out, lib, by.into(), query.as_ref(), marks)
    } else if args.list {
        list::write(&mut out, lib).map(|_| status::OK)
    } else if args.check {
        check::write(&mut out, &loaded)
    } else if let (Some(q), Some(text)) = (&query, &args.filter) {
        let allowed = filter::Allowed(&config.allowed_schemes);
        filter::write(
            &mut out,
            lib,
            q,
            text,
            args.print_url.as_deref(),
            &allowed,
            marks,
        )
    } else {
        drop(out);
        return interactive(loaded, config, paths);
    };
    let code = match code.and_then(|c| out.flush().map(|_| c)) {
        Ok(c) => c,
        // A closed pipe (`takeaway --list | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => status::OK,
        Err(e) => {
            eprintln!("takeaway: cannot write output: {e}");
            status::ERROR
        }
    };
    drop(out);
    // The process ends here: its memory goes back to the system at once, without a library's million
    // allocations freed one by one first (130 ms at 100,000 papers). Nothing in it holds a resource
    // but memory, and the output is flushed above.
    std::mem::forget(loaded);
    if failed {
        status::ERROR
    } else {
        code
    }
}

/// Opens the browser. With `paths`, the runtime loads them while the screen is up; load errors are shown
/// in the status line and printed on stderr once the screen is restored. The bundled notes come loaded.
fn interactive(loaded: Loaded, config: Config, paths: Vec<PathBuf>) -> u8 {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!(
            "takeaway: the browser needs a terminal; for scripts use --list, --json, --filter or --export"
        );
        return status::ERROR;
    }
    let (store, state_msg) = match config::state_path() {
        Some(p) => crate::state::Store::open(&p, &paths),
        None => (
            crate::state::Store::in_memory(),
            Some("No data folder: bookmarks and read marks will not be kept".to_string()),
        ),
    };
    let mut app = crate::app::App::new(loaded.library);
    app.keymap = config.keymap.clone();
    app.theme = config.theme.clone();
    app.links.allowed_schemes = config.allowed_schemes.clone();
    app.links.mark_read_on_open = config.mark_read_on_open;
    app.searches.off_thread = app.index.len() > crate::app::ASYNC_SEARCH_PAPERS;
    // Said on the status line now, and again on stderr at the end (a long message is cut to the
    // screen's width there).
    if let Some(m) = &state_msg {
        app.say(m.clone());
    }
    let seen = config::state_path().map(|s| crate::state::seen::path(&s, &paths));
    if paths.is_empty() {
        // The bundled notes are in already (paths are loaded by the runtime, which says when).
        crate::memory::loaded();
    }
    let ctx = crate::tui::Context {
        seen,
        store,
        opener: config.opener.clone(),
        load: !paths.is_empty(),
        paths,
    };
    let report = match crate::tui::run(app, ctx) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("takeaway: terminal error: {e}");
            return status::ERROR;
        }
    };
    if let Some(m) = &state_msg {
        eprintln!("takeaway: {}", crate::text::sanitize(m));
    }
    for e in &report.load_errors {
        eprintln!("takeaway: {e}");
    }
    use crate::tui::Ending;
    match report.ending {
        // Ended by a signal: the conventional 128 + signal number.
        Ending::Signal(sig) => (128 + sig).clamp(0, 255) as u8,
        // The terminal went away: as a hang-up (128 + SIGHUP).
        Ending::TerminalGone(_) => 129,
        Ending::NothingLoaded => status::ERROR,
        Ending::Crashed(fault) => {
            eprintln!(
                "takeaway: ended on an internal error in the {} thread at {} (please report); the terminal is restored, marks and the session are kept",
                fault.thread, fault.location
            );
            status::INTERNAL
        }
        Ending::Quit if report.load_errors.is_empty() => status::OK,
        Ending::Quit => status::ERROR,
    }
}
