//! One test per structural rule of the notes format, on fixtures under tests/fixtures/rules.

use takeaway::loader::{self, Loaded, WarningKind};
use takeaway::model::{DocKind, Document, Node, Paper};

use crate::common::fixture;

fn load(name: &str) -> Loaded {
    let loaded = loader::load_paths(&[fixture(name)]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    loaded
}

fn doc(name: &str) -> Document {
    load(name).library.documents.remove(0)
}

fn titles(d: &Document) -> Vec<&str> {
    d.papers.iter().map(|p| &*p.title).collect()
}

fn paper<'a>(d: &'a Document, title_start: &str) -> &'a Paper {
    d.papers
        .iter()
        .find(|p| p.title.starts_with(title_start))
        .unwrap_or_else(|| panic!("no paper {title_start:?} in {:?}", titles(d)))
}

#[test]
fn conference_title_kind_and_meta() {
    let d = doc("rules/conference.md");
    assert_eq!(&*d.title, "TOY 2031");
    assert_eq!(d.kind, DocKind::List);
    let meta: Vec<(String, String)> = d
        .meta
        .iter()
        .map(|m| (m.key.clone(), m.value.plain()))
        .collect();
    assert_eq!(
        meta,
        vec![
            ("Homepage".into(), "https://toy.example.org/2031".into()),
            (
                "Paper list".into(),
                "https://toy.example.org/2031/papers".into()
            ),
            ("Acceptance Rate".into(), "12.5% (= 10 / 80)".into()),
        ]
    );
}

#[test]
fn link_group_papers_with_links_in_order_and_lines() {
    let d = doc("rules/conference.md");
    assert_eq!(
        titles(&d),
        vec![
            "Quokka: Fast Lookups for Tiny Keys",
            "Wombat: Log-Structured Merging Without Tears",
            "Numbat: Crash Consistency for Everyone",
            "Echidna: A Spiky Congestion Controller",
        ]
    );
    let q = paper(&d, "Quokka");
    assert_eq!(q.line, 18);
    let links: Vec<(&str, &str)> = q.links.iter().map(|l| (&*l.label, &*l.url)).collect();
    assert_eq!(
        links,
        vec![
            ("Paper", "https://toy.example.org/quokka"),
            ("Video", "https://video.example.org/q"),
            ("Code", "https://code.example.org/quokka"),
        ]
    );
}

#[test]
fn topics_come_from_headings_and_bullets_but_not_papers_heading() {
    let d = doc("rules/conference.md");
    assert_eq!(
        paper(&d, "Quokka").topics.to_vec(),
        vec!["Storage Systems", "Key-Value Stores"]
    );
    assert_eq!(paper(&d, "Echidna").topics.to_vec(), vec!["Networking"]);
    // The tree: sections → topics → papers, with Meta Info (no papers) left out.
    let top: Vec<String> = d
        .tree
        .iter()
        .map(|n| match n {
            Node::Section(b) => b.title.clone(),
            other => panic!("expected a section, got {other:?}"),
        })
        .collect();
    assert_eq!(top, vec!["Storage Systems", "Networking"]);
    assert_eq!(d.tree[0].paper_count(), 3);
    assert!(matches!(&d.tree[0].children()[0], Node::Topic(b) if b.title == "Key-Value Stores"));
}

#[test]
fn affiliations_and_rich_takeaways() {
    let d = doc("rules/conference.md");
    let q = paper(&d, "Quokka");
    assert_eq!(names(&q.affiliations), vec!["Uni A", "Lab B"]);
    assert_eq!(q.takeaways.len(), 2);
    let first = &q.takeaways[0];
    assert_eq!(
        first.text.plain(),
        "Small keys waste most of each cache line."
    );
    assert!(first
        .text
        .0
        .iter()
        .any(|s| s.style.bold && &*s.text == "cache line"));
    let child = &first.children[0].text;
    assert!(child
        .0
        .iter()
        .any(|s| s.style.italic && &*s.text == "eight"));
    assert!(child.0.iter().any(|s| s.style.code && &*s.text == "simd"));
    // A paper whose only bullet is its affiliation has no takeaways.
    assert!(paper(&d, "Wombat").takeaways.is_empty());
}

#[test]
fn title_as_link_gets_label_paper_and_local_note_resolves() {
    let d = doc("rules/title-link.md");
    let p = paper(&d, "Platypus");
    assert_eq!(&*p.links[0].label, "Paper");
    assert_eq!(&*p.links[0].url, "https://toy.example.org/platypus");
    assert_eq!(&*p.links[1].label, "Personal Note");
    assert_eq!(
        p.links[1].target.as_deref(),
        Some(fixture("rules/platypus.md").as_path())
    );
    assert_eq!(p.note_page().map(|l| &*l.url), Some("platypus.md"));
    let dingo = paper(&d, "Dingo");
    assert_eq!(&*dingo.title, "Dingo: Fair Sharing for Packs of GPUs");
    assert_eq!(dingo.authors.as_deref(), Some("Ann Author"));
    // A link to a folder means the folder's README.md.
    assert_eq!(
        dingo.links[1].target.as_deref(),
        Some(fixture("folder/README.md").as_path())
    );
}

#[test]
fn unlinked_papers_under_papers_heading_or_beside_linked_siblings() {
    let d = doc("rules/unlinked.md");
    assert_eq!(
        titles(&d),
        vec![
            "Kookaburra: Laughing at Stragglers",
            "Emu: Big Models That Cannot Fly",
            "Galah: Colourful Gradients",
            "Bilby: Burrowing Through Page Tables",
        ]
    );
    let emu = paper(&d, "Emu");
    assert!(emu.links.is_empty());
    assert_eq!(emu.topics.to_vec(), vec!["Machine Learning", "Training"]);
    assert_eq!(names(&emu.affiliations), vec!["Uni G"]);
    // The affiliation bullets are notes, never papers.
    assert!(!titles(&d).contains(&"Uni H"));
}

#[test]
fn only_the_papers_section_counts_and_venues_are_split_off() {
    let d = doc("rules/papers-section.md");
    assert_eq!(
        titles(&d),
        vec![
            "Quoll: Night-Time Batch Jobs",
            "Bandicoot: Digging Through Logs",
            "Possum: Playing Dead for Faster Recovery",
            "Tiny Devices (TD)",
        ]
    );
    assert_eq!(paper(&d, "Quoll").venue.as_deref(), Some("TOY 2030"));
    let b = paper(&d, "Bandicoot");
    assert_eq!(b.venue.as_deref(), Some("TOY 2029"));
    // The venue's link is still one of the paper's links, first, as written.
    assert_eq!(&*b.links[0].label, "TOY 2029");
    assert_eq!(b.links.len(), 3);
    assert_eq!(
        paper(&d, "Possum").venue.as_deref(),
        Some("arXiv 2401.00001")
    );
}

#[test]
fn deep_papers_without_a_papers_heading_make_a_page() {
    // The kind rule looks at top-level items and one level down only.
    let (d, _) = loader::document::build(
        "x.md",
        None,
        "# X\n\n* A\n  * B\n    * C\n      * P \\[[Paper](https://p.example)]\n",
    );
    assert_eq!(d.kind, DocKind::Page);
}

#[test]
fn topics_nest_three_levels() {
    let d = doc("rules/three-levels.md");
    assert_eq!(
        paper(&d, "Lyrebird").topics.to_vec(),
        vec!["Systems for ML", "Training", "Parallelism", "Pipelines"]
    );
    assert_eq!(
        paper(&d, "Cassowary").topics.to_vec(),
        vec!["Systems for ML", "Training", "Parallelism"]
    );
}

#[test]
fn gitbook_tags_html_escapes_cjk_and_emoji() {
    let d = doc("rules/gitbook.md");
    assert_eq!(&*d.title, "混合 Notes 🦘");
    assert_eq!(titles(&d), vec!["袋鼠: Jumping Over [Brackets] 🦘"]);
    let p = &d.papers[0];
    assert_eq!(&*p.links[0].url, "https://toy.example.org/kangaroo_jump");
    assert_eq!(names(&p.affiliations), vec!["清华大学", "Uni K"]);
    assert!(d.meta.iter().all(|m| !m.value.plain().contains("hint")));
}

#[test]
fn index_and_note_pages_are_pages_without_papers() {
    for name in ["rules/index.md", "rules/platypus.md"] {
        let d = doc(name);
        assert_eq!(d.kind, DocKind::Page, "{name}");
        assert!(d.papers.is_empty(), "{name}");
        assert!(!d.body.is_empty(), "{name}");
    }
}

#[test]
fn crlf_and_bom_give_the_same_papers_and_lines() {
    let text = std::fs::read_to_string(fixture("rules/conference.md")).unwrap();
    let dos = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let (a, _) = loader::document::build("a.md", None, &text);
    let (b, _) = loader::document::build("b.md", None, &dos);
    assert_eq!(&*b.title, "TOY 2031");
    assert_eq!(a.papers, b.papers);
}

#[test]
fn folders_load_recursively_sorted_without_summary() {
    let loaded = load("folder");
    let titles: Vec<&str> = loaded.library.documents.iter().map(|d| &*d.title).collect();
    assert_eq!(titles, vec!["Folder A", "Folder B"]);
}

#[test]
fn ids_are_stable_when_unrelated_lines_change() {
    let text = std::fs::read_to_string(fixture("rules/conference.md")).unwrap();
    let edited = text.replace("* Uni D\n", "* Uni D & Uni Z\n  * A new takeaway.\n");
    let ids = |t: &str| {
        let mut lib = takeaway::model::Library::default();
        lib.documents
            .push(loader::document::build("x.md", None, t).0);
        loader::assign_ids(&mut lib);
        lib.papers()
            .map(|(_, p)| p.id.to_string())
            .collect::<Vec<_>>()
    };
    let before = ids(&text);
    assert_eq!(before[0], "toy-2031/quokka-fast-lookups-for-tiny-keys");
    assert_eq!(before, ids(&edited));
}

#[test]
fn check_finds_each_kind_of_problem_with_its_line() {
    let loaded = load("check/problems.md");
    let found: Vec<(usize, String)> = loaded
        .warnings
        .iter()
        .map(|w| {
            let k = match &w.kind {
                WarningKind::NoTitle => "no-title",
                WarningKind::EmptyUrl { .. } => "empty-url",
                WarningKind::MissingTarget { .. } => "missing",
                WarningKind::DuplicateId { .. } => "duplicate",
                WarningKind::Unrecognised { .. } => "unrecognised",
                WarningKind::UnreadPaper { .. } => "unread-paper",
                WarningKind::FrontMatter { .. } => "front-matter",
                WarningKind::TooDeep { .. } => "too-deep",
            };
            (w.line, k.to_string())
        })
        .collect();
    let mut found = found;
    found.sort();
    assert_eq!(
        found,
        vec![
            (3, "no-title".into()),
            (4, "empty-url".into()),
            (6, "duplicate".into()),
            (7, "missing".into()),
        ]
    );
    assert!(load("check/clean.md").warnings.is_empty());
}

#[test]
fn bundled_notes_hold_the_seed_papers() {
    let loaded = loader::load_bundled();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let d = &loaded.library.documents[0];
    assert_eq!(d.source, "notes/atc-2025.md");
    assert_eq!(&*d.title, "ATC 2025");
    assert_eq!(d.papers.len(), 28);
    let g = paper(d, "GreyHound");
    assert_eq!(names(&g.affiliations), vec!["HKUST", "Alibaba"]);
    assert_eq!(
        g.link("paper").map(|l| &*l.url),
        Some("https://www.usenix.org/conference/atc25/presentation/wu-tianyuan")
    );
    assert!(!g.takeaways.is_empty());
}

// ----- entry shapes (see README, "The notes format") ----------------------------------------------

/// (line, shape, title, link URLs) of every paper of a fixture under `tests/fixtures/shapes`.
fn shapes(name: &str) -> Vec<(usize, &'static str, String, Vec<String>)> {
    doc(&format!("shapes/{name}"))
        .papers
        .iter()
        .map(|p| {
            (
                p.line,
                p.shape.as_str(),
                p.title.to_string(),
                p.links.iter().map(|l| l.url.to_string()).collect(),
            )
        })
        .collect()
}

fn shape_titles(name: &str) -> Vec<String> {
    shapes(name).into_iter().map(|(_, _, t, _)| t).collect()
}

#[test]
fn papers_heading_with_sibling_topic_headings_until_references() {
    let d = doc("shapes/papers-siblings.md");
    assert_eq!(
        titles(&d),
        vec![
            "Lampshade: Navigating by Porch Lights",
            "Dustless: Shedding Scales Without Loss"
        ]
    );
    // The sibling headings are topics of the Papers region, not of the meta above it.
    assert_eq!(&*d.papers[0].topics, ["Night Flight".to_string()]);
    assert_eq!(&*d.papers[1].topics, ["Wing Scales".to_string()]);
}

