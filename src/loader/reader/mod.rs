//! The entry reader: what each piece of an entry says, whatever the entry's shape.
//!
//! Shapes ([`super::entry`]) decide where an entry starts and ends — a list item, a table row, a heading
//! with fields, a title line with field bullets, a paragraph. The reader decides what its pieces are:
//! decoration is dropped (badges, emoji, award and status tags), each remaining piece — a link's text, a
//! plain or bold run, a cell — is read as a title, a label, a venue or year, authors, an affiliation or a
//! description ([`Role`], [`role_of`]), and the title is the piece that reads as one, wherever it stands
//! ([`title_piece`]): a label is never a title. Each link's kind is decided once, from its URL and its
//! label together ([`kind::link_kind`]).

pub mod kind;
pub mod url_kind;

use super::markdown::collapse;
use super::title;
use url_kind::{url_kind, UrlKind};

/// What a piece of an entry reads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    /// A link label (`Paper`, `pdf`, `Code`, `GitHub`, `论文`).
    Label,
    /// A venue or a year (`CVPR 2021`, `(2023)`, `arXiv`).
    Venue,
    /// Names separated by commas (`Ann Smith, Bo Li`).
    Authors,
    /// An affiliation (`(Owl University)`, `HKUST & Alibaba`).
    Affiliation,
    /// Anything else: a sentence, a description, decoration.
    Description,
}

/// Award and status tags that decorate an entry (`ORAL`, `Spotlight`, `Best Paper`), never its title.
const AWARD_WORDS: &[&str] = &[
    "oral",
    "spotlight",
    "poster",
    "highlight",
    "award",
    "best",
    "paper",
    "nominee",
    "honorable",
    "mention",
    "preview",
    "selected",
    "accepted",
    "new",
    "hot",
    "outstanding",
    "candidate",
    "oarl",
];

/// Is `w` a word of an award or status tag (`Oral`, `Best`, `SPOTLIGHT`), `Paper` aside?
pub fn award_word(w: &str) -> bool {
    // The words of [`AWARD_WORDS`] by length (a title's first word is looked up here: most have none).
    let same_length: &[&str] = match w.len() {
        3 => &["new", "hot"],
        4 => &["oral", "best", "oarl"],
        5 => &["award"],
        6 => &["poster"],
        7 => &["nominee", "mention", "preview"],
        8 => &["selected", "accepted"],
        9 => &["spotlight", "highlight", "honorable", "candidate"],
        11 => &["outstanding"],
        _ => &[],
    };
    same_length.iter().any(|a| w.eq_ignore_ascii_case(a))
}

/// A word of a venue tag: an acronym with or without its year (`CVPR`, `CVPR2021`, `ICCV'21`) or a year.
fn venue_word(w: &str) -> bool {
    let letters: String = w.chars().take_while(|c| c.is_alphabetic()).collect();
    let rest = w.get(letters.len()..).unwrap_or("");
    let acronym = letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase);
    // `COVID-19`: a hyphen before two digits numbers a name; a year after one has four (`CVPR-2019`).
    let year = |r: &str| {
        let hyphen = r.starts_with('-');
        let r = r.trim_start_matches(['\'', '’', '-']);
        r.is_empty()
            || (r.chars().all(|c| c.is_ascii_digit())
                && ((r.len() == 2 && !hyphen) || r.len() == 4))
    };
    (acronym && year(rest)) || (letters.is_empty() && w.len() == 4 && year(w))
}

/// Is `text` an award or status tag (`ORAL`, `🔦 SPOTLIGHT`, `CVPR 2021 Oral`, `CVPR2021 preview`,
/// `Best Paper Award`), or a venue tag with its year (`CVPR2021`, `CVPR 2021`)?
pub fn is_award_tag(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c.is_whitespace() || "()（）[]*:".contains(c) || is_emoji(c));
    if t.is_empty() || t.chars().count() > 40 {
        return false;
    }
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || "()（）[]*,".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let award = |w: &str| AWARD_WORDS.contains(&w.to_lowercase().as_str());
    let has_award = words
        .iter()
        .any(|w| award(w) && !w.eq_ignore_ascii_case("paper"));
    let has_year = words
        .iter()
        .any(|w| venue_word(w) && w.chars().any(|c| c.is_ascii_digit()));
    // A year alone (`… to the Year 2030`) is not a tag: a venue tag names its venue.
    let named = words.iter().any(|w| w.chars().any(char::is_alphabetic));
    named && (has_award || has_year) && words.iter().all(|w| award(w) || venue_word(w))
}

/// Is `c` an emoji used as a marker (🔥, ⭐, ✨, and the typographic `★` a syllabus marks readings with), or a task box (`- [ ]` reads `☐`, `- [x]` reads `☑`),
/// as opposed to a letter, digit or punctuation?
pub fn is_emoji(c: char) -> bool {
    use unicode_properties::UnicodeEmoji;
    !c.is_ascii()
        && (c.is_emoji_char_or_emoji_component()
            || matches!(c, '\u{fe0f}' | '\u{200d}' | '☐' | '★' | '☆'))
}

