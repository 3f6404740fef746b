//! Opening URLs: `$BROWSER` when set (a program, given the URL as its one argument), else the platform's
//! opener (xdg-open and friends, `open`, the Windows shell API — through the `open` crate). Never through a
//! shell. The program runs detached in its own process group, with its output kept off the screen; a
//! thread waits for it and reports how it went, so the UI never waits.

use std::process::{Command, Stdio};
use std::sync::mpsc::Sender;

/// The commands to try, in order, for `url`: the configured opener, else `$BROWSER`, else the platform's.
pub fn commands(url: &str, configured: &[String]) -> Vec<Command> {
    if let Some((program, args)) = configured.split_first() {
        let mut c = Command::new(program);
        c.args(args).arg(url);
        return vec![c];
    }
    match std::env::var_os("BROWSER").filter(|b| !b.is_empty()) {
        Some(browser) => {
            let mut c = Command::new(browser);
            c.arg(url);
            vec![c]
        }
        None => open::commands(url),
    }
}

/// Starts the opener for `url` on a thread. Sends a status message to `report` only when it fails (the app
/// already said "Opened …"; a late success report would hide a newer message).
pub fn open(url: String, configured: Vec<String>, report: Sender<String>) {
    std::thread::spawn(move || {
        let mut last_err = String::from("no opener found");
        for mut cmd in commands(&url, &configured) {
            cmd.stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            #[cfg(unix)]
            {
                use std::os::unix::process::CommandExt;
                cmd.process_group(0);
            }
            let program = cmd.get_program().to_string_lossy().into_owned();
            match cmd.spawn() {
                Ok(mut child) => {
                    let msg = match child.wait() {
                        Ok(st) if st.success() => return,
                        Ok(st) => format!("{program} failed ({st}) for {url}"),
                        Err(e) => format!("{program}: {e}"),
                    };
                    let _ = report.send(msg);
                    return;
                }
                Err(e) => last_err = format!("cannot start {program}: {e}"),
            }
        }
        let _ = report.send(format!("Could not open {url}: {last_err}"));
    });
}
