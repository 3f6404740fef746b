//! One full frame at 100,000 papers, 200x60: `terminal.draw(|f| takeaway::ui::draw(f, &app))` on
//! ratatui's `TestBackend`, the terminal reused between frames as the runtime reuses it.
//!
//! States: the start screen (documents closed); a filter active (`/e`, Enter: nearly every paper shown,
//! every ancestor expanded); the same with the selection at the last row (`G`); and while typing (`/e`
//! still in the filter bar).

mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use takeaway::app::{App, Event, KeyCode};
use takeaway::model::Library;

const PAPERS: usize = 100_000;
const SIZE: (u16, u16) = (200, 60);

/// Puts a fresh app in the state to draw.
type Setup = fn(&mut App);

fn app(library: &Library, setup: Setup) -> App {
    let mut app = App::new(library.clone());
    app.handle(Event::Resize {
        width: SIZE.0,
        height: SIZE.1,
    });
    setup(&mut app);
    app
}

fn frame(c: &mut Criterion) {
    let notes = common::notes(PAPERS);
    let library = common::library(&notes);
    let states: [(&str, Setup); 4] = [
        ("start", |_| {}),
        ("filter_e", |a| {
            common::keys(a, "/e");
            common::press(a, KeyCode::Enter);
        }),
        ("filter_e_last_row", |a| {
            common::keys(a, "/e");
            common::press(a, KeyCode::Enter);
            common::keys(a, "G");
        }),
        ("filter_e_typing", |a| common::keys(a, "/e")),
    ];
    let mut g = c.benchmark_group(format!("frame/{}", common::label(PAPERS)));
    g.sample_size(50);
    for (name, setup) in &states {
        let app = app(&library, *setup);
        println!(
            "frame/{}/{name}: {} tree rows, {} matches, selected row {:?}",
            common::label(PAPERS),
            app.tree_view.rows.len(),
            app.filter.hits.len(),
            app.tree_view
                .selected
                .and_then(|s| app.tree_view.rows.iter().position(|&r| r == s))
        );
        let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("terminal");
        g.bench_function(*name, |b| {
            b.iter(|| {
                terminal
                    .draw(|f| takeaway::ui::draw(f, &app))
                    .expect("drawn");
            })
        });
    }
    g.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
