//! Person titles: the words of "Deputy Foreign Minister" before a name, split off the name and
//! reported as the mention's title.

use super::mention::Label;
use crate::text::lexicon::{title_heads, title_words};

/// Whether `word` can be part of a person's title.
pub fn is_title_word(word: &str) -> bool {
    title_words().contains(word)
}

/// Splits leading title words off a PERSON span and finds the title just before it.
/// Returns the new span start and the title's token range.
pub fn split_title(
    words: &[&str],
    start: usize,
    end: usize,
    label: Label,
) -> (usize, Option<(usize, usize)>) {
    if label != Label::Person {
        return (start, None);
    }
    let mut s = start;
    while s + 1 < end && is_title_word(words[s]) {
        s += 1;
    }
    let mut t = start;
    while t > 0 && is_title_word(words[t - 1]) {
        t -= 1;
    }
    let title_end = s;
    let has_head = words[t..title_end]
        .iter()
        .any(|w| title_heads().contains(w));
    (s, (t < title_end && has_head).then_some((t, title_end)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_split() {
        let words = [
            "Iranian", "Deputy", "Foreign", "Minister", "Hossein", "Jaberi", "Ansari",
        ];
        assert_eq!(split_title(&words, 4, 7, Label::Person), (4, Some((1, 4))));
        assert_eq!(split_title(&words, 2, 7, Label::Person), (4, Some((1, 4))));
        assert_eq!(
            split_title(&["Foreign", "Smith"], 1, 2, Label::Person),
            (1, None)
        );
        assert_eq!(split_title(&words, 4, 7, Label::Org), (4, None));
    }
}
