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

/// A Python string that is not valid Unicode (it holds surrogate code points) as the core sees
/// it, and the way back to the Python string's indices. The core sees each surrogate pair
/// written as two code points (`"\ud83d\ude00"`) as the one character it encodes, and each
/// lone surrogate as U+FFFD; so every character of the core's text stands for one Python code
/// point, except the merged pairs, which stand for two.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SurrogatePairs {
    /// Code-point indices, in the core's text, of the characters that were a pair; ascending.
    merged: Vec<usize>,
}

impl SurrogatePairs {
    /// The core's text of a Python string given as its code points (surrogates included), and
    /// the pairs it merged.
    pub fn decode(code_points: &[u32]) -> (String, SurrogatePairs) {
        let mut text = String::with_capacity(code_points.len());
        let mut merged = Vec::new();
        let mut chars = 0usize;
        let mut i = 0;
        while i < code_points.len() {
            let (c, taken) = match (code_points[i], code_points.get(i + 1)) {
                (high @ 0xD800..=0xDBFF, Some(&low @ 0xDC00..=0xDFFF)) => {
                    merged.push(chars);
                    let pair = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                    (
                        char::from_u32(pair).unwrap_or(char::REPLACEMENT_CHARACTER),
                        2,
                    )
                }
                (c, _) => (char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER), 1),
            };
            text.push(c);
            chars += 1;
            i += taken;
        }
        (text, SurrogatePairs { merged })
    }

    /// The Python string index of code point `index` of the core's text (`index` may be the
    /// text's length).
    pub fn python_index(&self, index: usize) -> usize {
        index + self.merged.partition_point(|&at| at < index)
    }

    /// The code point of the core's text at Python string index `index` (an index inside a
    /// merged pair gives the pair's character): the inverse of [`SurrogatePairs::python_index`].
    pub fn core_index(&self, index: usize) -> usize {
        // The k-th merged pair stands at Python index merged[k] + k, which grows with k.
        let (mut low, mut high) = (0, self.merged.len());
        while low < high {
            let mid = (low + high) / 2;
            if self.merged[mid] + mid < index {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        index - low
    }

    /// The Python string's length in code points, for a core text of `chars` code points.
    pub fn python_len(&self, chars: usize) -> usize {
        chars + self.merged.len()
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
    fn surrogate_pairs_map_back_to_python_indices() {
        // "😀 é" + a lone high surrogate + "x": the pair written as two code points.
        let python = [0xD83D, 0xDE00, 0x20, 0xE9, 0xD800, 0x78];
        let (text, pairs) = SurrogatePairs::decode(&python);
        assert_eq!(text, "😀 é\u{FFFD}x");
        let python_indices: Vec<usize> = (0..=5).map(|i| pairs.python_index(i)).collect();
        assert_eq!(python_indices, [0, 2, 3, 4, 5, 6]);
        assert_eq!(pairs.python_len(text.chars().count()), python.len());
        let core_indices: Vec<usize> = (0..=6).map(|i| pairs.core_index(i)).collect();
        assert_eq!(core_indices, [0, 0, 1, 2, 3, 4, 5]);
        // A lone low surrogate, and a high one at the end, stay one code point each.
        let (text, pairs) = SurrogatePairs::decode(&[0xDC00, 0x41, 0xD83D]);
        assert_eq!(text, "\u{FFFD}A\u{FFFD}");
        assert_eq!(pairs, SurrogatePairs::default());
    }

    #[test]
    fn end_on_block_boundary() {
        let text = "é".repeat(STRIDE); // 2 * STRIDE bytes
        let offsets = CharOffsets::new(&text);
        assert_eq!(offsets.char_index(text.len()), STRIDE);
        assert_eq!(offsets.char_index(STRIDE), STRIDE / 2);
    }
}
