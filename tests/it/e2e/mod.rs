//! The real binary in a real terminal: tmux runs it, send-keys types, capture-pane reads the screen.
//! `$BROWSER` is a script that appends its argument to a file, so opening a link is observable.
//! Skipped (with a note) where tmux is missing, except in CI, which installs it.
//!
//! This file is the harness; [`browse`] reads and opens notes as a person would, [`lifetime`] ends the app
//! every way it can end (quit, signals, the terminal gone, a panic) and watches it load and idle.

mod browse;
mod faults;
mod lifetime;
mod reload;
mod session;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    pub socket: String,
}

impl Tmux {
    pub fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// A tmux command that must succeed (its stderr is the failure's message).
    pub fn run(&self, args: &[&str]) {
        let out = self.cmd(args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// Waits until the screen contains `text`; returns the screen.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("{text:?} did not appear; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", "e2e", k]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    pub fn alive(&self) -> bool {
        self.cmd(&["has-session", "-t", "e2e"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

/// The exit status of a process that has exited but not been reaped (`/proc/PID/stat`: state `Z`, and
/// field 52, the status as `waitpid` reports it), as a shell shows it (128 + signal for a signal).
#[cfg(target_os = "linux")]
fn zombie_status(pid: u32) -> Option<i32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    if fields.first() != Some(&"Z") {
        return None;
    }
    // Field 52 of the line is the 50th after the command name (fields 3.. start at index 0).
    let wait: i32 = fields.get(49)?.parse().ok()?;
    Some(if wait & 0x7f == 0 {
        (wait >> 8) & 0xff
    } else {
        128 + (wait & 0x7f)
    })
}

pub fn tmux_available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is required in CI (.ci/run installs it)"
        );
        eprintln!("tmux not found: skipping the end-to-end test");
    }
    ok
}

pub fn wait_for_file(path: &Path, lines: usize) -> String {
    let start = Instant::now();
    loop {
        let s = std::fs::read_to_string(path).unwrap_or_default();
        if s.lines().count() >= lines || start.elapsed() > Duration::from_secs(5) {
            return s;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Starts `command` in a 120×40 session.
pub fn start(t: &Tmux, command: &str) {
    t.start_with(&[], command);
}

pub fn quit(t: &Tmux) {
    t.keys(&["q"]);
    wait_gone(t);
}

/// Waits (5 s at most) for the session to end, as it does when takeaway exits.
pub fn wait_gone(t: &Tmux) {
    let start = Instant::now();
    while t.alive() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!t.alive(), "takeaway did not quit");
}

/// A copy of the `rules` fixture in `dir/notes`, free to edit.
pub fn rules_notes(dir: &Path) -> PathBuf {
    let notes = dir.join("notes");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules"),
        &notes,
    );
    notes
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

// ----- the app's lifetime: the terminal's end, signals, loading, idling ---------------------------------

#[path = "../../../benches/common/gen.rs"]
pub mod gen;

impl Tmux {
    /// Starts `command` (run with `exec`, so the pane's process is takeaway itself) in a session that
    /// stays after it exits, so its exit status can be read.
    pub fn start_kept(&self, command: &str) {
        self.start_with(
            &[["-g", "remain-on-exit", "on"]],
            &format!("exec {command}"),
        );
    }

    /// Starts `command` in a 120×40 session of a new server (no configuration file) with these options
    /// set first (`[scope flag, option, value]`).
    pub fn start_with(&self, options: &[[&str; 3]], command: &str) {
        let mut args = vec!["-f", "/dev/null", "start-server", ";"];
        for [scope, name, value] in options {
            args.extend(["set-option", scope, name, value, ";"]);
        }
        args.extend([
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            "120",
            "-y",
            "40",
            command,
        ]);
        self.run(&args);
    }

    pub fn display(&self, format: &str) -> String {
        let out = self.cmd(&["display", "-p", "-t", "e2e", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    pub fn pane_pid(&self) -> u32 {
        self.display("#{pane_pid}").parse().expect("a pane pid")
    }

    /// Waits (up to `limit`) for the pane's process to exit; returns its exit status.
    pub fn exit_status(&self, limit: Duration) -> Option<i32> {
        let start = Instant::now();
        while start.elapsed() < limit {
            // tmux marks the pane dead when its terminal closes and learns the status when it reaps the
            // process, which it sometimes leaves for seconds: an exited process not yet reaped is a
            // zombie whose status Linux shows in /proc.
            if self.display("#{pane_dead}") == "1" {
                if let Ok(status) = self.display("#{pane_dead_status}").parse() {
                    return Some(status);
                }
                #[cfg(target_os = "linux")]
                if let Some(status) = zombie_status(self.pane_pid()) {
                    return Some(status);
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Waits until the screen contains `text`, for up to `limit`.
    pub fn wait_long(&self, text: &str, limit: Duration) -> String {
        self.wait_until(&format!("{text:?} to appear"), limit, |s| s.contains(text))
    }

    /// Waits until `done` holds for a whole screen, for up to `limit`. A capture can fall between two parts
    /// of one large frame, so a screen that shows half a change is waited past, never asserted on.
    pub fn wait_until(&self, what: &str, limit: Duration, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if done(&s) {
                return s;
            }
            assert!(
                start.elapsed() < limit,
                "waited {limit:?} for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Has process `pid` ended (gone, or a zombie waiting for its parent)?
pub fn ended(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')),
        Err(_) => true,
    }
}

/// Waits up to `limit` for `pid` to end; returns whether it did.
pub fn ends_within(pid: u32, limit: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if ended(pid) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    ended(pid)
}

/// The process's CPU time so far, in clock ticks (`/proc/PID/stat` fields 14 and 15: user and system).
#[cfg(target_os = "linux")]
pub fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name (which may hold spaces) start at field 3.
    let rest = stat.rsplit_once(')').unwrap().1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

pub fn app_command(dir: &Path, notes: &Path) -> String {
    format!(
        "env -u BROWSER -u DISPLAY -u WAYLAND_DISPLAY -u TAKEAWAY_CACHE TERM=xterm-256color XDG_CONFIG_HOME='{d}/config' XDG_DATA_HOME='{d}/data' XDG_CACHE_HOME='{d}/cache' '{}' '{}'",
        env!("CARGO_BIN_EXE_takeaway"),
        notes.display(),
        d = dir.display(),
    )
}
