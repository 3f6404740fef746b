//! A reload takes in only what changed: unchanged documents are shared with the notes before (the same
//! allocation, not a copy), and the library, works, tree and index it gives are those a full load of the
//! same files gives. With a filter active the filter stays, shows its hits meanwhile and finds them again
//! on the search worker.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use takeaway::app::{App, Effect, Event, Key, KeyCode, Prepared};
use takeaway::loader;
use takeaway::model::work::Works;
use takeaway::model::{Library, PaperRef};
use takeaway::search::{self, NoMarks};

fn list(title: &str, papers: &[(&str, &str)]) -> String {
    let mut md = format!("# {title}\n\n## Papers\n\n### Owls\n\n");
    for (i, (paper, note)) in papers.iter().enumerate() {
        md.push_str(&format!(
            "* {paper} \\[[Paper](https://arxiv.org/abs/2401.{:05})]\n  * Uni of Owls\n  * {note}\n",
            i + title.len() * 100
        ));
    }
    md
}

/// Three lists; `Counting Owls` is listed in the first and the last (one work, two places).
fn notes(dir: &Path) -> Vec<PathBuf> {
    let files = [
        (
            "a.md",
            list(
                "OWL 2030",
                &[
                    ("Counting Owls", "Owls count by hooting."),
                    ("Serverless Roosts", "Roosts scale to zero."),
                ],
            ),
        ),
        (
            "b.md",
            list(
                "HOOT 2031",
                &[
                    ("Barn Owl Scheduling", "A serverless scheduler for barns."),
                    ("Tawny Caches", "Caches that never sleep."),
                ],
            ),
        ),
        (
            "c.md",
            list(
                "NEST 2032",
                &[("Counting Owls", "Listed again, with more to say.")],
            ),
        ),
    ];
    files
        .iter()
        .map(|(name, md)| {
            let path = dir.join(name);
            std::fs::write(&path, md).unwrap();
            path
        })
        .collect()
}

fn app(library: Library) -> App {
    let mut app = App::new(library);
    app.handle(Event::Resize {
        width: 100,
        height: 30,
    });
    app
}

/// Reloads `app` as the runtime does after `changed` changed: from the notes it shows.
fn reload(app: &mut App, dir: &Path, changed: &[PathBuf]) -> Vec<Effect> {
    let base = app.reload_base();
    let loaded = loader::reload_changed(&[dir], base.library(), changed);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    app.replace_prepared(Prepared::updated(&base, loaded.library));
    app.searches.effects().collect()
}

/// A work: its key, places and fullest place.
type Work = (String, Vec<PaperRef>, Option<PaperRef>);

/// Every work, and every paper's work.
fn works_of(works: &Works, lib: &Library) -> (Vec<Work>, Vec<Option<usize>>) {
    (
        (0..works.len())
            .map(|w| {
                (
                    works.key(w).to_string(),
                    works.places(w).to_vec(),
                    works.fullest(w),
                )
            })
            .collect(),
        lib.papers().map(|(r, _)| works.work_of(r)).collect(),
    )
}

/// The app after a reload shows what an app started on the same files shows.
fn assert_same_as_a_full_load(app: &App, dir: &Path) {
    let fresh = self::app(loader::load_paths(&[dir]).library);
    assert_eq!(
        format!("{:#?}", app.library),
        format!("{:#?}", fresh.library)
    );
    assert_eq!(
        works_of(&app.works, &app.library),
        works_of(&fresh.works, &fresh.library)
    );
    assert_eq!(format!("{:?}", app.tree), format!("{:?}", fresh.tree));
    for q in [
        "owl",
        "serverless",
        "counting",
        "t:tawny",
        "in:hoot",
        "-owls",
    ] {
        let query = search::parse(q).unwrap();
        let hits = |a: &App| {
            (a.index.find(&query, &NoMarks).iter())
                .map(|h| (h.paper, h.field, h.score))
                .collect::<Vec<_>>()
        };
        assert_eq!(hits(app), hits(&fresh), "{q}");
    }
}

