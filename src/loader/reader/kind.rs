//! Link labels and link kinds, in one vocabulary: which words make a link's text a label (`pdf`, `Code`,
//! `Project Page`, `论文`, `代码`) rather than a title, and what a link points to, from its URL and its
//! label together ([`link_kind`]).

use super::url_kind::{self, url_kind, UrlKind};
use crate::model::LinkKind;

/// Each label word, with the kind of link it names (`None`: says nothing about the kind: `link`, `here`).
const LABEL_WORDS: &[(&str, Option<LinkKind>)] = &[
    ("paper", Some(LinkKind::Paper)),
    ("papers", Some(LinkKind::Paper)),
    ("pdf", Some(LinkKind::Paper)),
    ("arxiv", Some(LinkKind::Paper)),
    ("abs", Some(LinkKind::Paper)),
    ("abstract", Some(LinkKind::Paper)),
    ("doi", Some(LinkKind::Paper)),
    ("acm", Some(LinkKind::Paper)),
    ("ieee", Some(LinkKind::Paper)),
    ("acl", Some(LinkKind::Paper)),
    ("openreview", Some(LinkKind::Paper)),
    ("proceedings", Some(LinkKind::Paper)),
    // `[ACM DL](u)`: a publisher's digital library.
    ("dl", Some(LinkKind::Paper)),
    ("publisher", Some(LinkKind::Paper)),
    ("preprint", Some(LinkKind::Paper)),
    ("thesis", Some(LinkKind::Paper)),
    ("journal", Some(LinkKind::Paper)),
    ("论文", Some(LinkKind::Paper)),
    // Chinese labels join their words (`论文地址`, "the paper's address"; `代码链接`, "the code's link").
    ("论文地址", Some(LinkKind::Paper)),
    ("论文链接", Some(LinkKind::Paper)),
    ("原文", Some(LinkKind::Paper)),
    ("代码地址", Some(LinkKind::Code)),
    ("代码链接", Some(LinkKind::Code)),
    ("项目地址", Some(LinkKind::Project)),
    ("项目主页", Some(LinkKind::Project)),
    // Japanese and Korean labels (`[論文](u)`, `コード：u`, `- 논문: u`).
    ("論文", Some(LinkKind::Paper)),
    ("논문", Some(LinkKind::Paper)),
    ("コード", Some(LinkKind::Code)),
    ("코드", Some(LinkKind::Code)),
    ("発表資料", Some(LinkKind::Slides)),
    ("スライド", Some(LinkKind::Slides)),
    ("슬라이드", Some(LinkKind::Slides)),
    ("解説記事", Some(LinkKind::Blog)),
    ("解説", Some(LinkKind::Blog)),
    ("블로그", Some(LinkKind::Blog)),
    ("動画", Some(LinkKind::Video)),
    ("영상", Some(LinkKind::Video)),
    ("リンク", None),
    ("링크", None),
    ("链接", None),
    ("地址", None),
    ("code", Some(LinkKind::Code)),
    ("codes", Some(LinkKind::Code)),
    ("codebase", Some(LinkKind::Code)),
    ("github", Some(LinkKind::Code)),
    ("gitlab", Some(LinkKind::Code)),
    ("repo", Some(LinkKind::Code)),
    ("repository", Some(LinkKind::Code)),
    ("implementation", Some(LinkKind::Code)),
    ("pytorch", Some(LinkKind::Code)),
    ("tensorflow", Some(LinkKind::Code)),
    ("jax", Some(LinkKind::Code)),
    ("colab", Some(LinkKind::Code)),
    ("notebook", Some(LinkKind::Code)),
    ("代码", Some(LinkKind::Code)),
    ("源码", Some(LinkKind::Code)),
    ("video", Some(LinkKind::Video)),
    ("videos", Some(LinkKind::Video)),
    ("talk", Some(LinkKind::Video)),
    ("youtube", Some(LinkKind::Video)),
    ("bilibili", Some(LinkKind::Video)),
    ("视频", Some(LinkKind::Video)),
    ("slides", Some(LinkKind::Slides)),
    ("slide", Some(LinkKind::Slides)),
    ("poster", Some(LinkKind::Slides)),
    ("ppt", Some(LinkKind::Slides)),
    ("artifact", Some(LinkKind::Artifact)),
    ("artifacts", Some(LinkKind::Artifact)),
    // Artifact evaluation, as systems venues name it (`[AE]`, `[Artifact Evaluation Package]`).
    ("ae", Some(LinkKind::Artifact)),
    ("data", Some(LinkKind::Artifact)),
    ("dataset", Some(LinkKind::Artifact)),
    ("datasets", Some(LinkKind::Artifact)),
    ("benchmark", Some(LinkKind::Artifact)),
    ("leaderboard", Some(LinkKind::Artifact)),
    ("model", Some(LinkKind::Artifact)),
    ("models", Some(LinkKind::Artifact)),
    ("weights", Some(LinkKind::Artifact)),
    ("checkpoint", Some(LinkKind::Artifact)),
    ("checkpoints", Some(LinkKind::Artifact)),
    ("supplementary", Some(LinkKind::Artifact)),
    ("supp", Some(LinkKind::Artifact)),
    ("appendix", Some(LinkKind::Artifact)),
    ("数据集", Some(LinkKind::Artifact)),
    ("project", Some(LinkKind::Project)),
    ("homepage", Some(LinkKind::Project)),
    ("website", Some(LinkKind::Project)),
    ("site", Some(LinkKind::Project)),
    ("demo", Some(LinkKind::Project)),
    ("主页", Some(LinkKind::Project)),
    ("项目", Some(LinkKind::Project)),
    ("blog", Some(LinkKind::Blog)),
    ("blogpost", Some(LinkKind::Blog)),
    ("post", Some(LinkKind::Blog)),
    ("zhihu", Some(LinkKind::Blog)),
    ("知乎", Some(LinkKind::Blog)),
    ("解读", Some(LinkKind::Blog)),
    ("tweet", Some(LinkKind::Blog)),
    ("twitter", Some(LinkKind::Blog)),
    ("thread", Some(LinkKind::Blog)),
    ("media", Some(LinkKind::Blog)),
    ("press", Some(LinkKind::Blog)),
    ("notes", Some(LinkKind::Note)),
    ("note", Some(LinkKind::Note)),
    ("personal", Some(LinkKind::Note)),
    ("review", Some(LinkKind::Note)),
    ("reviews", Some(LinkKind::Note)),
    ("scholar", Some(LinkKind::Person)),
    ("page", None),
    ("evaluation", None),
    ("package", None),
    ("web", None),
    ("html", None),
    ("doc", None),
    ("docs", None),
    ("documentation", None),
    ("bibtex", None),
    ("bib", None),
    ("citation", None),
    ("hugging", None),
    ("face", None),
    ("huggingface", None),
    ("hf", None),
    ("official", None),
    ("unofficial", None),
    ("link", None),
    ("links", None),
    ("url", None),
    ("here", None),
    ("full", None),
    ("text", None),
    ("version", None),
    ("extended", None),
    ("conference", None),
    ("workshop", None),
    ("google", None),
    ("中文", None),
    ("english", None),
    ("chinese", None),
    ("and", None),
    ("&", None),
    ("x", None),
];

