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
use std::ops::Range;
use std::sync::OnceLock;

use crate::clean::lines::{paragraphs, Piece};
use crate::clean::options::{ChromeOptions, LineOptions};
use crate::clean::shape::classify::{classify, Class};
use crate::clean::shape::features::{
    features, has_copyright_sign, interface_counts, separators, Features,
};
use crate::clean::shape::sentence::{ends_on_function_word, ends_sentence, is_list_item};
use crate::clean::shape::tables::{capitals_row, data_row, figures_block, table_rows};
use crate::text::lexicon::reader_address_words;
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

/// Figures whose table may go on below them: a row ("Pay Nov 13", "Net 6,053,000 vs
/// 5,803,000") or rows wrapped onto one paragraph longer than a row ("Shr profit 20 cts vs
/// profit five cts Net profit 2,273,000 vs profit 563,000 Rev 38.7 mln vs"), as the cleaner
/// reads them; not a headline with a figure ("Man arrested after 7 victims found").
fn has_figures(text: &str, f: &Features) -> bool {
    table_row(f) || (f.words > MAX_ROW_WORDS && figures_block(text, f))
}

/// The most words of a row of a table (`tables::data_row`).
const MAX_ROW_WORDS: usize = 20;

/// A row of a table of figures ("Pay Nov 13", "Net 6,053,000 vs 5,803,000", "TOLEDO 5 UND MAY
/// UP 1"), as the cleaner reads one: not a headline with a figure ("Man arrested after 7
/// victims found").
fn table_row(f: &Features) -> bool {
    data_row(f) || capitals_row(f)
}

