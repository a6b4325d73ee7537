//! Pairing quotation marks into quoted spans.
//!
//! Straight marks do not say whether they open or close, so each mark is read from its
//! neighbours: a mark after a space and before a word opens, one after a word and before a space
//! or punctuation closes, and one with spaces (or words) on both sides does whichever the
//! pairing needs. News style opens every paragraph of a long quote with a mark and closes only
//! the last one; a mark that opens while a quote is open, at the start of a sentence or of a
//! paragraph, continues that quote (scraped texts often lost the paragraph breaks, which leaves
//! `said: "A. "B. "C."` in one paragraph: one quote). A quote still open when a paragraph ends
//! without the next one continuing it had lost its closing mark and is dropped.
//!
//! Single marks (`'…'`, `‘…’`) are quotation marks only outside double quotes, opening before a
//! word and closing after one within a few words of the same line; everywhere else they are
//! apostrophes.

use crate::tag::tokenize::Token;

/// A quoted span: the tokens of its opening and closing marks and the byte span between them,
/// without the surrounding spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quoted {
    pub open: usize,
    pub close: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

/// Longest single-quoted span, in tokens.
const SINGLE_QUOTE_TOKENS: usize = 40;

fn is_double_mark(word: &str) -> bool {
    matches!(word, "\"" | "“" | "”" | "„" | "«" | "»" | "‟")
}

fn is_single_mark(word: &str) -> bool {
    matches!(word, "'" | "‘" | "’")
}

/// Whether a mark may open or close, from the characters beside it.
fn role(text: &str, token: &Token) -> Role {
    let mark = &text[token.start..token.end];
    match mark {
        "“" | "„" | "«" | "‘" | "‟" => return Role::Open,
        "”" | "»" => return Role::Close,
        _ => {}
    }
    let before = text[..token.start].chars().next_back();
    let after = text[token.end..].chars().next();
    let space_before =
        before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–'));
    let space_after = after.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']')
    });
    match (space_before, space_after) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Either,
    }
}

/// Whether the mark at `i` stands where a sentence starts: at the start of the text, after a
/// line break, or after sentence-final punctuation (a continuation of an open quote).
fn starts_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let gap = &text[tokens[i - 1].end..tokens[i].start];
    let previous = &text[tokens[i - 1].start..tokens[i - 1].end];
    gap.contains('\n') || matches!(previous, "." | "!" | "?" | "…" | "...")
}

/// The quoted spans of a text, in order; they never overlap.
pub(crate) fn pair_quotation_marks(text: &str, tokens: &[Token]) -> Vec<Quoted> {
    let word = |i: usize| &text[tokens[i].start..tokens[i].end];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    for i in 0..tokens.len() {
        let line_break = i > 0 && text[tokens[i - 1].end..tokens[i].start].contains('\n');
        let mark = is_double_mark(word(i));
        let role = mark.then(|| role(text, &tokens[i]));
        if line_break && open.is_some() {
            if mark && role != Some(Role::Close) {
                continue; // the next paragraph of the same quote
            }
            open = None;
        }
        let Some(role) = role else { continue };
        match (open, role) {
            (None, Role::Close) => {} // a stray closing mark
            (None, _) => open = Some(i),
            (Some(o), Role::Close | Role::Either) => {
                pairs.push((o, i));
                open = None;
            }
            (Some(_), Role::Open) => {
                if !starts_sentence(text, tokens, i) {
                    open = Some(i); // the earlier mark never closed
                }
            }
        }
    }
    pairs.extend(single_pairs(text, tokens, &pairs));
    pairs.sort_unstable();
    pairs
        .into_iter()
        .filter_map(|(open, close)| quoted(text, tokens, open, close))
        .collect()
}

/// Pairs of single marks outside the double-quoted spans `double`.
fn single_pairs(text: &str, tokens: &[Token], double: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let word = |i: usize| &text[tokens[i].start..tokens[i].end];
    let inside = |i: usize| double.iter().any(|&(o, c)| o <= i && i <= c);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let opens = is_single_mark(word(i))
            && word(i) != "’"
            && !inside(i)
            && role(text, &tokens[i]) == Role::Open;
        if !opens {
            i += 1;
            continue;
        }
        let last = (i + SINGLE_QUOTE_TOKENS).min(tokens.len() - 1);
        let close = (i + 2..=last)
            .take_while(|&j| {
                !text[tokens[j - 1].end..tokens[j].start].contains('\n') && !is_double_mark(word(j))
            })
            .find(|&j| {
                is_single_mark(word(j))
                    && word(j) != "‘"
                    && role(text, &tokens[j]) == Role::Close
                    && !text[..tokens[j].start].ends_with(['s', 'S']) // a plural possessive
            });
        match close {
            Some(j) => {
                out.push((i, j));
                i = j + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// The span between the marks at `open` and `close`, without surrounding spaces; `None` when
/// nothing is between them.
fn quoted(text: &str, tokens: &[Token], open: usize, close: usize) -> Option<Quoted> {
    let inner = &text[tokens[open].end..tokens[close].start];
    let start = tokens[open].end + (inner.len() - inner.trim_start().len());
    let end = tokens[close].start - (inner.len() - inner.trim_end().len());
    (start < end).then_some(Quoted {
        open,
        close,
        start,
        end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::tokenize::tokenize;

    fn spans(text: &str) -> Vec<&str> {
        pair_quotation_marks(text, &tokenize(text))
            .iter()
            .map(|q| &text[q.start..q.end])
            .collect()
    }

    #[test]
    fn straight_and_curly_pairs() {
        assert_eq!(
            spans("\"We won,\" he said. \"Again.\" Putin said “it will continue”."),
            ["We won,", "Again.", "it will continue"]
        );
        // A stray closing mark after a pair is left alone.
        assert_eq!(
            spans("sending “military advisers” and volunteers” to fight"),
            ["military advisers"]
        );
    }

    #[test]
    fn flattened_multi_paragraph_quote_is_one_span() {
        assert_eq!(
            spans("He said: \"First part. \"Second part. \"Third.\" Then he left."),
            ["First part. \"Second part. \"Third."]
        );
        assert_eq!(
            spans("\"A problem.\" \"Consumer spending is high. \"But not for long.\""),
            [
                "A problem.",
                "Consumer spending is high. \"But not for long."
            ]
        );
    }

    #[test]
    fn quotes_across_paragraphs() {
        assert_eq!(
            spans("He said: \"One paragraph.\n\n\"Another one.\"\n\nDone."),
            ["One paragraph.\n\n\"Another one."]
        );
        // An unclosed quote is dropped at the paragraph end.
        assert_eq!(
            spans("He said: \"Unclosed.\n\nNew \"quoted\" text."),
            ["quoted"]
        );
    }

    #[test]
    fn spaces_inside_marks() {
        assert_eq!(
            spans("could be \" very important \". It said: \"Sorry, everything. \" The end"),
            ["very important", "Sorry, everything."]
        );
    }

    #[test]
    fn single_marks_versus_apostrophes() {
        assert_eq!(
            spans("The plot is 'laughable', he said. Meadows' film isn't 'bad'"),
            ["laughable", "bad"]
        );
        assert_eq!(
            spans("\"A big question: 'If we build it will they come?'\" she said."),
            ["A big question: 'If we build it will they come?'"]
        );
        assert_eq!(
            spans("Row over ‘police’ power, Iran’s ‘victory’"),
            ["police", "victory"]
        );
    }
}
