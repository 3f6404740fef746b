//! A deterministic generator of reading notes in takeaway's format, at any number of papers.
//!
//! Shared by `examples/gen_notes.rs` (the command line) and the benches (which generate in-process into a
//! temporary folder). The same `(papers, seed)` always gives byte-identical files: the only source of
//! randomness is a `fastrand::Rng` seeded with `seed`, and nothing depends on hash-map order.
//!
//! What it writes, per conference file `conf-NNNN.md` (about 200 papers each): a `#` title, `## Meta Info`
//! with a homepage and an acceptance rate, `## Papers`, `###` topic headings, nested topic bullets (topics
//! 2–4 levels deep counting the heading), papers in both formats (title then a link group; title as a link
//! then a group with a `Personal Note` or `Code`), an affiliation bullet, and 2–4 takeaways (some nested,
//! with bold, italic, code and the odd link). About 5% of titles and takeaways carry CJK or emoji. Each
//! file links one personal note page, written under `pages/`. Titles are unique (by their id slug).

#![allow(dead_code)]

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

// By file path, not module path: this file is also included by `#[path]` from examples and tests.
#[path = "gen_words.rs"]
mod words;
use words::*;

/// The default seed: the output of `gen_notes` without `--seed` never changes.
pub const DEFAULT_SEED: u64 = 0x7a6b_e4a1_2025;
/// Papers per conference file (the last files may hold one fewer).
pub const PAPERS_PER_FILE: usize = 200;

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct Generated {
    /// Every file written (conference files, then note pages), in path order within each kind.
    pub files: Vec<PathBuf>,
    /// Conference (list) files only.
    pub conference_files: Vec<PathBuf>,
    pub papers: usize,
    /// Total bytes of every file written.
    pub bytes: u64,
    /// Bytes of the conference files only (what `cat DIR/*.md` reads).
    pub conference_bytes: u64,
}

/// A seeded random source with the helpers the generator needs.
struct Gen {
    rng: fastrand::Rng,
    titles: HashSet<String>,
    url_n: u64,
}

