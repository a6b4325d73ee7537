//! Candidate neighbours: an inverted index from each article's highest-weighted terms (its top
//! terms) to the articles, so an article is compared only with the articles that share some of
//! those terms: enough that the products of the shared top terms' weights reach
//! [`MIN_SHARED_WEIGHT`] (a pair sharing only a faint term is no candidate), and within the
//! time window when both are dated (each term's articles are kept in date order, so only those
//! in the window are visited). The relation is symmetric and depends on the two articles only,
//! so a new article finds exactly the earlier articles that would have found it.
//!
//! A term that more than `max_articles` articles hold among their top terms is crowded: too
//! common to point to one story ("mln" and "pct" in wire copy, a sign-off line), it finds no
//! candidates any more (it still counts in the cosine). A term only ever becomes crowded, and
//! the articles holding it when it does are handed back so their lists can be made again:
//! the candidates of every article are those of the final index, whatever the batches.

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

/// The least sum of products of shared top-term weights that makes two articles candidates.
/// Pairs below it share too little to reach the similarity floor in practice: on ECB+ it
/// leaves every neighbour list as comparing all pairs sharing a top term does, with a third
/// fewer comparisons.
pub const MIN_SHARED_WEIGHT: f32 = 0.02;

/// An article in a posting: its date (`i64::MAX` when unknown), position and weight of the
/// term.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    date: i64,
    doc: u32,
    weight: f32,
}

/// The articles holding one top term: the dated ones, by date once settled, and the undated
/// ones apart (so a look-up needs no search for where the undated begin).
#[derive(Debug, Clone, Default)]
struct Posting {
    dated: Vec<Entry>,
    undated: Vec<Entry>,
}

impl Posting {
    fn len(&self) -> usize {
        self.dated.len() + self.undated.len()
    }
}

/// Top terms → articles holding them among their top terms, by date (undated last) once
/// settled.
#[derive(Debug, Clone, Default)]
pub struct CandidateIndex {
    max_articles: usize,
    postings: FxHashMap<u64, Posting>,
    crowded: FxHashSet<u64>,
    /// Terms given articles since the last [`CandidateIndex::settle`].
    unsettled: Vec<u64>,
}