/// The words of a label (split at anything not a letter or digit), as written.
fn words(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn unbracket(s: &str) -> &str {
    let t = s.trim();
    t.strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .map(str::trim)
        .unwrap_or(t)
}

/// The kind a label word names (`Some(None)`: a label word that names no kind), compared without case
/// and without allocating.
fn word_kind(w: &str) -> Option<Option<LinkKind>> {
    LABEL_WORDS
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(w))
        .map(|(_, k)| *k)
}

/// Is `text` a link label rather than a title: every word one a label is made of (`pdf`, `Project Page`,
/// `code&data`, `Paper Link`, `论文/Paper`). `Code Llama` is a title.
pub fn is_link_label(text: &str) -> bool {
    let t = unbracket(text);
    if is_arxiv_id(t) {
        return true;
    }
    let mut n = 0;
    for w in words(t) {
        n += 1;
        if n > 4 || word_kind(w).is_none() {
            return false;
        }
    }
    n > 0
}

/// An arXiv identifier written as a link's label (`arXiv:2210.03629`, `arXiv 2401.00002v2`, `arxiv:
/// 1706.03762`, or the number alone, `2305.12345`): it names the paper's link, it is no title. Read
/// from the bytes, without allocating.
pub fn is_arxiv_id(text: &str) -> bool {
    let b = text.trim().as_bytes();
    let rest = match b.get(..5) {
        Some(head) if head.eq_ignore_ascii_case(b"arxiv") => {
            let rest = b.get(5..).unwrap_or_default();
            match rest.first() {
                Some(b':') | Some(b' ') => rest.get(1..).unwrap_or_default(),
                _ => rest,
            }
        }
        _ => b,
    };
    let rest = rest.trim_ascii_start();
    // `YYMM.NNNNN`, then an optional version `vN`.
    let yymm = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    if yymm != 4 || rest.get(yymm) != Some(&b'.') {
        return false;
    }
    let tail = rest.get(yymm + 1..).unwrap_or_default();
    let num = tail.iter().take_while(|c| c.is_ascii_digit()).count();
    let version = tail.get(num..).unwrap_or_default();
    (4..=5).contains(&num)
        && (version.is_empty()
            || (version.first() == Some(&b'v')
                && version.len() > 1
                && version.iter().skip(1).all(u8::is_ascii_digit)))
}

