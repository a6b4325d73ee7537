//! Per-document statistics for summaries and `tidings.describe`.

use super::paragraphs::{lines, paragraphs};
use super::words::count_words;

/// Size figures of one document. Paragraphs are blocks separated by blank lines.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TextStats {
    pub chars: usize,
    pub words: usize,
    pub lines: usize,
    pub paragraphs: usize,
}

pub fn text_stats(text: &str) -> TextStats {
    TextStats {
        chars: text.chars().count(),
        words: count_words(text),
        lines: lines(text).filter(|l| !l.is_blank()).count(),
        paragraphs: paragraphs(text).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        let s = text_stats("Title\n\nFirst line\nsecond line.\n\n\nLast — é.");
        assert_eq!(
            s,
            TextStats {
                chars: 42,
                words: 7,
                lines: 4,
                paragraphs: 3
            }
        );
        assert_eq!(text_stats(""), TextStats::default());
    }
}