#[test]
fn link_less_papers_nested_under_topic_bullets() {
    let d = doc("shapes/nested-unlinked.md");
    assert_eq!(
        titles(&d),
        vec![
            "Cocoon: Accelerating Larval Growth with Silk Parallelism",
            "Pupa: Sleeping Through Winter at Scale",
            "Chrysalis Scheduling for Many Small Moths",
            "Nectar: Serving Flowers to Millions of Moths",
            "Glow: Seeing in the Dark",
            "Dusk Routing Without Maps",
        ]
    );
    let cocoon = paper(&d, "Cocoon");
    assert_eq!(cocoon.shape.as_str(), "unlinked");
    assert_eq!(names(&cocoon.affiliations), ["Silk U", "Leaf Co"]);
    assert_eq!(
        &*cocoon.topics,
        ["Large Moths".to_string(), "Moth Training".to_string()]
    );
    // A label is a note, not an affiliation; the affiliation is the next bullet.
    let pupa = paper(&d, "Pupa");
    assert_eq!(names(&pupa.affiliations), ["Frost Labs"]);
    assert_eq!(pupa.takeaways[0].text.plain(), "Industry Track");
    // A bare URL bullet under a paper is its note, never a paper.
    let nectar = paper(&d, "Nectar");
    assert_eq!(names(&nectar.affiliations), ["Garden Institute"]);
    assert_eq!(
        nectar.takeaways[0].text.plain(),
        "https://moth.example.org/nectar-preprint"
    );
    // A one-word sibling is not a title; a linked paper's link-less sibling is a paper, as before.
    assert!(!titles(&d).contains(&"Antennae"));
    assert_eq!(paper(&d, "Glow").shape.as_str(), "link-group");
}

#[test]
fn awesome_list_link_groups() {
    let s = shapes("awesome-groups.md");
    let urls = |i: usize| s[i].3.clone();
    assert_eq!(
        shape_titles("awesome-groups.md"),
        vec![
            "Owls Can Count to Five",
            "Hooting as Communication",
            "Silent Flight for Drones",
            "Night Vision Revisited",
            "Talons and Torque",
            "Feathers Against Noise",
        ]
    );
    assert!(s.iter().all(|p| p.1 == "link-group"), "{s:?}");
    assert_eq!(
        urls(0),
        [
            "https://arxiv.org/abs/2401.00001",
            "https://github.com/owls/count"
        ]
    );
    // Badges (an image in a link, or a bare shields image) are never links.
    assert_eq!(
        urls(4),
        [
            "https://arxiv.org/abs/2401.00005",
            "https://github.com/owls/talons"
        ]
    );
    assert_eq!(urls(5), ["https://arxiv.org/abs/2401.00006"]);
    let d = doc("shapes/awesome-groups.md");
    // Labels without their brackets; a leading venue tag is the venue.
    assert_eq!(&*d.papers[0].links[0].label, "Paper");
    assert_eq!(&*d.papers[1].links[0].label, "pdf");
    assert_eq!(d.papers[4].venue.as_deref(), Some("NeurIPS'23"));
}

#[test]
fn title_as_link_continued_with_venue_and_description() {
    let d = doc("shapes/title-link.md");
    let w = paper(&d, "Wingbeat");
    assert_eq!(&*w.title, "Wingbeat: Modelling the Owl's Silent Stroke");
    assert_eq!(w.venue.as_deref(), Some("ICML'24"));
    assert_eq!(w.takeaways[0].text.plain(), "we model every feather");
    assert_eq!(&*w.links[0].label, "Paper");
    assert_eq!(paper(&d, "Perch").venue.as_deref(), Some("OWL 2023"));
    assert_eq!(paper(&d, "Talon").authors.as_deref(), Some("Ada Barn"));
    assert!(d.papers.iter().all(|p| p.shape.as_str() == "title-link"));
}

#[test]
fn numbered_bold_titles_with_authors_venue_and_a_continued_line() {
    let d = doc("shapes/bold-titles.md");
    assert_eq!(
        titles(&d),
        vec![
            "A Survey of Owl Cognition",
            "Your Owl is Watching!",
            "Owls Without Trees: A Field Study"
        ]
    );
    let p = &d.papers[0];
    assert_eq!(p.authors.as_deref(), Some("Ada Barn, Bo Tawny"));
    assert_eq!(p.venue.as_deref(), Some("OWL 2021"));
    // The entry's line is its `1.` line; the links on the next line are its links.
    assert_eq!(d.papers[2].line, 7);
    assert_eq!(
        &*d.papers[2].links[0].url,
        "https://owls.example.org/trees.pdf"
    );
    assert!(d.papers.iter().all(|p| p.shape.as_str() == "bold-title"));
}

#[test]
fn table_rows_with_a_title_or_paper_column() {
    let s = shapes("table.md");
    assert_eq!(
        s,
        vec![
            (
                7,
                "table-row",
                "Hoot Injection: Fooling Owls with Echoes (HootInj)".to_string(),
                vec![
                    "https://arxiv.org/abs/2502.00001".to_string(),
                    "https://github.com/owls/hootinj".to_string()
                ]
            ),
            (
                15,
                "table-row",
                "Barn: Pre-training Owls on Hoots".to_string(),
                vec![
                    "https://arxiv.org/abs/1901.00001".to_string(),
                    "notes/barn.md".to_string()
                ]
            ),
        ],
        "a toolkit without a paper link, a blog post and a wordpress post are not papers"
    );
    let d = doc("shapes/table.md");
    assert_eq!(d.papers[0].venue.as_deref(), Some("arXiv 2025.02"));
    assert_eq!(names(&d.papers[1].affiliations), ["Owl U", "Night Lab"]);
}

#[test]
fn headings_followed_by_field_lines() {
    let d = doc("shapes/heading-fields.md");
    assert_eq!(
        titles(&d),
        vec!["Seeing by Starlight", "Motion Without Blur"]
    );
    let p = &d.papers[0];
    assert_eq!(p.shape.as_str(), "heading-fields");
    assert_eq!(p.line, 5);
    assert_eq!(
        p.links.iter().map(|l| &*l.url).collect::<Vec<_>>(),
        [
            "https://arxiv.org/abs/2403.00001",
            "https://github.com/owls/starlight"
        ]
    );
    assert_eq!(p.authors.as_deref(), Some("Ada Barn, Bo Tawny"));
    assert_eq!(
        p.takeaways[0].text.plain(),
        "Summary: Owls see by starlight alone."
    );
}

#[test]
fn details_summaries_and_bold_paragraphs_are_topics() {
    let d = doc("shapes/topics-wrappers.md");
    let topics: Vec<Vec<String>> = d.papers.iter().map(|p| p.topics.to_vec()).collect();
    assert_eq!(
        topics,
        vec![
            vec!["Hearing".to_string()],
            vec!["2024".to_string()],
            vec!["2023".to_string()]
        ]
    );
}

#[test]
fn a_papers_own_note_stays_a_page() {
    let d = doc("shapes/note-page.md");
    assert_eq!(d.kind, DocKind::Page);
    assert!(d.papers.is_empty());
}

#[test]
fn software_sites_courses_and_navigation_are_not_papers() {
    assert_eq!(
        shape_titles("not-papers.md"),
        vec!["Owl Memory in the Wild"]
    );
}

#[test]
fn a_link_rich_file_with_no_paper_is_reported() {
    let l = load("shapes/unread.md");
    let found: Vec<String> = l.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].ends_with("unread.md: 6 links but no paper: unrecognised list format"),
        "{found:?}"
    );
    assert_eq!(loader::unread_files(&l.warnings), 1);
    // A note page with a few links is not reported.
    assert!(load("shapes/note-page.md").warnings.is_empty());
}

/// (line, shape, title, link URLs) of the papers of a fixture under `tests/fixtures/shapes`, as tuples
/// of borrowed strings for comparing.
fn read(name: &str) -> Vec<(usize, String, String)> {
    shapes(name)
        .into_iter()
        .map(|(line, shape, title, _)| (line, shape.to_string(), title))
        .collect()
}

#[test]
fn title_lines_followed_by_field_bullets_or_field_paragraphs_are_papers() {
    let got = read("title-lines.md");
    let titles: Vec<(usize, &str)> = got.iter().map(|(l, _, t)| (*l, t.as_str())).collect();
    assert_eq!(
        titles,
        [
            (5, "Owls See by Starlight Alone"),
            (10, "Counting Feathers at Scale"),
            (17, "Silent Wings for Quiet Drones"),
            (21, "Talons and Torque: Gripping Without Slipping"),
            (27, "Gliding Through Pine Forests"),
            (35, "Hovering Over Snow"),
            (49, "Barn Owls Hear Mice"),
        ]
    );
    assert!(got[..6].iter().all(|(_, s, _)| s == "title-line"));
    let urls = |i: usize| shapes("title-lines.md")[i].3.clone();
    // `None` is no URL; a bare URL bullet and `OpenReview Link:` give the paper's URL.
    assert_eq!(urls(0), ["http://arxiv.org/pdf/2401.00101"]);
    assert_eq!(urls(2), ["https://openreview.net/forum?id=owl103"]);
    // Field paragraphs up to the next title: every link, in order; the template after the last one
    // (a field name that comes again) is not its.
    assert_eq!(
        urls(4),
        [
            "https://zhuanlan.zhihu.com/p/105",
            "https://arxiv.org/abs/2401.00105",
            "https://github.com/owls/glide"
        ]
    );
    assert_eq!(urls(5), ["https://owls.example.org/hover"]);
    // A bold topic over a list of papers stays a topic.
    let d = doc("shapes/title-lines.md");
    assert_eq!(
        &*paper(&d, "Barn Owls").topics,
        ["Topics stay topics", "Barn Owls"]
    );
}

#[test]
fn readings_cited_in_full_take_the_bold_title_wherever_it_stands() {
    let d = doc("shapes/citations.md");
    assert_eq!(d.kind, DocKind::List);
    assert_eq!(
        titles(&d),
        [
            "As Owls May Think",
            "Knowledge-based owl vision",
            "Chapter 2 Counting Owls",
            "Direct Owl Interfaces"
        ]
    );
    // A URL glued to `DOI=` is a link; a DOI without a URL is not.
    let urls: Vec<&str> = d.papers[1].links.iter().map(|l| &*l.url).collect();
    assert_eq!(urls, ["http://dx.doi.org/10.1145/owl.108"]);
    assert!(d.papers[3].links.is_empty());
    assert_eq!(d.papers[3].line, 9);
    assert_eq!(d.papers[1].authors.as_deref(), Some("Ann Smith and Bo Li"));
}

#[test]
fn paragraphs_that_open_with_a_bold_title_and_link_their_paper() {
    let got = read("paragraphs.md");
    assert_eq!(
        got,
        [
            (
                5,
                "paragraph".to_string(),
                "Owl Diffusion for X-Ray Denoising".to_string()
            ),
            (
                10,
                "paragraph".to_string(),
                "Owl Segmentation of Feather Scans".to_string()
            ),
        ]
    );
    let d = doc("shapes/paragraphs.md");
    assert_eq!(d.papers[0].authors.as_deref(), Some("Ann Smith, Bo Li"));
    assert_eq!(d.papers[0].links.len(), 2);
}

#[test]
fn a_badge_table_takes_its_title_from_the_title_and_authors_column() {
    let s = shapes("badge-table.md");
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].2, "OwlPrune: Pruning Feathers for Faster Flight");
    // Badges are neither titles nor links; the title link, then the Links cell, in order.
    assert_eq!(
        s[0].3,
        [
            "https://arxiv.org/abs/2401.00112",
            "https://arxiv.org/abs/2401.00112",
            "https://github.com/owls/prune"
        ]
    );
    assert_eq!(s[1].2, "Merging Owl Tokens");
    let d = doc("shapes/badge-table.md");
    assert_eq!(d.papers[0].authors.as_deref(), Some("Ann Smith, Bo Li"));
}

#[test]
fn a_mixed_awesome_list_keeps_papers_and_leaves_tools_people_and_lists() {
    assert_eq!(
        shape_titles("mixed-awesome.md"),
        [
            // A lead-in before a link to one paper is not the title.
            "Owls: A Comprehensive Survey",
            // A Contents heading hides nothing; `(2031)` is the year.
            "A Review of Owl Flight",
            "Owl Vision: State of the Art",
            // A section named Software still holds the papers it links on a paper host.
            "OwlLib: A Library for Owl Simulation",
            // A list item that is a heading.
            "Owls Hear in Stereo",
            "Hooting at Scale",
            // A paper's title with only its code, among papers.
            "Perching on Thin Branches",
            // Award tags leave the titles.
            "Silent Wings",
            "Sharp Talons",
        ]
    );
    let d = doc("shapes/mixed-awesome.md");
    assert_eq!(d.papers[1].venue.as_deref(), Some("2031"));
}

#[test]
fn a_links_kind_is_decided_at_load_from_its_url_and_label() {
    use takeaway::model::LinkKind;
    let d = doc("shapes/link-kinds.md");
    let kinds = |i: usize| -> Vec<LinkKind> { d.papers[i].links.iter().map(|l| l.kind).collect() };
    assert_eq!(kinds(0), [LinkKind::Paper, LinkKind::Code]);
    // The title's link to GitHub is code, though the shape reads it as the paper's.
    assert_eq!(kinds(1), [LinkKind::Code, LinkKind::Paper]);
    assert_eq!(kinds(2), [LinkKind::Paper, LinkKind::Code, LinkKind::Video]);
    for p in &d.papers {
        assert!(
            p.has(LinkKind::Paper) && p.has(LinkKind::Code),
            "{}",
            p.title
        );
    }
    assert!(d.papers[2].has(LinkKind::Video));
}

#[test]
fn bare_urls_count_as_links_and_an_unread_file_is_reported() {
    let loaded = load("shapes/unread-bare.md");
    assert!(loaded.library.documents[0].papers.is_empty());
    assert!(loaded
        .warnings
        .iter()
        .any(|w| matches!(w.kind, WarningKind::Unrecognised { links: 5 })));
}

