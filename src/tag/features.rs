//! Feature extraction: every token gets [`FEATURES_PER_TOKEN`] hashed features (word, context
//! words, shapes, affixes, gazetteer matches, sentence casing), each an index into the model's
//! fixed table of weight rows. Strings are hashed once per token with xxh3; conjunctions mix
//! those hashes, so no feature string is ever built.

use xxhash_rust::xxh3::xxh3_64;

use crate::text::hash::fmix64;

/// Bump when templates change: a model trained with other templates is refused.
pub const FEATURES_VERSION: u32 = 1;
pub const FEATURES_PER_TOKEN: usize = 28;

/// Per-token facts the templates combine.
#[derive(Debug, Clone, Copy)]
pub struct WordInfo {
    lower: u64,
    exact: u64,
    shape: u64,
    suffix2: u64,
    suffix3: u64,
    suffix4: u64,
    prefix2: u64,
    prefix3: u64,
    length: u64,
    all_caps: bool,
    has_letter: bool,
}

const PAD_LEFT: u64 = 0x5eed_0000_0000_0001;
const PAD_RIGHT: u64 = 0x5eed_0000_0000_0002;

impl WordInfo {
    fn padding(hash: u64) -> Self {
        WordInfo {
            lower: hash,
            exact: hash,
            shape: hash,
            suffix2: hash,
            suffix3: hash,
            suffix4: hash,
            prefix2: hash,
            prefix3: hash,
            length: 0,
            all_caps: false,
            has_letter: false,
        }
    }
}

/// The normalised form features see: lowercase, ’ → ', digits → 0.
pub fn normalize_word(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            '’' | 'ʼ' | '‘' | '`' => out.push('\''),
            '“' | '”' | '„' | '«' | '»' => out.push('"'),
            '–' | '—' => out.push('-'),
            '0'..='9' => out.push('0'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Collapsed word shape: "Iran" → "Xx", "U.S." → "X.X.", "al-Assad" → "x-Xx", "2015" → "d".
pub fn word_shape(word: &str, out: &mut String) {
    out.clear();
    let mut last = '\0';
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if matches!(c, '’' | 'ʼ' | '‘') {
            '\''
        } else if matches!(c, '“' | '”' | '„' | '«' | '»') {
            '"'
        } else {
            c
        };
        if class != last {
            out.push(class);
            last = class;
        }
    }
}

fn affix_hash(tag: u64, s: &str) -> u64 {
    xxh3_64(s.as_bytes()) ^ tag
}

pub fn word_info(word: &str, scratch: &mut String) -> WordInfo {
    normalize_word(word, scratch);
    let lower = xxh3_64(scratch.as_bytes());
    // Affixes count characters; in ASCII (most forms) a character is a byte.
    let ascii = scratch.is_ascii();
    let n = if ascii {
        scratch.len()
    } else {
        scratch.chars().count()
    };
    let at = |k: usize| {
        if ascii {
            k
        } else {
            scratch
                .char_indices()
                .nth(k)
                .map_or(scratch.len(), |(at, _)| at)
        }
    };
    let suffix = |k: usize| {
        if n > k {
            &scratch[at(n - k)..]
        } else {
            scratch.as_str()
        }
    };
    let prefix = |k: usize| {
        if n > k {
            &scratch[..at(k)]
        } else {
            scratch.as_str()
        }
    };
    let suffix2 = affix_hash(1, suffix(2));
    let suffix3 = affix_hash(2, suffix(3));
    let suffix4 = affix_hash(3, suffix(4));
    let prefix2 = affix_hash(4, prefix(2));
    let prefix3 = affix_hash(5, prefix(3));
    let exact = if word.is_ascii() {
        xxh3_64(word.as_bytes()) ^ 6
    } else {
        // Curly quotes and dashes as their ASCII forms, case kept.
        let plain: String = word
            .chars()
            .map(|c| match c {
                '’' | 'ʼ' | '‘' | '`' => '\'',
                '“' | '”' | '„' | '«' | '»' => '"',
                '–' | '—' => '-',
                c => c,
            })
            .collect();
        xxh3_64(plain.as_bytes()) ^ 6
    };
    word_shape(word, scratch);
    let shape = xxh3_64(scratch.as_bytes());
    let has_letter = word.chars().any(char::is_alphabetic);
    let all_caps = has_letter && !word.chars().any(char::is_lowercase);
    let length = match n {
        0..=4 => n as u64,
        5..=6 => 5,
        _ => 6,
    };
    WordInfo {
        lower,
        exact,
        shape,
        suffix2,
        suffix3,
        suffix4,
        prefix2,
        prefix3,
        length,
        all_caps,
        has_letter,
    }
}

#[inline]
fn mix(template: u64, a: u64, b: u64) -> u64 {
    // murmur3 fmix64 over a cheap combination: stable across platforms and versions.
    fmix64(
        a.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ b.rotate_left(29).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
            ^ template.wrapping_mul(0x1656_67B1_9E37_79F9),
    )
}

/// Whether most words of a sentence are written in capitals (headlines, sports tables).
pub fn is_caps_sentence(infos: &[WordInfo]) -> bool {
    let letters = infos.iter().filter(|w| w.has_letter).count();
    let caps = infos.iter().filter(|w| w.all_caps).count();
    letters >= 2 && caps * 10 >= letters * 7
}

/// Templates of the token's own word alone (bias, forms, shape, affixes, length).
pub const OWN_FEATURES: usize = 10;
/// Templates of one neighbouring word alone: the previous or next word gives two (its form and
/// its shape), the second previous or second next one (its form).
pub const NEIGHBOUR_FEATURES: usize = 2;
/// Templates that combine the token with its neighbours, its gazetteer codes or its sentence.
pub const CONTEXT_FEATURES: usize = PAIR_FEATURES + SETTING_FEATURES;
/// Of those, the templates that combine the token's word with a neighbouring word.
pub const PAIR_FEATURES: usize = 6;
/// Of those, the templates of the token's shape and its setting: gazetteer codes, first word,
/// capitals sentence. Few distinct settings occur, so a reader may keep their sums.
pub const SETTING_FEATURES: usize = 6;

/// Where a word stands relative to the token whose features it gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Neighbour {
    Previous,
    Next,
    SecondPrevious,
    SecondNext,
}

