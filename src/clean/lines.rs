//! Lines to paragraphs: detect hard-wrapped text from the distribution of line lengths and
//! rejoin it, keeping real breaks (blank lines, list items, bylines, dates, headings).
//!
//! A scraped page is either *unwrapped* (one paragraph per line: every non-blank line is a
//! paragraph) or *hard-wrapped* at some width W (most full-width lines end mid-sentence). In
//! wrapped text, a line ending a sentence well short of W ends its paragraph, and a short line
//! after a paragraph end that runs into a full line is a *dangling* paragraph start (the first
//! word(s) of the next paragraph left on their own line, as some scrapers emit).

use std::cell::OnceCell;

use super::chars::seam_makes_mojibake;
use super::fields::bylines::is_byline;
use super::fields::credits::credits_of;
use super::fields::dates::is_date_line;
use super::options::LineOptions;
use super::shape::features::{features, CLOSING_QUOTES, OPENING_QUOTES};
use super::shape::sentence::{ends_on_function_word, ends_sentence, function_word, is_list_item};
use super::shape::tables::{figures_row, row_like};
use crate::text::paragraphs::lines;

/// A piece of a paragraph: a trimmed line range of the working text, and whether a space
/// joins it to the piece before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub space_before: bool,
}

/// One line of the working text, as [`lines`] reads it: its trimmed content `start..end`.
#[derive(Debug, Clone)]
struct Line<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    chars: usize,
    /// Leading spaces and tabs: typewriter-style text indents the first line of a paragraph.
    indent: usize,
    /// Spaces stood after the content in the original: a converter broke the line where an
    /// inline element (a link, a bold word) began.
    trailing_space: bool,
    /// Whitespace only.
    blank: bool,
    /// Whether the line is a field of its own ([`standalone`]), once asked.
    standalone: OnceCell<bool>,
    /// Whether the line is a row of figures ([`figures`]), once asked.
    figures: OnceCell<bool>,
    /// Whether the line ends a sentence ([`ends`]), once asked.
    ends: OnceCell<bool>,
    /// Whether the line is a list item ([`list_item`]), once asked.
    list_item: OnceCell<bool>,
}

/// Whether the line ends a sentence: asked of each line by the width's estimate and by the
/// joins of both lines around it, so the answer is kept.
fn ends(line: &Line) -> bool {
    *line.ends.get_or_init(|| ends_sentence(line.text))
}

/// Whether the line is an item of a list, kept as [`ends`] is.
fn list_item(line: &Line) -> bool {
    *line.list_item.get_or_init(|| is_list_item(line.text))
}

/// A row of a table of figures: asked of a line by the width's estimate and by the joins.
fn figures(line: &Line) -> bool {
    *line.figures.get_or_init(|| figures_row(line.text))
}

/// A byline, a date line or a credit: a line of its own, never joined to its neighbours.
/// Each line is asked about as the upper and the lower of two lines: the answer is kept.
fn standalone(line: &Line) -> bool {
    *line.standalone.get_or_init(|| {
        is_byline(line.text) || is_date_line(line.text) || credits_of(line.text).is_some()
    })
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    // Sized once: a wire story has a line every sixty-odd bytes, and a line is large to move.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    out.extend(lines(text).map(|line| {
        let content = line.content(text);
        Line {
            start: line.content_start,
            end: line.content_end,
            indent: line.content_start - line.start,
            trailing_space: line.content_end < line.end,
            text: content,
            chars: if content.is_ascii() {
                content.len()
            } else {
                content.chars().count()
            },
            blank: line.is_blank(),
            standalone: OnceCell::new(),
            figures: OnceCell::new(),
            ends: OnceCell::new(),
            list_item: OnceCell::new(),
        }
    }));
    out
}