/// Strips decoration from a piece of text: emoji, `:shortcode:` emoji (`:heavy_check_mark:`), and a
/// trailing award or venue tag in parentheses (`(CVPR 2021 Oral)`, `（CVPR 2021）`).
pub fn undecorate(text: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    for w in text.split_whitespace() {
        let shortcode = w
            .strip_prefix(':')
            .and_then(|x| x.strip_suffix(':'))
            .is_some_and(|code| {
                !code.is_empty()
                    && code
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '+' || c == '-')
            });
        if shortcode || w.chars().all(is_emoji) {
            continue;
        }
        words.push(w);
    }
    let mut t = words.join(" ");
    // `:heavy_check_mark:**Title**` glued: a shortcode at the start of a word.
    while let Some(rest) = t.strip_prefix(':') {
        match rest.split_once(':') {
            Some((code, after))
                if !code.is_empty()
                    && code
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '+' || c == '-') =>
            {
                t = after.trim_start().to_string();
            }
            _ => break,
        }
    }
    // A trailing tag in parentheses that is an award or a venue.
    loop {
        let trimmed = t.trim_end();
        // The opening parenthesis that matches the final closing one (`(CVPR 2021 (Oral))`).
        let mut depth = 0usize;
        let mut open = None;
        for (i, c) in trimmed.char_indices().rev() {
            match c {
                ')' | '）' => depth += 1,
                '(' | '（' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        open = Some(i);
                        break;
                    }
                }
                _ if depth == 0 => break,
                _ => {}
            }
        }
        let Some(open) = open else {
            break;
        };
        let Some(inner) = trimmed.get(open..) else {
            break;
        };
        let inner_text = inner
            .trim_start_matches(['(', '（'])
            .trim_end_matches([')', '）'])
            .trim();
        let closes = inner.ends_with([')', '）']);
        let before = trimmed.get(..open).unwrap_or("").trim_end();
        if closes && !before.is_empty() && is_award_tag(inner_text) {
            t = before.to_string();
        } else {
            break;
        }
    }
    collapse(&t)
}

/// A title without a trailing award or status tag (`Title 🎤 ORAL`, `Title 🔦 SPOTLIGHT`, `Title BEST
/// PAPER`): the tag's words written in capitals or after an emoji. `None` when there is none.
pub fn strip_award_tail(t: &str) -> Option<&str> {
    let mut cut = t.len();
    let mut best = None;
    for _ in 0..4 {
        let Some(head) = t.get(..cut) else { break };
        let Some(at) = head.trim_end().rfind(char::is_whitespace) else {
            break;
        };
        let Some(tail) = t.get(at..).map(str::trim) else {
            break;
        };
        let emoji = tail.chars().any(is_emoji);
        let capitals = tail
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let words = tail.trim_matches(|c: char| is_emoji(c) || c.is_whitespace());
        // Only words in capitals or after an emoji may be a tag: anything else ends the search.
        if !(emoji || capitals) {
            break;
        }
        if !words.is_empty() && is_award_tag(words) {
            best = t.get(..at).map(str::trim_end);
        }
        cut = at;
    }
    best.filter(|b| !b.is_empty())
}

/// What a piece of text reads as, alone.
pub fn role_of(text: &str) -> Role {
    let t = text
        .trim()
        .trim_matches(|c: char| ".,;:|".contains(c))
        .trim();
    if t.is_empty() {
        return Role::Description;
    }
    if kind::is_link_label(t) {
        return Role::Label;
    }
    let inner = t
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']']);
    if title::is_venue(inner) && inner.chars().count() <= 40 {
        return Role::Venue;
    }
    if is_award_tag(t) {
        return Role::Description;
    }
    if reads_as_names(t) && (t.contains(',') || t.contains(" and ")) {
        return Role::Authors;
    }
    if reads_as_title(t) {
        return Role::Title;
    }
    Role::Description
}

/// Month names as a date writes them (`May`, `Jan.`, `Sept`, `September`), lowercase.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Does `text` read as a calendar date (`1st May, 2023`, `27th Jan., 2022`, `May 2023`): a month, a
/// year, and at most a day besides?
pub fn is_date(text: &str) -> bool {
    let mut month = false;
    let mut year = false;
    for w in text.split(|c: char| c.is_whitespace() || ",./-".contains(c)) {
        if w.is_empty() {
            continue;
        }
        let lower = w.to_lowercase();
        let day = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = lower.get(day.len()..).unwrap_or("");
        let is_year = w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
        let is_day = (1..=2).contains(&day.len())
            && day.chars().all(|c| c.is_ascii_digit())
            && ["", "st", "nd", "rd", "th"].contains(&suffix);
        let is_month = lower.len() >= 3
            && MONTHS
                .iter()
                .any(|m| m.starts_with(&lower) && (lower.len() <= 4 || *m == lower));
        if is_year {
            year = true;
        } else if is_month {
            month = true;
        } else if !is_day {
            return false;
        }
    }
    month && year
}

/// A piece set apart in brackets (`[arXiv, 2023]`, `[MICCAI Workshop , 2022]`, `[Medical Imaging 2022:
/// Image Processing]`) read as a venue: the venue as it is written, a comma before its year dropped
/// (`arXiv 2023`). `None` when it names no venue, or is only a date.
pub fn venue_piece(text: &str) -> Option<String> {
    let t = collapse(text.trim());
    if t.is_empty() || t.chars().count() > 60 || !title::is_venue(&t) || is_date(&t) {
        return None;
    }
    match t.rsplit_once(',') {
        Some((name, year))
            if year.trim().len() == 4 && year.trim().chars().all(|c| c.is_ascii_digit()) =>
        {
            Some(format!("{} {}", name.trim(), year.trim()))
        }
        _ => Some(t),
    }
}