impl Gen {
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.rng.usize(..xs.len())]
    }

    /// True with probability `p` percent.
    fn pct(&mut self, p: u32) -> bool {
        self.rng.u32(..100) < p
    }

    fn token(&mut self, n: usize) -> String {
        const ALPHA: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
        (0..n)
            .map(|_| ALPHA[self.rng.usize(..ALPHA.len())] as char)
            .collect()
    }

    fn name(&mut self) -> String {
        let mut s = format!("{}{}", self.pick(NAME_HEADS), self.pick(NAME_TAILS));
        if self.pct(15) {
            s.push_str(self.pick(&["-2", "X", "++", "Lite", "Pro", "-NG"]));
        }
        s
    }

    fn raw_title(&mut self) -> String {
        let name = self.name();
        let t = match self.rng.u32(..6) {
            0 => format!(
                "{name}: {} {} for {}",
                self.pick(ADJS),
                self.pick(NOUNS),
                self.pick(DOMAINS)
            ),
            1 => format!(
                "{name}: Towards {} {} in {}",
                self.pick(ADJS),
                self.pick(NOUNS),
                self.pick(DOMAINS)
            ),
            2 => format!(
                "{name}: {} {} with {}",
                self.pick(GERUNDS),
                self.pick(NOUNS),
                self.pick(TECHNIQUES)
            ),
            3 => format!(
                "{name}: {} and {} {} via {} at Scale",
                self.pick(ADJS),
                self.pick(ADJS),
                self.pick(NOUNS),
                self.pick(TECHNIQUES)
            ),
            4 => format!(
                "{name}: {} {} on {} through {}",
                self.pick(GERUNDS),
                self.pick(NOUNS),
                self.pick(DOMAINS),
                self.pick(TECHNIQUES)
            ),
            _ => format!(
                "{name}: {} {} Made {}",
                self.pick(ADJS),
                self.pick(NOUNS),
                self.pick(&["Simple", "Practical", "Fast", "Cheap", "Easy", "Reliable"])
            ),
        };
        if self.pct(5) {
            if self.pct(50) {
                format!("{t} {}", self.pick(EMOJI))
            } else {
                format!("{name}: {} {}", self.pick(CJK_TITLE), self.pick(EMOJI))
            }
        } else {
            t
        }
    }

    /// A title whose id slug (what `--check` compares, cut at 80 characters) is new.
    fn title(&mut self) -> String {
        loop {
            let t = self.raw_title();
            if self.titles.insert(slug(&t, 80)) {
                return t;
            }
        }
    }

    fn sentence(&mut self) -> String {
        let mut s = match self.rng.u32(..16) {
            0 => format!(
                "Observes that {} in {} is dominated by {}, not by compute.",
                self.pick(NOUNS).to_lowercase(),
                self.pick(DOMAINS),
                self.pick(&[
                    "queueing delay",
                    "data movement",
                    "cold starts",
                    "tail latency",
                    "stragglers",
                    "fragmentation"
                ])
            ),
            1 => format!(
                "Uses **{}** to cut p99 latency by {}% while keeping throughput within {}% of the baseline.",
                self.pick(TECHNIQUES),
                self.rng.u32(10..90),
                self.rng.u32(1..10)
            ),
            2 => format!(
                "The scheduler treats *{}* and *{}* as two separate problems and solves each greedily.",
                self.pick(NOUNS).to_lowercase(),
                self.pick(NOUNS).to_lowercase()
            ),
            3 => format!(
                "Implemented in about {}K lines of `{}` on top of `{}`; evaluated on {} GPUs.",
                self.rng.u32(2..40),
                self.pick(&["Rust", "C++", "Python", "Go", "CUDA"]),
                self.pick(&["vLLM", "PyTorch", "RocksDB", "Linux", "Ray", "Kubernetes", "SPDK"]),
                self.pick(&["8", "16", "64", "128", "1,024"])
            ),
            4 => format!(
                "Key idea: move {} off the critical path, so the kvcache never waits for {}.",
                self.pick(&[
                    "prefill",
                    "compaction",
                    "checkpoint writes",
                    "page faults",
                    "garbage collection"
                ]),
                self.pick(&["the network", "the disk", "the host CPU", "remote memory"])
            ),
            5 => format!(
                "Compared with {} it is {}× faster on {} and needs no changes to applications (see the [artifact](https://artifacts.example.org/{})).",
                self.pick(NAME_HEADS),
                self.rng.u32(2..12),
                self.pick(DOMAINS),
                self.token(8)
            ),
            6 => format!(
                "A serverless design: functions scale to zero and a {} keeps {} warm.",
                self.pick(&["small predictor", "lease table", "greedy policy", "learned model"]),
                self.pick(&["the hot ones", "GPU memory", "container images", "model weights"])
            ),
            7 => format!(
                "Limitations: assumes {}; the evaluation does not cover {}.",
                self.pick(&[
                    "a static workload",
                    "homogeneous GPUs",
                    "a reliable network",
                    "one tenant per node"
                ]),
                self.pick(DOMAINS)
            ),
            8 => format!(
                "Challenge: {} grows with the number of {}; the fix is to {} per {}.",
                self.pick(&["metadata traffic", "memory footprint", "coordination cost", "recovery time"]),
                self.pick(&["tenants", "shards", "replicas", "layers", "experts", "clients"]),
                self.pick(&["batch updates", "cache decisions", "shard the state", "pin hot pages"]),
                self.pick(&["node", "rack", "GPU", "request", "epoch"])
            ),
            9 => format!(
                "Design: a {} sits between the {} and the {}, and decides placement every {} ms.",
                self.pick(&["thin shim", "control plane", "user-space daemon", "eBPF program"]),
                self.pick(&["application", "runtime", "storage engine", "model server"]),
                self.pick(&["device", "kernel", "network", "remote tier"]),
                self.rng.u32(1..500)
            ),
            10 => format!(
                "Motivation from a {}-day production trace: {}% of {} are short-lived and bursty.",
                self.rng.u32(3..90),
                self.rng.u32(20..95),
                self.pick(&["jobs", "requests", "flows", "containers", "queries"])
            ),
            11 => format!(
                "The *{}* mechanism is the clever part: it reuses {} instead of recomputing them.",
                self.pick(ADJS).to_lowercase(),
                self.pick(&["partial results", "intermediate activations", "old snapshots", "compiled plans"])
            ),
            12 => format!(
                "Evaluation: {} benchmarks plus {}; gains shrink when {}.",
                self.pick(&["YCSB", "TPC-C", "MLPerf", "ShareGPT", "SPEC", "TPC-H"]),
                self.pick(&["two real applications", "a synthetic sweep", "an ablation study"]),
                self.pick(&["the working set fits in memory", "requests are uniform", "the network is idle"])
            ),
            13 => format!(
                "Open question: does it still hold for {} on {}?",
                self.pick(NOUNS).to_lowercase(),
                self.pick(DOMAINS)
            ),
            14 => format!(
                "Builds a cost model of {} and solves placement as an {} problem.",
                self.pick(NOUNS).to_lowercase(),
                self.pick(&["ILP", "min-cost flow", "online bin-packing", "knapsack"])
            ),
            _ => format!(
                "Related to {}{}, but targets {} rather than {}.",
                self.pick(NAME_HEADS),
                self.pick(NAME_TAILS),
                self.pick(DOMAINS),
                self.pick(DOMAINS)
            ),
        };
        if self.pct(5) {
            s = format!(
                "{} {}",
                self.pick(&[
                    "作者提出了一种新的调度器，尾延迟降低了 40%。",
                    "要点：把冷数据放到远端内存。",
                    "キャッシュの局所性が鍵となる。",
                    "핵심은 요청을 미리 배치하는 것이다.",
                ]),
                self.pick(EMOJI)
            );
        }
        s
    }

    fn affiliations(&mut self) -> String {
        let n = 1 + self.rng.usize(..3);
        let mut names: Vec<&str> = Vec::with_capacity(n);
        while names.len() < n {
            let x = self.pick(INSTITUTIONS);
            if !names.contains(&x) {
                names.push(x);
            }
        }
        names.join(" & ")
    }

    fn url(&mut self, base: &str) -> String {
        self.url_n += 1;
        format!("{base}{}", self.url_n)
    }
}

