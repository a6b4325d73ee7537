//! Templates learned from a corpus: short paragraphs that recur across many documents of one
//! source are page chrome ("Most Visited in Politics", "Read 12 times" with digits folded),
//! whatever their wording. Documents that are copies of each other (same longest paragraph)
//! count once, so a reprinted article does not turn its own lines into a template.

use std::collections::{HashMap, HashSet};

/// Thresholds for learning templates.
#[derive(Debug, Clone, Copy)]
pub struct TemplateOptions {
    /// A line must recur in at least this many distinct documents of a source.
    pub min_docs: usize,
    /// ... and in at least this share of them.
    pub min_fraction: f64,
    /// Only paragraphs of at most this many words can be templates.
    pub max_words: usize,
}

impl Default for TemplateOptions {
    fn default() -> Self {
        TemplateOptions {
            min_docs: 3,
            min_fraction: 0.0,
            max_words: 15,
        }
    }
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
