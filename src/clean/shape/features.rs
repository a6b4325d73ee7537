//! The structural features of one paragraph that cleaning decides by: how many words, function
//! words, interface words, capitals and figures it has, and marks such as a closing full stop,
//! a web address or separators between links.

use super::sentence::ends_sentence;
use super::words::{lists_of_word, EvidenceCount, Language, Listed, COOKIE, PERSON, SITE, UI};
use crate::text::words::{words, Word};

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
    /// Sentence ends inside the text (". " before a capital or a figure): a paragraph of prose
    /// even when its last sentence has no full stop.
    pub inner_stops: usize,
    /// Ends with a count in brackets ("Archives (12)", "* ► 2019 (200)"): a navigation counter.
    pub counted: bool,
    /// Opens with a quotation mark: someone's words, whose "we" and "you" are the speaker's.
    pub quoted: bool,
    /// Holds the copyright sign: a site's copyright line or a picture's credit ("© 2019 Dow
    /// Jones & Company, Inc. All Rights Reserved", "(Image: © NASA/ESA)").
    pub copyright: bool,
    /// The word lists' flags of its words together (`COOKIE`, `SITE`...): it names cookies, or
    /// the site itself ([`Features::site_notice`]).
    pub listed: u8,
}

/// The marks that open someone's words: straight and curly double quotes, a curly single one,
/// guillemets, low double quotes.
pub const OPENING_QUOTES: [char; 5] = ['"', '\u{201c}', '\u{2018}', '\u{ab}', '\u{201e}'];

/// The marks that close someone's words before punctuation or the rest of a sentence ("“" in
/// German, where it closes what "„" opened).
pub const CLOSING_QUOTES: [char; 4] = ['"', '\u{201c}', '\u{201d}', '\u{bb}'];

/// Whether `text` quotes someone: it holds a double quotation mark (in any script's form, or
/// as a tokenised corpus writes them, "``" and "''"), or opens on a single one.
pub fn holds_quotation(text: &str) -> bool {
    text.contains(['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}', '\u{201e}'])
        || text.contains("``")
        || text.contains("''")
        || text.trim_start().starts_with(['\'', '\u{2018}'])
}

/// Whether `text` holds the copyright sign ([`Features::copyright`]).
pub fn has_copyright_sign(text: &str) -> bool {
    text.contains('©')
}

/// Long paragraphs are scored on a sample of their first bytes: every decision about them
/// rests on shares (stopwords, interface words), which the sample estimates well.
const SAMPLE_BYTES: usize = 200;

/// The features of an English paragraph (function words counted with the English list).
pub fn features(text: &str) -> Features {
    features_in(text, Language::English)
}

/// The features of a paragraph of a document in `language`.
pub fn features_in(text: &str, language: Language) -> Features {
    weigh(text, language, None)
}

/// The features of a paragraph counted in English, its words also counted toward its
/// document's language in `count`: one word-list lookup per word serves both.
pub fn english_features_counting(text: &str, count: &mut EvidenceCount) -> Features {
    weigh(text, Language::English, Some(count))
}

fn weigh(text: &str, language: Language, count: Option<&mut EvidenceCount>) -> Features {
    let sample = sample(text);
    let mut f = word_features(sample, text, language, count);
    scale_to_text(&mut f, sample, text);
    f
}

/// The words of `text` its features are counted on: all of them, or those of a sample of its
/// first bytes (cut at a space so that no word is split) when it is long.
fn sample(text: &str) -> &str {
    if text.len() <= 2 * SAMPLE_BYTES {
        return text;
    }
    let mut cut = SAMPLE_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..text[..cut].rfind(' ').unwrap_or(cut)]
}

/// Scales the word counts of `f`, counted on `sample`, to the whole `text`.
fn scale_to_text(f: &mut Features, sample: &str, text: &str) {
    if sample.len() == text.len() {
        return;
    }
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
}

