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
    let chars: Vec<(usize, char)> = scratch.char_indices().collect();
    let n = chars.len();
    let suffix = |k: usize| {
        if n > k {
            &scratch[chars[n - k].0..]
        } else {
            scratch.as_str()
        }
    };
    let prefix = |k: usize| {
        if n > k {
            &scratch[..chars[k].0]
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

/// Writes `words.len() * FEATURES_PER_TOKEN` row indices (each `< 1 << bits`) into `out`.
/// `gazetteer[i]` is the token's gazetteer code (0: none).
pub fn sentence_features(infos: &[WordInfo], gazetteer: &[u8], bits: u32, out: &mut Vec<u32>) {
    out.clear();
    let n = infos.len();
    let caps = is_caps_sentence(infos) as u64;
    let left = WordInfo::padding(PAD_LEFT);
    let right = WordInfo::padding(PAD_RIGHT);
    let at = |i: isize| -> &WordInfo {
        if i < 0 {
            &left
        } else if i as usize >= n {
            &right
        } else {
            &infos[i as usize]
        }
    };
    let gaz = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            0xff
        } else {
            gazetteer[i as usize] as u64
        }
    };
    let shift = 64 - bits;
    for i in 0..n as isize {
        let (w0, p1, p2, n1, n2) = (at(i), at(i - 1), at(i - 2), at(i + 1), at(i + 2));
        let (g0, gp, gn) = (gaz(i), gaz(i - 1), gaz(i + 1));
        let raw: [u64; FEATURES_PER_TOKEN] = [
            mix(0, 0, 0),
            mix(1, w0.lower, 0),
            mix(2, w0.exact, 0),
            mix(3, p1.lower, 0),
            mix(4, n1.lower, 0),
            mix(5, p2.lower, 0),
            mix(6, n2.lower, 0),
            mix(7, w0.shape, 0),
            mix(8, p1.shape, w0.shape),
            mix(9, w0.shape, n1.shape),
            mix(10, p1.shape, 0),
            mix(11, n1.shape, 0),
            mix(12, w0.suffix2, 0),
            mix(13, w0.suffix3, 0),
            mix(14, w0.suffix4, 0),
            mix(15, w0.prefix2, 0),
            mix(16, w0.prefix3, 0),
            mix(17, p1.lower, w0.lower),
            mix(18, w0.lower, n1.lower),
            mix(19, g0, 0),
            mix(20, gp, g0),
            mix(21, g0, gn),
            mix(22, g0, w0.shape),
            mix(23, (i == 0) as u64, w0.shape),
            mix(24, caps, w0.shape),
            mix(25, p1.lower, w0.shape),
            mix(26, w0.shape, n1.lower),
            mix(27, w0.length, w0.shape),
        ];
        out.extend(raw.iter().map(|h| (h >> shift) as u32));
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