/// Does `text` read as a title: words (two or more, or one name with a capital or a digit), not a
/// sentence that runs on (no final period after many lowercase words), not a URL?
pub fn reads_as_title(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.contains("://") || t.chars().count() > 300 {
        return false;
    }
    if !t.chars().any(char::is_alphabetic) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() == 1 {
        return t.chars().next().is_some_and(|c| !c.is_lowercase());
    }
    // A sentence: ends with a period and most words are lowercase.
    let lower = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    !(t.ends_with('.') && lower * 2 > words.len() && words.len() > 12)
}

/// The index of the piece that reads as the title among `pieces` (link texts and runs of text, in
/// order): the first that reads as a title, labels, venues, authors and decoration passed over.
pub fn title_piece<S: AsRef<str>>(pieces: &[S]) -> Option<usize> {
    pieces
        .iter()
        .position(|p| role_of(p.as_ref()) == Role::Title)
}

/// Words that may stand lowercase in a list of names (`Jean de la Fontaine`, `et al.`).
const NAME_PARTICLES: &[&str] = &[
    "and", "et", "al", "al.", "de", "van", "von", "der", "den", "di", "da", "le", "la", "du",
    "del", "y", "i", "bin", "ibn",
];

/// Does `text` read as a list of people (`Ashish Vaswani, Noam Shazeer and Niki Parmar`, `Smith et al.`)?
pub fn reads_as_names(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.');
    if t.is_empty() || t.chars().count() > 600 {
        return false;
    }
    let listy = t.contains(',') || t.contains(" and ") || t.contains("et al") || t.contains('&');
    let words: Vec<&str> = t.split_whitespace().collect();
    if !listy && words.len() > 4 {
        return false;
    }
    // Names have lowercase letters (`Smith`, not `OWL`) and no digits (`2020`).
    let has_lower = t.chars().any(char::is_lowercase);
    words.len() >= 2
        && has_lower
        && !t.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
            w.is_empty()
                || NAME_PARTICLES.contains(&w.to_lowercase().as_str())
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || w == "&"
        })
}

/// Words that name an institution, never a person (`Google Research`, `Bandung Institute of Technology`).
const INSTITUTION_WORDS: &[&str] = &[
    "university",
    "universität",
    "universidad",
    "universitat",
    "université",
    "institute",
    "institut",
    "laboratory",
    "laboratories",
    "lab",
    "labs",
    "research",
    "inc",
    "ltd",
    "corp",
    "corporation",
    "company",
    "college",
    "academy",
    "school",
    "center",
    "centre",
    "department",
    "foundation",
    "group",
    "team",
    "ai",
    "brain",
    "deepmind",
    "cloud",
    "technology",
    "technologies",
    "national",
];

/// A venue at the end of a note about a paper: in parentheses (`… (CVPR 2018)`), after a sentence's
/// `. ` (`…. ICML 2011`) or as its last words (`… ECCV 2018`, `… TMLR2025`). The text before it and the
/// venue.
fn trailing_venue(text: &str) -> (&str, Option<String>) {
    let t = text.trim().trim_end_matches('.').trim_end();
    if t.ends_with(')') {
        if let Some((before, inner)) = title::trailing_parens(t) {
            let inner = inner.trim();
            if title::is_venue(inner) && inner.chars().count() <= 60 {
                return (before.trim_end(), Some(collapse(inner)));
            }
        }
        return (t, None);
    }
    if let Some((before, after)) = super::entry::sentence_breaks(t).last() {
        if title::is_venue(after) && after.chars().count() <= 60 {
            return (before, Some(collapse(after)));
        }
    }
    // Last words that are a venue's acronym or a year (`ECCV 2018`, `TMLR2025`).
    let mut cut = t.len();
    while let Some(at) = t
        .get(..cut)
        .and_then(|h| h.trim_end().rfind(char::is_whitespace))
    {
        let word = t.get(at..cut).unwrap_or("").trim();
        // `CVPR`, and a name in mixed case before a year (`NeurIPS 2025`).
        let capitals =
            word.chars().filter(|c| c.is_uppercase()).count() >= 2 && !word.contains('.');
        let acronym = capitals && (!word.chars().any(char::is_lowercase) || cut < t.len());
        let lower = word.to_lowercase();
        let named = lower.starts_with("arxiv") || lower == "workshop" || lower == "preprint";
        if !(venue_word(word) || title::acronym_year(word) || acronym || named) {
            break;
        }
        cut = at;
    }
    let tail = t.get(cut..).unwrap_or("").trim();
    if !tail.is_empty() && title::is_venue(tail) {
        return (t.get(..cut).unwrap_or(t).trim_end(), Some(collapse(tail)));
    }
    (t, None)
}