#[test]
fn a_bullet_shaped_like_its_sibling_topics_is_a_topic() {
    let d = doc("shapes/sibling-topics.md");
    assert_eq!(
        titles(&d),
        [
            "FlexOwl: Accelerating Owl Training with Flexible Parallelism",
            "OwlQuant: Quantizing Owl Nets Without Loss",
            "Pruned Owls Fly Faster and Farther",
        ]
    );
    assert_eq!(
        &*paper(&d, "OwlQuant").topics,
        [
            "Training".to_string(),
            "Quantization & Compression".to_string()
        ]
    );
}

#[test]
fn a_note_of_authors_gives_authors_and_venue_not_affiliations() {
    let d = doc("shapes/author-notes.md");
    let owlco = paper(&d, "OWLCO");
    assert!(owlco.affiliations.is_empty(), "{:?}", owlco.affiliations);
    assert_eq!(owlco.authors.as_deref(), Some("Ann Owlsworth, Bo Hoot"));
    assert_eq!(owlco.venue.as_deref(), Some("OWL 2011"));
    assert_eq!(owlco.takeaways.len(), 1);
    let deep = paper(&d, "Deep Owl");
    assert!(deep.affiliations.is_empty(), "{:?}", deep.affiliations);
    assert_eq!(
        deep.authors.as_deref(),
        Some("Smith, Ann, Bo Hoot, and Cy Nightjar")
    );
    assert_eq!(deep.venue.as_deref(), Some("NOC 2018"));
    // Institutions stay affiliations; so do names of places without a venue after them.
    assert_eq!(
        names(&paper(&d, "Owls Counted").affiliations),
        ["SIAT, CAS"]
    );
    let placed = paper(&d, "Owls Placed");
    assert_eq!(placed.authors, None);
    assert!(!placed.affiliations.is_empty(), "{:?}", placed.takeaways);
    assert_eq!(
        names(&paper(&d, "Owls Ranked").affiliations),
        ["Owl University", "Night Lab"]
    );
}

/// A paper's affiliations as plain strings, to compare with a list.
fn names(affiliations: &[Box<str>]) -> Vec<&str> {
    affiliations.iter().map(|a| &**a).collect()
}

#[test]
fn an_item_over_field_bullets_is_a_paper_with_the_fields_links() {
    let got = shapes("item-fields.md");
    let found: Vec<(usize, &str, Vec<&str>)> = got
        .iter()
        .map(|(l, _, t, u)| (*l, t.as_str(), u.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        found,
        [
            (
                3,
                "Owl Pruning: Fewer Feathers, Same Flight",
                vec![
                    "https://arxiv.org/abs/2401.00201",
                    "https://github.com/owls/pruning"
                ]
            ),
            (
                6,
                "Quantised Hoots for Tiny Owls",
                vec!["https://arxiv.org/abs/2401.00202"]
            ),
        ]
    );
    // The field bullets stay the paper's notes.
    let d = doc("shapes/item-fields.md");
    let notes: Vec<String> = paper(&d, "Quantised")
        .takeaways
        .iter()
        .map(|n| n.text.plain())
        .collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
}

#[test]
fn links_separated_by_pipes_then_a_venue_are_a_link_group() {
    let d = doc("shapes/pipe-venue.md");
    assert_eq!(
        titles(&d),
        [
            "Hootformer: Learning to Hoot, Listen, and Critique through Self-Reflection",
            "Perchnet: Choosing Branches at Night",
        ]
    );
    let h = &d.papers[0];
    assert_eq!(h.venue.as_deref(), Some("OWL 2024"));
    let urls: Vec<&str> = h.links.iter().map(|l| &*l.url).collect();
    assert_eq!(
        urls,
        [
            "https://arxiv.org/abs/2410.00001",
            "https://github.com/owls/hootformer"
        ]
    );
    assert_eq!(h.shape.as_str(), "link-group");
}

#[test]
fn a_bare_url_after_a_title_is_its_link() {
    let s = shapes("bare-url-titles.md");
    let got: Vec<(&str, &str, Vec<&str>)> = s
        .iter()
        .map(|(_, shape, t, urls)| {
            (
                *shape,
                t.as_str(),
                urls.iter().map(|u| u.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "link-group",
                "Moonpath: Asynchronous Distributed Dataflow for Owl Flocks",
                vec!["https://arxiv.org/abs/2405.00001"]
            ),
            (
                "link-group",
                "Hoot-MoE: Designing Stable and Transferable Sparse Owl Experts",
                vec!["https://arxiv.org/abs/2405.00002"]
            ),
            (
                "link-group",
                "Perch Layers: Simplifying Training of Large, Sparse Owls",
                vec!["https://arxiv.org/abs/2405.00003"]
            ),
        ]
    );
    let d = doc("shapes/bare-url-titles.md");
    assert_eq!(d.papers[0].venue.as_deref(), Some("OWL 2022"));
    assert_eq!(d.papers[2].venue.as_deref(), Some("ICML 2021"));
}

#[test]
fn an_html_only_list_of_paper_links_is_reported() {
    for (name, n) in [("html-list.md", 5), ("html-table.md", 5)] {
        let l = load(&format!("shapes/{name}"));
        assert!(l.library.documents[0].papers.is_empty());
        let found: Vec<String> = l.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        assert!(
            found[0].ends_with(&format!(
                "{name}: {n} links but no paper: unrecognised list format"
            )),
            "{found:?}"
        );
    }
}

#[test]
fn decoration_before_a_title_is_left_out() {
    let s = shapes("decorated-titles.md");
    let got: Vec<(&str, &str)> = s.iter().map(|(_, sh, t, _)| (*sh, t.as_str())).collect();
    assert_eq!(
        got,
        [
            (
                "bold-title",
                "Hootformer: Owls Can Teach Themselves to Hoot"
            ),
            (
                "bold-title",
                "OwlGPT: Meta Programming for a Multi-Owl Parliament"
            ),
            (
                "title-link",
                "Moonwing: Linear-Time Flight Planning with Selective Perches"
            ),
            ("title-link", "Barnlight: Hunting by Starlight"),
        ]
    );
    let d = doc("shapes/decorated-titles.md");
    assert_eq!(d.papers[0].venue.as_deref(), Some("OWL 2023"));
    assert_eq!(d.papers[1].venue.as_deref(), Some("NOCT 2024"));
    assert_eq!(
        &*d.papers[2].links[0].url,
        "https://arxiv.org/abs/2409.00003"
    );
}

#[test]
fn emoji_that_mark_links_stay_out_of_the_title() {
    let s = shapes("emoji-markers.md");
    let got: Vec<(&str, usize)> = s.iter().map(|(_, _, t, u)| (t.as_str(), u.len())).collect();
    assert_eq!(
        got,
        [
            (
                "OwlMoE: Towards Ultimate Expert Specialization in Mixture-of-Owls Models",
                2
            ),
            ("Parliament: Adaptive Mixture-of-Owls at Scale", 2),
        ]
    );
}

#[test]
fn an_abbreviation_in_a_title_is_not_where_authors_start() {
    let d = doc("shapes/abbreviations.md");
    assert_eq!(
        titles(&d),
        [
            "Dr. Hoot and Mr. Screech in Owl Storage Systems",
            "Barn Owls vs. Tawny Owls: A Field Study",
        ]
    );
    assert_eq!(d.papers[0].authors, None);
    assert_eq!(d.papers[1].authors.as_deref(), Some("Ada Barn, Bo Tawny"));
}

#[test]
fn a_bold_field_line_is_never_a_title() {
    let d = doc("shapes/field-line.md");
    assert!(
        d.papers.iter().all(|p| &*p.title != "Link"),
        "{:?}",
        titles(&d)
    );
}

#[test]
fn authors_after_the_title_with_et_al_or_between_dashes_are_authors() {
    let d = doc("shapes/authors-after.md");
    assert_eq!(
        titles(&d),
        [
            "Owltable: A Distributed Storage System for Structured Pellets",
            "HootReduce: Simplified Hoot Processing on Large Parliaments",
        ]
    );
    let got: Vec<(Option<&str>, Option<&str>)> = d
        .papers
        .iter()
        .map(|p| (p.authors.as_deref(), p.venue.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("Ada Barn, Bo Tawny, et al"), Some("OWL 2006")),
            (Some("Ada Barn, Cy Screech"), Some("OWL 2004")),
        ]
    );
}

#[test]
fn a_venue_never_ends_with_the_separator_before_the_links() {
    let d = doc("shapes/venue-separators.md");
    let got: Vec<(&str, Option<&str>)> = d
        .papers
        .iter()
        .map(|p| (&*p.title, p.venue.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Hoot Transformers: Scaling to Trillion Feather Models with Simple and Efficient Sparsity",
                Some("OWL 2022")
            ),
            ("Corrective Retrieval for Night Hunting", Some("arXiv 2024")),
            ("Barn Owl Routing", Some("OWL 2021")),
        ]
    );
}

#[test]
fn a_trailing_venue_or_a_link_labelled_by_one_is_not_title_text() {
    let d = doc("shapes/trailing-venues.md");
    let got = titles_venues_links(&d);
    assert_eq!(
        got,
        [
            (
                "OwlBlocks: Efficient Sparse Training with Mixture-of-Owls",
                Some("OwlSys 2023"),
                2
            ),
            (
                "Scaling Night Vision with Sparse Mixture of Owls (V-Owl)",
                Some("NeurIPS 2021"),
                1
            ),
            (
                "Hoot: Synergizing Reasoning and Acting in Owls",
                Some("ICLR 2023"),
                1
            ),
            ("Graph Owl Networks", Some("ICLR 2018"), 2),
        ]
    );
    assert_eq!(&*d.papers[2].links[0].label, "arXiv:2210.00003");
}

#[test]
fn authors_first_then_a_bold_italic_or_quoted_title() {
    let d = doc("shapes/authors-first.md");
    assert_eq!(
        titles_authors_venues(&d),
        [
            (
                "Retrieval-Augmented Hooting for Knowledge-Intensive Night Tasks",
                Some("Barn et al"),
                Some("NeurIPS 2020")
            ),
            ("Owls Counting at Night", Some("Ada Barn"), Some("OWL 2021")),
            (
                "Time, Hoots, and the Ordering of Owls in a Distributed Parliament",
                Some("Tawny Screech"),
                Some("Communications of the Owls, 1978")
            ),
        ]
    );
}

#[test]
fn researchers_blogs_and_courses_are_not_papers() {
    let d = doc("shapes/not-papers-people.md");
    assert_eq!(titles(&d), ["Spectral Owls", "Graph Owl Networks"]);
}

#[test]
fn full_width_brackets_hold_a_venue_tag_and_a_link_group() {
    let d = doc("shapes/full-width-brackets.md");
    let got = titles_venues_links(&d);
    assert_eq!(
        got,
        [
            (
                "Efficient Streaming Owl Models with Attention Perches",
                Some("OWL 2024"),
                2
            ),
            ("Night Vision for Barn Owls", Some("ICLR 2023"), 1),
        ]
    );
}

/// Each paper's title, authors and venue.
fn titles_authors_venues(d: &Document) -> Vec<(&str, Option<&str>, Option<&str>)> {
    d.papers
        .iter()
        .map(|p| (&*p.title, p.authors.as_deref(), p.venue.as_deref()))
        .collect()
}

/// Each paper's title and link URLs.
fn titles_urls(d: &Document) -> Vec<(&str, Vec<&str>)> {
    (d.papers.iter())
        .map(|p| (&*p.title, p.links.iter().map(|l| &*l.url).collect()))
        .collect()
}

/// Each paper's line, title, one more field (`authors`, `venue`, …) and link URLs.
fn lines_titles_urls<'a>(
    d: &'a Document,
    field: impl Fn(&'a Paper) -> Option<&'a str>,
) -> Vec<(usize, &'a str, Option<&'a str>, Vec<&'a str>)> {
    (d.papers.iter())
        .map(|p| {
            (
                p.line,
                &*p.title,
                field(p),
                p.links.iter().map(|l| &*l.url).collect(),
            )
        })
        .collect()
}

/// Each paper's title, venue and number of links.
fn titles_venues_links(d: &Document) -> Vec<(&str, Option<&str>, usize)> {
    d.papers
        .iter()
        .map(|p| (&*p.title, p.venue.as_deref(), p.links.len()))
        .collect()
}

