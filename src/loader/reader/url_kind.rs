//! What a link points to, judged from its URL alone: a paper (a PDF, a preprint server, a publisher, a
//! proceedings site), or something that is not a paper (code, a blog post, documentation, a video, a
//! book, a product page). Used where a shape needs its link to be a paper (a table's Paper column, a
//! title-as-link entry that may be a software repository).

/// The kind of page a URL points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    Paper,
    Code,
    Blog,
    Docs,
    Video,
    Book,
    Product,
    Slides,
    /// A person's or a group's profile (Google Scholar, ORCID, DBLP's author pages, LinkedIn).
    Person,
    /// Anything else: a project page, a personal site, an unknown host.
    Other,
}

impl UrlKind {
    /// Pages that are never a paper.
    pub fn is_not_paper(self) -> bool {
        !matches!(self, UrlKind::Paper | UrlKind::Other | UrlKind::Person)
    }
}

/// Hosts (and their subdomains) of preprint servers, publishers and proceedings.
const PAPER_HOSTS: &[&str] = &[
    "arxiv.org",
    "openreview.net",
    "aclanthology.org",
    "aclweb.org",
    "doi.org",
    "dl.acm.org",
    "ieeexplore.ieee.org",
    "link.springer.com",
    "sciencedirect.com",
    "nips.cc",
    "neurips.cc",
    "icml.cc",
    "iclr.cc",
    "mlr.press",
    "jmlr.org",
    "usenix.org",
    "aaai.org",
    "ijcai.org",
    "thecvf.com",
    "ecva.net",
    "semanticscholar.org",
    "researchgate.net",
    "biorxiv.org",
    "medrxiv.org",
    "ssrn.com",
    "nature.com",
    "science.org",
    "pnas.org",
    "vldb.org",
    "mlsys.org",
    "computer.org",
    "wiley.com",
    "tandfonline.com",
    "mdpi.com",
    "frontiersin.org",
    "plos.org",
    "cell.com",
    "iopscience.iop.org",
    "dblp.org",
];

/// Hosts of code, models and packages.
const CODE_HOSTS: &[&str] = &[
    "github.com",
    "gitlab.com",
    "bitbucket.org",
    "huggingface.co",
    "pypi.org",
    "crates.io",
    "npmjs.com",
    "sourceforge.net",
    "colab.research.google.com",
    "kaggle.com",
    "gitee.com",
];

const BLOG_HOSTS: &[&str] = &[
    "medium.com",
    "substack.com",
    "wordpress.com",
    "blogspot.com",
    "zhuanlan.zhihu.com",
    "towardsdatascience.com",
];

const VIDEO_HOSTS: &[&str] = &["youtube.com", "youtu.be", "vimeo.com", "bilibili.com"];

const SLIDE_HOSTS: &[&str] = &["slideshare.net", "speakerdeck.com", "slides.com"];

const PERSON_HOSTS: &[&str] = &["scholar.google.com", "orcid.org", "linkedin.com"];

const BOOK_HOSTS: &[&str] = &["manning.com", "oreilly.com", "amazon.com", "packtpub.com"];

/// Pages of companies' own sites that are blog posts, by host and path prefix.
const BLOG_PAGES: &[(&str, &str)] = &[("openai.com", "/index/"), ("openai.com", "/blog/")];

