//! Dates found by the date recogniser ([`crate::tag::dates`]), named by their own words.

use super::{Candidate, CandidateSource, SentenceContext};
use crate::tag::dates::find_dates;
use crate::tag::mention::Label;

pub fn candidates(sentence: &SentenceContext<'_>) -> Vec<Candidate> {
    find_dates(sentence.words)
        .into_iter()
        .map(|(s, e)| {
            Candidate::new(CandidateSource::Dates, s, e, Label::Date)
                .named(&sentence.words[s..e].join(" "))
        })
        .collect()
}