#[test]
fn a_title_in_brackets_or_an_undefined_reference_is_the_title() {
    let d = doc("shapes/bracketed-titles.md");
    assert_eq!(
        titles_venues_links(&d),
        [
            ("Night Owls and the Moon", Some("OWL 2022"), 1),
            // A reference defined nowhere is a link without an address, which `--check` names.
            ("Barn Owl Acoustics", None, 1),
            ("Tawny Owl Migration", None, 2),
            // Brackets around the whole title are not a tag before one.
            ("Snowy Owl Camouflage", None, 1),
            // A tag before a title is still taken off.
            ("Great Horned Owl Diets", None, 1),
            ("Screech Owl Calls", Some("ICLR 2023"), 1),
            // Two bracketed pieces, a date and a venue, are no reference link.
            ("Eagle Owl Flight Paths", Some("arXiv 2023"), 1),
        ]
    );
    let loaded = load("shapes/bracketed-titles.md");
    let empty: Vec<(usize, &str)> = (loaded.warnings.iter())
        .filter_map(|w| match &w.kind {
            WarningKind::EmptyUrl { label } => Some((w.line, label.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        empty,
        [(6, "Barn Owl Acoustics"), (7, "Tawny Owl Migration")]
    );
}

#[test]
fn check_names_an_entry_that_links_a_paper_but_is_not_read_as_one() {
    let loaded = load("check/unread-papers.md");
    let unread: Vec<(usize, &str)> = (loaded.warnings.iter())
        .filter_map(|w| match &w.kind {
            WarningKind::UnreadPaper { url } => Some((w.line, url.as_str())),
            _ => None,
        })
        .collect();
    // Not a paper's own takeaway that cites another, nor an entry of a References section.
    assert_eq!(
        unread,
        [
            (11, "https://doi.org/10.1000/owl.2021.3"),
            (12, "https://doi.org/10.1000/owl.2022.4")
        ]
    );
    assert!(loaded.warnings[0].to_string().ends_with(
        "unread-papers.md:11: links a paper (https://doi.org/10.1000/owl.2021.3) but is not read \
         as one: an entry shape takeaway does not read"
    ));
    // Citations with their authors first (Vancouver) are read, so not named.
    let d = &loaded.library.documents[0];
    assert_eq!(
        titles(d)[..3],
        [
            "Owl Vision at Dusk",
            "Counting owls by their calls",
            "Owl census methods"
        ]
    );
}

#[test]
fn authors_after_the_titles_commas_are_not_the_title() {
    let d = doc("shapes/comma-authors.md");
    assert_eq!(
        titles_authors_venues(&d),
        [
            (
                "Perch As I Land, Not As I Fly: Grounding Owls in Branch Affordances",
                Some("Ada Barn et al"),
                Some("OWL 2022")
            ),
            (
                "Talons as Policies: Claw Programs for Embodied Hunting",
                Some("Ada Barn, Bo Tawny, Cy Screech, Di Eagle"),
                Some("OWL 2023")
            ),
            (
                "Hooting Fast",
                Some("A. Barn, B. Tawny, C. Screech, D. Eagle"),
                Some("OWLR 2021")
            ),
            (
                "Is Silent Flight all an owl needs for Hunting?",
                Some("Ada Barn, Bo Tawny, Cy Screech, Di Eagle"),
                Some("OWL 2023")
            ),
            // A title's own commas: no names after them.
            ("Owls, Bats, and Moths at Night", None, None),
            ("Sparse Owls, Dense Perches, Quiet Wings", None, None),
            // After a question, words that are not people are the title's.
            (
                "Can Owls Hunt like Hawks? A Benchmark, Datasets and Models",
                None,
                None
            ),
        ]
    );
}

#[test]
fn a_leading_venue_date_or_id_tag_is_not_the_title() {
    let d = doc("shapes/leading-tags.md");
    assert_eq!(
        titles_venues_links(&d),
        [
            ("Barn Owls as Tool Makers", Some("OWL 2024"), 1),
            (
                "Silent Programming: Compositional owl reasoning without training",
                Some("OWLV 2023"),
                1
            ),
            ("Improving Hoots through Multi-Owl Debate", Some("arXiv"), 1),
            (
                "PERCH: Communicative Owls for \"Night\" Exploration",
                Some("NeurIPS 2023"),
                1
            ),
            ("Quasi-Nocturnal Estimation of Owl Flight", Some("2019"), 1),
            (
                "Owl Workflow: From Pellet Modeling to Online Hunting",
                Some("arXiv:2401.00016"),
                1
            ),
            ("TAWNY: Tawny-Owl Networks", Some("2401.00017"), 1),
            // Words before a dash that name no venue or date stay.
            ("GPT-4 Owls - A Field Study", None, 1),
        ]
    );
}

#[test]
fn a_leading_link_named_by_a_venue_an_id_or_an_address_is_not_the_title() {
    // The title follows the link; the link stays the paper's, a venue or an id its venue.
    let d = doc("shapes/lead-links.md");
    assert_eq!(
        titles_venues_links(&d),
        [
            (
                "Perch: Solving Night Tasks with Many Owls",
                Some("OWL 2023"),
                1
            ),
            (
                "Talon: Mixed-Feather Early-Fusion Owls",
                Some("2401.00021"),
                2
            ),
            (
                "A Careful Count of Owls in Old Barns",
                Some("2401.00022"),
                1
            ),
            ("Hoot: Open Owls Based on Barn Research", None, 1),
            (
                "Tawny-V2: A Strong and Silent Mixture-of-Owls",
                Some("arXiv:2401.00024"),
                1
            ),
            ("OwlELM: An Efficient Owl Family with Open Hunting", None, 1),
        ]
    );
    let p = paper(&d, "Perch");
    assert_eq!(&*p.links[0].url, "https://openreview.net/forum?id=owl1");
}

#[test]
fn award_tags_shortcodes_star_counts_and_priorities_are_decoration() {
    let d = doc("shapes/decoration-around.md");
    assert_eq!(
        titles_venues_links(&d),
        [
            (
                "Perch: a Visual Owl Model for Few-Shot Hunting",
                Some("OWL 2022"),
                1
            ),
            (
                "TALON-2: Bootstrapping Owl-Image Pre-training with Frozen Feathers",
                None,
                2
            ),
            (
                "mHoot-Owl: Modularization Empowers Owls with Night Vision",
                None,
                1
            ),
            ("BARN: Visual Owl Tuning", None, 1),
            (
                "Direct Pellet Optimization: Your Owl is Secretly a Hunter",
                None,
                1
            ),
            ("Feathered AI: Silence from Owl Feedback", None, 1),
            // A colon inside a word is no shortcode.
            ("Counting Owls 1:2: A Ratio Study", None, 1),
        ]
    );
}

#[test]
fn a_venue_loses_its_parentheses_and_its_sentence_end() {
    let d = doc("shapes/venue-marks.md");
    assert_eq!(
        titles_venues_links(&d),
        [
            ("Owl Nets for Night", Some("OWL 2024"), 1),
            (
                "Owl Nets in the Barn, Open Owl Collaboration",
                Some("OWLR 2024"),
                2
            ),
        ]
    );
}

#[test]
fn leaderboards_listings_courses_and_blog_posts_are_not_papers() {
    // Judged by the page (a leaderboard, a listing, a dataset card, a video) and by what the entry says
    // (a course, a textbook, a blog named as its source); a paper on a paper host, an essay with its
    // author and a bare title on a blog or a project page stay papers.
    let d = doc("shapes/not-papers-sites.md");
    assert_eq!(
        titles(&d),
        [
            "Owl Nets: Counting Birds at Night",
            "Perching Owls, Revisited",
            "Owl Models are Unsupervised Hooters",
            "Segment Owls",
            "基于课程学习的猫头鹰识别",
        ]
    );
}

#[test]
fn a_title_with_its_links_in_nested_bullets_is_a_paper() {
    // Bullets that are only labelled links (`[paper](u)`, after a short note such as a task's `skim`)
    // or named fields (`论文地址：u`) carry the title's paper; a topic over linked titles stays a topic.
    let d = doc("shapes/nested-links.md");
    assert_eq!(
        titles_venues_links(&d),
        [
            (
                "OwlFormer: A Tokenized Owl Transformer for Node Counting in Large Forests",
                None,
                2
            ),
            ("Hoot Graphs: Sparse Transformers for Owl Graphs", None, 2),
            ("Owl Eyes in the Dark", None, 1),
            ("Counting Owls by Their Hoots", None, 1),
            (
                "OwlPO: Monolithic Preference Optimization without Reference Owls",
                None,
                1
            ),
            (
                "Learning Transferable Owl Models From Natural Hoot Supervision",
                None,
                2
            ),
        ]
    );
    assert_eq!(
        &*paper(&d, "OwlPO").links[0].url,
        "https://arxiv.org/abs/2403.00005"
    );
}

#[test]
fn software_cited_like_a_paper_is_not_one() {
    // Code beside its documentation, or a one-word name with its maker and no year, is software; a
    // titled entry with code and a project page stays a paper, and so does a paper in a `Code` section.
    let d = doc("shapes/not-papers-software.md");
    assert_eq!(
        titles(&d),
        [
            "Owl Gym: High Performance Hooting Simulation for Owl Learning",
            "Owl Nets: Counting Birds at Night",
            "Owl Perch Transformers",
        ]
    );
}

#[test]
fn one_papers_note_with_related_links_stays_a_page() {
    // Links to other notes (`[[key|text]]`) and readings under `## Related` do not make a list.
    let d = doc("shapes/literature-note.md");
    assert_eq!(d.kind, DocKind::Page);
    assert!(d.papers.is_empty(), "{:?}", titles(&d));
}

#[test]
fn readings_cited_by_a_reference_manager_end_with_their_links() {
    // APA, Chicago and Vancouver: the authors first, then the title (plain, italic or quoted) and the
    // venue, the links (a bare URL or DOI, `[PubMed](u)`) at the end.
    let d = doc("shapes/reference-manager.md");
    assert_eq!(d.kind, DocKind::List);
    type Cited<'a> = (
        usize,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Vec<&'a str>,
    );
    let got: Vec<Cited> = d
        .papers
        .iter()
        .map(|p| {
            (
                p.line,
                &*p.title,
                p.venue.as_deref(),
                p.authors.as_deref(),
                p.links.iter().map(|l| &*l.url).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                7,
                "Owls Can Count: Numeracy in Nocturnal Raptors",
                Some("Proceedings of the Owl Conference 2019"),
                Some("Smith, A., Li, B.-Y., & Wu, C."),
                vec!["https://doi.org/10.5555/owl.2019.12"],
            ),
            (
                8,
                "Silent Flight at Scale",
                Some("arXiv 2022"),
                Some("Barn, T., … Tawny, E."),
                vec!["https://arxiv.org/abs/2201.00001"],
            ),
            (
                13,
                "Night Vision Without Light",
                Some("Proceedings of the Owl Workshop 2016"),
                Some("Smith, Ann, and Bo Li"),
                vec!["https://doi.org/10.5555/owl.2016.33"],
            ),
            (
                17,
                "Feather structure predicts flight noise",
                Some("Owl Sci 2021"),
                Some("Tawny E, Barn T, Screech O, et al"),
                vec!["https://pubmed.ncbi.nlm.nih.gov/00000001/"],
            ),
            (
                18,
                "Talons grip by counting twigs",
                Some("Owl Nature 2023"),
                Some("Barn T, et al"),
                vec!["https://doi.org/10.5555/owlnat.2023.1"],
            ),
        ]
    );
    assert!(d.papers.iter().all(|p| p.shape.as_str() == "citation"));
    // Software cited the same way (`[Computer software]`) is not a paper.
    assert!(!titles(&d).iter().any(|t| t.starts_with("Hoot")));
    let loaded = load("shapes/reference-manager.md");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    // A note's few citations under `### Related work` are its references: it stays a page.
    let d = doc("shapes/note-references.md");
    assert_eq!(d.kind, DocKind::Page);
}

#[test]
fn sibling_headings_each_over_its_papers_links_are_papers() {
    // `#### Title` over a paragraph of links (with authors and venue), `[[Paper]](u)` alone, a quote of
    // authors over a list of links, or fields side by side on one line; deeper than the document's
    // `##` sections, and two or more siblings.
    let d = doc("shapes/heading-links.md");
    assert_eq!(d.kind, DocKind::List);
    type Read<'a> = (usize, &'a str, Option<&'a str>, Option<&'a str>, usize);
    let got: Vec<Read> = d
        .papers
        .iter()
        .map(|p| {
            (
                p.line,
                &*p.title,
                p.venue.as_deref(),
                p.authors.as_deref(),
                p.links.len(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                7,
                "Owls Locate Prey by Sound Alone",
                Some("OWL 2020"),
                Some("Ann Smith, Bo Li, et al"),
                2
            ),
            (
                13,
                "Facial Discs as Acoustic Dishes",
                Some("OWL 2021"),
                None,
                1
            ),
            (
                19,
                "Night Hunting Without Light",
                Some("Owl Journal 2022"),
                Some("Cy Wu, Di Ng, et al"),
                2
            ),
            (
                26,
                "Silent Wings, Loud World",
                Some("OWL 2023"),
                Some("Barn et al"),
                1
            ),
            (
                30,
                "Talons That Count",
                Some("OWL 2024 (Oral)"),
                Some("Ed Tawny, Flo Screech"),
                2
            ),
        ]
    );
    assert!(d
        .papers
        .iter()
        .all(|p| p.shape.as_str() == "heading-fields"));
    // What follows the links is a note of the paper.
    let p = paper(&d, "Owls Locate");
    assert_eq!(
        p.takeaways[0].text.plain(),
        "Two ears at different heights give the owl a vertical sense of sound."
    );
    // Software under headings of its own (code and docs, no paper) and a prose heading are not papers.
    assert!(!titles(&d)
        .iter()
        .any(|t| t.contains("Kit") || t.contains("Hoot")));
    assert!(!titles(&d).iter().any(|t| t.starts_with("Where")));
    assert!(load("shapes/heading-links.md").warnings.is_empty());
}

#[test]
fn a_table_whose_header_names_the_title_in_chinese_is_read() {
    // `标题`/`论文名称` name the title, `论文`/`链接` the paper's link, `会议/期刊` the venue,
    // `发表时间` the date and `作者单位` the affiliations, as their English names do.
    let d = doc("shapes/chinese-table.md");
    let got: Vec<(usize, &str, Option<&str>, usize)> = d
        .papers
        .iter()
        .map(|p| (p.line, &*p.title, p.venue.as_deref(), p.links.len()))
        .collect();
    assert_eq!(
        got,
        [
            (7, "Owls Count in the Dark", Some("OWL 2023"), 2),
            (8, "Silent Flight Models", Some("arXiv 2024"), 1),
            (
                12,
                "Talons and Twigs: Grip Without Sight",
                Some("2024.01"),
                1
            ),
        ]
    );
    assert!(d.papers.iter().all(|p| p.shape.as_str() == "table-row"));
    assert_eq!(names(&d.papers[2].affiliations), ["猫头鹰实验室"]);
}

#[test]
fn ieee_references_take_the_quoted_title_after_the_initials() {
    // `A. Smith, B. Li, and C. Wu, "Title," in *Venue*, 2016, pp. 1–9. [[PDF]](u)`: in a `References`
    // section an entry is a paper when it links its paper (a label, or a paper host); a repository
    // cited the same way is software.
    let d = doc("shapes/ieee-references.md");
    let got: Vec<(usize, &str, Option<&str>)> = d
        .papers
        .iter()
        .map(|p| (p.line, &*p.title, p.venue.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                5,
                "Deep owl vision for night hunting",
                Some("Proc. OWL 2016")
            ),
            (6, "Feathers are worth 16x16 words", Some("Proc. OWL 2021")),
            (
                11,
                "Deep owl hearing for night hunting",
                Some("Proc. OWL 2016")
            ),
            (12, "Ears are worth 16x16 words", Some("Proc. OWL 2021")),
            (13, "Do owls hear like bats?", Some("Proc. OWL 2022")),
        ]
    );
    assert_eq!(
        d.papers[4].authors.as_deref(),
        Some("F. Barn and G. Screech")
    );
    assert!(load("shapes/ieee-references.md").warnings.is_empty());
}

#[test]
fn a_heading_that_is_its_papers_link_over_its_authors_is_a_paper() {
    // `### [Title](arXiv)` over an italic line of names and a summary: the heading is the paper, its
    // link the paper's; links further down are notes. A heading linking a site's front page is not one.
    let d = doc("shapes/heading-link-papers.md");
    assert_eq!(d.kind, DocKind::List);
    let got = lines_titles_urls(&d, |p| p.authors.as_deref());
    assert_eq!(
        got,
        [
            (
                7,
                "Owls Hear in Three Dimensions",
                Some("Ann Smith, Bo Li, et al"),
                vec!["https://arxiv.org/abs/2402.00021"]
            ),
            (
                14,
                "Feathers That Do Not Rustle",
                Some("Cy Wu, Di Ng"),
                vec!["https://arxiv.org/abs/2402.00022"]
            ),
        ]
    );
    assert!(d
        .papers
        .iter()
        .all(|p| p.shape.as_str() == "heading-fields"));
}

#[test]
fn org_mode_states_priorities_and_tags_are_decoration() {
    // `## DONE [Title](u)     :tag:other:` exported by ox-md: the link is the paper's, the state
    // (`TODO`, `DONE`, `READING`, also in a `<span>`), a priority `[#B]` and the tags are no part of
    // the title.
    let d = doc("shapes/org-export.md");
    let got = titles_urls(&d);
    assert_eq!(
        got,
        [
            (
                "Owls Hear in Three Dimensions",
                vec!["https://arxiv.org/abs/2402.00031"]
            ),
            (
                "Feathers That Do Not Rustle",
                vec!["https://arxiv.org/abs/2402.00032"]
            ),
            (
                "Talons That Count",
                vec!["https://arxiv.org/abs/2402.00033"]
            ),
            (
                "Night Vision for Small Owls",
                vec!["https://arxiv.org/abs/2402.00034"]
            ),
            (
                "Owls at the Edge of Town",
                vec!["https://arxiv.org/abs/2402.00035"]
            ),
        ]
    );
    assert_eq!(d.papers[0].authors.as_deref(), Some("Smith, Li"));
}

#[test]
fn japanese_and_korean_field_names_are_read_as_chinese_ones_are() {
    // `### 第1回：Title` over `- 著者：…`, `- 会議：…`, `- 論文：url`, `- コード：url` (full-width colons), and
    // `- 제목: Title` over `- 학회: …`, `- 논문: url`: the session number and the title's field name are
    // not the title; `論文`, `発表資料` and the like are labels.
    let d = doc("shapes/cjk-fields.md");
    let got = lines_titles_urls(&d, |p| p.venue.as_deref());
    assert_eq!(
        got,
        [
            (
                5,
                "Owls Hear in Three Dimensions",
                Some("OWL 2020"),
                vec![
                    "https://arxiv.org/abs/2001.00041",
                    "https://github.com/owls/hear"
                ]
            ),
            (
                12,
                "Feathers That Do Not Rustle",
                Some("OWL 2021"),
                vec!["https://arxiv.org/abs/2101.00042"]
            ),
            (
                19,
                "Talons That Count",
                Some("OWL 2022"),
                vec![
                    "https://arxiv.org/abs/2201.00043",
                    "https://github.com/owls/talons"
                ]
            ),
            (
                23,
                "Night Vision for Small Owls",
                Some("OWL 2023"),
                vec!["https://arxiv.org/abs/2301.00044"]
            ),
            (
                26,
                "Owls at the Edge of Town",
                None,
                vec![
                    "https://arxiv.org/abs/2301.00045",
                    "https://speakerdeck.com/owls/edge"
                ]
            ),
        ]
    );
    let p = paper(&d, "Owls Hear");
    assert_eq!(p.authors.as_deref(), Some("Ann Smith, Bo Li"));
    assert_eq!(p.takeaways[0].text.plain(), "一言：左右の耳の高さが違う。");
    assert!(load("shapes/cjk-fields.md").warnings.is_empty());
}

#[test]
fn a_link_named_by_its_venue_before_the_sentences_end_or_a_digital_library_is_the_papers() {
    // `Title. Smith et al. [OWL 2022](pmlr).`: the venue-named link is the paper's, the final `.`
    // closes the sentence; `[ACM DL](u)` labels a publisher's library.
    let d = doc("shapes/venue-links.md");
    let got = titles_urls(&d);
    assert_eq!(
        got,
        [
            (
                "Owls hear in three dimensions",
                vec!["https://proceedings.mlr.press/v1/smith22a.html"]
            ),
            (
                "Feathers that do not rustle",
                vec!["https://aclanthology.org/2024.hoot-long.1/"]
            ),
            (
                "Talons That Count",
                vec!["https://dl.acm.org/doi/10.1145/0000000.0000001"]
            ),
        ]
    );
}

#[test]
fn authors_before_the_title_are_not_the_title() {
    let d = doc("shapes/names-first.md");
    assert_eq!(
        titles_authors_venues(&d),
        [
            (
                "Counting Owls in the Dark",
                Some("Barn, Tawny, Screech"),
                Some("OWL 2020")
            ),
            (
                "Hooting at Scale: A System for Night Messages",
                Some("Barn et al"),
                Some("OWL 2016")
            ),
            (
                "Perches: Efficient Roosting for Many Owls",
                Some("Tawny et al"),
                Some("NOWL 2019")
            ),
            (
                "Silent Flight for Fast Hunting",
                Some("Ada Barn and Bo Tawny"),
                Some("OWL, 2021")
            ),
            (
                "Pellets Tell the Diet",
                Some("Cy Screech^s, Ada Barn"),
                Some("OWL 2022")
            ),
            // Title first, then the names: not read the other way round.
            (
                "Owl Wings at Night: A Survey",
                Some("Ada Barn et al"),
                Some("OWL 2023")
            ),
        ]
    );
}

#[test]
fn a_venue_in_full_width_parentheses_before_the_links_is_no_part_of_the_title() {
    // `Title（OWL2024）[論文](u)`: full-width parentheses hold a trailing venue as ASCII ones do.
    let d = doc("shapes/full-width-venue.md");
    assert_eq!(
        titles_venues_links(&d),
        [
            ("owl-eval: フクロウの聴覚を測る道具", Some("OWL2024"), 2),
            ("夜の狩りのモデル", Some("OWL 2023"), 1),
        ]
    );
}

#[test]
fn a_lab_members_bold_name_is_an_author_not_the_title() {
    let d = doc("shapes/bold-member-names.md");
    assert_eq!(
        titles_authors_venues(&d),
        [
            (
                "Talon Grip: Fast and Exact Perching",
                Some("Ada Barn, Bo Tawny, Cy Screech"),
                Some("OWL 2022")
            ),
            (
                "Feather Tradeoffs in Night Vision",
                Some("Bo Tawny, Ada Barn, Cy Screech"),
                Some("OWL 2024")
            ),
            (
                "Hoot Serving for Many Listeners",
                Some("Bo Tawny, Ada Barn, Cy Screech"),
                Some("Proc. OWL, 2024")
            ),
            (
                "Quick Hoots from Slow Owls",
                Some("Barn, A., Tawny, B., & Screech, C."),
                Some("OWL 2023")
            ),
            (
                "Method for Storing Pellets in Pages",
                Some("Ada Barn, Bo Tawny"),
                Some("Owl Patent App. 2024/0000001 A1")
            ),
        ]
    );
}

#[test]
fn authors_around_a_title_link_are_not_the_title() {
    let d = doc("shapes/names-around-title-link.md");
    assert_eq!(
        titles_authors_venues(&d),
        [
            (
                "Owl Nets: The High-Interest Credit Card of Night Vision",
                Some("A. Barn et al"),
                Some("Owl Workshop, 2014")
            ),
            ("Scaling Laws for Night Owls", Some("Tawny et al"), None),
            (
                "Are Silent Wings a Mirage?",
                Some("Barn, Tawny, Screech"),
                None
            ),
            (
                "Roost: A Low-Latency Perching System",
                Some("Screech et al"),
                Some("NOWL 2017")
            ),
            ("Hoot to Hoot Learning with Owl Networks", None, None),
            (
                "Wing-RAG: Learning to Retrieve and Hoot",
                Some("Barn et al"),
                Some("OWL 2024 (Oral)")
            ),
        ]
    );
    let shapes: Vec<&str> = d.papers.iter().map(|p| p.shape.as_str()).collect();
    assert_eq!(shapes[4], "title-link");
}

/// A notes file written inline: its document and what `--check` says about it.
fn inline(text: &str) -> (Document, Vec<takeaway::loader::Warning>) {
    loader::parse_file(std::path::Path::new("/no/such/dir/inline.md"), text)
}

#[test]
fn footnote_markers_and_definitions_are_neither_links_nor_title_text() {
    let (d, warnings) = inline(
        "# Owls\n\n## Papers\n\n\
         - Owls Count Quietly[^a] [[paper](https://arxiv.org/abs/2401.00101)]\n\
         - Owls Fly by Night[^b] [[paper](https://arxiv.org/abs/2401.00102)]\n\n\
         [^a]: Spotlight.\n\
         [^b]: Slides at https://owls.example.org/night.\n",
    );
    let got: Vec<(&str, Vec<&str>)> = (d.papers.iter())
        .map(|p| (&*p.title, p.links.iter().map(|l| &*l.url).collect()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Owls Count Quietly",
                vec!["https://arxiv.org/abs/2401.00101"]
            ),
            (
                "Owls Fly by Night",
                vec!["https://arxiv.org/abs/2401.00102"]
            ),
        ]
    );
    assert!(warnings.is_empty(), "{warnings:?}");
}

