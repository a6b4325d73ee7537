//! The date or period a DATE mention denotes: its `value`, resolved against the article's
//! publication date when relative.
//!
//! Values are ISO 8601 strings at the precision the words give: a day `2016-03-28`, a month
//! `2016-03`, a year `2016`, an ISO week `2016-W12` ("last week"; a weekend is the week it ends).
//! Relative dates read news style, from the publication date: a weekday alone ("on Sunday") is
//! the latest such day on or before it (so "Monday" in an article of a Monday is that day),
//! "last Monday" the latest one before it, "next Monday" the first one after it and "this
//! Monday" the one of its week; a day and month without a year ("December 19") and a month
//! alone ("in September") are the latest ones on or before it; "yesterday", "last week", "this
//! month", "next year" count from it. Numeric dates read year-month-day when they start with the
//! year, else day/month/year or month/day/year when one of the first two numbers exceeds 12
//! (both readings agreeing is fine); other numeric dates are ambiguous. What the words do not
//! pin down (seasons, decades, "earlier this week" only as "this week") or what needs a
//! publication date that is missing has no value.

mod calendar;

pub use calendar::{days_in_month, Day};

use crate::text::lexicon::{months, weekdays, CalendarName};

/// A resolved period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Period {
    Day(Day),
    Week(i32, u32),
    Month(i32, u32),
    Year(i32),
}

impl Period {
    fn iso(self) -> String {
        match self {
            Period::Day(day) => day.iso(),
            Period::Week(year, week) => format!("{year:04}-W{week:02}"),
            Period::Month(year, month) => format!("{year:04}-{month:02}"),
            Period::Year(year) => format!("{year:04}"),
        }
    }
}

/// The value of the DATE mention `mention` (its text as written), relative dates resolved
/// against `published`; `None` when the words do not pin a date down.
pub fn date_value(mention: &str, published: Option<Day>) -> Option<String> {
    let words = words_of(mention);
    if words.is_empty() {
        return None;
    }
    let period = numeric(&words)
        .or_else(|| relative(&words, published))
        .or_else(|| calendar_date(&words, published))?;
    Some(period.iso())
}

