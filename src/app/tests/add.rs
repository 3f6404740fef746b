//! The add form: where it opens, what it asks, the entry it hands to the runtime, what it refuses.

use super::*;
use crate::app::add_paper::FieldKind;
use crate::notes_writer::{Entry, Shape};

/// The papers of `/notes/owl.md` below its title (see [`on_disk`]).
const OWL: &str = "## Papers\n\n### Flight\n\n\
                   * [Wings: Lift](https://arxiv.org/abs/2401.00001)\n  * Uni A\n\
                   * [Tails: Drag](https://arxiv.org/abs/2401.00002)\n\n\
                   ### Sight\n\n* Eyes \\[[Paper](https://a.example/e)]\n";

/// A library of one file, `/notes/owl.md`, holding `md`.
fn owl_library(md: &str) -> Library {
    let mut lib = Library::default();
    let path = std::path::PathBuf::from("/notes/owl.md");
    lib.documents
        .push(loader::document::build("owl.md", Some(&path), md).0);
    loader::assign_ids(&mut lib);
    lib
}

fn on_disk() -> App {
    let lib = owl_library(&format!("# OWL 2024\n\n{OWL}"));
    let mut app = App::new(lib);
    app.handle(Event::Resize {
        width: 120,
        height: 40,
    });
    app
}

/// The form open after “Tails: Drag” of [`on_disk`], the title typed.
fn form_titled() -> App {
    let mut app = on_disk();
    select(&mut app, "wings");
    keys(&mut app, "A");
    typed(&mut app, "Owls at Night");
    app
}

fn typed(app: &mut App, s: &str) {
    keys(app, s);
}

#[test]
fn the_form_on_a_paper_adds_after_its_topics_last_paper_with_guessed_labels() {
    let mut app = on_disk();
    select(&mut app, "wings");
    let effects = keys(&mut app, "A");
    assert_eq!(
        effects,
        [Effect::CheckWritable(std::path::PathBuf::from(
            "/notes/owl.md"
        ))]
    );
    assert_eq!(app.mode, Mode::AddPaper);
    let form = app.adding.as_ref().unwrap();
    assert_eq!(form.target.after_line, 9);
    assert_eq!(form.target.after_title, "Tails: Drag");
    assert_eq!(form.target.shape, Shape::TitleLink);
    assert_eq!(form.target.place, "OWL 2024 › Flight");
    typed(&mut app, "Owls at Night");
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "https://arxiv.org/abs/2401.00003");
    let form = app.adding.as_ref().unwrap();
    assert_eq!(form.fields[2].input.as_str(), "Paper", "guessed");
    assert_eq!(form.fields.len(), 6, "a next link's fields appear");
    // Enter goes on to the next URL, past the guessed label.
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "https://github.com/owls/night");
    assert_eq!(
        app.adding.as_ref().unwrap().fields[4].input.as_str(),
        "Code"
    );
    press(&mut app, KeyCode::Tab);
    // The label is editable: Backspace takes the guess whole, and what is typed is kept.
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.adding.as_ref().unwrap().fields[4].input.as_str(), "");
    typed(&mut app, "Artifact");
    press(&mut app, KeyCode::Enter);
    // An empty URL goes on to the affiliations.
    assert_eq!(
        app.adding.as_ref().unwrap().fields[5].kind,
        FieldKind::Url(2)
    );
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "Owl Uni & Barn Lab");
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::AddPaper { target, entry }] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(target.after_line, 9);
    assert_eq!(
        *entry,
        Entry {
            title: "Owls at Night".into(),
            links: vec![
                ("Paper".into(), "https://arxiv.org/abs/2401.00003".into()),
                ("Artifact".into(), "https://github.com/owls/night".into()),
            ],
            affiliations: vec!["Owl Uni".into(), "Barn Lab".into()],
        }
    );
    assert_eq!(app.mode, Mode::Browse);
    // Written: `e` opens the new entry's last line.
    app.added(
        std::path::PathBuf::from("/notes/owl.md"),
        10,
        11,
        "Owls at Night",
    );
    assert_eq!(
        app.message.as_deref().unwrap(),
        "Added “Owls at Night” to owl.md:10 · e: add takeaways in the editor"
    );
    assert_eq!(
        keys(&mut app, "e"),
        [Effect::Edit {
            path: "/notes/owl.md".into(),
            line: 11
        }]
    );
}

