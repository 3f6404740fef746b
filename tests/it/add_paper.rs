//! Adding a paper through the form to a list in each shape our notes use — a title-link bullet, a
//! link-less bullet with its affiliation, a numbered list — written as the runtime writes it: only the
//! new lines are added, `--json` reads the paper back with its title, links and affiliations; a file
//! changed underneath, or without write permission, is refused and left as it was.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use takeaway::app::{App, Effect, Event, Key, KeyCode};
use takeaway::loader;
use takeaway::tui::add;

use crate::common::{cmd, json, keys, press};

const TITLE_LINK: &str = "# OWL 2023\n\n## Papers\n\n### Flight\n\n\
    * [Wingbeat: Silent Flight at Scale](https://www.usenix.org/conference/owl23/presentation/wing)\n\
    * [Talons: Grip Without Slip](https://www.usenix.org/conference/owl23/presentation/talon)\n\n\
    ### Sight\n\n\
    * [Starlight: Seeing in the Dark](https://www.usenix.org/conference/owl23/presentation/star)\n";

const LINK_LESS: &str = "# Hoot 2024\n\n## Papers\n\n### Calls\n\n\
    * Hooting Patterns of Barn Owls in Winter\n  * Owl Uni & Barn Lab\n  * Calls carry far\n\
    * Duets Between Mated Pairs of Tawny Owls\n  * Tawny Institute\n    * Pairs answer within seconds\n\n\
    ## Notes\n\nSee the meeting.\n";

const NUMBERED: &str = "# Reading list\r\n\r\n## Papers\r\n\r\n\
    1. Owls Can Count \\[[Paper](https://arxiv.org/abs/2401.00001)]\r\n\
    2. Owls Can Fly \\[[Paper](https://arxiv.org/abs/2401.00002)] \\[[Code](https://github.com/owls/fly)]\r\n";

/// The notes in `dir`, their times set well before now; the app on them and when its load began.
fn load(dir: &Path) -> (App, SystemTime) {
    for (name, text) in [
        ("owl-2023.md", TITLE_LINK),
        ("hoot-2024.md", LINK_LESS),
        ("reading.md", NUMBERED),
    ] {
        let path = dir.join(name);
        if !path.exists() {
            std::fs::write(&path, text).unwrap();
        }
        let f = std::fs::File::options().append(true).open(&path).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(60))
            .unwrap();
    }
    let began = SystemTime::now();
    let mut app = App::new(loader::load_paths(&[dir.to_path_buf()]).library);
    app.handle(Event::Resize {
        width: 120,
        height: 40,
    });
    (app, began)
}

/// Jumps to `paper`, opens the form and fills it; returns the effect that asks for the write.
fn fill(app: &mut App, paper: &str, title: &str, urls: &[&str], affiliations: &str) -> Effect {
    app.handle(Event::Key(Key::ctrl('p')));
    keys(app, paper);
    press(app, KeyCode::Enter);
    keys(app, "A");
    keys(app, title);
    press(app, KeyCode::Enter);
    for u in urls {
        keys(app, u);
        press(app, KeyCode::Enter); // past its guessed label, to the next URL
    }
    press(app, KeyCode::Enter); // an empty URL: on to the affiliations
    keys(app, affiliations);
    let mut effects = press(app, KeyCode::Enter);
    assert_eq!(effects.len(), 1, "{effects:?}");
    effects.remove(0)
}

fn write(effect: Effect, began: SystemTime) -> Result<(usize, usize), String> {
    let Effect::AddPaper { target, entry } = effect else {
        panic!("{effect:?}")
    };
    add::add(&target, &entry, Some(began))
        .map(|w| (w.line, w.end))
        .map_err(|e| e.to_string())
}

/// `old` with exactly one block of lines inserted gives `new`: that block.
fn added_lines(old: &str, new: &str) -> String {
    let (o, n) = (old.as_bytes(), new.as_bytes());
    let head = o.iter().zip(n).take_while(|(a, b)| a == b).count();
    let tail = o
        .iter()
        .rev()
        .zip(n.iter().rev())
        .take_while(|(a, b)| a == b)
        .count()
        .min(o.len() - head);
    let block = &n[head..n.len() - tail];
    assert_eq!([&o[..head], block, &o[head..]].concat(), n);
    String::from_utf8(block.to_vec()).unwrap()
}

fn paper_json(dir: &Path, file: &str, title: &str) -> serde_json::Value {
    let home = tempfile::tempdir().unwrap();
    let out = cmd(home.path())
        .arg("--json")
        .arg(dir.join(file))
        .output()
        .unwrap();
    let v = json(&out);
    v["documents"][0]["papers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"] == title)
        .unwrap_or_else(|| panic!("{title} not read back: {v:#}"))
        .clone()
}

