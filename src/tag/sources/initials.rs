//! An initial and a capitalised word the model left alone are a person ("W. Athey 111" in a
//! scorecard).

use super::word_shapes::{capitalised, has_alphanumeric, is_initial};
use super::{Candidate, CandidateSource, SentenceContext};
use crate::tag::mention::Label;
use crate::tag::titles::is_title_word;
use crate::text::fold::is_apostrophe;

pub fn candidates(sentence: &SentenceContext<'_>) -> Vec<Candidate> {
    let words = sentence.words;
    (0..words.len().saturating_sub(1))
        .filter(|&k| {
            // Tested first: most words are no initial.
            is_initial(words[k])
                // After a capitalised word ("John F. Kennedy") the name started earlier.
                && !(k > 0 && capitalised(words[k - 1]) && has_alphanumeric(words[k - 1]))
                && is_surname(words[k + 1])
                && !inside_other_gazetteer_name(sentence, k + 1)
        })
        .map(|k| Candidate::new(CandidateSource::Initials, k, k + 2, Label::Person))
        .collect()
}

/// A capitalised word of lowercase letters, hyphens and apostrophes that is not a title.
fn is_surname(word: &str) -> bool {
    word.chars().count() >= 2
        && word.starts_with(char::is_uppercase)
        && word
            .chars()
            .skip(1)
            .all(|c| c.is_lowercase() || c == '-' || is_apostrophe(c))
        && !is_title_word(word)
}

/// Token `k` is inside a gazetteer name that is not a person's ("W. Sussex").
fn inside_other_gazetteer_name(sentence: &SentenceContext<'_>, k: usize) -> bool {
    sentence.gazetteer_matches.iter().any(|g| {
        g.start <= k && k < g.end && sentence.gazetteer.entry(g.entry).label != Label::Person
    })
}