/// The wrap width W when the text is hard-wrapped.
fn wrap_width(lines: &[Line], options: &LineOptions) -> Option<Wrapped> {
    let mut lengths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.blank && !figures(l))
        .map(|l| l.chars)
        .collect();
    if lengths.len() < 2 || lines.iter().filter(|l| !l.blank).count() < 4 {
        return None;
    }
    lengths.sort_unstable();
    // A short text has too few lines for a robust percentile: its longest line is the width.
    let width = if lengths.len() < 10 {
        lengths[lengths.len() - 1]
    } else {
        lengths[(lengths.len() - 1) * 9 / 10]
    };
    if width < options.min_wrap_width || width > options.max_wrap_width {
        return None;
    }
    let open_full = lines
        .iter()
        .filter(|l| {
            l.chars * 10 >= width * 7
                && l.chars <= width + width / 10 + 2
                && !ends(l)
                && !list_item(l)
                && !figures(l)
        })
        .count();
    // A line that stops mid-sentence and runs on in the next line (in lower case, with a
    // figure, after a function word) is wrapped whatever its length: short wire stories have
    // too few full lines to show the width.
    let runs_on = lines
        .windows(2)
        .filter(|pair| {
            let (a, b) = (&pair[0], &pair[1]);
            a.chars * 10 >= width * 3
                && a.chars <= width + width / 10 + 2
                && !ends(a)
                && !a.text.ends_with(':')
                && !list_item(a)
                && !b.blank
                && !list_item(b)
                && runs_on_plainly(a, b)
        })
        .count();
    // An indented paragraph start wrapping into a flush line is typewriter copy's sign.
    let indented = lines
        .windows(2)
        .filter(|pair| indented_wrap(&pair[0], &pair[1], width))
        .count();
    let evidence = open_full + runs_on + indented;
    let nonblank = lengths.len();
    // A short item (a two-sentence wire story) has room for two signs at most.
    let enough = evidence >= 3 || (evidence >= 2 && runs_on + indented >= 1 && nonblank <= 6);
    (enough && evidence as f64 >= options.min_wrapped_fraction * nonblank as f64).then_some(
        Wrapped {
            width,
            flush_wrap: indented > 0,
        },
    )
}

/// Splits the working text into paragraphs (lists of pieces), rejoining hard-wrapped lines.
pub fn paragraphs(text: &str, options: &LineOptions) -> Vec<Vec<Piece>> {
    paragraphs_in_original(text, options, |_, _| None)
}

/// The spaces around a line's content in the original text, which character repair trims
/// away: the indentation, and whether spaces followed the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OriginalSpaces {
    pub indent: usize,
    pub trailing: bool,
}

/// [`paragraphs`], where `original(start, end)` gives the spaces around the content
/// `start..end` of a working-text line in the original.
pub fn paragraphs_in_original(
    text: &str,
    options: &LineOptions,
    original: impl Fn(usize, usize) -> Option<OriginalSpaces>,
) -> Vec<Vec<Piece>> {
    let mut lines = split_lines(text);
    for line in lines.iter_mut().filter(|l| !l.blank) {
        if let Some(spaces) = original(line.start, line.end) {
            line.indent = spaces.indent;
            line.trailing_space = spaces.trailing;
        }
    }
    let wrapped = if options.unwrap {
        wrap_width(&lines, options)
    } else {
        None
    };
    let Some(wrapped) = wrapped else {
        return one_paragraph_per_line(&lines, options.unwrap);
    };
    // At most a paragraph a line: sized once, not grown (and moved) paragraph by paragraph.
    let mut out: Vec<Vec<Piece>> = Vec::with_capacity(lines.len());
    // The paragraph being built, reused from block to block: each paragraph is then copied
    // out at its size once, not grown line by line.
    let mut current = Vec::new();
    let mut end = ParagraphEnd::default();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].blank {
            i += 1;
            continue;
        }
        // A block of consecutive non-blank lines.
        let mut block_end = i;
        while block_end < lines.len() && !lines[block_end].blank {
            block_end += 1;
        }
        wrapped.block_paragraphs(&lines[i..block_end], (&mut current, &mut end), &mut out);
        i = block_end;
    }
    out
}

