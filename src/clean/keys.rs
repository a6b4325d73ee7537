//! Hash keys of a paragraph's text: the exact key repeats and titles are matched by, and the
//! word key (digits optionally folded) templates are learned and matched by.

use xxhash_rust::xxh3::xxh3_64;

use crate::text::words::alnum_runs;

/// A hash of the paragraph's words, lowercased, punctuation and spacing ignored; digits folded
/// to 0 when `fold_digits` (templates), kept otherwise. 0 means "no words".
pub fn paragraph_key(text: &str, fold_digits: bool) -> u64 {
    let mut key = String::with_capacity(text.len());
    for run in alnum_runs(text) {
        if !key.is_empty() {
            key.push(' ');
        }
        for c in run.text(text).chars() {
            if fold_digits && c.is_ascii_digit() {
                key.push('0');
            } else {
                key.extend(c.to_lowercase());
            }
        }
    }
    if key.is_empty() {
        0
    } else {
        xxh3_64(key.as_bytes()).max(1)
    }
}

/// An exact key of a paragraph's text (paragraphs are already whitespace-normalised); 0 when
/// it has no letters or digits.
pub fn exact_key(text: &str) -> u64 {
    if text.bytes().any(|b| b.is_ascii_alphanumeric()) || !text.is_ascii() {
        xxh3_64(text.as_bytes()).max(1)
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_and_punctuation() {
        assert_eq!(
            paragraph_key("Hello, World!", false),
            paragraph_key("hello world", false)
        );
        assert_ne!(
            paragraph_key("Read 428 times", false),
            paragraph_key("Read 12 times", false)
        );
        assert_eq!(
            paragraph_key("Read 428 times", true),
            paragraph_key("Read 120 times", true)
        );
        assert_eq!(paragraph_key(" -- ", false), 0);
    }
}
