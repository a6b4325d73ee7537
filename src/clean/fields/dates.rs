//! Date lines: "Monday, 28 March 2016", "Published: March 28, 2016 10:32 GMT", "2016-03-28".

use std::sync::OnceLock;

use super::{regex, Pattern};
use crate::text::lexicon::{month_forms, ordinal_suffixes, weekday_forms, weekdays};

/// A whole line that is a date; the date itself is the group `date`.
pub fn date_regex() -> &'static Pattern {
    static CELL: OnceLock<Pattern> = OnceLock::new();
    static PATTERN: OnceLock<String> = OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        let weekday = format!(r"(?:{})\.?,?", weekday_forms().regex_alternation());
        let day = format!(r"\d{{1,2}}(?:{})?", ordinal_suffixes().regex_alternation());
        let month = format!(r"(?:{})\.?", month_forms().regex_alternation());
        let date = format!(
            r"(?:{day}\s+{month},?\s+\d{{4}}|{month}\s+{day},?\s+\d{{4}}|{month}\s+\d{{4}}|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})"
        );
        let time = r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*\(?[a-z]{2,4}\)?)?)?";
        format!(
            r"(?i)^(?:(?:published|updated|posted|last\s+updated|date|on)\s*(?:on\s*)?:?\s*)?(?:{weekday}\s*)?(?P<date>{date}){time}\s*\|?\s*$"
        )
    });
    regex(&CELL, pattern)
}

/// A paragraph that is only a date (with an optional weekday, "Published:" and a time).
pub fn is_date_line(text: &str) -> bool {
    may_be_date_line(text) && date_regex().is_match(text)
}

/// Short enough for a date line, and with a digit (every date form has one; `\d` is any
/// Unicode digit, so a line with other than ASCII may hold one): the pattern runs on every
/// line of wrapped text, and most lines have no figure.
fn may_be_date_line(text: &str) -> bool {
    text.len() <= 80 && text.bytes().any(|b| b.is_ascii_digit() || !b.is_ascii())
}

/// The date part of a date line.
pub fn date_of(text: &str) -> Option<String> {
    if !may_be_date_line(text) || !date_regex().is_match(text) {
        return None;
    }
    let caps = date_regex().captures(text)?;
    let m = caps.get(0)?;
    let start = caps.name("date").map_or(0, |d| d.start());
    // Keep the weekday: "Monday, 28 March 2016".
    let head = &text[..start];
    let weekday_start = head
        .char_indices()
        .find(|(_, c)| c.is_alphabetic())
        .map(|(i, _)| i)
        .filter(|&i| {
            let w = head[i..].to_ascii_lowercase();
            weekdays()
                .iter()
                .any(|day| w.starts_with(day.abbreviations[0]))
        });
    let from = weekday_start.unwrap_or(start);
    Some(
        text[from..m.end()]
            .trim()
            .trim_end_matches('|')
            .trim()
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for s in [
            "Monday, 28 March 2016",
            "Published: March 28, 2016 10:32 GMT",
            "2016-03-28",
            "Dec. 25, 2016",
            "28/03/2016",
        ] {
            assert!(is_date_line(s), "{s}");
        }
        assert_eq!(
            date_of("Monday, 28 March 2016").as_deref(),
            Some("Monday, 28 March 2016")
        );
        assert_eq!(
            date_of("Published: 28 March 2016").as_deref(),
            Some("28 March 2016")
        );
        assert!(is_date_line("Thurs. 3 March 2016") && is_date_line("Sat, 5 March 2016"));
        // Digits of other scripts are digits too.
        assert!(is_date_line("٢٨ March ٢٠١٦"));
        // Only weekday names and abbreviations open a date line, not "Wednes" or "Satur".
        for s in [
            "May the best team win",
            "The 2016 budget",
            "March on",
            "Wednes, 2 March 2016",
            "Satur 5 March 2016",
        ] {
            assert!(!is_date_line(s), "{s}");
        }
    }
}
