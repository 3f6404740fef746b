//! Drawing. Views only read the app's state (a pane's scroll offset is clamped to what was drawn, see
//! [`crate::app::scroll`]); one file per region, into the areas of [`crate::app::layout`].

pub mod add_paper;
pub mod detail;
pub mod help;
pub mod input;
pub mod links;
pub mod palette;
pub mod status;
pub mod tree;
pub mod wrap;

use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear};
use ratatui::Frame;

use crate::app::{App, Mode};
use crate::theme::Theme;

/// Draws the whole screen for the app's state.
pub fn draw(f: &mut Frame, app: &App) {
    let full = f.area();
    let areas = crate::app::layout::areas((full.width, full.height), app.filter_bar_shown());
    tree::draw(f, app, &areas);
    detail::draw(f, app, &areas);
    status::draw(f, app, areas.status);
    match app.mode {
        Mode::Palette => palette::draw(f, app),
        Mode::LinkMenu => links::draw(f, app),
        Mode::Help => help::draw(f, app),
        Mode::AddPaper => add_paper::draw(f, app),
        Mode::Browse | Mode::FilterInput | Mode::Ask => {}
    }
}

/// The frame of a popup (help, links, palette): at most `width`×`height`, centred above the status line
/// (which stays in view: it names the keys the popup takes), cleared,
/// with a border in the accent colour and `title`. Returns the area inside the border, or `None` when the
/// screen is too small for one.
pub fn popup(f: &mut Frame, theme: &Theme, width: u16, height: u16, title: String) -> Option<Rect> {
    // Too small for its margins: the whole screen, so that what takes the keys is seen.
    let area = crate::app::layout::popup(f.area(), width, height)?;
    popup_in(f, theme, area, title)
}

/// [`popup`] in a given `area` (border included).
pub fn popup_in(f: &mut Frame, theme: &Theme, area: Rect, title: String) -> Option<Rect> {
    f.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.accent())
        .title(title);
    let inner = block.inner(area);
    f.render_widget(block, area);
    Some(inner)
}

pub use crate::text::thousands;