#[test]
fn a_reload_shares_unchanged_documents_and_gives_what_a_full_load_gives() {
    let dir = tempfile::tempdir().unwrap();
    let files = notes(dir.path());
    let mut app = app(loader::load_paths(&[dir.path()]).library);
    let before = Arc::clone(&app.library);

    // One line of b.md edited, a paper added that c.md lists too.
    let b = list(
        "HOOT 2031",
        &[
            (
                "Barn Owl Scheduling, Revised",
                "A serverless scheduler for barns.",
            ),
            ("Tawny Caches", "Caches that never sleep."),
            (
                "Counting Owls",
                "A third place, the fullest.\n  * It says more.",
            ),
        ],
    );
    std::fs::write(&files[1], b).unwrap();
    reload(&mut app, dir.path(), &files[1..2]);
    let docs = &app.library.documents;
    assert!(
        Arc::ptr_eq(&docs[0], &before.documents[0]),
        "a.md is shared"
    );
    assert!(
        Arc::ptr_eq(&docs[2], &before.documents[2]),
        "c.md is shared"
    );
    assert!(!Arc::ptr_eq(&docs[1], &before.documents[1]));
    assert_eq!(&*docs[1].papers[0].title, "Barn Owl Scheduling, Revised");
    let counting = app.library.find_id("owl-2030/counting-owls").unwrap();
    assert_eq!(app.works.places_of(counting).len(), 3);
    let work = app.works.work_of(counting).unwrap();
    assert_eq!(app.works.fullest(work).map(|r| r.doc), Some(1));
    assert_same_as_a_full_load(&app, dir.path());

    // Two papers of b.md with one title: the second id gets `-2`; gone again when the title is.
    let dup = list(
        "HOOT 2031",
        &[("Tawny Caches", "One."), ("Tawny Caches", "Two.")],
    );
    std::fs::write(&files[1], dup).unwrap();
    reload(&mut app, dir.path(), &files[1..2]);
    assert_eq!(
        &*app.library.documents[1].papers[1].id,
        "hoot-2031/tawny-caches-2"
    );
    assert_same_as_a_full_load(&app, dir.path());
    let single = list("HOOT 2031", &[("Tawny Caches", "One.")]);
    std::fs::write(&files[1], single).unwrap();
    reload(&mut app, dir.path(), &files[1..2]);
    assert_same_as_a_full_load(&app, dir.path());

    // c.md titled as a.md: its paper of a.md's title collides; when a.md (alone) loses that paper,
    // c.md (unchanged, shared) gets its id without the suffix.
    let c = list("OWL 2030", &[("Counting Owls", "Listed again.")]);
    std::fs::write(&files[2], c).unwrap();
    reload(&mut app, dir.path(), &files[2..3]);
    assert_eq!(
        &*app.library.documents[2].papers[0].id,
        "owl-2030/counting-owls-2"
    );
    assert_same_as_a_full_load(&app, dir.path());
    let a = list(
        "OWL 2030",
        &[("Serverless Roosts", "Roosts scale to zero.")],
    );
    std::fs::write(&files[0], a).unwrap();
    reload(&mut app, dir.path(), &files[0..1]);
    assert_eq!(
        &*app.library.documents[2].papers[0].id,
        "owl-2030/counting-owls"
    );
    assert_same_as_a_full_load(&app, dir.path());

    // A file added between two others moves the later documents: everything is built again.
    let added = dir.path().join("ab.md");
    std::fs::write(
        &added,
        list("ROOST 2033", &[("Owl Pellets", "Serverless.")]),
    )
    .unwrap();
    reload(&mut app, dir.path(), std::slice::from_ref(&added));
    assert_eq!(app.library.documents.len(), 4);
    assert_same_as_a_full_load(&app, dir.path());
    // And removed again.
    std::fs::remove_file(&added).unwrap();
    reload(&mut app, dir.path(), &[added]);
    assert_same_as_a_full_load(&app, dir.path());
}

