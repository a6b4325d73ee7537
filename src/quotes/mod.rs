//! Quotes: who said what. One [`Quote`] per direct quote (the source's own sentences in
//! quotation marks), partial quote (a quoted fragment inside the reporter's sentence) or
//! reported quote (a speech verb governing a clause without quotation marks), with its cue
//! ("said", "told", "according to") and its speaker, canonical where the article names them.
//! The labelling rules it follows are `benchmarks/QUOTES_GUIDELINE.md`.
//!
//! How [`find_quotes`] reads a document, and where each part lives:
//! 1. `document`: tokens (the tagger's tokenizer), quoted spans paired by `marks` (including
//!    flattened multi-paragraph quotes), sentences that never end before a closing mark, and
//!    the tagger's mentions over the tokens.
//! 2. `quoted`: each quoted span becomes a direct or partial quote with its cue (`cues`), or
//!    is set aside as a scare quote, a title or displayed words.
//! 3. `reported`: the other cues of each sentence that govern a clause (`clauses`) give
//!    reported quotes, cue first or content first.
//! 4. `sources` finds each cue's source phrase (before it, after it, after "according to",
//!    the subject of a participle's clause; `phrases`), and `speakers` resolves it in text order
//!    to a canonical name: a mention, a pronoun or a description standing for someone named
//!    before, or nobody named.

mod clauses;
mod cues;
mod document;
mod marks;
pub mod mentions;
mod phrases;
mod quoted;
mod reported;
mod sources;
mod speakers;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::parallel::Progress;
use crate::tag::{tag_corpus, Label, Mention, Publication, Resources, TagOptions};
use cues::Cue;
use document::Document;
use sources::Source;
use speakers::{Kind, Salience, Speaker};

/// A named mention the speakers are resolved to: byte span, label and canonical entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub entity: String,
}

impl From<&Mention> for Named {
    fn from(m: &Mention) -> Self {
        Named {
            start: m.start,
            end: m.end,
            label: m.label,
            entity: m.entity.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// The source's words in quotation marks, standing as the source's own sentences.
    Direct,
    /// A quoted fragment inside the reporter's sentence.
    Partial,
    /// A clause without quotation marks that a speech verb attributes.
    Reported,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Reported => "reported",
        }
    }
}

/// One quote, with byte offsets into its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words (direct, partial) or the reported clause, without the marks.
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    /// The cue's span ("said", "according to"); `None` for a quote continuing its speaker.
    pub cue: Option<(usize, usize)>,
    /// The speaker's canonical name; empty when the article never names the source.
    pub speaker: String,
    /// The span of the words that refer to the speaker in the attribution ("Putin", "he",
    /// "an energy analyst at a London brokerage").
    pub speaker_mention: Option<(usize, usize)>,
}

/// A quote found, before its speaker is resolved.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// Byte span of the quote.
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub cue: Option<Cue>,
    pub source: Source,
    /// The token where its source is read: speakers resolve in this order.
    pub at: usize,
}

/// The quotes of one document, in text order; `named` are the document's mentions (any
/// order, byte offsets), which name the speakers.
pub fn find_quotes(text: &str, named: &[Named]) -> Vec<Quote> {
    let doc = Document::new(text, named);
    let mut found: Vec<Found> = (0..doc.quoted.len())
        .filter_map(|i| quoted::quoted_quote(&doc, i))
        .collect();
    let used: FxHashSet<usize> = found
        .iter()
        .filter_map(|f| f.cue.as_ref().map(|c| c.start))
        .collect();
    for sentence in &doc.sentences {
        found.extend(reported::reported_quotes(&doc, sentence.clone(), &used));
    }
    let found = without_overlaps(found);
    resolve_speakers(&doc, found)
}

/// The quotes with no two overlapping: quoted spans first, then reported clauses in order.
fn without_overlaps(found: Vec<Found>) -> Vec<Found> {
    let (quoted, reported): (Vec<Found>, Vec<Found>) = found
        .into_iter()
        .partition(|f| f.kind != QuoteKind::Reported);
    let mut kept: Vec<Found> = Vec::with_capacity(quoted.len() + reported.len());
    for f in quoted.into_iter().chain(reported) {
        if kept.iter().all(|k| f.end <= k.start || f.start >= k.end) {
            kept.push(f);
        }
    }
    kept.sort_by_key(|f| (f.start, f.end));
    kept
}