/// The counts of an English paragraph's words, of words of letters, of words with a figure and
/// of interface words, as its [`features`] give them (their other fields left at zero): what
/// tells whether a paragraph can be chrome, without the rest of its features.
pub fn interface_counts(text: &str) -> Features {
    let sample = sample(text);
    let mut f = Features::default();
    let mut buf = String::new();
    for w in words(sample) {
        let weight = word_weight(sample, w);
        f.words += weight;
        f.digit_words += usize::from(w.ascii_digit);
        f.alpha_words += weight * usize::from(first_char(sample, w).is_alphabetic());
        f.ui_words += usize::from(lists_of_word(sample, w, &mut buf).flags & UI != 0);
    }
    scale_to_text(&mut f, sample, text);
    f
}

/// How many words word `w` of `text` counts for ([`words_in_run`]; an ASCII word is one).
#[inline(always)]
fn word_weight(text: &str, w: Word) -> usize {
    if w.ascii {
        1
    } else {
        words_in_run(w.text(text))
    }
}

/// The first character of word `w` of `text`.
#[inline(always)]
fn first_char(text: &str, w: Word) -> char {
    let first = text.as_bytes()[w.start];
    if first.is_ascii() {
        first as char
    } else {
        w.text(text).chars().next().unwrap_or(' ')
    }
}

/// Whether an English paragraph has at most `max_words` words and no function word, as its
/// [`features`] count them; short paragraphs are answered without counting the rest.
pub fn few_words_without_function_words(text: &str, max_words: usize) -> bool {
    if text.len() > 2 * SAMPLE_BYTES {
        let f = features(text);
        return f.words <= max_words && f.stopwords == 0;
    }
    let mut buf = String::new();
    let mut count = 0;
    for w in words(text) {
        count += 1;
        if count > max_words || lists_of_word(text, w, &mut buf).is_function_word(Language::English)
        {
            return false;
        }
    }
    true
}

/// Word counts from `sample` (a prefix of `text`), punctuation and addresses from the whole
/// `text`; the words of all `text` counted in `count` too.
fn word_features(
    sample: &str,
    text: &str,
    language: Language,
    count: Option<&mut EvidenceCount>,
) -> Features {
    let mut f = Features {
        chars: text.len(),
        ..Default::default()
    };
    count_words(sample, text, language, &mut f, count);
    let trimmed = text.trim_end();
    f.terminal = ends_sentence(trimmed);
    f.colon_end = trimmed.ends_with(':');
    // Scripts without case (Korean, Chinese, Arabic...) start every sentence as they can.
    f.starts_upper = text
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase());
    f.inner_stops = inner_stops(trimmed);
    f.has_address = has_address(text);
    f.separators = separators(text);
    f.counted = ends_with_count(trimmed);
    f.quoted = text.trim_start().starts_with(OPENING_QUOTES);
    f.copyright = has_copyright_sign(text);
    f
}

/// Adds the words of `sample`, a prefix of `text`, to the counts of `f`, function words of
/// `language`; the words of all `text` go to `count`.
fn count_words(
    sample: &str,
    text: &str,
    language: Language,
    f: &mut Features,
    count: Option<&mut EvidenceCount>,
) {
    let mut buf = String::new();
    let Some(count) = count else {
        for w in words(sample) {
            let listed = lists_of_word(sample, w, &mut buf);
            count_word(f, sample, w, listed, language);
        }
        return;
    };
    // A sample that ends at a space (or is the text) holds the first words of the text;
    // otherwise its last word is cut short, and the text's words are looked up apart.
    let cut = sample.len();
    if cut < text.len() && text.as_bytes()[cut] != b' ' {
        for w in words(text) {
            count.push(lists_of_word(text, w, &mut buf));
        }
        count_words(sample, text, language, f, None);
        return;
    }
    for w in words(text) {
        let listed = lists_of_word(text, w, &mut buf);
        count.push(listed);
        if w.end <= cut {
            count_word(f, text, w, listed, language);
        }
    }
}

