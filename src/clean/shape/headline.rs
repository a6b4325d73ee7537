//! The shape of a headline.

use super::classify::{classify, Class};
use super::features::Features;
use super::sentence::is_list_item;
use crate::clean::options::CleanOptions;
use crate::text::lexicon::stopwords;

/// A headline: short, capitalised, without a full stop, not an interface label. `class` is
/// the paragraph's chrome class in its document.
pub fn title_like(text: &str, f: &Features, class: Class, options: &CleanOptions) -> bool {
    let last = text.trim_end().chars().next_back().unwrap_or('.');
    // One interface word is fine in a longer headline ("Share boost for feud-hit Reliance").
    let ui_ok = f.person_words == 0 && (f.ui_words == 0 || (f.ui_words == 1 && f.words >= 4));
    let chrome_shape = classify(
        &Features {
            ui_words: 0,
            ..f.clone()
        },
        &options.chrome,
    ) == Class::Bad;
    class != Class::Good
        && !is_list_item(text)
        && !chrome_shape
        && ui_ok
        // A question or exclamation can head an article; a full stop ends a sentence.
        && (!f.terminal || (matches!(last, '?' | '!') && f.words >= 3))
        && f.words >= 2
        && f.words <= options.max_title_words
        && f.alpha_words >= 2
        && (f.starts_upper || text.split_whitespace().next().is_some_and(|w| w.chars().any(char::is_uppercase)))
        && !matches!(last, ':' | ',' | ';' | '-' | '–' | '—')
        && !f.has_address
        && f.separators == 0
        && !(f.digit_words * 2 > f.words && f.words <= 4)
        && !labelled_figure(text)
}

/// A label and its figure ("Average rating: 341 out of 5", "Hits: 1,204"): a counter whatever
/// its label, not a headline ("Iraq: 20 killed in blast" says more than a figure).
fn labelled_figure(text: &str) -> bool {
    let figure = |w: &str| w.bytes().any(|b| b.is_ascii_digit());
    text.split_once(": ").is_some_and(|(_, value)| {
        value.split_whitespace().any(figure)
            && value
                .split_whitespace()
                .all(|w| figure(w) || stopwords().contains_ignore_ascii_case(w))
    })
}
