//! `--man`: the page clap_mangen makes from the command line's definition, then the sections a man
//! page reader looks for that it does not make: the keys (the default map; `--print-config` shows the
//! configured one), the exit status, the environment and the files.

use roff::{bold, roman, Roff};

use super::status;
use crate::app::keymap::{KeyMap, Mode};

/// The whole page.
pub fn page(cmd: clap::Command) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut out)?;
    out.extend_from_slice(sections().render().as_bytes());
    Ok(out)
}

fn sections() -> Roff {
    let mut r = Roff::new();
    r.control("SH", ["KEYS"]);
    r.text([roman(
        "The browser's keys by default, mode by mode (the [keys] table of the configuration rebinds them; \
         --print-config shows the map in use, ? shows it in the browser).",
    )]);
    let keymap = KeyMap::default();
    for mode in Mode::ALL {
        let bindings = keymap.bindings(mode);
        if bindings.is_empty() {
            continue;
        }
        r.control("SS", [mode.title()]);
        for (action, keys) in bindings {
            let keys: Vec<String> = keys.iter().map(|k| k.name()).collect();
            r.control("TP", []);
            r.text([bold(keys.join(", "))]);
            r.text([roman(action.describe())]);
        }
    }
    r.control("SH", ["EXIT STATUS"]);
    for (code, what) in [
        (status::OK, "fine"),
        (
            status::FOUND,
            "--check found problems, or --filter matched nothing",
        ),
        (
            status::ERROR,
            "a path could not be loaded (missing, unreadable, not UTF-8, a folder with no notes), or the \
             command line or the configuration was wrong",
        ),
        (
            status::INTERNAL,
            "the browser ended on an internal error (a bug of ours; the message says where)",
        ),
    ] {
        r.control("TP", []);
        r.text([bold(code.to_string())]);
        r.text([roman(what)]);
    }
    r.control("SH", ["ENVIRONMENT"]);
    for (name, what) in [
        (
            "TAKEAWAY_CONFIG",
            "the configuration file, instead of the platform's",
        ),
        (
            "TAKEAWAY_STATE",
            "the state file (marks, the session), instead of the platform's",
        ),
        (
            "TAKEAWAY_CACHE",
            "the folder of the cache of parsed notes, instead of the platform's; off: no cache",
        ),
        (
            "BROWSER",
            "opens links when the configuration names no opener: commands separated by : (; on Windows), tried in order, each split into words, the URL at %s or last; no shell",
        ),
        (
            "VISUAL, EDITOR",
            "edits a notes file (e, and adding a paper); else vi",
        ),
        ("NO_COLOR", "set and not empty: no colours"),
    ] {
        r.control("TP", []);
        r.text([bold(name)]);
        r.text([roman(what)]);
    }
    r.control("SH", ["FILES"]);
    r.text([roman(
        "config.toml in the platform's configuration folder, state.json in its data folder, and the \
         cache of parsed notes in its cache folder: --print-paths prints where they are here, \
         --print-config the configuration in effect.",
    )]);
    r
}
