//! Drawing. Views only read the app's state; one file per region.

pub mod detail;
pub mod help;
pub mod layout;
pub mod links;
pub mod palette;
pub mod status;
pub mod theme;
pub mod tree;
pub mod wrap;

use ratatui::Frame;

use crate::app::{App, Mode};

/// Draws the whole screen for the app's state.
pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    let areas = layout::areas((area.width, area.height), app.filter_bar_shown());
    tree::draw(f, app, &areas);
    detail::draw(f, app, &areas);
    status::draw(f, app, areas.status);
    match app.mode {
        Mode::Palette => palette::draw(f, app),
        Mode::LinkMenu => links::draw(f, app),
        Mode::Help => help::draw(f, app),
        Mode::Browse | Mode::FilterInput => {}
    }
}
