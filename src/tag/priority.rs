//! Which candidate wins where candidates overlap: one table ranks the sources and scores their
//! mentions, and one resolver applies it.

use super::mention::{Link, Mention, Source};
use super::sources::{Candidate, CandidateSource};
use super::tokenize::Token;

/// How a source's mentions are scored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Score {
    /// A hand-set confidence, the same for every mention of the source.
    Fixed(f32),
    /// The model's lowest token confidence over the span.
    ModelConfidence,
}

impl Score {
    /// The score of a candidate whose model confidence is `confidence`.
    pub fn of(self, confidence: f32) -> f32 {
        match self {
            Score::Fixed(score) => score,
            Score::ModelConfidence => confidence,
        }
    }
}

/// One row of [`PRIORITY`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub source: CandidateSource,
    /// The `source` the mention reports.
    pub reported_as: Source,
    pub score: Score,
}

/// The candidate sources, highest priority first: a candidate's rank is its source's row.
/// Where candidates overlap, the one from the higher row is kept and the others are dropped.
///
/// Why this order:
/// 1. user: the caller's dictionary is the caller's decision.
/// 2. clubs: in a sports report a team named like its town ("Milan") is the team, where the
///    model and the gazetteer would read a place. The source already leaves the town alone
///    where the text makes it a place ("in Milan", datelines).
/// 3. athletes: in a results line a name before its country in brackets is a person, where
///    the model often reads an organisation or only the surname; the rule already defers to
///    clubs and places the gazetteer knows.
/// 4. sports teams: the model reads results and standings lines ("Pohang 3 Ulsan 2") poorly;
///    the rule already defers to national teams and to people the model found.
/// 5. organisation phrases: "Scottish Labour Party" is one organisation, where the model often
///    tags fragments; the rule already defers to names the gazetteer knows whole.
/// 6. model: everything else it finds, read in context (it also reads the gazetteer).
/// 7. initials: "W. Athey" in a scorecard, where the model found nothing.
/// 8. gazetteer: known names the model missed; in context the model's reading is better.
/// 9. datelines: a town in capitals heading a dateline that nothing above read ("VAIL ,
///    Colorado 1996-12-07"); where the model or the gazetteer read it, they also name it.
/// 10. dates: where a date word is part of a name ("Sunday Times"), the name wins.
///
/// Scores are reported with each mention and never settle overlaps; the document-consistency
/// step drops a one-word model mention that is also a common word when its score is low.
pub const PRIORITY: [Rule; 10] = [
    Rule {
        source: CandidateSource::User,
        reported_as: Source::User,
        score: Score::Fixed(1.0),
    },
    Rule {
        source: CandidateSource::Clubs,
        reported_as: Source::Gazetteer,
        score: Score::Fixed(0.75),
    },
    Rule {
        source: CandidateSource::Athletes,
        reported_as: Source::Rule,
        score: Score::Fixed(0.7),
    },
    Rule {
        source: CandidateSource::SportsTeams,
        reported_as: Source::Rule,
        score: Score::Fixed(0.7),
    },
    Rule {
        source: CandidateSource::OrgPhrases,
        reported_as: Source::Rule,
        score: Score::Fixed(0.75),
    },
    Rule {
        source: CandidateSource::Model,
        reported_as: Source::Model,
        score: Score::ModelConfidence,
    },
    Rule {
        source: CandidateSource::Initials,
        reported_as: Source::Rule,
        score: Score::Fixed(0.6),
    },
    Rule {
        source: CandidateSource::Gazetteer,
        reported_as: Source::Gazetteer,
        score: Score::Fixed(0.8),
    },
    Rule {
        source: CandidateSource::Datelines,
        reported_as: Source::Rule,
        score: Score::Fixed(0.7),
    },
    Rule {
        source: CandidateSource::Dates,
        reported_as: Source::Rule,
        score: Score::Fixed(0.9),
    },
];

/// Each source's rank, indexed by the source's declaration order. Built from [`PRIORITY`] when
/// compiling, which fails if a source has two rows; a test checks that none has no row.
const RANKS: [usize; PRIORITY.len()] = {
    let mut ranks = [usize::MAX; PRIORITY.len()];
    let mut row = 0;
    while row < PRIORITY.len() {
        let source = PRIORITY[row].source as usize;
        assert!(
            ranks[source] == usize::MAX,
            "a candidate source has two rows"
        );
        ranks[source] = row;
        row += 1;
    }
    ranks
};

/// A source's rank: its row in [`PRIORITY`], 0 the highest.
pub fn rank(source: CandidateSource) -> usize {
    RANKS[source as usize]
}

/// A source's row in [`PRIORITY`].
pub fn rule_of(source: CandidateSource) -> Rule {
    PRIORITY[rank(source)]
}

