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
/// France", "NEW YORK 1996-08-30", "MILAN (Reuters)").
fn dateline(sentence: &SentenceContext<'_>, m: &Match) -> bool {
    let next = word_after(sentence, m);
    next == ":"
        || (m.start == 0 && (next == "(" || next.starts_with(|c: char| c.is_ascii_digit())))
        || (next == ","
            && sentence
                .gazetteer_matches
                .iter()
                .any(|g| g.start == m.end + 1 && sentence.gazetteer.entry(g.entry).is_country))
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
