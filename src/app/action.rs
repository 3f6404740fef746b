//! Everything a person can ask of the app. Keys and mouse events become these in one place
//! ([`super::keymap`]); [`super::App::update`] is the only thing that acts on them.
//!
//! The snake_case names are the vocabulary of the key map (and of the configuration file).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Move the selection down one row (or scroll the detail pane).
    Down,
    /// Move the selection up one row (or scroll the detail pane).
    Up,
    /// Go to the first row.
    First,
    /// Go to the last row.
    Last,
    /// Move a page down.
    PageDown,
    /// Move a page up.
    PageUp,
    /// Collapse the node, or go to its parent.
    Collapse,
    /// Expand the node.
    Expand,
    /// Toggle the node; on a paper, focus the detail pane.
    Activate,
    /// Switch focus between the tree and the detail pane.
    SwitchFocus,
    /// Filter the tree as you type.
    Filter,
    /// Go to the next match of the filter.
    NextMatch,
    /// Go to the previous match of the filter.
    PrevMatch,
    /// Open the jump palette: every paper, ranked as you type.
    Jump,
    /// Open the paper's Paper link.
    OpenPaper,
    /// Open the paper's Video link.
    OpenVideo,
    /// Open the paper's Slides link.
    OpenSlides,
    /// Open the paper's Code link.
    OpenCode,
    /// Open the paper's Artifact link.
    OpenArtifact,
    /// Open link 1 as numbered in the detail pane.
    OpenLink1,
    /// Open link 2.
    OpenLink2,
    /// Open link 3.
    OpenLink3,
    /// Open link 4.
    OpenLink4,
    /// Open link 5.
    OpenLink5,
    /// Open link 6.
    OpenLink6,
    /// Open link 7.
    OpenLink7,
    /// Open link 8.
    OpenLink8,
    /// Open link 9.
    OpenLink9,
    /// Choose any of the paper's links in a popup.
    LinkMenu,
    /// Copy the Paper URL (in the link popup: the chosen URL) to the clipboard.
    CopyUrl,
    /// Copy `[Title](url)` to the clipboard.
    CopyMarkdown,
    /// Bookmark the paper, or remove its bookmark.
    ToggleBookmark,
    /// Mark the paper read, or unread.
    ToggleRead,
    /// Show only bookmarked papers (on/off; combines with the filter).
    OnlyBookmarked,
    /// Show only unread papers (on/off; combines with the filter).
    OnlyUnread,
    /// Go to the next place the selected paper is listed in (a paper in a topic list and in a
    /// conference's notes is one work in two places).
    NextPlace,
    /// Edit the paper's source file in $VISUAL / $EDITOR at its line.
    Edit,
    /// Suspend to the shell (resume with `fg`).
    Suspend,
    /// Show or hide the keys.
    Help,
    /// Quit.
    Quit,
    /// Confirm the input or choice.
    Confirm,
    /// Close the input or popup (in the filter: clear it).
    Cancel,
    /// Delete the character before the cursor.
    DeleteChar,
    /// Delete the word before the cursor.
    DeleteWord,
}

impl Action {
    /// Every action a key can be bound to in the configuration (browse mode), in help order.
    pub const ALL: [Action; 41] = {
        use Action::*;
        [
            Down,
            Up,
            First,
            Last,
            PageDown,
            PageUp,
            Collapse,
            Expand,
            Activate,
            SwitchFocus,
            Filter,
            NextMatch,
            PrevMatch,
            Jump,
            OpenPaper,
            OpenVideo,
            OpenSlides,
            OpenCode,
            OpenArtifact,
            OpenLink1,
            OpenLink2,
            OpenLink3,
            OpenLink4,
            OpenLink5,
            OpenLink6,
            OpenLink7,
            OpenLink8,
            OpenLink9,
            LinkMenu,
            CopyUrl,
            CopyMarkdown,
            ToggleBookmark,
            ToggleRead,
            OnlyBookmarked,
            OnlyUnread,
            NextPlace,
            Edit,
            Suspend,
            Help,
            Quit,
            Cancel,
        ]
    };

    /// The configuration name (`open_paper`).
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// The action with this configuration name.
    pub fn from_name(name: &str) -> Option<Action> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }

    /// The one-line description shown in the help overlay (the variant's doc comment).
    pub fn describe(self) -> &'static str {
        use Action::*;
        match self {
            Down => "down",
            Up => "up",
            First => "first row",
            Last => "last row",
            PageDown => "page down",
            PageUp => "page up",
            Collapse => "collapse / parent",
            Expand => "expand",
            Activate => "toggle / read paper",
            SwitchFocus => "switch pane",
            Filter => "filter",
            NextMatch => "next match",
            PrevMatch => "previous match",
            Jump => "jump to paper",
            OpenPaper => "open Paper",
            OpenVideo => "open Video",
            OpenSlides => "open Slides",
            OpenCode => "open Code",
            OpenArtifact => "open Artifact",
            OpenLink1 | OpenLink2 | OpenLink3 | OpenLink4 | OpenLink5 | OpenLink6 | OpenLink7
            | OpenLink8 | OpenLink9 => "open link N",
            LinkMenu => "choose a link",
            CopyUrl => "copy URL",
            CopyMarkdown => "copy [Title](url)",
            ToggleBookmark => "bookmark ★",
            ToggleRead => "mark read / unread",
            OnlyBookmarked => "only bookmarked",
            OnlyUnread => "only unread",
            NextPlace => "next place of this paper",
            Edit => "edit in $EDITOR",
            Suspend => "suspend (fg resumes)",
            Help => "help",
            Quit => "quit",
            Confirm => "confirm",
            Cancel => "close / clear",
            DeleteChar => "delete char",
            DeleteWord => "delete word",
        }
    }

    /// The label of the link this action opens, for the lettered link actions.
    pub fn link_label(self) -> Option<&'static str> {
        match self {
            Action::OpenPaper => Some("Paper"),
            Action::OpenVideo => Some("Video"),
            Action::OpenSlides => Some("Slides"),
            Action::OpenCode => Some("Code"),
            Action::OpenArtifact => Some("Artifact"),
            _ => None,
        }
    }

    /// The 1-based link number for `open_link_N`.
    pub fn link_number(self) -> Option<usize> {
        use Action::*;
        [
            OpenLink1, OpenLink2, OpenLink3, OpenLink4, OpenLink5, OpenLink6, OpenLink7, OpenLink8,
            OpenLink9,
        ]
        .iter()
        .position(|&a| a == self)
        .map(|i| i + 1)
    }
}
