//! Phrases named as organisations by their last word ("Jeans Mate Corp", "Scottish Labour
//! Party", "Bank of England"): they win over the model's fragments, unless the gazetteer knows
//! the whole phrase.

use super::word_shapes::capitalised;
use super::{Candidate, CandidateSource, SentenceContext};
use crate::tag::mention::Label;
use crate::text::lexicon::{
    connectors_after_head, connectors_before_head, organisation_connectors, organisation_heads,
    phrase_openers,
};

pub fn candidates(sentence: &SentenceContext<'_>) -> Vec<Candidate> {
    designated_organisations(sentence.words)
        .into_iter()
        .filter(|&(s, e)| !known_to_gazetteer(sentence, s, e))
        .map(|(s, e)| Candidate::new(CandidateSource::OrgPhrases, s, e, Label::Org))
        .collect()
}

/// An unambiguous gazetteer entry covers the whole phrase.
fn known_to_gazetteer(sentence: &SentenceContext<'_>, s: usize, e: usize) -> bool {
    sentence
        .gazetteer_matches
        .iter()
        .any(|g| g.start <= s && e <= g.end && !sentence.gazetteer.entry(g.entry).ambiguous)
}

/// An adjective made with a hyphen ("Boston-based", "Iranian-backed"): not part of a name.
fn hyphen_adjective(word: &str) -> bool {
    word.rsplit_once('-')
        .is_some_and(|(_, last)| last.chars().next().is_some_and(char::is_lowercase))
}

/// Token ranges of capitalised phrases ending in (or headed by) an organisation word.
fn designated_organisations(sent: &[&str]) -> Vec<(usize, usize)> {
    let n = sent.len();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for d in 0..n {
        if !organisation_heads().contains(sent[d]) || out.last().is_some_and(|&(_, e)| e > d) {
            continue;
        }
        let floor = out.last().map_or(0, |&(_, e)| e);
        let mut s = d;
        while s > floor && d - s < 6 {
            let w = sent[s - 1];
            let name_word = capitalised(w) && !hyphen_adjective(w) && !phrase_openers().contains(w);
            let connector =
                connectors_before_head().contains(w) && s >= floor + 2 && capitalised(sent[s - 2]);
            if !(name_word || connector) {
                break;
            }
            s -= 1;
        }
        while s < d && organisation_connectors().contains(sent[s]) {
            s += 1;
        }
        let mut e = d + 1;
        // "Bank of England", "Ministry of Defence"
        if e + 1 < n && connectors_after_head().contains(sent[e]) && capitalised(sent[e + 1]) {
            e += 1;
            while e < n && e - d < 6 && capitalised(sent[e]) {
                e += 1;
            }
        }
        if e - s >= 2 {
            out.push((s, e));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations_by_head_word() {
        let words = [
            "Shares", "in", "Jeans", "Mate", "Corp", "rose", "at", "the", "Bank", "of", "England",
            "and", "Scottish", "Labour", "Party",
        ];
        assert_eq!(
            designated_organisations(&words),
            [(2, 5), (8, 11), (12, 15)]
        );
        let words = ["the", "Test", "and", "County", "Cricket", "Board", "said"];
        assert_eq!(designated_organisations(&words), [(1, 6)]);
        assert!(designated_organisations(&["the", "ministry", "said"]).is_empty());
        let words = [
            "Erin",
            "Purcell",
            "of",
            "Boston-based",
            "Reagan",
            "Communications",
        ];
        assert_eq!(designated_organisations(&words), [(4, 6)]);
        assert!(designated_organisations(&["The", "Party", "said"]).is_empty());
    }
}
