//! UTF-8 byte offsets to Python string indices (code points).
//!
//! Rust works on bytes; Python users index strings by code point. A checkpoint every
//! [`STRIDE`] bytes keeps a conversion O(STRIDE) with memory of len/STRIDE words, which matters
//! for 50 MB documents.

const STRIDE: usize = 256;

/// Converts byte offsets of one text into code-point offsets.
pub struct CharOffsets<'a> {
    text: &'a str,
    /// `None` for ASCII text, where byte and char offsets coincide.
    checkpoints: Option<Vec<usize>>,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return Self {
                text,
                checkpoints: None,
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut chars = 0usize;
        for (block, chunk) in bytes.chunks(STRIDE).enumerate() {
            debug_assert_eq!(block, checkpoints.len());
            checkpoints.push(chars);
            chars += count_chars(chunk);
        }
        Self {
            text,
            checkpoints: Some(checkpoints),
        }
    }

    /// The code-point index of `byte`, which must lie on a char boundary (or at the end).
    pub fn char_index(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        match &self.checkpoints {
            None => byte,
            Some(checkpoints) => {
                let block = byte / STRIDE;
                let start = block * STRIDE;
                let base = checkpoints.get(block).copied().unwrap_or_else(|| {
                    // `byte == len` on a block boundary: count the last block.
                    let last = checkpoints.len() - 1;
                    checkpoints[last] + count_chars(&self.text.as_bytes()[last * STRIDE..])
                });
                if start >= self.text.len() {
                    return base;
                }
                base + count_chars(&self.text.as_bytes()[start..byte])
            }
        }
    }
}

/// Counts code points in UTF-8 bytes (a chunk may start or end inside a char: only leading
/// bytes are counted).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str, byte: usize) -> usize {
        text[..byte].chars().count()
    }

    #[test]
    fn matches_reference_on_mixed_text() {
        let text = "Iran’s “Syrian army’s” victory — Tehran é 日本 😀 end".repeat(40);
        let offsets = CharOffsets::new(&text);
        for (byte, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(
                offsets.char_index(byte),
                reference(&text, byte),
                "byte {byte}"
            );
        }
    }

    #[test]
    fn ascii_is_identity() {
        let offsets = CharOffsets::new("plain ascii");
        assert_eq!(offsets.char_index(5), 5);
        assert_eq!(offsets.char_index(11), 11);
    }

    #[test]
    fn end_on_block_boundary() {
        let text = "é".repeat(STRIDE); // 2 * STRIDE bytes
        let offsets = CharOffsets::new(&text);
        assert_eq!(offsets.char_index(text.len()), STRIDE);
        assert_eq!(offsets.char_index(STRIDE), STRIDE / 2);
    }
}
