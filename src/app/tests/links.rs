//! A paper's links: opened by letter, number or the popup, copied, only allowed schemes; editing its file.

use super::*;

#[test]
fn a_missing_link_says_so_and_opens_nothing() {
    let mut app = bundled();
    keys(&mut app, "/greyhound");
    press(&mut app, KeyCode::Enter);
    assert!(keys(&mut app, "s").is_empty());
    assert_eq!(
        app.message.as_deref(),
        Some("No Slides link for this paper")
    );
    // A link labelled Code that is a local file is no Code link: the message names it and its key.
    let mut app = app_of(
        "# OWL 2024\n\n## Papers\n\n* Owl Paper \\[[Paper](https://arxiv.org/abs/2401.00001)] \\[[Code](file:///etc/passwd)]\n",
    );
    keys(&mut app, "/owl");
    press(&mut app, KeyCode::Enter);
    assert!(keys(&mut app, "c").is_empty());
    assert_eq!(
        app.message.as_deref(),
        Some("No Code link for this paper: [2] Code is file:///etc/passwd")
    );
}

#[test]
fn numbered_keys_open_the_nth_link() {
    let mut app = bundled();
    keys(&mut app, "/greyhound");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        keys(&mut app, "2"),
        vec![Effect::Open(
            "https://www.youtube.com/watch?v=R_YsYdY8MPc".into()
        )]
    );
    assert!(keys(&mut app, "9").is_empty());
    assert_eq!(app.message.as_deref(), Some("This paper has no link 9"));
}

#[test]
fn link_popup_opens_or_copies_the_chosen_link() {
    let mut app = bundled();
    keys(&mut app, "/greyhound");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "o");
    assert_eq!(app.mode, Mode::LinkMenu);
    keys(&mut app, "j");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Effect::Open(
            "https://www.youtube.com/watch?v=R_YsYdY8MPc".into()
        )]
    );
    keys(&mut app, "o");
    keys(&mut app, "jj");
    assert_eq!(
        keys(&mut app, "y"),
        vec![Effect::Copy(
            "https://github.com/wutianyuan1/Greyhound".into()
        )]
    );
    assert_eq!(app.mode, Mode::Browse);
}

#[test]
fn y_copies_the_paper_url_and_shift_y_a_markdown_link() {
    let mut app = bundled();
    keys(&mut app, "/greyhound");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        keys(&mut app, "y"),
        vec![Effect::Copy(GREYHOUND_PAPER.into())]
    );
    assert_eq!(
        keys(&mut app, "Y"),
        vec![Effect::Copy(format!(
            "[GreyHound: Hunting Fail-Slows in Hybrid-Parallel Training at Scale]({GREYHOUND_PAPER})"
        ))]
    );
}

#[test]
fn only_allowed_schemes_are_opened() {
    let mut app = app_of(
        "# T\n\n* Evil \\[[Paper](javascript:alert(1))] \\[[Code](file:///etc/passwd)] \\[[Video](https://ok.example)]\n",
    );
    keys(&mut app, "j");
    assert!(selected_title(&app).starts_with("Evil"));
    // A script link is no paper link: `p` names it; by its number it is refused.
    assert!(keys(&mut app, "p").is_empty());
    assert_eq!(
        app.message.as_deref(),
        Some("No Paper link for this paper: [1] Paper is javascript:alert(1)")
    );
    assert!(keys(&mut app, "1").is_empty());
    assert!(app
        .message
        .as_deref()
        .unwrap()
        .starts_with("Not opened: javascript:"));
    assert!(keys(&mut app, "c").is_empty());
    assert_eq!(
        keys(&mut app, "v"),
        vec![Effect::Open("https://ok.example".into())]
    );
}

#[test]
fn a_link_without_an_address_is_no_paper_link_and_says_so() {
    let mut app = app_of("# T\n\n* Empty \\[[Paper]()] \\[[Code](https://ok.example)]\n");
    keys(&mut app, "j");
    assert!(selected_title(&app).starts_with("Empty"));
    assert!(keys(&mut app, "p").is_empty());
    assert!(
        app.message.as_deref().unwrap().starts_with("No Paper link"),
        "{:?}",
        app.message
    );
    assert!(keys(&mut app, "1").is_empty());
    assert_eq!(
        app.message.as_deref(),
        Some("Not opened: the link has no address (`[label]()` in the notes)")
    );
}

