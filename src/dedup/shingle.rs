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
use xxhash_rust::xxh3::xxh3_64;

use crate::text::fold::lowercase_folded;
use crate::text::hash::fmix64;
use crate::text::words::words;

/// Seed of the shingle hash, so a shingle of one word never equals that word's own hash.
const SHINGLE_SEED: u64 = 0x7469_6469_6e67_7331; // "tidings1"

/// NFC plus whitespace collapse (see the module docs).
pub fn normalize(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        collapse_whitespace(text)
    } else {
        let composed: String = text.nfc().collect();
        Cow::Owned(collapse_whitespace(&composed).into_owned())
    }
}

/// Every whitespace run becomes one space, ends trimmed. Borrows when nothing changes.
fn collapse_whitespace(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || !text.chars().any(|c| !c.is_ascii() && c.is_whitespace()) {
        collapse_ascii_whitespace(text)
    } else {
        collapse_unicode_whitespace(text)
    }
}

/// A searcher for two spaces, built once (building one per line costs more than the search).
fn double_space() -> &'static memchr::memmem::Finder<'static> {
    static FINDER: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    FINDER.get_or_init(|| memchr::memmem::Finder::new(b"  "))
}

/// [`collapse_whitespace`] for a text whose only whitespace is ASCII. Lines (split at `\n`,
/// `\t`, `\r` with SIMD search) are trimmed of spaces and joined by one space; a line holding a
/// double space (rare) or a vertical tab / form feed falls back to the byte loop.
fn collapse_ascii_whitespace(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    if memchr::memchr2(0x0b, 0x0c, bytes).is_some() {
        return collapse_unicode_whitespace(text);
    }
    let clean = |line: &str| {
        !line.starts_with(' ')
            && !line.ends_with(' ')
            && double_space().find(line.as_bytes()).is_none()
    };
    if memchr::memchr3(b'\n', b'\t', b'\r', bytes).is_none() && clean(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut start = 0;
    let ends = memchr::memchr3_iter(b'\n', b'\t', b'\r', bytes).chain(std::iter::once(bytes.len()));
    // The double spaces of the whole text, searched once: a line's trimmed content holds one
    // when one starts within it (a maximal run of spaces starts the match that finds it).
    let mut doubles = double_space().find_iter(bytes).peekable();
    for end in ends {
        let line = &text[start..end];
        let line_start = start;
        start = end + 1;
        let trimmed = line.trim_matches(' ');
        if trimmed.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let content_start = line_start + (trimmed.as_ptr() as usize - line.as_ptr() as usize);
        while doubles.next_if(|&at| at < content_start).is_some() {}
        let content_end = content_start + trimmed.len();
        if doubles.peek().is_none_or(|&at| at >= content_end) {
            out.push_str(trimmed);
        } else {
            out.push_str(&collapse_unicode_whitespace(trimmed));
        }
    }
    Cow::Owned(out)
}

/// [`collapse_whitespace`] for any text: one pass, decoding chars at non-ASCII bytes.
fn collapse_unicode_whitespace(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut pending_space = false;
    let mut changed = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 && !is_ascii_space(b) {
            // A run of ASCII non-space bytes is copied in one go.
            let run = bytes[i..]
                .iter()
                .position(|&b| b >= 0x80 || is_ascii_space(b))
                .unwrap_or(bytes.len() - i);
            if pending_space && !out.is_empty() {
                out.push(b' ');
            }
            pending_space = false;
            out.extend_from_slice(&bytes[i..i + run]);
            i += run;
            continue;
        }
        let (width, space) = if b < 0x80 {
            (1, true)
        } else {
            let c = text[i..].chars().next().unwrap_or('\u{fffd}');
            (c.len_utf8(), c.is_whitespace())
        };
        if space {
            changed |= b != b' ' || pending_space || out.is_empty();
            pending_space = true;
        } else {
            if pending_space && !out.is_empty() {
                out.push(b' ');
            }
            pending_space = false;
            out.extend_from_slice(&bytes[i..i + width]);
        }
        i += width;
    }
    if !changed && !pending_space {
        return Cow::Borrowed(text);
    }
    // Whole chars and ASCII spaces only were copied, so `out` is valid UTF-8.
    Cow::Owned(String::from_utf8(out).unwrap_or_default())
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Hash of an already normalised text: equal hashes mean exact duplicates.
pub fn exact_hash(normalized: &str) -> u64 {
    xxh3_64(normalized.as_bytes())
}

/// Hash of one word, lower-cased, with typographic quotes read as ASCII ones.
fn word_hash(word: &str, ascii: bool, buffer: &mut String) -> u64 {
    let bytes = word.as_bytes();
    if ascii && bytes.len() <= SHORT_WORD {
        let mut lower = [0u8; SHORT_WORD];
        for (l, b) in lower.iter_mut().zip(bytes) {
            *l = b.to_ascii_lowercase();
        }
        return xxh3_64(&lower[..bytes.len()]);
    }
    lowercase_folded(word, buffer);
    xxh3_64(buffer.as_bytes())
}

/// How far the word at position `k` of a window is rotated: order matters and a repeated
/// word does not cancel.
fn rotation(k: usize) -> u32 {
    (k as u32 * 23) % 64
}

/// Hash of a window of word hashes: each word rotated by its position ([`rotation`]),
/// xor-ed, then mixed.
fn window_hash(words: &[u64]) -> u64 {
    mix_window(rotated_xor(words), words.len())
}

/// The word hashes of a window, each rotated by its position, xor-ed.
fn rotated_xor(words: &[u64]) -> u64 {
    words
        .iter()
        .enumerate()
        .fold(0, |h, (k, w)| h ^ w.rotate_left(rotation(k)))
}

/// The hash of a window of `len` words whose rotated word hashes xor to `mixed`.
fn mix_window(mixed: u64, len: usize) -> u64 {
    fmix64(SHINGLE_SEED ^ len as u64 ^ mixed)
}

/// Hashes of the word `ngram`-shingles of a normalised text, in text order (with repeats).
/// A text with fewer than `ngram` words (but at least one) has one shingle of all its words;
/// a text with no words has none.
pub fn shingle_hashes(normalized: &str, ngram: usize, out: &mut Vec<u64>) {
    out.clear();
    let ngram = ngram.max(1);
    word_hashes(normalized, out);
    if out.is_empty() {
        return;
    }
    if out.len() < ngram {
        let all = window_hash(out);
        out.clear();
        out.push(all);
        return;
    }
    window_hashes(out, ngram);
}

/// Replaces the word hashes in `words` by the hashes of their windows of `ngram` words
/// ([`window_hash`]), rolled from one window to the next: the next window drops the first
/// word (rotated by 0), turns every other word back one position, and adds a last word.
fn window_hashes(words: &mut Vec<u64>, ngram: usize) {
    let last = rotation(ngram - 1);
    let mut mixed = rotated_xor(&words[..ngram]);
    let windows = words.len() - ngram + 1;
    // Window `i` is written over word `i`, which no later window reads.
    for i in 0..windows {
        let first = words[i];
        words[i] = mix_window(mixed, ngram);
        if let Some(&next) = words.get(i + ngram) {
            mixed = (mixed ^ first).rotate_right(rotation(1)) ^ next.rotate_left(last);
        }
    }
    words.truncate(windows);
}

/// The hashes of the words of `text` ([`words`]), in order, appended to `out`. Runs of ASCII
/// are scanned, lower-cased and hashed in one pass; the scanner takes over from the word a
/// non-ASCII character touches (it only looks ahead, so starting it outside a word or at a
/// word's start finds the same words).
fn word_hashes(text: &str, out: &mut Vec<u64>) {
    let mut buffer = String::new();
    let mut at = 0;
    while let Some(restart) = ascii_word_hashes(text.as_bytes(), at, out) {
        let rest = &text[restart..];
        let Some(word) = words(rest).next() else {
            return;
        };
        out.push(word_hash(word.text(rest), word.ascii, &mut buffer));
        at = restart + word.end;
    }
}

/// Longest word lower-cased in place; longer ones are hashed by [`word_hash`].
const SHORT_WORD: usize = 64;

/// What [`ascii_word_hashes`] reads of a byte: an ASCII letter or digit is its lower-case form
/// (above [`NON_ASCII`]); other bytes are [`SEPARATOR`], [`JOINER`] or [`NON_ASCII`].
const SEPARATOR: u8 = 0;
const JOINER: u8 = 1;
const NON_ASCII: u8 = 2;

const fn word_bytes() -> [u8; 256] {
    let mut table = [SEPARATOR; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() {
            byte.to_ascii_lowercase()
        } else if byte == b'\'' || byte == b'-' {
            JOINER
        } else if byte >= 0x80 {
            NON_ASCII
        } else {
            SEPARATOR
        };
        b += 1;
    }
    table
}

static WORD_BYTE: [u8; 256] = word_bytes();

/// [`word_hashes`] from byte `at` while the text is ASCII: the hashes of its words appended to
/// `out`, and `None` at the end of the text, or the byte at which the scanner must take over
/// (the start of the word a non-ASCII byte touches, or that byte outside a word).
fn ascii_word_hashes(bytes: &[u8], at: usize, out: &mut Vec<u64>) -> Option<usize> {
    let class = |i: usize| bytes.get(i).map_or(SEPARATOR, |&b| WORD_BYTE[b as usize]);
    // One byte more than a short word: longer words write their tail there.
    let mut lower = [0u8; SHORT_WORD + 1];
    let mut i = at;
    loop {
        while i < bytes.len() && WORD_BYTE[bytes[i] as usize] <= JOINER {
            i += 1;
        }
        match class(i) {
            _ if i == bytes.len() => return None,
            NON_ASCII => return Some(i),
            _ => {}
        }
        let (start, mut len) = (i, 0);
        loop {
            while let Some(&b) = bytes.get(i) {
                let lowered = WORD_BYTE[b as usize];
                if lowered <= NON_ASCII {
                    break;
                }
                lower[len.min(SHORT_WORD)] = lowered;
                len += 1;
                i += 1;
            }
            match (class(i), class(i + 1)) {
                (NON_ASCII, _) | (JOINER, NON_ASCII) => return Some(start),
                (JOINER, next) if next > NON_ASCII => {
                    lower[len.min(SHORT_WORD)] = bytes[i];
                    len += 1;
                    i += 1;
                }
                _ => break,
            }
        }
        out.push(short_word_hash(bytes, start, i, &lower, len));
    }
}

/// The hash of the ASCII word `bytes[start..end]` of `len` bytes, lower-cased into `lower`
/// when it fits.
fn short_word_hash(bytes: &[u8], start: usize, end: usize, lower: &[u8], len: usize) -> u64 {
    if len <= SHORT_WORD {
        return xxh3_64(&lower[..len]);
    }
    let word = std::str::from_utf8(&bytes[start..end]).unwrap_or_default();
    word_hash(word, true, &mut String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_whitespace_and_composition() {
        assert_eq!(normalize("  a \t b\n\nc  "), "a b c");
        assert_eq!(normalize("a\u{a0}b"), "a b");
        assert!(matches!(normalize("already clean"), Cow::Borrowed(_)));
        assert!(matches!(normalize("caf\u{e9} ok"), Cow::Borrowed(_)));
        assert_eq!(normalize("a  b"), "a b");
        assert_eq!(normalize(" a"), "a");
        assert_eq!(normalize("a "), "a");
        assert_eq!(normalize("\u{2003}é\u{3000}x\u{85}"), "é x");
        for text in [
            "",
            " ",
            "a",
            " a b ",
            "a \n b",
            "a\tb",
            "ab  ",
            "  ab",
            "a b c",
            "é  ü",
            "a\r\n\r\nb",
            " \n \n ",
            "x  y\nz",
            "a \x0b b",
            "\tq\t",
            "p\n  \n  q  r \n",
            "a  \n  b   c\n d  ",
            "  a b  \tc  d\re",
            "   ",
            "x \n  y  z   \n\n w",
        ] {
            assert_eq!(
                collapse_ascii_whitespace(text),
                collapse_unicode_whitespace(text),
                "{text:?}"
            );
        }
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

    /// Shingle hashes are part of saved dedup indexes: these values were computed by the
    /// implementation before the shared word scanner, and must never change.
    #[test]
    fn hashes_are_stable() {
        let pinned: [(&str, usize, u64); 4] = [
            (
                "The central bank raised its main rate, citing Iran's mid-2012 data.",
                10,
                0x51ba_e5de_a186_bbb3,
            ),
            (
                "Iran’s al-Assad said “no” — Ünïcode ÉCOLE naïve ʼokina donʼt x-",
                9,
                0x0cef_d0b2_94cc_1bcd,
            ),
            ("ΣΟΦΟΣ σοφός 日本語 ２０２４年", 3, 0x7a79_6cf5_b841_9a13),
            ("", 0, 0x2d06_8005_38d3_94c2),
        ];
        let long = "A".repeat(70) + "-b c";
        let mut out = Vec::new();
        let digest = |out: &[u64]| {
            xxh3_64(
                &out.iter()
                    .flat_map(|v| v.to_le_bytes())
                    .collect::<Vec<u8>>(),
            )
        };
        for (text, count, hash) in pinned {
            shingle_hashes(&normalize(text), 2, &mut out);
            assert_eq!((out.len(), digest(&out)), (count, hash), "{text:?}");
        }
        shingle_hashes(&normalize(&long), 2, &mut out);
        assert_eq!((out.len(), digest(&out)), (1, 0x19d0_c3db_e919_87e1));
    }

    /// The one-pass ASCII scan finds and hashes the words the shared scanner finds, also where
    /// ASCII and other characters meet inside or beside a word.
    #[test]
    fn word_hashes_are_those_of_the_scanner() {
        const PIECES: [&str; 16] = [
            "Iran", "'s", "’s", "-", "al-", "é", "£5", " ", "  ", "\n", "Ünï", "—", "x-ray", "'",
            "mid-2012", "日本",
        ];
        let long = "Q".repeat(SHORT_WORD) + "r";
        let mut state = 11u64;
        let mut buffer = String::new();
        let mut fast = Vec::new();
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..8 {
                state = crate::text::hash::fmix64(state.wrapping_add(1));
                let piece = (state % 17) as usize;
                text.push_str(PIECES.get(piece).copied().unwrap_or(&long));
            }
            let expected: Vec<u64> = words(&text)
                .map(|w| word_hash(w.text(&text), w.ascii, &mut buffer))
                .collect();
            fast.clear();
            word_hashes(&text, &mut fast);
            assert_eq!(fast, expected, "{text:?}");
        }
    }

    /// Rolled window hashes are those of each window hashed on its own, for any window size.
    #[test]
    fn rolled_windows_are_hashed_windows() {
        let words: Vec<u64> = (0..40u64).map(|k| fmix64(k % 7 + 1)).collect();
        for ngram in 1..=12 {
            let expected: Vec<u64> = words.windows(ngram).map(window_hash).collect();
            let mut rolled = words.clone();
            window_hashes(&mut rolled, ngram);
            assert_eq!(rolled, expected, "{ngram}");
        }
    }

    #[test]
    fn shingles_are_lowercased_word_windows() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        shingle_hashes("One two three four", 2, &mut a);
        shingle_hashes("ONE, two; three -- Four!", 2, &mut b);
        assert_eq!(a.len(), 3);
        assert_eq!(a, b);
        shingle_hashes("two one three four", 2, &mut b);
        assert_ne!(a[0], b[0]);
        shingle_hashes("a a", 2, &mut a);
        shingle_hashes("b b", 2, &mut b);
        assert_ne!(a, b);
        shingle_hashes("Iran’s", 5, &mut a);
        shingle_hashes("iran's", 5, &mut b);
        assert_eq!(a, b);
        assert_eq!(a.len(), 1);
        shingle_hashes(" -- ", 5, &mut a);
        assert!(a.is_empty());
    }
}