/// Text that is not hard-wrapped: one paragraph per line, except for the pieces of a sentence
/// a page's converter broke at inline elements (with `rejoin`).
fn one_paragraph_per_line(lines: &[Line], rejoin: bool) -> Vec<Vec<Piece>> {
    let mut out: Vec<Vec<Piece>> = Vec::with_capacity(lines.len());
    let mut end = ParagraphEnd::default();
    for (k, line) in lines.iter().enumerate() {
        if line.blank {
            continue;
        }
        let piece = |space_before| Piece {
            start: line.start,
            end: line.end,
            space_before,
        };
        let joined = k > 0 && rejoin && inline_break(lines, k - 1, false);
        match out.last_mut() {
            Some(paragraph) if joined => paragraph.push(piece(end.push(line.text, false))),
            _ => {
                end.start(line.text);
                out.push(vec![piece(false)])
            }
        }
    }
    out
}

/// The last characters of the paragraph being built from lines: enough to hold a mojibake
/// sequence's lead byte, so that a line glued on without a space is checked across the seam.
#[derive(Default)]
struct ParagraphEnd(String);

impl ParagraphEnd {
    fn start(&mut self, line: &str) {
        self.0.clear();
        self.keep_end_of(line);
    }

    /// Adds `line` to the paragraph; returns whether a space goes before it. A line opening
    /// with closing punctuation goes on without one, unless that would write a mojibake
    /// sequence across the seam (which cleaning the output again would repair). `hyphenated`:
    /// the line before ended in a hyphen that joins a broken word.
    fn push(&mut self, line: &str, hyphenated: bool) -> bool {
        let glues = starts_with_closing_mark(line) && !seam_makes_mojibake(&self.0, line);
        let space = !hyphenated && !glues;
        if space {
            self.0.push(' ');
        }
        self.keep_end_of(line);
        space
    }

    fn keep_end_of(&mut self, text: &str) {
        // A line of four characters or more holds the whole end.
        if let Some((from, _)) = text.char_indices().rev().nth(3) {
            self.0.clear();
            self.0.push_str(&text[from..]);
            return;
        }
        self.0.push_str(text);
        let keep_from = self.0.char_indices().rev().nth(3).map_or(0, |(i, _)| i);
        self.0.drain(..keep_from);
    }
}

/// Punctuation that closes or continues a sentence and never opens one.
fn starts_with_closing_mark(text: &str) -> bool {
    text.starts_with([
        ',', '.', ';', ':', ')', ']', '”', '’', '»', '%', '!', '?', '…',
    ])
}

/// Whether `text` ends on a quotation mark it opens after a space ("In ihrem Buch „"): a
/// page's converter broke the line before the title it quotes, set in italics.
fn ends_opening_quote(text: &str) -> bool {
    let mut end = text.trim_end().chars().rev();
    let Some(mark) = end.next().filter(|c| OPENING_QUOTES.contains(c)) else {
        return false;
    };
    if !end.next().is_some_and(char::is_whitespace) {
        return false;
    }
    // A mark after a sentence's end closes its quotation ("the Paris accords... "" ends a
    // wire paragraph), as does a straight mark that pairs one before it on the line.
    let after_sentence = end
        .find(|c| !c.is_whitespace() && !CLOSING_QUOTES.contains(c) && !matches!(c, '\'' | '’'))
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'));
    let pairs_one = mark == '"' && text.matches('"').count() % 2 == 0;
    !after_sentence && !pairs_one
}

/// Whether `text` opens on a quotation mark that closes the quotation of the line before, its
/// sentence going on after it with punctuation or in lower case ("“, schreibt Susan Sontag",
/// "\" analysiert Howard Zehr").
fn starts_closing_quote(text: &str) -> bool {
    let mut chars = text.chars();
    if !chars.next().is_some_and(|c| CLOSING_QUOTES.contains(&c)) {
        return false;
    }
    match chars.next() {
        Some(c) if c.is_whitespace() => chars
            .find(|c| !c.is_whitespace())
            .is_some_and(char::is_lowercase),
        Some(c) => matches!(c, ',' | '.' | ';' | ':' | ')' | '!' | '?'),
        None => false,
    }
}

