//! Tokens with byte offsets, shaped like the training data (GMB/Penn style): possessive and
//! clitic endings split off ("Iran’s" → "Iran" "’s"), hyphenated words kept whole ("al-Assad",
//! "mid-2012"), abbreviations keep their period ("U.S.", "Mr.", "Nov."), numbers keep their
//! separators ("1,000.5"), and every other punctuation mark, curly quotes included, stands alone.
//! Sentence starts are marked: after `. ! ?` before a capital, digit or quote, at blank lines,
//! at a line break that ends a headline or chrome line (see [`line_break_ends_sentence`]), and
//! every [`MAX_SENTENCE`] tokens so no sentence grows without bound.

use crate::text::fold::is_apostrophe;
use crate::text::lexicon::{abbreviations, clitics};
use crate::text::paragraphs::lines;

/// One token: `text[start..end]`; `sentence_start` is true on the first token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub sentence_start: bool,
}

/// Longest sentence the tagger sees; longer runs (tables, lists) are cut.
pub const MAX_SENTENCE: usize = 150;

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Length in bytes of the clitic that starts at `i` (an apostrophe), if the apostrophe is
/// followed by a clitic ending and then a non-alphanumeric char or the end.
fn clitic_len(text: &str, i: usize) -> Option<usize> {
    let apostrophe = char_at(text, i).filter(|&c| is_apostrophe(c))?;
    let rest = &text[i + apostrophe.len_utf8()..];
    let letters = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    let ending = &rest[..letters];
    if letters > 0 && clitics().contains_ignore_ascii_case(ending) {
        Some(apostrophe.len_utf8() + letters)
    } else {
        None
    }
}

fn alnum_run(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // ASCII letters and digits byte by byte (most words are all ASCII), others decoded.
        while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        }
        match char_at(text, i) {
            Some(c) if !c.is_ascii() && c.is_alphanumeric() => i += c.len_utf8(),
            _ => return i,
        }
    }
}

/// End of the word starting at `start` (an alphanumeric char).
fn scan_word(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    // Acronyms written with periods: "U.S.", "U.N.", "e.g.".
    let mut j = start;
    let mut letters = 0;
    while let Some(c) = char_at(text, j).filter(|c| c.is_alphabetic()) {
        if bytes.get(j + c.len_utf8()) != Some(&b'.') {
            break;
        }
        j += c.len_utf8() + 1;
        letters += 1;
    }
    if letters >= 2 {
        return j;
    }
    let mut end = alnum_run(text, start);
    while let Some(next) = char_at(text, end) {
        let after = end + next.len_utf8();
        let following = char_at(text, after);
        if is_hyphen(next) && following.is_some_and(|c| c.is_alphanumeric()) {
            end = alnum_run(text, after);
        } else if is_apostrophe(next) && following.is_some_and(|c| c.is_alphanumeric()) {
            if clitic_len(text, end).is_some() {
                break;
            }
            end = alnum_run(text, after); // O'Brien, D’Alema
        } else if matches!(next, '.' | ',' | ':' | '/')
            && following.is_some_and(|c| c.is_ascii_digit())
            && text[start..end]
                .bytes()
                .last()
                .is_some_and(|b| b.is_ascii_digit())
        {
            end = alnum_run(text, after); // 1,000.5  10:30  3/4
        } else if next == '.'
            && following.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            && text[start..end]
                .chars()
                .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '.')
        {
            end = alnum_run(text, after); // www.presstv.co.uk
        } else {
            break;
        }
    }
    if bytes.get(end) == Some(&b'.') {
        let word = &text[start..end];
        let mut chars = word.chars();
        let single_capital =
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
        let next_is_name = text[end + 1..]
            .trim_start_matches([' ', '\u{a0}'])
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase());
        if abbreviations().contains(word) || (single_capital && next_is_name) {
            end += 1;
        }
    }
    end
}

fn ends_sentence(token: &str) -> bool {
    matches!(token, "." | "!" | "?" | "…")
}

fn is_closing(token: &str) -> bool {
    matches!(token, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

fn opens_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '*' | '-' | '–' | '—'
        )
}

/// Lines longer than this (in bytes) mean the text is not hard-wrapped: one paragraph per line.
const UNWRAPPED_LINE: usize = 100;

