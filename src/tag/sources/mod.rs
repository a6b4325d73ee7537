//! Candidate sources: each proposes entity spans for one sentence, reading what it needs from
//! the sentence's [`SentenceContext`]. Sources may propose overlapping spans; the priority table
//! in [`super::priority`] settles which are kept, so no source needs to know its rank.
//!
//! To add a source: write a file here with a `candidates(&SentenceContext) -> Vec<Candidate>`,
//! name it in [`CandidateSource`], give it a row in [`super::priority::PRIORITY`], and list it
//! in [`all_candidates`].

mod athletes;
mod clubs;
mod datelines;
mod dates;
mod gazetteer;
mod initials;
mod model;
mod org_phrases;
mod sports_teams;
mod user;
pub(crate) mod word_shapes;

use super::document::Document;
use super::gazetteer::{Entry, Gazetteer, Match};
use super::mention::Label;
use super::model_input::ModelReader;
use super::resources::Resources;
use super::tokenize::Token;

/// The candidate sources, named for what they find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateSource {
    /// The caller's own dictionary.
    User,
    /// Sports clubs named like places ("Milan", "Surrey"), in sports reports.
    Clubs,
    /// People before their country in brackets in results lines ("Alina Astafei ( Germany )").
    Athletes,
    /// Team names in results and standings lines ("Pohang 3 Ulsan 2").
    SportsTeams,
    /// Capitalised phrases ending in an organisation word ("Jeans Mate Corp").
    OrgPhrases,
    /// The averaged perceptron.
    Model,
    /// An initial and a surname the model left alone ("W. Athey").
    Initials,
    /// The shipped gazetteer's unambiguous entries.
    Gazetteer,
    /// The town of a dateline ("VAIL , Colorado 1996-12-07").
    Datelines,
    /// The rule-based date recogniser.
    Dates,
}

/// A proposed mention: tokens `[start, end)` of its sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub source: CandidateSource,
    pub start: usize,
    pub end: usize,
    pub label: Label,
    /// The canonical name, when the source knows it (gazetteer, user table, dates): linking
    /// leaves it alone.
    pub entity: Option<String>,
    /// The country of a nationality, from its gazetteer entry.
    pub country: Option<String>,
    /// Token range of the person's title before the name.
    pub title: Option<(usize, usize)>,
    /// The model's confidence in the span (1 for the other sources, which are scored by rule).
    pub confidence: f32,
}

impl Candidate {
    pub fn new(source: CandidateSource, start: usize, end: usize, label: Label) -> Self {
        Candidate {
            source,
            start,
            end,
            label,
            entity: None,
            country: None,
            title: None,
            confidence: 1.0,
        }
    }

    /// The same candidate, with its canonical name fixed.
    pub fn named(mut self, canonical: &str) -> Self {
        self.entity = Some(canonical.to_string());
        self
    }

    /// The same candidate, named by a gazetteer or user entry: its canonical name, label and
    /// country.
    pub fn named_by(mut self, entry: &Entry) -> Self {
        self.name_by(entry);
        self
    }

    /// Names the candidate by a gazetteer or user entry, as [`Candidate::named_by`].
    pub fn name_by(&mut self, entry: &Entry) {
        self.entity = Some(entry.canonical.clone());
        self.label = entry.label;
        self.country = entry.country.clone();
    }
}

/// What the sources read of one sentence.
pub struct SentenceContext<'a> {
    pub tokens: &'a [Token],
    /// The text of each token.
    pub words: &'a [&'a str],
    /// The shipped gazetteer and its leftmost-longest matches in the sentence (ambiguous
    /// entries included: several sources consult them).
    pub gazetteer: &'a Gazetteer,
    pub gazetteer_matches: Vec<Match>,
    /// The caller's dictionary, if any.
    pub user: Option<&'a Gazetteer>,
    /// The clubs gazetteer, in sports reports only.
    pub clubs: Option<&'a Gazetteer>,
    /// The document reads as a sports report.
    pub sports_report: bool,
    /// The model's spans, read once: the model source offers them, and the sports-team rule
    /// defers to those it reads as people.
    pub model_spans: Vec<Candidate>,
}

impl<'a> SentenceContext<'a> {
    /// The context of sentence `[from, to)` of `document`.
    pub fn new(
        resources: &'a Resources,
        document: &'a Document<'_>,
        (from, to): (usize, usize),
        user: Option<&'a Gazetteer>,
        sports_report: bool,
        reader: &mut ModelReader,
    ) -> Self {
        let words = &document.words[from..to];
        let gazetteer_matches = resources.gazetteer.find(words);
        let decoding = reader.read(
            &resources.model,
            &resources.gazetteer,
            words,
            &gazetteer_matches,
        );
        let mut context = SentenceContext {
            tokens: &document.tokens[from..to],
            words,
            gazetteer: &resources.gazetteer,
            gazetteer_matches,
            user,
            clubs: (sports_report && !resources.clubs.is_empty()).then_some(&resources.clubs),
            sports_report,
            model_spans: Vec::new(),
        };
        context.model_spans = model::read_spans(&context, decoding, &resources.model_labels);
        context
    }
}

/// Every source's candidates for one sentence. The order of this list does not matter: the
/// priority table settles overlaps; within one source, candidates run left to right.
pub fn all_candidates(sentence: &SentenceContext<'_>) -> Vec<Candidate> {
    let sources: [fn(&SentenceContext<'_>) -> Vec<Candidate>; 10] = [
        user::candidates,
        clubs::candidates,
        athletes::candidates,
        sports_teams::candidates,
        org_phrases::candidates,
        model::candidates,
        initials::candidates,
        gazetteer::candidates,
        datelines::candidates,
        dates::candidates,
    ];
    sources.iter().flat_map(|source| source(sentence)).collect()
}