/// Adds word `w` of `text`, on the word lists `listed`, to the counts of `f`.
#[inline(always)]
fn count_word(f: &mut Features, text: &str, w: Word, listed: Listed, language: Language) {
    // The word as bytes: an ASCII word needs no check of its character boundaries.
    let bytes = &text.as_bytes()[w.start..w.end];
    let weight = word_weight(text, w);
    f.words += weight;
    let mut is_caps = false;
    f.digit_words += usize::from(w.ascii_digit);
    let first = first_char(text, w);
    if first.is_alphabetic() {
        f.alpha_words += weight;
        if first.is_uppercase() {
            f.capitalised_words += 1;
            is_caps = if w.ascii {
                bytes.len() >= 2 && !bytes.iter().any(u8::is_ascii_lowercase)
            } else {
                let word = w.text(text);
                word.chars().nth(1).is_some() && !word.chars().any(char::is_lowercase)
            };
            f.caps_words += usize::from(is_caps);
        }
    }
    let flags = listed.flags;
    f.stopwords += usize::from(listed.is_function_word(language));
    f.ui_words += usize::from(flags & UI != 0);
    // "US" is a country, not "us".
    f.person_words += usize::from(flags & PERSON != 0 && !is_caps);
    f.listed |= flags;
}

/// How many words one run of letters stands for: one, or in a script written without spaces
/// between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese), where a whole sentence is one
/// run, one for every [`CHARS_PER_UNSPACED_WORD`] of its characters, so that a sentence there
/// weighs as a sentence does, not as a one-word label.
fn words_in_run(word: &str) -> usize {
    let unspaced = word.chars().filter(|&c| written_without_spaces(c)).count();
    let rest = usize::from(unspaced < word.chars().count());
    (unspaced.div_ceil(CHARS_PER_UNSPACED_WORD) + rest).max(1)
}

/// Characters per word in the scripts written without spaces: Chinese words run to one or two
/// characters, Japanese and Thai ones to two or three.
const CHARS_PER_UNSPACED_WORD: usize = 2;

/// A character of a script written without spaces between its words: Han, kana, Thai, Lao,
/// Khmer, Burmese.
fn written_without_spaces(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // hiragana, katakana
        | '\u{31f0}'..='\u{31ff}'
        | '\u{3400}'..='\u{4dbf}' // Han
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff66}'..='\u{ff9f}' // half-width katakana
        | '\u{20000}'..='\u{2fa1f}'
        | '\u{0e00}'..='\u{0eff}' // Thai, Lao
        | '\u{1000}'..='\u{109f}' // Burmese
        | '\u{1780}'..='\u{17ff}' // Khmer
    )
}

/// Sentence ends inside the text: ".", "!", "?" (or their full-width forms) followed by a space
/// and a character that is no lower-case letter.
fn inner_stops(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut stops = 0;
    for i in memchr::memchr3_iter(b'.', b'!', b'?', bytes) {
        if bytes.get(i + 1) != Some(&b' ') {
            continue;
        }
        stops += usize::from(
            text[i + 2..]
                .chars()
                .next()
                .is_some_and(|n| !n.is_lowercase()),
        );
    }
    // The full-width stops' UTF-8 forms start with these bytes and hold no ASCII.
    if memchr::memchr2(0xE3, 0xEF, bytes).is_some() {
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if matches!(c, '。' | '！' | '？') {
                stops += usize::from(chars.clone().next().is_some());
            }
        }
    }
    stops
}

/// Ends with a number in brackets: "(12)", "[3]".
fn ends_with_count(text: &str) -> bool {
    let Some(inner) = text.strip_suffix(')').or_else(|| text.strip_suffix(']')) else {
        return false;
    };
    let digits = inner.len() - inner.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && inner[..inner.len() - digits].ends_with(['(', '['])
}

/// A web or mail address anywhere in the text.
fn has_address(text: &str) -> bool {
    let bytes = text.as_bytes();
    let before = |i: usize, head: &[u8]| bytes[..i].ends_with(head);
    let after = |i: usize, tail: &[u8]| bytes[i + 1..].starts_with(tail);
    // "http://", "https://" and "www." are addresses; "@" and the domain endings ".co",
    // ".org"... may be, when a word of the text ends like an address.
    let mut maybe = false;
    for i in memchr::memchr3_iter(b':', b'.', b'@', bytes) {
        match bytes[i] {
            b':' if after(i, b"//") && (before(i, b"http") || before(i, b"https")) => return true,
            b'.' if before(i, b"www") => return true,
            b'.' => {
                maybe |= [&b"co"[..], b"org", b"net", b"ir", b"io", b"info"]
                    .iter()
                    .any(|ending| after(i, ending))
            }
            b'@' => maybe = true,
            _ => {}
        }
    }
    maybe
        && text.split_whitespace().any(|t| {
            let t = t.trim_matches(|c: char| !c.is_alphanumeric());
            (t.contains('@') && t.contains('.'))
                || [".com", ".co.uk", ".org", ".net", ".ir", ".io", ".info"]
                    .iter()
                    .any(|d| t.ends_with(d))
        })
}

