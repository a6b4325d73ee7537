//! Sports clubs named like their town or county ("Milan", "Surrey", "Cleveland"): in a sports
//! report such a name is the team, an organisation, except where the town is a place ("in
//! Milan", a dateline "NICE, France") or the name is part of a longer one ("Cleveland Indians").

use super::{Candidate, CandidateSource, SentenceContext};
use crate::tag::gazetteer::Match;
use crate::text::lexicon::place_prepositions;

pub fn candidates(sentence: &SentenceContext<'_>) -> Vec<Candidate> {
    let Some(clubs) = sentence.clubs else {
        return Vec::new();
    };
    clubs
        .find(sentence.words)
        .iter()
        .filter(|m| {
            !place_before(sentence, m) && !dateline(sentence, m) && !longer_name(sentence, m)
        })
        .map(|m| {
            let entry = clubs.entry(m.entry);
            Candidate::new(CandidateSource::Clubs, m.start, m.end, entry.label).named_by(entry)
        })
        .collect()
}

/// "in Milan", "at Chesterfield", the home team of "BOSTON AT OAKLAND".
fn place_before(sentence: &SentenceContext<'_>, m: &Match) -> bool {
    m.start > 0 && place_prepositions().contains(sentence.words[m.start - 1])
}

/// A venue heading results ("Portsmouth: Middlesex beat Hampshire"), a dateline ("NICE,
/// France", "NEW YORK 1996-08-30", "VAIL, Colorado 1996-12-07", "MILAN (Reuters)"). A team's
/// score ("Coventry 1") and its country in a table ("Barcelona ( Spain ) 9 4 5") are no
/// datelines.
fn dateline(sentence: &SentenceContext<'_>, m: &Match) -> bool {
    let next = word_after(sentence, m);
    let country_at = |k: usize| {
        sentence
            .gazetteer_matches
            .iter()
            .any(|g| g.start == k && sentence.gazetteer.entry(g.entry).is_country)
    };
    next == ":"
        || is_date(next)
        || (m.start == 0 && next == "(" && !country_at(m.end + 1))
        || (next == "," && country_at(m.end + 1))
}

/// A date as datelines write it, year first: "1996-08-30", "1996". Scores are no dates
/// ("Kent 108-3", "BRADFORD 42-36").
fn is_date(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 4
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes.iter().all(|&b| b.is_ascii_digit() || b == b'-')
}

/// Part of a longer name: "Cleveland Indians", "Bristol Rovers", "Atlanta Games".
fn longer_name(sentence: &SentenceContext<'_>, m: &Match) -> bool {
    let title_case =
        |w: &str| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase);
    (m.start > 0 && title_case(sentence.words[m.start - 1])) || title_case(word_after(sentence, m))
}

fn word_after<'a>(sentence: &SentenceContext<'a>, m: &Match) -> &'a str {
    sentence.words.get(m.end).copied().unwrap_or("")
}