/// Whether the break after line `k` (both it and the next line not blank) is where a page's
/// converter broke a sentence at an inline element (a link, a bold word, a quoted title): the
/// next line goes on with the sentence's punctuation, the line opens a quotation the next one
/// holds or the next one closes it, or (in text that is not hard-wrapped, where a line ends
/// where its paragraph ends) in lower case or after the space that stood before the element
/// ("offers \nApple's 12-inch MacBook for \n$700\n. Free shipping"). A byline or date line
/// stays on its own line unless the sentence goes on after it ("was in \nSeptember 2008\n.").
fn inline_break(lines: &[Line], k: usize, wrapped: bool) -> bool {
    let (Some(a), Some(b)) = (lines.get(k), lines.get(k + 1)) else {
        return false;
    };
    if a.blank || b.blank || ends(a) || a.text.ends_with(':') || list_item(b) {
        return false;
    }
    // A quoted title set apart: the line before opens the quotation after words of its
    // sentence (not a widget's lone mark before a reader's comment), the line after closes it.
    let opens_quote = ends_opening_quote(a.text) && a.text.chars().any(char::is_alphabetic);
    if starts_with_closing_mark(b.text) || opens_quote || starts_closing_quote(b.text) {
        return true;
    }
    let goes_on = |l: &Line| {
        !l.blank
            && (starts_with_closing_mark(l.text)
                || l.text.chars().next().is_some_and(char::is_lowercase))
    };
    let embedded = a.trailing_space && lines.get(k + 2).is_some_and(goes_on);
    if embedded {
        return true;
    }
    !wrapped
        && !standalone(a)
        && !standalone(b)
        && (a.trailing_space || b.text.chars().next().is_some_and(char::is_lowercase))
}

/// Whether line `a` of wrapped text, which stops short of a sentence's end, leaves its sentence
/// for the next line `b` although `b` starts with a capital (a wire story's lead, shortened by
/// the dateline taken off it): `b` goes on in lower case or with a figure ("Leisure and
/// Technology Inc is raising / 40 mln dlrs"), `a` stops at a function word ("An investor group
/// headed by"), or `b` opens with a word no sentence opens with, as a name or a noun phrase runs
/// across the break ("Federal Reserve Board member Robert / Heller said", "The Senate overrode
/// President / Reagan's veto"). A headline ends on a word of its own, and the lead after it
/// opens a new sentence with a function word ("Iran and Russia agree to step up ties / The
/// presidents of Iran"). Rows of a table never run on.
fn runs_on(a: &str, b: &str) -> bool {
    let Some(first) = b.split_whitespace().next() else {
        return false;
    };
    let opening = first.chars().next();
    if opening.is_some_and(char::is_lowercase) {
        return true;
    }
    // A row ends no sentence; a line stopping on a function word has not ended its own.
    if figures_row(a) {
        return false;
    }
    if ends_on_function_word(a) {
        return true;
    }
    // A row after it starts a table; a line shaped like one that ends a sentence, or stops
    // on a function word, is the rest of the lead's ("Canadian dlr eurobond due April 9, 1992
    // paying 8-3/4 pct and").
    if row_like(b) && !ends_sentence(b) && !ends_on_function_word(b) {
        return false;
    }
    opening.is_some_and(|c| c.is_ascii_digit() || c == '<' || c == '(')
        || (opening.is_some_and(char::is_uppercase) && !function_word(first))
}

/// Line `a` plainly leaves its sentence for line `b`: `b` goes on in lower case or with a
/// figure, or `a` stops on a function word ("Diamond Shamrock Corp said it set March / 26 as
/// the record date", "Talks on coffee export quotas at the / International Coffee
/// Organization"). The signs of wrapped text in a story too short to show its width by its
/// full lines. Rows of figures never run on.
fn runs_on_plainly(a: &Line, b: &Line) -> bool {
    let (Some(opening), Some(last)) =
        (b.text.chars().next(), a.text.split_whitespace().next_back())
    else {
        return false;
    };
    opening.is_lowercase()
        || (!figures(a) && !figures(b) && (opening.is_ascii_digit() || function_word(last)))
}

