//! Colours and text styles, in one place. Colours come from the configuration's `[theme]`; with
//! `NO_COLOR` set (or `color = false`) only bold, underline, reverse and dim are used.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Use colours at all.
    pub color: bool,
    pub accent: Color,
    pub selection: Color,
    pub selection_unfocused: Color,
    pub matched: Color,
    pub dim: Color,
    pub key: Color,
    pub link: Color,
    pub code: Color,
    pub message: Color,
    pub bookmark: Color,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            color: true,
            accent: Color::Cyan,
            selection: Color::Blue,
            selection_unfocused: Color::DarkGray,
            matched: Color::Yellow,
            dim: Color::DarkGray,
            key: Color::Yellow,
            link: Color::Blue,
            code: Color::Green,
            message: Color::Magenta,
            bookmark: Color::Yellow,
        }
    }
}

impl Theme {
    /// The theme's names and colours, in the order the configuration lists them.
    pub fn colors(&self) -> [(&'static str, Color); 10] {
        [
            ("accent", self.accent),
            ("selection", self.selection),
            ("selection_unfocused", self.selection_unfocused),
            ("matched", self.matched),
            ("dim", self.dim),
            ("key", self.key),
            ("link", self.link),
            ("code", self.code),
            ("message", self.message),
            ("bookmark", self.bookmark),
        ]
    }

    /// Sets a colour by its configuration name; false for an unknown name.
    pub fn set(&mut self, name: &str, c: Color) -> bool {
        let slot = match name {
            "accent" => &mut self.accent,
            "selection" => &mut self.selection,
            "selection_unfocused" => &mut self.selection_unfocused,
            "matched" => &mut self.matched,
            "dim" => &mut self.dim,
            "key" => &mut self.key,
            "link" => &mut self.link,
            "code" => &mut self.code,
            "message" => &mut self.message,
            "bookmark" => &mut self.bookmark,
            _ => return false,
        };
        *slot = c;
        true
    }

    fn fg(&self, c: Color, fallback: Modifier) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new().add_modifier(fallback)
        }
    }

    pub fn dim(&self) -> Style {
        self.fg(self.dim, Modifier::DIM)
    }
    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn accent(&self) -> Style {
        self.fg(self.accent, Modifier::empty())
    }
    pub fn key(&self) -> Style {
        self.fg(self.key, Modifier::empty())
            .add_modifier(Modifier::BOLD)
    }
    pub fn matched(&self) -> Style {
        self.fg(self.matched, Modifier::empty())
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn selected(&self) -> Style {
        if self.color {
            Style::new().bg(self.selection).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
    pub fn selected_unfocused(&self) -> Style {
        if self.color {
            Style::new().bg(self.selection_unfocused).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::DIM)
        }
    }
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.accent()
        } else {
            self.dim()
        }
    }
    pub fn link(&self) -> Style {
        self.fg(self.link, Modifier::empty())
            .add_modifier(Modifier::UNDERLINED)
    }
    pub fn code(&self) -> Style {
        self.fg(self.code, Modifier::empty())
    }
    pub fn message(&self) -> Style {
        self.fg(self.message, Modifier::BOLD)
    }
    pub fn bookmark(&self) -> Style {
        self.fg(self.bookmark, Modifier::BOLD)
    }
    /// A paper marked read.
    pub fn read(&self) -> Style {
        self.dim()
    }
}
