//! Candidate neighbours: an inverted index from each article's highest-weighted terms to the
//! articles, so an article is compared only with the articles that share one of those terms
//! (and lie within the time window when both are dated: each term's articles are kept in date
//! order, so only those in the window are visited). The relation is symmetric (both must hold
//! the term among their top terms), so a new article finds exactly the earlier articles that
//! would have found it.
//!
//! A term that more than `max_articles` articles hold among their top terms is crowded: too
//! common to point to one story ("mln" and "pct" in wire copy, a sign-off line), it finds no
//! candidates any more (it still counts in the cosine). A term only ever becomes crowded, and
//! the articles holding it when it does are handed back so their lists can be made again:
//! the candidates of every article are those of the final index, whatever the batches.

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

/// An article in a posting: its date (`i64::MAX` when unknown) and position.
type Entry = (i64, u32);

/// Top terms → articles holding them among their top terms, by date (undated last).
#[derive(Debug, Clone, Default)]
pub struct CandidateIndex {
    max_articles: usize,
    postings: FxHashMap<u64, Vec<Entry>>,
    crowded: FxHashSet<u64>,
}

thread_local! {
    /// Per thread: the last query that saw each article, to visit each candidate once.
    static SEEN: RefCell<(Vec<u32>, u32)> = const { RefCell::new((Vec::new(), 0)) };
}

impl CandidateIndex {
    pub fn new(max_articles: usize) -> Self {
        CandidateIndex {
            max_articles,
            ..CandidateIndex::default()
        }
    }

    /// Adds `doc` (dated `date`, `i64::MAX` when unknown) under its `top_terms`; the articles
    /// that held a term which is crowded now go into `lost` (`doc` included).
    pub fn insert(&mut self, doc: u32, date: i64, top_terms: &[u64], lost: &mut Vec<u32>) {
        for &term in top_terms {
            if self.crowded.contains(&term) {
                continue;
            }
            let entries = self.postings.entry(term).or_default();
            let at = entries.partition_point(|&e| e < (date, doc));
            entries.insert(at, (date, doc));
            if entries.len() > self.max_articles {
                let gone = self.postings.remove(&term).unwrap_or_default();
                lost.extend(gone.into_iter().map(|(_, d)| d));
                self.crowded.insert(term);
            }
        }
    }

    /// Calls `found` once for every article sharing an uncrowded top term with `top_terms`
    /// that lies within `window` seconds of `date` or is undated (any date when `date` or
    /// `window` is unknown). `articles` is the size of the index.
    pub fn for_each(
        &self,
        top_terms: &[u64],
        date: i64,
        window: Option<i64>,
        articles: usize,
        mut found: impl FnMut(u32),
    ) {
        SEEN.with(|seen| {
            let mut seen = seen.borrow_mut();
            let (last, query) = &mut *seen;
            if last.len() < articles {
                last.resize(articles, 0);
            }
            *query = query.wrapping_add(1);
            if *query == 0 {
                last.iter_mut().for_each(|q| *q = 0);
                *query = 1;
            }
            let query = *query;
            for term in top_terms {
                let Some(entries) = self.postings.get(term) else {
                    continue;
                };
                let undated = entries.partition_point(|e| e.0 < i64::MAX);
                let (from, to) = match window {
                    Some(w) if date != i64::MAX => (
                        entries[..undated].partition_point(|e| e.0 < date.saturating_sub(w)),
                        entries[..undated].partition_point(|e| e.0 <= date.saturating_add(w)),
                    ),
                    _ => (0, undated),
                };
                let visible = entries[from..to].iter().chain(&entries[undated..]);
                for &(_, doc) in visible {
                    if last[doc as usize] != query {
                        last[doc as usize] = query;
                        found(doc);
                    }
                }
            }
        });
    }

    /// Bytes held (capacities, and about 40 bytes of table per term).
    pub fn memory_bytes(&self) -> usize {
        (self.postings.capacity() + self.crowded.capacity()) * 40
            + self
                .postings
                .values()
                .map(|d| d.capacity() * std::mem::size_of::<Entry>())
                .sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNDATED: i64 = i64::MAX;

    fn found(index: &CandidateIndex, terms: &[u64], date: i64, window: Option<i64>) -> Vec<u32> {
        let mut out = Vec::new();
        index.for_each(terms, date, window, 10, |d| out.push(d));
        out.sort_unstable();
        out
    }

    #[test]
    fn articles_sharing_a_top_term() {
        let mut index = CandidateIndex::new(10);
        let mut lost = Vec::new();
        index.insert(0, UNDATED, &[1, 2], &mut lost);
        index.insert(1, UNDATED, &[2, 3], &mut lost);
        index.insert(2, UNDATED, &[4], &mut lost);
        assert!(lost.is_empty());
        assert_eq!(found(&index, &[2, 4], UNDATED, None), [0, 1, 2]);
        assert!(found(&index, &[9], UNDATED, None).is_empty());
    }

    #[test]
    fn only_articles_within_the_window_or_undated() {
        let mut index = CandidateIndex::new(10);
        let mut lost = Vec::new();
        for (doc, date) in [(0, 100), (1, 5), (2, UNDATED), (3, 110), (4, 300)] {
            index.insert(doc, date, &[7], &mut lost);
        }
        assert_eq!(found(&index, &[7], 105, Some(10)), [0, 2, 3]);
        assert_eq!(found(&index, &[7], 105, None), [0, 1, 2, 3, 4]);
        assert_eq!(found(&index, &[7], UNDATED, Some(10)), [0, 1, 2, 3, 4]);
        assert_eq!(found(&index, &[7], i64::MIN + 5, Some(10)), [2]);
    }

    #[test]
    fn crowded_terms_find_no_more_candidates() {
        let mut index = CandidateIndex::new(2);
        let mut lost = Vec::new();
        index.insert(0, UNDATED, &[1, 7], &mut lost);
        index.insert(1, UNDATED, &[7], &mut lost);
        assert!(lost.is_empty());
        index.insert(2, UNDATED, &[7, 8], &mut lost);
        lost.sort_unstable();
        assert_eq!(lost, [0, 1, 2]);
        index.insert(3, UNDATED, &[7], &mut lost);
        assert_eq!(lost.len(), 3, "a crowded term stays crowded");
        assert!(found(&index, &[7], UNDATED, None).is_empty());
        assert_eq!(found(&index, &[1, 8], UNDATED, None), [0, 2]);
    }
}