#[test]
fn a_title_the_notes_read_otherwise_is_said_as_read() {
    let mut app = on_disk();
    select(&mut app, "wings");
    keys(&mut app, "A");
    typed(&mut app, "Owls. Night Lab");
    // Through the rest of the form.
    let mut effects = Vec::new();
    for _ in 0..6 {
        effects = press(&mut app, KeyCode::Enter);
        if !effects.is_empty() {
            break;
        }
    }
    assert!(
        matches!(effects[..], [Effect::AddPaper { .. }]),
        "{effects:?}"
    );
    let typed = match &effects[0] {
        Effect::AddPaper { entry, .. } => entry.title.clone(),
        _ => unreachable!(),
    };
    assert_eq!(typed, "Owls. Night Lab");
    app.added(std::path::PathBuf::from("/notes/owl.md"), 10, 10, "Owls");
    let read = "Owls";
    let said = app.message.clone().unwrap();
    assert!(
        said.starts_with(&format!(
            "Added to owl.md:10, read as “{read}” (typed “{typed}”: the rest reads as its authors or venue)"
        )),
        "{said}"
    );
}

#[test]
fn a_topic_or_a_document_takes_the_paper_after_its_last() {
    let mut app = on_disk();
    select(&mut app, "eyes");
    keys(&mut app, "k");
    keys(&mut app, "A");
    assert_eq!(app.adding.as_ref().unwrap().target.after_title, "Eyes");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Browse);
    assert!(app.adding.is_none());
    keys(&mut app, "gA");
    assert_eq!(app.adding.as_ref().unwrap().target.after_title, "Eyes");
    // Enter on the title with nothing typed: a title is needed.
    for _ in 0..4 {
        press(&mut app, KeyCode::Enter);
    }
    assert_eq!(app.message.as_deref(), Some("A paper needs a title"));
    assert_eq!(app.mode, Mode::AddPaper);
}

#[test]
fn the_bundled_notes_and_a_refused_file_say_why() {
    let mut app = bundled();
    keys(&mut app, "jjA");
    assert_eq!(app.mode, Mode::Browse);
    assert!(app.message.as_deref().unwrap().contains("read-only"));
    let mut app = on_disk();
    select(&mut app, "eyes");
    keys(&mut app, "A");
    app.add_refused("owl.md is read-only (no write permission)".into());
    assert_eq!(app.mode, Mode::Browse);
    assert!(app.adding.is_none());
}

#[test]
fn a_link_that_is_not_a_web_address_or_a_note_is_refused_with_the_form_kept() {
    let mut app = form_titled();
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "not a url");
    // Past the guessed label to the next link (left empty), then the affiliations: Enter on the last
    // submits.
    let mut effects = Vec::new();
    for _ in 0..3 {
        effects = press(&mut app, KeyCode::Enter);
    }
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(app.mode, Mode::AddPaper);
    let form = app.adding.as_ref().unwrap();
    assert_eq!(form.fields[form.focus].kind, FieldKind::Url(0));
    let said = app.message.clone().unwrap_or_default();
    assert!(said.starts_with("Link 1 is not a web address"), "{said}");
    // A web address, or a note page beside the notes, is taken.
    for _ in 0.."not a url".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "notes/owls.md");
    for _ in 0..3 {
        effects = press(&mut app, KeyCode::Enter);
    }
    assert!(
        matches!(&effects[..], [Effect::AddPaper { entry, .. }] if entry.links[0].1 == "notes/owls.md"),
        "{effects:?}"
    );
}

/// The notes of [`on_disk`] with a line added above them: every paper one line further down.
fn moved_down() -> Library {
    owl_library(&format!("# OWL 2024\n\nA line more.\n\n{OWL}"))
}

#[test]
fn a_refusal_because_the_file_changed_keeps_what_was_typed_for_the_notes_as_they_are_now() {
    let mut app = form_titled();
    // Enter through the fields (an empty link goes on to the affiliations) until it submits.
    let submit = |app: &mut App| {
        (0..5)
            .map(|_| press(app, KeyCode::Enter))
            .find(|e| !e.is_empty())
            .unwrap_or_default()
    };
    let effects = submit(&mut app);
    assert!(
        matches!(&effects[..], [Effect::AddPaper { .. }]),
        "{effects:?}"
    );
    assert_eq!(app.mode, Mode::Browse);
    // The runtime found the file changed: the form is back, as typed.
    app.add_refused_changed("owl.md changed on disk".into());
    assert_eq!(app.mode, Mode::AddPaper);
    assert_eq!(
        app.adding.as_ref().unwrap().fields[0].input.as_str(),
        "Owls at Night"
    );
    // The notes are read again: the form follows its paper to its new line and the new library.
    app.replace_library(moved_down());
    let form = app.adding.as_ref().unwrap();
    assert_eq!(form.target.after_line, 11);
    assert_eq!(form.target.generation, app.generation);
    // Enter through the rest submits again.
    let effects = submit(&mut app);
    let [Effect::AddPaper { target, entry }] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(target.after_line, 11);
    assert_eq!(entry.title, "Owls at Night");
}