/// A note below a paper that names its authors, perhaps with its venue (`Marc Deisenroth, Carl
/// Rasmussen. ICML 2011`, `Wang, Xiaolong, Ross Girshick, and Kaiming He. (CVPR 2018)`, `Richard S.
/// Sutton. ACM 1991`): the authors and the venue. `None` when it does not read as people: institutions
/// (`SIAT, CAS`, `Google Research`, `HKUST & Alibaba`), a sentence, a single name without a venue (a
/// person or a company alike: `Sisu Data`).
pub fn authors_note(text: &str) -> Option<(String, Option<String>)> {
    // `HKUST & Alibaba`: institutions (the usual note, answered before any venue is looked for).
    if text.contains('&') {
        return None;
    }
    let (names, venue) = trailing_venue(text);
    let names = names
        .trim()
        .trim_end_matches(|c: char| c == ',' || c == '.' || c.is_whitespace());
    if names.is_empty() || names.chars().count() > 600 || names.contains('&') {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for p in names.split(',') {
        parts.extend(p.split(" and ").map(str::trim).filter(|p| !p.is_empty()));
    }
    let mut full_names = 0;
    for part in &parts {
        let part = part.strip_prefix("and ").unwrap_or(part);
        let words: Vec<&str> = part
            .split_whitespace()
            .filter(|w| !w.chars().all(|c| c == '*' || c == '†'))
            .collect();
        if words.is_empty() || words.len() > 5 {
            return None;
        }
        let mut given = 0;
        for w in &words {
            let bare = w.trim_matches(|c: char| "()*†.,".contains(c));
            let lower = bare.to_lowercase();
            if INSTITUTION_WORDS.contains(&lower.as_str()) {
                return None;
            }
            if NAME_PARTICLES.contains(&lower.as_str()) {
                continue;
            }
            let capital = bare.chars().next().is_some_and(char::is_uppercase);
            let letters = bare
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’');
            if !(capital && letters) {
                return None;
            }
            given += 1;
        }
        if given >= 2 || part.contains("et al") {
            full_names += 1;
        }
    }
    // Names read as people only when written out (`Ann Smith`) and followed by a venue, as a citation
    // is: without one, `UC Berkeley, Google` reads as names as well as `Ann Smith, Bo Li` does.
    let people = full_names >= 1 && venue.is_some();
    // Marks of equal contribution (`B. Zhang * , H. Hu *`) are not part of a name.
    let names = names
        .split_whitespace()
        .filter(|w| !w.chars().all(|c| c == '*' || c == '†'))
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",");
    people.then_some((names, venue))
}

/// Words that say an entry describes software or a list of links, not a paper.
const TOOL_WORDS: &[&str] = &[
    "pytorch",
    "tensorflow",
    "keras",
    "implementation",
    "implementations",
    "platform",
    "toolbox",
    "toolkit",
    "library",
    "framework",
    "engine",
    "codebase",
    "awesome",
    "awsome",
    "list",
    "collection",
    "sdk",
    "api",
    "repository",
    "repo",
];

/// Does the text read as a person's name: two to four capitalised words without digits, optionally
/// followed by an affiliation in parentheses (`Ann Smith (Owl University)`)?
fn reads_as_person(text: &str) -> bool {
    let name = text
        .split(['(', '—', '–', '-', ','])
        .next()
        .unwrap_or("")
        .trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            // `Ann`, `J.`: capitalised, not an acronym (`NVIDIA`, `GPU`).
            w.chars().next().is_some_and(char::is_uppercase)
                && (w.chars().skip(1).any(char::is_lowercase) || (w.len() == 2 && w.ends_with('.')))
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '.' || c == '-' || c == '\'')
        })
}

/// Last words of a name that say it names a group or an institution.
const GROUP_WORDS: &[&str] = &[
    "laboratory",
    "laboratories",
    "lab",
    "labs",
    "institute",
    "university",
    "department",
    "school",
    "centre",
    "center",
];

