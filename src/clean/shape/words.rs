//! The words of a paragraph: a fast word scanner, and the word lists cleaning weighs words by
//! (function words, interface vocabulary, second-person address, month names).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "said",
    "same",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "year",
    "you",
    "your",
    "new",
    "two",
    "first",
    "been's",
    "it's",
    "he's",
    "she's",
    "there's",
    "that's",
    "who's",
    "can't",
    "won't",
    "don't",
    "didn't",
    "isn't",
    "wasn't",
    "after's",
    "according",
    "however",
    "still",
    "yet",
    "already",
    "among",
    "around",
];

/// Words that label interface elements rather than tell a story.
const UI_WORDS: &[&str] = &[
    "share",
    "comment",
    "comments",
    "commenting",
    "reply",
    "replies",
    "login",
    "logout",
    "signup",
    "subscribe",
    "subscribers",
    "subscription",
    "unsubscribe",
    "newsletter",
    "newsletters",
    "click",
    "tap",
    "tweet",
    "retweet",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "instagram",
    "rss",
    "email",
    "e-mail",
    "printable",
    "advertisement",
    "sponsored",
    "cookies",
    "cookie",
    "privacy",
    "copyright",
    "menu",
    "navigation",
    "sitemap",
    "trending",
    "homepage",
    "website",
    "permalink",
    "tags",
    "tagged",
    "captcha",
    "password",
    "username",
    "bookmark",
    "loading",
    "widget",
    "skip",
    "toggle",
    "signin",
    "sign-in",
    "sign-up",
    "reserved",
    "disclaimer",
    "faq",
    "feedback",
    "gallery",
    "headlines",
];

const PERSON_WORDS: &[&str] = &["you", "your", "yours", "we", "our", "us"];

/// Flags of [`lists_of`]: the word is a function word, an interface word, a word addressing the
/// reader.
pub const STOP: u8 = 1;
pub const UI: u8 = 2;
pub const PERSON: u8 = 4;

/// One lookup per word: which of the word lists it is on.
fn lexicon() -> &'static FxHashMap<u128, u8> {
    static CELL: OnceLock<FxHashMap<u128, u8>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut map = FxHashMap::default();
        for (list, flag) in [(STOPWORDS, STOP), (UI_WORDS, UI), (PERSON_WORDS, PERSON)] {
            for word in list {
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
    if bytes.is_empty() || bytes.len() > 16 {
        return None;
    }
    let mut key = [0u8; 16];
    key[..bytes.len()].copy_from_slice(bytes);
    Some(u128::from_le_bytes(key))
}

/// The word lowercased into `buf` (curly apostrophes made straight), or `None` when too long.
fn lowercase_into<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() {
        return None;
    }
    if word.is_ascii() {
        for (dst, src) in buf.iter_mut().zip(bytes) {
            *dst = src.to_ascii_lowercase();
        }
        return Some(&buf[..bytes.len()]);
    }
    let lowered = word.replace('’', "'").to_lowercase();
    if lowered.len() > buf.len() {
        return None;
    }
    buf[..lowered.len()].copy_from_slice(lowered.as_bytes());
    Some(&buf[..lowered.len()])
}

/// Which word lists (`STOP`, `UI`, `PERSON` flags) the word is on; 0 for none. `buf` is scratch
/// space for the lowercased word.
pub fn lists_of(word: &str, buf: &mut [u8; 24]) -> u8 {
    // No listed word is longer than 13 bytes.
    if word.len() > 13 {
        return 0;
    }
    lowercase_into(word, buf)
        .and_then(pack)
        .and_then(|key| lexicon().get(&key).copied())
        .unwrap_or(0)
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑')
}

/// Alphanumeric at byte `i` (ASCII fast path).
fn alnum_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => char_at(text, i).is_alphanumeric(),
    }
}

/// Byte spans of words (as `text::words::word_spans`), with a fast path for ASCII bytes.
/// `visit` gets each word and whether it holds an ASCII digit.
pub fn for_each_word(text: &str, mut visit: impl FnMut(&str, bool)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
        } else {
            let c = char_at(text, i);
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        let mut digit = false;
        while i < n {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                digit |= b.is_ascii_digit();
                i += 1;
            } else if b.is_ascii() {
                if (b == b'\'' || b == b'-') && alnum_at(text, i + 1) {
                    i += 1;
                } else {
                    break;
                }
            } else {
                let c = char_at(text, i);
                if c.is_alphanumeric() || (is_joiner(c) && alnum_at(text, i + c.len_utf8())) {
                    i += c.len_utf8();
                } else {
                    break;
                }
            }
        }
        visit(&text[start..i], digit);
    }
}

/// Whether a word of the text names a month ("Pay March 31"): such lines are dates, data.
pub fn names_a_month(text: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    ];
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| (3..=9).contains(&w.len()))
        .any(|w| MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_the_shared_tokeniser() {
        let text = "Iran’s al-Assad, since mid-2012 -- ok 'quoted' “Syria’s” 日本 x-";
        let mut ours = Vec::new();
        for_each_word(text, |w, _| ours.push(w.to_string()));
        let shared: Vec<String> = crate::text::words::word_spans(text)
            .map(|(s, e)| text[s..e].to_string())
            .collect();
        assert_eq!(ours, shared);
    }
}
