//! Per-document statistics for summaries and `tidings.describe`.

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
    let mut stats = TextStats {
        chars: text.chars().count(),
        words: count_words(text),
        ..Default::default()
    };
    let mut in_paragraph = false;
    for line in text.lines() {
        let blank = line.trim().is_empty();
        if !blank {
            stats.lines += 1;
            if !in_paragraph {
                stats.paragraphs += 1;
            }
        }
        in_paragraph = !blank;
    }
    stats
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