/// The same slug as takeaway's ids (`loader::title::slug`), to keep titles unique.
fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut dash = false;
    let mut n = 0;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
                n += 1;
            }
            dash = false;
            for l in c.to_lowercase() {
                out.push(l);
                n += 1;
            }
        } else if c == '\'' || c == '’' {
        } else {
            dash = true;
        }
        if n >= max {
            break;
        }
    }
    out
}

/// One conference file: its markdown, and the note page it links (file name, text).
struct Conference {
    text: String,
    page: Option<(String, String)>,
}

fn conference(g: &mut Gen, index: usize, papers: usize) -> Conference {
    let conf = CONFS[index % CONFS.len()];
    let year = 2001 + index / CONFS.len();
    let host = format!("{}{}.example.org", conf.to_lowercase(), year);
    let submitted = papers * 4 + g.rng.usize(..=papers * 3);
    let mut out = String::with_capacity(papers * 800);
    let _ = write!(
        out,
        "# {conf} {year}\n\n## Meta Info\n\nHomepage: <https://{host}/>\n\nPaper list: <https://{host}/technical-sessions>\n\n### Acceptance Rate\n\n{:.1}% (= {papers} / {submitted})\n\n## Papers\n",
        100.0 * papers as f64 / submitted.max(1) as f64,
    );
    let mut left = papers;
    let mut page: Option<(String, String)> = None;
    let mut headings_used: Vec<&str> = Vec::new();
    while left > 0 {
        // A `###` heading not used yet in this file (topics repeat across files, not within one).
        let heading = loop {
            let h = g.pick(TOPIC_HEADINGS);
            if !headings_used.contains(&h) || headings_used.len() == TOPIC_HEADINGS.len() {
                break h;
            }
        };
        headings_used.push(heading);
        let _ = write!(out, "\n### {heading}\n\n");
        let subs = 2 + g.rng.usize(..3);
        for _ in 0..subs {
            if left == 0 {
                break;
            }
            let _ = writeln!(out, "* {}", g.pick(TOPICS));
            match g.rng.u32(..10) {
                // Two levels: heading → topic → papers.
                0..=4 => emit_group(g, &mut out, 2, &host, &mut left, &mut page),
                // Three or four levels.
                r => {
                    for _ in 0..2 + g.rng.usize(..2) {
                        if left == 0 {
                            break;
                        }
                        let _ = writeln!(out, "  * {}", g.pick(TOPICS));
                        if r >= 8 {
                            let _ = writeln!(out, "    * {}", g.pick(TOPICS));
                            emit_group(g, &mut out, 6, &host, &mut left, &mut page);
                        } else {
                            emit_group(g, &mut out, 4, &host, &mut left, &mut page);
                        }
                    }
                }
            }
        }
    }
    Conference { text: out, page }
}