/// Which paragraphs belong to a table, as the cleaner finds tables (`tables::table_rows`): rows
/// of figures that stand in columns or run on for three lines, not two lines with a figure
/// each ("5H ago" over "Four shootings in 20 minutes leave 1 dead"). Long prose and plain
/// sentences are no rows.
fn in_tables(paragraphs: &[(&str, Shape)]) -> Vec<bool> {
    let mut out = vec![false; paragraphs.len()];
    let mut run: Vec<(&str, &Features)> = Vec::new();
    let mut start = 0;
    while start < paragraphs.len() {
        run.clear();
        run.extend(
            paragraphs[start..]
                .iter()
                .map_while(|(joined, shape)| match shape {
                    Shape::Counted(f) => Some((*joined, f)),
                    // No row, label or sparser row: a table ends before it.
                    Shape::LongProse { .. } | Shape::Sentence(_) => None,
                }),
        );
        // A table holds two rows at least.
        if run.iter().filter(|(_, f)| table_row(f)).nth(1).is_some() {
            out[start..start + run.len()].copy_from_slice(&table_rows(&run));
        }
        start += run.len().max(1);
    }
    out
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

/// Whether the first bytes of a paragraph, those its features are counted on, hold a word
/// addressing the reader ("you", "our"): only then may a long paragraph be a site notice
/// (`Features::site_notice`).
/// Scanned as bytes, not as words (most long paragraphs are prose that does not): a run of
/// ASCII letters after a byte that is no ASCII letter or digit, looked up when it is short. Every
/// word the scanner finds is such a run or starts one, so no word addressing the reader is missed.
fn may_address_reader(text: &str) -> bool {
    // Features count the words of a paragraph of up to SAMPLED_ABOVE bytes, and those within
    // the first half of that of a longer one.
    let sampled = if text.len() <= SAMPLED_ABOVE {
        text.len()
    } else {
        SAMPLED_ABOVE / 2
    };
    let head = &text.as_bytes()[..sampled];
    let reader = reader_address_words();
    let mut i = 0;
    while i < head.len() {
        if !head[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let run = head[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let starts_word = i == 0 || !head[i - 1].is_ascii_digit();
        if starts_word && run <= reader.longest() {
            // A run of ASCII letters starts and ends on character boundaries.
            if reader.contains_ignore_ascii_case(&text[i..i + run]) {
                return true;
            }
        }
        i += run;
    }
    false
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
/// Asked of a paragraph with [`spaced_like_prose`] only.
fn long_prose(text: &str) -> bool {
    let starts_with_letter = |word: &str| word.chars().next().is_some_and(char::is_alphabetic);
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

/// Prose has a space between words: a paragraph with fewer spaces than [`LONG_PROSE_WORDS`]
/// is counted, not scanned twice (counting is right for any paragraph).
fn spaced_like_prose(text: &str) -> bool {
    memchr::memchr_iter(b' ', text.as_bytes()).count() >= LONG_PROSE_WORDS
}

/// What the chrome decision reads of a paragraph: its features, or for long prose (body
/// whatever its words) whether it ends a sentence or a colon.
enum Shape {
    Counted(Features),
    LongProse {
        terminal: bool,
        colon_end: bool,
    },
    /// A [`plain_sentence`], of this many words.
    Sentence(usize),
}

impl Shape {
    fn of(text: &str) -> Shape {
        // The byte scan for words addressing the reader before the word scan: a paragraph
        // with one is counted whatever its length.
        if spaced_like_prose(text) && !may_address_reader(text) && long_prose(text) {
            let trimmed = text.trim_end();
            Shape::LongProse {
                terminal: ends_sentence(trimmed),
                colon_end: trimmed.ends_with(':'),
            }
        } else if let Some(words) = plain_sentence(text) {
            Shape::Sentence(words)
        } else {
            Shape::Counted(features(text))
        }
    }
}

/// The words of a paragraph that is body and no row of a table whatever stands around it, as its
/// [`features`] count them: it ends a sentence, holds a word of letters and more words than a
/// label, no separator, no interface word and no copyright sign (so the site does not speak in
/// it, to the reader or otherwise: `Features::site_notice`), and no figure or more words than a
/// row of a table. Its other features are not counted.
fn plain_sentence(text: &str) -> Option<usize> {
    if !ends_sentence(text.trim_end()) || separators(text) != 0 || has_copyright_sign(text) {
        return None;
    }
    let f = interface_counts(text);
    let plain = f.words > MAX_LABEL_WORDS
        && f.alpha_words >= 1
        && f.ui_words == 0
        && (f.digit_words == 0 || f.words > MAX_ROW_WORDS);
    plain.then_some(f.words)
}

/// The paragraphs' texts: a paragraph of one line as it stands in `text`, one of several lines
/// joined as the cleaner joins them, into `joined` (one buffer for all, not a string each).
fn paragraph_texts<'a>(
    text: &'a str,
    paragraphs: &[Vec<Piece>],
    joined: &'a mut String,
) -> Vec<&'a str> {
    joined.clear();
    // Where each paragraph is: `Ok` in `text`, `Err` in `joined`.
    let ranges: Vec<Result<Range<usize>, Range<usize>>> = paragraphs
        .iter()
        .map(|pieces| {
            if let [piece] = pieces.as_slice() {
                return Ok(piece.start..piece.end);
            }
            let start = joined.len();
            for piece in pieces {
                if piece.space_before {
                    joined.push(' ');
                }
                joined.push_str(&text[piece.start..piece.end]);
            }
            Err(start..joined.len())
        })
        .collect();
    let joined: &'a String = joined;
    ranges
        .into_iter()
        .map(|range| match range {
            Ok(range) => &text[range],
            Err(range) => &joined[range],
        })
        .collect()
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
fn judge(paragraphs: &[(&str, Shape)], chrome: &ChromeOptions) -> Vec<Verdict> {
    let in_tables = in_tables(paragraphs);
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
            Shape::Sentence(words) => {
                // It ends a sentence: nothing is left open.
                open = false;
                verdicts.push(Verdict::body(*words));
                continue;
            }
            Shape::Counted(f) => f,
        };
        // An item of a nested list ("o Politics") starts on its bullet, not on a lower-case word.
        let continues = open || (!f.starts_upper && !is_list_item(joined));
        let terminal = ends_a_sentence(f.terminal, joined);
        let in_table = in_tables[i];
        if !in_table && is_chrome(f, terminal, continues, chrome) {
            verdicts.push(Verdict::chrome(f.words));
            open = false;
            continue;
        }
        let ended = terminal || f.colon_end;
        // An ended paragraph leaves nothing open: its figures are not looked for.
        let long_or_figures = !ended && (f.words > LONG_PROSE_WORDS || has_figures(joined, f));
        open = leaves_open(joined, ended, long_or_figures);
        verdicts.push(Verdict {
            kept: true,
            words: f.words,
            teaser: !terminal
                && !f.colon_end
                && f.inner_stops == 0
                && !continues
                && !in_table
                && f.words <= LONG_PROSE_WORDS,
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
    /// Kept, but without sentence punctuation, short of long prose and carrying on no
    /// sentence: a teaser or a headline when chrome stands on both sides of its run.
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

/// A run of unpunctuated paragraphs between two paragraphs of chrome is chrome too: teaser
/// cards (a headline over its dek), headlines too long for labels, in a list of links to other
/// articles. Judged on the verdicts as they stood, so a run of teasers does not eat into the
/// body beside it.
fn drop_teasers(verdicts: &mut [Verdict]) {
    let mut start = 0;
    while start < verdicts.len() {
        if !verdicts[start].teaser || !verdicts[start].kept {
            start += 1;
            continue;
        }
        let end = start
            + verdicts[start..]
                .iter()
                .take_while(|v| v.kept && v.teaser)
                .count();
        let chrome_before = start > 0 && !verdicts[start - 1].kept;
        let chrome_after = verdicts.get(end).is_some_and(|v| !v.kept);
        if chrome_before && chrome_after {
            verdicts[start..end].iter_mut().for_each(|v| v.kept = false);
        }
        start = end;
    }
}

/// The text of the kept paragraphs, one per line, or `None` when too little is chrome or too
/// little body is left.
fn kept_text(paragraphs: &[(&str, Shape)], verdicts: &[Verdict], len: usize) -> Option<String> {
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
    let mut joined = String::with_capacity(text.len());
    let paragraphs: Vec<(&str, Shape)> =
        paragraph_texts(text, &paragraphs(text, lines), &mut joined)
            .into_iter()
            .map(|paragraph| (paragraph, Shape::of(paragraph)))
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
        // Rows of a table tell two templated reports apart; a lone counter is chrome.
        let table = "Qtly div 13 cts vs 13 cts prior\nPay Nov 13\nRecord Oct 30\n";
        let report = format!("{NAV}{WIRE}\n\n{table}\nShare this\nRead 12 times");
        assert_eq!(body(&report), format!("{WIRE}\n{table}"));
        // Two lines with a figure each are no table: a counter's time over a headline.
        let cards = format!(
            "{NAV}{WIRE}\n\nMore World\nTroops killed in helicopter crash in the south\n\
            Officials dismiss a claim that the craft was downed by rebel fire\n5H ago\n\
            Man arrested after 7 trafficking victims found in a car\n\
            Police said they also found illegal substances in the car\n7H ago\nMore in U.S"
        );
        assert_eq!(body(&cards), format!("{WIRE}\n"));
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

    #[test]
    fn counted_links_and_nested_menus_are_left_out() {
        // A list of categories with their counts of links is no table.
        let categories =
            "* Categories\n+ Economy (16)\n+ Politics (3)\n+ World (195)\n+ Health (14)";
        assert_eq!(
            body(&format!("{WIRE}\n\n{categories}")),
            format!("{WIRE}\n")
        );
        // The items of a nested list start on their bullet "o", not on a word in lower case.
        let menu = "* Local\no News by Neighborhood\no Guide to the City\no Contact Us";
        assert_eq!(body(&format!("{NAV}{WIRE}\n\n{menu}")), format!("{WIRE}\n"));
    }

    #[test]
    fn runs_of_teaser_cards_are_left_out() {
        // Headline over dek, card after card, between chrome.
        let cards = "Latest\n\nWhy farmers may want to paint their cows with zebra stripes\n\n\
            Some people thought the stripy cattle were a joke but the science could save money\n\n\
            32M ago\n\nCities urge boycott of meat companies linked to forest fires\n\n\
            Lawmakers in two cities want to cut ties with businesses involved with beef imports\n\n\
            17H ago";
        assert_eq!(
            body(&format!("{NAV}{WIRE}\n\n{cards}")),
            format!("{WIRE}\n")
        );
        // Pieces of a body broken by a scraper are no teasers: they hold a sentence's end, or
        // carry on a sentence in lower case.
        let first = "Officials said the craft came down in the hills south of the city. Rebels \
            claimed";
        let second = "it in a statement and denied any part in the attack on the base on Monday";
        assert_eq!(
            body(&format!("{NAV}{first}\n\n{second}\n\n17H ago")),
            format!("{first}\n{second}\n")
        );
    }

    #[test]
    fn notices_of_the_site_are_left_out() {
        let cookies = "This website uses cookies to improve your experience while you navigate \
            through the website. Out of these cookies, the cookies that are categorized as \
            necessary are stored on your browser as they are essential for the working of basic \
            functionalities of the website. We also use third-party cookies that help us analyze \
            and understand how you use this website.";
        let follow = "Datenschutz & Cookies: Diese Website verwendet Cookies. Wenn du die Website \
            weiterhin nutzt, stimmst du der Verwendung von Cookies zu.";
        for notice in [cookies, follow] {
            assert_eq!(
                body(&format!("{NAV}{WIRE}\n\n{notice}")),
                format!("{WIRE}\n"),
                "{notice}"
            );
        }
        // Someone's words to "you" about a website are body.
        let quoted = "\"You can read the website of the bank, and you will find that our rates \
            have risen three times this year, which is more than most of our neighbours have \
            seen in a decade of steady growth and low inflation across the region,\" he said.";
        assert_eq!(
            body(&format!("{NAV}{WIRE}\n\n{quoted}")),
            format!("{WIRE}\n{quoted}\n")
        );
    }

    /// [`body`] with every paragraph counted, none taken for long prose unread.
    fn counted_body(text: &str) -> Cow<'_, str> {
        let (lines, chrome) = options();
        let mut joined = String::new();
        let paragraphs: Vec<(&str, Shape)> =
            paragraph_texts(text, &paragraphs(text, lines), &mut joined)
                .into_iter()
                .map(|paragraph| (paragraph, Shape::Counted(features(paragraph))))
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
                    // Half the paragraphs do not speak to the reader: most long ones are then
                    // taken for long prose unread.
                    let to_reader = next(2) == 0;
                    for w in 0..length {
                        if w > 0 {
                            page.push(if wrap && w % 9 == 0 { '\n' } else { ' ' });
                        }
                        let word = match (next(60), WORDS[next(WORDS.len())]) {
                            (0, _) => RARE[next(RARE.len())],
                            (_, "you" | "our") if !to_reader => "the",
                            (_, word) => word,
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
    fn a_copyright_line_is_no_plain_sentence() {
        // It ends its sentences and names no interface word, but the site speaks in it.
        let line = "This story may not be published, broadcast, rewritten or passed on in any \
            form or by any means without the written leave of the publisher. \u{a9} 2019 Harbour \
            News Network.";
        assert_eq!(plain_sentence(line), None);
        let (_, chrome) = options();
        assert!(is_chrome(&features(line), true, false, chrome));
    }

    #[test]
    fn plain_sentences_are_body_and_no_rows_as_their_features_say() {
        let (_, chrome) = options();
        let mut plain = 0;
        for page in pages() {
            for paragraph in page.split("\n\n").map(str::trim) {
                let Shape::Sentence(words) = Shape::of(paragraph) else {
                    continue;
                };
                plain += 1;
                let f = features(paragraph);
                assert_eq!(words, f.words, "{paragraph:?}");
                assert!(f.terminal && !table_row(&f), "{paragraph:?}");
                for continues in [false, true] {
                    assert!(!is_chrome(&f, true, continues, chrome), "{paragraph:?}");
                }
            }
        }
        assert!(plain > 10, "{plain}");
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