#[test]
fn a_local_note_page_opens_inside_the_app() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let loaded = loader::load_paths(&[dir.join("title-link.md"), dir.join("platypus.md")]);
    let mut app = App::new(loaded.library);
    // Two documents: collapsed to the documents.
    assert_eq!(app.tree_view.rows.len(), 2);
    keys(&mut app, "ljlj"); // document → section Scheduling → first paper
    assert!(selected_title(&app).starts_with("Platypus"));
    assert!(
        keys(&mut app, "2").is_empty(),
        "a local page is not given to the opener"
    );
    assert_eq!(app.selected_page(), Some(1));
    assert_eq!(app.focus, Focus::Detail);
}

#[test]
fn opening_a_link_marks_read_when_configured() {
    let mut app = bundled();
    app.links.mark_read_on_open = true;
    select(&mut app, "greyhound");
    let id = selected_work(&app);
    let effects = keys(&mut app, "p");
    assert_eq!(effects.len(), 2);
    assert!(matches!(&effects[0], Effect::Open(u) if u == GREYHOUND_PAPER));
    assert_eq!(effects[1], Effect::Mark(Mark::Read { id, on: true }));
    // Already read: opening again does not toggle it back.
    assert_eq!(keys(&mut app, "p").len(), 1);
}

#[test]
fn edit_gives_the_file_and_line_or_explains_why_not() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/conference.md");
    let mut app = App::new(loader::load_paths(&[&dir]).library);
    select(&mut app, "quokka");
    assert_eq!(
        keys(&mut app, "e"),
        vec![Effect::Edit {
            path: dir.clone(),
            line: 18
        }]
    );
    // A topic or section: at its own line, not the file's first.
    keys(&mut app, "h");
    assert_eq!(
        app.tree.nodes[app.tree_view.selected.unwrap()].title,
        "Key-Value Stores"
    );
    assert_eq!(
        keys(&mut app, "e"),
        vec![Effect::Edit {
            path: dir.clone(),
            line: 17
        }]
    );
    // `h` folds the topic, then goes up to its section.
    keys(&mut app, "hh");
    assert_eq!(
        keys(&mut app, "e")[0],
        Effect::Edit {
            path: dir.clone(),
            line: 15
        }
    );
    let mut app = bundled();
    assert!(keys(&mut app, "e").is_empty());
    assert!(app.message.as_deref().unwrap().contains("bundled notes"));
}

#[test]
fn the_paper_key_opens_a_link_labelled_as_the_paper_when_none_is_labelled_paper() {
    let mut app = app_of(
        "# L\n\n## Papers\n\n* Owls in Flight \\[[Personal Notes](https://notes.example/o)] \\[[arXiv](https://arxiv.org/abs/2401.00001)] \\[[Code](https://github.com/o/f)]\n",
    );
    keys(&mut app, "j");
    assert_eq!(
        keys(&mut app, "p"),
        [Effect::Open("https://arxiv.org/abs/2401.00001".into())]
    );
    let links = app.selected_links();
    let keyed: Vec<String> = app.link_keys(&links).into_iter().map(|(k, _)| k).collect();
    assert_eq!(keyed, ["1", "p", "c"]);
}

#[test]
fn a_note_page_that_is_not_loaded_says_whether_its_folder_is() {
    let mut lib = Library::default();
    let md = "# List\n\n## Papers\n\n\
              * Orca: Serving \\[[Paper](https://p/orca)] \\[[Personal Note](orca.md)]\n\
              * Vizier: Tuning \\[[Paper](https://p/vizier)] \\[[Personal Note](../elsewhere/vizier.md)]\n";
    let path = std::path::PathBuf::from("/notes/list.md");
    lib.documents
        .push(loader::document::build("list.md", Some(&path), md).0);
    loader::assign_ids(&mut lib);
    let mut app = App::new(lib);
    app.handle(Event::Resize {
        width: 120,
        height: 40,
    });
    let said = |app: &App| app.message.clone().unwrap_or_default();
    select(&mut app, "orca");
    assert_eq!(keys(&mut app, "2"), []);
    assert!(
        said(&app).contains("orca.md is not among the loaded notes"),
        "{}",
        said(&app)
    );
    select(&mut app, "vizier");
    assert_eq!(keys(&mut app, "2"), []);
    assert!(said(&app).contains("open its folder"), "{}", said(&app));

    // In the link popup, `y` on a local link copies the file it points to (the link as written is
    // relative to its document's folder); on a web link, the URL.
    keys(&mut app, "oj");
    assert_eq!(
        keys(&mut app, "y"),
        [Effect::Copy("/elsewhere/vizier.md".into())]
    );
    keys(&mut app, "o");
    assert_eq!(
        keys(&mut app, "y"),
        [Effect::Copy("https://p/vizier".into())]
    );
}