/// Why an entry with the shape of a paper is something else, judged from its links' kinds and its text:
/// an entry whose every link is labelled a blog post is one; an entry whose every link is code and whose
/// text describes software or a list (`… in PyTorch`, `a toolbox for …`, `Awesome list for …`) is
/// software. `None`: nothing says it is not a paper.
pub fn not_paper(text: &str, links: &[(String, String)]) -> Option<&'static str> {
    use crate::model::LinkKind;
    if links.is_empty() {
        return None;
    }
    let lower = text.to_lowercase();
    let has_word = |f: &dyn Fn(&str) -> bool| {
        lower
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .any(|w| !w.is_empty() && f(w))
    };
    // A group, not a work: `Berkeley AI Research (BAIR) Laboratory` (its last word outside brackets).
    let mut depth = 0usize;
    let mut last = "";
    for w in lower.split_whitespace() {
        let opens = w.matches('(').count();
        let closes = w.matches(')').count();
        if depth == 0 && opens == 0 {
            last = w;
        }
        depth = (depth + opens).saturating_sub(closes);
    }
    if GROUP_WORDS.contains(&last) {
        return Some("a group or an institution, not a paper");
    }
    // A list of papers is not a paper (`CMU's list of papers`, `Hinton's reading list`), unless it
    // links a paper itself.
    if has_word(&|w| w == "list" || w == "lists")
        && !links
            .iter()
            .any(|(_, u)| url_kind::url_kind(u) == url_kind::UrlKind::Paper)
    {
        return Some("a list of papers, not a paper");
    }
    // An entry that labels a link as its paper is one (the cheap common case: no URL is parsed).
    if links
        .iter()
        .any(|(l, _)| kind::label_kind(l) == Some(LinkKind::Paper))
    {
        return None;
    }
    let kinds: Vec<LinkKind> = links
        .iter()
        .map(|(l, u)| kind::link_kind(l, u, false))
        .collect();
    // People and groups: every link a profile (`**Ann Smith** (Owl University) — [Google Scholar](u)`),
    // or a name with only a homepage.
    if kinds.iter().all(|k| *k == LinkKind::Person)
        || (kinds
            .iter()
            .all(|k| matches!(k, LinkKind::Person | LinkKind::Project))
            && kinds.contains(&LinkKind::Person))
        || (kinds.iter().all(|k| *k == LinkKind::Project) && reads_as_person(text))
    {
        return Some("a person or a group, not a paper");
    }
    if links
        .iter()
        .all(|(l, _)| kind::label_kind(l) == Some(LinkKind::Blog))
    {
        return Some("a blog post, not a paper");
    }
    // A talk: its links are a recording and perhaps its slides (`[[Video]] [[Slides]]`), nothing of a
    // paper. (A poster alone is a paper's.)
    if kinds.contains(&LinkKind::Video)
        && kinds
            .iter()
            .all(|k| matches!(k, LinkKind::Video | LinkKind::Slides))
    {
        return Some("a talk or video, not a paper");
    }
    let all_code = links
        .iter()
        .all(|(l, u)| kind::link_kind(l, u, false) == LinkKind::Code);
    if all_code {
        let tool = has_word(&|w| TOOL_WORDS.contains(&w));
        // Cited as a work (`Ann Smith et al. Owlkit: … 2018.`) yet linking only its code: software, as
        // a paper's citation links the paper.
        let cited = has_year(text) && lower.contains("et al");
        if tool || cited || text.trim_end().ends_with('.') {
            return Some("software or a list, not a paper");
        }
    }
    // Code beside a website or documentation, and nothing of a paper: software when it has its
    // documentation (`[Code](u) [Docs](u)`), or is cited as a one-word name and its maker without a year (`MuJoCo,
    // DeepMind. [Website](u) [Code](u)`); a paper's citation has a title and a venue's year.
    if kinds.contains(&LinkKind::Code)
        && kinds
            .iter()
            .all(|k| matches!(k, LinkKind::Code | LinkKind::Project | LinkKind::Other))
    {
        let docs = || {
            links.iter().zip(&kinds).any(|((_, u), k)| {
                *k == LinkKind::Other && url_kind::url_kind(u) == url_kind::UrlKind::Docs
            })
        };
        let named = text
            .split_once(',')
            .is_some_and(|(name, _)| name.split_whitespace().count() == 1 && !has_year(text));
        let others_known = || {
            links.iter().zip(&kinds).all(|((_, u), k)| {
                *k != LinkKind::Other || url_kind::url_kind(u) == url_kind::UrlKind::Docs
            })
        };
        if (named || docs()) && others_known() {
            return Some("software, not a paper");
        }
    }
    None
}

/// Four digits in a row that read as a year (`19…`, `20…`), not part of a longer number.
fn has_year(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && (w.starts_with(b"19") || w.starts_with(b"20"))
            && !i
                .checked_sub(1)
                .and_then(|j| b.get(j))
                .is_some_and(u8::is_ascii_digit)
            && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
    })
}

/// Words that say an entry is a course or its material (`lecture notes and labs`, `a course on…`).
const COURSE_WORDS: &[&str] = &[
    "course",
    "courses",
    "lecture",
    "lectures",
    "labs",
    "tutorial",
    "tutorials",
    "syllabus",
];

/// A page an entry opens with a link to that is no paper: a blog (every link one) or a course (its text
/// says so, or its URL is a course's page such as `/6.824/`). An entry with a link to a paper host stays
/// a paper. `None` for a paper.
pub fn not_paper_page(text: &str, links: &[(String, String)]) -> Option<&'static str> {
    use crate::model::LinkKind;
    if links.is_empty() {
        return None;
    }
    // A blog itself (its front page), not one of its posts (an essay in a reading list is read as one).
    let blog = links
        .iter()
        .all(|(l, u)| site_root(u) && kind::link_kind(l, u, false) == LinkKind::Blog);
    let course = !blog
        && (text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| COURSE_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w)))
            || links.iter().any(|(_, u)| course_path(u)));
    // Asked last (most entries are neither): a link to a paper host keeps the entry a paper.
    if !(blog || course) || links.iter().any(|(_, u)| url_kind::on_paper_host(u)) {
        return None;
    }
    Some(if blog {
        "a blog, not a paper"
    } else {
        "a course, not a paper"
    })
}

/// Words that say an entry is a site about papers, a book or a course rather than a paper
/// (`Owl Leaderboard`, `Daily Papers`, `arXiv listing`), compared as whole words.
const SITE_WORDS: &[&str] = &[
    "leaderboard",
    "leaderboards",
    "listing",
    "listings",
    "textbook",
    "ebook",
];

/// The same in scripts written without spaces, found anywhere in the text (a course, a tutorial, a
/// textbook, a leaderboard).
const SITE_WORDS_CJK: &[&str] = &["课程", "教程", "教材", "榜单", "排行榜"];

