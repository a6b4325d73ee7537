//! Paragraphs repeated across documents: site boilerplate ("Share this article", newsletter
//! blurbs) and wire paragraphs shared by outlets. A paragraph is a block of lines separated by
//! blank lines (`text::paragraphs`); its identity is the xxh3 hash of its normalised text (NFC, whitespace collapsed,
//! see `shingle::normalize`), so re-wrapped copies count as the same paragraph.
//!
//! The cleaner calls [`paragraph_doc_counts`] to learn which paragraphs are boilerplate in a
//! corpus; analysts get [`repeated_paragraphs`].

use std::collections::HashMap;

use rayon::prelude::*;

use super::shingle::{exact_hash, normalize};
use crate::text::paragraphs::paragraphs;

/// The paragraphs of `text` (blocks of lines between blank lines, see `text::paragraphs`).
fn paragraph_texts(text: &str) -> impl Iterator<Item = &str> + '_ {
    paragraphs(text).map(move |range| &text[range])
}

/// The identity of a paragraph: hash of its normalised text.
pub fn paragraph_hash(paragraph: &str) -> u64 {
    exact_hash(&normalize(paragraph))
}

/// For every paragraph hash, the number of documents that contain it (a paragraph repeated
/// inside one document counts once). Runs on the current rayon pool.
pub fn paragraph_doc_counts(texts: &[&str]) -> HashMap<u64, u32> {
    let per_doc: Vec<Vec<u64>> = texts
        .par_iter()
        .map(|t| distinct_hashes(t))
        .panic_fuse()
        .collect();
    let mut counts = HashMap::new();
    for hashes in per_doc {
        for h in hashes {
            *counts.entry(h).or_insert(0u32) += 1;
        }
    }
    counts
}

fn distinct_hashes(text: &str) -> Vec<u64> {
    crate::parallel::checkpoint();
    let mut hashes: Vec<u64> = paragraph_texts(text).map(paragraph_hash).collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// A paragraph found in several documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatedParagraph {
    pub hash: u64,
    /// Normalised text of its first occurrence.
    pub text: String,
    pub doc_count: u32,
    /// The documents (positions in the input), ascending.
    pub docs: Vec<u32>,
}

/// Paragraphs found in at least `min_docs` documents, most widespread first (ties: earliest
/// first document, then hash).
pub fn repeated_paragraphs(texts: &[&str], min_docs: usize) -> Vec<RepeatedParagraph> {
    let per_doc: Vec<Vec<u64>> = texts
        .par_iter()
        .map(|t| distinct_hashes(t))
        .panic_fuse()
        .collect();
    let mut docs: HashMap<u64, Vec<u32>> = HashMap::new();
    for (doc, hashes) in per_doc.iter().enumerate() {
        for &h in hashes {
            docs.entry(h).or_default().push(doc as u32);
        }
    }
    let min_docs = min_docs.max(1);
    let mut out: Vec<RepeatedParagraph> = docs
        .into_iter()
        .filter(|(_, d)| d.len() >= min_docs)
        .map(|(hash, docs)| {
            let text = paragraph_texts(texts[docs[0] as usize])
                .find(|p| paragraph_hash(p) == hash)
                .map(|p| normalize(p).into_owned())
                .unwrap_or_default();
            RepeatedParagraph {
                hash,
                text,
                doc_count: docs.len() as u32,
                docs,
            }
        })
        .collect();
    out.sort_unstable_by(|a, b| {
        b.doc_count
            .cmp(&a.doc_count)
            .then(a.docs[0].cmp(&b.docs[0]))
            .then(a.hash.cmp(&b.hash))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_documents_not_occurrences() {
        let texts = [
            "Story one.\n\nShare this article",
            "Story two.\n\nShare  this\narticle\n\nShare this article",
            "Story three.",
        ];
        let repeated = repeated_paragraphs(&texts, 2);
        assert_eq!(repeated.len(), 1);
        assert_eq!(repeated[0].text, "Share this article");
        assert_eq!(repeated[0].doc_count, 2);
        assert_eq!(repeated[0].docs, vec![0, 1]);
        let counts = paragraph_doc_counts(&texts);
        assert_eq!(counts[&paragraph_hash("Share this article")], 2);
        assert_eq!(counts[&paragraph_hash("Story three.")], 1);
    }
}
