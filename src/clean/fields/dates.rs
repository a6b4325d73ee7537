//! Date lines: "Monday, 28 March 2016", "Published: March 28, 2016 10:32 GMT", "2016-03-28".

use std::sync::OnceLock;

use super::bylines::byline_of;
use super::{regex, Pattern};
use crate::clean::shape::comments::has_time;
use crate::clean::shape::tables::{any_byte, year};
use crate::text::lexicon::{month_forms, ordinal_suffixes, weekday_forms, weekdays};
use crate::text::words::{count_words, words};

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
        // A time after the date, or joined to it as ISO 8601 writes it ("2019-11-19T08:57:40+01:00").
        let time = r"(?:(?:[,\s]+(?:at\s+)?|T)\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*\(?[a-z]{2,4}\)?)?)?";
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
    text.len() <= 80
        && any_byte(text.as_bytes(), |b| {
            (b.wrapping_sub(b'0') < 10) | (b >= 0x80)
        })
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

/// The date of a line of the article's stamps joined by separators ("|", " / ", " - "), each
/// part a byline or a short part naming a month beside a figure ("By HNN Staff | November 18,
/// 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM", "PUBLISHED: 10:48, Tue, Nov 19, 2019 |
/// UPDATED: 11:05, Tue, Nov 19, 2019"): its first dated part as it stands.
pub fn stamps_date_of(text: &str) -> Option<String> {
    // Most lines are longer or hold no separator or no figure: one pass over the bytes answers
    // them ("•" and "–" open with the byte 0xE2).
    if text.len() > MAX_STAMPS_BYTES {
        return None;
    }
    let (mut separator, mut digit) = (false, false);
    for b in text.bytes() {
        separator |= matches!(b, b'|' | b'/' | b'-' | 0xe2);
        digit |= b.is_ascii_digit();
    }
    if !(separator && digit) {
        return None;
    }
    let parts: Vec<&str> = text
        .split(['|', '•'])
        .flat_map(|p| p.split(" / "))
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" – "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // A month beside a year or a time of day: a row of a table of prices names months too
    // ("April 1/10 - 25-1/2 ov May bid").
    let dated = |part: &str| {
        count_words(part) <= MAX_STAMP_WORDS
            && words(part).any(|w| month_forms().contains_ignore_ascii_case(w.text(part)))
            && (words(part).any(|w| year(w.text(part))) || has_time(part))
    };
    if parts.len() < 2 || !parts.iter().all(|p| dated(p) || byline_of(p).is_some()) {
        return None;
    }
    parts.iter().find(|p| dated(p)).map(|p| p.to_string())
}

/// The longest line of stamps, and the most words of one dated part of it.
const MAX_STAMPS_BYTES: usize = 200;
const MAX_STAMP_WORDS: usize = 10;

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
            "2019-11-19T08:57:40+01:00",
            "2019-11-18T20:51:19Z",
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
        assert_eq!(
            stamps_date_of(
                "By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM"
            )
            .as_deref(),
            Some("November 18, 2019 at 2:26 PM HST")
        );
        assert!(stamps_date_of(
            "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019"
        )
        .is_some());
        assert!(stamps_date_of(
            "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET"
        )
        .is_some());
        for s in [
            "Prices may rise 5% | Analysts say",
            "April 1/10 - 25-1/2 ov May bid, 26-1/2 off.",
            "March 2019 - the month the talks failed and the minister resigned from the cabinet",
            "November 18, 2019",
        ] {
            assert_eq!(stamps_date_of(s), None, "{s}");
        }
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