#[test]
fn with_a_filter_active_a_reload_keeps_it_and_finds_its_hits_again_on_the_worker() {
    let dir = tempfile::tempdir().unwrap();
    let files = notes(dir.path());
    let mut app = app(loader::load_paths(&[dir.path()]).library);
    app.searches.off_thread = true;
    app.handle(Event::Key(Key::ch('/')));
    let mut jobs = Vec::new();
    for c in "serverless".chars() {
        jobs = app.handle(Event::Key(Key::ch(c)));
    }
    run(&mut app, jobs);
    app.handle(Event::Key(Key::plain(KeyCode::Enter)));
    let titles = |app: &App| {
        let mut t: Vec<String> = (app.filter.hits.iter())
            .filter_map(|h| Some(app.library.paper(h.paper)?.title.to_string()))
            .collect();
        t.sort();
        t
    };
    assert_eq!(titles(&app), ["Barn Owl Scheduling", "Serverless Roosts"]);

    // The selected hit's title edited, and a paper that now matches added.
    let b = list(
        "HOOT 2031",
        &[
            (
                "Barn Owl Scheduling at Dusk",
                "A serverless scheduler for barns.",
            ),
            ("Tawny Caches", "Caches that never sleep."),
            ("Snowy Owls", "Serverless, and white."),
        ],
    );
    std::fs::write(&files[1], b).unwrap();
    let jobs = reload(&mut app, dir.path(), &files[1..2]);
    // The filter stays, searching again on the worker; meanwhile its hits on the new notes show,
    // the edited one among them.
    assert_eq!(app.filter.query(), "serverless");
    assert!(app.filter.is_pending());
    assert_eq!(jobs.len(), 1, "{jobs:?}");
    assert_eq!(
        titles(&app),
        ["Barn Owl Scheduling at Dusk", "Serverless Roosts"]
    );
    let screen = format!(
        "{:?}",
        app.tree_view
            .rows
            .iter()
            .map(|&id| &app.tree.nodes[id].title)
            .collect::<Vec<_>>()
    );
    assert!(screen.contains("Barn Owl Scheduling at Dusk"), "{screen}");
    run(&mut app, jobs);
    assert!(!app.filter.is_pending());
    assert_eq!(
        titles(&app),
        [
            "Barn Owl Scheduling at Dusk",
            "Serverless Roosts",
            "Snowy Owls"
        ]
    );
}

/// The worker's part, done here.
fn run(app: &mut App, effects: Vec<Effect>) {
    for e in effects {
        if let Effect::Search(job) = e {
            let done = job.finish(&|| false).expect("nothing cancels it");
            app.handle(done);
        }
    }
}

#[test]
fn a_title_mended_in_the_file_keeps_its_marks_and_is_not_new() {
    let dir = tempfile::tempdir().unwrap();
    let paths = notes(dir.path());
    let mut app = app(loader::load_paths(&[dir.path()]).library);
    app.start_news(None);
    let at = |app: &App, title: &str| {
        app.library
            .papers()
            .find(|(_, p)| &*p.title == title)
            .map(|(r, _)| r)
            .unwrap_or_else(|| panic!("no {title}"))
    };
    // Bookmarked and read: Serverless Roosts; read: Tawny Caches.
    app.handle(Event::Key(Key::ctrl('p')));
    for c in "serverless roosts".chars() {
        app.handle(Event::Key(Key::ch(c)));
    }
    app.handle(Event::Key(Key::plain(KeyCode::Enter)));
    app.handle(Event::Key(Key::ch('b')));
    app.handle(Event::Key(Key::ch('m')));
    // A typo mended in a.md: the same line, the same link.
    let a = std::fs::read_to_string(&paths[0]).unwrap();
    std::fs::write(
        &paths[0],
        a.replace("Serverless Roosts", "Serverless Roosting"),
    )
    .unwrap();
    reload(&mut app, dir.path(), &paths[..1]);
    let r = at(&app, "Serverless Roosting");
    assert!(app.is_bookmarked(r) && app.is_read(r), "the marks followed");
    assert!(!app.is_new(r), "not new: it was there before");
    // The tree's counts agree: nothing new below any node, and the paper counted read.
    assert!(app.marks.new.iter().all(|&n| n == 0), "{:?}", app.marks.new);
    let node = app.tree.node_of_paper(r).unwrap();
    assert_eq!(app.marks.unread[node], 0);
    let effects = app.take_carried_marks();
    let written: Vec<String> = effects
        .iter()
        .map(|e| match e {
            Effect::Mark(m) => format!("{m:?}"),
            e => panic!("{e:?}"),
        })
        .collect();
    // Written for the new key; the old key's marks stay (another library may list the old title).
    assert_eq!(written.len(), 2, "{written:?}");
    assert!(written
        .iter()
        .all(|w| w.contains("serverless-roosting") && w.contains("on: true")));
    assert!(app.marks.bookmarks.contains("serverless-roosts"));
    assert!(app.take_carried_marks().is_empty(), "taken once");
    // A paper really new (another link, another line) is new, and takes no marks.
    let a = std::fs::read_to_string(&paths[0]).unwrap();
    std::fs::write(
        &paths[0],
        format!("{a}* Snowy Owls \\[[Paper](https://arxiv.org/abs/2401.99999)]\n"),
    )
    .unwrap();
    reload(&mut app, dir.path(), &paths[..1]);
    let r = at(&app, "Snowy Owls");
    assert!(!app.is_bookmarked(r) && !app.is_read(r));
    assert!(app.take_carried_marks().is_empty());
}

