//! The word lists cleaning weighs a paragraph's words by (function words, interface vocabulary,
//! second-person address), looked up all at once, and whether a line names a month. The lists
//! themselves live in the lexicon.

use std::cell::RefCell;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::fold::lowercase_folded;
use crate::text::lexicon::{
    cookie_words, function_words, interface_words, month_forms, reader_address_words, site_words,
    stopwords, WordSet,
};
use crate::text::words::{alnum_runs, words, Word};

/// Flags of [`Listed::flags`]: the word is an English function word, an interface word, a word
/// addressing the reader, a word for cookies, a word a site calls itself by.
pub const STOP: u8 = 1;
pub const UI: u8 = 2;
pub const PERSON: u8 = 4;
pub const COOKIE: u8 = 8;
pub const SITE: u8 = 16;

/// Longest listed word, in bytes: longer words are on no list.
const LONGEST_LISTED: usize = 16;

/// The lists a word is on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Listed {
    /// `STOP`, `UI`, `PERSON`, `COOKIE`, `SITE`.
    pub flags: u8,
    /// The number of the word's set of languages other than English (0: none) among the
    /// distinct sets of the lists ([`WordLists::sets`]).
    set: u32,
}

impl Listed {
    /// A function word of `language`.
    pub fn is_function_word(&self, language: Language) -> bool {
        match language {
            Language::English => self.flags & STOP != 0,
            Language::Other(k) => self.languages() >> k & 1 != 0,
        }
    }

    /// The languages other than English whose function word it is (bits of
    /// [`Language::Other`]).
    pub fn languages(&self) -> u128 {
        word_lists().sets[self.set as usize]
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

/// The word lists, one lookup per word (keys are [`pack`]ed words); and the distinct language
/// sets of the words, numbered from the empty set (0), which a [`Listed`] and a document's
/// language evidence name by number.
struct WordLists {
    listed: ListedTable,
    sets: Vec<u128>,
    /// Whether a listed word holds an ASCII digit (none does today: words with one are looked
    /// up only if so).
    digits: bool,
}

/// The word lists that give a word its [`Listed::flags`], each with its flag.
fn flagged_lists() -> [(&'static WordSet, u8); 5] {
    [
        (stopwords(), STOP),
        (interface_words(), UI),
        (reader_address_words(), PERSON),
        (cookie_words(), COOKIE),
        (site_words(), SITE),
    ]
}

fn word_lists() -> &'static WordLists {
    static CELL: OnceLock<WordLists> = OnceLock::new();
    CELL.get_or_init(|| {
        // Flags and language sets of each packed word.
        let mut map: FxHashMap<u128, (u8, u128)> = FxHashMap::default();
        for (list, flag) in flagged_lists() {
            for word in list.iter() {
                if let Some(key) = pack(word.as_bytes()) {
                    map.entry(key).or_default().0 |= flag;
                }
            }
        }
        for &(word, languages) in &function_words().words {
            if let Some(key) = pack(word.as_bytes()) {
                map.entry(key).or_default().1 |= languages;
            }
        }
        // A month in a row of figures ("Mar 583", "May 170") is data, not another language's
        // word ("mar", "may"): months tell no language.
        for month in month_forms().iter() {
            if let Some(entry) = pack(month.as_bytes()).and_then(|key| map.get_mut(&key)) {
                entry.1 = 0;
            }
        }
        let digits = map
            .keys()
            .any(|key| key.to_le_bytes().iter().any(u8::is_ascii_digit));
        let mut sets = vec![0];
        let mut numbers: FxHashMap<u128, u32> = FxHashMap::default();
        numbers.insert(0, 0);
        let listed = ListedTable::new(map.into_iter().map(|(key, (flags, languages))| {
            let set = *numbers.entry(languages).or_insert_with(|| {
                sets.push(languages);
                (sets.len() - 1) as u32
            });
            (key, Listed { flags, set })
        }));
        WordLists {
            listed,
            sets,
            digits,
        }
    })
}

/// The listed words by their [`pack`]ed key, open-addressed: a slot is the key's two halves and
/// its lists (24 bytes), found from the key's hash by stepping to the next slot until the key or
/// an empty slot (key 0, which no packed word has, and empty lists) is met. At most half the
/// slots are used, so a word on no list, most words, is answered at the first or second slot.
struct ListedTable {
    slots: Vec<(u64, u64, Listed)>,
    /// Right shift of the hash to a slot number (64 less the slots' bits).
    shift: u32,
}

impl ListedTable {
    fn new(words: impl ExactSizeIterator<Item = (u128, Listed)>) -> Self {
        let bits = (2 * words.len())
            .max(2)
            .next_power_of_two()
            .trailing_zeros();
        let mut table = ListedTable {
            slots: vec![(0, 0, Listed::default()); 1 << bits],
            shift: 64 - bits,
        };
        for (key, listed) in words {
            let mut at = table.slot(key);
            while table.slots[at].0 | table.slots[at].1 != 0 {
                at = (at + 1) & (table.slots.len() - 1);
            }
            table.slots[at] = (key as u64, (key >> 64) as u64, listed);
        }
        table
    }

    fn slot(&self, key: u128) -> usize {
        let mixed =
            (key as u64 ^ ((key >> 64) as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> self.shift) as usize
    }

    #[inline(always)]
    fn get(&self, key: u128) -> Listed {
        let (low, high) = (key as u64, (key >> 64) as u64);
        let mask = self.slots.len() - 1;
        let mut at = self.slot(key);
        loop {
            let (l, h, listed) = self.slots[at];
            // An empty slot holds empty lists: found or not, its lists are the answer.
            if (l == low && h == high) || l | h == 0 {
                return listed;
            }
            at = (at + 1) & mask;
        }
    }
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
    key.map_or_else(Listed::default, |key| word_lists().listed.get(key))
}

/// [`lists_of`] the word `w` of `text`, by what the scanner found of it: ASCII words packed
/// without a check, words with a digit on no list unless a listed word has one.
#[inline(always)]
pub fn lists_of_word(text: &str, w: Word, buf: &mut String) -> Listed {
    let lists = word_lists();
    if w.end - w.start > LONGEST_LISTED || (w.ascii_digit && !lists.digits) {
        return Listed::default();
    }
    if !w.ascii {
        return lists_of(w.text(text), buf);
    }
    pack_ascii_lowercased(&text.as_bytes()[w.start..w.end])
        .map_or_else(Listed::default, |key| lists.listed.get(key))
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
    let mut sets = Vec::new();
    let mut tally = LanguageTally::default();
    for p in paragraphs {
        if !tally.wants_words() {
            break;
        }
        tally.add(&language_evidence(p, &mut sets));
    }
    tally.language(&sets)
}

/// What the words of one paragraph tell of its document's language: how many words it has,
/// how many are English function words, and the language sets of those that are another
/// language's function word (`sets[start..end]` of the document's list of sets, which the
/// paragraph's count appended to). Kept with the paragraph, it is summed over any choice of
/// the document's paragraphs without counting their words again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LanguageEvidence {
    words: u32,
    english: u32,
    start: u32,
    end: u32,
}

/// The language evidence of one paragraph, all its words counted; their sets go to `sets`.
pub fn language_evidence(paragraph: &str, sets: &mut Vec<u32>) -> LanguageEvidence {
    let mut count = EvidenceCount::new(sets);
    let mut buf = String::new();
    for w in words(paragraph) {
        count.push(lists_of_word(paragraph, w, &mut buf));
    }
    count.take()
}

/// Counts the words of a document's paragraphs, one paragraph after the other, into their
/// [`LanguageEvidence`], their language sets into the document's list.
pub struct EvidenceCount<'a> {
    sets: &'a mut Vec<u32>,
    evidence: LanguageEvidence,
}

impl<'a> EvidenceCount<'a> {
    pub fn new(sets: &'a mut Vec<u32>) -> Self {
        let start = sets.len() as u32;
        EvidenceCount {
            sets,
            evidence: LanguageEvidence {
                start,
                end: start,
                ..Default::default()
            },
        }
    }