/// Words of a short note after an entry that say it is no paper: a book, a course, a talk or a post.
const SELF_WORDS: &[&str] = &[
    "book",
    "textbook",
    "ebook",
    "course",
    "lecture",
    "lectures",
    "tutorial",
    "talk",
    "keynote",
    "podcast",
    "video",
    "blog",
    "post",
    "newsletter",
];

/// The same in scripts written without spaces: book, lecture material, course (Japanese, Korean),
/// blog (Korean, Japanese).
const SELF_WORDS_CJK: &[&str] = &[
    "書籍",
    "講義資料",
    "講座",
    "강의",
    "강좌",
    "블로그",
    "ブログ",
];

/// Is a note after an entry a short self-description (`(online book)`, `— blog post`,
/// `（技術評論社、書籍）`)? A few words at most, one of which names what is not a paper.
fn self_described(note: &str) -> bool {
    let t = note.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '(' | ')' | '（' | '）' | '-' | '—' | '–' | '[' | ']')
    });
    if t.is_empty() || t.split_whitespace().count() > 4 || t.chars().count() > 40 {
        return false;
    }
    t.split(|c: char| !c.is_alphanumeric())
        .any(|w| SELF_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w)))
        || (!t.is_ascii() && SELF_WORDS_CJK.iter().any(|w| t.contains(w)))
}

/// Words of a note that name a blog (`(Owl AI blog)`, `（知乎专栏）`).
const BLOG_WORDS_CJK: &[&str] = &["博客", "专栏", "知乎"];

/// An entry that is a page about papers, a site, a course or a blog post rather than a paper, judged
/// from its title, its description and its links (for [`not_paper_page`]'s shape, `title_link`, the
/// page it opens with): a leaderboard, a listing (`arXiv listing`, `Daily Papers`), a dataset card, a
/// video (for a link group: every link a dataset card), a course or textbook (`[[课程主页]](u)`), a blog post named as one (`(Owl AI blog)`) or whose
/// note only names its source (`(Owlscale)`), a site's front page under a one-word name. A link to one
/// paper on a paper host keeps it a paper. `None` for a paper.
pub fn not_paper_site(
    title: &str,
    description: Option<&str>,
    links: &[(String, String)],
    title_link: bool,
) -> Option<&'static str> {
    let (_, first) = links.first()?;
    let words_in = |s: &str, list: &[&str]| {
        !list.is_empty()
            && s.split(|c: char| !c.is_alphanumeric())
                .any(|w| list.iter().any(|l| l.eq_ignore_ascii_case(w)))
    };
    // `课程学习` is curriculum learning, a topic of papers, not a course.
    let cjk_in = |s: &str, list: &[&str]| {
        !s.is_ascii()
            && list.iter().any(|w| {
                s.contains(w)
                    && (*w != "课程" || s.matches(w).count() > s.matches("课程学习").count())
            })
    };
    let said = |list: &[&str], cjk: &[&str]| {
        let text = [title, description.unwrap_or("")];
        text.iter().any(|t| words_in(t, list) || cjk_in(t, cjk))
            || links.iter().any(|(l, _)| cjk_in(l, cjk))
    };
    let contains = url_kind::contains_ignore_case;
    let mut what = None;
    // The entry says what it is: a short note such as `(online book)`, `— blog post`, `（講義資料）`, or a
    // title that names itself a blog post or lecture in a script without spaces (`… 블로그 글`).
    if description.is_some_and(self_described) || cjk_in(title, SELF_WORDS_CJK) {
        what = Some("a book, course, talk or blog post, not a paper");
    } else if title_link {
        what = url_kind::listing_page(first);
        if what.is_none() && (said(SITE_WORDS, SITE_WORDS_CJK) || contains(title, "daily papers")) {
            what = Some("a site, course or book about papers, not a paper");
        }
        if what.is_none() && url_kind::may_not_be_paper(first) && url_kind(first) == UrlKind::Blog {
            let source = description.is_some_and(|d| {
                let d = d.trim();
                d.starts_with(['(', '（'])
                    && d.ends_with([')', '）'])
                    && d.chars().count() <= 40
                    && !d.chars().any(|c| c.is_ascii_digit())
            });
            if source || said(&["blog"], BLOG_WORDS_CJK) {
                what = Some("a blog post, not a paper");
            }
        }
        if what.is_none() && site_root(first) && !title.trim().contains(char::is_whitespace) {
            what = Some("a website, not a paper");
        }
    } else if links.iter().all(|(_, u)| url_kind::dataset_card(u))
        || said(&[], SITE_WORDS_CJK)
        || links.iter().any(|(l, _)| words_in(l, COURSE_WORDS))
    {
        what = Some("a dataset, video or course, not a paper");
    }
    let what = what?;
    // Asked last (most entries are none of these): a paper on a paper host keeps the entry a paper.
    let paper = links
        .iter()
        .any(|(_, u)| url_kind::on_paper_host(u) && url_kind::listing_page(u).is_none());
    (!paper).then_some(what)
}

/// A URL to a site's front page (`https://blog.owls.org/`): no path beyond `/`.
fn site_root(url: &str) -> bool {
    url.trim()
        .split_once("://")
        .is_some_and(|(_, r)| r.split_once('/').is_none_or(|(_, p)| p.is_empty()))
}

