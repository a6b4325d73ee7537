//! Templates learned from a corpus: short paragraphs that recur across many documents of one
//! source are page chrome ("Most Visited in Politics", "Read 12 times" with digits folded),
//! whatever their wording. Documents that are copies of each other (same longest paragraph)
//! count once, so a reprinted article does not turn its own lines into a template; the copy
//! that counts is chosen by its lines, not by its place in the corpus, so the templates do not
//! depend on the order of the documents. This file
//! says which paragraphs can be templates, the key they are learned and matched under, and how
//! they are learned; the stages look the keys up in each document.

use std::collections::{HashMap, HashSet};

use super::keys::paragraph_key;
use super::options::{CleanOptions, TemplateOptions};
use super::paragraphs::Para;
use super::shape::classify::introduces;
use super::shape::features::Features;
use super::shape::words::names_a_month;

mod bytes;

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
/// sentence of prose ("Terms were not disclosed.", "The following proposed securities
/// offerings were filed recently with the Securities and Exchange Commission:") nor the start
/// of a sentence that runs on into the next paragraph in lower case.
pub fn templatable(p: &Para, next: Option<&Para>, options: &CleanOptions) -> bool {
    let f = &p.feat;
    let sentence = f.sentence_like() || introduces(f);
    let prose = sentence && f.ui_words == 0 && f.stopword_density() >= 0.25;
    f.words <= options.templates.max_words && !prose && !p.runs_on(next)
}

/// What one document contributes: its source group, fingerprint and short-paragraph keys.
#[derive(Debug, Clone, Default)]
pub struct DocLines {
    pub source: usize,
    pub fingerprint: u64,
    pub keys: Vec<u64>,
}

/// Template-line counts of a corpus, added document by document: one pass over the whole
/// corpus, in one piece or chunk by chunk, in any order, then [`TemplateCounts::learn`]. Memory
/// grows with the distinct short lines of each source, plus the short-line keys of each
/// distinct document (so that copies count once), not with the text.
#[derive(Debug, Clone, Default)]
pub struct TemplateCounts {
    groups: SourceGroups,
    /// The keys counted for each distinct document (group, fingerprint): those of its copy
    /// that comes first by [`counts_before`].
    counted: HashMap<(usize, u64), Vec<u64>>,
    docs_per_group: Vec<usize>,
    counts: HashMap<(usize, u64), usize>,
}

/// Whether copy `a` of a document counts rather than copy `b` (each its sorted distinct keys):
/// the one with more short lines (chrome a copy carries is chrome), then the smaller keys.
fn counts_before(a: &[u64], b: &[u64]) -> bool {
    (std::cmp::Reverse(a.len()), a) < (std::cmp::Reverse(b.len()), b)
}

impl TemplateCounts {
    /// The group of documents of `source` (`None`: documents without a source), numbered in
    /// order of first appearance. [`DocLines::source`] holds it.
    pub fn group(&mut self, source: Option<&str>) -> usize {
        self.groups.id(source)
    }

    /// Counts one document. Documents of one group and fingerprint are copies: one of them
    /// counts, whichever order they come in ([`counts_before`]).
    pub fn add(&mut self, doc: &DocLines) {
        if doc.keys.is_empty() {
            return;
        }
        let mut keys: Vec<u64> = doc.keys.iter().copied().filter(|&k| k != 0).collect();
        keys.sort_unstable();
        keys.dedup();
        self.count(doc.source, doc.fingerprint, keys);
    }

    /// Adds the counts of another part of the corpus: the counts of both parts as one, as if
    /// each document had been added here (copies across the parts count once).
    pub fn merge(&mut self, other: TemplateCounts) {
        let groups: Vec<usize> = other.groups.names().map(|name| self.group(name)).collect();
        for ((group, fingerprint), keys) in other.counted {
            self.count(groups[group], fingerprint, keys);
        }
    }

    /// Counts a document of `source` with its distinct non-zero `keys`, sorted.
    fn count(&mut self, source: usize, fingerprint: u64, keys: Vec<u64>) {
        let replaced = match self.counted.get_mut(&(source, fingerprint)) {
            None => {
                if self.docs_per_group.len() <= source {
                    self.docs_per_group.resize(source + 1, 0);
                }
                self.docs_per_group[source] += 1;
                Vec::new()
            }
            Some(counted) if counts_before(&keys, counted) => std::mem::take(counted),
            Some(_) => return,
        };
        for key in replaced {
            if let Some(count) = self.counts.get_mut(&(source, key)) {
                *count -= 1;
                if *count == 0 {
                    self.counts.remove(&(source, key));
                }
            }
        }
        for &key in &keys {
            *self.counts.entry((source, key)).or_insert(0) += 1;
        }
        self.counted.insert((source, fingerprint), keys);
    }

    /// Documents counted so far (copies counted once).
    pub fn documents(&self) -> usize {
        self.docs_per_group.iter().sum()
    }

    /// The templates of each source, once the last document is counted: [`learn`](Self::learn)
    /// with the counts freed (they grow with the corpus: about 370 bytes a generated article).
    /// [`documents`](Self::documents) still answers; nothing more can be counted.
    pub fn finish(&mut self, options: &TemplateOptions) -> Templates {
        let templates = self.learn(options);
        self.counted = HashMap::new();
        self.counts = HashMap::new();
        templates
    }