/// A mark removed after a title edit stays removed when the edit is undone: the old title's mark,
/// kept for other libraries, goes with it.
#[test]
fn a_mark_removed_after_a_title_edit_stays_removed_when_the_edit_is_undone() {
    let dir = tempfile::tempdir().unwrap();
    let paths = notes(dir.path());
    let mut app = app(loader::load_paths(&[dir.path()]).library);
    app.start_news(None);
    let select = |app: &mut App, title: &str| {
        app.handle(Event::Key(Key::ctrl('p')));
        for c in title.chars() {
            app.handle(Event::Key(Key::ch(c)));
        }
        app.handle(Event::Key(Key::plain(KeyCode::Enter)));
        assert_eq!(&*app.selected_paper().unwrap().1.title, title);
    };
    let rename = |app: &mut App, from: &str, to: &str| {
        let a = std::fs::read_to_string(&paths[0]).unwrap();
        std::fs::write(&paths[0], a.replace(from, to)).unwrap();
        reload(app, dir.path(), &paths[..1]);
        app.take_carried_marks();
    };
    select(&mut app, "Serverless Roosts");
    app.handle(Event::Key(Key::ch('b')));
    rename(&mut app, "Serverless Roosts", "Serverless Roosting");
    select(&mut app, "Serverless Roosting");
    assert!(app.is_bookmarked(app.selected_paper().unwrap().0));
    // Unmarked under its new title: both keys lose the bookmark, and both are written.
    let effects = app.handle(Event::Key(Key::ch('b')));
    let written = format!("{effects:?}");
    assert!(
        written.contains("serverless-roosting") && written.contains("serverless-roosts"),
        "{written}"
    );
    assert!(!written.contains("on: true"), "{written}");
    rename(&mut app, "Serverless Roosting", "Serverless Roosts");
    select(&mut app, "Serverless Roosts");
    assert!(
        !app.is_bookmarked(app.selected_paper().unwrap().0),
        "the bookmark came back"
    );
}

#[test]
fn the_selected_papers_file_deleted_leaves_the_selection_on_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    for (sub, name, title) in [
        ("conf1", "x.md", "OWL 2030"),
        ("conf2", "y.md", "HOOT 2031"),
        ("conf2", "z.md", "NEST 2032"),
    ] {
        let folder = dir.path().join(sub);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(
            folder.join(name),
            list(title, &[(&format!("{title} Paper"), "A note.")]),
        )
        .unwrap();
    }
    let mut app = app(loader::load_paths(&[dir.path()]).library);
    app.handle(Event::Key(Key::ctrl('p')));
    for c in "hoot 2031 paper".chars() {
        app.handle(Event::Key(Key::ch(c)));
    }
    app.handle(Event::Key(Key::plain(KeyCode::Enter)));
    let title = |app: &App| {
        let id = app.tree_view.selected.unwrap();
        app.tree.nodes[id].title.to_string()
    };
    assert_eq!(title(&app), "HOOT 2031 Paper");
    let gone = dir.path().join("conf2/y.md");
    std::fs::remove_file(&gone).unwrap();
    reload(&mut app, dir.path(), &[gone]);
    assert_eq!(title(&app), "conf2", "its nearest ancestor still there");
    let id = app.tree_view.selected.unwrap();
    assert!(app.tree_view.rows.contains(&id), "and shown");
}
