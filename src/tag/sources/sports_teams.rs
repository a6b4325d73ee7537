//! Teams in sports results ("Pohang 3 Ulsan 2") and standings ("NEW YORK 74 59 .556") are
//! organisations, except national teams, named by their country, and people (golf, athletics
//! results), which the model reads as people. So are a country's numbered crews ("Canada I",
//! "USA III" in bobsleigh) and, in a sports report, teams named by their town before their
//! country in a results line ("Kinder Bologna ( Italy ) 70").

use super::athletes::countries_in_brackets;
use super::{Candidate, CandidateSource, SentenceContext};
use crate::tag::mention::Label;
use crate::text::lexicon::calendar_words_never_names;

/// Longest name of a team before its country, in words.
const LONGEST_TOWN_TEAM: usize = 3;

pub fn candidates(sentence: &SentenceContext<'_>) -> Vec<Candidate> {
    let mut teams: Vec<(usize, usize)> = team_names(sentence.words, sentence.sports_report)
        .into_iter()
        .filter(|&(s, e)| {
            !national_team(sentence, s, e)
                && !model_person(sentence, s, e)
                && !sentence.words[s..e].iter().any(|w| is_calendar_word(w))
        })
        .collect();
    if sentence.sports_report {
        teams.extend(town_teams_before_country(sentence));
    }
    teams.extend(numbered_crews(sentence));
    teams
        .into_iter()
        .map(|(s, e)| Candidate::new(CandidateSource::SportsTeams, s, e, Label::Org))
        .collect()
}

/// "Limoges ( France ) 9 3 6", "Partizan Belgrade ( Yugoslavia ) 78": in a results line, a
/// name before its country in brackets that ends in a town (a place of the gazetteer other
/// than a country, or a club named like its town) is a team, not a person or the town.
fn town_teams_before_country(sentence: &SentenceContext<'_>) -> Vec<(usize, usize)> {
    let words = sentence.words;
    let town_ending_at = |e: usize| {
        let place = sentence.gazetteer_matches.iter().any(|g| {
            let entry = sentence.gazetteer.entry(g.entry);
            g.end == e && entry.label == Label::Loc && !entry.is_country && !entry.ambiguous
        });
        place
            || sentence
                .clubs
                .is_some_and(|c| c.find(&words[..e]).iter().any(|g| g.end == e))
    };
    countries_in_brackets(sentence)
        .into_iter()
        .filter_map(|g| {
            let end = g.start - 1;
            let mut start = end;
            while start > 0 && end - start < LONGEST_TOWN_TEAM && is_team_word(words[start - 1]) {
                start -= 1;
            }
            (start < end && town_ending_at(end)).then_some((start, end))
        })
        .collect()
}

/// "Canada I", "USA III": a country and a Roman numeral name a crew. "I" followed by a
/// lowercase word or a contraction is the pronoun ("in Canada I think", "Canada I 'm").
fn numbered_crews(sentence: &SentenceContext<'_>) -> Vec<(usize, usize)> {
    let words = sentence.words;
    sentence
        .gazetteer_matches
        .iter()
        .filter(|g| sentence.gazetteer.entry(g.entry).is_country)
        .filter_map(|g| {
            let numeral = *words.get(g.end)?;
            let pronoun = numeral == "I"
                && words.get(g.end + 1).is_some_and(|w| {
                    w.starts_with(char::is_lowercase)
                        || matches!(
                            *w,
                            "'m" | "'ve" | "'d" | "'ll" | "’m" | "’ve" | "’d" | "’ll"
                        )
                });
            (matches!(numeral, "I" | "II" | "III" | "IV") && !pronoun)
                .then_some((g.start, g.end + 1))
        })
        .collect()
}

/// "July 96 June 96" in a table of figures: months are no teams.
fn is_calendar_word(word: &str) -> bool {
    calendar_words_never_names().contains(word.to_lowercase().trim_end_matches('.'))
}

fn national_team(sentence: &SentenceContext<'_>, s: usize, e: usize) -> bool {
    sentence
        .gazetteer_matches
        .iter()
        .any(|g| g.start == s && g.end == e && sentence.gazetteer.entry(g.entry).is_country)
}

/// A name of two words or more that the model reads as a person.
fn model_person(sentence: &SentenceContext<'_>, s: usize, e: usize) -> bool {
    e - s >= 2
        && sentence
            .model_spans
            .iter()
            .any(|m| (m.start, m.end) == (s, e) && m.label == Label::Person)
}

fn is_score(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

fn is_table_number(word: &str) -> bool {
    !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && word.bytes().any(|b| b.is_ascii_digit())
}

fn is_team_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && !word.chars().any(|c| c.is_ascii_digit())
        && word.chars().count() >= 2
}

/// Token ranges of team names in a results line (two or more "Name score" pairs in a row) or,
/// in a sports report, a standings line (a name followed by three or more numbers; elsewhere
/// such a line is a table of figures: "Sales 9.06 9.31 8.42").
fn team_names(sent: &[&str], sports_report: bool) -> Vec<(usize, usize)> {
    let n = sent.len();
    let name_end = |i: usize| -> usize {
        let mut j = i;
        while j < n && j - i < 4 && is_team_word(sent[j]) {
            j += 1;
        }
        j
    };
    let mut out = Vec::new();
    if sports_report && n >= 4 && is_team_word(sent[0]) {
        let e = name_end(0);
        if e + 3 <= n && sent[e..e + 3].iter().all(|w| is_table_number(w)) {
            out.push((0, e));
            return out;
        }
    }
    let mut units: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        let e = name_end(i);
        if e > i && e < n && is_score(sent[e]) {
            units.push((i, e));
            i = e + 1;
        } else {
            i = e.max(i + 1);
        }
    }
    for (k, &(s, e)) in units.iter().enumerate() {
        let joined_before = k > 0 && units[k - 1].1 + 1 == s;
        let joined_after = units.get(k + 1).is_some_and(|next| e + 1 == next.0);
        if joined_before || joined_after {
            out.push((s, e));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sports_lines() {
        assert_eq!(
            team_names(
                &["Pohang", "3", "Ulsan", "2", "(", "halftime", "1-0", ")"],
                false
            ),
            [(0, 1), (2, 3)]
        );
        assert_eq!(
            team_names(&["DETROIT", "4", "Kansas", "City", "1"], false),
            [(0, 1), (2, 4)]
        );
        assert_eq!(
            team_names(&["NEW", "YORK", "74", "59", ".556"], true),
            [(0, 2)]
        );
        assert!(team_names(&["Sales", "9.06", "9.31", "8.42"], false).is_empty());
        assert!(team_names(&["Putin", "met", "3", "leaders", "in", "Moscow"], true).is_empty());
        assert!(team_names(&["In", "2015", "Iran", "said"], true).is_empty());
    }
}
