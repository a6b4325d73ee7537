//! Bylines: "By Jane Smith", "Written by Agencies", "Reporting by Jane Doe; Editing by John Smith".

use std::sync::OnceLock;

use regex::Regex;

use super::regex;

/// "By Jane Smith", "Written by Agencies": the name, when the paragraph is a byline.
pub fn byline_of(text: &str) -> Option<String> {
    static CELL: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &CELL,
        r"^(?i:by|written\s+by|reported\s+by|reporting\s+by|posted\s+by|story\s+by|words\s+by)\s*:?\s+(?P<name>\p{Lu}[\p{L}\p{M}.'’\- ]*(?:(?:,| and | &) ?\p{Lu}[\p{L}\p{M}.'’\- ]*){0,3})\s*(?:[|,\-–—]\s*(?P<role>[\p{L} ,]{1,40})|;\s*(?i:editing|writing|additional\s+reporting)\s+by\s+[\p{L}\p{M}.'’\- ,;]{1,80})?$",
    );
    if text.len() > 120
        || !matches!(
            text.as_bytes().first(),
            Some(b'B' | b'b' | b'W' | b'w' | b'R' | b'r' | b'P' | b'p' | b'S' | b's')
        )
    {
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