/// The host of a URL as a cheap look reads it: the text between `://` and the next `/`, `?`, `#` or `:`,
/// without `www.` (parsing a URL costs more than reading most entries).
fn cheap_host(url: &str) -> &str {
    let rest = url.trim().split_once("://").map_or("", |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    host.strip_prefix("www.").unwrap_or(host)
}

/// Is the (cheaply read) host one of `list`, or below one of them? Compared without ASCII case.
fn cheap_host_is(url: &str, list: &[&str]) -> bool {
    host_in(cheap_host(url), list)
}

/// Is `host` one of `list`, or below one of them? Compared without ASCII case.
fn host_in(host: &str, list: &[&str]) -> bool {
    list.iter().any(|h| {
        let Some(cut) = host.len().checked_sub(h.len()) else {
            return false;
        };
        host.get(cut..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(h))
            && (cut == 0 || host.as_bytes().get(cut - 1) == Some(&b'.'))
    })
}

/// A cheap first look: could this URL be on a code host?
pub fn may_be_code(url: &str) -> bool {
    cheap_host_is(url, CODE_HOSTS)
}

/// A cheap first look: could this URL be code, a video or a blog post (what a paper label may hide)?
pub fn may_not_be_paper(url: &str) -> bool {
    let host = cheap_host(url);
    host_in(host, CODE_HOSTS)
        || host_in(host, VIDEO_HOSTS)
        || host_in(host, BLOG_HOSTS)
        || host.starts_with("blog")
        || url.contains("/blog")
        || BLOG_PAGES.iter().any(|(h, _)| host.eq_ignore_ascii_case(h))
}

/// A page about papers rather than a paper, read from the URL's text without parsing it: a leaderboard
/// (`…/sota/…`, a host or path naming one), a listing (`arxiv.org/list/…`, `huggingface.co/papers`
/// without a paper), a dataset card (`huggingface.co/datasets/…`) or a video. What it is, or `None`.
pub fn listing_page(url: &str) -> Option<&'static str> {
    let host = cheap_host(url);
    let rest = url.trim().split_once("://").map_or("", |(_, r)| r);
    let path = rest.split_once('/').map_or("", |(_, p)| p);
    let bare = path
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .trim_end_matches('/');
    let has = contains_ignore_case;
    let starts = |s: &str, w: &str| {
        s.as_bytes()
            .get(..w.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
    };
    let hf = host.eq_ignore_ascii_case("huggingface.co");
    if has(host, "leaderboard") || has(path, "leaderboard") || starts(path, "sota/") {
        Some("a leaderboard, not a paper")
    } else if (host.eq_ignore_ascii_case("arxiv.org") && starts(bare, "list/"))
        || (hf && (bare.eq_ignore_ascii_case("papers") || starts(bare, "papers/date/")))
    {
        Some("a listing of papers, not a paper")
    } else if dataset_card(url) {
        Some("a dataset, not a paper")
    } else if host_in(host, VIDEO_HOSTS) {
        Some("a video, not a paper")
    } else {
        None
    }
}

/// Does `s` hold `w` (ASCII, lowercase, not empty), ASCII case ignored? Each place its first letter occurs
/// (either case, found by memchr) is compared.
pub fn contains_ignore_case(s: &str, w: &str) -> bool {
    let (s, w) = (s.as_bytes(), w.as_bytes());
    let Some(&first) = w.first() else {
        return true;
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), s).any(|i| {
        s.get(i..i + w.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(w))
    })
}

/// A dataset's card on a hub of models and data (`huggingface.co/datasets/…`, `kaggle.com/datasets/…`).
pub fn dataset_card(url: &str) -> bool {
    let rest = url.trim().split_once("://").map_or("", |(_, r)| r);
    let path = rest.split_once('/').map_or("", |(_, p)| p);
    cheap_host_is(url, &["huggingface.co", "kaggle.com"])
        && path
            .as_bytes()
            .get(..9)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"datasets/"))
}

/// A cheap first look: could this URL be a person's profile?
pub fn may_be_person(url: &str) -> bool {
    cheap_host_is(url, PERSON_HOSTS) || cheap_host_is(url, &["dblp.org"])
}

/// A cheap first look: could this URL be on a paper host?
pub fn may_be_paper_host(url: &str) -> bool {
    cheap_host_is(url, PAPER_HOSTS) || cheap_host_is(url, &["huggingface.co"])
}

fn host_is(host: &str, list: &[&str]) -> bool {
    list.iter()
        .any(|h| host == *h || host.strip_suffix(h).is_some_and(|p| p.ends_with('.')))
}

/// Is the URL on a preprint server, a publisher or a proceedings site (not just any PDF)?
pub fn on_paper_host(url: &str) -> bool {
    if !may_be_paper_host(url) {
        return false;
    }
    let Ok(u) = url::Url::parse(url.trim()) else {
        return false;
    };
    let host = u.host_str().unwrap_or("").to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    host_is(host, PAPER_HOSTS) || (host == "huggingface.co" && u.path().starts_with("/papers"))
}

/// Does the URL point at one paper on a paper host (`arxiv.org/abs/…`, a DOI, a PDF, an article page),
/// rather than the host's or a conference's front page (`icml.cc/2016/`)?
pub fn is_paper_page(url: &str) -> bool {
    if !on_paper_host(url) {
        return false;
    }
    let Ok(u) = url::Url::parse(url.trim()) else {
        return false;
    };
    let path = u.path().to_ascii_lowercase();
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    path.ends_with(".pdf")
        || [
            "/abs/",
            "/pdf/",
            "/forum",
            "/doi/",
            "/article",
            "/paper",
            "/document/",
            "/chapter/",
            "/content/",
            "/presentation/",
        ]
        .iter()
        .any(|p| path.contains(p))
        || (last.chars().filter(char::is_ascii_digit).count() >= 4
            && !(last.len() == 4 && last.chars().all(|c| c.is_ascii_digit())))
        || u.host_str()
            .is_some_and(|h| h.ends_with("doi.org") && path.len() > 1)
}

