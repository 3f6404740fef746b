//! Views across files: every work (see [`super::work`]) grouped by topic, year, venue or affiliation,
//! whatever file lists it. The side pane shows them besides the notes' own navigation (one key cycles
//! through [`View`]s) and `--list --by` prints them.
//!
//! - **Topic**: every section and topic name of every place of the work, folded as work titles are
//!   (case, Unicode form, white space and punctuation aside), so *LLM Inference* from three files is one
//!   group. A work is in each of its topics.
//! - **Year**: the year of its venue, else of its document's title (see [`super::venue`]).
//! - **Venue**: the venue's name without the year (`OSDI 2023` and `OSDI 2022` are `OSDI`).
//! - **Affiliation**: each institution of every place (`HKUST & Alibaba` is two), folded.
//!
//! Year and venue are read from the work's fullest place first, then its other places in library order.
//! Each group lists its works in library order (of their first place). Groups are sorted by their number
//! of works, most first (ties by name), years newest first; the works that have no topic, year, venue
//! or affiliation come last, in one group.

use std::collections::HashMap;

use super::venue;
use super::work::{self, Works};
use super::{Library, PaperRef};

/// What works are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum By {
    Topic,
    Year,
    Venue,
    Affiliation,
}

impl By {
    pub const ALL: [By; 4] = [By::Topic, By::Year, By::Venue, By::Affiliation];

    /// The name on the command line (`--by topic`) and in group keys.
    pub fn name(self) -> &'static str {
        match self {
            By::Topic => "topic",
            By::Year => "year",
            By::Venue => "venue",
            By::Affiliation => "affiliation",
        }
    }

    /// The name of the group of works that have none (`No year`).
    pub fn none_label(self) -> &'static str {
        match self {
            By::Topic => "No topic",
            By::Year => "No year",
            By::Venue => "No venue",
            By::Affiliation => "No affiliation",
        }
    }
}

/// What the side pane shows: the notes as their author arranged them, or every work grouped one way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Navigation,
    By(By),
}

impl View {
    /// The next view for the key that cycles them: navigation, topic, year, venue, affiliation, and
    /// back to navigation.
    pub fn next(self) -> View {
        match self {
            View::Navigation => View::By(By::Topic),
            View::By(By::Topic) => View::By(By::Year),
            View::By(By::Year) => View::By(By::Venue),
            View::By(By::Venue) => View::By(By::Affiliation),
            View::By(By::Affiliation) => View::Navigation,
        }
    }

    /// What the title bar says: `notes`, `by topic`, `by year`, …
    pub fn label(self) -> &'static str {
        match self {
            View::Navigation => "notes",
            View::By(By::Topic) => "by topic",
            View::By(By::Year) => "by year",
            View::By(By::Venue) => "by venue",
            View::By(By::Affiliation) => "by affiliation",
        }
    }
}

/// A group of works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// A stable key: `topic/llm-inference`, `year/2023`, `venue/osdi`, `affiliation/alibaba`, or
    /// `year/-` for the works with none. The same across reloads, for the side pane's expansion.
    pub key: String,
    /// What it is called: the spelling most of its places use (the first seen on a tie), or the
    /// [`By::none_label`].
    pub name: String,
    /// Its works (indices into [`Works`]), in library order.
    pub works: Vec<usize>,
    /// The year, for a group of [`By::Year`].
    pub year: Option<u16>,
}

impl Group {
    /// How many works it has.
    pub fn count(&self) -> usize {
        self.works.len()
    }

    /// Is it the group of works that have no topic, year, venue or affiliation?
    pub fn is_none(&self) -> bool {
        self.key.ends_with("/-")
    }
}

/// The places of work `w`, its fullest first, then the others in library order.
fn places_fullest_first(works: &Works, w: usize) -> impl Iterator<Item = PaperRef> + '_ {
    let fullest = works.fullest(w);
    fullest.into_iter().chain(
        works
            .places(w)
            .iter()
            .copied()
            .filter(move |&r| Some(r) != fullest),
    )
}

