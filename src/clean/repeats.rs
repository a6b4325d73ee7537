//! Repetition inside one document: an article printed two or three times, a title printed twice.
//! A repeated paragraph goes when it is long, or when it repeats as part of a run of repeated
//! paragraphs in the same order (so a whole copy goes, short lines included). A short paragraph
//! repeated on its own (a quote, a refrain) stays.

use std::collections::HashMap;

use xxhash_rust::xxh3::xxh3_64;

/// A hash of the paragraph's words, lowercased, punctuation and spacing ignored; digits folded
/// to 0 when `fold_digits` (templates), kept otherwise. 0 means "no words".
pub fn paragraph_key(text: &str, fold_digits: bool) -> u64 {
    let bytes = text.as_bytes();
    let mut buf: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut pending_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (alnum, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        if alnum {
            if pending_space && !buf.is_empty() {
                buf.push(b' ');
            }
            pending_space = false;
            if b < 0x80 {
                buf.push(if fold_digits && b.is_ascii_digit() {
                    b'0'
                } else {
                    b.to_ascii_lowercase()
                });
            } else {
                let mut tmp = [0u8; 4];
                for lower in text[i..i + len].chars().flat_map(char::to_lowercase) {
                    buf.extend_from_slice(lower.encode_utf8(&mut tmp).as_bytes());
                }
            }
        } else {
            pending_space = true;
        }
        i += len;
    }
    if buf.is_empty() {
        0
    } else {
        xxh3_64(&buf).max(1)
    }
}

/// An exact key of a paragraph's text (paragraphs are already whitespace-normalised); 0 when
/// it has no letters or digits.
pub fn exact_key(text: &str) -> u64 {
    if text.bytes().any(|b| b.is_ascii_alphanumeric()) || !text.is_ascii() {
        xxh3_64(text.as_bytes()).max(1)
    } else {
        0
    }
}

/// For each paragraph (by key and length), the rule that removes it as a repeat, if any.
pub fn repeated(keys: &[u64], chars: &[usize], min_chars: usize) -> Vec<Option<&'static str>> {
    let mut first_seen: HashMap<u64, usize> = HashMap::with_capacity(keys.len());
    let earlier: Vec<Option<usize>> = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| {
            if k == 0 {
                return None;
            }
            match first_seen.get(&k) {
                Some(&j) => Some(j),
                None => {
                    first_seen.insert(k, i);
                    None
                }
            }
        })
        .collect();
    // Does paragraph i repeat in step with its neighbour at offset `d` (-1 or +1)?
    let in_step = |i: usize, d: isize| -> bool {
        let (Some(j), Some(n)) = (earlier[i], i.checked_add_signed(d)) else {
            return false;
        };
        let Some(&Some(nj)) = earlier.get(n) else {
            return false;
        };
        j.checked_add_signed(d) == Some(nj) && n != j
    };
    (0..keys.len())
        .map(|i| {
            earlier[i]?;
            if chars[i] >= min_chars {
                Some("repeat.paragraph")
            } else if in_step(i, -1) || in_step(i, 1) {
                Some("repeat.block")
            } else {
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_and_punctuation() {
        assert_eq!(
            paragraph_key("Hello, World!", false),
            paragraph_key("hello world", false)
        );
        assert_ne!(
            paragraph_key("Read 428 times", false),
            paragraph_key("Read 12 times", false)
        );
        assert_eq!(
            paragraph_key("Read 428 times", true),
            paragraph_key("Read 120 times", true)
        );
        assert_eq!(paragraph_key(" -- ", false), 0);
    }

    #[test]
    fn copies_go_short_quotes_stay() {
        // A B c A B c : second copy goes entirely (c is short but in step).
        let keys = [1, 2, 3, 1, 2, 3, 9, 7, 9];
        let chars = [100, 100, 4, 100, 100, 4, 10, 100, 10];
        let got = repeated(&keys, &chars, 50);
        assert_eq!(
            got[..6],
            [
                None,
                None,
                None,
                Some("repeat.paragraph"),
                Some("repeat.paragraph"),
                Some("repeat.block")
            ]
        );
        // The short "9" repeated alone stays.
        assert_eq!(got[8], None);
    }
}