    /// The word lists of the next word of the paragraph being counted.
    pub fn push(&mut self, listed: Listed) {
        let e = &mut self.evidence;
        e.words += 1;
        e.english += u32::from(listed.flags & STOP != 0);
        if listed.set != 0 {
            self.sets.push(listed.set);
            e.end += 1;
        }
    }

    /// The evidence of the paragraph counted since the last call; the next paragraph starts.
    pub fn take(&mut self) -> LanguageEvidence {
        let end = self.evidence.end;
        std::mem::replace(
            &mut self.evidence,
            LanguageEvidence {
                start: end,
                end,
                ..Default::default()
            },
        )
    }
}

/// The language evidence of a document's paragraphs summed toward its language
/// ([`document_language`]): the paragraphs of some length apart from the short ones, which tell
/// the language only when no paragraph is long. Paragraphs are added in order; each sample
/// takes them until it holds [`LANGUAGE_SAMPLE_WORDS`].
#[derive(Debug, Default)]
pub struct LanguageTally {
    long: Sample,
    short: Sample,
}

impl LanguageTally {
    /// Whether the words of another paragraph may still count: the samples are not full.
    pub fn wants_words(&self) -> bool {
        self.long.words < LANGUAGE_SAMPLE_WORDS || self.short.words < LANGUAGE_SAMPLE_WORDS
    }

