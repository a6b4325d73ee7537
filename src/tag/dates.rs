//! Rule-based DATE mentions on tokens: weekdays, months with days and years ("Nov. 23, 2015",
//! "28 March 2016", "March 2011"), ISO and slashed dates, years after a preposition ("since
//! 2012", "mid-2012"), and relative expressions ("last week", "this month", "yesterday").

use crate::text::fold::with_lowercase;
use crate::text::lexicon::{
    ambiguous_months, date_months, date_periods, date_weekdays, ordinal_suffixes,
    relative_date_heads, relative_days, year_cues, WordSet,
};

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && matches!(&word[..2], "18" | "19" | "20")
}

fn is_day(word: &str) -> bool {
    // Most tokens fail at the first byte.
    if !word.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(digits.parse::<u32>(), Ok(1..=31))
        && (suffix.is_empty() || ordinal_suffixes().contains(suffix))
}

fn is_numeric_date(word: &str) -> bool {
    // Most tokens fail at the first byte: no parts to collect for them.
    if !word.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let parts: Vec<&str> = word.split(['-', '/', '.']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && (is_year(parts[0]) || is_year(parts[2]) || parts[2].len() == 2)
        && word
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            == 1
}

fn is_month(word: &str, strict: bool) -> bool {
    is_capitalised(word)
        && with_lowercase(word, |w| {
            date_months().contains(w) && !(strict && ambiguous_months().contains(w))
        })
}

/// DATE spans `[start, end)` over token indices of one sentence.
pub fn find_dates(words: &[&str]) -> Vec<(usize, usize)> {
    let n = words.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let w = words[i];
        let end = may_start_date(w)
            .then(|| with_lowercase(w, |lw| date_at(words, i, lw)))
            .flatten();
        match end {
            Some(e) => {
                out.push((i, e));
                i = e;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether [`date_at`] may find a date starting with `word`, from its first byte and length
/// alone. Most tokens are lowercase words and punctuation: of the rules only the relative ones
/// and "mid-" take a token that starts with neither a capital nor a digit; a capitalised word
/// dates only as a month, a weekday, a relative word or "Mid-". Lowercasing an ASCII first
/// byte gives `lower`, and keeps an ASCII word's length, so the sets' first bytes and lengths
/// answer most words without lowercasing them.
fn may_start_date(word: &str) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return true;
    };
    if !first.is_ascii() || first.is_ascii_digit() {
        return true;
    }
    let lower = first.to_ascii_lowercase();
    let ascii = word.is_ascii();
    let listed = |set: &WordSet| {
        if ascii {
            set.has_word_of(lower, word.len())
        } else {
            set.has_word_starting_with(lower)
        }
    };
    word.get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("mid-"))
        || listed(relative_date_heads())
        || listed(relative_days())
        || (first.is_ascii_uppercase() && (listed(date_weekdays()) || listed(date_months())))
}

/// The end of a date starting at token `i` (`lw`: the token lowercased), if one does.
fn date_at(words: &[&str], i: usize, lw: &str) -> Option<usize> {
    let (n, w) = (words.len(), words[i]);
    let mut end = None;
    if is_capitalised(w) && date_weekdays().contains(lw) {
        end = Some(i + 1);
        // "Monday, 28 March 2016" / "Monday, Nov. 23, 2015"
        let mut j = i + 1;
        if j < n && words[j] == "," {
            j += 1;
        }
        if let Some(e) = month_date(words, j) {
            end = Some(e);
        }
    } else if let Some(e) = month_date(words, i) {
        end = Some(e);
    } else if is_numeric_date(w)
        || (is_year(w) && i > 0 && with_lowercase(words[i - 1], |p| year_cues().contains(p)))
        || (lw.starts_with("mid-") && is_year(&w[4..]))
    {
        end = Some(i + 1);
    } else if relative_date_heads().contains(lw) && i + 1 < n {
        let next_is_period = with_lowercase(words[i + 1], |next| {
            date_periods().contains(next) || date_weekdays().contains(next)
        });
        if next_is_period {
            end = Some(i + 2);
        }
    } else if relative_days().contains(lw) {
        end = Some(i + 1);
    }
    end
}

/// A date starting with a month or a day at `i`: "Nov. 23, 2015", "March 3", "28 March 2016",
/// "March 2011", "September" (unambiguous month names alone).
fn month_date(words: &[&str], i: usize) -> Option<usize> {
    let n = words.len();
    let at = |k: usize| words.get(k).copied().unwrap_or("");
    if i >= n {
        return None;
    }
    if is_day(at(i)) && is_month(at(i + 1), false) {
        let mut end = i + 2;
        if is_year(at(end)) {
            end += 1;
        } else if at(end) == "," && is_year(at(end + 1)) {
            end += 2;
        }
        return Some(end);
    }
    if is_month(at(i), false) {
        if is_day(at(i + 1)) {
            let mut end = i + 2;
            if at(end) == "," && is_year(at(end + 1)) {
                end += 2;
            } else if is_year(at(end)) {
                end += 1;
            }
            return Some(end);
        }
        if is_year(at(i + 1)) {
            return Some(i + 2);
        }
        if is_month(at(i), true) {
            return Some(i + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::tokenize::tokenize;

    fn dates(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        let words: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        find_dates(&words)
            .iter()
            .map(|&(s, e)| text[tokens[s].start..tokens[e - 1].end].to_string())
            .collect()
    }

    #[test]
    fn finds_dates() {
        assert_eq!(
            dates("in Tehran, Iran, Monday, Nov. 23, 2015. (AP)"),
            ["Monday, Nov. 23, 2015"]
        );
        assert_eq!(dates("Monday, 28 March 2016"), ["Monday, 28 March 2016"]);
        assert_eq!(
            dates("since March 2011 and since mid-2012, in September 2015"),
            ["March 2011", "mid-2012", "September 2015"]
        );
        assert_eq!(
            dates("on December 19 and November 28 this week"),
            ["December 19", "November 28", "this week"]
        );
        assert_eq!(
            dates("We may march in May. Filed 2016-03-28 yesterday"),
            ["2016-03-28", "yesterday"]
        );
        assert_eq!(dates("He scored 2015 points"), Vec::<String>::new());
        // Every month abbreviation that is no common word dates, "Apr" and "Jun" included.
        assert_eq!(
            dates("on Apr 5, 2016 and Jun 30 and Sep 2015, not Mar 5"),
            ["Apr 5, 2016", "Jun 30", "Sep 2015"]
        );
    }

    /// The first-byte filter passes every word that starts a date: each listed month,
    /// weekday and relative word in three cases, before each kind of word a date goes on with.
    #[test]
    fn first_byte_filter_passes_every_date_start() {
        let sets = [
            date_months(),
            date_weekdays(),
            relative_date_heads(),
            relative_days(),
        ];
        let listed: Vec<String> = sets
            .iter()
            .flat_map(|set| set.iter())
            .map(str::to_string)
            .collect();
        let mut starts = 0;
        for word in listed
            .iter()
            .chain(&["mid-2012".to_string(), "Zürich".to_string()])
        {
            let capitalised: String = word[..1].to_uppercase() + &word[1..];
            for w in [word.clone(), capitalised, word.to_uppercase()] {
                for next in ["week", "2012", "12", ",", "Monday", "x"] {
                    let words = [w.as_str(), next, "2015"];
                    if with_lowercase(&w, |lw| date_at(&words, 0, lw)).is_some() {
                        starts += 1;
                        assert!(may_start_date(&w), "{w:?} {next:?}");
                    }
                }
            }
        }
        assert!(starts > 100, "{starts}");
        for word in ["the", "Bank", "Reuters", "said", "."] {
            assert!(!may_start_date(word), "{word:?}");
        }
    }
}
