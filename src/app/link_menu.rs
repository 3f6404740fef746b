//! A paper's links: opening one by its letter or number, the link popup (`o`) that opens or copies the
//! chosen one, copying (`y`, `Y`), and editing the paper's file (`e`). Only URLs of the allowed schemes go
//! to the opener; a link to a loaded local page opens inside the app.

use super::action::LETTERED_LINKS;
use super::{Action, App, Effect, Focus, Mode};
use crate::model::{Link, LinkKind};

/// The link popup's choice, and how links may be opened.
#[derive(Debug, Clone)]
pub struct Links {
    /// Highlighted entry of the link popup.
    pub choice: usize,
    /// URL schemes the opener may be given.
    pub allowed_schemes: Vec<String>,
    /// Opening a link marks its paper read.
    pub mark_read_on_open: bool,
}

impl Default for Links {
    fn default() -> Self {
        Links {
            choice: 0,
            allowed_schemes: vec!["http".into(), "https".into()],
            mark_read_on_open: false,
        }
    }
}

/// The link that plays a role (`Paper`, `Code`, …, as the lettered keys name them) among a work's links:
/// the first of that kind, as the loader decided it from the URL and the label ([`LinkKind`]). The one
/// place where the link keys choose a link by its role (the detail pane's letters and `p` `v` `s` `c`
/// `a`, on one paper or a selection).
pub fn role_link<'a>(links: &[&'a Link], kind: LinkKind) -> Option<&'a Link> {
    links.iter().copied().find(|l| l.kind == kind)
}

impl App {
    /// May a URL go to the opener (its scheme is among the allowed ones)?
    pub(super) fn allowed(&self, url: &str) -> bool {
        let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
        scheme.is_some_and(|s| {
            self.links
                .allowed_schemes
                .iter()
                .any(|a| a.eq_ignore_ascii_case(&s))
        })
    }

