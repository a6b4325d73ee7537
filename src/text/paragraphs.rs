//! Lines and paragraphs. Lines are split at `\n`; a line holding only whitespace (Unicode
//! whitespace, `\r` included) is blank; a paragraph is a block of non-blank lines between blank
//! lines. Statistics, dedup's repeated paragraphs and cleaning's unwrapping all read text this way.

use std::ops::Range;

/// One line of a text, without its `\n`: `start..end`, and the part left when whitespace is
/// trimmed from both ends, `content_start..content_end` (empty for a blank line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    pub content_start: usize,
    pub content_end: usize,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.content_start == self.content_end
    }

    /// The trimmed text of the line.
    pub fn content<'a>(&self, text: &'a str) -> &'a str {
        &text[self.content_start..self.content_end]
    }
}

/// Every line of `text`, blank ones included (a text ending in `\n` ends with an empty line).
pub fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    // The line ends found with the SIMD search (`split('\n')` looks a word at a time).
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    ends.map(move |end| {
        let line_start = start;
        let part = &text[line_start..end];
        start = end + 1;
        // Each end trimmed once (`trim` after `trim_start` would trim the start again).
        let started = part.trim_start();
        let leading = part.len() - started.len();
        let content = started.trim_end();
        Line {
            start: line_start,
            end: line_start + part.len(),
            content_start: line_start + leading,
            content_end: line_start + leading + content.len(),
        }
    })
}

/// Byte ranges of the paragraphs of `text`, from the start of a block's first line to the end
/// of its last line (the lines themselves untrimmed).
pub fn paragraphs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut lines = lines(text).peekable();
    std::iter::from_fn(move || {
        let first = lines.find(|l| !l.is_blank())?;
        let mut end = first.end;
        while let Some(line) = lines.next_if(|l| !l.is_blank()) {
            end = line.end;
        }
        Some(first.start..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_on_blank_lines() {
        let text = "Title\n\nFirst line\nwrapped.\n \t\nSecond.\n\n\n";
        assert_eq!(texts(text), ["Title", "First line\nwrapped.", "Second."]);
        assert!(texts("").is_empty());
        assert!(texts("\n\n  \n").is_empty());
        assert_eq!(texts("one"), ["one"]);
        assert_eq!(texts("  a  \r\n\r\nb"), ["  a  \r", "b"]);
    }

    #[test]
    fn lines_and_their_content() {
        let text = "  a b \n\n\tc\r";
        let found: Vec<(&str, &str, bool)> = lines(text)
            .map(|l| (&text[l.start..l.end], l.content(text), l.is_blank()))
            .collect();
        assert_eq!(
            found,
            [
                ("  a b ", "a b", false),
                ("", "", true),
                ("\tc\r", "c", false)
            ]
        );
        assert_eq!(lines("x\n").count(), 2);
    }
}
