//! Letters with accents compared as their base letters: `zurich` finds `ETH Zürich`, `cafe` the word
//! `Café`, as fzf does by default; full-width letters and digits as ASCII (`fullwidth` finds
//! `Ｆｕｌｌｗｉｄｔｈ`). Both sides are folded, the query when it is parsed and the names and
//! words when they are indexed or highlighted.
//!
//! A Latin letter with a diacritic becomes its base letter (`é` → `e`, `Ø` → `O`, `ł` → `l`), one
//! character for one, so a character's position in folded text is its position in the text as written
//! (the highlight reads positions). Letters that spell as two (`ß`, `æ`, `œ`) and other scripts keep
//! their letters. Which base letter: the `deunicode` crate's transliteration, taken only when it is a
//! single ASCII letter.
//!
//! Any other capital that is not ASCII is lowercased, when its lowercase is one character (`Æ` → `æ`,
//! `Ψ` → `ψ`, `Д` → `д`): skim compares case only for ASCII letters, so without this `æther` would not
//! find *Æther* nor `москва` *Москва*. Case is compared as written for ASCII letters only (smart case:
//! a capital `A`–`Z` in a word makes it case-sensitive).

use std::borrow::Cow;

/// `c` without its diacritic, when it is a Latin letter that has one; else a capital that is not ASCII
/// lowercased (when that is one character); else `c`.
#[inline]
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        c
    } else {
        fold_other(c)
    }
}

/// [`fold_char`] of a character that is not ASCII (kept out of line: most text is ASCII, and its
/// callers' loops stay small).
#[inline(never)]
fn fold_other(c: char) -> char {
    // Full-width forms of ASCII (`Ｆｕｌｌ`, `２０２４`, `：`), as CJK text writes Latin letters and digits.
    if let '\u{FF01}'..='\u{FF5E}' = c {
        if let Some(narrow) = char::from_u32(c as u32 - 0xFEE0) {
            return narrow;
        }
    }
    if is_latin_letter(c) {
        if let Some(&[b]) = deunicode::deunicode_char(c).map(str::as_bytes) {
            if b.is_ascii_alphabetic() {
                return char::from(b);
            }
        }
    }
    if c.is_uppercase() {
        let mut lower = c.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next()) {
            return l;
        }
    }
    c
}

/// `text` with [`fold_char`] applied to every character (borrowed when nothing changes).
pub fn fold(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    match text.char_indices().find(|&(_, c)| fold_char(c) != c) {
        None => Cow::Borrowed(text),
        // `at` is a character boundary `char_indices` gave.
        Some((at, _)) => {
            let (kept, rest) = text.split_at(at);
            let mut out = String::with_capacity(text.len());
            out.push_str(kept);
            out.extend(rest.chars().map(fold_char));
            Cow::Owned(out)
        }
    }
}

/// A letter of the Latin-1 Supplement, Latin Extended-A and -B or Latin Extended Additional blocks
/// (`×` and `÷` are in the first but are no letters).
fn is_latin_letter(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c.is_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_latin_letters_fold_to_their_base_letter_keeping_case() {
        assert_eq!(fold("ETH Zürich"), "ETH Zurich");
        assert_eq!(
            fold("Café Ångström Øresund Łódź Đà Nẵng"),
            "Cafe Angstrom Oresund Lodz Da Nang"
        );
        assert_eq!(fold("Ça"), "Ca");
    }

    #[test]
    fn what_spells_as_two_letters_other_scripts_and_signs_keep_their_letters_without_case() {
        assert_eq!(fold("Straße Æsir Œuvre"), "Straße æsir œuvre");
        assert_eq!(fold("读博士 Ψ Дом"), "读博士 ψ дом");
        // A capital whose lowercase is two characters stays.
        assert_eq!(fold("İ"), "I");
        assert_eq!(fold("ẞ"), "ß");
        assert_eq!(fold("3×4 ÷ 2"), "3×4 ÷ 2");
        assert!(matches!(fold("plain ascii"), Cow::Borrowed(_)));
        assert!(matches!(fold("读博士"), Cow::Borrowed(_)));
    }

    #[test]
    fn full_width_letters_digits_and_signs_fold_to_ascii() {
        assert_eq!(
            fold("Ｆｕｌｌｗｉｄｔｈ Ｔｉｔｌｅ：全角 ２０２４"),
            "Fullwidth Title:全角 2024"
        );
        // The ideographic space and full-width brackets outside the block stay.
        assert_eq!(fold("\u{3000}｟"), "\u{3000}｟");
    }

    #[test]
    fn a_folded_text_has_as_many_characters_as_the_text() {
        for s in [
            "Zürich",
            "Łódź ẞ ǅ İstanbul",
            "naïve café résumé",
            "ÀÁÂÃÄÅ",
            "Ｆｕｌｌ：２",
        ] {
            assert_eq!(fold(s).chars().count(), s.chars().count(), "{s}");
        }
    }
}