    /// How the detail pane numbers the links of the selected paper ([`App::selected_links`]): (key shown,
    /// link). The first link of each lettered label gets its letter (`p` Paper, `v` Video, …); the others
    /// their number.
    pub fn link_keys<'a>(&self, links: &[&'a Link]) -> Vec<(String, &'a Link)> {
        // The link each letter opens ([`role_link`]), by its position.
        let lettered: Vec<(usize, Action)> = LETTERED_LINKS
            .iter()
            .filter_map(|&(a, kind)| {
                let l = role_link(links, kind)?;
                let i = links.iter().position(|&o| std::ptr::eq(o, l))?;
                Some((i, a))
            })
            .collect();
        links
            .iter()
            .enumerate()
            .map(|(i, &l)| {
                let key = lettered
                    .iter()
                    .find(|(at, _)| *at == i)
                    .and_then(|&(_, a)| self.keymap.key_for(Mode::Browse, a))
                    .map(|k| k.to_string());
                (key.unwrap_or_else(|| (i + 1).to_string()), l)
            })
            .collect()
    }

    /// `o`: the popup of every link of the selected paper.
    pub(super) fn open_link_menu(&mut self) {
        match self.selected_paper() {
            Some(_) if !self.selected_links().is_empty() => {
                self.mode = Mode::LinkMenu;
                self.links.choice = 0;
            }
            Some(_) => self.say("This paper has no links"),
            None => self.say("Select a paper to choose its links"),
        }
    }

    /// The keys of the link popup.
    pub(super) fn link_menu(&mut self, action: Action) -> Vec<Effect> {
        let last = self.selected_links().len().saturating_sub(1);
        match action {
            Action::Down => self.links.choice = (self.links.choice + 1).min(last),
            Action::Up => self.links.choice = self.links.choice.saturating_sub(1),
            Action::Confirm => {
                self.mode = Mode::Browse;
                return self.open_numbered(self.links.choice + 1);
            }
            Action::CopyUrl => {
                // A local link: the file it points to, named from where the notes were opened (the
                // link as written is relative to its own document's folder).
                let url = self
                    .selected_links()
                    .get(self.links.choice)
                    .map(|l| match &l.target {
                        Some(path) => path.display().to_string(),
                        None => l.url.to_string(),
                    });
                self.mode = Mode::Browse;
                if let Some(url) = url {
                    self.say(format!("Copied {url}"));
                    return vec![Effect::Copy(url)];
                }
            }
            a if a.link_number().is_some() => {
                self.mode = Mode::Browse;
                return self.open_numbered(a.link_number().unwrap_or(1));
            }
            Action::Cancel => self.mode = Mode::Browse,
            Action::Quit => self.running = false,
            _ => {}
        }
        Vec::new()
    }

    /// `p` `v` `s` `c` `a`: the first link of this kind.
    pub(super) fn open_kind(&mut self, kind: LinkKind) -> Vec<Effect> {
        let label = kind.label();
        if self.selected_paper().is_none() {
            self.say(format!("Select a paper to open its {label} link"));
            return Vec::new();
        }
        let link = role_link(&self.selected_links(), kind).cloned();
        match link {
            Some(link) => self.open(&link),
            None => {
                // A link labelled so that is no link of that kind (`[Code](file:///…)`) is named, with
                // its key, so the label shown is not a riddle.
                let links = self.selected_links();
                let named = self
                    .link_keys(&links)
                    .into_iter()
                    .find(|(_, l)| l.label.trim().eq_ignore_ascii_case(label))
                    .map(|(key, l)| format!(": [{key}] {} is {}", l.label, l.url));
                self.say(format!(
                    "No {label} link for this paper{}",
                    crate::text::sanitize(&named.unwrap_or_default())
                ));
                Vec::new()
            }
        }
    }

    /// `1`…`9`: the N-th link as numbered in the detail pane.
    pub(super) fn open_numbered(&mut self, n: usize) -> Vec<Effect> {
        if self.selected_paper().is_none() {
            self.say("Select a paper to open its links");
            return Vec::new();
        }
        match self.selected_links().get(n - 1).map(|&l| l.clone()) {
            Some(link) => self.open(&link),
            None => {
                self.say(format!("This paper has no link {n}"));
                Vec::new()
            }
        }
    }

    /// Opens a link: a loaded local page inside the app, an allowed URL with the opener.
    fn open(&mut self, link: &Link) -> Vec<Effect> {
        if let Some(target) = &link.target {
            match self.landing(target) {
                Some(id) => {
                    let from = self.here();
                    self.reveal(id);
                    self.jumped(from);
                    self.focus = Focus::Detail;
                    self.say(format!("Showing {}", link.url));
                }
                None => {
                    // Every note below a loaded folder is loaded: one missing beside them is gone (or
                    // could not be read), and opening its folder would not help.
                    let dir = target.parent();
                    let folder_loaded = self
                        .library
                        .documents
                        .iter()
                        .any(|d| d.path.as_deref().and_then(std::path::Path::parent) == dir);
                    self.say(if folder_loaded {
                        format!(
                            "{} is not among the loaded notes: it was removed, or could not be read",
                            link.url
                        )
                    } else {
                        format!("{} is not loaded: open its folder to read it", link.url)
                    })
                }
            }
            return Vec::new();
        }
        if link.url.trim().is_empty() {
            self.say("Not opened: the link has no address (`[label]()` in the notes)");
            return Vec::new();
        }
        if !self.allowed(&link.url) {
            self.say(format!(
                "Not opened: {} (only {} links are opened)",
                link.url,
                self.links.allowed_schemes.join(", ")
            ));
            return Vec::new();
        }
        if let Some((r, _)) = self.selected_paper() {
            if let Some(key) = self.works.key_of(r).map(str::to_string) {
                self.seen_now(&key);
            }
        }
        let mut effects = vec![Effect::Open(link.url.to_string())];
        if self.links.mark_read_on_open
            && self.selected_paper().is_some_and(|(r, _)| !self.is_read(r))
        {
            effects.extend(self.toggle_mark(false));
        }
        // The opener reports only failures, which would replace this.
        self.say(format!("Opened {}", link.url));
        effects
    }

    /// `y` copies the Paper URL (else the first link's), `Y` a markdown link `[Title](url)`.
    pub(super) fn copy(&mut self, markdown: bool) -> Vec<Effect> {
        let Some((_, paper)) = self.selected_paper() else {
            self.say("Select a paper to copy its link");
            return Vec::new();
        };
        let title = paper.title.clone();
        let links = self.selected_links();
        let Some(url) = links
            .iter()
            .find(|l| l.kind == LinkKind::Paper)
            .or_else(|| links.first())
            .map(|l| l.url.to_string())
        else {
            self.say("This paper has no link to copy");
            return Vec::new();
        };
        let text = if markdown {
            format!("[{title}]({url})")
        } else {
            url
        };
        self.say(format!("Copied {text}"));
        vec![Effect::Copy(text)]
    }

    /// `e`: the selected paper's (or document's) file in the editor, at the paper's (or the section's or
    /// topic's) line.
    pub(super) fn edit(&mut self) -> Vec<Effect> {
        let Some(sel) = self.tree_view.selected else {
            return Vec::new();
        };
        let node = &self.tree.nodes[sel];
        let Some(doc) = node.doc.and_then(|d| self.library.documents.get(d)) else {
            self.say("Select a document or a paper to edit its file");
            return Vec::new();
        };
        let line = match node.paper().and_then(|r| self.library.paper(r)) {
            Some(p) => p.line,
            None => node.line.max(1),
        };
        match &doc.path {
            Some(path) => vec![Effect::Edit {
                path: path.clone(),
                line,
            }],
            None => {
                self.say(
                    "The bundled notes have no file to edit: open your own notes (takeaway PATH)",
                );
                Vec::new()
            }
        }
    }
}
