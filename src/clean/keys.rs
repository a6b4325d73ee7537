//! Hash keys of a paragraph's text: the exact key repeats and titles are matched by, and the
//! word key (digits optionally folded) templates are learned and matched by.

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
}
