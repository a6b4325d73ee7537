//! The steps that run on a document's mentions once each sentence's overlaps are settled, in
//! the order [`run`] lists them.

use super::adjoining::join_adjoining_names;
use super::canonical::link_within_document;
use super::consistency::settle_document_consistency;
use super::document::Document;
use super::events::drop_event_names;
use super::mention::{Label, Mention};
use super::terms::drop_common_terms;
use super::TagOptions;

/// Runs the steps in order. Each is named for its job; see their docs.
pub fn run(document: &Document<'_>, options: &TagOptions<'_>, mentions: &mut Vec<Mention>) {
    order_by_position(mentions);
    drop_common_terms(document, mentions);
    join_adjoining_names(document, mentions);
    name_by_surface(document.text, mentions);
    settle_document_consistency(document, mentions);
    crate::parallel::checkpoint();
    drop_event_names(document, mentions);
    if options.canonical {
        link_within_document(mentions);
    }
    if let Some(labels) = &options.labels {
        keep_labels(labels, mentions);
    }
    number_sentences(document, mentions);
}

fn order_by_position(mentions: &mut [Mention]) {
    mentions.sort_by_key(|m| (m.start, m.end));
}

/// A mention whose source gave no canonical name is named by its own words: whitespace (line
/// breaks included) collapsed, curly apostrophes kept.
fn name_by_surface(text: &str, mentions: &mut [Mention]) {
    for m in mentions.iter_mut().filter(|m| !m.fixed_entity) {
        m.entity = text[m.start..m.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
    }
}

/// Only the labels the caller asked for.
fn keep_labels(labels: &[Label], mentions: &mut Vec<Mention>) {
    mentions.retain(|m| labels.contains(&m.label));
}

/// Sets each mention's sentence index from the token it starts on.
fn number_sentences(document: &Document<'_>, mentions: &mut [Mention]) {
    let tokens = &document.tokens;
    let mut sentence_of_token = Vec::with_capacity(tokens.len());
    let mut sentence = 0usize;
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 && t.sentence_start {
            sentence += 1;
        }
        sentence_of_token.push(sentence);
    }
    for m in mentions {
        // Mentions start on a token; the last token starting at or before `m.start` holds it.
        let k = tokens.partition_point(|t| t.start <= m.start);
        m.sentence = k.checked_sub(1).map_or(0, |k| sentence_of_token[k]);
    }
}
