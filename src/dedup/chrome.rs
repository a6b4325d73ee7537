//! Page chrome left out of the shingles. A raw scraped page holds the site's navigation,
//! footers and notices beside its article; shingled with it, two articles of one site look alike
//! and a reprint in another site's chrome looks less like its original. Each paragraph (hard-wrapped
//! lines rejoined, as the cleaner reads them) is judged on its own text by the cleaner's shape
//! checks, so the decision needs no other document: the same text always gets the same shingles,
//! whatever the batch it comes in.
//!
//! Most of a text's words are in long paragraphs, and none of the shape checks reads the word
//! lists of a long paragraph of prose: such a paragraph ([`long_prose`]) is known to be body
//! from its length, a word of letters and its ending alone, and its words are not looked up.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::clean::lines::{paragraphs, Piece};
use crate::clean::options::{ChromeOptions, LineOptions};
use crate::clean::shape::classify::{classify, Class};
use crate::clean::shape::features::{features, separators, Features};
use crate::clean::shape::sentence::{ends_on_function_word, ends_sentence};
use crate::text::words::words;

/// A page whose body keeps fewer words than this is shingled whole: too little is left to stand
/// for it (a short item, a list, a page of headlines), and a short item's few shingles move its
/// similarity by large steps, so that leaving one line out could carry two templated briefs over
/// the containment bar.
const MIN_BODY_WORDS: usize = 25;

/// Chrome of fewer words than this is left in: a sign-off or a label or two ("Reuter") moves a
/// text's shingles by as little as a small edit, and leaving it out would only tip pairs of
/// templated briefs that sit at the containment bar.
const MIN_CHROME_WORDS: usize = 8;

/// Paragraphs without sentence punctuation of at most this many words are chrome (menu items,
/// section names, headlines of other articles); a headline of the page's own article goes with
/// them, on both sides of a comparison alike.
const MAX_LABEL_WORDS: usize = 8;

fn options() -> &'static (LineOptions, ChromeOptions) {
    static CELL: OnceLock<(LineOptions, ChromeOptions)> = OnceLock::new();
    CELL.get_or_init(|| (LineOptions::default(), ChromeOptions::default()))
}

/// A paragraph of figures without interface words ("Pay Nov 13", "Net 6,053,000 vs 5,803,000").
fn has_figures(f: &Features) -> bool {
    f.digit_words >= 1 && f.ui_words == 0 && !f.has_address && f.separators == 0
}

/// Whether a paragraph reads as page chrome, unless it is a row of a table. A short
/// unpunctuated paragraph that carries on a sentence (it starts in lower case, or follows a body
/// paragraph left open) is a piece of the body broken by a scraper, not a label; a row of
/// a table (figures beside another row of figures) is data that tells templated reports apart,
/// where a lone counter ("Read 428 times") is chrome.
fn is_chrome(f: &Features, terminal: bool, continues: bool, chrome: &ChromeOptions) -> bool {
    classify(f, chrome) == Class::Bad
        || (!continues && ((!terminal && f.words <= MAX_LABEL_WORDS) || f.addresses_reader()))
}

/// Ends a sentence (`terminal`: as its features say), also where a tokenised text sets the
/// closing quote apart ("listen . ''").
fn ends_a_sentence(terminal: bool, text: &str) -> bool {
    terminal || ends_sentence(text.trim_end_matches(['\'', '"', '”', '’', ' ']))
}

/// More words than this make a paragraph with a word of letters and no separators body text,
/// whatever its words: the shape checks look at the word lists of a paragraph of at most 40
/// words (one that speaks to the reader), and at labels, counters and capitals of at most 10.
const LONG_PROSE_WORDS: usize = 40;

/// A paragraph's features are counted on a sample of its first bytes when it is longer than
/// this (`shape::features`); a word that starts within the first [`SAMPLE_HEAD`] bytes, before
/// a space, is in the sample.
const SAMPLED_ABOVE: usize = 400;
const SAMPLE_HEAD: usize = 190;