/// The words of a mention, lowercased, without commas and the periods of abbreviations.
fn words_of(mention: &str) -> Vec<String> {
    mention
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn year_of(word: &str) -> Option<i32> {
    let digits = word.strip_prefix("mid-").unwrap_or(word);
    (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|year| (1000..=2999).contains(year))
}

fn day_of_month(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    let ordinal = matches!(suffix, "" | "st" | "nd" | "rd" | "th");
    (ordinal && (1..=2).contains(&digits.len()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|day| (1..=31).contains(day))
}

/// The position (1-based) of the calendar name `word` is a form of.
fn calendar_number(names: &[CalendarName], word: &str) -> Option<u32> {
    names
        .iter()
        .position(|name| name.forms().any(|form| form == word))
        .map(|i| i as u32 + 1)
}

/// A numeric date in one word: "2016-03-28", "28/03/2016", "3.28.16", or a year ("2016",
/// "mid-2012").
fn numeric(words: &[String]) -> Option<Period> {
    let [word] = words else { return None };
    if let Some(year) = year_of(word) {
        return Some(Period::Year(year));
    }
    let parts: Vec<&str> = word.split(['-', '/', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let number = |p: &str| p.parse::<u32>().ok();
    if parts[0].len() == 4 {
        let year = year_of(parts[0])?;
        return Day::new(year, number(parts[1])?, number(parts[2])?).map(Period::Day);
    }
    let year = match parts[2].len() {
        4 => year_of(parts[2])?,
        // Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999.
        2 => number(parts[2]).map(|y| if y < 70 { 2000 + y } else { 1900 + y })? as i32,
        _ => return None,
    };
    let (first, second) = (number(parts[0])?, number(parts[1])?);
    let day = match (first > 12, second > 12) {
        (true, false) => Day::new(year, second, first),
        (false, true) => Day::new(year, first, second),
        (false, false) if first == second => Day::new(year, first, first),
        _ => None, // ambiguous, or no date
    }?;
    Some(Period::Day(day))
}

/// Direction of a relative head: "last" −1, "this" 0, "next" +1.
fn direction(head: &str) -> Option<i64> {
    match head {
        "last" | "past" | "previous" => Some(-1),
        "this" => Some(0),
        "next" | "coming" => Some(1),
        _ => None,
    }
}

/// "today", "yesterday", "last week", "this month", "next year", "last Monday".
fn relative(words: &[String], published: Option<Day>) -> Option<Period> {
    let (first, rest) = words.split_first()?;
    let day_shift = match first.as_str() {
        "today" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    };
    if let (Some(shift), []) = (day_shift, rest) {
        return Some(Period::Day(published?.plus_days(shift)));
    }
    let ([period], Some(n)) = (rest, direction(first)) else {
        return None;
    };
    let published = published?;
    if let Some(weekday) = calendar_number(weekdays(), period) {
        return Some(Period::Day(relative_weekday(published, weekday - 1, n)));
    }
    let period = match period.as_str() {
        "week" => {
            let (year, week) = published.plus_days(7 * n).iso_week();
            Period::Week(year, week)
        }
        "weekend" => {
            // The weekend of the publication's week; "last weekend" is the latest one before it.
            let sunday = published.plus_days(6 - i64::from(published.weekday()));
            let sunday = if n < 0 {
                latest_weekday(published.plus_days(-1), 6)
            } else {
                sunday.plus_days(7 * n)
            };
            let (year, week) = sunday.iso_week();
            Period::Week(year, week)
        }
        "month" => {
            let index = i64::from(published.year) * 12 + i64::from(published.month) - 1 + n;
            Period::Month(index.div_euclid(12) as i32, index.rem_euclid(12) as u32 + 1)
        }
        "year" => Period::Year(published.year + n as i32),
        _ => return None,
    };
    Some(period)
}

/// The latest day with weekday `weekday` (0 Monday … 6 Sunday) on or before `day`.
fn latest_weekday(day: Day, weekday: u32) -> Day {
    let back = (day.weekday() + 7 - weekday) % 7;
    day.plus_days(-i64::from(back))
}

/// "last Monday" (the latest before `published`), "this Monday" (of its week), "next Monday"
/// (the first after it).
fn relative_weekday(published: Day, weekday: u32, direction: i64) -> Day {
    match direction {
        d if d < 0 => latest_weekday(published.plus_days(-1), weekday),
        0 => published.plus_days(i64::from(weekday) - i64::from(published.weekday())),
        _ => latest_weekday(published.plus_days(7), weekday),
    }
}

/// Dates in words: "Monday, 28 March 2016", "Nov. 23, 2015", "March 2011", "December 19",
/// "September", "Sunday".
fn calendar_date(words: &[String], published: Option<Day>) -> Option<Period> {
    let month = words.iter().find_map(|w| calendar_number(months(), w));
    let weekday = words.iter().find_map(|w| calendar_number(weekdays(), w));
    let day = words.iter().find_map(|w| day_of_month(w));
    let year = words.iter().find_map(|w| year_of(w));
    match (month, day, year) {
        (Some(month), Some(day), Some(year)) => Day::new(year, month, day).map(Period::Day),
        (Some(month), None, Some(year)) => (1..=12)
            .contains(&month)
            .then_some(Period::Month(year, month)),
        (Some(month), Some(day), None) => {
            let published = published?;
            let this_year = Day::new(published.year, month, day).filter(|d| *d <= published);
            this_year
                .or_else(|| Day::new(published.year - 1, month, day))
                .map(Period::Day)
        }
        (Some(month), None, None) => {
            let published = published?;
            let year = if month <= published.month {
                published.year
            } else {
                published.year - 1
            };
            Some(Period::Month(year, month))
        }
        (None, None, None) => Some(Period::Day(latest_weekday(published?, weekday? - 1))),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