impl Neighbour {
    pub const ALL: [Neighbour; 4] = [
        Neighbour::Previous,
        Neighbour::Next,
        Neighbour::SecondPrevious,
        Neighbour::SecondNext,
    ];
}

/// The hashed features of the token's own word alone: the same for every occurrence of the word,
/// so a reader may sum their weights once per word form.
pub fn own_features(w0: &WordInfo) -> [u64; OWN_FEATURES] {
    [
        mix(0, 0, 0),
        mix(1, w0.lower, 0),
        mix(2, w0.exact, 0),
        mix(7, w0.shape, 0),
        mix(12, w0.suffix2, 0),
        mix(13, w0.suffix3, 0),
        mix(14, w0.suffix4, 0),
        mix(15, w0.prefix2, 0),
        mix(16, w0.prefix3, 0),
        mix(27, w0.length, w0.shape),
    ]
}

/// The hashed features a neighbouring word gives alone (the second neighbours give one: the
/// second slot repeats it and is not a feature).
pub fn neighbour_features(word: &WordInfo, place: Neighbour) -> ([u64; NEIGHBOUR_FEATURES], usize) {
    match place {
        Neighbour::Previous => ([mix(3, word.lower, 0), mix(10, word.shape, 0)], 2),
        Neighbour::Next => ([mix(4, word.lower, 0), mix(11, word.shape, 0)], 2),
        Neighbour::SecondPrevious => ([mix(5, word.lower, 0); 2], 1),
        Neighbour::SecondNext => ([mix(6, word.lower, 0); 2], 1),
    }
}

/// A token's place in its sentence, for the templates that combine it with its surroundings.
pub struct TokenContext<'a> {
    pub word: &'a WordInfo,
    pub previous: &'a WordInfo,
    pub next: &'a WordInfo,
    /// Gazetteer codes of the token and its neighbours (`0xff` beyond the sentence).
    pub gazetteer: (u64, u64, u64),
    pub first: bool,
    pub caps_sentence: bool,
}

