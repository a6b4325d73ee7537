//! The caller's dictionary: every match is a mention with the caller's label and name.

use super::{Candidate, CandidateSource, SentenceContext};

pub fn candidates(sentence: &SentenceContext<'_>) -> Vec<Candidate> {
    let Some(user) = sentence.user else {
        return Vec::new();
    };
    user.find(sentence.words)
        .iter()
        .map(|m| {
            let entry = user.entry(m.entry);
            Candidate::new(CandidateSource::User, m.start, m.end, entry.label).named_by(entry)
        })
        .collect()
}
