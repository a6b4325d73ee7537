//! Page chrome: navigation, share and comment widgets, counters, ratings, breadcrumbs, "most
//! visited" lists. Paragraphs are scored from their structure, jusText-style (length, stopword
//! density, sentence punctuation, capitalisation, digits, separators, addresses, interface
//! vocabulary and second-person address), then smoothed by position: chrome sits before the
//! first and after the last body paragraph, and a short paragraph survives at the edges only
//! when it reads like a sentence and touches the body.

use crate::text::words::word_spans;

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

fn is_stopword(w: &str) -> bool {
    matches!(
        w,
        "a" | "about" | "above" | "after" | "again" | "against" | "all" | "also" | "am" | "an" | "and" | "any"
            | "are" | "as" | "at" | "be" | "because" | "been" | "before" | "being" | "below" | "between"
            | "both" | "but" | "by" | "can" | "could" | "did" | "do" | "does" | "doing" | "down" | "during"
            | "each" | "even" | "few" | "for" | "from" | "further" | "had" | "has" | "have" | "having" | "he"
            | "her" | "here" | "hers" | "herself" | "him" | "himself" | "his" | "how" | "i" | "if" | "in"
            | "into" | "is" | "it" | "its" | "itself" | "just" | "last" | "may" | "me" | "might" | "more"
            | "most" | "much" | "must" | "my" | "no" | "nor" | "not" | "now" | "of" | "off" | "on" | "once"
            | "one" | "only" | "or" | "other" | "our" | "out" | "over" | "own" | "said" | "same" | "says"
            | "she" | "should" | "since" | "so" | "some" | "such" | "than" | "that" | "the" | "their"
            | "them" | "then" | "there" | "these" | "they" | "this" | "those" | "through" | "to" | "too"
            | "under" | "until" | "up" | "very" | "was" | "we" | "were" | "what" | "when" | "where"
            | "which" | "while" | "who" | "whom" | "why" | "will" | "with" | "would" | "year" | "you"
            | "your" | "new" | "two" | "first" | "been's" | "it's" | "he's" | "she's" | "there's"
            | "that's" | "who's" | "can't" | "won't" | "don't" | "didn't" | "isn't" | "wasn't"
            | "after's" | "according" | "however" | "still" | "yet" | "already" | "among" | "around"
    )
}

/// Words that label interface elements rather than tell a story.
fn is_ui_word(w: &str) -> bool {
    matches!(
        w,
        "share" | "comment" | "comments" | "commenting" | "reply" | "replies" | "login" | "logout"
            | "signup" | "subscribe" | "subscribers" | "subscription" | "unsubscribe" | "newsletter"
            | "newsletters" | "click" | "tap" | "tweet" | "retweet" | "facebook" | "twitter"
            | "whatsapp" | "linkedin" | "pinterest" | "instagram" | "rss" | "email" | "e-mail"
            | "printable" | "advertisement" | "sponsored" | "cookies" | "cookie" | "privacy"
            | "copyright" | "menu" | "navigation" | "sitemap" | "trending" | "homepage" | "website"
            | "permalink" | "tags" | "tagged" | "captcha" | "password" | "username" | "bookmark"
            | "loading" | "widget" | "skip" | "toggle" | "signin" | "sign-in" | "sign-up"
            | "reserved" | "disclaimer" | "faq" | "feedback" | "gallery" | "headlines"
    )
}

fn is_person_word(w: &str) -> bool {
    matches!(w, "you" | "your" | "yours" | "we" | "our" | "us")
}

fn lowercase_into<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() {
        return None;
    }
    if word.is_ascii() {
        for (dst, src) in buf.iter_mut().zip(bytes) {
            *dst = src.to_ascii_lowercase();
        }
        let s = std::str::from_utf8(&buf[..bytes.len()]).ok()?;
        // Curly apostrophes are not ASCII; this path sees straight ones only.
        return Some(s);
    }
    let lowered = word.replace('’', "'").to_lowercase();
    if lowered.len() > buf.len() {
        return None;
    }
    buf[..lowered.len()].copy_from_slice(lowered.as_bytes());
    std::str::from_utf8(&buf[..lowered.len()]).ok()
}

pub fn features(text: &str) -> Features {
    let mut f = Features { chars: text.len(), ..Default::default() };
    let mut buf = [0u8; 24];
    for (start, end) in word_spans(text) {
        let word = &text[start..end];
        f.words += 1;
        let first = word.chars().next().unwrap_or(' ');
        let caps_before = f.caps_words;
        if word.bytes().any(|b| b.is_ascii_digit()) {
            f.digit_words += 1;
        }
        if first.is_alphabetic() {
            f.alpha_words += 1;
            if first.is_uppercase() {
                f.capitalised_words += 1;
                if word.chars().count() >= 2 && word.chars().all(|c| !c.is_lowercase()) {
                    f.caps_words += 1;
                }
            }
        }
        if let Some(lower) = lowercase_into(word, &mut buf) {
            if is_stopword(lower) {
                f.stopwords += 1;
            }
            if is_ui_word(lower) {
                f.ui_words += 1;
            }
            // "US" is a country, not "us".
            if is_person_word(lower) && f.caps_words == caps_before {
                f.person_words += 1;
            }
        }
    }
    let trimmed = text.trim_end();
    f.terminal = ends_sentence(trimmed);
    f.colon_end = trimmed.ends_with(':');
    f.starts_upper = text.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase() || c.is_numeric());
    f.has_address = text.contains("http://")
        || text.contains("https://")
        || text.contains("www.")
        || text.split_whitespace().any(|t| {
            let t = t.trim_matches(|c: char| !c.is_alphanumeric());
            (t.contains('@') && t.contains('.'))
                || [".com", ".co.uk", ".org", ".net", ".ir", ".io", ".info"].iter().any(|d| t.ends_with(d))
        });
    f.separators = text
        .split_whitespace()
        .filter(|t| matches!(*t, "|" | "/" | "»" | "›" | "·" | ">" | "::" | "•" | "\\" | "«" | "‹" | "<" | "»»"))
        .count();
    f
}

impl Features {
    pub fn stopword_density(&self) -> f64 {
        self.stopwords as f64 / self.words.max(1) as f64
    }

    /// Reads like a sentence of prose: punctuated, capitalised, with function words.
    pub fn sentence_like(&self) -> bool {
        self.terminal && self.starts_upper && (self.ui_words == 0 || (self.ui_words * 4 < self.words && self.words > 8))
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
    if long_enough && dense && !(f.ui_words * 5 >= f.words) {
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
        for s in ["News / Politics", "Read 428 times", "(0 votes)", "SHARE THIS ARTICLE", "www.presstv.co.uk", "Add comment", "comments", "Post a Comment"] {
            assert_eq!(class(s), Class::Bad, "{s}");
        }
        for s in ["Most Visited in Politics", "Security code", "Top Stories", "No comments:", "Rate this item"] {
            assert_ne!(class(s), Class::Good, "{s}");
        }
    }

    #[test]
    fn body_is_good() {
        assert_eq!(class("The presidents of Iran and Russia discussed the latest developments in the region, particularly the situation in Syria."), Class::Good);
        assert_eq!(class("Hundreds of foreign-backed terrorists have surrendered in Aleppo in recent days."), Class::Good);
        let short = features("He denied it.");
        assert!(short.sentence_like());
        assert_eq!(features("The US firm said").person_words, 0);
        assert!(!features("All rights reserved.").sentence_like());
    }
}
