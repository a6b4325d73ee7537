//! Bylines: "By Jane Smith", "Written by Agencies", "Reporting by Jane Doe; Editing by John Smith".

use std::sync::OnceLock;

use super::{regex, Pattern};

/// "By Jane Smith", "Written by Agencies": the name, when the paragraph is a byline.
pub fn byline_of(text: &str) -> Option<String> {
    static CELL: OnceLock<Pattern> = OnceLock::new();
    let re = regex(
        &CELL,
        r"^(?i:by|written\s+by|reported\s+by|reporting\s+by|posted\s+by|story\s+by|words\s+by)\s*:?\s+(?P<name>\p{Lu}[\p{L}\p{M}.'’\- ]*(?:(?:,| and | &) ?\p{Lu}[\p{L}\p{M}.'’\- ]*){0,3})\s*(?:[|,\-–—]\s*(?P<role>[\p{L} ,]{1,40})|;\s*(?i:editing|writing|additional\s+reporting)\s+by\s+[\p{L}\p{M}.'’\- ,;]{1,80})?$",
    );
    // The pattern's opening words, checked before the regex: it runs on every line of a
    // hard-wrapped text, and most lines start otherwise.
    const OPENINGS: [&str; 6] = ["by", "written", "report", "posted", "story", "words"];
    let opens = |word: &str| {
        text.get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
    };
    // Their first letters, checked before the words.
    let first = text.as_bytes().first().map(u8::to_ascii_lowercase);
    let may_open = matches!(first, Some(b'b' | b'w' | b'r' | b'p' | b's'));
    if text.len() > 120 || !may_open || !OPENINGS.iter().any(|w| opens(w)) {
        return None;
    }
    if text.split_whitespace().count() > 10 {
        return None;
    }
    let caps = re.captures(text)?;
    Some(caps.name("name")?.as_str().trim().to_string())
}

/// Whether the paragraph is a byline.
pub fn is_byline(text: &str) -> bool {
    byline_of(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert_eq!(byline_of("By Agencies").as_deref(), Some("Agencies"));
        assert_eq!(
            byline_of("By Jane Smith and John Doe").as_deref(),
            Some("Jane Smith and John Doe")
        );
        assert_eq!(
            byline_of("By contrast, the market fell sharply on Monday after the report."),
            None
        );
        assert_eq!(
            byline_of("Reporting by Jane Doe; Editing by John Smith").as_deref(),
            Some("Jane Doe")
        );
    }
}