#[test]
fn a_form_whose_paper_is_gone_after_a_reload_closes_saying_so() {
    let mut app = on_disk();
    select(&mut app, "wings");
    keys(&mut app, "A");
    app.replace_library(owl_library(
        "# OWL 2024\n\n## Papers\n\n* Eyes \\[[Paper](https://a.example/e)]\n",
    ));
    assert!(app.adding.is_none());
    assert_eq!(app.mode, Mode::Browse);
    let said = app.message.clone().unwrap_or_default();
    assert!(
        said.contains("“Tails: Drag” is no longer in owl.md"),
        "{said}"
    );
    // The runtime's message about the reload, which comes after, still says it.
    app.say_reloaded("Reloaded the notes: owl.md");
    let said = app.message.clone().unwrap_or_default();
    assert_eq!(
        said,
        "Reloaded the notes: owl.md · Not added: “Tails: Drag” is no longer in owl.md"
    );
    // Once.
    app.say_reloaded("Reloaded the notes: owl.md");
    assert_eq!(app.message.as_deref(), Some("Reloaded the notes: owl.md"));
}

#[test]
fn a_screen_too_short_for_the_form_scrolls_to_the_focused_field() {
    let mut app = form_titled();
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "https://arxiv.org/abs/2401.00003");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "MIT & CMU");
    app.handle(Event::Resize {
        width: 30,
        height: 8,
    });
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(30, 8)).unwrap();
    t.draw(|f| crate::ui::draw(f, &app)).unwrap();
    let screen: String = t
        .backend()
        .buffer()
        .content
        .iter()
        .map(|c| c.symbol())
        .collect();
    let focused = app.adding.as_ref().unwrap().focus;
    assert!(focused >= 3, "a field below the first three: {focused}");
    assert!(
        screen.contains("Link 2 URL") && screen.contains("MU▏"),
        "the focused field and its cursor show:\n{screen}"
    );
}

#[test]
fn a_guessed_label_is_skipped_by_enter_replaced_by_typing_and_never_left_empty() {
    let mut app = form_titled();
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "https://arxiv.org/abs/2401.00003");
    // Enter from a URL goes on to the next URL, past the guessed label.
    press(&mut app, KeyCode::Enter);
    let form = app.adding.as_ref().unwrap();
    assert_eq!(form.fields[form.focus].kind, FieldKind::Url(1));
    typed(&mut app, "https://github.com/owls/night");
    // Tab goes into the guessed label; typing replaces it instead of adding to it.
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Artifact");
    let form = app.adding.as_ref().unwrap();
    assert_eq!(form.fields[form.focus].input.as_str(), "Artifact");
    // Ctrl-U clears a field, as in the filter.
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    let effects = app.handle(Event::Key(Key::ctrl('u')));
    assert!(effects.is_empty());
    let form = app.adding.as_ref().unwrap();
    assert_eq!(form.fields[form.focus].kind, FieldKind::Label(0));
    assert_eq!(
        form.fields[form.focus].input.as_str(),
        "",
        "the guess cleared"
    );
    // Left empty, it is guessed again when the paper is added.
    let effects = (0..6)
        .map(|_| press(&mut app, KeyCode::Enter))
        .find(|e| !e.is_empty())
        .unwrap_or_default();
    let [Effect::AddPaper { entry, .. }] = &effects[..] else {
        panic!("{effects:?}");
    };
    assert_eq!(
        entry.links,
        [
            ("Paper".into(), "https://arxiv.org/abs/2401.00003".into()),
            ("Artifact".into(), "https://github.com/owls/night".into())
        ]
    );
}

#[test]
fn a_label_without_a_url_is_asked_for_not_dropped() {
    let mut app = form_titled();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Slides");
    let effects = (0..4)
        .map(|_| press(&mut app, KeyCode::Enter))
        .find(|e| !e.is_empty());
    assert_eq!(effects, None);
    assert_eq!(app.mode, Mode::AddPaper);
    let form = app.adding.as_ref().unwrap();
    assert_eq!(form.fields[form.focus].kind, FieldKind::Url(0));
    let said = app.message.clone().unwrap_or_default();
    assert!(said.starts_with("Link 1 has a label but no URL"), "{said}");
}
