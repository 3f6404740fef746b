//! Opening URLs: `$BROWSER` when set, else the platform's opener (xdg-open and friends, `open`, the
//! Windows shell API — through the `open` crate). Never through a shell. `$BROWSER` is read as Python's
//! `webbrowser` and `sensible-browser` read it: a list of commands separated by `:` (`;` on Windows),
//! tried in order until one starts; each is split into words as a shell would (nothing in it is
//! interpreted), and gets the URL in place of a `%s`, else as its last argument. The program runs detached in its own process group, with its output kept off the screen; a
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
    match std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty())
    {
        Some(browser) => browser_commands(&browser, url),
        None => open::commands(url),
    }
}

/// The commands of a `$BROWSER` value for `url` (see the module's doc). A command that cannot be split
/// (an unclosed quote) is taken as one program name, so that starting it says what is wrong.
fn browser_commands(browser: &str, url: &str) -> Vec<Command> {
    let separator = if cfg!(windows) { ';' } else { ':' };
    browser
        .split(separator)
        .filter(|c| !c.trim().is_empty())
        .map(|c| {
            let words = shell_words::split(c).unwrap_or_else(|_| vec![c.trim().to_string()]);
            let mut cmd = Command::new(words.first().map_or(c, String::as_str));
            let mut placed = false;
            for w in words.iter().skip(1) {
                if w.contains("%s") {
                    placed = true;
                    cmd.arg(w.replace("%s", url));
                } else {
                    cmd.arg(w);
                }
            }
            if !placed {
                cmd.arg(url);
            }
            cmd
        })
        .collect()
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

    fn program_and_args(c: &Command) -> Vec<String> {
        std::iter::once(c.get_program())
            .chain(c.get_args())
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn browser_is_a_list_of_commands_split_into_words_with_the_url_at_percent_s_or_last() {
        let url = "https://a.example/x?y=1";
        let commands: Vec<Vec<String>> =
            browser_commands("firefox --new-tab:'my browser' -x %s --end: :w3m", url)
                .iter()
                .map(program_and_args)
                .collect();
        #[cfg(not(windows))]
        assert_eq!(
            commands,
            vec![
                vec!["firefox", "--new-tab", url],
                vec!["my browser", "-x", url, "--end"],
                vec!["w3m", url],
            ]
        );
        // A command that cannot be split is one program, which then cannot start: the failure names it.
        let odd = browser_commands("open 'unclosed", url);
        assert_eq!(program_and_args(&odd[0]), vec!["open 'unclosed", url]);
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
