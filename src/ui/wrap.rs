//! Styled text → lines that fit a width, measured in terminal cells (CJK and emoji count two), never cut
//! mid-character, with a hanging indent for bullets. A no-break space (U+00A0) joins words that must stay
//! on one line (`[p] Paper`). Every string passes through `sanitize` here.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use crate::text::sanitize;

pub fn width_of(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Wraps `pieces` (text with a style) to `width` cells. The first line starts with `first`, the others
/// with `rest` (both counted in the width).
pub fn wrap(
    pieces: &[(String, Style)],
    width: usize,
    first: Span<'static>,
    rest: Span<'static>,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut cur: Vec<Span<'static>> = vec![first.clone()];
    let mut used = width_of(&first.content);
    let indent_w = width_of(&rest.content);
    let width = width.max(indent_w + 1);
    // Tokens: words and single spaces. A word runs on across pieces (a key `[c]` and its label, a hit
    // highlighted inside a word): a line breaks at a space, never where the style changes. A word wider
    // than a line is split per char.
    let mut tokens: Vec<Token> = Vec::new();
    let mut word: Vec<(String, Style)> = Vec::new();
    let flush = |word: &mut Vec<(String, Style)>, tokens: &mut Vec<Token>| {
        if !word.is_empty() {
            tokens.push(Token::Word(std::mem::take(word)));
        }
    };
    for (text, style) in pieces {
        let clean = sanitize(text);
        for c in clean.chars() {
            if c == ' ' || c == '\n' {
                flush(&mut word, &mut tokens);
                tokens.push(Token::Space(*style));
            } else if c.width().unwrap_or(0) == 2 {
                // CJK: a line may break between any two wide characters.
                flush(&mut word, &mut tokens);
                tokens.push(Token::Word(vec![(c.to_string(), *style)]));
            } else {
                match word.last_mut() {
                    Some((w, st)) if st == style => w.push(c),
                    _ => word.push((c.to_string(), *style)),
                }
            }
        }
    }
    flush(&mut word, &mut tokens);
    let mut line_has_text = false;
    for tok in tokens {
        let parts = match tok {
            Token::Space(style) => {
                if line_has_text && used < width {
                    push(&mut cur, " ", style);
                    used += 1;
                }
                continue;
            }
            Token::Word(parts) => parts,
        };
        let w: usize = parts.iter().map(|(t, _)| width_of(t)).sum();
        if used + w > width && line_has_text {
            trim_end(&mut cur);
            lines.push(Line::from(std::mem::take(&mut cur)));
            cur.push(rest.clone());
            used = indent_w;
            line_has_text = false;
        }
        if used + w <= width {
            for (t, style) in &parts {
                push(&mut cur, t, *style);
            }
            used += w;
        } else {
            // Longer than a whole line: split by characters.
            for (t, style) in &parts {
                for c in t.chars() {
                    let cw = c.width().unwrap_or(0);
                    if used + cw > width && line_has_text {
                        lines.push(Line::from(std::mem::take(&mut cur)));
                        cur.push(rest.clone());
                        used = indent_w;
                    }
                    push(&mut cur, &c.to_string(), *style);
                    used += cw;
                    line_has_text = true;
                }
            }
        }
        line_has_text = true;
    }
    trim_end(&mut cur);
    lines.push(Line::from(cur));
    lines
}

/// A piece of text to lay out: a space, or a word (its parts in their styles) that stays on one line
/// when it fits.
enum Token {
    Space(Style),
    Word(Vec<(String, Style)>),
}

/// Adds text to the line; a no-break space (which kept words together while wrapping) is written as a
/// plain space, so what a person copies from the screen is ordinary text.
fn push(cur: &mut Vec<Span<'static>>, s: &str, style: Style) {
    let s = &s.replace('\u{a0}', " ");
    let n = cur.len();
    match cur.last_mut() {
        Some(last) if last.style == style && n > 1 => last.content.to_mut().push_str(s),
        _ => cur.push(Span::styled(s.to_string(), style)),
    }
}

fn trim_end(cur: &mut [Span<'static>]) {
    let n = cur.len();
    if let Some(last) = cur.last_mut() {
        if n > 1 {
            let t = last.content.trim_end().to_string();
            last.content = t.into();
        }
    }
}

/// Cuts `s` to at most `width` cells, ending with `…` when it was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if width_of(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Text with the characters at `positions` highlighted, cut to `width` cells.
pub fn highlighted(
    mark: Style,
    s: &str,
    positions: &[usize],
    width: usize,
    base: Style,
) -> Vec<Span<'static>> {
    let shown = truncate(&sanitize(s), width);
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_hl = false;
    for (i, c) in shown.chars().enumerate() {
        let hl = positions.contains(&i) && c != '…';
        if hl != run_hl && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_hl { base.patch(mark) } else { base },
            ));
        }
        run_hl = hl;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(
            run,
            if run_hl { base.patch(mark) } else { base },
        ));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn wraps_words_with_hanging_indent() {
        let l = wrap(
            &[("one two three four".into(), Style::new())],
            10,
            Span::raw("• "),
            Span::raw("  "),
        );
        assert_eq!(texts(&l), vec!["• one two", "  three", "  four"]);
    }

    #[test]
    fn a_word_in_several_styles_stays_whole() {
        // A link's key and its label (joined by no-break spaces), and a hit highlighted inside a word:
        // the line breaks at the space before them, not where the style changes.
        let key = Style::new().bold();
        let l = wrap(
            &[
                ("[p]".into(), key),
                ("\u{a0}Paper  ".into(), Style::new()),
                ("[c]".into(), key),
                ("\u{a0}Benchmark\u{a0}Suite".into(), Style::new()),
            ],
            20,
            Span::raw(""),
            Span::raw(""),
        );
        assert_eq!(texts(&l), vec!["[p] Paper", "[c] Benchmark Suite"]);
        assert_eq!(
            l[1].spans[1].style, key,
            "each part keeps its style (after the indent)"
        );
        let hit = Style::new().reversed();
        let l = wrap(
            &[
                ("slow stra".into(), Style::new()),
                ("ggler".into(), hit),
                ("s here".into(), Style::new()),
            ],
            12,
            Span::raw(""),
            Span::raw(""),
        );
        assert_eq!(texts(&l), vec!["slow", "stragglers", "here"]);
    }

    #[test]
    fn cjk_breaks_between_characters_and_counts_two_cells() {
        let l = wrap(
            &[("博士这五年总结".into(), Style::new())],
            6,
            Span::raw(""),
            Span::raw(""),
        );
        assert_eq!(texts(&l), vec!["博士这", "五年总", "结"]);
    }

    #[test]
    fn control_characters_never_pass() {
        let l = wrap(
            &[("a\x1b[31mb".into(), Style::new())],
            40,
            Span::raw(""),
            Span::raw(""),
        );
        assert_eq!(texts(&l), vec!["a␛[31mb"]);
    }

    #[test]
    fn truncation_respects_cell_width() {
        assert_eq!(truncate("GreyHound: Hunting", 10), "GreyHound…");
        assert_eq!(truncate("博士这五年", 5), "博士…");
        assert_eq!(truncate("short", 10), "short");
    }
}
