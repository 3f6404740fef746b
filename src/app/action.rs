//! Everything a person can ask of the app. Keys and mouse events become these in one place
//! ([`super::keymap`]); [`super::App::update`] is the only thing that acts on them.
//!
//! The enum is the one source of the actions: their configuration names (snake_case: `open_paper`), the
//! list of all of them, and their descriptions (each variant's doc comment, as the help overlay and
//! `--print-config` show it).

use strum::{EnumMessage, IntoStaticStr, VariantArray};

use crate::model::LinkKind;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    IntoStaticStr,
    strum::EnumString,
    strum::EnumMessage,
    VariantArray,
)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    /// down
    Down,
    /// up
    Up,
    /// first row
    First,
    /// last row
    Last,
    /// page down
    PageDown,
    /// page up
    PageUp,
    /// collapse / parent
    Collapse,
    /// expand
    Expand,
    /// toggle / read paper
    Activate,
    /// switch pane
    SwitchFocus,
    /// filter
    Filter,
    /// next match
    NextMatch,
    /// previous match
    PrevMatch,
    /// next hit in the paper
    NextHit,
    /// previous hit in the paper
    PrevHit,
    /// jump to paper
    Jump,
    /// open Paper
    OpenPaper,
    /// open Video
    OpenVideo,
    /// open Slides
    OpenSlides,
    /// open Code
    OpenCode,
    /// open Artifact
    OpenArtifact,
    /// open link 1
    OpenLink1,
    /// open link 2
    OpenLink2,
    /// open link 3
    OpenLink3,
    /// open link 4
    OpenLink4,
    /// open link 5
    OpenLink5,
    /// open link 6
    OpenLink6,
    /// open link 7
    OpenLink7,
    /// open link 8
    OpenLink8,
    /// open link 9
    OpenLink9,
    /// choose a link
    LinkMenu,
    /// copy URL
    CopyUrl,
    /// copy [Title](url)
    CopyMarkdown,
    /// bookmark ★
    ToggleBookmark,
    /// mark read / unread
    ToggleRead,
    /// only bookmarked
    OnlyBookmarked,
    /// only unread
    OnlyUnread,
    /// next place of this paper
    NextPlace,
    /// back to the place before a jump
    JumpBack,
    /// forward again after going back
    JumpForward,
    /// select / unselect this paper (then the next row)
    TogglePick,
    /// select every paper shown
    PickShown,
    /// clear the selection
    ClearPicked,
    /// clear every new mark
    ClearNew,
    /// views: notes, by topic/year/venue/affiliation
    CycleView,
    /// add a paper to this topic
    AddPaper,
    /// export shown papers (BibTeX file here)
    Export,
    /// copy shown papers as markdown
    CopyShown,
    /// edit in $EDITOR
    Edit,
    /// suspend (fg resumes)
    Suspend,
    /// help
    Help,
    /// quit
    Quit,
    /// confirm
    Confirm,
    /// close / clear
    Cancel,
    /// delete char
    DeleteChar,
    /// delete word
    DeleteWord,
    /// delete the line
    DeleteLine,
    /// a recent query kept with Enter
    Recall,
    /// cursor left
    CursorLeft,
    /// cursor right
    CursorRight,
    /// cursor to the start
    CursorHome,
    /// cursor to the end
    CursorEnd,
}

use Action::*;

/// The links opened by a letter: the action, and the kind of link it opens (decided at load from the
/// link's URL and label, [`LinkKind`]). The tree's badges are the kinds' first letters (`P V S C A`), the
/// detail pane numbers these links by their keys.
pub const LETTERED_LINKS: [(Action, LinkKind); 5] = [
    (OpenPaper, LinkKind::Paper),
    (OpenVideo, LinkKind::Video),
    (OpenSlides, LinkKind::Slides),
    (OpenCode, LinkKind::Code),
    (OpenArtifact, LinkKind::Artifact),
];

/// `open_link_1` … `open_link_9`: the N-th link as the detail pane numbers it.
pub const NUMBERED_LINKS: [Action; 9] = [
    OpenLink1, OpenLink2, OpenLink3, OpenLink4, OpenLink5, OpenLink6, OpenLink7, OpenLink8,
    OpenLink9,
];

impl Action {
    /// Every action a key can be bound to in the configuration (browse mode), in help order: all but
    /// the keys of text input.
    pub fn configurable() -> impl Iterator<Item = Action> {
        Action::VARIANTS.iter().copied().filter(|a| {
            !matches!(
                a,
                Confirm
                    | DeleteChar
                    | DeleteWord
                    | DeleteLine
                    | Recall
                    | CursorLeft
                    | CursorRight
                    | CursorHome
                    | CursorEnd
            )
        })
    }

    /// The configuration name (`open_paper`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The action with this configuration name.
    pub fn from_name(name: &str) -> Option<Action> {
        name.parse().ok()
    }

    /// The one-line description shown in the help overlay and `--print-config`: the variant's doc
    /// comment.
    pub fn describe(self) -> &'static str {
        self.get_documentation().unwrap_or_default()
    }

    /// The kind of link this action opens, for the lettered link actions.
    pub fn link_kind(self) -> Option<LinkKind> {
        LETTERED_LINKS
            .iter()
            .find(|(a, _)| *a == self)
            .map(|(_, kind)| *kind)
    }

    /// The 1-based link number for `open_link_N`.
    pub fn link_number(self) -> Option<usize> {
        NUMBERED_LINKS
            .iter()
            .position(|&a| a == self)
            .map(|i| i + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_name_that_reads_back_and_a_description() {
        for &a in Action::VARIANTS {
            assert_eq!(Action::from_name(a.name()), Some(a), "{a:?}");
            assert!(!a.describe().is_empty(), "{a:?} has no doc comment");
            assert!(!a.describe().contains('\n'), "{a:?}: one line");
        }
        assert_eq!(Action::OpenPaper.name(), "open_paper");
        assert_eq!(Action::OpenLink1.name(), "open_link1");
        assert_eq!(Action::from_name("open_papr"), None);
        assert_eq!(Action::CopyMarkdown.describe(), "copy [Title](url)");
    }

    #[test]
    fn the_configurable_actions_leave_out_text_input() {
        let all: Vec<Action> = Action::configurable().collect();
        assert_eq!(all.len(), Action::VARIANTS.len() - 9);
        assert_eq!(all.first(), Some(&Down));
        assert_eq!(all.last(), Some(&Cancel));
        assert!(!all.contains(&Confirm) && !all.contains(&DeleteWord) && !all.contains(&CursorEnd));
    }

    #[test]
    fn link_labels_and_numbers() {
        assert_eq!(OpenSlides.link_kind(), Some(LinkKind::Slides));
        assert_eq!(Quit.link_kind(), None);
        assert_eq!(OpenLink9.link_number(), Some(9));
        assert_eq!(OpenPaper.link_number(), None);
    }
}
