//! Every function that cuts text, over text it was not written for: arbitrary printable Unicode, the
//! punctuation real lists use (en and em dashes, curly quotes, ellipses, no-break and ideographic
//! spaces), CJK and emoji, placed around the separators the cutters look for (` - `, `: `, ` | `, `(`,
//! `. `). None may panic, and what they return is part of what they were given.
//!
//! `PROPTEST_CASES=100000 cargo test --release --test it text_cuts` runs them longer.

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use takeaway::app::text_input::TextInput;
use takeaway::app::Action;
use takeaway::loader;
use takeaway::loader::entry::{self, inline, quoted_title};
use takeaway::loader::title;
use takeaway::model::venue;

/// What real lists put around separators: multi-byte punctuation, spaces that are not ASCII, CJK,
/// emoji with joiners and variation selectors, and the separators themselves.
const PIECES: &[&str] = &[
    "–",
    "—",
    "…",
    "“",
    "”",
    "‘",
    "’",
    "\u{a0}",
    "\u{3000}",
    "中文",
    "論文",
    "😀",
    "👩\u{200d}💻",
    "❤\u{fe0f}",
    "é",
    " - ",
    " – ",
    " — ",
    ": ",
    " | ",
    "(",
    ")",
    ". ",
    ", by ",
    "(@",
    "\"",
    "[",
    "]",
    "**",
    "'",
    "et al.",
    "arXiv",
    "1.2345",
    "2312.07104",
    "NeurIPS'23",
    "OSDI ’24",
    "<br>",
    "‹?é?>",
    "https://",
    " ",
    "x",
    "A. B",
    "1",
];

/// Text made of those pieces and arbitrary printable characters, in any order.
fn tricky() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "\\PC{0,6}",
    ];
    proptest::collection::vec(piece, 0..16).prop_map(|v| v.concat())
}

fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::SourceParallel(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

/// Is `part` a piece of `whole`, white space and case aside? (The cutters trim and collapse.)
fn within(part: &str, whole: &str) -> bool {
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    squash(whole).contains(&squash(part))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn title_cleaners_and_describers_never_panic(text in tricky()) {
        let head = entry::clean_title(&text);
        prop_assert!(within(&head.title, &text), "{:?} from {:?}", head.title, text);
        let d = entry::describe(&text);
        for part in [&d.venue, &d.authors, &d.description].into_iter().flatten() {
            prop_assert!(!part.contains('\0'));
        }
        let (t, _, _) = entry::split_authors(&text);
        prop_assert!(within(&t, &text));
        let _ = quoted_title(&text);
        let _ = entry::reads_as_names(&text);
        let (rest, _, _) = title::split_tail(&text);
        prop_assert!(text.contains(rest));
        if let Some((before, _)) = title::trailing_pipe_venue(&text) {
            prop_assert!(text.contains(before));
        }
        let (rest, _) = inline::strip_lead(&text);
        prop_assert!(text.ends_with(rest));
        for url in entry::fields::bare_urls(&text) {
            prop_assert!(text.contains(&url));
        }
        let _ = entry::section::wraps(&text);
    }

    #[test]
    fn venue_and_year_readers_never_panic(text in tricky()) {
        if let Some(y) = venue::year_in(&text) {
            prop_assert!((1900..=2099).contains(&y), "{} from {:?}", y, text);
        }
        let _ = venue::venue_year(&text);
        let name = venue::venue_name(&text);
        prop_assert!(text.contains(name));
        let _ = venue::is_conference(&text);
    }

    #[test]
    fn a_list_items_head_never_panics(text in tricky(), linked in any::<bool>()) {
        let md = if linked {
            format!("# T\n\n1. [Owl Nets](https://arxiv.org/abs/2401.00001){text}\n- {text} \\[[Paper](https://a.org/p)]\n")
        } else {
            format!("# T\n\n## Papers\n\n- {text}\n  - Owl Lab\n")
        };
        let (doc, _) = loader::document::build("t.md", None, &md);
        let lines = md.lines().count();
        for p in &doc.papers {
            prop_assert!(p.line >= 1 && p.line <= lines);
        }
    }

    #[test]
    fn text_input_edits_never_panic(text in tricky(), edits in proptest::collection::vec(0u8..3, 0..12)) {
        let mut input = TextInput::from(text.as_str());
        for e in edits {
            let before = input.as_str().to_string();
            match e {
                0 => { input.edit(Action::DeleteWord); }
                1 => { input.edit(Action::DeleteChar); }
                _ => input.push('\u{3000}'),
            }
            if e < 2 {
                prop_assert!(before.starts_with(input.as_str()));
            }
        }
    }
}

/// The line that crashed the loader (a description after ` - ` holding an en dash), and its kin: a
/// multi-byte character at every position of entries built around each separator.
#[test]
fn multi_byte_characters_at_every_position_around_separators() {
    let entries = [
        "[DAGsHub](https://dagshub.com/) - Community platform for Open Source ML – Manage experiments",
        "[Owl](https://arxiv.org/abs/2401.00001): Counting Birds - at night | NeurIPS'23 - we count",
        "Owl Nets (OWL 2020). Ann Smith, Bo Li. OWL 2020 \\[[Paper](https://a.org/p)]",
        "**Owls Can Count.** *Ann Smith*. OWL 2020. [[pdf](https://a.org/p.pdf)]",
        "Owls, by Ann Smith (@Owl Lab) | OSDI'24 \\[[Paper](https://a.org/p)]",
        "\"Owls Are Worth Counting\", Ann Smith et al., ICCV, 2021 (Owl Lab)",
    ];
    for base in entries {
        let bounds: Vec<usize> = base
            .char_indices()
            .map(|(i, _)| i)
            .chain([base.len()])
            .collect();
        for c in ['–', '—', '…', '中', '😀', '\u{a0}', '\u{3000}', 'é'] {
            for &at in &bounds {
                let (a, b) = base.split_at(at);
                let text = format!("{a}{c}{b}");
                let md = format!("# T\n\n11. {text}\n- {text}\n");
                let (doc, _) = loader::document::build("t.md", None, &md);
                assert!(doc.papers.iter().all(|p| p.line <= 4), "{text:?}");
                let _ = entry::describe(&text);
                let _ = entry::clean_title(&text);
                let _ = entry::split_authors(&text);
                let _ = quoted_title(&text);
            }
        }
    }
}

/// The reported line reads as before the fix would have read it without the crash: a tool's
/// description after ` - `, the en dash kept inside it.
#[test]
fn the_dagshub_line_is_read() {
    let md = "# Tools\n\n11. [DAGsHub](https://dagshub.com/) - Community platform for Open Source ML – Manage experiments\n";
    let (doc, _) = loader::document::build("t.md", None, md);
    // A code host's title link without a paper link is software, not a paper; what matters is the
    // read ends, and nothing of the text is lost or split inside a character.
    for p in &doc.papers {
        assert!(md.contains(&*p.title), "{:?}", p.title);
    }
    let d = entry::describe(" - Community platform for Open Source ML – Manage experiments");
    assert_eq!(
        d.description.as_deref(),
        Some("Community platform for Open Source ML – Manage experiments")
    );
    let d = entry::describe(" – Manage experiments - and more");
    assert_eq!(
        d.description.as_deref(),
        Some("Manage experiments - and more")
    );
}

/// `et al. arXiv` and `arXiv 1.2345` name no year (they made `--filter` and `--list --by year` exit 101).
#[test]
fn arxiv_without_an_identifier_has_no_year() {
    assert_eq!(venue::venue_year("Ann Smith et al. arXiv"), None);
    assert_eq!(venue::venue_year("arXiv 1.2345"), None);
    assert_eq!(venue::venue_year("arXiv ."), None);
    assert_eq!(venue::venue_year("arXiv 2312.07104"), Some(2023));
    assert_eq!(venue::venue_name("arXiv 1.2345"), "arXiv");
}

/// An HTML-ish run whose third byte is inside a character (`‹?é?>`) is no anchor and no crash.
#[test]
fn html_runs_with_multi_byte_characters() {
    for md in [
        "# T\n\n- ‹?é?> \\[[Paper](https://a.org/p)]\n",
        "# T\n\n- <é \\[[Paper](https://a.org/p)]\n",
        "# T\n\n<‹é>\n\n- x <a href=\"é\">é</a>\n",
    ] {
        let (doc, _) = loader::document::build("t.md", None, md);
        assert!(doc.papers.len() <= 1);
    }
}
