//! The side pane's views (the views key) and the export keys.

use super::*;
use crate::export::Format;
use crate::model::views::{By, View};

/// Two files listing one paper twice under a topic named in both, plus a paper each.
fn two_files() -> App {
    let mut lib = Library::default();
    for (name, md) in [
        (
            "a.md",
            "# CONF 2023\n\n## Papers\n\n### LLM Inference\n\n\
             * Alpha: One \\[[Paper](https://p/a)] \\[[Code](https://c/a)]\n  * Uni A & Lab B\n\
             * Beta: Two \\[[Paper](https://p/b)]\n  * Lab B\n",
        ),
        (
            "b.md",
            "# List\n\n## Papers\n\n### LLM inference\n\n\
             * Alpha: One (CONF 2023) \\[[Paper](https://p/a)]\n  * Uni A\n\
             * Gamma: Three (OTHER 2021) \\[[Paper](https://p/g)]\n  * Uni C\n",
        ),
    ] {
        lib.documents
            .push(loader::document::build(name, None, md).0);
    }
    loader::assign_ids(&mut lib);
    App::new(lib)
}

fn root_titles(app: &App) -> Vec<String> {
    app.tree
        .roots
        .iter()
        .map(|&id| format!("{} {}", app.tree.nodes[id].title, app.tree.nodes[id].papers))
        .collect()
}

#[test]
fn the_views_key_cycles_the_groupings_and_comes_back_to_the_notes() {
    let mut app = two_files();
    let nav_roots = root_titles(&app);
    select(&mut app, "beta");
    let expanded = app.tree_view.expanded.clone();
    keys(&mut app, "V");
    assert_eq!(app.views.view, View::By(By::Topic));
    // The topic of both files is one group of three works (Alpha once).
    assert_eq!(root_titles(&app), vec!["LLM Inference 3"]);
    assert_eq!(
        selected_title(&app),
        "Beta: Two",
        "the selected paper stays"
    );
    assert!(app.message.clone().unwrap().contains("by topic"));
    keys(&mut app, "V");
    assert_eq!(
        root_titles(&app),
        vec!["2023 2", "2021 1"],
        "years newest first"
    );
    keys(&mut app, "V");
    assert_eq!(root_titles(&app), vec!["CONF 2", "OTHER 1"]);
    keys(&mut app, "V");
    assert_eq!(root_titles(&app), vec!["Lab B 2", "Uni A 1", "Uni C 1"]);
    keys(&mut app, "V");
    assert_eq!(app.views.view, View::Navigation);
    assert_eq!(root_titles(&app), nav_roots);
    assert_eq!(
        app.tree_view.expanded, expanded,
        "the navigation's expansion kept"
    );
    assert_eq!(selected_title(&app), "Beta: Two");
}

#[test]
fn back_from_the_views_the_place_of_a_paper_listed_twice_that_was_selected_stays() {
    let mut app = two_files();
    // Alpha's second place, in b.md.
    select(&mut app, "alpha");
    let second = app.works.places_of(app.selected_paper().unwrap().0)[1];
    let id = app.tree.node_of_paper(second).unwrap();
    app.reveal(id);
    assert_eq!(app.selected_paper().unwrap().0, second);
    keys(&mut app, "VVVVV");
    assert_eq!(app.views.view, View::Navigation);
    assert_eq!(
        app.selected_paper().unwrap().0,
        second,
        "the place selected before, not the work's first"
    );
    // Another paper chosen in a grouped view is selected in the navigation.
    keys(&mut app, "V");
    select(&mut app, "beta");
    keys(&mut app, "VVVV");
    assert_eq!(selected_title(&app), "Beta: Two");
}

#[test]
fn an_excluded_part_hides_every_place_of_a_paper_that_has_it_in_one() {
    let mut app = two_files();
    keys(&mut app, "/-has:code");
    press(&mut app, KeyCode::Enter);
    let papers: Vec<String> = (app.tree_view.rows.iter())
        .filter(|&&id| app.tree.nodes[id].paper().is_some())
        .map(|&id| app.tree.nodes[id].title.clone())
        .collect();
    // Alpha has a code link in a.md: its place in b.md, which has none, goes too.
    assert_eq!(papers, vec!["Beta: Two", "Gamma: Three"]);
}