fn unread_lines(warnings: &[takeaway::loader::Warning]) -> Vec<usize> {
    (warnings.iter())
        .filter(|w| matches!(w.kind, WarningKind::UnreadPaper { .. }))
        .map(|w| w.line)
        .collect()
}

#[test]
fn check_names_html_rows_headings_and_paragraphs_that_link_a_paper_but_are_not_read() {
    // A list that yields papers but loses some written in HTML, in a table it does not read, in a
    // heading or in a paragraph: each is said at its line. The lead under the title (the list's own
    // survey), a badge, a sentence running into its link and a References section are not.
    let (d, warnings) = inline(
        "# Owl papers\n\
         \n\
         Our survey of owls ([arXiv](https://arxiv.org/abs/2401.00200)).\n\
         \n\
         ## Read\n\
         \n\
         - Owls Count Quietly [[paper](https://arxiv.org/abs/2401.00201)]\n\
         \n\
         <ul>\n\
         <li><a href=\"https://arxiv.org/abs/2401.00202\">Owls Fly by Night</a></li>\n\
         <li><a href=\"https://arxiv.org/abs/2401.00203\"><img src=\"https://img.shields.io/badge/x\"></a></li>\n\
         </ul>\n\
         \n\
         | Week | Reading |\n\
         | --- | --- |\n\
         | 1 | [Talons That Count](https://arxiv.org/abs/2401.00204) |\n\
         \n\
         ### [Feathers That Do Not Rustle](https://arxiv.org/abs/2401.00205)\n\
         \n\
         Owl Eyes at Dusk, Smith et al. [arXiv:2401.00206](https://arxiv.org/abs/2401.00206)\n\
         \n\
         We read [this one](https://arxiv.org/abs/2401.00208) twice.\n\
         \n\
         ## References\n\
         \n\
         See [the census](https://arxiv.org/abs/2401.00207).\n",
    );
    assert_eq!(titles(&d), ["Owls Count Quietly"]);
    assert_eq!(unread_lines(&warnings), [10, 16, 18, 20]);
}

