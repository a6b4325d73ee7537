//! Raw bytes to text. Scraped files arrive as UTF-8 with stray cp1252/Latin-1 bytes (one BBC
//! article has a lone 0xA3 for "£"); we decode each invalid byte as cp1252 rather than failing.

use std::borrow::Cow;

/// cp1252 code points for bytes 0x80..=0x9F; the five undefined bytes map to the C1 control
/// with the same value, as Latin-1 does.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The char a single byte stands for in cp1252 (Latin-1 for the undefined bytes).
pub fn cp1252_char(byte: u8) -> char {
    match byte {
        0x80..=0x9F => CP1252_HIGH[(byte - 0x80) as usize],
        _ => byte as char,
    }
}

/// The byte `c` stands for in cp1252, Latin-1 for U+0080..=U+00FF (mojibake repair re-encodes
/// text with it): the inverse of [`cp1252_char`] on bytes 0x80..=0xFF. `None` for ASCII and for
/// characters cp1252 cannot write.
pub fn cp1252_byte(c: char) -> Option<u8> {
    let code = c as u32;
    if (0x80..=0xFF).contains(&code) {
        return Some(code as u8);
    }
    CP1252_HIGH
        .iter()
        .position(|&high| high == c)
        .map(|i| 0x80 + i as u8)
}

/// Decodes bytes as UTF-8, reading every byte that is not part of a valid UTF-8 sequence as
/// cp1252. Valid input is borrowed, not copied.
pub fn decode_lossless(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => {
            let mut out = String::with_capacity(bytes.len() + 8);
            for chunk in bytes.utf8_chunks() {
                out.push_str(chunk.valid());
                out.extend(chunk.invalid().iter().map(|&b| cp1252_char(b)));
            }
            Cow::Owned(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_utf8_is_borrowed() {
        assert!(matches!(
            decode_lossless("Iran’s".as_bytes()),
            Cow::Borrowed("Iran’s")
        ));
    }

    #[test]
    fn stray_latin1_pound() {
        assert_eq!(decode_lossless(b"cost \xa315.8m"), "cost £15.8m");
    }

    #[test]
    fn inverse_table() {
        for byte in 0x80..=0xFFu8 {
            assert_eq!(cp1252_byte(cp1252_char(byte)), Some(byte));
        }
        assert_eq!(cp1252_byte('€'), Some(0x80));
        assert_eq!(cp1252_byte('é'), Some(0xE9));
        assert_eq!(cp1252_byte('a'), None);
        assert_eq!(cp1252_byte('日'), None);
    }

    /// The inverse as cleaning's mojibake repair wrote it by hand (src/clean/chars.rs), for
    /// every char of the Basic Multilingual Plane: the derived one agrees everywhere.
    #[test]
    fn inverse_matches_the_hand_written_table() {
        fn hand_written(c: char) -> Option<u8> {
            let code = c as u32;
            if (0x80..=0xFF).contains(&code) {
                return Some(code as u8);
            }
            let high = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
            let bytes = [
                0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8E, 0x91,
                0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9E, 0x9F,
            ];
            high.chars().position(|h| h == c).map(|i| bytes[i])
        }
        for c in (0..=0xFFFFu32).filter_map(char::from_u32) {
            assert_eq!(cp1252_byte(c), hand_written(c), "{c:?}");
        }
    }

    #[test]
    fn cp1252_quotes_and_undefined_bytes() {
        assert_eq!(decode_lossless(b"\x93hi\x94 \x81"), "“hi” \u{81}");
    }
}