/// Judges a URL. Unparsable or local URLs are `Other`.
pub fn url_kind(url: &str) -> UrlKind {
    let Ok(u) = url::Url::parse(url.trim()) else {
        return UrlKind::Other;
    };
    let host = u.host_str().unwrap_or("").to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let path = u.path().to_ascii_lowercase();
    if path.ends_with(".pdf") || path.contains("/pdf/") || path.ends_with("/pdf") {
        return UrlKind::Paper;
    }
    if host == "huggingface.co" && path.starts_with("/papers") {
        return UrlKind::Paper;
    }
    if host == "huggingface.co" && path.starts_with("/blog/") {
        return UrlKind::Blog;
    }
    if host_is(host, PERSON_HOSTS) || (host == "dblp.org" && path.starts_with("/pid/")) {
        return UrlKind::Person;
    }
    if host_is(host, SLIDE_HOSTS)
        || (host == "docs.google.com" && path.starts_with("/presentation"))
    {
        return UrlKind::Slides;
    }
    if host_is(host, PAPER_HOSTS) {
        return UrlKind::Paper;
    }
    if host_is(host, CODE_HOSTS) {
        return UrlKind::Code;
    }
    if host_is(host, VIDEO_HOSTS) {
        return UrlKind::Video;
    }
    if host_is(host, BOOK_HOSTS) || path.starts_with("/books/") {
        return UrlKind::Book;
    }
    let blog_page = BLOG_PAGES
        .iter()
        .any(|(h, p)| host_is(host, &[h]) && path.starts_with(p));
    if host_is(host, BLOG_HOSTS)
        || host.starts_with("blog.")
        || host.starts_with("blogs.")
        || path.contains("/blog/")
        || path.contains("/blogs/")
        || blog_page
    {
        return UrlKind::Blog;
    }
    if host.ends_with("readthedocs.io")
        || path.contains("/docs/")
        || path.contains("/documentation/")
        || path.contains("model-card")
    {
        return UrlKind::Docs;
    }
    if path.contains("/products/") {
        return UrlKind::Product;
    }
    UrlKind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn papers_by_host_or_pdf() {
        assert_eq!(url_kind("https://arxiv.org/abs/2305.10037"), UrlKind::Paper);
        assert_eq!(
            url_kind("https://www.usenix.org/conference/osdi23/presentation/x"),
            UrlKind::Paper
        );
        assert_eq!(
            url_kind("https://proceedings.mlr.press/v32/x.html"),
            UrlKind::Paper
        );
        // A PDF is a paper wherever it lives, even on a blog host.
        assert_eq!(
            url_kind("https://blogs.example.ac.uk/files/a-study.pdf"),
            UrlKind::Paper
        );
        assert_eq!(
            url_kind("https://huggingface.co/papers/2401.00001"),
            UrlKind::Paper
        );
    }

    #[test]
    fn pages_that_are_not_papers() {
        assert_eq!(url_kind("https://github.com/a/b"), UrlKind::Code);
        assert_eq!(url_kind("https://huggingface.co/org/model"), UrlKind::Code);
        assert_eq!(
            url_kind("https://someone.wordpress.com/2021/06/04/x/"),
            UrlKind::Blog
        );
        assert_eq!(
            url_kind("https://ai.example.com/blog/launch/"),
            UrlKind::Blog
        );
        assert_eq!(
            url_kind("https://openai.com/index/some-post/"),
            UrlKind::Blog
        );
        assert_eq!(
            url_kind("https://www.example.com/docs/model-cards/x/"),
            UrlKind::Docs
        );
        assert_eq!(
            url_kind("https://www.youtube.com/watch?v=x"),
            UrlKind::Video
        );
        assert_eq!(url_kind("https://www.manning.com/books/x"), UrlKind::Book);
        assert_eq!(
            url_kind("https://cloud.example.com/en-us/products/x/"),
            UrlKind::Product
        );
        assert_eq!(url_kind("https://project.example.io/"), UrlKind::Other);
        // Pages about papers: leaderboards, listings, dataset cards; one paper's page is none.
        for u in [
            "https://paperswithcode.com/sota/owl-counting",
            "https://rank.owls.example.org/leaderboard-vision",
            "https://arxiv.org/list/cs.CV/recent",
            "https://huggingface.co/papers",
            "https://huggingface.co/datasets/owls/owlcaps",
        ] {
            assert!(listing_page(u).is_some(), "{u}");
        }
        for u in [
            "https://arxiv.org/abs/2101.00001",
            "https://huggingface.co/papers/2101.00001",
            "https://paperswithcode.com/paper/owl-nets",
        ] {
            assert!(listing_page(u).is_none(), "{u}");
        }
        assert_eq!(url_kind("notes/bert.md"), UrlKind::Other);
    }
}