#[test]
fn a_view_applies_the_filter_and_keeps_the_session_the_navigations() {
    let mut app = two_files();
    let mut before = State::default();
    app.session(&mut before);
    keys(&mut app, "VV/has:code");
    press(&mut app, KeyCode::Enter);
    // Only Alpha's work, in the 2023 group.
    let shown: Vec<String> = app
        .tree_view
        .rows
        .iter()
        .map(|&id| app.tree.nodes[id].title.clone())
        .collect();
    assert_eq!(shown, vec!["2023", "Alpha: One"]);
    assert_eq!(app.tree_view.shown_papers, 1, "one work");
    let mut during = State::default();
    app.session(&mut during);
    assert_eq!(during.expanded, before.expanded);
    // The paper read in the view is the one a restart comes back to.
    keys(&mut app, "G");
    app.session(&mut during);
    let alpha = app
        .library
        .papers()
        .find(|(_, p)| &*p.title == "Alpha: One");
    assert_eq!(
        during.selected.as_ref().and_then(|s| s.paper.clone()),
        alpha.map(|(_, p)| p.id.to_string())
    );
    let mut restarted = two_files();
    restarted.restore_session(&during);
    assert_eq!(selected_title(&restarted), "Alpha: One");
    // A reload keeps the view, rebuilt from the new notes.
    let lib = (*app.library).clone();
    app.replace_library(lib);
    assert_eq!(app.views.view, View::By(By::Year));
    assert_eq!(root_titles(&app), vec!["2023 2", "2021 1"]);
    assert_eq!(app.tree_view.shown_papers, 1);
}

#[test]
fn the_export_keys_take_the_works_shown() {
    let mut app = two_files();
    // Everything: three works (Alpha once).
    let effects = keys(&mut app, "x");
    let [Effect::Export { format, records }] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(*format, Format::Bibtex);
    let titles: Vec<&str> = records.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, vec!["Alpha: One", "Beta: Two", "Gamma: Three"]);
    // The filter and B apply.
    select(&mut app, "beta");
    keys(&mut app, "b");
    keys(&mut app, "/a:lab");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "B");
    let effects = keys(&mut app, "X");
    assert_eq!(
        effects,
        vec![Effect::Copy(
            "- [Beta: Two](https://p/b) — CONF 2023\n".into()
        )]
    );
    assert!(app.message.clone().unwrap().contains("Copied 1 work"));
    // Nothing shown: nothing to export, said.
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "/zzzzqq");
    press(&mut app, KeyCode::Enter);
    assert!(keys(&mut app, "x").is_empty());
    assert!(app.message.clone().unwrap().contains("Nothing to export"));
}

#[test]
fn a_grouped_view_lists_each_place_by_its_breadcrumb_in_the_notes() {
    let mut app = two_files();
    app.handle(Event::Resize {
        width: 120,
        height: 40,
    });
    // By year: the work Alpha under 2023.
    keys(&mut app, "VV/alpha");
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected_title(&app), "Alpha: One");
    let text: Vec<String> = crate::ui::detail::content(&app, 100)
        .iter()
        .map(|l| l.to_string())
        .collect();
    let at = text
        .iter()
        .position(|l| l.starts_with("Listed in 2 places"))
        .unwrap_or_else(|| panic!("{text:#?}"));
    // Each place's breadcrumb (`▶ ` marks the selected one), then its takeaways (none here).
    let places: Vec<String> = text[at + 1..]
        .iter()
        .map(|l| l.chars().skip(2).collect())
        .collect();
    assert_eq!(
        places,
        ["CONF 2023 › LLM Inference", "List › LLM inference"],
        "{text:#?}"
    );
}

#[test]
fn narrowed_a_view_counts_and_summarises_what_it_shows() {
    let mut app = two_files();
    app.handle(Event::Resize {
        width: 120,
        height: 30,
    });
    keys(&mut app, "/has:code");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "VV");
    assert_eq!(app.views.view, View::By(By::Year));
    let said = app.message.clone().unwrap_or_default();
    assert_eq!(said, "Side pane: by year, 1 of 2 groups shown");
    // The 2023 group's summary lists the paper shown, not the other one of its year.
    let group = app.tree.roots[0];
    assert_eq!(app.tree.nodes[group].title, "2023");
    app.select_node(group);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30)).unwrap();
    t.draw(|f| crate::ui::draw(f, &app)).unwrap();
    let screen: String = format!("{:?}", t.backend());
    assert!(screen.contains("1 paper shown of 2"), "{screen}");
    assert!(screen.contains("Alpha: One"), "{screen}");
    assert!(!screen.contains("Beta: Two"), "{screen}");
}
