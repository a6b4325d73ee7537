//! Normalisation and word shingles.
//!
//! One normalised form serves both duplicate tests, so two documents that are exact duplicates
//! always have identical shingle sets:
//! - Unicode NFC (a precomposed "é" and "e" + combining accent are the same text);
//! - every run of whitespace (spaces, tabs, newlines, no-break spaces) becomes one space, and
//!   leading/trailing whitespace goes.
//!
//! Case is kept in the exact form ("exact" means identical up to whitespace and Unicode
//! composition), but shingles are built from lower-cased words, so case edits only affect the
//! near-duplicate similarity, not which documents are exact copies.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use crate::text::words::word_spans;

/// Seed of the shingle hash, so a shingle of one word never equals that word's own hash.
const SHINGLE_SEED: u64 = 0x7469_6469_6e67_7331; // "tidings1"

/// NFC plus whitespace collapse (see the module docs). Borrows when nothing changes.
pub fn normalize(text: &str) -> Cow<'_, str> {
    let composed: Cow<'_, str> = if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    };
    if !needs_whitespace_collapse(&composed) {
        return composed;
    }
    let mut out = String::with_capacity(composed.len());
    for word in composed.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

fn needs_whitespace_collapse(text: &str) -> bool {
    let mut previous_space = true; // a leading space needs trimming
    for c in text.chars() {
        if c.is_whitespace() {
            if previous_space || c != ' ' {
                return true;
            }
            previous_space = true;
        } else {
            previous_space = false;
        }
    }
    previous_space && !text.is_empty()
}

/// Hash of an already normalised text: equal hashes mean exact duplicates.
pub fn exact_hash(normalized: &str) -> u64 {
    xxh3_64(normalized.as_bytes())
}

/// Hash of one word, lower-cased, with the typographic apostrophe read as `'`.
fn word_hash(word: &str, buffer: &mut String) -> u64 {
    if word.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()) {
        return xxh3_64(word.as_bytes());
    }
    buffer.clear();
    for c in word.chars() {
        match c {
            '’' | '‘' => buffer.push('\''),
            c => buffer.extend(c.to_lowercase()),
        }
    }
    xxh3_64(buffer.as_bytes())
}

/// Hashes of the word `ngram`-shingles of a normalised text, in text order (with repeats).
/// A text with fewer than `ngram` words (but at least one) has one shingle of all its words;
/// a text with no words has none.
pub fn shingle_hashes(normalized: &str, ngram: usize, out: &mut Vec<u64>) {
    out.clear();
    let ngram = ngram.max(1);
    let mut buffer = String::new();
    let words: Vec<u64> = word_spans(normalized)
        .map(|(start, end)| word_hash(&normalized[start..end], &mut buffer))
        .collect();
    if words.is_empty() {
        return;
    }
    let mut window = Vec::with_capacity(ngram * 8);
    let mut hash_window = |tokens: &[u64]| {
        window.clear();
        for token in tokens {
            window.extend_from_slice(&token.to_le_bytes());
        }
        xxh3_64_with_seed(&window, SHINGLE_SEED)
    };
    if words.len() < ngram {
        out.push(hash_window(&words));
    } else {
        out.extend(words.windows(ngram).map(hash_window));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_whitespace_and_composition() {
        assert_eq!(normalize("  a \t b\n\nc  "), "a b c");
        assert_eq!(normalize("a\u{a0}b"), "a b");
        assert!(matches!(normalize("already clean"), Cow::Borrowed(_)));
        assert_eq!(normalize("cafe\u{301}"), "caf\u{e9}");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" \n "), "");
    }

    #[test]
    fn exact_hash_ignores_whitespace_only() {
        let a = exact_hash(&normalize("The  cat\nsat."));
        let b = exact_hash(&normalize("The cat sat. "));
        let c = exact_hash(&normalize("The cat sat!"));
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn shingles_are_lowercased_word_windows() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        shingle_hashes("One two three four", 2, &mut a);
        shingle_hashes("ONE, two; three -- Four!", 2, &mut b);
        assert_eq!(a.len(), 3);
        assert_eq!(a, b);
        shingle_hashes("Iran’s", 5, &mut a);
        shingle_hashes("iran's", 5, &mut b);
        assert_eq!(a, b);
        assert_eq!(a.len(), 1);
        shingle_hashes(" -- ", 5, &mut a);
        assert!(a.is_empty());
    }
}
