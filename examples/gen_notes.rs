//! Generates reading notes in takeaway's format at any scale, deterministically.
//!
//! ```sh
//! cargo run --release --example gen_notes -- --papers 100000 --out /tmp/notes-100k [--seed 42]
//! ```
//!
//! The same arguments always give byte-identical files (see `benches/common/gen.rs`, shared with the
//! benches). Prints what it wrote: files, papers and bytes.

use std::path::PathBuf;
use std::process::ExitCode;

#[path = "../benches/common/gen.rs"]
mod gen;

const USAGE: &str = "usage: gen_notes --papers N --out DIR [--seed S]";

fn main() -> ExitCode {
    let mut papers: Option<usize> = None;
    let mut out: Option<PathBuf> = None;
    let mut seed = gen::DEFAULT_SEED;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        if flag == "-h" || flag == "--help" {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        let Some(value) = inline.or_else(|| args.next()) else {
            eprintln!("gen_notes: {flag} needs a value\n{USAGE}");
            return ExitCode::from(2);
        };
        let ok = match flag.as_str() {
            "--papers" => value
                .replace('_', "")
                .parse()
                .map(|n| papers = Some(n))
                .is_ok(),
            "--seed" => value.parse().map(|s| seed = s).is_ok(),
            "--out" => {
                out = Some(PathBuf::from(&value));
                true
            }
            _ => {
                eprintln!("gen_notes: unknown option {flag}\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        if !ok {
            eprintln!("gen_notes: bad value for {flag}: {value}\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    let (Some(papers), Some(out)) = (papers, out) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match gen::generate(papers, seed, &out) {
        Ok(g) => {
            println!(
                "{}: {} papers in {} conference files and {} note pages, {} bytes ({:.1} MB)",
                out.display(),
                g.papers,
                g.conference_files.len(),
                g.files.len() - g.conference_files.len(),
                g.bytes,
                g.bytes as f64 / 1e6
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_notes: {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
