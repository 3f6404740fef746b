//! Cutting text where a search found something. Every cut here is at a position that `str::find` (or
//! `match_indices`) returned for a needle, so it is a character boundary by construction; the checked
//! forms (`split_at_checked`, `strip_prefix`) turn a mistake into `None` instead of a panic.

// Text is cut and indexed here with checked access only (`get`, `split_once`, patterns).
#![deny(clippy::indexing_slicing)]

/// The earliest of `needles` in `text`: the text before it, the needle, and the text after it.
pub fn first_of<'a, 'n>(text: &'a str, needles: &[&'n str]) -> Option<(&'a str, &'n str, &'a str)> {
    let (at, needle) = needles
        .iter()
        .filter_map(|n| text.find(n).map(|i| (i, *n)))
        .min_by_key(|&(i, _)| i)?;
    let (before, rest) = text.split_at_checked(at)?;
    Some((before, needle, rest.strip_prefix(needle)?))
}

/// `text` cut before the earliest of `needles`: the text before it and the rest, needle included.
pub fn before_first<'a>(text: &'a str, needles: &[&str]) -> Option<(&'a str, &'a str)> {
    let at = needles.iter().filter_map(|n| text.find(n)).min()?;
    text.split_at_checked(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_earliest_needle_wins_whatever_its_length() {
        let t = "Owls – count — birds - at night";
        assert_eq!(
            first_of(t, &[" - ", " – ", " — "]),
            Some(("Owls", " – ", "count — birds - at night"))
        );
        assert_eq!(
            before_first(t, &[" — ", " - "]),
            Some(("Owls – count", " — birds - at night"))
        );
        assert_eq!(first_of("no dash", &[" - "]), None);
    }
}
