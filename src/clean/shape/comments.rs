//! The head of a reader's comment: a short line naming the commenter and ending with a comment
//! verb and a colon ("Kristine says:", "Milan on September 12, 2018 at 4:47 pm said:", or
//! "says:" alone where a converter put the name on a line of its own); the head of the
//! readers' comments as a whole ("2 comments", "Top Rated Comments"); and the labels of the form
//! to write one ("Name *", "Email *").

use super::features::Features;
use crate::text::lexicon::{comment_verbs, thread_words};
use crate::text::words::{count_words, is_joiner, words};

/// A line heading a comment: at most a dozen words, few of them function words (a name, a
/// date), the last a comment verb before a colon.
pub fn comment_head(text: &str, f: &Features) -> bool {
    let Some(head) = text.trim_end().strip_suffix(':') else {
        return false;
    };
    f.words <= 12
        && f.stopwords <= 3
        && head
            .rsplit(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .is_some_and(|verb| comment_verbs().contains(&verb.to_lowercase()))
}

/// A short line heading the readers' comments: at most [`THREAD_HEAD_WORDS`] words, no
/// sentence, one of them a plural naming comments ("2 comments", "[ 167 comments ]", "Top Rated
/// Comments", "Kommentare (3)").
pub fn thread_head(text: &str, f: &Features) -> bool {
    f.words <= THREAD_HEAD_WORDS
        && !f.terminal
        && f.ui_words >= 1
        && words(text).any(|w| thread_words().contains_ignore_ascii_case(w.text(text)))
}

/// The most words of a [`thread_head`].
const THREAD_HEAD_WORDS: usize = 5;

/// The label of a required field of a form, in any language: a [`field_name`] then an asterisk
/// apart ("Name *", "E-Mail *"), or an asterisk alone on its line after one (`name`, the text
/// before it, where a converter split them). A word with an asterisk joined to it ("VMs*") is
/// a footnote's mark.
pub fn field_label(text: &str, name: Option<&str>) -> bool {
    let text = text.trim();
    match text.strip_suffix('*') {
        Some("") => name.is_some_and(field_name),
        Some(label) => label.ends_with(char::is_whitespace) && field_name(label),
        None => false,
    }
}

/// The name of a field of a form: one to [`FIELD_NAME_WORDS`] words of letters.
pub fn field_name(text: &str) -> bool {
    let text = text.trim();
    (1..=FIELD_NAME_WORDS).contains(&count_words(text))
        && text
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || is_joiner(c))
}

/// The most words of a [`field_name`] ("Your email address").
const FIELD_NAME_WORDS: usize = 3;

/// A time of day in the text ("4:47 pm", "14:32"): comments are stamped with one.
pub fn has_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(4).enumerate().any(|(k, w)| {
        w[0].is_ascii_digit()
            && w[1] == b':'
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && !bytes.get(k + 4).is_some_and(u8::is_ascii_digit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::shape::features::features;

    #[test]
    fn comment_heads() {
        for s in [
            "Kristine says:",
            "says:",
            "Milan Griffes on September 12, 2018 at 4:47 pm said:",
            "Jürgen schreibt:",
        ] {
            assert!(comment_head(s, &features(s)), "{s}");
        }
        for s in [
            "The minister told reporters on Monday what he said:",
            "Says who?",
            "Note:",
        ] {
            assert!(!comment_head(s, &features(s)), "{s}");
        }
        for s in [
            "2 comments",
            "[ 167 comments ]",
            "Top Rated Comments",
            "Kommentare (3)",
        ] {
            assert!(thread_head(s, &features(s)), "{s}");
        }
        for s in [
            "Comment",
            "Readers left 167 comments on the story.",
            "Comments from the minister and his deputies on Monday",
        ] {
            assert!(!thread_head(s, &features(s)), "{s}");
        }
        for (s, name) in [("Name *", None), ("E-Mail *", None), ("*", Some("Email "))] {
            assert!(field_label(s, name), "{s}");
        }
        for (s, name) in [
            ("Linked clones for VMs*", None),
            ("player.setav magicka *", None),
            ("* Terms apply", None),
            ("*", None),
            ("*", Some("Required fields are marked")),
        ] {
            assert!(!field_label(s, name), "{s}");
        }
        assert!(has_time("November 19, 2019 at 6:34 am") && has_time("um 14:32 Uhr"));
        assert!(!has_time("Ratio 3:1") && !has_time("2019"));
    }
}