#[test]
fn talks_books_courses_posts_and_software_that_say_so_are_not_papers() {
    // An entry is no paper when it says what else it is: a talk (its links a recording and slides),
    // software cited with its authors but linking only its code, a short note naming a book, a
    // course, a blog post or lecture material, a course's page, a sentence running into its link, a
    // link to another notes page. A poster beside a paper stays a paper.
    let (d, _) = inline(
        "# Owls\n\n## Papers\n\n\
         - **Owls Count Quietly.** OWL 2020. [[pdf]](https://arxiv.org/abs/2401.00301)\n\
         - **Owl Talons and Torque.** OWL 2021. [[Poster]](https://owls.example.org/posters/tt.pdf)\n\
         - **How Owls Hear** — Owl Seminar, May 2023. [[Video]](https://www.youtube.com/watch?v=abcdefghijk) \
           [[Slides]](https://owls.example.org/talks/hear.pdf)\n\
         - Ann Smith et al. Owlkit: quick owl census tools. 2019. [GitHub](https://github.com/owls/owlkit)\n\
         - [A Field Guide to Owl Behaviour](https://owlguide.example.org/) (online book)\n\
         - [Owl Science for Everyone](https://owlschool.example.org/course/2023/)\n\
         - [Why Owls Hoot](https://hoots.example.io/why-owls-hoot/) — blog post\n\
         - [フクロウ入門](https://owls.example.jp/b/123)（森林出版、書籍）\n\
         - [부엉이 논문 읽기 — 블로그 글](https://velog.example.io/@owl/read)\n\
         - This month's [radio show](https://radio.example.fm/ep/7) talks to owl keepers.\n\
         - [Last month's owls](owls-march.md)\n\
         - [Owl Wings](https://owls.example.edu/~ann/courses/OWL-101/wings_paper.pdf)\n",
    );
    // A PDF kept in a course's folder is a document, here the paper itself.
    assert_eq!(
        titles(&d),
        ["Owls Count Quietly", "Owl Talons and Torque", "Owl Wings"],
    );
}

#[test]
fn a_paper_column_row_needs_its_paper_link_and_labels_and_descriptions_are_not_title() {
    // A table titled by its Paper column: a row that links no paper (a schedule's note, a talk with
    // only its video, a sponsor's course, an `#anchor`) is none; `**Title** - what it does` gives
    // the bold title; link labels in the title cell are not title text.
    let (d, _) = inline(
        "# Owl reading group\n\n\
         | Date | Paper | Links |\n\
         | --- | --- | --- |\n\
         | May 1 | *Welcome meeting* | |\n\
         | May 8 | Owls Count Quietly [[arXiv]](https://arxiv.org/abs/2401.00401) [[blog]](https://owls.example.org/blog/count) | |\n\
         | May 15 | **No meeting — holiday** | |\n\
         | May 22 | *Talk*: \"Owls at night\" | [video](https://www.youtube.com/watch?v=abcdefghijk) |\n\
         | May 29 | 1) **Owl Nets** - a network that counts owls from their calls | [Paper](https://arxiv.org/abs/2401.00402) |\n\
         | Jun 5 | 2) **Sponsor: Owl Academy** - a free course on owls | [Course](https://owlacademy.example.org/courses/owls) |\n\
         | Jun 12 | see [Smith et al.](#owl-reading-group) | |\n",
    );
    let got: Vec<(usize, &str, usize)> = (d.papers.iter())
        .map(|p| (p.line, &*p.title, p.links.len()))
        .collect();
    assert_eq!(got, [(6, "Owls Count Quietly", 2), (9, "Owl Nets", 1)]);
}

#[test]
fn a_link_labelled_by_its_arxiv_id_alone_is_the_papers_link() {
    // `[2401.00501](u)`: the number of a preprint names the paper's link, as `[arXiv:…](u)` does;
    // in parentheses too. It is never title text.
    let (d, warnings) = inline(
        "# Owls\n\n## Papers\n\n\
         - Owls Count Quietly [2401.00501](https://arxiv.org/abs/2401.00501)\n\
         - Owls Fly by Night. [2401.00502v2](https://arxiv.org/abs/2401.00502v2) | [code](https://github.com/owls/night)\n\
         - Talons That Count ([arXiv:2401.00503](https://arxiv.org/abs/2401.00503))\n\
         - Feathers That Do Not Rustle (OWL 2024) [2401.00504](https://arxiv.org/abs/2401.00504)\n",
    );
    assert_eq!(
        titles_urls(&d),
        [
            (
                "Owls Count Quietly",
                vec!["https://arxiv.org/abs/2401.00501"]
            ),
            (
                "Owls Fly by Night",
                vec![
                    "https://arxiv.org/abs/2401.00502v2",
                    "https://github.com/owls/night"
                ]
            ),
            (
                "Talons That Count",
                vec!["https://arxiv.org/abs/2401.00503"]
            ),
            (
                "Feathers That Do Not Rustle",
                vec!["https://arxiv.org/abs/2401.00504"]
            ),
        ]
    );
    assert_eq!(unread_lines(&warnings), Vec::<usize>::new());
}

#[test]
fn links_labelled_by_emoji_shortcodes_are_a_link_group() {
    // `[:page_facing_up:](u) [:octocat:](u)`: GitHub writes its emoji as shortcodes; a link whose text
    // is only those is a marker standing for a label, as `[📄](u)` is.
    let (d, warnings) = inline(
        "# Owls\n\n## Hearing\n\n\
         - :star: Owls Count Quietly [:page_facing_up:](https://arxiv.org/abs/2401.00601) [:octocat:](https://github.com/owls/count)\n\
         - Owls Fly by Night [:page_facing_up:](https://arxiv.org/abs/2401.00602)\n",
    );
    assert_eq!(
        titles_urls(&d),
        [
            (
                "Owls Count Quietly",
                vec![
                    "https://arxiv.org/abs/2401.00601",
                    "https://github.com/owls/count"
                ]
            ),
            (
                "Owls Fly by Night",
                vec!["https://arxiv.org/abs/2401.00602"]
            ),
        ]
    );
    assert_eq!(unread_lines(&warnings), Vec::<usize>::new());
}

#[test]
fn a_tag_naming_the_kind_of_paper_is_not_title_text() {
    // `(Survey)`, `` `Survey` ``, `**(Survey)**`, `[Position]` before or after a title say what kind
    // of paper it is; a short name in brackets that is no such tag stays (`(OWLNet)`).
    let (d, _) = inline(
        "# Owls\n\n## Reading\n\n\
         - (Survey) Owls Count Quietly [[paper](https://arxiv.org/abs/2401.00701)]\n\
         - `Survey` Owls Fly by Night [[paper](https://arxiv.org/abs/2401.00702)]\n\
         - Talons That Count: A Review **(Review)** [[paper](https://arxiv.org/abs/2401.00703)]\n\
         - Feathers That Do Not Rustle (OWL 2024) [Position] [[paper](https://arxiv.org/abs/2401.00704)]\n\
         - Hoots as Signals (OWLNet) [[paper](https://arxiv.org/abs/2401.00705)]\n",
    );
    assert_eq!(
        titles_venues_links(&d),
        [
            ("Owls Count Quietly", None, 1),
            ("Owls Fly by Night", None, 1),
            ("Talons That Count: A Review", None, 1),
            ("Feathers That Do Not Rustle", Some("OWL 2024"), 1),
            ("Hoots as Signals (OWLNet)", None, 1),
        ]
    );
}

#[test]
fn a_venue_or_an_arrow_set_apart_by_a_middle_dot_or_a_dash_is_not_title_text() {
    // `Title · OWL 2019 · [PDF](u)`, `Title — OWL 2019 — [PDF](u)`: the venue between separators;
    // `Title → [paper](u)`, `Title • [paper](u)`: a separator before the links.
    let (d, _) = inline(
        "# Owls\n\n## Hearing\n\n\
         - **Owls Count Quietly** · OWL 2019 · [PDF](https://arxiv.org/abs/2401.00801) · [Code](https://github.com/owls/count)\n\
         - Owls Fly by Night — NOCT 2021 — [PDF](https://arxiv.org/abs/2401.00802)\n\
         - Talons That Count → [paper](https://arxiv.org/abs/2401.00803)\n\
         - Feathers That Do Not Rustle • [paper](https://arxiv.org/abs/2401.00804)\n",
    );
    assert_eq!(
        titles_venues_links(&d),
        [
            ("Owls Count Quietly", Some("OWL 2019"), 2),
            ("Owls Fly by Night", Some("NOCT 2021"), 1),
            ("Talons That Count", None, 1),
            ("Feathers That Do Not Rustle", None, 1),
        ]
    );
}

#[test]
fn authors_with_et_al_after_a_hyphen_or_before_a_bare_year_are_not_the_title() {
    // `Title - Ann Smith et al. (OWL 2022)`, `*Title*, Ann Smith et al., 2022.`: names, then the venue
    // or the year; a hyphen before words that are no names stays in the title.
    let (d, _) = inline(
        "# Owls\n\n## Reading\n\n\
         1. Owls Count Quietly - Ann Barn et al. (OWL 2022) [PDF](https://arxiv.org/abs/2401.00901)\n\
         2. *Owls Fly by Night*, Bo Tawny et al., 2021. [PDF](https://arxiv.org/abs/2401.00902)\n\
         3. Owl Nets - A Field Study [PDF](https://arxiv.org/abs/2401.00903)\n",
    );
    assert_eq!(
        titles_authors_venues(&d),
        [
            (
                "Owls Count Quietly",
                Some("Ann Barn et al"),
                Some("OWL 2022")
            ),
            ("Owls Fly by Night", Some("Bo Tawny et al"), Some("2021")),
            ("Owl Nets - A Field Study", None, None),
        ]
    );
}

#[test]
fn a_field_name_before_the_title_is_not_title_text() {
    // `论文：Title`, `Paper: Title`: the name of the field the title fills; a title of its own with a
    // colon (`Hoot: Counting at Night`) keeps it.
    let (d, _) = inline(
        "# Owls\n\n## Reading\n\n\
         - 论文：Owls Count Quietly [[论文]](https://arxiv.org/abs/2401.01001)\n\
         - Paper: Owls Fly by Night [[pdf]](https://arxiv.org/abs/2401.01002)\n\
         - Hoot: Counting at Night [[pdf]](https://arxiv.org/abs/2401.01003)\n",
    );
    assert_eq!(
        titles(&d),
        [
            "Owls Count Quietly",
            "Owls Fly by Night",
            "Hoot: Counting at Night"
        ]
    );
}

#[test]
fn a_leading_leaderboard_tag_says_the_entry_is_no_paper() {
    // `[Leaderboard] Name [[link](u)]` beside `[Benchmark] Title [[paper](u)]`: a site ranking models,
    // while a benchmark's paper stays a paper.
    let (d, _) = inline(
        "# Owls\n\n## Benchmarks\n\n\
         - [Benchmark] OwlBench: Counting Owls at Night [[paper](https://arxiv.org/abs/2401.01101)]\n\
         - [Leaderboard] OwlBench night leaderboard [[link](https://owlbench.example.org/board)]\n",
    );
    assert_eq!(titles(&d), ["OwlBench: Counting Owls at Night"]);
}

#[test]
fn an_engine_that_links_only_its_code_is_software() {
    // `**Name**: an inference engine for … [[code](u)]` describes software; a paper with a code link
    // beside its paper link stays a paper.
    let (d, _) = inline(
        "# Owls\n\n## Systems\n\n\
         - **Hootd**: A fast inference and serving engine for owl call models. [[code](https://github.com/owls/hootd)]\n\
         - **Hootd: Serving Owl Call Models Fast**. *OWL 2024*. [[paper](https://arxiv.org/abs/2401.01201)] [[code](https://github.com/owls/hootd)]\n",
    );
    assert_eq!(titles(&d), ["Hootd: Serving Owl Call Models Fast"]);
}

#[test]
fn a_kind_word_set_apart_before_the_link_says_what_the_entry_is() {
    // `📄 **Paper** · [Title](u)` beside `🗂️ **Dataset** · [Name](u) - …` and `🛠️ **Tool** · …`: the
    // word before the separator says what each entry is, as a `[Tag]` does.
    let (d, _) = inline(
        "# Owls\n\n## Everything\n\n\
         - 📄 **Paper** · [Owls Count Quietly](https://arxiv.org/abs/2401.01301) (OWL 2020)\n\
         - 🗂️ **Dataset** · [OwlCalls](https://owlcalls.example.org/) - ten thousand recorded hoots\n\
         - 🛠️ **Tool** · [Hootkit](https://github.com/owls/hootkit) - a toolkit for owl audio\n\
         - 📄 **Paper** · [Owls Fly by Night](https://arxiv.org/abs/2401.01302)\n",
    );
    assert_eq!(
        titles_venues_links(&d),
        [
            ("Owls Count Quietly", Some("OWL 2020"), 1),
            ("Owls Fly by Night", None, 1),
        ]
    );
}

