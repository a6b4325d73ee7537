//! Photo captions.

use std::sync::OnceLock;

use super::credits::credits_of;
use super::{regex, Pattern};
use crate::clean::shape::sentence::ends_sentence;

/// A photo caption: ends with a short parenthesised credit ("… 2015. (AP)"), marks where people
/// stand ("(R)", ", left,"), or starts with "Photo:", a label read out for a picture ("Image
/// caption Assange gestures …") or its place in a gallery ("2 of 4 A shopper looks at …").
pub fn is_caption(text: &str) -> bool {
    static END: OnceLock<Pattern> = OnceLock::new();
    static MARK: OnceLock<Pattern> = OnceLock::new();
    static START: OnceLock<Pattern> = OnceLock::new();
    // A photo credit: an agency acronym, or words such as "Photo", "Images", "/".
    let end = regex(
        &END,
        r"\S\s*\((?:\p{Lu}{2,6}|\p{Lu}{2,6}\s*(?:/|Photo|photo|Images|images|via)[^()]{0,30}|[^()]{0,30}\b(?:Photo|photo|Images|Pictures|Getty|file photo|File photo)\b[^()]{0,30}|(?i:photo|file\s+photo|image|picture|pic)\s*:[^()]{1,40})\)$",
    );
    let mark = regex(
        &MARK,
        r"(?:\((?:L|R|C|L-R|R-L|left|right|centre|center|2nd L|2nd R|L to R)\)|, (?:left|right|centre|center|second left|second right),)",
    );
    let start = regex(
        &START,
        r"^(?:(?i:photo|image|picture|file\s+photo|caption)\s*(?::|/)|(?i:image|media|photo)\s+caption\s|\d{1,3} of \d{1,3}\s+\p{Lu})\s*\S",
    );
    if text.len() > 600 || text.len() < 10 {
        return false;
    }
    let sentence = ends_sentence(text);
    let shaped = (text.ends_with(')') && end.is_match(text) && credits_of(text).is_none())
        || (!sentence && mark.is_match(text))
        || (text.starts_with(|c: char| "PpIiFfCcMm".contains(c) || c.is_ascii_digit())
            && start.is_match(text));
    shaped && text.split_whitespace().count() >= 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions() {
        assert!(is_caption("Russian President Vladimir Putin, left, and his Iranian counterpart Hassan Rowhani make their way in Tehran, Iran, Monday, Nov. 23, 2015. (AP)"));
        assert!(is_caption(
            "Iranian President Hassan Rouhani (R) and his Russian counterpart Vladimir Putin"
        ));
        assert!(!is_caption("The talks (which began in 2015) went on."));
        assert!(!is_caption("Howard Webb (South Yorkshire)"));
        assert!(!is_caption("Little Britain and other shows (BBC Three)"));
        assert!(is_caption(
            "Firefighters work at the scene of the blast in the city (AFP Photo)"
        ));
        assert!(is_caption(
            "Image caption Assange gestures with a thumbs up after he was arrested"
        ));
        assert!(!is_caption(
            "Image captions are read out by screen readers to blind users."
        ));
    }
}
