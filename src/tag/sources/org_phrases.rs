//! Phrases named as organisations by their last word ("Jeans Mate Corp", "Scottish Labour
//! Party", "Bank of England"): they win over the model's fragments, unless the gazetteer knows
//! the whole phrase.

use super::word_shapes::capitalised;
use super::{Candidate, CandidateSource, SentenceContext};
use crate::tag::mention::Label;
use crate::text::lexicon::{
    connectors_after_head, connectors_before_head, group_parts, legal_forms, national_bodies,
    organisation_connectors, organisation_heads, phrase_openers,
};

pub fn candidates(sentence: &SentenceContext<'_>) -> Vec<Candidate> {
    designated_organisations(sentence.words)
        .into_iter()
        .map(|(s, e)| (after_nationality(sentence, s, e), e))
        .filter(|&(s, e)| e - s >= 2 && !known_to_gazetteer(sentence, s, e))
        .map(|(s, e)| Candidate::new(CandidateSource::OrgPhrases, s, e, Label::Org))
        .collect()
}

/// Where the name starts once whose it is is left out: a nationality before a state's
/// institution ("the Iranian Foreign Ministry") and a place before a possessive ("Britain 's
/// Labour Party").
fn after_nationality(sentence: &SentenceContext<'_>, s: usize, e: usize) -> usize {
    let words = sentence.words;
    sentence
        .gazetteer_matches
        .iter()
        .find_map(|g| {
            let label = sentence.gazetteer.entry(g.entry).label;
            if g.start != s || g.end + 1 >= e {
                return None;
            }
            if label == Label::Norp && national_bodies().contains(words[g.end]) {
                Some(g.end)
            } else if matches!(label, Label::Loc | Label::Norp) && is_possessive(words[g.end]) {
                Some(g.end + 1)
            } else {
                None
            }
        })
        .unwrap_or(s)
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
        if !is_head(sent, d) || out.last().is_some_and(|&(_, e)| e > d) {
            continue;
        }
        let floor = out.last().map_or(0, |&(_, e)| e);
        let mut s = d;
        while s > floor && d - s < 6 {
            let w = sent[s - 1];
            let name_word = capitalised(w) && !hyphen_adjective(w) && !phrase_openers().contains(w);
            // "Securities and Exchange", "Boatmen 's Bancshares"; not an owner's possessive
            // ("Dow Chemical Co 's Resin Department", "IMF 's European Department").
            let joins = connectors_before_head().contains(w)
                || (is_possessive(w) && s >= 2 && !owner(sent[s - 2]));
            let connector = joins && s >= floor + 2 && capitalised(sent[s - 2]);
            if !(name_word || connector) {
                break;
            }
            s -= 1;
        }
        // "Goldman, Sachs and Co": a comma between the partners' names.
        if s >= floor + 2
            && sent[s - 1] == ","
            && capitalised(sent[s - 2])
            && sent[s..d]
                .iter()
                .any(|w| connectors_before_head().contains(w))
            && legal_forms().contains(sent[d])
        {
            s -= 2;
        }
        while s < d && organisation_connectors().contains(sent[s]) {
            s += 1;
        }
        let e = name_end(sent, d);
        if e - s >= 2 {
            out.push((s, e));
        }
    }
    out
}

/// A company's full name or an acronym, which own what follows their possessive.
fn owner(word: &str) -> bool {
    legal_forms().contains(word)
        || (word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !word.chars().any(char::is_lowercase))
}

/// The possessive ending, split off by the tokenizer.
fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "’s")
}

/// An organisation word, or a legal form after "and" ("Sachs and Co") or ending a capitalised
/// name ("Oglebay Norton Co said"): "Co" inside a name may be a county ("Bay Co Building
/// Authority").
fn is_head(sent: &[&str], d: usize) -> bool {
    organisation_heads().contains(sent[d])
        || (d > 0
            && legal_forms().contains(sent[d])
            && !group_parts().contains(sent[d])
            && (connectors_before_head().contains(sent[d - 1])
                || (capitalised(sent[d - 1]) && !sent.get(d + 1).is_some_and(|w| capitalised(w)))))
}

/// Where the name headed at token `d` ends: after more heads and legal forms ("Boston Edison
/// Co Inc"), a second head joined by "and" ("Securities and Exchange Commission"), and an
/// "of" phrase ("Bank of England", "Ministry of Defence").
fn name_end(sent: &[&str], d: usize) -> usize {
    let n = sent.len();
    let head_or_form = |w: &str| organisation_heads().contains(w) || legal_forms().contains(w);
    let mut e = d + 1;
    loop {
        if e < n && head_or_form(sent[e]) {
            e += 1;
        } else if e + 1 < n
            && connectors_before_head().contains(sent[e])
            && !legal_forms().contains(sent[e - 1])
            && capitalised(sent[e + 1])
            && !phrase_openers().contains(sent[e + 1])
        {
            // "and Exchange Commission": capitalised words up to a head. After a legal form
            // the name has ended: "Johnson Controls Inc and Lear Corp" are two companies.
            let Some(head) = (e + 1..n.min(e + 4))
                .take_while(|&k| capitalised(sent[k]))
                .find(|&k| organisation_heads().contains(sent[k]))
                .filter(|&k| !legal_forms().contains(sent[k]))
            else {
                break;
            };
            e = head + 1;
        } else {
            break;
        }
    }
    // "First Bank System Inc": capitalised words before a legal form.
    if let Some(form) = (e..n.min(e + 3))
        .take_while(|&k| capitalised(sent[k]) && !phrase_openers().contains(sent[k]))
        .find(|&k| legal_forms().contains(sent[k]))
    {
        e = form + 1;
        while e < n && legal_forms().contains(sent[e]) {
            e += 1;
        }
        return e;
    }
    // "Bank of England", "Ministry of Defence"
    if e + 1 < n && connectors_after_head().contains(sent[e]) && capitalised(sent[e + 1]) {
        let head = e;
        e += 1;
        while e < n && e - head < 6 && capitalised(sent[e]) {
            e += 1;
        }
    }
    e
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
        let words = ["the", "Securities", "and", "Exchange", "Commission", "said"];
        assert_eq!(designated_organisations(&words), [(1, 5)]);
        let words = ["at", "Goldman", ",", "Sachs", "and", "Co", "Inc", "."];
        assert_eq!(designated_organisations(&words), [(1, 7)]);
        let words = ["Johnson", "Controls", "Inc", "and", "Lear", "Corp", "said"];
        assert_eq!(designated_organisations(&words), [(0, 3), (4, 6)]);
        let words = ["the", "Bay", "Co", "Building", "Authority"];
        assert_eq!(designated_organisations(&words), [(1, 5)]);
        let words = ["Boatmen", "'s", "Bancshares", "Inc", "said"];
        assert_eq!(designated_organisations(&words), [(0, 4)]);
        let words = ["Dow", "Chemical", "Co", "'s", "Resin", "Department"];
        assert_eq!(designated_organisations(&words), [(0, 3), (4, 6)]);
        let words = [
            "a", "stake", "in", "Oglebay", "Norton", "Co", "to", "10.6", "pct",
        ];
        assert_eq!(designated_organisations(&words), [(3, 6)]);
        assert!(designated_organisations(&["Co", "Durham", "said"]).is_empty());
        let words = ["the", "IMF", "'s", "European", "Department"];
        assert_eq!(designated_organisations(&words), [(3, 5)]);
        let words = ["First", "Bank", "System", "Inc.", "and", "Norwest", "Corp."];
        assert_eq!(designated_organisations(&words), [(0, 4), (5, 7)]);
    }
}