/// Length in bytes of the longest line of `text`, trailing whitespace excluded.
fn longest_line(text: &str) -> usize {
    lines(text)
        .filter(|line| !line.is_blank())
        .map(|line| line.content_end - line.start)
        .max()
        .unwrap_or(0)
}

/// Whether a single line break before a token that may open a sentence ends the sentence: the
/// line before it lacks final punctuation (else the usual rule applies) and is a line of its
/// own, not a hard wrap: either the text keeps one paragraph per line (its longest line is
/// long), or this line is clearly shorter than the wrap width ("*AFP" then "AMMONNEWS", a
/// headline then its dateline).
fn line_break_ends_sentence(previous_line: &str, longest: usize) -> bool {
    let line = previous_line.trim();
    let last = line.chars().next_back();
    let unfinished =
        last.is_some_and(|c| c.is_alphanumeric() || matches!(c, '*' | ')' | ']' | '"' | '”'));
    // A lone capitalised word ("Ali" then "Shamkhani, secretary of...") is a paragraph's first
    // word cut off by the scraper, not a chrome line (those are in capitals or marked: "*AFP").
    let mut letters = line.chars();
    let lone_word = !line.contains(char::is_whitespace)
        && letters.next().is_some_and(char::is_uppercase)
        && letters.all(|c| c.is_lowercase() || c == '-' || is_apostrophe(c));
    unfinished && !lone_word && (longest > UNWRAPPED_LINE || line.len() * 10 < longest * 7)
}

/// Splits `text` into tokens with byte offsets and sentence starts.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    // Measured lazily: only texts with line breaks inside a sentence need it.
    let mut longest: Option<usize> = None;
    let mut i = 0;
    let mut newlines = 0usize;
    // Whether the sentence may end once a closing quote/bracket has passed.
    let mut pending_end = false;
    let mut sentence_len = 0usize;
    while let Some(c) = char_at(text, i) {
        // Between tokens: two line breaks start a sentence. A line holding only control or
        // zero-width characters counts as blank here (it shows as blank), unlike the blank
        // lines of `text::paragraphs`.
        if c.is_whitespace()
            || c.is_control()
            || matches!(c, '\u{200b}' | '\u{feff}' | '\u{200e}' | '\u{200f}')
        {
            if c == '\n' {
                newlines += 1;
            }
            i += c.len_utf8();
            continue;
        }
        let end = token_end(text, i, c, tokens.last().is_some_and(|t| t.end == i));
        let line_break = newlines == 1
            && !pending_end
            && opens_sentence(c)
            && tokens.last().is_some_and(|last| {
                let line_start = text[..last.end].rfind('\n').map_or(0, |k| k + 1);
                let longest = *longest.get_or_insert_with(|| longest_line(text));
                line_break_ends_sentence(&text[line_start..last.end], longest)
            });
        let sentence_start = tokens.is_empty()
            || newlines >= 2
            || line_break
            || sentence_len >= MAX_SENTENCE
            || (pending_end && opens_sentence(c));
        if sentence_start {
            sentence_len = 0;
        }
        let token_text = &text[i..end];
        pending_end = if ends_sentence(token_text) || token_text.starts_with("..") {
            true
        } else {
            pending_end && is_closing(token_text)
        };
        tokens.push(Token {
            start: i,
            end,
            sentence_start,
        });
        sentence_len += 1;
        newlines = 0;
        i = end;
    }
    tokens
}

/// Where the token starting with `c` at byte `i` ends; `attached` says the previous token ends
/// right there (a clitic such as "'s" then splits off).
fn token_end(text: &str, i: usize, c: char, attached: bool) -> usize {
    let decimal_start = c == '.'
        && char_at(text, i + 1).is_some_and(|d| d.is_ascii_digit())
        && text[..i]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
    if c.is_alphanumeric() {
        scan_word(text, i)
    } else if decimal_start {
        scan_word(text, i + 1) // ".556" in a standings table
    } else if let Some(len) = attached.then(|| clitic_len(text, i)).flatten() {
        i + len
    } else {
        let mut end = i + c.len_utf8();
        // Runs of one punctuation mark stay one token ("...", "--", "!!").
        if c.is_ascii_punctuation() {
            while char_at(text, end) == Some(c) {
                end += 1;
            }
        }
        end
    }
}