/// Per thread: for each article, the query that last touched it and the shared weight it has
/// with that query, side by side (one cache line read per posting entry).
#[derive(Default)]
struct Scratch {
    query: u32,
    shared: Vec<(u32, f32)>,
    touched: Vec<u32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl CandidateIndex {
    pub fn new(max_articles: usize) -> Self {
        CandidateIndex {
            max_articles,
            ..CandidateIndex::default()
        }
    }

    /// Adds `doc` (dated `date`, `i64::MAX` when unknown) under its top terms (`(term,
    /// weight)`); the articles that held a term which is crowded now go into `lost` (`doc`
    /// included). Call [`CandidateIndex::settle`] before looking up candidates.
    pub fn insert(&mut self, doc: u32, date: i64, top: &[(u64, f32)], lost: &mut Vec<u32>) {
        for &(term, weight) in top {
            if self.crowded.contains(&term) {
                continue;
            }
            let posting = self.postings.entry(term).or_default();
            let entry = Entry { date, doc, weight };
            if date == i64::MAX {
                posting.undated.push(entry);
            } else {
                posting.dated.push(entry);
            }
            self.unsettled.push(term);
            if posting.len() > self.max_articles {
                let gone = self.postings.remove(&term).unwrap_or_default();
                lost.extend(gone.dated.iter().chain(&gone.undated).map(|e| e.doc));
                self.crowded.insert(term);
            }
        }
    }

    /// Puts the postings given articles since the last call in date order.
    pub fn settle(&mut self) {
        let mut terms = std::mem::take(&mut self.unsettled);
        terms.sort_unstable();
        terms.dedup();
        for term in terms {
            if let Some(posting) = self.postings.get_mut(&term) {
                posting.dated.sort_unstable_by_key(|e| (e.date, e.doc));
                posting.undated.sort_unstable_by_key(|e| e.doc);
            }
        }
    }

    /// Calls `found` once for every candidate of an article with top terms `top` (`(term,
    /// weight)`, sorted by term), dated `date`, that passes `wanted`: the articles sharing
    /// uncrowded top terms with it whose weights' products sum to at least
    /// [`MIN_SHARED_WEIGHT`], within `window` seconds of `date` or undated (any date when
    /// `date` or `window` is unknown). `articles` is the size of the index. `wanted` is asked
    /// before any weight is summed, so the articles it refuses cost one call each.
    pub fn for_each(
        &self,
        top: &[(u64, f32)],
        date: i64,
        window: Option<i64>,
        articles: usize,
        wanted: impl Fn(u32) -> bool,
        mut found: impl FnMut(u32),
    ) {
        SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            let s = &mut *scratch;
            if s.shared.len() < articles {
                s.shared.resize(articles, (0, 0.0));
            }
            s.query = s.query.wrapping_add(1);
            if s.query == 0 {
                s.shared.iter_mut().for_each(|(q, _)| *q = 0);
                s.query = 1;
            }
            s.touched.clear();
            for &(term, mine) in top {
                let Some(posting) = self.postings.get(&term) else {
                    continue;
                };
                for e in visible(posting, date, window).filter(|e| wanted(e.doc)) {
                    let (last, shared) = &mut s.shared[e.doc as usize];
                    if *last != s.query {
                        *last = s.query;
                        *shared = 0.0;
                        s.touched.push(e.doc);
                    }
                    *shared += mine * e.weight;
                }
            }
            for &doc in &s.touched {
                if s.shared[doc as usize].1 >= MIN_SHARED_WEIGHT {
                    found(doc);
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
                .map(|p| (p.dated.capacity() + p.undated.capacity()) * std::mem::size_of::<Entry>())
                .sum::<usize>()
    }
}

/// The entries of a posting (in date order) within `window` of `date`, then the undated ones.
/// One search finds the first entry in the window; the walk stops after the last.
fn visible(posting: &Posting, date: i64, window: Option<i64>) -> impl Iterator<Item = &Entry> {
    let dated = &posting.dated;
    let (from, last) = match window {
        Some(w) if date != i64::MAX => (
            dated.partition_point(|e| e.date < date.saturating_sub(w)),
            date.saturating_add(w),
        ),
        _ => (0, i64::MAX),
    };
    dated[from..]
        .iter()
        .take_while(move |e| e.date <= last)
        .chain(&posting.undated)
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNDATED: i64 = i64::MAX;

    fn top(terms: &[u64]) -> Vec<(u64, f32)> {
        terms.iter().map(|&t| (t, 0.5)).collect()
    }

    fn found(index: &CandidateIndex, terms: &[u64], date: i64, window: Option<i64>) -> Vec<u32> {
        let mut out = Vec::new();
        index.for_each(&top(terms), date, window, 10, |_| true, |d| out.push(d));
        out.sort_unstable();
        out
    }

    #[test]
    fn articles_sharing_a_top_term() {
        let mut index = CandidateIndex::new(10);
        let mut lost = Vec::new();
        index.insert(0, UNDATED, &top(&[1, 2]), &mut lost);
        index.insert(1, UNDATED, &top(&[2, 3]), &mut lost);
        index.insert(2, UNDATED, &top(&[4]), &mut lost);
        index.settle();
        assert!(lost.is_empty());
        assert_eq!(found(&index, &[2, 4], UNDATED, None), [0, 1, 2]);
        assert!(found(&index, &[9], UNDATED, None).is_empty());
    }

    #[test]
    fn faint_shared_terms_make_no_candidates() {
        let mut index = CandidateIndex::new(10);
        let mut lost = Vec::new();
        index.insert(0, UNDATED, &[(1, 0.1), (2, 0.1)], &mut lost);
        index.insert(1, UNDATED, &[(1, 0.5)], &mut lost);
        index.settle();
        let mut out = Vec::new();
        // 0.1 · 0.1 = 0.01 is too little; 0.1 · 0.5 = 0.05 is enough.
        index.for_each(&[(2, 0.1)], UNDATED, None, 10, |_| true, |d| out.push(d));
        assert!(out.is_empty());
        index.for_each(
            &[(1, 0.1), (2, 0.1)],
            UNDATED,
            None,
            10,
            |_| true,
            |d| out.push(d),
        );
        out.sort_unstable();
        assert_eq!(out, [0, 1]);
        out.clear();
        index.for_each(
            &[(1, 0.1), (2, 0.1)],
            UNDATED,
            None,
            10,
            |d| d != 0,
            |d| out.push(d),
        );
        assert_eq!(out, [1]);
    }

    #[test]
    fn only_articles_within_the_window_or_undated() {
        let mut index = CandidateIndex::new(10);
        let mut lost = Vec::new();
        for (doc, date) in [(0, 100), (1, 5), (2, UNDATED), (3, 110), (4, 300)] {
            index.insert(doc, date, &top(&[7]), &mut lost);
        }
        index.settle();
        assert_eq!(found(&index, &[7], 105, Some(10)), [0, 2, 3]);
        assert_eq!(found(&index, &[7], 105, None), [0, 1, 2, 3, 4]);
        assert_eq!(found(&index, &[7], UNDATED, Some(10)), [0, 1, 2, 3, 4]);
        assert_eq!(found(&index, &[7], i64::MIN + 5, Some(10)), [2]);
    }

    #[test]
    fn crowded_terms_find_no_more_candidates() {
        let mut index = CandidateIndex::new(2);
        let mut lost = Vec::new();
        index.insert(0, UNDATED, &top(&[1, 7]), &mut lost);
        index.insert(1, UNDATED, &top(&[7]), &mut lost);
        assert!(lost.is_empty());
        index.insert(2, UNDATED, &top(&[7, 8]), &mut lost);
        lost.sort_unstable();
        assert_eq!(lost, [0, 1, 2]);
        index.insert(3, UNDATED, &top(&[7]), &mut lost);
        assert_eq!(lost.len(), 3, "a crowded term stays crowded");
        index.settle();
        assert!(found(&index, &[7], UNDATED, None).is_empty());
        assert_eq!(found(&index, &[1, 8], UNDATED, None), [0, 2]);
    }
}