/// Separators between links ("News / Politics", "Home | World"): tokens between whitespace.
const SEPARATORS: [&str; 13] = [
    "|", "/", "»", "›", "·", ">", "::", "•", "\\", "«", "‹", "<", "»»",
];

/// The distinct bytes a separator starts with.
const SEPARATOR_STARTS: [u8; 8] = separator_starts();

const fn separator_starts() -> [u8; 8] {
    let mut starts = [0; 8];
    let (mut k, mut n) = (0, 0);
    while k < SEPARATORS.len() {
        let first = SEPARATORS[k].as_bytes()[0];
        let mut seen = 0;
        while seen < n && starts[seen] != first {
            seen += 1;
        }
        if seen == n {
            starts[n] = first;
            n += 1;
        }
        k += 1;
    }
    assert!(n == starts.len(), "one slot per distinct first byte");
    starts
}

fn starts_separator(b: u8) -> bool {
    let [s0, s1, s2, s3, s4, s5, s6, s7] = SEPARATOR_STARTS;
    (b == s0) | (b == s1) | (b == s2) | (b == s3) | (b == s4) | (b == s5) | (b == s6) | (b == s7)
}

/// Whether a block of bytes holds a byte a separator starts with (compared all at once).
fn block_may_hold_separator(block: &[u8; SEPARATOR_BLOCK]) -> bool {
    block
        .iter()
        .fold(0u8, |found, &b| found | u8::from(starts_separator(b)))
        != 0
}

const SEPARATOR_BLOCK: usize = 32;

/// The number of [`SEPARATORS`] standing alone between whitespace, found from their first bytes
/// (most paragraphs have none; blocks of bytes without one are passed over at once) rather than
/// by splitting the text into tokens.
pub fn separators(text: &str) -> usize {
    let bytes = text.as_bytes();
    let space_at = |i: usize| text[i..].chars().next().is_none_or(char::is_whitespace);
    // The char before byte `i` is whitespace (or there is none): decoded only beyond ASCII.
    let space_before = |i: usize| match i.checked_sub(1).map(|k| bytes[k]) {
        None => true,
        Some(b) if b < 0x80 => (b as char).is_whitespace(),
        Some(_) => text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace),
    };
    let mut count = 0;
    let mut from = 0;
    while from < bytes.len() {
        let to = (from + SEPARATOR_BLOCK).min(bytes.len());
        if let Ok(block) = <&[u8; SEPARATOR_BLOCK]>::try_from(&bytes[from..to]) {
            if !block_may_hold_separator(block) {
                from = to;
                continue;
            }
        }
        for i in from..to {
            if !starts_separator(bytes[i]) || !space_before(i) {
                continue;
            }
            let rest = &bytes[i..];
            count += usize::from(
                SEPARATORS
                    .iter()
                    .any(|s| rest.starts_with(s.as_bytes()) && space_at(i + s.len())),
            );
        }
        from = to;
    }
    count
}

/// The most words per sentence end of a paragraph [`Features::runs_of_sentences`] counts as
/// prose; sentences of news and blog prose average some twenty words.
const MAX_WORDS_PER_SENTENCE: usize = 40;

/// The fewest words per sentence end of a paragraph [`Features::runs_of_sentences`] counts as
/// prose; fewer are the full stops of abbreviations and initials.
const MIN_WORDS_PER_SENTENCE: usize = 6;

/// The most words of a paragraph that [`Features::addresses_reader`] reads as speaking to the
/// reader from the share of its words alone; a longer one is a [`Features::site_notice`] only
/// with two interface words.
pub const NOTICE_SHORT_WORDS: usize = 40;

/// The most words of a [`Features::cookie_notice`]: the longest notices set out each kind of
/// cookie at length.
const COOKIE_NOTICE_WORDS: usize = 120;