/// Ranges `[from, to)` of token indices, one per sentence.
pub fn sentences(tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    for (k, t) in tokens.iter().enumerate().skip(1) {
        if t.sentence_start {
            out.push((from, k));
            from = k;
        }
    }
    if from < tokens.len() {
        out.push((from, tokens.len()));
    }
    out
}

/// The texts of the tokens of `text`.
#[cfg(test)]
pub(crate) fn token_texts(text: &str) -> Vec<&str> {
    tokenize(text)
        .iter()
        .map(|t| &text[t.start..t.end])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::token_texts as words;
    use super::*;

    #[test]
    fn possessives_hyphens_quotes() {
        assert_eq!(
            words("Iran’s President said “victory” in al-Assad's mid-2012 talks."),
            [
                "Iran",
                "’s",
                "President",
                "said",
                "“",
                "victory",
                "”",
                "in",
                "al-Assad",
                "'s",
                "mid-2012",
                "talks",
                "."
            ]
        );
    }

    #[test]
    fn abbreviations_and_numbers() {
        assert_eq!(
            words("Mr. Bush met U.S. and U.N. envoys on Nov. 23, paying $1,000.50 at 10:30."),
            [
                "Mr.", "Bush", "met", "U.S.", "and", "U.N.", "envoys", "on", "Nov.", "23", ",",
                "paying", "$", "1,000.50", "at", "10:30", "."
            ]
        );
        assert_eq!(words("George W. Bush"), ["George", "W.", "Bush"]);
        assert_eq!(words("74 59 .556 end."), ["74", "59", ".556", "end", "."]);
        assert_eq!(words("O'Brien won’t go"), ["O'Brien", "won", "’t", "go"]);
        assert_eq!(
            words("see www.presstv.co.uk now"),
            ["see", "www.presstv.co.uk", "now"]
        );
    }

    #[test]
    fn sentence_starts() {
        let text = "He left. She stayed in the U.S. for a week.\n\nnew paragraph “Quote.” Then";
        let tokens = tokenize(text);
        let starts: Vec<&str> = tokens
            .iter()
            .filter(|t| t.sentence_start)
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(starts, ["He", "She", "new", "Then"]);
        assert_eq!(sentences(&tokens).len(), 4);
    }

    fn sentence_texts(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        sentences(&tokens)
            .iter()
            .map(|&(a, b)| text[tokens[a].start..tokens[b - 1].end].to_string())
            .collect()
    }

    #[test]
    fn chrome_and_headline_lines_end_sentences() {
        assert_eq!(sentence_texts("*AFP\nAMMONNEWS"), ["*AFP", "AMMONNEWS"]);
        assert_eq!(
            sentence_texts(
                "Iran says talks will go on\nTEHRAN (AFP) - Iran said on Monday it would go on."
            ),
            [
                "Iran says talks will go on",
                "TEHRAN (AFP) - Iran said on Monday it would go on."
            ]
        );
        // A paragraph per line: any line break without final punctuation is a boundary.
        let long = "Word ".repeat(30);
        let text = format!("Related stories\nBy John Smith\n{long}.");
        assert_eq!(sentence_texts(&text).len(), 3);
    }

    #[test]
    fn hard_wrapped_lines_stay_one_sentence() {
        let text = "The central bank said on Tuesday it would meet officials of the\n\
                    Bank of England and the Federal Reserve to discuss the dollar and\n\
                    Japanese interest rates before the end of the month, officials said.";
        assert_eq!(sentence_texts(text).len(), 1);
        // A short line ending in a comma continues the sentence.
        assert_eq!(sentence_texts("Tehran,\nIran said.").len(), 1);
        // Lowercase after a break continues it.
        assert_eq!(sentence_texts("Talks with\nofficials").len(), 1);
        // A paragraph's first word alone on a line, as some scrapers leave it.
        assert_eq!(
            sentence_texts("He left.\nAli\nShamkhani, secretary of the council, said so.").len(),
            2
        );
    }

    #[test]
    fn offsets_cover_non_space_chars() {
        let text = "Iran’s  “Asasd” — 日本 😀 e\u{301}\u{a0}x";
        for t in tokenize(text) {
            assert!(
                t.start < t.end && text.is_char_boundary(t.start) && text.is_char_boundary(t.end)
            );
        }
        let joined: String = words(text).concat();
        let expected: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect();
        assert_eq!(joined, expected);
        assert!(tokenize("").is_empty());
        assert!(tokenize(" \n\t ").is_empty());
    }
}
