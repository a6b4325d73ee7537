//! The word lists cleaning weighs a paragraph's words by (function words, interface vocabulary,
//! second-person address), looked up all at once, and whether a line names a month. The lists
//! themselves live in the lexicon.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::text::fold::lowercase_folded;
use crate::text::lexicon::{
    function_words, interface_words, month_forms, reader_address_words, stopwords,
};
use crate::text::words::words;

/// Flags of [`Listed::flags`]: the word is an English function word, an interface word, a word
/// addressing the reader.
pub const STOP: u8 = 1;
pub const UI: u8 = 2;
pub const PERSON: u8 = 4;

/// Longest listed word, in bytes: longer words are on no list.
const LONGEST_LISTED: usize = 16;

/// The lists a word is on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Listed {
    /// `STOP`, `UI`, `PERSON`.
    pub flags: u8,
    /// The languages other than English whose function word it is (bits of [`Language::Other`]).
    pub languages: u128,
}

impl Listed {
    /// A function word of `language`.
    pub fn is_function_word(&self, language: Language) -> bool {
        match language {
            Language::English => self.flags & STOP != 0,
            Language::Other(k) => self.languages >> k & 1 != 0,
        }
    }
}

/// The language whose function words a document's paragraphs are weighed by: English (the
/// stopword list), or one of the languages of the function-word lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Language {
    #[default]
    English,
    /// The language's bit in [`Listed::languages`].
    Other(u8),
}

/// One lookup per word: which of the word lists it is on.
fn lists() -> &'static FxHashMap<u128, Listed> {
    static CELL: OnceLock<FxHashMap<u128, Listed>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut map: FxHashMap<u128, Listed> = FxHashMap::default();
        let flagged = [
            (stopwords(), STOP),
            (interface_words(), UI),
            (reader_address_words(), PERSON),
        ];
        for (list, flag) in flagged {
            for word in list.iter() {
                if let Some(key) = pack(word.as_bytes()) {
                    map.entry(key).or_default().flags |= flag;
                }
            }
        }
        for &(word, languages) in &function_words().words {
            if let Some(key) = pack(word.as_bytes()) {
                map.entry(key).or_default().languages |= languages;
            }
        }
        // A month in a row of figures ("Mar 583", "May 170") is data, not another language's
        // word ("mar", "may"): months tell no language.
        for month in month_forms().iter() {
            if let Some(listed) = pack(month.as_bytes()).and_then(|key| map.get_mut(&key)) {
                listed.languages = 0;
            }
        }
        map
    })
}

/// Up to 16 bytes packed into one integer (little-endian, zeros after the last byte): a hash
/// key that costs two multiplications.
fn pack(bytes: &[u8]) -> Option<u128> {
    let n = bytes.len();
    // Read as two words that may overlap, not copied byte by byte into a buffer.
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default());
    let half = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap_or_default());
    Some(match n {
        0 => return None,
        1..=3 => bytes
            .iter()
            .rev()
            .fold(0u128, |key, &b| key << 8 | u128::from(b)),
        // The second read repeats bytes the first holds at the same places.
        4..=7 => u128::from(half(0)) | u128::from(half(n - 4)) << (8 * (n - 4)),
        8 => u128::from(word(0)),
        9..=LONGEST_LISTED => u128::from(word(0)) | u128::from(word(n - 8) >> (8 * (16 - n))) << 64,
        _ => return None,
    })
}

/// Up to 16 ASCII bytes packed lowercased: what [`pack`] makes of the word lowercased, without
/// lowercasing it into a buffer first (most words of most texts are ASCII).
fn pack_ascii_lowercased(bytes: &[u8]) -> Option<u128> {
    let key = pack(bytes)?;
    // Per byte b < 0x80, b + 0x3F reaches 0x80 from 'A' on and b + 0x25 from '[' on; neither
    // sum carries into the next byte.
    const ONES: u128 = u128::MAX / 0xFF;
    let upper = (key + ONES * 0x3F) & !(key + ONES * 0x25) & (ONES * 0x80);
    Some(key | upper >> 2)
}

