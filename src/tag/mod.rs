//! Entity tagging: people, organisations, places, nationalities and dates, with canonical
//! entities.
//!
//! How [`tag_document`] reads a document, and where each part lives:
//! 1. `document`: the text is tokenized and split into sentences (`tokenize`).
//! 2. `sources`: for each sentence a context gathers what the candidate sources read: the
//!    gazetteer's matches (`gazetteer`) and the model's reading (`model_input`, `perceptron`,
//!    `features`). Ten sources propose candidate mentions from it: the user dictionary,
//!    sports clubs (in sports reports, `sports_report`), athletes in results lines, the
//!    sports-team rule, the
//!    organisation-phrase rule, the model (which also splits off person titles,
//!    `titles`), the initials rule, the gazetteer, the towns of datelines and the dates rule
//!    (`dates`).
//! 3. `priority`: one table ranks those sources in that order and scores their mentions; the
//!    resolver keeps, by rank, each candidate that overlaps none kept before it.
//! 4. `steps`: the document's mentions then pass, in order, through joining names written side
//!    by side (`adjoining`), naming by surface, document consistency (`consistency`, with
//!    acronyms defined in the text, `acronyms`), dropping event names (`events`), linking
//!    within the document (`canonical`), the label filter and sentence numbering.
//!
//! [`tag_corpus`] tags documents in parallel, then joins names across the corpus (`canonical`):
//! spelling variants, surnames (told apart by the documents' days and outlets, `publication`)
//! and acronyms. The model is trained by `train`. The word lists the rules read (titles,
//! organisation words, months...) are in the lexicon, `crate::text::lexicon`.

mod acronyms;
mod adjoining;
pub mod canonical;
mod company_forms;
mod company_names;
mod consistency;
pub mod corpus_join;
pub mod date_values;
pub mod dates;
mod document;
mod events;
pub mod features;
pub mod gazetteer;
mod mention;
mod model_input;
mod name_endings;
pub mod names_bytes;
pub mod options;
pub mod perceptron;
mod priority;
mod publication;
pub mod renames;
mod resources;
mod sources;
mod sports_report;
mod steps;
mod terms;
mod titles;
pub mod tokenize;
pub mod train;
mod weight_table;
mod wide;
mod word_scores;

pub use mention::{Label, Link, Mention, Source, MODEL_TYPES};
pub use model_input::gazetteer_codes;
pub use publication::{Publication, NEARBY_DAYS};
pub use resources::Resources;

use rayon::prelude::*;

use crate::parallel::Progress;
use document::Document;
use gazetteer::Gazetteer;
use model_input::with_model_reader;
use sources::{all_candidates, SentenceContext};
use sports_report::is_sports_report;

/// Options of a tagging run.
#[derive(Debug, Clone)]
pub struct TagOptions<'a> {
    pub user: Option<&'a Gazetteer>,
    /// Labels to keep (all when `None`).
    pub labels: Option<Vec<Label>>,
    pub canonical: bool,
}

/// Tags one document (no cross-document linking).
pub fn tag_document(resources: &Resources, text: &str, options: &TagOptions<'_>) -> Vec<Mention> {
    crate::parallel::checkpoint();
    let document = Document::new(text);
    let mut mentions = sentence_mentions(resources, &document, options);
    steps::run(&document, options, &mut mentions);
    mentions
}

/// Each sentence's candidates, settled by priority.
fn sentence_mentions(
    resources: &Resources,
    document: &Document<'_>,
    options: &TagOptions<'_>,
) -> Vec<Mention> {
    let sports_report = is_sports_report(&document.words);
    let mut mentions = Vec::new();
    with_model_reader(|reader| {
        for range in document.sentences() {
            crate::parallel::checkpoint();
            let sentence = SentenceContext::new(
                resources,
                document,
                range,
                options.user,
                sports_report,
                reader,
            );
            let kept = priority::resolve(all_candidates(&sentence), sentence.words.len());
            mentions.extend(
                kept.into_iter()
                    .map(|c| priority::mention_of(c, sentence.tokens)),
            );
        }
    });
    mentions
}

/// Tags every document in parallel, then joins entities across the corpus, where the
/// documents' `publications` (aligned with `texts`, or empty) help tell people of one surname
/// apart. `None` documents have no mentions.
pub fn tag_corpus(
    resources: &Resources,
    texts: &[Option<&str>],
    publications: &[Publication],
    options: &TagOptions<'_>,
    progress: &Progress,
) -> Vec<Vec<Mention>> {
    let mut docs = tag_documents(resources, texts, options, progress);
    crate::parallel::checkpoint();
    if options.canonical {
        corpus_join::join_across_corpus(&mut docs, publications);
    }
    docs
}

/// Tags each document on its own, without joining names across the corpus (a corpus tagged
/// chunk by chunk joins them once at the end).
pub fn tag_documents(
    resources: &Resources,
    texts: &[Option<&str>],
    options: &TagOptions<'_>,
    progress: &Progress,
) -> Vec<Vec<Mention>> {
    texts
        .par_iter()
        .map(|t| {
            let mentions = t
                .map(|t| tag_document(resources, t, options))
                .unwrap_or_default();
            progress.add(1);
            mentions
        })
        .panic_fuse()
        .collect()
}
