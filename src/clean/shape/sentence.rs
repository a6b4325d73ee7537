//! Punctuation shapes of a line or paragraph: does it end a sentence, does it stop on a
//! function word, is it an item of a list.

use crate::text::lexicon::{open_words, stopwords};

/// Ends with sentence punctuation (closing quotes and brackets aside: German and French quotes
/// close with “ « ‘ too), or with a comma inside them (a quote that runs on).
pub fn ends_sentence(text: &str) -> bool {
    // Most lines end with a letter or a full stop: no closing mark, space or bracket to see past.
    if let Some(&last) = text.as_bytes().last() {
        if last.is_ascii_alphanumeric() || last == b',' {
            return false;
        }
        if last == b'.' {
            return true;
        }
    }
    let trimmed = text.trim_end_matches([
        '"', '”', '’', '\'', ')', ']', '»', '*', '“', '«', '‘', '›', '‹', '」', '』', '）',
    ]);
    trimmed.ends_with(['.', '!', '?', '…', ';', '。', '！', '？', '｡'])
        || (trimmed.len() < text.len() && trimmed.ends_with(','))
        // A sentence followed by its credit in brackets ("… off Bandar Anzali, Iran. (Reuters)").
        || text.trim_end().strip_suffix(')').and_then(|t| t.rsplit_once('(')).is_some_and(|(before, _)| {
            let before = before.trim_end();
            before.len() < text.len() && before.ends_with(['.', '!', '?'])
        })
}

/// A word of the closed classes (articles, prepositions, pronouns, conjunctions), punctuation
/// around it aside.
pub fn function_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    !w.is_empty() && stopwords().contains_ignore_ascii_case(w)
}

/// Stops on a function word, as no label, menu line or headline does: its sentence goes on
/// after it ("General Motors Corp said car sales for", "secured qualification for").
pub fn ends_on_function_word(text: &str) -> bool {
    text.split_whitespace()
        .next_back()
        .is_some_and(function_word)
}

/// Stops on a word no sentence ends on, with nothing after it ("during the", "a unit of"): the
/// sentence goes on in the next line. Headlines stop on words of their own, particles too
/// ("Student fee factor played down", "slow to catch on").
pub fn leaves_sentence_open(text: &str) -> bool {
    text.split_whitespace()
        .next_back()
        .is_some_and(|w| open_words().contains_ignore_ascii_case(w))
}

/// Starts with a bullet or a list number ("- ", "• ", "1. ", "12) "); converters mark the items
/// of nested lists with "+ " and "o " ("o Politics").
pub fn is_list_item(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '·' | '▪' | '◦' | '–' | '—' | '+' | '►' | '»') => {
            chars.next() == Some(' ')
        }
        Some('o') => {
            chars.next() == Some(' ')
                && chars
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        }
        Some(c) if c.is_ascii_digit() => {
            // "1. ", "12) ": a year such as "2015. (AP)" is not a list number.
            let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.len() + 3 >= text.len() && (rest.starts_with(". ") || rest.starts_with(") "))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{ends_sentence, leaves_sentence_open};

    #[test]
    fn lines_that_leave_their_sentence_open() {
        assert!(leaves_sentence_open(
            "imports from individual countries during the"
        ));
        assert!(leaves_sentence_open(
            "Oesterreichische Draukraftwerke AG of"
        ));
        assert!(!leaves_sentence_open("Student fee factor played down"));
        assert!(!leaves_sentence_open("Mobile multimedia slow to catch on"));
        assert!(!leaves_sentence_open("Terms of Use"));
        assert!(!leaves_sentence_open("prices rose, the ministry said of."));
    }

    #[test]
    fn a_sentence_may_end_before_its_credit() {
        assert!(ends_sentence(
            "Vessels sail off Bandar Anzali, Iran. (Reuters)"
        ));
        assert!(!ends_sentence("Scotland v Italy (Sat)"));
        assert!(!ends_sentence("(Reuters)"));
    }
}