/// Which word lists the word is on, compared lowercased with curly apostrophes made straight.
/// `buf` is scratch space for the lowercased word.
pub fn lists_of(word: &str, buf: &mut String) -> Listed {
    if word.len() > LONGEST_LISTED {
        return Listed::default();
    }
    let key = if word.is_ascii() {
        pack_ascii_lowercased(word.as_bytes())
    } else {
        lowercase_folded(word, buf);
        pack(buf.as_bytes())
    };
    key.and_then(|key| lists().get(&key).copied())
        .unwrap_or_default()
}

/// Words a document's language is told from at most: a long document's first paragraphs
/// tell it as well as all of them.
const LANGUAGE_SAMPLE_WORDS: usize = 20_000;

/// Paragraphs of at least this many words tell the language; shorter lines are mostly
/// navigation, whatever the page's language.
const LANGUAGE_MIN_WORDS: usize = 8;

/// The language of a document's paragraphs: the language whose function words are most of the
/// words of its paragraphs of some length (of all of them when none is long), English unless
/// another language has more.
pub fn document_language<'a>(paragraphs: impl Iterator<Item = &'a str>) -> Language {
    let mut hits = LanguageHits::default();
    paragraphs.for_each(|p| hits.add(p));
    hits.language()
}

/// The function words of a document's paragraphs, counted paragraph by paragraph toward its
/// language ([`document_language`]): the paragraphs of some length apart from the short ones,
/// which tell the language only when no paragraph is long.
#[derive(Default)]
pub struct LanguageHits {
    long: Hits,
    short: Hits,
    /// Words of the paragraph being counted, and the word lists of those on any list.
    paragraph_words: usize,
    paragraph: Vec<Listed>,
}

impl LanguageHits {
    /// Counts the words of one paragraph.
    pub fn add(&mut self, paragraph: &str) {
        if self.wants_words() {
            let mut buf = String::new();
            for w in words(paragraph) {
                self.push(lists_of(w.text(paragraph), &mut buf));
            }
        }
        self.end_paragraph();
    }

    /// Whether the words of another paragraph may still count: the samples are not full.
    pub fn wants_words(&self) -> bool {
        self.long.words < LANGUAGE_SAMPLE_WORDS || self.short.words < LANGUAGE_SAMPLE_WORDS
    }

    /// The word lists of the next word of the paragraph being counted.
    pub fn push(&mut self, listed: Listed) {
        self.paragraph_words += 1;
        if listed != Listed::default() {
            self.paragraph.push(listed);
        }
    }

    /// Ends the paragraph whose words were pushed: it counts toward the long or the short
    /// paragraphs' sample, unless that one is full.
    pub fn end_paragraph(&mut self) {
        let words = self.paragraph_words;
        let sample = match words {
            0 => None,
            n if n < LANGUAGE_MIN_WORDS => Some(&mut self.short),
            _ => Some(&mut self.long),
        };
        if let Some(hits) = sample.filter(|h| h.words < LANGUAGE_SAMPLE_WORDS) {
            hits.count(words, &self.paragraph);
        }
        self.paragraph_words = 0;
        self.paragraph.clear();
    }

    /// The language of the paragraphs counted.
    pub fn language(&self) -> Language {
        if self.long.words > 0 {
            self.long.language()
        } else {
            self.short.language()
        }
    }
}

/// Function words counted per language over a sample of a document.
struct Hits {
    english: usize,
    other: [usize; 128],
    words: usize,
}

impl Default for Hits {
    fn default() -> Self {
        Hits {
            english: 0,
            other: [0; 128],
            words: 0,
        }
    }
}

