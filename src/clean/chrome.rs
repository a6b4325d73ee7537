//! Page chrome: navigation, share and comment widgets, counters, ratings, breadcrumbs, "most
//! visited" lists. Paragraphs are scored from their structure, jusText-style (length, stopword
//! density, sentence punctuation, capitalisation, digits, separators, addresses, interface
//! vocabulary and second-person address), then smoothed by position: chrome sits before the
//! first and after the last body paragraph, and a short paragraph survives at the edges only
//! when it reads like a sentence and touches the body.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::lines::ends_sentence;

/// Thresholds of chrome scoring.
#[derive(Debug, Clone, Copy)]
pub struct ChromeOptions {
    /// A paragraph with at least this many words and enough stopwords is body text.
    pub good_min_words: usize,
    /// Minimum share of stopwords among the words of a body paragraph.
    pub good_min_stopword_density: f64,
    /// A paragraph without sentence punctuation needs this many words to count as body text.
    pub good_min_words_unpunctuated: usize,
    /// Paragraphs of at most this many words can be interface labels.
    pub max_label_words: usize,
}

impl Default for ChromeOptions {
    fn default() -> Self {
        ChromeOptions {
            good_min_words: 10,
            good_min_stopword_density: 0.2,
            good_min_words_unpunctuated: 13,
            max_label_words: 8,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Good,
    Neutral,
    Bad,
}

/// Structural features of one paragraph.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    pub chars: usize,
    pub words: usize,
    pub alpha_words: usize,
    pub stopwords: usize,
    pub ui_words: usize,
    pub person_words: usize,
    pub caps_words: usize,
    pub capitalised_words: usize,
    pub digit_words: usize,
    pub terminal: bool,
    pub colon_end: bool,
    pub starts_upper: bool,
    pub has_address: bool,
    pub separators: usize,
}

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

const STOP: u8 = 1;
const UI: u8 = 2;
const PERSON: u8 = 4;

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
fn for_each_word(text: &str, mut visit: impl FnMut(&str, bool)) {
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

/// Long paragraphs are scored on a sample of their first bytes: every decision about them
/// rests on shares (stopwords, interface words), which the sample estimates well.
const SAMPLE_BYTES: usize = 200;

pub fn features(text: &str) -> Features {
    if text.len() <= 2 * SAMPLE_BYTES {
        return word_features(text, text);
    }
    let mut cut = SAMPLE_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    // Cut at a space so that no word is split.
    let cut = text[..cut].rfind(' ').unwrap_or(cut);
    let mut f = word_features(&text[..cut], text);
    // Paragraph text is whitespace-normalised: words are about one per space.
    let total = (text.bytes().filter(|&b| b == b' ').count() + 1).max(f.words);
    if f.words > 0 && total > f.words {
        let scale = |n: usize| ((n as f64) * total as f64 / f.words as f64).round() as usize;
        f.alpha_words = scale(f.alpha_words);
        f.stopwords = scale(f.stopwords);
        f.ui_words = scale(f.ui_words);
        f.person_words = scale(f.person_words);
        f.caps_words = scale(f.caps_words);
        f.capitalised_words = scale(f.capitalised_words);
        f.digit_words = scale(f.digit_words);
        f.words = total;
    }
    f
}

/// Word counts from `sample`, punctuation and addresses from the whole `text`.
fn word_features(sample: &str, text: &str) -> Features {
    let mut f = Features {
        chars: text.len(),
        ..Default::default()
    };
    let mut buf = [0u8; 24];
    let lexicon = lexicon();
    for_each_word(sample, |word, digit| {
        f.words += 1;
        let bytes = word.as_bytes();
        let mut is_caps = false;
        f.digit_words += usize::from(digit);
        let first = if bytes[0].is_ascii() {
            bytes[0] as char
        } else {
            word.chars().next().unwrap_or(' ')
        };
        if first.is_alphabetic() {
            f.alpha_words += 1;
            if first.is_uppercase() {
                f.capitalised_words += 1;
                is_caps = if word.is_ascii() {
                    bytes.len() >= 2 && !bytes.iter().any(u8::is_ascii_lowercase)
                } else {
                    word.chars().nth(1).is_some() && !word.chars().any(char::is_lowercase)
                };
                f.caps_words += usize::from(is_caps);
            }
        }
        // No listed word is longer than 13 bytes.
        if let Some(lower) = if bytes.len() <= 13 {
            lowercase_into(word, &mut buf)
        } else {
            None
        } {
            if let Some(&flags) = pack(lower).and_then(|key| lexicon.get(&key)) {
                f.stopwords += usize::from(flags & STOP != 0);
                f.ui_words += usize::from(flags & UI != 0);
                // "US" is a country, not "us".
                f.person_words += usize::from(flags & PERSON != 0 && !is_caps);
            }
        }
    });
    let trimmed = text.trim_end();
    f.terminal = ends_sentence(trimmed);
    f.colon_end = trimmed.ends_with(':');
    f.starts_upper = text
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    f.has_address = text.contains("http://")
        || text.contains("https://")
        || text.contains("www.")
        || ((text.contains('@')
            || text.contains(".co")
            || text.contains(".org")
            || text.contains(".net")
            || text.contains(".ir")
            || text.contains(".io")
            || text.contains(".info"))
            && text.split_whitespace().any(|t| {
                let t = t.trim_matches(|c: char| !c.is_alphanumeric());
                (t.contains('@') && t.contains('.'))
                    || [".com", ".co.uk", ".org", ".net", ".ir", ".io", ".info"]
                        .iter()
                        .any(|d| t.ends_with(d))
            }));
    // Separators stand alone between spaces; most paragraphs have none of their bytes at all.
    if text
        .bytes()
        .any(|b| matches!(b, b'|' | b'/' | b'>' | b'<' | b'\\' | b':' | 0xC2 | 0xE2))
    {
        f.separators = text
            .split_whitespace()
            .filter(|t| {
                matches!(
                    *t,
                    "|" | "/" | "»" | "›" | "·" | ">" | "::" | "•" | "\\" | "«" | "‹" | "<" | "»»"
                )
            })
            .count();
    }
    f
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

impl Features {
    pub fn stopword_density(&self) -> f64 {
        self.stopwords as f64 / self.words.max(1) as f64
    }

    /// Reads like a sentence of prose: punctuated, capitalised, with function words.
    pub fn sentence_like(&self) -> bool {
        self.terminal
            && self.starts_upper
            && (self.ui_words == 0 || (self.ui_words * 4 < self.words && self.words > 8))
    }

    /// Speaks to the reader about the site: "you/our" with interface words.
    pub fn addresses_reader(&self) -> bool {
        self.person_words >= 1
            && self.ui_words >= 1
            && self.words <= 40
            && (self.person_words + self.ui_words) * 8 >= self.words
    }
}

/// Scores one paragraph from its own features.
pub fn classify(f: &Features, options: &ChromeOptions) -> Class {
    let labelish = f.words <= options.max_label_words;
    let counter = f.digit_words >= 1 && f.words <= 4 && f.alpha_words <= 2;
    let all_caps = f.alpha_words >= 1 && f.caps_words == f.alpha_words && f.words <= 10;
    let bad = f.alpha_words == 0
        || (f.has_address && f.words <= 8)
        || (f.separators >= 1 && (f.words <= 8 || f.separators * 4 >= f.words))
        || (!f.terminal && f.ui_words >= 1 && labelish)
        || (f.ui_words * 3 >= f.words && f.words <= 25 && (!f.terminal || labelish))
        || (counter && !f.terminal)
        || (all_caps && !f.terminal)
        || (f.words <= 2 && !f.terminal && f.stopwords == 0 && f.capitalised_words < f.words);
    if bad {
        return Class::Bad;
    }
    let dense = f.stopword_density() >= options.good_min_stopword_density;
    let long_enough = if f.terminal || f.colon_end {
        f.words >= options.good_min_words
    } else {
        f.words >= options.good_min_words_unpunctuated
    };
    if long_enough && dense && f.ui_words * 5 < f.words {
        Class::Good
    } else {
        Class::Neutral
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(text: &str) -> Class {
        classify(&features(text), &ChromeOptions::default())
    }

    #[test]
    fn seed_chrome_is_bad_or_neutral() {
        for s in [
            "News / Politics",
            "Read 428 times",
            "(0 votes)",
            "SHARE THIS ARTICLE",
            "www.presstv.co.uk",
            "Add comment",
            "comments",
            "Post a Comment",
        ] {
            assert_eq!(class(s), Class::Bad, "{s}");
        }
        for s in [
            "Most Visited in Politics",
            "Security code",
            "Top Stories",
            "No comments:",
            "Rate this item",
        ] {
            assert_ne!(class(s), Class::Good, "{s}");
        }
    }

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

    #[test]
    fn body_is_good() {
        assert_eq!(class("The presidents of Iran and Russia discussed the latest developments in the region, particularly the situation in Syria."), Class::Good);
        assert_eq!(
            class(
                "Hundreds of foreign-backed terrorists have surrendered in Aleppo in recent days."
            ),
            Class::Good
        );
        let short = features("He denied it.");
        assert!(short.sentence_like());
        assert_eq!(features("The US firm said").person_words, 0);
        assert!(!features("All rights reserved.").sentence_like());
    }
}