/// A line of typewriter copy wrapping into the next (wire stories indent each paragraph's
/// first line and set the lines it wraps into flush left): `a` is indented, fills most of the
/// `width` and leaves its sentence open (or `b` goes on in lower case), and `b` stands flush
/// ("    Henske, 63, will continue as chairman until he retires in / June 1988, Olin said.").
fn indented_wrap(a: &Line, b: &Line, width: usize) -> bool {
    (2..=8).contains(&a.indent)
        && a.chars * 10 >= width * 6
        && !a.blank
        && !b.blank
        && b.indent == 0
        && (!ends(a) || b.text.chars().next().is_some_and(char::is_lowercase))
        && !a.text.ends_with(':')
        && !list_item(a)
        && !list_item(b)
        && !(figures(a) && figures(b))
}

/// Whether flush line `b` goes on with the sentence line `a` left open, in copy that indents
/// its paragraphs: `a` ends no sentence (or `b` goes on in lower case after an abbreviation,
/// "the U.S. / and will employ") and introduces nothing with a colon; two rows of figures
/// stay apart unless `a` stops on a function word or `b` ends the sentence ("... over the
/// off-the-run 9-1/4 pct / Treasury bonds of 2016.").
fn runs_on_flush(a: &Line, b: &Line) -> bool {
    let lower = b.text.chars().next().is_some_and(char::is_lowercase);
    (!ends(a) || lower)
        && !a.text.ends_with(':')
        && (!(figures(a) && figures(b)) || lower || ends_on_function_word(a.text) || ends(b))
}

/// Text hard-wrapped at `width` characters, and the decisions that depend on the width.
struct Wrapped {
    width: usize,
    /// Typewriter copy that opens its paragraphs indented: some line wraps from an indented
    /// line into a flush one ([`indented_wrap`]). Tables there are indented too, by a space or
    /// more, so a flush line under a line that leaves its sentence open goes on with it.
    flush_wrap: bool,
}

impl Wrapped {
    /// Fills most of the width.
    fn full(&self, l: &Line) -> bool {
        l.chars * 10 >= self.width * 6
    }

    /// Well beyond the wrap width: never wrapped, a paragraph of its own.
    fn overlong(&self, l: &Line) -> bool {
        l.chars > self.width + self.width / 7 + 2
    }