/// What a label says the link is (`[pdf]` → paper, `[代码]` → code), when it is a label and names a kind.
pub fn label_kind(text: &str) -> Option<LinkKind> {
    // One pass: every word (at most four) a label word; the first that names a kind says it.
    let mut found = None;
    let mut n = 0;
    for w in words(unbracket(text)) {
        n += 1;
        let k = word_kind(w)?;
        if n > 4 {
            return None;
        }
        found = found.or(k);
    }
    found
}

/// Labels that say "this link is the paper".
pub fn is_paper_label(text: &str) -> bool {
    words(unbracket(text)).any(|w| {
        [
            "paper",
            "pdf",
            "arxiv",
            "doi",
            "openreview",
            "acl",
            "论文",
            "論文",
            "논문",
        ]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(w))
    })
}

/// The kind of a link, from its label and its URL together: a label that names a kind (`[Code]`,
/// `[论文]`) says it; otherwise the URL does (a preprint server or publisher is the paper, a code host
/// code, a video site a video, a profile a person, a `github.io` page a project page); a local file is a
/// note. (A title-as-link's own link is labelled `Paper` by its shape, so it is the paper.)
pub fn link_kind(label: &str, url: &str, local: bool) -> LinkKind {
    // `[Paper]()` leads nowhere: whatever its label says, no badge and no letter key.
    if url.trim().is_empty() {
        return LinkKind::Other;
    }
    if local {
        return LinkKind::Note;
    }
    // `[Paper](javascript:…)` is no paper, whatever its label says: no badge, no letter key.
    if crate::loader::title::is_script(url) {
        return LinkKind::Other;
    }
    if let Some(k) = label_kind(label) {
        // A link labelled as the paper that points to a code host, a video or a blog post is that
        // (`[Owl Nets](https://github.com/…)`, read as the paper by its shape, is code). The URL is
        // parsed only when a cheap look says it may be one of those (most paper links are not).
        if k == LinkKind::Paper && url_kind::may_not_be_paper(url) {
            match url_kind(url) {
                UrlKind::Code => return LinkKind::Code,
                UrlKind::Video => return LinkKind::Video,
                UrlKind::Blog => return LinkKind::Blog,
                _ => {}
            }
        }
        // `[Homepage](https://scholar.google.com/…)`: a profile is a person whatever the label.
        if k == LinkKind::Project
            && url_kind::may_be_person(url)
            && url_kind(url) == UrlKind::Person
        {
            return LinkKind::Person;
        }
        return k;
    }
    match url_kind(url) {
        UrlKind::Paper => LinkKind::Paper,
        UrlKind::Code => {
            let lower = url.to_ascii_lowercase();
            if lower.contains("huggingface.co/datasets") {
                LinkKind::Artifact
            } else {
                LinkKind::Code
            }
        }
        UrlKind::Video => LinkKind::Video,
        UrlKind::Slides => LinkKind::Slides,
        UrlKind::Blog => LinkKind::Blog,
        UrlKind::Person => LinkKind::Person,
        UrlKind::Docs | UrlKind::Book | UrlKind::Product => LinkKind::Other,
        UrlKind::Other => {
            let lower = url.to_ascii_lowercase();
            if lower.contains(".github.io") {
                LinkKind::Project
            } else {
                // A title-as-link's own link is labelled `Paper` by its shape; any other text says
                // nothing the URL does not.
                LinkKind::Other
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arxiv_id_is_a_label() {
        for l in [
            "arXiv:2210.03629",
            "arxiv 2401.00002v2",
            "[arXiv: 1706.03762]",
            "2111.00396",
            "[2405.21060v2]",
        ] {
            assert!(is_link_label(l), "{l}");
        }
        for l in [
            "arXiv:2210",
            "arXiv:2210.03629 and more",
            "Arxivist 2210.03629",
            "2111.003",
            "3.14159",
            "GPT 2111.00396",
        ] {
            assert!(!is_link_label(l), "{l}");
        }
    }

    #[test]
    fn labels_and_urls_decide_together() {
        let k = |l, u| link_kind(l, u, false);
        assert_eq!(
            k("[pdf]", "https://arxiv.org/abs/2401.00001"),
            LinkKind::Paper
        );
        assert_eq!(k("GitHub", "https://github.com/o/owl"), LinkKind::Code);
        assert_eq!(k("Owl Nets", "https://github.com/o/owl"), LinkKind::Code);
        assert_eq!(
            k("论文/Paper", "http://arxiv.org/pdf/2401.00001"),
            LinkKind::Paper
        );
        assert_eq!(k("代码", "https://gitee.com/o/owl"), LinkKind::Code);
        assert_eq!(
            k("link", "https://arxiv.org/abs/2401.00001"),
            LinkKind::Paper
        );
        assert_eq!(
            k("Owl Nets", "https://owls.example.org/nets"),
            LinkKind::Other
        );
        assert_eq!(k("Paper", "https://owls.example.org/nets"), LinkKind::Paper);
        assert_eq!(k("Paper", "https://github.com/o/owl"), LinkKind::Code);
        assert_eq!(k("here", "https://owls.example.org/nets"), LinkKind::Other);
        assert_eq!(
            k(
                "Google Scholar",
                "https://scholar.google.com/citations?user=x"
            ),
            LinkKind::Person
        );
        assert_eq!(
            k("Project Page", "https://owl.github.io/nets"),
            LinkKind::Project
        );
        assert_eq!(
            k(
                "https://www.youtube.com/watch?v=x",
                "https://www.youtube.com/watch?v=x"
            ),
            LinkKind::Video
        );
        assert_eq!(link_kind("Personal Note", "owl.md", true), LinkKind::Note);
        // Artifact evaluation, by its full name or its short one.
        for label in ["Artifact Evaluation Package", "AE", "[Artifact]"] {
            assert_eq!(
                k(label, "https://zenodo.org/records/1"),
                LinkKind::Artifact,
                "{label}"
            );
        }
        assert_eq!(k("javascript", "javascript:alert(1)"), LinkKind::Other);
        assert_eq!(k("Paper", "JavaScript:alert(1)"), LinkKind::Other);
        // `[Paper]()`: no address, no kind (a local one included).
        assert_eq!(k("Paper", ""), LinkKind::Other);
        assert_eq!(link_kind("Paper", " ", true), LinkKind::Other);
    }

    #[test]
    fn labels_and_titles_are_told_apart() {
        for label in [
            "pdf",
            "[Paper]",
            "Code",
            "Project Page",
            "code&data",
            "Paper Link",
            "here",
            "论文/Paper",
        ] {
            assert!(is_link_label(label), "{label}");
        }
        for title in ["Code Llama", "Attention Is All You Need", "GraphGPT"] {
            assert!(!is_link_label(title), "{title}");
        }
    }
}