#[test]
fn a_benchmarks_section_holds_papers_only_where_they_link_one() {
    // Under `Datasets and Benchmarks`, a dataset's site is no paper; a benchmark's paper is.
    let (d, _) = inline(
        "# Owls\n\n## Methods\n\n\
         - [Owls Count Quietly](https://arxiv.org/abs/2401.01401) - Barn et al., OWL 2020.\n\n\
         ## Datasets and Benchmarks\n\n\
         - [Owl Calls](https://owlcalls.example.org/research/calls) - Recorded hoots with their species.\n\
         - [Night Census](https://census.example.net/) - Counts of owls by night.\n\
         - **OwlBench: Counting Owls at Scale** (OWL 2021) [[paper](https://arxiv.org/abs/2401.01402)]\n",
    );
    assert_eq!(
        titles(&d),
        ["Owls Count Quietly", "OwlBench: Counting Owls at Scale"]
    );
}

#[test]
fn a_reading_lists_mark_before_a_title_is_not_title_text() {
    // `(Optional) Title`, `(Required) Title`: how much the list asks of the reading, a status tag.
    let (d, _) = inline(
        "# Owl seminar\n\n## Week 1\n\n\
         - (Required) Owls Count Quietly [[pdf](https://arxiv.org/abs/2401.01501)]\n\
         - (Optional) Owls Fly by Night [[pdf](https://arxiv.org/abs/2401.01502)]\n\
         - (Owl) Talons That Count [[pdf](https://arxiv.org/abs/2401.01503)]\n",
    );
    assert_eq!(
        titles(&d),
        [
            "Owls Count Quietly",
            "Owls Fly by Night",
            "(Owl) Talons That Count"
        ]
    );
}

#[test]
fn a_venue_with_an_apostrophe_year_after_the_title_is_its_venue() {
    // `Title <sup>OWL'20</sup>`, `Title arXiv'21`: a venue tag written after the title as a word of its
    // own; a title that ends with a name of its own keeps it.
    let (d, _) = inline(
        "# Owls\n\n## Hearing\n\n\
         - Owls Count Quietly <sup>OWL'20</sup> [paper](https://arxiv.org/abs/2401.01601)\n\
         - Owls Fly by Night arXiv'21 [paper](https://arxiv.org/abs/2401.01602)\n\
         - Talons of the Barn Owl's [paper](https://arxiv.org/abs/2401.01603)\n",
    );
    assert_eq!(
        titles_venues_links(&d),
        [
            ("Owls Count Quietly", Some("OWL'20"), 1),
            ("Owls Fly by Night", Some("arXiv'21"), 1),
            ("Talons of the Barn Owl's", None, 1),
        ]
    );
}

#[test]
fn a_name_numbered_after_a_hyphen_is_title_text_not_a_venue() {
    // `COVID-19`, `MERS-15`: capitals, a hyphen and two digits number a name; a venue's year after a
    // hyphen has four digits (`OWL-2020`).
    let (d, _) = inline(
        "# Owls\n\n## Health\n\n\
         - Owl Census During COVID-19 [paper](https://arxiv.org/abs/2401.01701)\n\
         - Owls and Pathogens (COVID-19) [paper](https://arxiv.org/abs/2401.01702)\n\
         - Owls Fly by Night (OWL-2020) [paper](https://arxiv.org/abs/2401.01703)\n",
    );
    assert_eq!(
        titles_venues_links(&d),
        [
            ("Owl Census During COVID-19", None, 1),
            ("Owls and Pathogens (COVID-19)", None, 1),
            ("Owls Fly by Night", Some("OWL-2020"), 1),
        ]
    );
}

#[test]
fn a_venue_after_a_titles_own_question_mark_is_not_title_text() {
    // `Title? **OWL 2021**.`: the title keeps its question mark; the venue after it is the venue.
    let (d, _) = inline(
        "# Owls\n\n## Hearing\n\n\
         - Do Owls Really Count Quietly? **OWL 2021**. [[Paper]](https://arxiv.org/abs/2401.01801)\n\
         - Can Owls Fly by Night? Yes They Can [[Paper]](https://arxiv.org/abs/2401.01802)\n",
    );
    assert_eq!(
        titles_venues_links(&d),
        [
            ("Do Owls Really Count Quietly?", Some("OWL 2021"), 1),
            ("Can Owls Fly by Night? Yes They Can", None, 1),
        ]
    );
}

#[test]
fn chinese_title_marks_enclose_the_title() {
    // `《Title》`: the marks are punctuation around the title, not part of it; a venue in full-width
    // parentheses after them is the venue. Marks inside a longer title stay.
    let (d, _) = inline(
        "# 猫头鹰\n\n## 论文\n\n\
         - 《Owls Count Quietly》（OWL 2024）[论文](https://arxiv.org/abs/2401.01901)\n\
         - 《Owls Fly by Night》[论文](https://arxiv.org/abs/2401.01902)\n\
         - Reading 《Owl Songs》 Again [论文](https://arxiv.org/abs/2401.01903)\n",
    );
    assert_eq!(
        titles_venues_links(&d),
        [
            ("Owls Count Quietly", Some("OWL 2024"), 1),
            ("Owls Fly by Night", None, 1),
            ("Reading 《Owl Songs》 Again", None, 1),
        ]
    );
}

