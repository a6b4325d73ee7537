//! The shipped gazetteer: its unambiguous entries are mentions with the gazetteer's label and
//! canonical name. Ambiguous entries (given names, "Chad") only inform the model.

use super::{Candidate, CandidateSource, SentenceContext};

pub fn candidates(sentence: &SentenceContext<'_>) -> Vec<Candidate> {
    sentence
        .gazetteer_matches
        .iter()
        .filter_map(|g| {
            let entry = sentence.gazetteer.entry(g.entry);
            (!entry.ambiguous).then(|| {
                Candidate::new(CandidateSource::Gazetteer, g.start, g.end, entry.label)
                    .named_by(entry)
            })
        })
        .collect()
}