/// Whether a paragraph is long prose: more than [`LONG_PROSE_WORDS`] words, a word that starts
/// with a letter and no separators, as its [`features`] count them (with `false`, the features
/// are counted). A text over [`SAMPLED_ABOVE`] bytes has at least one word more than spaces.
fn long_prose(text: &str) -> bool {
    let starts_with_letter = |word: &str| word.chars().next().is_some_and(char::is_alphabetic);
    // Prose has a space between words: a paragraph with fewer spaces is counted, not scanned
    // twice (counting is right for any paragraph).
    let spaces = memchr::memchr_iter(b' ', text.as_bytes()).count();
    if spaces < LONG_PROSE_WORDS {
        return false;
    }
    let long = if text.len() <= SAMPLED_ABOVE {
        let mut letters = false;
        let mut count = 0;
        for w in words(text) {
            count += 1;
            letters |= starts_with_letter(w.text(text));
            if count > LONG_PROSE_WORDS && letters {
                break;
            }
        }
        count > LONG_PROSE_WORDS && letters
    } else {
        let mut head = SAMPLE_HEAD;
        while !text.is_char_boundary(head) {
            head -= 1;
        }
        let head = &text[..head];
        let first_in_sample = words(head)
            .next()
            .is_some_and(|w| starts_with_letter(w.text(head)) && head[w.end..].contains(' '));
        first_in_sample
    };
    long && separators(text) == 0
}

/// What the chrome decision reads of a paragraph: its features, or for long prose (body
/// whatever its words) whether it ends a sentence or a colon.
enum Shape {
    Counted(Features),
    LongProse { terminal: bool, colon_end: bool },
}

impl Shape {
    fn of(text: &str) -> Shape {
        if long_prose(text) {
            let trimmed = text.trim_end();
            Shape::LongProse {
                terminal: ends_sentence(trimmed),
                colon_end: trimmed.ends_with(':'),
            }
        } else {
            Shape::Counted(features(text))
        }
    }
}

/// A paragraph's text: its line as it stands, or its lines joined as the cleaner joins them.
fn joined<'a>(text: &'a str, pieces: &[Piece]) -> Cow<'a, str> {
    if let [piece] = pieces {
        return Cow::Borrowed(&text[piece.start..piece.end]);
    }
    let mut joined = String::new();
    for piece in pieces {
        if piece.space_before {
            joined.push(' ');
        }
        joined.push_str(&text[piece.start..piece.end]);
    }
    Cow::Owned(joined)
}

/// Leaves its sentence open for the next paragraph to carry on: it ends unpunctuated and is
/// long prose or a row of figures (whose table goes on below it, "Year", "Nine mths"), or it
/// stops on a function word or a comma ("said on Tuesday that", "prices rose,"). A headline or
/// a teaser ends unpunctuated too, but on a word of its own, so the next line of a list of
/// links does not carry it on.
fn leaves_open(text: &str, ended: bool, long_or_figures: bool) -> bool {
    let trimmed = text.trim_end();
    !ended && (long_or_figures || trimmed.ends_with(',') || ends_on_function_word(trimmed))
}

