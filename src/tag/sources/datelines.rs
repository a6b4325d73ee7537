//! The place of a dateline: "VAIL , Colorado 1996-12-07", "AMARILLO 1996-12-06", "TEHRAN (
//! Reuters )". A town written in capitals before its region, the date or the agency is a place,
//! known to the gazetteer or not; the other sources rarely read a small town in capitals.

use super::{Candidate, CandidateSource, SentenceContext};
use crate::tag::mention::Label;
use crate::text::lexicon::news_agencies;

/// Longest place name, and longest region after its comma, in words.
const LONGEST_PLACE: usize = 3;
const LONGEST_REGION: usize = 4;

pub fn candidates(sentence: &SentenceContext<'_>) -> Vec<Candidate> {
    let words = sentence.words;
    (0..words.len())
        .filter(|&k| dates_a_dateline(words, k))
        .find_map(|k| place_before(words, k))
        .map(|(s, e)| vec![Candidate::new(CandidateSource::Datelines, s, e, Label::Loc)])
        .unwrap_or_default()
}

/// Token `k` closes a dateline: a year-first date ("1996-12-06") or an agency in brackets.
fn dates_a_dateline(words: &[&str], k: usize) -> bool {
    let agency = |w: &str| news_agencies().iter().any(|a| a.eq_ignore_ascii_case(w));
    is_year_first_date(words[k]) || (words[k] == "(" && words.get(k + 1).is_some_and(|w| agency(w)))
}

/// "1996-12-06": four digits, then digits and hyphens.
fn is_year_first_date(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 8
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes[4] == b'-'
        && bytes.iter().all(|&b| b.is_ascii_digit() || b == b'-')
}

/// The place in capitals ending the tokens before `k`, or before ", Region" there.
fn place_before(words: &[&str], k: usize) -> Option<(usize, usize)> {
    let region_comma = (k.saturating_sub(LONGEST_REGION + 1)..k)
        .rev()
        .take_while(|&j| words[j] == "," || region_word(words[j]))
        .find(|&j| words[j] == ",");
    let end = region_comma.unwrap_or(k);
    let mut start = end;
    while start > 0 && end - start < LONGEST_PLACE && capitals(words[start - 1]) {
        start -= 1;
    }
    // A word in capitals before the place belongs to a headline, not to the dateline.
    let opens_line = start == 0 || !capitals(words[start - 1]);
    (start < end && opens_line).then_some((start, end))
}

/// A word of the region after the comma: "Colorado", "United Arab Emirates", "Wis .".
fn region_word(word: &str) -> bool {
    word == "." || word.starts_with(char::is_uppercase)
}

/// A word in capitals: letters, with hyphens or stops ("AL-AIN", "ST."), at least two letters.
fn capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '-' || c == '.' || c == '\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(line: &str) -> Option<(usize, usize)> {
        let words: Vec<&str> = line.split(' ').collect();
        (0..words.len())
            .filter(|&k| dates_a_dateline(&words, k))
            .find_map(|k| place_before(&words, k))
    }

    #[test]
    fn datelines() {
        assert_eq!(place("VAIL , Colorado 1996-12-07"), Some((0, 1)));
        assert_eq!(place("DODGE CITY 1996-12-06"), Some((0, 2)));
        assert_eq!(
            place("Nadim Ladki AL-AIN , United Arab Emirates 1996-12-06"),
            Some((2, 3))
        );
        assert_eq!(place("APPLETON , Wis . 1996-12-06"), Some((0, 1)));
        assert_eq!(place("TEHRAN ( Reuters ) - Iran said"), Some((0, 1)));
        // Scores, lowercase words and headlines in capitals make no dateline.
        assert_eq!(place("Kent 108-3 , Surrey 429-7"), None);
        assert_eq!(place("the results on 1996-12-06"), None);
        assert_eq!(place("CENTRAL BANK RAISES RATES 1996-12-06"), None);
    }
}
