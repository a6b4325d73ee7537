//! Templates learned from a corpus: short paragraphs that recur across many documents of one
//! source are page chrome ("Most Visited in Politics", "Read 12 times" with digits folded),
//! whatever their wording. Documents that are copies of each other (same longest paragraph)
//! count once, so a reprinted article does not turn its own lines into a template. This file
//! says which paragraphs can be templates, the key they are learned and matched under, and how
//! they are learned; the stages look the keys up in each document.

use std::collections::{HashMap, HashSet};

use super::keys::paragraph_key;
use super::options::{CleanOptions, TemplateOptions};
use super::paragraphs::Para;
use super::shape::features::Features;
use super::shape::words::names_a_month;

/// The key a short paragraph is learned and matched under as a template. Digits are folded
/// ("Read 428 times" ~ "Read 12 times") only for chrome-like lines: an interface word, or a
/// lone counter among a few words. Data rows ("Net 807,000 vs 2,858,000", "Pay March 31")
/// keep their figures, so they only match when the same wording recurs.
pub fn template_key(text: &str, f: &Features) -> u64 {
    paragraph_key(text, folds_digits(text, f))
}

/// Whether the template key of this paragraph folds its digits.
pub fn folds_digits(text: &str, f: &Features) -> bool {
    let counter = f.digit_words == 1 && f.words <= 4 && !names_a_month(text);
    f.ui_words >= 1 || counter
}

/// Whether a paragraph can be (or match) a template: short, and not content: neither a plain
/// sentence of prose ("Terms were not disclosed.") nor the start of a sentence that runs on
/// into the next paragraph in lower case.
pub fn templatable(p: &Para, next: Option<&Para>, options: &CleanOptions) -> bool {
    let f = &p.feat;
    let prose = f.sentence_like() && f.ui_words == 0 && f.stopword_density() >= 0.25;
    f.words <= options.templates.max_words && !prose && !p.runs_on(next)
}

/// What one document contributes: its source group, fingerprint and short-paragraph keys.
#[derive(Debug, Clone, Default)]
pub struct DocLines {
    pub source: usize,
    pub fingerprint: u64,
    pub keys: Vec<u64>,
}

/// Template keys per source group.
pub fn learn(docs: &[DocLines], sources: usize, options: &TemplateOptions) -> Vec<HashSet<u64>> {
    let mut seen_docs: HashSet<(usize, u64)> = HashSet::new();
    let mut docs_per_source = vec![0usize; sources];
    let mut counts: HashMap<(usize, u64), usize> = HashMap::new();
    for doc in docs {
        if doc.keys.is_empty() || !seen_docs.insert((doc.source, doc.fingerprint)) {
            continue;
        }
        docs_per_source[doc.source] += 1;
        let unique: HashSet<u64> = doc.keys.iter().copied().filter(|&k| k != 0).collect();
        for key in unique {
            *counts.entry((doc.source, key)).or_insert(0) += 1;
        }
    }
    let mut out = vec![HashSet::new(); sources];
    for ((source, key), count) in counts {
        let need = options
            .min_docs
            .max((options.min_fraction * docs_per_source[source] as f64).ceil() as usize);
        if count >= need.max(2) {
            out[source].insert(key);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recurring_lines_of_one_source() {
        let doc = |source, fingerprint, keys: &[u64]| DocLines {
            source,
            fingerprint,
            keys: keys.to_vec(),
        };
        let docs = [
            doc(0, 1, &[5, 6]),
            doc(0, 2, &[5, 7]),
            doc(0, 3, &[5]),
            doc(1, 4, &[6]),
            doc(0, 1, &[6]),
            doc(0, 1, &[6]),
        ];
        let learned = learn(&docs, 2, &TemplateOptions::default());
        assert!(learned[0].contains(&5));
        // 6 recurs only in copies of document 1.
        assert!(!learned[0].contains(&6));
        assert!(learned[1].is_empty());
    }
}
