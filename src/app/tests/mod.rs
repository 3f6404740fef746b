//! `App::update` driven by actions: state changes and returned effects, nothing performed for real.

mod add;
mod browse;
mod jumps;
mod links;
mod marks;
mod picks;
mod query;
mod session;
mod views;

use super::*;
use crate::loader;
use crate::model::Library;
use crate::search::Ranked;
use crate::state::{Mark, State};

fn bundled() -> App {
    App::new(loader::load_bundled().library)
}

fn app_of(md: &str) -> App {
    let mut lib = Library::default();
    lib.documents
        .push(loader::document::build("t.md", None, md).0);
    loader::assign_ids(&mut lib);
    App::new(lib)
}

fn keys(app: &mut App, s: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in s.chars() {
        effects.extend(app.handle(Event::Key(Key::ch(c))));
    }
    effects
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.handle(Event::Key(Key::plain(code)))
}

fn selected_title(app: &App) -> String {
    app.selected_paper()
        .map(|(_, p)| p.title.to_string())
        .unwrap_or_default()
}

/// The key of the selected paper's work (what marks are kept by).
fn selected_work(app: &App) -> String {
    let (r, _) = app.selected_paper().expect("a paper selected");
    app.works
        .key_of(r)
        .expect("every paper has a work")
        .to_string()
}

const GREYHOUND_PAPER: &str = "https://www.usenix.org/conference/atc25/presentation/wu-tianyuan";

fn select(app: &mut App, query: &str) {
    app.handle(Event::Key(Key::ctrl('p')));
    keys(app, query);
    press(app, KeyCode::Enter);
}

fn run_jobs(app: &mut App, effects: Vec<Effect>) {
    for e in effects {
        if let Effect::Search(job) = e {
            let done = job.finish(&|| false).expect("nothing cancels it");
            app.handle(done);
        }
    }
}