    /// The templates of each source: lines recurring in enough distinct documents of it.
    pub fn learn(&self, options: &TemplateOptions) -> Templates {
        let mut keys = vec![HashSet::new(); self.groups.len()];
        for (&(group, key), &count) in &self.counts {
            let need = options
                .min_docs
                .max((options.min_fraction * self.docs_per_group[group] as f64).ceil() as usize);
            if count >= need.max(2) {
                keys[group].insert(key);
            }
        }
        Templates {
            groups: self.groups.clone(),
            keys,
        }
    }
}

/// Learned template keys per source.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    groups: SourceGroups,
    keys: Vec<HashSet<u64>>,
}

impl Templates {
    /// The template keys of `source`; `None` for a source never counted.
    pub fn of_source(&self, source: Option<&str>) -> Option<&HashSet<u64>> {
        self.groups.get(source).map(|group| &self.keys[group])
    }
}

/// Source names to small ids, in order of first appearance (deterministic).
#[derive(Debug, Clone, Default)]
struct SourceGroups {
    named: HashMap<String, usize>,
    unnamed: Option<usize>,
}

impl SourceGroups {
    fn len(&self) -> usize {
        self.named.len() + usize::from(self.unnamed.is_some())
    }

    /// Each group's source, by group id.
    fn names(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        let mut names = vec![None; self.len()];
        for (name, &id) in &self.named {
            names[id] = Some(name.as_str());
        }
        names.into_iter()
    }

    fn get(&self, source: Option<&str>) -> Option<usize> {
        match source {
            Some(name) => self.named.get(name).copied(),
            None => self.unnamed,
        }
    }

    fn id(&mut self, source: Option<&str>) -> usize {
        if let Some(id) = self.get(source) {
            return id;
        }
        let id = self.len();
        match source {
            Some(name) => self.named.insert(name.to_string(), id),
            None => self.unnamed.replace(id),
        };
        id
    }
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
        let mut counts = TemplateCounts::default();
        let (site, other) = (counts.group(Some("site")), counts.group(Some("other")));
        assert_eq!((site, other, counts.group(Some("site"))), (0, 1, 0));
        let docs = [
            doc(site, 1, &[5, 6]),
            doc(site, 2, &[5, 7]),
            doc(site, 3, &[5]),
            doc(other, 4, &[6]),
            doc(site, 1, &[6]),
            doc(site, 1, &[6]),
        ];
        docs.iter().for_each(|d| counts.add(d));
        assert_eq!(counts.documents(), 4);
        let learned = counts.learn(&TemplateOptions::default());
        let of_site = learned.of_source(Some("site")).unwrap();
        assert!(of_site.contains(&5));
        // 6 recurs only in copies of document 1.
        assert!(!of_site.contains(&6));
        assert!(learned.of_source(Some("other")).unwrap().is_empty());
        assert!(learned.of_source(Some("unseen")).is_none());
        assert!(learned.of_source(None).is_none());
    }

    #[test]
    fn the_copy_that_counts_does_not_depend_on_the_order() {
        let doc = |fingerprint, keys: &[u64]| DocLines {
            source: 0,
            fingerprint,
            keys: keys.to_vec(),
        };
        // Document 1 twice: with the site's menu line 5, and without it.
        let docs = [doc(1, &[5, 8]), doc(1, &[8]), doc(2, &[5]), doc(3, &[5])];
        let learned: Vec<_> = [[0, 1, 2, 3], [1, 0, 2, 3], [2, 3, 1, 0]]
            .iter()
            .map(|order| {
                let mut counts = TemplateCounts::default();
                counts.group(None);
                order.iter().for_each(|&i| counts.add(&docs[i]));
                assert_eq!(counts.documents(), 3);
                let mut keys: Vec<u64> = counts
                    .learn(&TemplateOptions::default())
                    .of_source(None)
                    .unwrap()
                    .iter()
                    .copied()
                    .collect();
                keys.sort_unstable();
                keys
            })
            .collect();
        assert_eq!(learned, vec![vec![5]; 3]);
    }

    #[test]
    fn chunks_count_as_one_corpus() {
        let lines = |source, fingerprint| DocLines {
            source,
            fingerprint,
            keys: vec![fingerprint % 3 + 10, 99],
        };
        let whole = {
            let mut counts = TemplateCounts::default();
            let group = counts.group(None);
            (0..12).for_each(|i| counts.add(&lines(group, i)));
            counts
        };
        let mut chunked = TemplateCounts::default();
        for chunk in [0..1, 1..8, 8..12] {
            let group = chunked.group(None);
            chunk.for_each(|i| chunked.add(&lines(group, i)));
        }
        let options = TemplateOptions {
            min_fraction: 0.5,
            ..TemplateOptions::default()
        };
        let (a, b) = (whole.learn(&options), chunked.learn(&options));
        let mut learned: Vec<u64> = a.of_source(None).unwrap().iter().copied().collect();
        learned.sort_unstable();
        assert_eq!(learned, [99]);
        assert_eq!(a.of_source(None), b.of_source(None));
    }
}