impl Hits {
    /// Counts the `words` of one paragraph, `listed` the word lists of those on any.
    fn count(&mut self, words: usize, listed: &[Listed]) {
        self.words += words;
        for listed in listed {
            self.english += usize::from(listed.flags & STOP != 0);
            let mut set = listed.languages;
            while set != 0 {
                self.other[set.trailing_zeros() as usize] += 1;
                set &= set - 1;
            }
        }
    }

    /// English unless another language has more function words (and a few at least); the first
    /// listed language on ties.
    fn language(&self) -> Language {
        let (best, &count) = self
            .other
            .iter()
            .enumerate()
            .rev()
            .max_by_key(|&(_, count)| count)
            .unwrap_or((0, &0));
        if count > self.english && count >= 3 {
            Language::Other(best as u8)
        } else {
            Language::English
        }
    }
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
    fn months_tell_no_language() {
        let mut buf = String::new();
        for month in ["May", "mar", "Dec", "August"] {
            assert_eq!(lists_of(month, &mut buf).languages, 0, "{month}");
        }
        let table = "Aug 13126\n\nDec 167\n\nMar 583\n\nMay 170\n\nTotal 25273";
        assert_eq!(document_language(table.split("\n\n")), Language::English);
    }

    #[test]
    fn word_lists() {
        let mut buf = String::new();
        let flags = |w: &str, buf: &mut String| lists_of(w, buf).flags;
        assert_eq!(flags("The", &mut buf), STOP);
        assert_eq!(flags("It’s", &mut buf), STOP);
        assert_eq!(flags("our", &mut buf), STOP | PERSON);
        assert_eq!(flags("Sign-in", &mut buf), UI);
        assert_eq!(lists_of("Tehran", &mut buf), Listed::default());
        assert_eq!(lists_of(&"a".repeat(40), &mut buf), Listed::default());
        // Packed as the bytes in order, zeros after them.
        let bytes: Vec<u8> = (1..=17).collect();
        for n in 0..=17 {
            let mut key = [0u8; 16];
            let expected = (1..=16).contains(&n).then(|| {
                key[..n].copy_from_slice(&bytes[..n]);
                u128::from_le_bytes(key)
            });
            assert_eq!(pack(&bytes[..n]), expected, "{n} bytes");
        }
        // ASCII words are lowercased in their packed key; every byte is checked.
        let ascii: String = (0u8..0x80).map(char::from).collect();
        for chunk in ascii.as_bytes().chunks(16) {
            let word = std::str::from_utf8(chunk).unwrap_or_default();
            lowercase_folded(word, &mut buf);
            assert_eq!(
                pack_ascii_lowercased(chunk),
                pack(buf.as_bytes()),
                "{word:?}"
            );
        }
        assert!(stopwords()
            .iter()
            .chain(interface_words().iter())
            .chain(reader_address_words().iter())
            .all(|w| w.len() <= LONGEST_LISTED));
    }

    #[test]
    fn languages_of_documents() {
        let german =
            "Es ist sechs Uhr früh, und die Stadt schläft noch, aber wir sind schon auf dem Weg.";
        let Language::Other(k) = document_language([german].into_iter()) else {
            panic!("German read as English");
        };
        assert_eq!(function_words().languages[k as usize], "de");
        let mut buf = String::new();
        assert!(lists_of("und", &mut buf).is_function_word(Language::Other(k)));
        assert!(!lists_of("und", &mut buf).is_function_word(Language::English));
        let english =
            "The presidents of Iran and Russia discussed the latest developments in Syria.";
        assert_eq!(
            document_language([english, german].into_iter().take(1)),
            Language::English
        );
        // Short lines tell the language only when no paragraph is long.
        assert_eq!(
            document_language(["Startseite", "Über uns", english].into_iter()),
            Language::English
        );
        assert_eq!(document_language(["", "a"].into_iter()), Language::English);
    }

    #[test]
    fn months_named() {
        assert!(names_a_month("Pay March 31"));
        assert!(names_a_month("Due 31Dec"));
        assert!(!names_a_month("Marching 42"));
        assert!(!names_a_month("Read 12 times"));
    }
}
