//! Text from notes is untrusted: before any of it reaches a terminal it goes through [`sanitize`].

// Text is cut and indexed here with checked access only (`get`, `split_once`, patterns).
#![deny(clippy::indexing_slicing)]

use std::borrow::Cow;

/// `1234567` → `1,234,567`: a count in a message or on the screen.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Makes text safe to print: C0 control characters (escape, bell, backspace, carriage return, …) and DEL
/// become their visible Unicode control pictures (`␛`, `␇`, …), a tab becomes a space, and C1 controls,
/// bidirectional overrides and zero-width characters are removed. Characters whose width terminals
/// disagree on are written so that every terminal gives them the width the screen was laid out for: a
/// flag's regional indicators as their letters (`🇯🇵` → `JP`), and the variation selectors and the
/// keycap mark are left out (`1️⃣` → `1`, `❤️` → `❤`). Everything else is kept.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    // Printable ASCII needs no care (most text): read byte by byte, not character by character.
    if s.bytes().all(|b| (b' '..b'\x7f').contains(&b)) || !s.chars().any(needs_care) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push(' '),
            '\0'..='\x1f' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            '\x7f' => out.push('␡'),
            // A regional indicator: its letter, A to Z.
            '\u{1f1e6}'..='\u{1f1ff}' => {
                out.push(char::from_u32(c as u32 - 0x1f1e6 + u32::from(b'A')).unwrap_or('?'))
            }
            c if needs_care(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs_care(c: char) -> bool {
    matches!(c,
        '\0'..='\x1f' | '\x7f'..='\u{9f}'
        // bidi embeddings, overrides and isolates; marks
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
        // zero-width space, joiners, word joiner, BOM; line and paragraph separators
        | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{2028}' | '\u{2029}'
        // variation selectors, the combining keycap; regional indicators (flags)
        | '\u{fe00}'..='\u{fe0f}' | '\u{20e3}' | '\u{1f1e6}'..='\u{1f1ff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\x1b[31mred\x07"), "a␛[31mred␇");
        assert_eq!(sanitize("x\x1b]52;c;AAAA\x07"), "x␛]52;c;AAAA␇");
        assert_eq!(sanitize("cr\rlf\n"), "cr␍lf␊");
    }

    #[test]
    fn invisible_and_bidi_characters_are_removed() {
        assert_eq!(sanitize("ab\u{202e}cd\u{200b}e\u{9b}"), "abcde");
    }

    #[test]
    fn characters_terminals_disagree_on_are_written_plainly() {
        assert_eq!(sanitize("Flag 🇯🇵🇰🇷 and 1️⃣ ❤️ ok"), "Flag JPKR and 1 ❤ ok");
        // Each character left is as wide where ratatui lays it out as where a terminal draws it.
        use unicode_width::UnicodeWidthStr;
        assert_eq!(sanitize("🇯🇵1️⃣").width(), 3);
    }

    #[test]
    fn ordinary_text_is_borrowed() {
        assert!(matches!(sanitize("GreyHound 博士 😀"), Cow::Borrowed(_)));
    }
}