/// Each quote with its speaker, resolved in text order together with each sentence's subject,
/// which pronouns and descriptions may stand for.
fn resolve_speakers(doc: &Document<'_, '_>, found: Vec<Found>) -> Vec<Quote> {
    enum Event {
        Subject(std::ops::Range<usize>),
        Quote(usize),
    }
    let mut events: Vec<(usize, Event)> = doc
        .sentences
        .iter()
        .filter(|s| doc.quote_of[s.start].is_none())
        .filter_map(|s| phrases::clause_subject(doc, s.clone()))
        .map(|p| (p.start, Event::Subject(p)))
        .collect();
    events.extend(
        found
            .iter()
            .enumerate()
            .map(|(i, f)| (f.at, Event::Quote(i))),
    );
    events.sort_by_key(|(at, event)| (*at, matches!(event, Event::Quote(_))));
    let mut salience = Salience::default();
    let mut speakers: Vec<Option<Speaker>> = vec![None; found.len()];
    for (at, event) in events {
        let speaker = match event {
            Event::Subject(phrase) => speakers::resolve(doc, phrase, &salience),
            Event::Quote(i) => {
                let speaker = match &found[i].source {
                    Source::Phrase(p) => speakers::resolve(doc, p.clone(), &salience),
                    Source::Continuing => continuing(at, &salience),
                    Source::Nobody => Speaker {
                        name: String::new(),
                        mention: None,
                        kind: Kind::Thing,
                    },
                };
                speakers[i] = Some(speaker.clone());
                speaker
            }
        };
        salience.push(at, speaker);
    }
    found
        .into_iter()
        .zip(speakers)
        .map(|(f, speaker)| {
            let speaker = speaker.unwrap_or_else(|| continuing(f.at, &salience));
            Quote {
                start: f.start,
                end: f.end,
                kind: f.kind,
                cue: f.cue.map(|c| doc.byte_span(c.start..c.end)),
                speaker: speaker.name,
                speaker_mention: speaker.mention.map(|m| doc.byte_span(m)),
            }
        })
        .collect()
}

/// The speaker a quote without attribution continues: the latest person or organisation.
fn continuing(at: usize, salience: &Salience) -> Speaker {
    let name = salience
        .latest(at, |s| matches!(s.kind, Kind::Person | Kind::Organisation))
        .map(|s| s.name.clone())
        .unwrap_or_default();
    Speaker {
        name,
        mention: None,
        kind: Kind::Person,
    }
}

/// The quotes of each document, its mentions given (`named[i]` for `texts[i]`).
pub fn quotes_of_documents(
    texts: &[Option<&str>],
    named: &[Vec<Named>],
    progress: &Progress,
) -> Vec<Vec<Quote>> {
    texts
        .par_iter()
        .zip(named)
        .map(|(text, named)| {
            let quotes = text.map(|t| find_quotes(t, named)).unwrap_or_default();
            progress.add(1);
            quotes
        })
        .collect()
}

/// Tags every document (names joined across the corpus as `tag_corpus` joins them), then
/// finds its quotes. `options.labels` is ignored: every label may name a speaker.
pub fn quotes_of_corpus(
    resources: &Resources,
    texts: &[Option<&str>],
    publications: &[Publication],
    options: &TagOptions<'_>,
    progress: &Progress,
) -> Vec<Vec<Quote>> {
    let options = TagOptions {
        labels: None,
        ..options.clone()
    };
    let mentions = tag_corpus(
        resources,
        texts,
        publications,
        &options,
        &Progress::default(),
    );
    let named: Vec<Vec<Named>> = mentions
        .iter()
        .map(|doc| doc.iter().map(Named::from).collect())
        .collect();
    quotes_of_documents(texts, &named, progress)
}

#[cfg(test)]
mod tests;