    /// Adds the evidence of the next paragraph to the long or the short paragraphs' sample,
    /// unless that one is full.
    pub fn add(&mut self, evidence: &LanguageEvidence) {
        let sample = match evidence.words as usize {
            0 => return,
            n if n < LANGUAGE_MIN_WORDS => &mut self.short,
            _ => &mut self.long,
        };
        if sample.words < LANGUAGE_SAMPLE_WORDS {
            sample.words += evidence.words as usize;
            sample.english += evidence.english as usize;
            sample.other += (evidence.end - evidence.start) as usize;
            sample.sets.push((evidence.start, evidence.end));
        }
    }

    /// The language of the paragraphs added, whose sets are in `sets`.
    pub fn language(&self, sets: &[u32]) -> Language {
        if self.long.words > 0 {
            self.long.language(sets)
        } else {
            self.short.language(sets)
        }
    }
}

/// Words counted by their language set ([`WordLists::sets`]), and the sets counted.
#[derive(Default)]
struct ByLanguageSet {
    counts: Vec<usize>,
    seen: Vec<u32>,
}

thread_local! {
    static BY_SET: RefCell<ByLanguageSet> = RefCell::default();
}

/// Function words counted over a sample of a document's paragraphs.
#[derive(Debug, Default)]
struct Sample {
    words: usize,
    english: usize,
    /// Words that are another language's function word.
    other: usize,
    /// Where the paragraphs' language sets are in the document's list.
    sets: Vec<(u32, u32)>,
}

impl Sample {
    /// English unless another language has more function words (and a few at least); the first
    /// listed language on ties.
    fn language(&self, sets: &[u32]) -> Language {
        // No language has more function words than there are words of any other language:
        // most documents are answered without counting language by language.
        if self.other <= self.english {
            return Language::English;
        }
        // Words counted by set first (a document's words fall in a few sets), then each set's
        // count added to its languages; the counts by set are kept per thread and cleared after.
        let mut other = [0usize; 128];
        BY_SET.with(|by_set| {
            let mut by_set = by_set.borrow_mut();
            let table = &word_lists().sets;
            by_set.counts.resize(table.len(), 0);
            let ByLanguageSet { counts, seen } = &mut *by_set;
            for &(start, end) in &self.sets {
                for &set in sets.get(start as usize..end as usize).unwrap_or_default() {
                    let count = &mut counts[set as usize];
                    if *count == 0 {
                        seen.push(set);
                    }
                    *count += 1;
                }
            }
            for set in seen.drain(..) {
                let count = std::mem::take(&mut counts[set as usize]);
                let languages = table[set as usize];
                // The set's bits half by half: a 64-bit word's bits cost half a 128-bit one's.
                for (half, offset) in [(languages as u64, 0), ((languages >> 64) as u64, 64)] {
                    let mut bits = half;
                    while bits != 0 {
                        other[offset + bits.trailing_zeros() as usize] += count;
                        bits &= bits - 1;
                    }
                }
            }
        });
        let (best, &count) = other
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

/// The words of a text that carry its topic, each as its stem (its first [`STEM_CHARS`]
/// letters lowercased, so that "Apple's" and "Apple", "Petersberger" and "Petersberg" meet): no
/// function word of `language`, no figure, no word of fewer than [`MIN_CONTENT_CHARS`] letters.
/// Paragraphs about one thing share them.
pub fn content_words(text: &str, language: Language) -> FxHashSet<String> {
    let mut buf = String::new();
    let mut found = FxHashSet::default();
    for w in alnum_runs(text) {
        let word = w.text(text);
        if w.ascii_digit
            || word.chars().count() < MIN_CONTENT_CHARS
            || lists_of_word(text, w, &mut buf).is_function_word(language)
        {
            continue;
        }
        lowercase_folded(word, &mut buf);
        found.insert(buf.chars().take(STEM_CHARS).collect());
    }
    found
}

/// The letters of a word's stem ([`content_words`]).
const STEM_CHARS: usize = 6;

/// The fewest letters of a content word ([`content_words`]).
const MIN_CONTENT_CHARS: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_tell_no_language() {
        let mut buf = String::new();
        for month in ["May", "mar", "Dec", "August"] {
            assert_eq!(lists_of(month, &mut buf).languages(), 0, "{month}");
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
    fn every_listed_word_is_found() {
        let mut buf = String::new();
        for (list, flag) in flagged_lists() {
            for word in list.iter() {
                assert_ne!(lists_of(word, &mut buf).flags & flag, 0, "{word}");
            }
        }
        for &(word, languages) in &function_words().words {
            let month = month_forms().contains_ignore_ascii_case(word);
            let found = lists_of(word, &mut buf).languages();
            assert!(month || found & languages == languages, "{word}");
        }
        for word in ["Tehran", "zzzz", "Reuters", "qwertyuiopasdfgh"] {
            assert_eq!(lists_of(word, &mut buf), Listed::default(), "{word}");
        }
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