/// The most words per interface word of a long [`Features::site_notice`].
const NOTICE_WORDS_PER_INTERFACE_WORD: usize = 25;

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

    /// Sentence ends inside the paragraph, `min_stops` at least, at a prose pace: between
    /// [`MIN_WORDS_PER_SENTENCE`] and [`MAX_WORDS_PER_SENTENCE`] words to each ("… is also
    /// Jesus. The elements … Director: Derek Jarman · Stars: Tilda Swinton"; not a tag cloud of
    /// hundreds of names with an initial or two, "E. T. A. Hoffmann", nor a reference thick with
    /// abbreviations, "Rev. Sci. Tech. Off. Int. Epiz., Vol. 33(1), S. 245-253").
    pub fn runs_of_sentences(&self, min_stops: usize) -> bool {
        let stops = self.inner_stops;
        stops >= min_stops.max(1)
            && self.words <= stops * MAX_WORDS_PER_SENTENCE
            && self.words >= stops * MIN_WORDS_PER_SENTENCE
    }

    /// Speaks to the reader about the site: "you/our" with interface words, not inside a
    /// quotation ("We don't think investors buy our shares for that," he said).
    pub fn addresses_reader(&self) -> bool {
        !self.quoted
            && self.person_words >= 1
            && self.ui_words >= 1
            && self.words <= NOTICE_SHORT_WORDS
            && (self.person_words + self.ui_words) * 8 >= self.words
    }

    /// The site asks the reader to accept its cookies, in any language: a paragraph of at most
    /// [`COOKIE_NOTICE_WORDS`] words naming cookies and the site itself or another interface
    /// word ("Utilizziamo i cookie per essere sicuri … sul nostro sito", "Nous utilisons des
    /// cookies pour améliorer l'offre …"; not a recipe's "Bake the cookies for 12 minutes").
    fn cookie_notice(&self) -> bool {
        self.listed & COOKIE != 0
            && self.words <= COOKIE_NOTICE_WORDS
            && (self.listed & SITE != 0 || self.ui_words >= 2)
    }

    /// The site speaks about itself, its cookies, newsletters or rules for comments, whatever
    /// its punctuation: a short paragraph with the copyright sign (its copyright line, a
    /// picture's credit, in any language), or whose interface words are a quarter of its words,
    /// three at least ("Diese Website verwendet Cookies. Wenn du die Website weiterhin
    /// nutzt..."); a long one where words addressing the reader and interface words together
    /// are an eighth of its words, as in a short one ([`Features::addresses_reader`]), two of
    /// them interface words ("This website uses cookies to improve your experience while you
    /// navigate through the website..."), one word in [`NOTICE_WORDS_PER_INTERFACE_WORD`] at
    /// least, and not someone's quoted words. A site's welcome before its article speaks to
    /// the reader as much but of the article's subject ("Welcome to our Daily Deals, your
    /// source for the best deals… We bring you…").
    pub fn site_notice(&self) -> bool {
        if self.cookie_notice() {
            return true;
        }
        if self.words <= NOTICE_SHORT_WORDS {
            return self.copyright || (self.ui_words >= 3 && self.ui_words * 4 >= self.words);
        }
        !self.quoted
            && self.person_words >= 1
            && self.ui_words >= 2
            && self.ui_words * NOTICE_WORDS_PER_INTERFACE_WORD >= self.words
            && (self.person_words + self.ui_words) * 8 >= self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Random texts over an alphabet of the marks the byte scans look for.
    fn texts() -> Vec<String> {
        let alphabet: Vec<char> = "a B1. !?:/@wht-sp。？！ocmngrfé\u{ff01}".chars().collect();
        let mut state = 99u64;
        (0..20_000)
            .map(|_| {
                let len = (state % 24) as usize;
                (0..len)
                    .map(|_| {
                        state = state
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        alphabet[(state >> 33) as usize % alphabet.len()]
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn cookie_notices_in_any_language() {
        for s in [
            "Utilizziamo i cookie per essere sicuri che tu possa avere la migliore esperienza sul \
             nostro sito. Se continui ad utilizzare questo sito noi assumiamo che tu ne sia felice.",
            "Nous utilisons des cookies pour améliorer l'offre que nous vous proposons sur notre site.",
            "Diese Webseite verwendet Cookies.",
        ] {
            assert!(features(s).site_notice(), "{s}");
        }
        for s in [
            "Bake the cookies for 12 minutes, until the edges turn golden.",
            "The construction site will close for a week, the council said.",
        ] {
            assert!(!features(s).site_notice(), "{s}");
        }
    }

    #[test]
    fn interface_counts_are_those_of_the_features() {
        let long = "Sign in to read our 12 comments on the bank's rates, which rose. ".repeat(9);
        for text in texts().iter().map(String::as_str).chain([long.as_str()]) {
            let (counts, f) = (interface_counts(text), features(text));
            let fields = |f: &Features| (f.words, f.alpha_words, f.digit_words, f.ui_words);
            assert_eq!(fields(&counts), fields(&f), "{text:?}");
        }
    }

    #[test]
    fn a_sentence_in_a_script_without_spaces_counts_its_words() {
        // One run of letters, a sentence of some twenty words: it weighs as a sentence, not
        // as a one-word label; a short label there stays short.
        let sentence = features(
            "使わない時はタスクバーに格納しておき、いつでも呼び出せるようにしていました。",
        );
        assert!(sentence.words >= 15, "{}", sentence.words);
        assert_eq!(sentence.alpha_words, sentence.words);
        assert!(features("サイトマップ").words <= 3);
        // Scripts with spaces count one word a run, as before.
        assert_eq!(features("Die Fahrt beginnt um 7:20 Uhr.").words, 7);
        assert_eq!(features("Это тоже предложение.").words, 3);
    }

    #[test]
    fn inner_stops_count_as_char_by_char() {
        let reference = |text: &str| {
            let mut stops = 0;
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                let full_width = matches!(c, '。' | '！' | '？');
                if !(full_width || matches!(c, '.' | '!' | '?')) {
                    continue;
                }
                if full_width {
                    stops += usize::from(chars.peek().is_some());
                } else if chars.next_if_eq(&' ').is_some()
                    && chars.peek().is_some_and(|n| !n.is_lowercase())
                {
                    stops += 1;
                }
            }
            stops
        };
        for text in texts() {
            assert_eq!(inner_stops(&text), reference(&text), "{text:?}");
        }
        assert_eq!(inner_stops("He said. . Then? no. 3 ok。"), 3);
    }

    #[test]
    fn separators_count_as_whitespace_tokens() {
        let reference = |text: &str| {
            text.split_whitespace()
                .filter(|t| SEPARATORS.contains(t))
                .count()
        };
        let alphabet: Vec<char> = "a |/»›·>:•\\«‹<\u{a0}\u{3000}\t\n-bcdefghijk"
            .chars()
            .collect();
        let mut random = crate::text::random_text::RandomPicks::new(7);
        for _ in 0..20_000 {
            let len = random.below(80);
            let text: String = random.draw(&alphabet[..], len);
            assert_eq!(separators(&text), reference(&text), "{text:?}");
        }
        assert_eq!(separators("Home | News » World :: »» a/b \\ x"), 5);
    }

    #[test]
    fn addresses_found_as_by_substrings() {
        let reference = |text: &str| {
            text.contains("http://")
                || text.contains("https://")
                || text.contains("www.")
                || ((text.contains('@')
                    || [".co", ".org", ".net", ".ir", ".io", ".info"]
                        .iter()
                        .any(|d| text.contains(d)))
                    && text.split_whitespace().any(|t| {
                        let t = t.trim_matches(|c: char| !c.is_alphanumeric());
                        (t.contains('@') && t.contains('.'))
                            || [".com", ".co.uk", ".org", ".net", ".ir", ".io", ".info"]
                                .iter()
                                .any(|d| t.ends_with(d))
                    }))
        };
        let mut texts = texts();
        texts.extend(
            [
                "see http://x",
                "https://a.b",
                "www.bbc",
                "mail a@b.c now",
                "bbc.co.uk",
                "Tehran.ir",
            ]
            .map(String::from),
        );
        for text in texts {
            assert_eq!(has_address(&text), reference(&text), "{text:?}");
        }
    }
}