/// Which paragraphs are kept, and the words kept and left out, judged one by one from their
/// shapes. A short paragraph that carries on a sentence (it starts in lower case, or follows a
/// kept paragraph left open) is a piece of the body broken by a scraper, not a label.
fn judge(paragraphs: &[(Cow<'_, str>, Shape)], chrome: &ChromeOptions) -> Vec<Verdict> {
    // Whether paragraph `i` is a row of figures; long prose is asked only beside a row.
    let figures = |i: usize| match paragraphs.get(i) {
        None => false,
        Some((_, Shape::Counted(f))) => has_figures(f),
        Some((joined, Shape::LongProse { .. })) => has_figures(&features(joined)),
    };
    let mut verdicts = Vec::with_capacity(paragraphs.len());
    let mut open = false;
    for (i, (joined, shape)) in paragraphs.iter().enumerate() {
        let f = match shape {
            Shape::LongProse {
                terminal,
                colon_end,
            } => {
                open = leaves_open(
                    joined,
                    ends_a_sentence(*terminal, joined) || *colon_end,
                    true,
                );
                // Long prose counts as its least number of words: kept words are only
                // compared with MIN_BODY_WORDS, which one paragraph of long prose passes.
                verdicts.push(Verdict::body(LONG_PROSE_WORDS + 1));
                continue;
            }
            Shape::Counted(f) => f,
        };
        let continues = open || !f.starts_upper;
        let terminal = ends_a_sentence(f.terminal, joined);
        let in_table = has_figures(f) && ((i > 0 && figures(i - 1)) || figures(i + 1));
        if !in_table && is_chrome(f, terminal, continues, chrome) {
            verdicts.push(Verdict::chrome(f.words));
            open = false;
            continue;
        }
        let long_or_figures = f.words > LONG_PROSE_WORDS || has_figures(f);
        open = leaves_open(joined, terminal || f.colon_end, long_or_figures);
        verdicts.push(Verdict {
            kept: true,
            words: f.words,
            teaser: !terminal && !f.colon_end && !in_table && f.words <= LONG_PROSE_WORDS,
        });
    }
    drop_teasers(&mut verdicts);
    verdicts
}

/// What [`judge`] makes of a paragraph.
#[derive(Debug, Clone, Copy)]
struct Verdict {
    kept: bool,
    words: usize,
    /// Kept, but unpunctuated and short of long prose: a teaser or a headline when chrome
    /// stands on both sides of it.
    teaser: bool,
}

impl Verdict {
    fn body(words: usize) -> Verdict {
        Verdict {
            kept: true,
            words,
            teaser: false,
        }
    }

    fn chrome(words: usize) -> Verdict {
        Verdict {
            kept: false,
            words,
            teaser: false,
        }
    }
}

/// An unpunctuated paragraph between two paragraphs of chrome is chrome too: the dek of a
/// teaser card, a headline too long for a label, in a list of links to other articles. Judged
/// on the verdicts as they stood, so a run of teasers does not eat into the body beside it.
fn drop_teasers(verdicts: &mut [Verdict]) {
    let sandwiched: Vec<usize> = (1..verdicts.len().saturating_sub(1))
        .filter(|&i| verdicts[i].teaser && !verdicts[i - 1].kept && !verdicts[i + 1].kept)
        .collect();
    for i in sandwiched {
        verdicts[i].kept = false;
    }
}

/// The text of the kept paragraphs, one per line, or `None` when too little is chrome or too
/// little body is left.
fn kept_text(
    paragraphs: &[(Cow<'_, str>, Shape)],
    verdicts: &[Verdict],
    len: usize,
) -> Option<String> {
    let words = |kept: bool| -> usize {
        verdicts
            .iter()
            .filter(|v| v.kept == kept)
            .map(|v| v.words)
            .sum()
    };
    if words(false) < MIN_CHROME_WORDS || words(true) < MIN_BODY_WORDS {
        return None;
    }
    let mut body = String::with_capacity(len);
    for ((joined, _), _) in paragraphs.iter().zip(verdicts).filter(|(_, v)| v.kept) {
        body.push_str(joined);
        body.push('\n');
    }
    Some(body)
}

/// The text whose shingles stand for `text`: its paragraphs without those that read as chrome,
/// one per line, or the whole text when too little is chrome or too little body is left.
pub fn body(text: &str) -> Cow<'_, str> {
    let (lines, chrome) = options();
    let paragraphs: Vec<(Cow<'_, str>, Shape)> = paragraphs(text, lines)
        .iter()
        .map(|pieces| {
            let joined = joined(text, pieces);
            let shape = Shape::of(&joined);
            (joined, shape)
        })
        .collect();
    let verdicts = judge(&paragraphs, chrome);
    match kept_text(&paragraphs, &verdicts, text.len()) {
        Some(body) => Cow::Owned(body),
        None => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str =
        "The central bank of Ruritania raised its main interest rate by half a point \
        on Tuesday, the third rise this year, and said inflation would stay above target.";
    const NAV: &str = "Home\nWorld\nBusiness\nMarkets\nSport\nVideo\nSign in\n\n";

    #[test]
    fn navigation_and_footers_are_left_out() {
        let page = format!(
            "Home\nWorld\nBusiness\nHOME | NEWS | WORLD\nSign in\n\n{WIRE}\n\nShare this article\nRead 428 times"
        );
        assert_eq!(body(&page), format!("{WIRE}\n"));
        // A text with nothing to leave out is borrowed as it is.
        assert!(matches!(body(WIRE), Cow::Borrowed(_)));
    }

    #[test]
    fn broken_sentences_and_tables_stay() {
        // Short unpunctuated pieces that carry on a sentence are body, not labels.
        let broken = format!("{NAV}{WIRE} Markets had\n\nexpected by most\n\na smaller move.");
        assert_eq!(
            body(&broken),
            format!("{WIRE} Markets had\nexpected by most\na smaller move.\n")
        );
        // Sentences whose closing quotes stand apart are not labels.
        let quoted = format!("{NAV}{WIRE}\n`` I tried not to listen . ''");
        assert_eq!(
            body(&quoted),
            format!("{WIRE}\n`` I tried not to listen . ''\n")
        );
        // Rows of figures tell two templated reports apart; a lone counter is chrome.
        let report =
            format!("{NAV}{WIRE}\n\nPay Nov 13\nRecord Oct 30\n\nShare this\nRead 12 times");
        assert_eq!(
            body(&report),
            format!("{WIRE}\nPay Nov 13\nRecord Oct 30\n")
        );
    }

    #[test]
    fn lists_of_teasers_are_left_out() {
        // Headlines of other articles, each over its dek: no dek carries on a sentence.
        let teasers = "Troops killed in crash\n\
            Officials dismiss a claim that the craft was downed by rebel fire\n\
            Bank raises rates\n\
            The third rise this year leaves borrowers paying the most in a decade\n\
            Trade talks resume";
        let page = format!("{NAV}{WIRE}\n\n{teasers}");
        assert_eq!(body(&page), format!("{WIRE}\n"));
        // A sentence left open on a function word is carried on by the next piece.
        let open = format!("{NAV}{WIRE} Markets had waited for\n\nMr Smith\n\nto speak.");
        assert_eq!(
            body(&open),
            format!("{WIRE} Markets had waited for\nMr Smith\nto speak.\n")
        );
    }

    /// [`body`] with every paragraph counted, none taken for long prose unread.
    fn counted_body(text: &str) -> Cow<'_, str> {
        let (lines, chrome) = options();
        let paragraphs: Vec<(Cow<'_, str>, Shape)> = paragraphs(text, lines)
            .iter()
            .map(|pieces| {
                let joined = joined(text, pieces);
                let f = features(&joined);
                (joined, Shape::Counted(f))
            })
            .collect();
        let verdicts = judge(&paragraphs, chrome);
        match kept_text(&paragraphs, &verdicts, text.len()) {
            Some(body) => Cow::Owned(body),
            None => Cow::Borrowed(text),
        }
    }

    /// Paragraphs of every shape the checks tell apart: prose of any length with interface
    /// words, words addressing the reader, figures, capitals, separators, addresses, labels,
    /// wrapped or not, ended or not.
    fn pages() -> Vec<String> {
        const WORDS: [&str; 21] = [
            "the", "bank", "said", "you", "our", "share", "comments", "Sign", "in", "13", "mln",
            "Home", "IRAN", "Tehran", "of", "2,500", "dlrs", "Read", "à", "l'été", "x-ray",
        ];
        // Separators and addresses, one word in 60.
        const RARE: [&str; 4] = ["|", "/", "www.bbc.co.uk", "»"];
        const ENDS: [&str; 7] = ["", ".", ":", " .''", "?\"", ",", " (Reuters)."];
        let mut state = 5u64;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        };
        (0..600)
            .map(|_| {
                let mut page = String::new();
                for _ in 0..1 + next(8) {
                    let length = [1, 3, 8, 20, 39, 41, 45, 80][next(8)];
                    let wrap = next(4) == 0;
                    for w in 0..length {
                        if w > 0 {
                            page.push(if wrap && w % 9 == 0 { '\n' } else { ' ' });
                        }
                        let word = if next(60) == 0 {
                            RARE[next(RARE.len())]
                        } else {
                            WORDS[next(WORDS.len())]
                        };
                        page.push_str(word);
                    }
                    page.push_str(ENDS[next(ENDS.len())]);
                    page.push_str(["\n", "\n\n"][next(2)]);
                }
                page
            })
            .collect()
    }

    #[test]
    fn long_prose_is_body_as_its_features_say() {
        let (_, chrome) = options();
        assert!(chrome.max_label_words < LONG_PROSE_WORDS);
        let mut long = 0;
        for page in pages() {
            for paragraph in page.split("\n\n").map(str::trim) {
                let f = features(paragraph);
                let Shape::LongProse {
                    terminal,
                    colon_end,
                } = Shape::of(paragraph)
                else {
                    continue;
                };
                long += 1;
                assert!(
                    f.words > LONG_PROSE_WORDS && f.alpha_words > 0,
                    "{paragraph:?}"
                );
                assert_eq!((terminal, colon_end), (f.terminal, f.colon_end));
                for continues in [false, true] {
                    for terminal in [false, true] {
                        assert!(!is_chrome(&f, terminal, continues, chrome), "{paragraph:?}");
                    }
                }
            }
        }
        assert!(long > 100, "{long}");
    }

    #[test]
    fn the_same_body_as_counting_every_paragraph() {
        let mut owned = 0;
        for page in pages() {
            let body = body(&page);
            assert_eq!(body, counted_body(&page), "{page:?}");
            owned += usize::from(matches!(body, Cow::Owned(_)));
        }
        assert!(owned > 50, "{owned}");
    }

    #[test]
    fn too_little_body_or_chrome_keeps_the_whole_text() {
        for text in [
            "Qtly div 13 cts vs 13 cts prior\nPay April 17\nRecord April 3.\n Reuter\n",
            "Home\nWorld\nBusiness",
            "",
        ] {
            assert_eq!(body(text), text);
        }
    }
}
