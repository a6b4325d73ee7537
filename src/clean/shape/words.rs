//! The word lists cleaning weighs a paragraph's words by (function words, interface vocabulary,
//! second-person address), looked up all at once, and whether a line names a month. The lists
//! themselves live in the lexicon.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::text::fold::lowercase_folded;
use crate::text::lexicon::{interface_words, month_forms, reader_address_words, stopwords};

/// Flags of [`lists_of`]: the word is a function word, an interface word, a word addressing the
/// reader.
pub const STOP: u8 = 1;
pub const UI: u8 = 2;
pub const PERSON: u8 = 4;

/// Longest listed word, in bytes: longer words are on no list.
const LONGEST_LISTED: usize = 16;

/// One lookup per word: which of the word lists it is on.
fn flags() -> &'static FxHashMap<u128, u8> {
    static CELL: OnceLock<FxHashMap<u128, u8>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut map = FxHashMap::default();
        let lists = [
            (stopwords(), STOP),
            (interface_words(), UI),
            (reader_address_words(), PERSON),
        ];
        for (list, flag) in lists {
            for word in list.iter() {
                if let Some(key) = pack(word.as_bytes()) {
                    *map.entry(key).or_insert(0) |= flag;
                }
            }
        }
        map
    })
}

/// Up to 16 bytes packed into one integer: a hash key that costs two multiplications.
fn pack(bytes: &[u8]) -> Option<u128> {
    if bytes.is_empty() || bytes.len() > LONGEST_LISTED {
        return None;
    }
    let mut key = [0u8; 16];
    key[..bytes.len()].copy_from_slice(bytes);
    Some(u128::from_le_bytes(key))
}

/// Which word lists (`STOP`, `UI`, `PERSON` flags) the word is on, compared lowercased with
/// curly apostrophes made straight; 0 for none. `buf` is scratch space for the lowercased word.
pub fn lists_of(word: &str, buf: &mut String) -> u8 {
    if word.len() > LONGEST_LISTED {
        return 0;
    }
    lowercase_folded(word, buf);
    pack(buf.as_bytes())
        .and_then(|key| flags().get(&key).copied())
        .unwrap_or(0)
}

/// Whether a word of the text names a month ("Pay March 31"): such lines are dates, data.
/// Words here are runs of letters, so that "31March" names one too.
pub fn names_a_month(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| month_forms().contains_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists() {
        let mut buf = String::new();
        assert_eq!(lists_of("The", &mut buf), STOP);
        assert_eq!(lists_of("It’s", &mut buf), STOP);
        assert_eq!(lists_of("our", &mut buf), STOP | PERSON);
        assert_eq!(lists_of("Sign-in", &mut buf), UI);
        assert_eq!(lists_of("Tehran", &mut buf), 0);
        assert_eq!(lists_of(&"a".repeat(40), &mut buf), 0);
        assert!(stopwords()
            .iter()
            .chain(interface_words().iter())
            .chain(reader_address_words().iter())
            .all(|w| w.len() <= LONGEST_LISTED));
    }

    #[test]
    fn months_named() {
        assert!(names_a_month("Pay March 31"));
        assert!(names_a_month("Due 31Dec"));
        assert!(!names_a_month("Marching 42"));
        assert!(!names_a_month("Read 12 times"));
    }
}