#[test]
fn a_paper_added_to_each_shape_is_written_as_its_neighbours_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (mut app, began) = load(d);

    // A title-link bullet: after the topic's last paper, the title as the link.
    let e = fill(
        &mut app,
        "wingbeat",
        "Pellets: What Owls Ate",
        &[
            "https://arxiv.org/abs/2402.00001",
            "https://github.com/owls/pellets",
        ],
        "Owl Uni & Pellet Lab",
    );
    let (line, _) = write(e, began).unwrap();
    let new = std::fs::read_to_string(d.join("owl-2023.md")).unwrap();
    assert_eq!(
        added_lines(TITLE_LINK, &new),
        "* [Pellets: What Owls Ate](https://arxiv.org/abs/2402.00001) \\[[Code](https://github.com/owls/pellets)]\n  * Owl Uni & Pellet Lab\n"
    );
    assert_eq!(line, 9);
    let p = paper_json(d, "owl-2023.md", "Pellets: What Owls Ate");
    assert_eq!(p["line"], 9);
    assert_eq!(p["topics"], serde_json::json!(["Flight"]));
    assert_eq!(
        p["links"],
        serde_json::json!([
            {"kind": "paper", "label": "Paper", "url": "https://arxiv.org/abs/2402.00001"},
            {"kind": "code", "label": "Code", "url": "https://github.com/owls/pellets"}
        ])
    );
    assert_eq!(
        p["affiliations"],
        serde_json::json!(["Owl Uni", "Pellet Lab"])
    );

    // A link-less bullet with its affiliation, after a paper with nested takeaways.
    let e = fill(
        &mut app,
        "hooting patterns",
        "Silent Wings Over Open Fields",
        &[],
        "Field Station",
    );
    write(e, began).unwrap();
    let new = std::fs::read_to_string(d.join("hoot-2024.md")).unwrap();
    assert_eq!(
        added_lines(LINK_LESS, &new),
        "* Silent Wings Over Open Fields\n  * Field Station\n"
    );
    let p = paper_json(d, "hoot-2024.md", "Silent Wings Over Open Fields");
    assert_eq!(p["links"], serde_json::json!([]));
    assert_eq!(p["affiliations"], serde_json::json!(["Field Station"]));
    assert_eq!(p["topics"], serde_json::json!(["Calls"]));

    // A numbered list with CRLF line endings: the next number, the same link group and ending.
    let e = fill(
        &mut app,
        "owls can count",
        "Owls Can Hoot",
        &["https://arxiv.org/abs/2401.00003"],
        "",
    );
    write(e, began).unwrap();
    let new = std::fs::read_to_string(d.join("reading.md")).unwrap();
    assert_eq!(
        added_lines(NUMBERED, &new),
        "3. Owls Can Hoot \\[[Paper](https://arxiv.org/abs/2401.00003)]\r\n"
    );
    let p = paper_json(d, "reading.md", "Owls Can Hoot");
    assert_eq!(
        p["links"],
        serde_json::json!([{"kind": "paper", "label": "Paper", "url": "https://arxiv.org/abs/2401.00003"}])
    );
}

#[test]
fn a_file_changed_underneath_or_read_only_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (mut app, began) = load(d);
    let e = fill(&mut app, "wingbeat", "Late Paper", &[], "");
    // Someone edits the file after it was loaded.
    let path: PathBuf = d.join("owl-2023.md");
    let edited = TITLE_LINK.replace("### Sight", "### Night Sight");
    std::fs::write(&path, &edited).unwrap();
    let f = std::fs::File::options().append(true).open(&path).unwrap();
    f.set_modified(SystemTime::now() + Duration::from_secs(1))
        .unwrap();
    let why = write(e, began).unwrap_err();
    assert!(why.contains("changed on disk since it was loaded"), "{why}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);

    // A change the file's time cannot show (written within the clock's tick): the paper it follows has
    // moved, and that is seen.
    std::fs::write(&path, TITLE_LINK).unwrap();
    let (mut app, began) = load(d);
    let e = fill(&mut app, "wingbeat", "Late Paper", &[], "");
    let moved = TITLE_LINK.replace("### Flight\n", "### Flight\n\nA line of prose.\n");
    std::fs::write(&path, &moved).unwrap();
    let f = std::fs::File::options().append(true).open(&path).unwrap();
    f.set_modified(began - Duration::from_secs(1)).unwrap();
    let why = write(e, began).unwrap_err();
    assert!(why.contains("changed on disk since it was loaded"), "{why}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), moved);

    // Without write permission (no write bit at all, which root is held to as well).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let (mut app, began) = load(d);
        let path = d.join("hoot-2024.md");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        app.handle(Event::Key(Key::ctrl('p')));
        keys(&mut app, "hooting patterns");
        press(&mut app, KeyCode::Enter);
        let effects = keys(&mut app, "A");
        let [Effect::CheckWritable(p)] = &effects[..] else {
            panic!("{effects:?}")
        };
        let why = add::read_only(p).expect("refused");
        assert!(why.contains("read-only"), "{why}");
        app.add_refused(why);
        assert!(app.adding.is_none());
        let e = fill(&mut app, "hooting patterns", "Never Written", &[], "");
        app.adding = None;
        assert!(write(e, began).unwrap_err().contains("read-only"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), LINK_LESS);
        // The mode is kept when a paper is added.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let (mut app, began) = load(d);
        let e = fill(&mut app, "hooting patterns", "Written Now", &[], "");
        write(e, began).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}

#[test]
fn a_title_with_markup_characters_reads_back_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (mut app, began) = load(d);
    let typed = "Weird [Brackets] *star* `tick` <b>x</b> _u_ ~s~ 中文标题";
    for paper in ["wingbeat", "hooting patterns", "owls can count"] {
        let e = fill(
            &mut app,
            paper,
            typed,
            &["https://arxiv.org/abs/2402.00009"],
            "",
        );
        let Effect::AddPaper { target, entry } = e else {
            panic!()
        };
        let w = add::add(&target, &entry, Some(began)).unwrap();
        assert_eq!(w.title, typed, "{paper}");
        // The next form works on the notes as they are now.
        let (fresh, _) = load(d);
        app = fresh;
    }
}