/// Writes 3–10 papers (fewer when fewer are left) as bullets indented by `indent` spaces.
fn emit_group(
    g: &mut Gen,
    out: &mut String,
    indent: usize,
    host: &str,
    left: &mut usize,
    page: &mut Option<(String, String)>,
) {
    let n = (3 + g.rng.usize(..8)).min(*left);
    let pad = " ".repeat(indent);
    for _ in 0..n {
        paper(g, out, &pad, host, page);
    }
    *left -= n;
}

fn paper(
    g: &mut Gen,
    out: &mut String,
    pad: &str,
    host: &str,
    page: &mut Option<(String, String)>,
) {
    let title = g.title();
    let s = slug(&title, 24);
    let paper_url = g.url(&format!("https://{host}/presentation/{s}-"));
    let code = format!(
        "https://github.com/{}/{}",
        g.pick(NAME_HEADS).to_lowercase(),
        s
    );
    if g.pct(20) {
        // Title as link, then a group with a personal note (one per file) or code.
        let _ = write!(out, "{pad}* [{title}]({paper_url})");
        if page.is_none() {
            let file = format!("pages/{}-{s}.md", host.split('.').next().unwrap_or("conf"));
            let _ = writeln!(out, " \\[[Personal Note]({file}), [Code]({code})]");
            let text = note_page(g, &title);
            *page = Some((file, text));
        } else {
            let _ = writeln!(out, " \\[[Code]({code})]");
        }
    } else {
        let _ = write!(out, "{pad}* {title} \\[[Paper]({paper_url})]");
        if g.pct(70) {
            let v = g.token(11);
            let _ = write!(out, " \\[[Video](https://www.youtube.com/watch?v={v})]");
        }
        if g.pct(30) {
            let _ = write!(out, " \\[[Slides](https://{host}/files/slides-{s}.pdf)]");
        }
        if g.pct(40) {
            let _ = write!(out, " \\[[Code]({code})]");
        }
        if g.pct(5) {
            let _ = write!(
                out,
                " \\[[Artifact](https://zenodo.example.org/record/{})]",
                g.rng.u32(100_000..999_999)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{pad}  * {}", g.affiliations());
    for _ in 0..2 + g.rng.usize(..3) {
        let _ = writeln!(out, "{pad}  * {}", g.sentence());
        if g.pct(30) {
            for _ in 0..1 + g.rng.usize(..2) {
                let _ = writeln!(out, "{pad}    * {}", g.sentence());
            }
        }
    }
}

fn note_page(g: &mut Gen, title: &str) -> String {
    let mut out = format!("# {title}\n\n## Summary\n\n");
    for _ in 0..3 {
        let _ = writeln!(out, "{} {}", g.sentence(), g.sentence());
    }
    out.push_str("\n## Details\n\n");
    for _ in 0..4 {
        let _ = writeln!(out, "* {}", g.sentence());
    }
    out
}

/// Writes `papers` papers into `dir` (created if needed): `conf-0001.md`… and `pages/*.md`.
pub fn generate(papers: usize, seed: u64, dir: &Path) -> std::io::Result<Generated> {
    let mut g = Gen {
        rng: fastrand::Rng::with_seed(seed),
        titles: HashSet::with_capacity(papers),
        url_n: 0,
    };
    std::fs::create_dir_all(dir)?;
    let files = papers.div_ceil(PAPERS_PER_FILE).max(1);
    let (base, extra) = (papers / files, papers % files);
    let mut gen = Generated {
        papers,
        ..Generated::default()
    };
    let mut pages = Vec::new();
    for i in 0..files {
        let n = base + usize::from(i < extra);
        let c = conference(&mut g, i, n);
        let path = dir.join(format!("conf-{:04}.md", i + 1));
        std::fs::write(&path, &c.text)?;
        gen.bytes += c.text.len() as u64;
        gen.conference_bytes += c.text.len() as u64;
        gen.conference_files.push(path.clone());
        gen.files.push(path);
        pages.extend(c.page);
    }
    if !pages.is_empty() {
        std::fs::create_dir_all(dir.join("pages"))?;
    }
    for (file, text) in pages {
        let path = dir.join(file);
        std::fs::write(&path, &text)?;
        gen.bytes += text.len() as u64;
        gen.files.push(path);
    }
    Ok(gen)
}