impl<'a> TokenContext<'a> {
    /// Token `i` of a sentence: `at` gives each position's word (padding beyond the sentence),
    /// `gazetteer` each token's code.
    pub fn of_token(
        at: impl Fn(isize) -> &'a WordInfo,
        gazetteer: &[u8],
        i: isize,
        caps_sentence: bool,
    ) -> Self {
        TokenContext {
            word: at(i),
            previous: at(i - 1),
            next: at(i + 1),
            gazetteer: (
                gazetteer_code(gazetteer, i - 1),
                gazetteer_code(gazetteer, i),
                gazetteer_code(gazetteer, i + 1),
            ),
            first: i == 0,
            caps_sentence,
        }
    }
}

/// What a token's setting features read: its shape, its gazetteer codes and those of its
/// neighbours, and its sentence's facts. Equal settings give equal features.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Setting {
    shape: u64,
    /// Gazetteer codes of the previous token, the token and the next token, then whether the
    /// token is its sentence's first and whether the sentence is written in capitals.
    codes: [u8; 3],
    first: bool,
    caps_sentence: bool,
}

impl Setting {
    pub fn of(c: &TokenContext<'_>) -> Self {
        let (gp, g0, gn) = c.gazetteer;
        Setting {
            shape: c.word.shape,
            codes: [gp as u8, g0 as u8, gn as u8],
            first: c.first,
            caps_sentence: c.caps_sentence,
        }
    }
}

/// The hashed features that combine the token's word with its neighbours' words.
pub fn pair_features(c: &TokenContext<'_>) -> [u64; PAIR_FEATURES] {
    let (w0, p1, n1) = (c.word, c.previous, c.next);
    [
        mix(8, p1.shape, w0.shape),
        mix(9, w0.shape, n1.shape),
        mix(17, p1.lower, w0.lower),
        mix(18, w0.lower, n1.lower),
        mix(25, p1.lower, w0.shape),
        mix(26, w0.shape, n1.lower),
    ]
}

/// The hashed features of the token's setting (see [`Setting`]).
pub fn setting_features(s: &Setting) -> [u64; SETTING_FEATURES] {
    let [gp, g0, gn] = s.codes.map(u64::from);
    [
        mix(19, g0, 0),
        mix(20, gp, g0),
        mix(21, g0, gn),
        mix(22, g0, s.shape),
        mix(23, s.first as u64, s.shape),
        mix(24, s.caps_sentence as u64, s.shape),
    ]
}

/// The hashed features that combine the token with its neighbours, its gazetteer codes or its
/// sentence, in template order.
pub fn context_features(c: &TokenContext<'_>) -> [u64; CONTEXT_FEATURES] {
    let [t8, t9, t17, t18, t25, t26] = pair_features(c);
    let [t19, t20, t21, t22, t23, t24] = setting_features(&Setting::of(c));
    [t8, t9, t17, t18, t19, t20, t21, t22, t23, t24, t25, t26]
}

/// The padding words beyond the ends of a sentence.
pub fn left_padding() -> WordInfo {
    WordInfo::padding(PAD_LEFT)
}

pub fn right_padding() -> WordInfo {
    WordInfo::padding(PAD_RIGHT)
}

/// A hashed feature's row in a table of `1 << bits` rows.
#[inline]
pub fn row_of(hash: u64, bits: u32) -> u32 {
    (hash >> (64 - bits)) as u32
}

/// Gazetteer code of token `i` of a sentence, `0xff` beyond its ends.
pub fn gazetteer_code(gazetteer: &[u8], i: isize) -> u64 {
    if i < 0 || i as usize >= gazetteer.len() {
        0xff
    } else {
        gazetteer[i as usize] as u64
    }
}

