//! Opening URLs: `$BROWSER` when set (a program, given the URL as its one argument), else the platform's
//! opener (xdg-open and friends, `open`, the Windows shell API — through the `open` crate). Never through a
//! shell. The program runs detached in its own process group, with its output kept off the screen; a
//! thread waits for it and reports a failure, so the UI never waits.
//!
//! Where no browser can be shown (over SSH or on a console with no display, and nothing configured), the
//! runtime does not try: it copies the URL to the clipboard with OSC 52 instead, as it does when the
//! opener fails.

use std::ffi::OsString;
use std::io;
use std::path::PathBuf;
use std::process::{Command, ExitStatus, Stdio};

/// Why a URL could not be shown.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("no opener found")]
    NoOpener,
    #[error("cannot start {}: {source}", .program.display())]
    Start { program: PathBuf, source: io::Error },
    #[error("{}: {source}", .program.display())]
    Wait { program: PathBuf, source: io::Error },
    #[error("{} {status}", .program.display())]
    Failed {
        program: PathBuf,
        status: ExitStatus,
    },
}

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

/// Why no browser can be shown here, when that is known before trying: nothing configured, no
/// `$BROWSER`, and (on systems with X11 or Wayland) no display, as over SSH or on a text console.
pub fn no_browser(configured: &[String]) -> Option<&'static str> {
    no_browser_in(configured, |name| std::env::var_os(name))
}

/// [`no_browser`] with the environment given.
pub fn no_browser_in(
    configured: &[String],
    env: impl Fn(&str) -> Option<OsString>,
) -> Option<&'static str> {
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
    if !configured.is_empty() || set("BROWSER") {
        return None;
    }
    let display_based = cfg!(all(
        unix,
        not(target_os = "macos"),
        not(target_os = "android")
    ));
    (display_based && !set("DISPLAY") && !set("WAYLAND_DISPLAY")).then_some("no display")
}

/// Starts the opener for `url` on a thread. Calls `failed` with the reason only when it fails (the app
/// already said "Opened …"; a late success report would hide a newer message).
pub fn open<F>(url: String, configured: Vec<String>, failed: F)
where
    F: FnOnce(OpenError) + Send + 'static,
{
    std::thread::spawn(move || {
        let mut last_err = OpenError::NoOpener;
        for mut cmd in commands(&url, &configured) {
            cmd.stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            #[cfg(unix)]
            {
                use std::os::unix::process::CommandExt;
                cmd.process_group(0);
            }
            let program = PathBuf::from(cmd.get_program());
            match cmd.spawn() {
                Ok(mut child) => {
                    match child.wait() {
                        Ok(status) if status.success() => {}
                        Ok(status) => failed(OpenError::Failed { program, status }),
                        Err(source) => failed(OpenError::Wait { program, source }),
                    }
                    return;
                }
                Err(source) => last_err = OpenError::Start { program, source },
            }
        }
        failed(last_err);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn a_configured_opener_or_browser_is_always_tried() {
        let firefox = vec!["firefox".to_string()];
        assert_eq!(no_browser_in(&firefox, env(&[])), None);
        assert_eq!(no_browser_in(&[], env(&[("BROWSER", "w3m")])), None);
    }

    #[cfg(all(unix, not(target_os = "macos"), not(target_os = "android")))]
    #[test]
    fn without_a_display_there_is_no_browser() {
        assert_eq!(no_browser_in(&[], env(&[])), Some("no display"));
        assert_eq!(
            no_browser_in(&[], env(&[("DISPLAY", "")])),
            Some("no display")
        );
        assert_eq!(no_browser_in(&[], env(&[("DISPLAY", ":0")])), None);
        assert_eq!(
            no_browser_in(&[], env(&[("WAYLAND_DISPLAY", "wayland-0")])),
            None
        );
    }

    #[test]
    fn a_failing_opener_is_reported() {
        let (tx, rx) = std::sync::mpsc::channel();
        let t = tx.clone();
        open(
            "https://a.example/".into(),
            vec!["false".into()],
            move |why| {
                let _ = t.send(why.to_string());
            },
        );
        let why = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the failure is reported");
        assert!(why.starts_with("false exit status: 1"), "{why}");
        open(
            "https://a.example/".into(),
            vec!["/nonexistent/opener".into()],
            move |why| {
                let _ = tx.send(why.to_string());
            },
        );
        let why = rx.recv_timeout(std::time::Duration::from_secs(10)).unwrap();
        assert!(why.starts_with("cannot start /nonexistent/opener"), "{why}");
    }
}
