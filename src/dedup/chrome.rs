//! Page chrome left out of the shingles. A raw scraped page holds the site's navigation,
//! footers and notices beside its article; shingled with it, two articles of one site look alike
//! and a reprint in another site's chrome looks less like its original. Each paragraph (hard-wrapped
//! lines rejoined, as the cleaner reads them) is judged on its own text by the cleaner's shape
//! checks, so the decision needs no other document: the same text always gets the same shingles,
//! whatever the batch it comes in.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::clean::lines::paragraphs;
use crate::clean::options::{ChromeOptions, LineOptions};
use crate::clean::shape::classify::{classify, Class};
use crate::clean::shape::features::{features, Features};
use crate::clean::shape::sentence::ends_sentence;

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

/// Whether a paragraph reads as page chrome. A short unpunctuated paragraph that carries on a
/// sentence (it starts in lower case, or follows a body paragraph left unfinished) is a piece of
/// the body broken by a scraper, not a label; a row of a table (figures beside another row of
/// figures) is data that tells templated reports apart, where a lone counter ("Read 428 times")
/// is chrome.
fn is_chrome(
    f: &Features,
    terminal: bool,
    continues: bool,
    in_table: bool,
    chrome: &ChromeOptions,
) -> bool {
    !in_table
        && (classify(f, chrome) == Class::Bad
            || (!continues && ((!terminal && f.words <= MAX_LABEL_WORDS) || f.addresses_reader())))
}

/// Ends a sentence, also where a tokenised text sets the closing quote apart ("listen . ''").
fn ends_a_sentence(f: &Features, text: &str) -> bool {
    f.terminal || ends_sentence(text.trim_end_matches(['\'', '"', '”', '’', ' ']))
}

/// The text whose shingles stand for `text`: its paragraphs without those that read as chrome,
/// one per line, or the whole text when too little is chrome or too little body is left.
pub fn body(text: &str) -> Cow<'_, str> {
    let (lines, chrome) = options();
    let paragraphs: Vec<(String, Features)> = paragraphs(text, lines)
        .into_iter()
        .map(|pieces| {
            let mut joined = String::new();
            for piece in &pieces {
                if piece.space_before {
                    joined.push(' ');
                }
                joined.push_str(&text[piece.start..piece.end]);
            }
            let f = features(&joined);
            (joined, f)
        })
        .collect();
    let figures: Vec<bool> = paragraphs.iter().map(|(_, f)| has_figures(f)).collect();
    let mut kept = String::new();
    let mut kept_words = 0;
    let mut dropped_words = 0;
    let mut unfinished = false;
    for (i, (joined, f)) in paragraphs.iter().enumerate() {
        let continues = unfinished || !f.starts_upper;
        let in_table = figures[i]
            && ((i > 0 && figures[i - 1]) || figures.get(i + 1).copied().unwrap_or(false));
        let terminal = ends_a_sentence(f, joined);
        if is_chrome(f, terminal, continues, in_table, chrome) {
            dropped_words += f.words;
            unfinished = false;
            continue;
        }
        unfinished = !terminal && !f.colon_end;
        kept_words += f.words;
        kept.push_str(joined);
        kept.push('\n');
    }
    if dropped_words < MIN_CHROME_WORDS || kept_words < MIN_BODY_WORDS {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(kept)
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