/// Writes `words.len() * FEATURES_PER_TOKEN` row indices (each `< 1 << bits`) into `out`, in
/// template order. `gazetteer[i]` is the token's gazetteer code (0: none).
pub fn sentence_features(infos: &[WordInfo], gazetteer: &[u8], bits: u32, out: &mut Vec<u32>) {
    out.clear();
    let n = infos.len();
    let caps_sentence = is_caps_sentence(infos);
    let left = left_padding();
    let right = right_padding();
    let at = |i: isize| -> &WordInfo {
        if i < 0 {
            &left
        } else if i as usize >= n {
            &right
        } else {
            &infos[i as usize]
        }
    };
    for i in 0..n as isize {
        let own = own_features(at(i));
        let neighbour = |offset: isize, place| neighbour_features(at(i + offset), place).0;
        let (previous, next) = (
            neighbour(-1, Neighbour::Previous),
            neighbour(1, Neighbour::Next),
        );
        let (second_previous, second_next) = (
            neighbour(-2, Neighbour::SecondPrevious)[0],
            neighbour(2, Neighbour::SecondNext)[0],
        );
        let context = context_features(&TokenContext::of_token(at, gazetteer, i, caps_sentence));
        let raw: [u64; FEATURES_PER_TOKEN] = [
            own[0],
            own[1],
            own[2],
            previous[0],
            next[0],
            second_previous,
            second_next,
            own[3],
            context[0],
            context[1],
            previous[1],
            next[1],
            own[4],
            own[5],
            own[6],
            own[7],
            own[8],
            context[2],
            context[3],
            context[4],
            context[5],
            context[6],
            context[7],
            context[8],
            context[9],
            context[10],
            context[11],
            own[9],
        ];
        out.extend(raw.iter().map(|&h| row_of(h, bits)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let mut s = String::new();
        for (w, expected) in [
            ("Iran", "Xx"),
            ("U.S.", "X.X."),
            ("al-Assad", "x-Xx"),
            ("2015", "d"),
            ("’s", "'x"),
        ] {
            word_shape(w, &mut s);
            assert_eq!(s, expected, "{w}");
        }
        normalize_word("Iran’s 2015", &mut s);
        assert_eq!(s, "iran's 0000");
    }

    /// Affixes and length count characters, in ASCII and beyond.
    #[test]
    fn affixes_count_characters() {
        let mut scratch = String::new();
        for word in [
            "a",
            "of",
            "Iran",
            "Putin",
            "al-Assad",
            "Zürich",
            "İstanbul",
            "Ærø",
            "‘Øresund’",
            "日本語",
            "Dvořák",
            "2015",
            "Müller-Lüdenscheid",
        ] {
            let info = word_info(word, &mut scratch);
            normalize_word(word, &mut scratch);
            let chars: Vec<char> = scratch.chars().collect();
            let n = chars.len();
            let suffix = |k: usize| chars[n.saturating_sub(k)..].iter().collect::<String>();
            let prefix = |k: usize| chars[..k.min(n)].iter().collect::<String>();
            let expected = [
                affix_hash(1, &suffix(2)),
                affix_hash(2, &suffix(3)),
                affix_hash(3, &suffix(4)),
                affix_hash(4, &prefix(2)),
                affix_hash(5, &prefix(3)),
            ];
            let got = [
                info.suffix2,
                info.suffix3,
                info.suffix4,
                info.prefix2,
                info.prefix3,
            ];
            assert_eq!(got, expected, "{word}");
            assert_eq!(
                info.length,
                n.min(4) as u64 + u64::from(n > 4) + u64::from(n > 6)
            );
        }
    }

    #[test]
    fn features_are_in_range_and_deterministic() {
        let mut scratch = String::new();
        let infos: Vec<WordInfo> = ["Vladimir", "Putin", "spoke", "."]
            .iter()
            .map(|w| word_info(w, &mut scratch))
            .collect();
        let mut a = Vec::new();
        let mut b = Vec::new();
        sentence_features(&infos, &[0, 0, 0, 0], 12, &mut a);
        sentence_features(&infos, &[0, 0, 0, 0], 12, &mut b);
        assert_eq!(a.len(), 4 * FEATURES_PER_TOKEN);
        assert_eq!(a, b);
        assert!(a.iter().all(|&f| f < 1 << 12));
        assert!(!is_caps_sentence(&infos));
        let caps: Vec<WordInfo> = ["JAPAN", "GET", "LUCKY", "WIN"]
            .iter()
            .map(|w| word_info(w, &mut scratch))
            .collect();
        assert!(is_caps_sentence(&caps));
    }
}
