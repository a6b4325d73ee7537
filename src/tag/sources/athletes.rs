//! People in results: a name before its country in brackets, in a results line ("3. Alina
//! Astafei ( Germany ) 1.97", "Goran Ivanisevic ( Croatia ) beat Jan Siemerink ( Netherlands
//! )"). The model, reading a name it does not know beside a country, often takes it for an
//! organisation or keeps only the surname. A line is a results line when it has two such
//! brackets or a number right after one. A name that is a club or place of the gazetteer
//! ("Barcelona ( Spain )") or holds an organisation word is left alone.

use super::word_shapes::is_initial;
use super::{Candidate, CandidateSource, SentenceContext};
use crate::tag::gazetteer::Match;
use crate::tag::mention::Label;
use crate::text::lexicon::{industry_words, legal_forms, name_particles, organisation_heads};

/// Longest name, in words.
const LONGEST_NAME: usize = 4;

pub fn candidates(sentence: &SentenceContext<'_>) -> Vec<Candidate> {
    let words = sentence.words;
    countries_in_brackets(sentence)
        .into_iter()
        .filter_map(|g| {
            let end = g.start - 1;
            let start = name_start(words, end)?;
            (!known_other_name(sentence, start, end))
                .then(|| Candidate::new(CandidateSource::Athletes, start, end, Label::Person))
        })
        .collect()
}

/// The countries in brackets of a results line, "( Germany )", each after the name it is the
/// country of; none when the sentence is no results line (it needs two such brackets, or a
/// number right after one).
pub(super) fn countries_in_brackets<'s>(sentence: &'s SentenceContext<'_>) -> Vec<&'s Match> {
    let words = sentence.words;
    let brackets: Vec<&Match> = sentence
        .gazetteer_matches
        .iter()
        .filter(|g| {
            g.start >= 2
                && words[g.start - 1] == "("
                && words.get(g.end) == Some(&")")
                && sentence.gazetteer.entry(g.entry).is_country
        })
        .collect();
    let results_line = brackets.len() >= 2
        || brackets.iter().any(|g| {
            words
                .get(g.end + 1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        });
    if results_line {
        brackets
    } else {
        Vec::new()
    }
}

/// A word of a person's name: title case ("Astafei", "O'Gorman", "Ata-ur-Rehman"), an
/// initial, or a particle inside the name ("van der Westhuizen").
fn name_word(word: &str) -> bool {
    let title_case = word.starts_with(char::is_uppercase) && word.chars().any(char::is_lowercase);
    (title_case || is_initial(word))
        && !organisation_heads().contains(word)
        && !legal_forms().contains(word)
        && !industry_words().contains(word)
}

/// The first token of the name ending before token `end`, if there is one.
fn name_start(words: &[&str], end: usize) -> Option<usize> {
    let mut start = end;
    while start > 0 && end - start < LONGEST_NAME {
        let w = words[start - 1];
        let particle = start < end && name_particles().contains(w);
        if !(name_word(w) || particle) {
            break;
        }
        start -= 1;
    }
    while start < end && name_particles().contains(words[start]) {
        start += 1;
    }
    (start < end && words[start..end].iter().any(|w| !is_initial(w))).then_some(start)
}

/// The gazetteer names the span, or part of it, as something other than a person: a club, a
/// place, an organisation.
fn known_other_name(sentence: &SentenceContext<'_>, start: usize, end: usize) -> bool {
    sentence.gazetteer_matches.iter().any(|g| {
        let entry = sentence.gazetteer.entry(g.entry);
        g.start < end && start < g.end && entry.label != Label::Person && !entry.ambiguous
    })
}