/// A URL path with a course's number as a segment (`/6.824/`, `/cs229/`, `/15-445/`).
fn course_path(url: &str) -> bool {
    let file = url.split(['?', '#']).next().unwrap_or(url);
    let pdf = file
        .rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("pdf"));
    let path = url
        .split_once("://")
        .map_or(url, |(_, r)| r)
        .split_once('/')
        .map_or("", |(_, p)| p);
    path.split('/').any(|seg| {
        // `/course/2022/`, `/lectures/`: a segment that names the course, of its pages; a PDF kept
        // in a course's folder is a document, maybe the paper (`/courses/ECE-692/paper1.pdf`).
        if ["course", "courses", "lecture", "lectures", "syllabus"]
            .iter()
            .any(|w| seg.eq_ignore_ascii_case(w))
            && !pdf
        {
            return true;
        }
        let b = seg.as_bytes();
        let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        let rest = b.get(letters..).unwrap_or_default();
        let (num, sep, tail) = match rest.iter().position(|c| *c == b'.' || *c == b'-') {
            Some(i) => (
                rest.get(..i).unwrap_or_default(),
                true,
                rest.get(i + 1..).unwrap_or_default(),
            ),
            None => (rest, false, &[][..]),
        };
        let digits = |d: &[u8]| !d.is_empty() && d.iter().all(u8::is_ascii_digit);
        // `6.824`, `15-445` (number, separator, number), or `cs229` (letters then digits).
        (letters == 0 && sep && digits(num) && num.len() <= 2 && digits(tail) && tail.len() == 3)
            || ((2..=4).contains(&letters)
                && !sep
                && digits(num)
                && (3..=4).contains(&num.len())
                && b.get(..letters).is_some_and(|l| {
                    l.eq_ignore_ascii_case(b"cs") || l.eq_ignore_ascii_case(b"ee")
                }))
    })
}

/// The abbreviations a company's name may end with, period included.
const COMPANY_ENDS: [&str; 8] = [
    "Inc.", "Ltd.", "Co.", "Corp.", "LLC.", "GmbH.", "S.A.", "Pvt.",
];

