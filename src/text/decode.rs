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
    fn cp1252_quotes_and_undefined_bytes() {
        assert_eq!(decode_lossless(b"\x93hi\x94 \x81"), "“hi” \u{81}");
    }
}