    /// Adds the paragraphs of a block of consecutive non-blank lines to `out`, building each
    /// in `current` (with the end of its text in `end`).
    fn block_paragraphs(
        &self,
        block: &[Line],
        (current, end): (&mut Vec<Piece>, &mut ParagraphEnd),
        out: &mut Vec<Vec<Piece>>,
    ) {
        current.clear();
        current.push(Piece {
            start: block[0].start,
            end: block[0].end,
            space_before: false,
        });
        let mut paragraph_start = true;
        end.start(block[0].text);
        for k in 0..block.len() - 1 {
            let (a, b) = (&block[k], &block[k + 1]);
            if self.joins(block, k, paragraph_start) {
                let hyphenated = a.text.ends_with('-')
                    && a.text[..a.text.len() - 1]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphabetic)
                    && b.text.chars().next().is_some_and(char::is_lowercase);
                current.push(Piece {
                    start: b.start,
                    end: b.end,
                    space_before: end.push(b.text, hyphenated),
                });
                paragraph_start = false;
            } else {
                out.push(current.to_vec());
                current.clear();
                end.start(b.text);
                current.push(Piece {
                    start: b.start,
                    end: b.end,
                    space_before: false,
                });
                paragraph_start = true;
            }
        }
        out.push(current.to_vec());
    }

    /// Whether line `k + 1` of the block goes on the paragraph of line `k` (`paragraph_start`:
    /// line `k` opens its paragraph).
    fn joins(&self, block: &[Line], k: usize, paragraph_start: bool) -> bool {
        if inline_break(block, k, true) {
            return true;
        }
        let (a, b) = (&block[k], &block[k + 1]);
        let w = self.width;
        // "- " after a full line that stops mid-sentence is a wrapped dash, not a list item.
        let item =
            list_item(b) && (list_item(a) || !(self.full(a) && !ends(a) && !a.text.ends_with(':')));
        if item || standalone(a) || standalone(b) || self.overlong(a) || self.overlong(b) {
            false
        } else if self.flush_wrap && (b.indent > 0 || runs_on_flush(a, b)) {
            // In copy that indents its paragraphs, an indented line opens a paragraph or a row
            // of a table, and a flush line goes on with the sentence the line above left open,
            // whatever its shape ("Reporting members of the National / Soybean Processors
            // Association (NSPA) crushed 21,782,929").
            b.indent == 0
        } else if ends(a) {
            // After a sentence end, a short unpunctuated line is a label or a new start.
            let short_label = !self.full(b) && !ends(b);
            // Had the next line continued this paragraph, its first word would have been
            // put on this line when it fitted.
            let first_word = b
                .text
                .split_whitespace()
                .next()
                .map_or(0, |word| word.chars().count());
            let would_fit = a.chars + 1 + first_word <= w;
            // An indented line starts a paragraph.
            a.chars * 10 >= w * 8
                && !short_label
                && !would_fit
                && b.indent <= a.indent
                && !self.dangler(block, k + 1, true)
        } else if self.full(a) {
            // Rows of a table stand on their own lines: a capitalised line after a row, or
            // a row after any line, is not the wrapped rest of a sentence.
            // A lead's first line names its subject without function words, like a row does,
            // but its sentence runs on ("Venezuelan Central Bank President Hernan / Anzola has").
            // A line stopping on a function word runs on into the figures after it ("General
            // Motors Corp said car sales for / February 21 through 28 were off 8.6 pct"); a row
            // stops on no function word ("Canadian dlr eurobond due June 4, 1992 paying 8-1/2
            // pct and").
            let row = row_like(a.text) && !runs_on(a.text, b.text);
            let table_after = figures(b)
                && !ends(b)
                && !ends_on_function_word(b.text)
                && !ends_on_function_word(a.text);
            !(b.text.chars().next().is_some_and(char::is_uppercase) && (row || table_after))
        } else {
            // A short first line that runs on into a full line ("Standard and Poor's Corp
            // said it / lowered its rating ...") opens the paragraph. A wire story's lead is
            // shortened by the dateline taken off it only where its text begins; under other
            // lines (labels, a menu) a short line is one of them, a headline before its lead
            // ("Qatar and Shell in $6bn gas deal / Shell has signed"), unless it runs on in
            // lower case.
            let under_other_lines = k > 0;
            let lower = b.text.chars().next().is_some_and(char::is_lowercase);
            self.dangler(block, k, paragraph_start)
                || (paragraph_start
                    && self.full(b)
                    && b.indent <= a.indent
                    && !a.text.ends_with(':')
                    && (features(a.text).ui_words == 0 || ends_on_function_word(a.text))
                    && (lower || (!under_other_lines && runs_on(a.text, b.text))))
        }
    }

    /// A dangling paragraph start at line `idx` of the block (`after_break`: a paragraph
    /// ended before it) runs on into the next line: that line continues in lower case ("The
    /// two / leaders discussed"), or the dangler is one capitalised word ("Ali / Shamkhani,
    /// secretary"). A short interface label is never one.
    fn dangler(&self, block: &[Line], idx: usize, after_break: bool) -> bool {
        let d = &block[idx];
        let Some(next) = block.get(idx + 1) else {
            return false;
        };
        if !(after_break && d.chars * 10 < self.width * 4 && self.full(next) && !list_item(next)) {
            return false;
        }
        let words = d.text.split_whitespace().count();
        if words > 4 || ends(d) || standalone(d) {
            return false;
        }
        let continues_lower = next.text.chars().next().is_some_and(char::is_lowercase);
        let one_name = words == 1
            && d.text
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase);
        continues_lower || (one_name && features(d.text).ui_words == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<String> {
        paragraphs(text, &LineOptions::default())
            .into_iter()
            .map(|pieces| {
                let mut s = String::new();
                for p in pieces {
                    if p.space_before {
                        s.push(' ');
                    }
                    s.push_str(&text[p.start..p.end]);
                }
                s
            })
            .collect()
    }

    #[test]
    fn one_paragraph_per_line_is_kept() {
        let text = "A first paragraph that is fairly long and ends here with a full stop, as usual in news articles today.\nA second one, also long enough to look like a real paragraph of an article, ends here.\nShort line\n\nAnother paragraph after a blank line, with enough words to be counted as body text.";
        assert_eq!(paras(text).len(), 4);
    }

    #[test]
    fn wrapped_text_with_dangling_paragraph_starts() {
        let text = "Russian President Vladimir Putin and his Iranian counterpart,\nHassan Rowhani, agreed in a telephone call to intensify bilateral\ncontacts at various levels, the Kremlin said on Monday.\nThe two\nleaders discussed the Syrian conflict and exchanged views on topical\nissues on their bilateral agenda, the Kremlin said in a statement.\nTheir\nphone call conversation came after Putin also spoke by phone with\nSyrian President Bashar al-Assad on Sunday, congratulating him on his\nforces retaking Palmyra, the Kremlin said.\nBy Agencies\nMonday, 28 March 2016\n- a list item that stays on its own line\nA last line that runs far beyond the wrap width of this text, so it was never wrapped at all.\n(With Reuters, AFP)";
        let got = paras(text);
        assert_eq!(got[0], "Russian President Vladimir Putin and his Iranian counterpart, Hassan Rowhani, agreed in a telephone call to intensify bilateral contacts at various levels, the Kremlin said on Monday.");
        assert!(
            got[1].starts_with("The two leaders discussed") && got[1].ends_with("in a statement.")
        );
        assert!(got[2].starts_with("Their phone call") && got[2].ends_with("the Kremlin said."));
        assert_eq!(
            &got[3..6],
            [
                "By Agencies",
                "Monday, 28 March 2016",
                "- a list item that stays on its own line"
            ]
        );
        assert_eq!(got.len(), 8);
        assert_eq!(got[7], "(With Reuters, AFP)");
    }

    #[test]
    fn labels_are_not_dangling_starts() {
        let text = "EMI\nsaid music sales for the year to March will fall 8-9% from the year\nbefore, with profits set to be 15% lower than analysts had expected.\nA strike on the Buenos Aires underground has caused traffic chaos and\nlarge queues at bus stops in the Argentine capital, officials said today.\nGet the app\nA strike on the Buenos Aires underground has caused traffic chaos and\nlarge queues at bus stops in the Argentine capital, and it goes on.\nAdvertisement\nWorkers walked out last week demanding a large pay rise and in protest\nagainst the installation of automatic ticket machines at the stations.";
        let got = paras(text);
        assert!(got.contains(&"Get the app".to_string()), "{got:?}");
        assert!(got.contains(&"Advertisement".to_string()), "{got:?}");
        assert!(got[0].starts_with("EMI said music sales"), "{got:?}");
    }

    #[test]
    fn a_headline_under_page_lines_is_not_its_leads_first_line() {
        let text = "Tweet\nYour email address will not be published.\nQatar and Shell in $6bn gas deal\nShell has signed a $6bn deal with the Middle Eastern sheikhdom of\nQatar to supply liquid natural gas to North America and Europe.\nThe UK-Dutch group will own 30% of the project, with Qatar's state\noil firm owning the rest of it, the companies said on Monday.";
        let got = paras(text);
        assert_eq!(got[2], "Qatar and Shell in $6bn gas deal", "{got:?}");
        assert!(got[3].starts_with("Shell has signed"), "{got:?}");
        // Where the text begins, the same shape is a wire lead shortened by its dateline:
        // see the Standard Oil test in clean/mod.rs.
    }

    /// Typewriter copy indents its paragraphs and sets their wrapped lines flush: a flush line
    /// goes on with the sentence the line above left open, whatever its shape (a lead
    /// shortened by its dateline running into a line shaped like a row, a line with figures
    /// running into a short end), and an indented line opens a paragraph or a row.
    #[test]
    fn typewriter_copy_joins_flush_lines_and_parts_indented_ones() {
        let text = "Reporting members of the Midwest\nOilseed Crushers Association (MOCA) processed 18,204,117\nbushels of soybeans in the week ended March 4, the group said.\n    It said the crush compared with 17,950,620 bushels in the\nprevious week and 15,402,000 bushels a year earlier.\n    The notes were priced at 99.40 to yield 95 basis points over 8-1/2 pct\nTreasury notes of 1997.\n    Year\n    Shr 1.12 dlrs vs 98 cts\n Reuter\n";
        let got = paras(text);
        assert!(
            got[0].starts_with("Reporting members of the Midwest Oilseed Crushers")
                && got[0].ends_with("the group said."),
            "{got:?}"
        );
        assert!(
            got[1].starts_with("It said the crush") && got[1].ends_with("a year earlier."),
            "{got:?}"
        );
        assert!(
            got[2].ends_with("over 8-1/2 pct Treasury notes of 1997."),
            "{got:?}"
        );
        assert_eq!(&got[3..5], ["Year", "Shr 1.12 dlrs vs 98 cts"], "{got:?}");
        // A short story whose only wrapped paragraph is indented shows its wrap by it.
        let short = "Harwell Tool Corp said Thomas R. Beck\nJr, 51, vice president of finance, will succeed\nDavid Ames as treasurer on May 1.\n    Ames, 64, will stay on as a director until he retires in\nJuly 1988, Harwell said.\n Reuter\n";
        let got = paras(short);
        assert!(
            got[0].starts_with("Harwell Tool Corp said Thomas R. Beck Jr, 51"),
            "{got:?}"
        );
        assert!(
            got[1].ends_with("until he retires in July 1988, Harwell said."),
            "{got:?}"
        );
    }

    /// A page's converter sets a quoted title in italics on a line of its own: the sentence
    /// runs on across it. The lines join with spaces: a straight mark next to a space opens a
    /// quotation as often as it closes one.
    #[test]
    fn a_quoted_title_on_its_own_line_stays_in_its_sentence() {
        let text = "Ist Fotografie ein Akt der Aggression? In ihrem Buch \"\nOn Photography\n\", schreibt Susan Sontag, es liege eine Aggression darin.\nIn seinem Buch \"\nContemplative Photography\n\" analysiert Howard Zehr unseren Sprachgebrauch.\nA new paragraph opens here.\n\"A quotation opens this line,\" she said.";
        let got = paras(text);
        assert_eq!(
            got,
            [
                "Ist Fotografie ein Akt der Aggression? In ihrem Buch \" On Photography \", schreibt Susan Sontag, es liege eine Aggression darin.",
                "In seinem Buch \" Contemplative Photography \" analysiert Howard Zehr unseren Sprachgebrauch.",
                "A new paragraph opens here.",
                "\"A quotation opens this line,\" she said.",
            ]
        );
    }

    /// In hard-wrapped wire copy, a quotation closed by a straight mark after a space ends its
    /// paragraph: the indented paragraph after it stays apart.
    #[test]
    fn a_quotation_closed_after_a_space_ends_its_paragraph() {
        let text = "The minister said the tools to watch the markets\nwere there. \"What is needed is the will to\nuse them more fully, in the spirit of the\naccords... \"\n    In other parts of his speech, the minister called on\ncountries with large surpluses to open their markets\nand to stimulate demand at home.";
        let got = paras(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].ends_with("accords... \""), "{got:?}");
        // A quote within a quote closed at the paragraph's end, as a tokenised corpus spaces it.
        let text = "He told me what the man said to him: 'Thank you, son. ' \"\nThe neighbours, who were at the meeting, said they backed him.";
        assert_eq!(paras(text).len(), 2, "{:?}", paras(text));
    }

    #[test]
    fn hyphenated_wrap() {
        let text = "This is a line of wrapped text that goes on and on until the well-\nknown edge of the column where the scraper wrapped it without any\ncare for words or the sentence that was still running along there\nand it finally ends.";
        assert_eq!(paras(text), ["This is a line of wrapped text that goes on and on until the well-known edge of the column where the scraper wrapped it without any care for words or the sentence that was still running along there and it finally ends."]);
    }
}