/// Groups the works that `keep` selects (e.g. `|_| true`, or the works a query matched).
pub fn group(lib: &Library, works: &Works, by: By, keep: &dyn Fn(usize) -> bool) -> Vec<Group> {
    struct Building {
        name_counts: Vec<(String, usize)>,
        works: Vec<usize>,
        year: Option<u16>,
    }
    let mut groups: Vec<Building> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut keys: Vec<String> = Vec::new();
    let mut none: Vec<usize> = Vec::new();
    // (folded key, spelling, year) of the current work, each key once.
    let mut labels: Vec<(String, String, Option<u16>)> = Vec::new();
    for w in 0..works.len() {
        if !keep(w) {
            continue;
        }
        labels.clear();
        let add =
            |name: &str, year: Option<u16>, labels: &mut Vec<(String, String, Option<u16>)>| {
                let name = name.trim();
                let key = match year {
                    Some(y) => y.to_string(),
                    None => work::key(name),
                };
                if key.is_empty() || labels.iter().any(|(k, _, _)| *k == key) {
                    return;
                }
                labels.push((key, name.to_string(), year));
            };
        match by {
            By::Topic => {
                for r in works.places(w) {
                    if let Some(p) = lib.paper(*r) {
                        for t in p.topics.iter() {
                            add(t, None, &mut labels);
                        }
                    }
                }
            }
            By::Affiliation => {
                for r in works.places(w) {
                    if let Some(p) = lib.paper(*r) {
                        for a in p.affiliations.iter().flat_map(|a| a.split('&')) {
                            add(a, None, &mut labels);
                        }
                    }
                }
            }
            By::Year => {
                if let Some(y) = places_fullest_first(works, w).find_map(|r| venue::year_of(lib, r))
                {
                    add(&y.to_string(), Some(y), &mut labels);
                }
            }
            By::Venue => {
                let name = places_fullest_first(works, w)
                    .find_map(|r| venue::venue_of(lib, r))
                    .map(venue::venue_name)
                    .filter(|n| !n.is_empty());
                if let Some(name) = name {
                    add(name, None, &mut labels);
                }
            }
        }
        if labels.is_empty() {
            none.push(w);
        }
        for (key, name, year) in labels.drain(..) {
            let g = match by_key.get(&key) {
                Some(&g) => g,
                None => {
                    by_key.insert(key.clone(), groups.len());
                    keys.push(key);
                    groups.push(Building {
                        name_counts: Vec::new(),
                        works: Vec::new(),
                        year,
                    });
                    groups.len() - 1
                }
            };
            let b = &mut groups[g];
            b.works.push(w);
            match b.name_counts.iter_mut().find(|(n, _)| *n == name) {
                Some((_, c)) => *c += 1,
                None => b.name_counts.push((name, 1)),
            }
        }
    }
    let mut out: Vec<Group> = groups
        .into_iter()
        .zip(keys)
        .map(|(b, key)| {
            // The most used spelling; `max_by_key` keeps the last of equals, so walk in reverse.
            let name = b
                .name_counts
                .iter()
                .rev()
                .max_by_key(|(_, c)| *c)
                .map(|(n, _)| n.clone())
                .unwrap_or_default();
            Group {
                key: format!("{}/{key}", by.name()),
                name,
                works: b.works,
                year: b.year,
            }
        })
        .collect();
    match by {
        By::Year => out.sort_by_key(|g| std::cmp::Reverse(g.year)),
        _ => out.sort_by(|a, b| {
            b.count()
                .cmp(&a.count())
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
                .then_with(|| a.key.cmp(&b.key))
        }),
    }
    if !none.is_empty() {
        out.push(Group {
            key: format!("{}/-", by.name()),
            name: by.none_label().to_string(),
            works: none,
            year: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader;

    fn lib(files: &[(&str, &str)]) -> Library {
        let mut lib = Library::default();
        for (name, md) in files {
            lib.documents
                .push(loader::document::build(name, None, md).0);
        }
        loader::assign_ids(&mut lib);
        lib
    }

    fn names(groups: &[Group]) -> Vec<(String, usize)> {
        groups.iter().map(|g| (g.name.clone(), g.count())).collect()
    }

    const A: &str = "# CONF 2021\n\n## Papers\n\n### Caching\n\n\
        * Alpha: One \\[[Paper](https://a.example)]\n  * Uni A & Lab B\n\
        * Beta: Two \\[[Paper](https://b.example)]\n  * Uni A\n\n### Storage\n\n\
        * Gamma: Three \\[[Paper](https://c.example)]\n  * Lab B\n";
    const B: &str = "# Reading list\n\n## Papers\n\n### caching!\n\n\
        * Alpha: One (CONF 2021) \\[[Paper](https://a.example)]\n  * Uni A\n\
        * Delta: Four (OTHER 2024) \\[[Paper](https://d.example)]\n  * Uni C\n\
        * Epsilon: Five \\[[Paper](https://e.example)]\n";

    #[test]
    fn topics_fold_across_files_and_a_work_counts_once() {
        let lib = lib(&[("a.md", A), ("b.md", B)]);
        let works = Works::new(&lib);
        let g = group(&lib, &works, By::Topic, &|_| true);
        // Alpha is in both files under "Caching"/"caching!": one work, counted once.
        assert_eq!(
            names(&g),
            vec![("Caching".into(), 4), ("Storage".into(), 1)]
        );
        assert_eq!(g[0].key, "topic/caching");
        let titles: Vec<&str> = g[0]
            .works
            .iter()
            .map(|&w| &*lib.paper(works.fullest(w).unwrap()).unwrap().title)
            .collect();
        assert_eq!(
            titles,
            vec!["Alpha: One", "Beta: Two", "Delta: Four", "Epsilon: Five"]
        );
    }

    #[test]
    fn years_newest_first_and_the_works_without_one_last() {
        let lib = lib(&[("a.md", A), ("b.md", B)]);
        let works = Works::new(&lib);
        let g = group(&lib, &works, By::Year, &|_| true);
        assert_eq!(
            names(&g),
            vec![
                ("2024".into(), 1),
                ("2021".into(), 3),
                ("No year".into(), 1)
            ]
        );
        assert_eq!(g[0].year, Some(2024));
        assert!(g[2].is_none());
        assert_eq!(g[2].key, "year/-");
    }

    #[test]
    fn a_venue_that_is_only_a_year_names_no_venue() {
        let c = "# More\n\n## Papers\n\n* Zeta: Six (2019) \\[[Paper](https://z.example)]\n";
        let lib = lib(&[("c.md", c)]);
        let works = Works::new(&lib);
        assert_eq!(lib.documents[0].papers[0].venue.as_deref(), Some("2019"));
        let g = group(&lib, &works, By::Venue, &|_| true);
        assert_eq!(names(&g), vec![("No venue".into(), 1)]);
        let g = group(&lib, &works, By::Year, &|_| true);
        assert_eq!(names(&g), vec![("2019".into(), 1)]);
    }

    #[test]
    fn venues_by_name_and_affiliations_split_and_folded() {
        let lib = lib(&[("a.md", A), ("b.md", B)]);
        let works = Works::new(&lib);
        let g = group(&lib, &works, By::Venue, &|_| true);
        assert_eq!(
            names(&g),
            vec![
                ("CONF".into(), 3),
                ("OTHER".into(), 1),
                ("No venue".into(), 1)
            ]
        );
        let g = group(&lib, &works, By::Affiliation, &|_| true);
        assert_eq!(
            names(&g),
            vec![
                ("Lab B".into(), 2),
                ("Uni A".into(), 2),
                ("Uni C".into(), 1),
                ("No affiliation".into(), 1)
            ]
        );
    }

    #[test]
    fn only_the_kept_works_are_grouped() {
        let lib = lib(&[("a.md", A), ("b.md", B)]);
        let works = Works::new(&lib);
        let g = group(&lib, &works, By::Topic, &|w| w == 0);
        assert_eq!(names(&g), vec![("Caching".into(), 1)]);
        assert!(group(&lib, &works, By::Year, &|_| false).is_empty());
    }

    #[test]
    fn the_view_key_cycles_through_every_view() {
        let mut v = View::default();
        let mut seen = vec![v.label()];
        for _ in 0..5 {
            v = v.next();
            seen.push(v.label());
        }
        assert_eq!(
            seen,
            vec![
                "notes",
                "by topic",
                "by year",
                "by venue",
                "by affiliation",
                "notes"
            ]
        );
    }
}