/// Splits a bullet like `HKUST & Alibaba` into institutions, or returns nothing when the bullet reads as
/// a sentence (lowercase words, a final period, a colon) rather than a list of names. Short lowercase
/// particles (`of`, `and`, `de`, the Catalan `i` in `Universitat Rovira i Virgili`) are allowed in names.
pub fn institutions(text: &str) -> Vec<String> {
    let t = text.trim();
    // `Petuum Inc.`, `DBOS, Inc.`: a company's abbreviation, not the end of a sentence.
    let abbreviated = t
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| COMPANY_ENDS.iter().any(|e| w.eq_ignore_ascii_case(e)));
    if t.is_empty()
        || t.chars().count() > 160
        || (t.ends_with(['.', ':', '!', '?']) && !abbreviated)
        || t.contains(": ")
    {
        return Vec::new();
    }
    let names_only = t.split_whitespace().all(|w| {
        let first = w.chars().next().unwrap_or(' ');
        !first.is_lowercase() || w.chars().count() <= 3
    });
    if !names_only {
        return Vec::new();
    }
    t.split('&')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn award_words_by_length_are_the_award_words() {
        for w in AWARD_WORDS {
            assert_eq!(award_word(w), *w != "paper", "{w}");
            assert!(award_word(&w.to_uppercase()) || *w == "paper");
        }
        assert!(!award_word("Owls"));
    }

    use super::*;

    #[test]
    fn blogs_and_courses_are_not_papers() {
        let l = |u: &str| vec![("Paper".to_string(), u.to_string())];
        assert!(not_paper_page("The Morning Owl", &l("https://blog.owls.org/")).is_some());
        // A post of a blog is an essay, read as a paper in a reading list.
        assert!(not_paper_page("How To Hoot", &l("https://blog.owls.org/how-to-hoot")).is_none());
        assert!(not_paper_page(
            "OWL Hooting — lecture notes and labs.",
            &l("https://owls.example.edu/hoot/")
        )
        .is_some());
        assert!(not_paper_page("Owl Systems", &l("https://pdos.example.edu/6.824/")).is_some());
        assert!(not_paper_page("Owl Systems", &l("https://owls.example.edu/cs229/")).is_some());
        // A paper host keeps an entry a paper; so does a plain title.
        assert!(not_paper_page(
            "Owl course correction",
            &l("https://arxiv.org/abs/2101.00001")
        )
        .is_none());
        assert!(not_paper_page("Owl Nets", &l("https://owls.example.org/nets.pdf")).is_none());
        assert!(not_paper_page("Owl Nets", &l("https://owls.example.org/2021.123/")).is_none());
    }

    #[test]
    fn pieces_are_read_for_what_they_say() {
        assert_eq!(role_of("Paper"), Role::Label);
        assert_eq!(role_of("[GitHub]"), Role::Label);
        assert_eq!(role_of("论文/Paper"), Role::Label);
        assert_eq!(role_of("(CVPR 2021)"), Role::Venue);
        assert_eq!(role_of("Ann Smith, Bo Li"), Role::Authors);
        assert_eq!(role_of("Owls Can Count in the Dark"), Role::Title);
        assert_eq!(
            title_piece(&["Paper", "Owls Can Count in the Dark", "Ann Smith, Bo Li"]),
            Some(1)
        );
    }

    #[test]
    fn bracketed_venues_and_dates() {
        assert!(is_date("1st May, 2023"));
        assert!(is_date("27th Jan., 2022"));
        assert!(is_date("Sept 2021"));
        assert!(!is_date("arXiv, 2023"));
        assert!(!is_date("Mayday 2023"));
        assert!(!is_date("May"));
        assert_eq!(venue_piece("arXiv, 2023").as_deref(), Some("arXiv 2023"));
        assert_eq!(
            venue_piece("OWL Workshop , 2022").as_deref(),
            Some("OWL Workshop 2022")
        );
        assert_eq!(
            venue_piece("Owl Imaging 2022: Image Processing").as_deref(),
            Some("Owl Imaging 2022: Image Processing")
        );
        assert_eq!(venue_piece("1st May, 2023"), None);
        assert_eq!(venue_piece("Owls"), None);
    }

    #[test]
    fn a_note_of_authors_is_read_as_authors_and_venue() {
        let (who, venue) = authors_note("Ann Owlsworth, Bo Li. ICML 2011").unwrap();
        assert_eq!(who, "Ann Owlsworth, Bo Li");
        assert_eq!(venue.as_deref(), Some("ICML 2011"));
        let (who, venue) = authors_note("Smith, Ann, Bo Li, and Cy Hoot. (OWL 2018)").unwrap();
        assert_eq!(who, "Smith, Ann, Bo Li, and Cy Hoot");
        assert_eq!(venue.as_deref(), Some("OWL 2018"));
        let (who, venue) = authors_note("A. Smith * , B. Li * , C. Hoot OWL 2018").unwrap();
        assert_eq!(who, "A. Smith, B. Li, C. Hoot");
        assert_eq!(venue.as_deref(), Some("OWL 2018"));
        // Without a venue, names cannot be told from places (`UC Berkeley, Google`): not authors.
        assert_eq!(authors_note("Ann Smith and Bo Li"), None);
        assert_eq!(authors_note("UC Berkeley, Google"), None);
        assert_eq!(authors_note("Carnegie Mellon, Sisu Data"), None);
        assert_eq!(
            authors_note("Richard S. Owl. ACM 1991").map(|(_, v)| v),
            Some(Some("ACM 1991".to_string()))
        );
        // Institutions, sentences and a lone name are not read as authors.
        assert_eq!(
            authors_note("Anonymous et al. NeurIPS 2025"),
            Some((
                "Anonymous et al".to_string(),
                Some("NeurIPS 2025".to_string())
            ))
        );
        assert_eq!(
            authors_note("Ann Smith, Bo Li Arxiv 2023").map(|(_, v)| v),
            Some(Some("Arxiv 2023".to_string()))
        );
        assert_eq!(authors_note("SIAT, CAS"), None);
        assert_eq!(authors_note("HKUST & Alibaba"), None);
        assert_eq!(authors_note("UPenn & DBOS, Inc."), None);
        assert_eq!(authors_note("Owl Institute of Technology, Indonesia"), None);
        assert_eq!(authors_note("Google Research, Owl Lab"), None);
        assert_eq!(authors_note("Sisu Data"), None);
        assert_eq!(authors_note("Key: probabilistic dynamics model"), None);
        assert_eq!(authors_note("Summary:"), None);
    }

    #[test]
    fn decoration_is_stripped() {
        assert_eq!(
            undecorate(":heavy_check_mark: Owl Nets (CVPR 2021 Oral)"),
            "Owl Nets"
        );
        assert_eq!(undecorate("Owl Nets（CVPR 2021 Oral）"), "Owl Nets");
        assert_eq!(
            undecorate("Owl Nets 🎤 ORAL"),
            "Owl Nets 🎤 ORAL".replace(" 🎤", "")
        );
        assert_eq!(
            undecorate("Retrieval with Graphs (GraphRAG)"),
            "Retrieval with Graphs (GraphRAG)"
        );
        assert!(is_award_tag("🔦 SPOTLIGHT"));
        assert_eq!(strip_award_tail("Owl Nets 🎤 ORAL"), Some("Owl Nets"));
        assert_eq!(strip_award_tail("Owl Nets 🔦 SPOTLIGHT"), Some("Owl Nets"));
        assert_eq!(strip_award_tail("Owl Nets Best Paper"), None);
        assert_eq!(strip_award_tail("Owl Nets"), None);
        assert!(is_award_tag("CVPR 2021 Oral"));
        assert!(!is_award_tag("Owl Nets"));
    }

    #[test]
    fn institutions_accept_names_and_refuse_sentences() {
        assert_eq!(institutions("HKUST & Alibaba"), vec!["HKUST", "Alibaba"]);
        assert_eq!(institutions("上海交通大学"), vec!["上海交通大学"]);
        assert!(institutions("Resilient distributed training").is_empty());
        assert!(institutions("Pin the base model on GPUs.").is_empty());
        assert_eq!(
            institutions("CMU & Cornell & Petuum Inc."),
            vec!["CMU", "Cornell", "Petuum Inc."]
        );
        assert_eq!(
            institutions("UPenn & DBOS, Inc."),
            vec!["UPenn", "DBOS, Inc."]
        );
        assert!(institutions("It was built by Petuum Inc.").is_empty());
    }
}