/// A kept candidate as a mention: byte offsets from the sentence's `tokens`, and the name and
/// score its source reports by the table.
pub fn mention_of(candidate: Candidate, tokens: &[Token]) -> Mention {
    let rule = rule_of(candidate.source);
    let link = match (&candidate.entity, candidate.source) {
        (None, _) | (Some(_), CandidateSource::Dates) => Link::Surface,
        (Some(_), CandidateSource::User) => Link::User,
        (Some(_), _) => Link::Gazetteer,
    };
    Mention {
        start: tokens[candidate.start].start,
        end: tokens[candidate.end - 1].end,
        label: candidate.label,
        source: rule.reported_as,
        score: rule.score.of(candidate.confidence),
        fixed_entity: candidate.entity.is_some(),
        entity: candidate.entity.unwrap_or_default(),
        link,
        country: candidate.country,
        acronym: None,
        title: candidate
            .title
            .map(|(a, b)| (tokens[a].start, tokens[b - 1].end)),
        sentence: 0,
    }
}

/// The candidates of one sentence of `sentence_len` tokens that survive: by rank, each is kept
/// unless it overlaps one already kept. Candidates of one rank keep their given order, which is
/// each source's own left-to-right order, so among overlapping equals the earlier wins.
pub fn resolve(mut candidates: Vec<Candidate>, sentence_len: usize) -> Vec<Candidate> {
    candidates.sort_by_key(|c| rank(c.source));
    let mut taken = vec![false; sentence_len];
    candidates.retain(|c| {
        let span = &mut taken[c.start..c.end];
        if span.iter().any(|&t| t) {
            return false;
        }
        span.fill(true);
        true
    });
    candidates
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::mention::Label;

    fn candidate(source: CandidateSource, start: usize, end: usize) -> Candidate {
        Candidate::new(source, start, end, Label::Org)
    }

    fn spans(kept: &[Candidate]) -> Vec<(CandidateSource, usize, usize)> {
        kept.iter().map(|c| (c.source, c.start, c.end)).collect()
    }

    #[test]
    fn every_source_has_one_row() {
        let all = [
            CandidateSource::User,
            CandidateSource::Clubs,
            CandidateSource::Athletes,
            CandidateSource::SportsTeams,
            CandidateSource::OrgPhrases,
            CandidateSource::Model,
            CandidateSource::Initials,
            CandidateSource::Gazetteer,
            CandidateSource::Datelines,
            CandidateSource::Dates,
        ];
        for source in all {
            assert_eq!(PRIORITY.iter().filter(|r| r.source == source).count(), 1);
        }
        // Today's order, which the golden outputs depend on.
        assert_eq!(PRIORITY.map(|r| r.source), all);
    }

    #[test]
    fn priority_beats_order() {
        // The gazetteer's candidate comes first in the list, the model's outranks it.
        let kept = resolve(
            vec![
                candidate(CandidateSource::Gazetteer, 0, 2),
                candidate(CandidateSource::Model, 1, 3),
            ],
            4,
        );
        assert_eq!(spans(&kept), [(CandidateSource::Model, 1, 3)]);
        let kept = resolve(
            vec![
                candidate(CandidateSource::Dates, 2, 3),
                candidate(CandidateSource::Model, 0, 2),
                candidate(CandidateSource::User, 1, 2),
            ],
            3,
        );
        assert_eq!(
            spans(&kept),
            [
                (CandidateSource::User, 1, 2),
                (CandidateSource::Dates, 2, 3)
            ]
        );
    }

    #[test]
    fn ties_go_to_the_earlier_candidate() {
        let kept = resolve(
            vec![
                candidate(CandidateSource::Model, 0, 2),
                candidate(CandidateSource::Model, 1, 3),
                candidate(CandidateSource::Model, 3, 4),
            ],
            4,
        );
        assert_eq!(
            spans(&kept),
            [
                (CandidateSource::Model, 0, 2),
                (CandidateSource::Model, 3, 4)
            ]
        );
    }

    #[test]
    fn overlaps_of_any_size_are_dropped_and_neighbours_kept() {
        let kept = resolve(
            vec![
                candidate(CandidateSource::OrgPhrases, 2, 5),
                // inside, around, touching at either edge
                candidate(CandidateSource::Model, 3, 4),
                candidate(CandidateSource::Gazetteer, 1, 6),
                candidate(CandidateSource::Initials, 0, 2),
                candidate(CandidateSource::Dates, 5, 7),
                candidate(CandidateSource::Gazetteer, 4, 6),
            ],
            7,
        );
        assert_eq!(
            spans(&kept),
            [
                (CandidateSource::OrgPhrases, 2, 5),
                (CandidateSource::Initials, 0, 2),
                (CandidateSource::Dates, 5, 7),
            ]
        );
    }

    #[test]
    fn scores_follow_the_table() {
        let mut model = candidate(CandidateSource::Model, 0, 1);
        model.confidence = 0.42;
        assert_eq!(rule_of(model.source).score.of(model.confidence), 0.42);
        let date = candidate(CandidateSource::Dates, 0, 1);
        assert_eq!(rule_of(date.source).score.of(date.confidence), 0.9);
        assert_eq!(
            rule_of(CandidateSource::Clubs).reported_as,
            Source::Gazetteer
        );
    }
}
