//! Fuzz target: any bytes, as a notes file, through the loader, the search index, the JSON writer and
//! a full render of the app at a small size. Nothing may panic, and every paper's line is in the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use takeaway::app::{App, Event, Key};
use takeaway::loader;
use takeaway::model::Library;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (doc, _warnings) = loader::document::build("fuzz.md", None, text);
    let lines = text.split(['\n', '\r']).count().max(1);
    for p in &doc.papers {
        assert!(p.line >= 1 && p.line <= lines, "line {} of {lines}", p.line);
    }
    let mut lib = Library::default();
    lib.documents.push(doc);
    loader::assign_ids(&mut lib);
    let index = takeaway::search::Index::new(&lib);
    let _ = index.search("a");
    let mut app = App::new(lib);
    app.handle(Event::Resize { width: 40, height: 12 });
    for c in ['j', 'l', 'j', '/', 'e'] {
        app.handle(Event::Key(Key::ch(c)));
    }
    let backend = ratatui::backend::TestBackend::new(40, 12);
    let mut terminal = ratatui::Terminal::new(backend).expect("test backend");
    terminal
        .draw(|f| takeaway::ui::draw(f, &app))
        .expect("draw");
});