#[test]
fn a_bold_venue_tag_before_a_title_link_is_the_venue_not_the_title() {
    // `**[OWL 2023]** [Title](u) [[Code](u)]`: the bold text is only a tag; the link is the title.
    let (d, warnings) = inline(
        "# Owls\n\n## Hearing\n\n\
         - **[OWL 2023]** [Owls Count Quietly](https://arxiv.org/abs/2401.02101) [[Code](https://github.com/owls/count)]\n\
         - **[NOCT 2024]** [Owls Fly by Night](https://arxiv.org/abs/2401.02102)\n",
    );
    assert_eq!(
        titles_venues_links(&d),
        [
            ("Owls Count Quietly", Some("OWL 2023"), 2),
            ("Owls Fly by Night", Some("NOCT 2024"), 1),
        ]
    );
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn quotes_around_a_whole_title_are_not_its_own() {
    // `["Title"](u)`, `“Title” [pdf](u)`: quotation marks around the whole title; quotes inside a
    // title stay.
    let (d, _) = inline(
        "# Owls\n\n## Hearing\n\n\
         - [\"Owls Count Quietly\"](https://arxiv.org/abs/2401.02201), OWL 2020\n\
         - “Owls Fly by Night” [pdf](https://arxiv.org/abs/2401.02202)\n\
         - PERCH: Owls for \"Night\" Hunting [pdf](https://arxiv.org/abs/2401.02203)\n",
    );
    assert_eq!(
        titles(&d),
        [
            "Owls Count Quietly",
            "Owls Fly by Night",
            "PERCH: Owls for \"Night\" Hunting"
        ]
    );
}

#[test]
fn a_venue_tag_in_a_code_span_before_a_title_link_is_the_venue() {
    // `` `OWL 2023` [Title](u) `Oral` ``: the code span before the link is a venue tag.
    let (d, _) = inline(
        "# Owls\n\n## Hearing\n\n\
         - `OWL 2023` [Owls Count Quietly](https://arxiv.org/abs/2401.02301) `Oral`\n\
         - `NOCT'24` [Owls Fly by Night](https://arxiv.org/abs/2401.02302)\n",
    );
    assert_eq!(
        titles_venues_links(&d),
        [
            ("Owls Count Quietly", Some("OWL 2023"), 1),
            ("Owls Fly by Night", Some("NOCT'24"), 1),
        ]
    );
}

#[test]
fn two_names_joined_by_and_after_the_title_are_its_authors() {
    // `Title, *Ann Barn and Bo Tawny*, **OWL 2022**`: two names in one piece, then the venue; words
    // joined by `and` that are no names stay in the title.
    let (d, _) = inline(
        "# Owls\n\n## Hearing\n\n\
         - Owls Count Quietly, *Ann Barn and Bo Tawny*, **OWL 2022** [[pdf]](https://arxiv.org/abs/2401.02401)\n\
         - Owls, Bats and Moths, OWL 2021 [[pdf]](https://arxiv.org/abs/2401.02402)\n",
    );
    assert_eq!(
        titles_authors_venues(&d),
        [
            (
                "Owls Count Quietly",
                Some("Ann Barn and Bo Tawny"),
                Some("OWL 2022")
            ),
            ("Owls, Bats and Moths", None, Some("OWL 2021")),
        ]
    );
}

/// (title, venue, links) of each paper, in order.
fn table_of(d: &Document) -> Vec<(String, Option<String>, Vec<String>)> {
    (d.papers.iter())
        .map(|p| {
            (
                p.title.to_string(),
                p.venue.as_deref().map(str::to_string),
                p.links.iter().map(|l| l.url.to_string()).collect(),
            )
        })
        .collect()
}

fn row(title: &str, venue: Option<&str>, links: &[&str]) -> (String, Option<String>, Vec<String>) {
    (
        title.to_string(),
        venue.map(str::to_string),
        links.iter().map(|u| u.to_string()).collect(),
    )
}

#[test]
fn wikilinks_and_hashtags_of_note_taking_apps_are_not_title_text() {
    // Obsidian, Logseq, Roam, Foam and Dendron name a paper's own note with a wikilink: `[[Title]]`,
    // `[[note|Alias]]` (the side that is not a file name is the title), and tag a line with `#tag`.
    // A wikilink to a note's file name (`[[owls.count]]`, `[[smith2020owls|notes]]`) is no title text.
    let (d, _) = inline(
        "# Owls\n\n## Read\n\n\
         - [[Owls Count Quietly|owls.count]] · [arXiv](https://arxiv.org/abs/2401.00501)\n\
         - [[owls.night|Owls Fly by Night]] ([pdf](https://arxiv.org/abs/2401.00502))\n\
         - [[Owl Talons and Torque]] [arXiv](https://arxiv.org/abs/2401.00503) #todo #[[to read]]\n\
         - Silent Wings for Quiet Owls ([[smith2020owls|notes]]) https://arxiv.org/abs/2401.00504\n",
    );
    assert_eq!(
        table_of(&d),
        [
            row(
                "Owls Count Quietly",
                None,
                &["https://arxiv.org/abs/2401.00501"]
            ),
            row(
                "Owls Fly by Night",
                None,
                &["https://arxiv.org/abs/2401.00502"]
            ),
            row(
                "Owl Talons and Torque",
                None,
                &["https://arxiv.org/abs/2401.00503"]
            ),
            row(
                "Silent Wings for Quiet Owls",
                None,
                &["https://arxiv.org/abs/2401.00504"]
            ),
        ]
    );
}

#[test]
fn roam_and_logseq_attributes_are_fields_of_the_paper_above() {
    // Roam's export: a page reference over attribute blocks (`URL:: u`, `Source:: [arXiv](u)`), one
    // level below a topic. The attributes are the paper's fields: never a paper titled `Source`.
    let (d, _) = inline(
        "# Owls\n\n\
         - **Counting**\n    \
             - [[Owls Count Quietly]]\n        \
                 - Author:: [[Ann Smith]] [[Bo Li]]\n        \
                 - Type:: [[Paper]]\n        \
                 - URL:: https://arxiv.org/abs/2401.00601\n        \
                 - Code:: https://github.com/owls/count\n    \
             - Owls Fly by Night #[[Paper]] #flight\n        \
                 - Source:: [arXiv](https://arxiv.org/abs/2401.00602)\n        \
                 - Smith and Li, OWL 2021\n",
    );
    assert_eq!(d.kind, DocKind::List);
    assert_eq!(
        table_of(&d),
        [
            row(
                "Owls Count Quietly",
                None,
                &[
                    "https://arxiv.org/abs/2401.00601",
                    "https://github.com/owls/count"
                ]
            ),
            row(
                "Owls Fly by Night",
                None,
                &["https://arxiv.org/abs/2401.00602"]
            ),
        ]
    );
}

#[test]
fn headings_over_a_pages_properties_one_a_line_are_papers() {
    // Notion exports a page's properties as plain `Name: value` lines under its title; merged under
    // headings, each heading whose properties link its paper is one. A title in bold paragraphs over
    // one field a paragraph is not a property list: `Owl Wings: Quiet Flight` stays the next title.
    let (d, _) = inline(
        "# Reading notes\n\n\
         ## Owls Count Quietly\n\n\
         Authors: Ann Smith, Bo Li\n\
         Conference: OWL 2020\n\
         Status: Done\n\
         URL: https://arxiv.org/abs/2401.00701\n\n\
         Counting by ear works.\n\n\
         ## Owls Fly by Night\n\n\
         Authors: Bo Li et al.\n\
         Files & media: night.pdf\n\
         URL: [https://arxiv.org/abs/2401.00702](https://arxiv.org/abs/2401.00702)\n\
         Code: https://github.com/owls/night\n",
    );
    assert_eq!(
        table_of(&d),
        [
            row(
                "Owls Count Quietly",
                Some("OWL 2020"),
                &["https://arxiv.org/abs/2401.00701"]
            ),
            row(
                "Owls Fly by Night",
                None,
                &[
                    "https://arxiv.org/abs/2401.00702",
                    "https://github.com/owls/night"
                ]
            ),
        ]
    );
    let (d, _) = inline(
        "# Owls\n\n\
         **Owl Nets**\n\n\
         Paper: https://arxiv.org/abs/2401.00703\n\n\
         **Owl Wings: Quiet Flight**\n\n\
         Paper: https://arxiv.org/abs/2401.00704\n",
    );
    assert_eq!(titles(&d), ["Owl Nets", "Owl Wings: Quiet Flight"]);
}

#[test]
fn an_item_indented_with_a_tab_is_on_its_markers_line() {
    // Logseq writes its outlines with tabs: a nested item's line is the line of its `-`, not the line
    // above it.
    let (d, _) = inline(
        "# Owls\n\n\
         - Counting\n\
         \t- Owls Count Quietly [paper](https://arxiv.org/abs/2401.00801)\n\
         \t- Owls Fly by Night [paper](https://arxiv.org/abs/2401.00802)\n",
    );
    let lines: Vec<(usize, &str)> = d.papers.iter().map(|p| (p.line, &*p.title)).collect();
    assert_eq!(lines, [(4, "Owls Count Quietly"), (5, "Owls Fly by Night")]);
}

#[test]
fn a_blocks_title_over_its_properties_is_one_paper() {
    // A Logseq block: its first line is the title, the lines after it `key:: value` properties; a
    // task marker (`LATER`) is no title text. A title over its labelled links stays a link group.
    let (d, _) = inline(
        "# Owls\n\n\
         - Counting\n\
         \t- LATER Owls Count Quietly\n\
         \t  type:: [[paper]]\n\
         \t  url:: https://arxiv.org/abs/2401.00901\n\
         \t  status:: DONE\n\
         \t- Owls Fly by Night\n\
         \t  url:: [arXiv](https://arxiv.org/abs/2401.00902)\n\
         \t  code:: https://github.com/owls/night\n\
         \t  venue:: OWL 2021\n\
         - Reading\n\
         \t- Owl Wings in Snow\n\
         \t  [paper](https://arxiv.org/abs/2401.00903) [code](https://github.com/owls/wings)\n",
    );
    assert_eq!(
        table_of(&d),
        [
            row(
                "Owls Count Quietly",
                None,
                &["https://arxiv.org/abs/2401.00901"]
            ),
            row(
                "Owls Fly by Night",
                Some("OWL 2021"),
                &[
                    "https://arxiv.org/abs/2401.00902",
                    "https://github.com/owls/night"
                ]
            ),
            row(
                "Owl Wings in Snow",
                None,
                &[
                    "https://arxiv.org/abs/2401.00903",
                    "https://github.com/owls/wings"
                ]
            ),
        ]
    );
}

#[test]
fn a_note_templates_fields_with_a_title_field_are_one_paper() {
    // Notes written from a template: the title is a field (`**Title:** …`, `Title: …`), in a paragraph
    // of field lines or a list of one field an item; the link fields carry the paper.
    let (d, _) = inline(
        "# Paper notes\n\n---\n\n\
         **Title:** Owls Count Quietly\n\
         **Authors:** Ann Smith, Bo Li\n\
         **Venue:** OWL 2020\n\
         **Link:** https://arxiv.org/abs/2401.01001\n\
         **TL;DR:** Counting by ear.\n\n---\n\n\
         - **Title:** Owls Fly by Night: Quiet Wings\n\
         - **Paper:** [arXiv](https://arxiv.org/abs/2401.01002)\n\
         - **Code:** https://github.com/owls/night\n\n---\n\n\
         Title: Owl Wings in Snow\n\
         Link: https://arxiv.org/abs/2401.01003\n\
         TL;DR: Snow is loud.\n",
    );
    assert_eq!(
        table_of(&d),
        [
            row(
                "Owls Count Quietly",
                Some("OWL 2020"),
                &["https://arxiv.org/abs/2401.01001"]
            ),
            row(
                "Owls Fly by Night: Quiet Wings",
                None,
                &[
                    "https://arxiv.org/abs/2401.01002",
                    "https://github.com/owls/night"
                ]
            ),
            row(
                "Owl Wings in Snow",
                None,
                &["https://arxiv.org/abs/2401.01003"]
            ),
        ]
    );
}

#[test]
fn obsidian_callouts_that_introduce_a_paper_are_papers() {
    // `> [!paper]- Title` is the callout's title line; its body gives the paper's fields or its links
    // beside the authors and venue. A callout of tools or to-dos holds no paper, nor one named by a
    // word, a section of the note (`[!info] Metadata`).
    let (d, _) = inline(
        "# Inbox\n\n\
         > [!info] Metadata\n\
         > **Link:** https://arxiv.org/abs/2401.01100\n\
         > **Code:** https://github.com/owls/inbox\n\n\
         > [!paper] Owls Count Quietly\n\
         > **Authors:** Ann Smith, Bo Li\n\
         > **Venue:** OWL 2020\n\
         > **Link:** https://arxiv.org/abs/2401.01101\n\n\
         > [!abstract]+ Owls Fly by Night\n\
         > Bo Li, Ann Smith — OWL 2021\n\
         > [paper](https://arxiv.org/abs/2401.01102) · [code](https://github.com/owls/night)\n\n\
         > [!tip] Tools I use\n\
         > - [Owlkit](https://github.com/owls/owlkit) — counting toolbox\n\
         > - [Hootdb](https://github.com/owls/hootdb)\n",
    );
    assert_eq!(
        table_of(&d),
        [
            row(
                "Owls Count Quietly",
                Some("OWL 2020"),
                &["https://arxiv.org/abs/2401.01101"]
            ),
            row(
                "Owls Fly by Night",
                Some("OWL 2021"),
                &[
                    "https://arxiv.org/abs/2401.01102",
                    "https://github.com/owls/night"
                ]
            ),
        ]
    );
}

#[test]
fn a_link_to_another_note_with_no_title_is_no_paper() {
    // Foam appends link definitions that turn `[[owls.count]]` into a link to `owls.count.md`: a list of
    // a hub note's children is no list of papers, though a paper beside it stays one.
    let (d, warnings) = inline(
        "# Owls\n\n\
         - Owls Count Quietly — [[owls.count]] — [paper](https://arxiv.org/abs/2401.01201)\n\n\
         ## Children\n\n\
         - [[owls.count]]\n\
         - [[owls.night]]\n\n\
         [owls.count]: owls.count.md \"Owls Count Quietly\"\n\
         [owls.night]: owls.night.md \"Owls Fly by Night\"\n",
    );
    assert_eq!(titles(&d), ["Owls Count Quietly"]);
    assert!(
        !(warnings.iter()).any(|w| matches!(
            w.kind,
            WarningKind::NoTitle | WarningKind::DuplicateId { .. }
        )),
        "{warnings:?}"
    );
}

#[test]
fn a_title_then_its_bare_url_after_a_dash_or_colon_with_who_wrote_it() {
    // A weekly note's lines: the title, then the paper's bare URL after a dash or a colon, maybe who
    // wrote it in parentheses after it. A field's name before a colon (`Code: https://…`) and a note
    // that runs into an issue's URL stay what they are.
    let (d, _) = inline(
        "# Week 11\n\n## Read\n\n\
         - Owls Count Quietly at Night – https://arxiv.org/abs/2401.01301 (Owl Lab)\n\
         - Owls Fly by Night Without a Sound: https://arxiv.org/pdf/2401.01302.pdf\n\
         - dump failed for the owl camera: https://github.com/owls/cam/issues/5\n",
    );
    assert_eq!(
        table_of(&d),
        [
            row(
                "Owls Count Quietly at Night",
                None,
                &["https://arxiv.org/abs/2401.01301"]
            ),
            row(
                "Owls Fly by Night Without a Sound",
                None,
                &["https://arxiv.org/pdf/2401.01302.pdf"]
            ),
        ]
    );
}

#[test]
fn a_reading_logs_talk_or_blog_post_beside_papers_is_no_paper() {
    // A reading log's lines beside its papers: a talk watched and a blog post skimmed, their links a
    // recording and a post (Hugging Face's blog too), are neither papers nor reported.
    let (d, warnings) = inline(
        "# Log\n\n## 2024-02-19\n\n\
         - [Owls Count Quietly](https://arxiv.org/abs/2401.01401) #systems\n\
         - Watched [Owl Seminar: How Owls Hear](https://www.youtube.com/watch?v=abcdefghijk) — good overview.\n\
         - Skimmed the [Hugging Face post on owls](https://huggingface.co/blog/owls).\n",
    );
    assert_eq!(titles(&d), ["Owls Count Quietly"]);
    assert!(unread_lines(&warnings).is_empty(), "{warnings:?}");
}

#[test]
fn a_reading_logs_verb_and_time_of_day_are_not_title_text() {
    // `Read [Title](u)`: a reading log's verb before its paper's link is a lead-in; `09:30 · *Title* · u`:
    // the time of day the line was written is no title text.
    let (d, _) = inline(
        "# Log\n\n## 2024-01-15\n\n\
         - Read [Owls Count Quietly](https://arxiv.org/abs/2401.01501)\n\
         - 09:30 · *Owls Fly by Night* · https://arxiv.org/abs/2401.01502\n",
    );
    assert_eq!(
        table_of(&d),
        [
            row(
                "Owls Count Quietly",
                None,
                &["https://arxiv.org/abs/2401.01501"]
            ),
            row(
                "Owls Fly by Night",
                None,
                &["https://arxiv.org/abs/2401.01502"]
            ),
        ]
    );
}

#[test]
fn a_heading_that_is_its_papers_link_keeps_the_code_linked_below_it() {
    // A blog post of paper notes: `### [Title](arXiv)` over `*Authors* — Venue · [code](u)`; the
    // heading links the paper, the line below it the code, which is the paper's too.
    let (d, _) = inline(
        "# March\n\n## Vision\n\n\
         ### [Owls Count Quietly](https://arxiv.org/abs/2401.01601)\n\n\
         *Ann Smith, Bo Li* — OWL 2024 · [code](https://github.com/owls/count)\n\n\
         Counting by ear works.\n\n\
         ### [Owls Fly by Night](https://arxiv.org/abs/2401.01602)\n\n\
         *Bo Li, Ann Smith* — OWL 2023\n\n\
         Flight is silent.\n",
    );
    assert_eq!(
        table_of(&d),
        [
            row(
                "Owls Count Quietly",
                Some("OWL 2024"),
                &[
                    "https://arxiv.org/abs/2401.01601",
                    "https://github.com/owls/count"
                ]
            ),
            row(
                "Owls Fly by Night",
                Some("OWL 2023"),
                &["https://arxiv.org/abs/2401.01602"]
            ),
        ]
    );
}

#[test]
fn a_field_on_its_own_line_is_no_title_before_a_bare_url() {
    // `URL: https://…` on its own line under other properties: the name before the colon is the
    // field's, however many words the lines above it hold.
    let (d, _) = inline(
        "# Notes\n\n\
         ## Owls Count Quietly\n\n\
         Authors: Ann Smith, Bo Li\n\
         Conference: OWL 2020\n\
         URL: https://arxiv.org/abs/2401.01701\n\n\
         ## Owls Fly by Night\n\n\
         Authors: Bo Li\n\
         Conference: OWL 2021\n\
         URL: https://arxiv.org/abs/2401.01702\n",
    );
    assert_eq!(
        table_of(&d),
        [
            row(
                "Owls Count Quietly",
                Some("OWL 2020"),
                &["https://arxiv.org/abs/2401.01701"]
            ),
            row(
                "Owls Fly by Night",
                Some("OWL 2021"),
                &["https://arxiv.org/abs/2401.01702"]
            ),
        ]
    );
}

#[test]
fn a_sentence_that_cites_a_paper_through_its_link_is_no_entry() {
    // A note's follow-ups written as sentences: words before the link and lowercase words after it, to
    // the final `.`: prose citing a paper, neither a paper nor reported.
    let (d, warnings) = inline(
        "# Owls Count Quietly\n\n## Papers\n\n\
         - [Owls Count Quietly](https://arxiv.org/abs/2401.01801)\n\
         - Compare with [Owl Nets](https://arxiv.org/abs/2401.01802) for the counting step.\n",
    );
    assert_eq!(titles(&d), ["Owls Count Quietly"]);
    assert!(unread_lines(&warnings).is_empty(), "{warnings:?}");
}

#[test]
fn a_quoted_title_with_its_authors_and_year_before_its_bare_url() {
    // `"A Title", Smith et al. 2024, https://…`: the quotes hold the title, the bare URL is its link.
    let (d, _) = inline(
        "# Week 12\n\n## Read\n\n\
         - \"Owls count quietly at night\", Smith et al. 2024, https://arxiv.org/abs/2401.01901\n\
         - Owls Fly by Night Without a Sound - https://arxiv.org/abs/2401.01902\n",
    );
    let got: Vec<(&str, Vec<&str>)> = (d.papers.iter())
        .map(|p| (&*p.title, p.links.iter().map(|l| &*l.url).collect()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Owls count quietly at night",
                vec!["https://arxiv.org/abs/2401.01901"]
            ),
            (
                "Owls Fly by Night Without a Sound",
                vec!["https://arxiv.org/abs/2401.01902"]
            ),
        ]
    );
}

#[test]
fn a_two_column_table_of_a_templates_fields_is_one_paper() {
    // `| Field | Value |` over `| Title | … |`, `| Link | u |`: a note template's fields in a table,
    // one paper on the table's first line, none of its rows reported.
    let (d, warnings) = inline(
        "# Notes\n\n\
         | Field | Value |\n\
         | --- | --- |\n\
         | Title | Owls Count Quietly |\n\
         | Authors | Ann Smith, Bo Li |\n\
         | Link | https://arxiv.org/abs/2401.02001 |\n\
         | TL;DR | Counting by ear. |\n",
    );
    assert_eq!(
        table_of(&d),
        [row(
            "Owls Count Quietly",
            None,
            &["https://arxiv.org/abs/2401.02001"]
        )]
    );
    assert_eq!(d.papers[0].line, 3);
    assert!(unread_lines(&warnings).is_empty(), "{warnings:?}");
}
