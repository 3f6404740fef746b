//! The jump list: back and forward over the palette, the next-place key, a view change and a kept
//! filter.

use super::*;

/// One file listing Alpha in two topics, and two more papers.
fn twice() -> App {
    let mut app = app_of(
        "# CONF 2023\n\n## Papers\n\n### Serving\n\n\
         * Alpha: One \\[[Paper](https://p/a)]\n  * Uni A\n\
         * Beta: Two \\[[Paper](https://p/b)]\n  * Lab B\n\n\
         ### Training\n\n\
         * Gamma: Three \\[[Paper](https://p/g)]\n  * Uni C\n\
         * Alpha: One \\[[Paper](https://p/a)]\n  * Uni A\n",
    );
    app.handle(Event::Resize {
        width: 120,
        height: 40,
    });
    app
}

fn crumb(app: &App) -> String {
    app.tree.breadcrumb(app.tree_view.selected.unwrap())
}

fn ctrl(app: &mut App, c: char) {
    app.handle(Event::Key(Key::ctrl(c)));
}

#[test]
fn palette_then_next_place_then_back_twice_returns_to_the_first_selection_and_forward_comes_back() {
    let mut app = twice();
    keys(&mut app, "jj");
    let first = app.tree_view.selected;
    assert_eq!(selected_title(&app), "Alpha: One");
    select(&mut app, "gamma");
    assert_eq!(selected_title(&app), "Gamma: Three");
    keys(&mut app, "j");
    keys(&mut app, "w");
    assert_eq!(crumb(&app), "CONF 2023 › Serving");
    ctrl(&mut app, 'o');
    assert_eq!(crumb(&app), "CONF 2023 › Training");
    assert_eq!(app.message.as_deref(), Some("back 2/3"));
    ctrl(&mut app, 'o');
    assert_eq!(app.tree_view.selected, first);
    assert_eq!(app.message.as_deref(), Some("back 1/3"));
    ctrl(&mut app, 'o');
    assert_eq!(app.message.as_deref(), Some("No earlier place (1/3)"));
    assert_eq!(app.tree_view.selected, first);
    ctrl(&mut app, 'n');
    assert_eq!(selected_title(&app), "Alpha: One");
    assert_eq!(crumb(&app), "CONF 2023 › Training");
    assert_eq!(app.message.as_deref(), Some("forward 2/3"));
}

#[test]
fn a_view_change_and_a_kept_filter_are_jumps() {
    let mut app = twice();
    keys(&mut app, "j");
    let start = app.tree_view.selected;
    keys(&mut app, "/beta");
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected_title(&app), "Beta: Two");
    keys(&mut app, "V");
    assert_ne!(app.views.view, crate::model::views::View::Navigation);
    ctrl(&mut app, 'o');
    assert_eq!(app.views.view, crate::model::views::View::Navigation);
    assert_eq!(selected_title(&app), "Beta: Two");
    ctrl(&mut app, 'o');
    assert_eq!(app.tree_view.selected, start, "back before the filter");
}

#[test]
fn moving_by_keys_is_not_a_jump() {
    let mut app = twice();
    keys(&mut app, "jjjj");
    ctrl(&mut app, 'o');
    assert_eq!(app.message.as_deref(), Some("No earlier place (1/1)"));
}

#[test]
fn a_click_on_a_far_row_is_a_jump_and_on_the_next_one_is_not() {
    let mut app = twice();
    let top = app.areas().tree_rows;
    let click = |app: &mut App, row: u16| {
        app.handle(Event::Click {
            col: top.x + 2,
            row: top.y + row,
        })
    };
    click(&mut app, 1);
    ctrl(&mut app, 'o');
    assert_eq!(app.message.as_deref(), Some("No earlier place (1/1)"));
    click(&mut app, 5);
    assert_eq!(app.cursor(), Some(5));
    ctrl(&mut app, 'o');
    assert_eq!(app.cursor(), Some(1));
    assert_eq!(app.message.as_deref(), Some("back 1/2"));
}
