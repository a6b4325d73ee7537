//! Each article's nearest articles (by cosine, best first), and for each article the articles
//! that list it, from which the shared-neighbour counts of a pair follow.
//!
//! An article counts among its own neighbours: two articles that list each other then share
//! two, so a story of two or three articles can form even when their other neighbours differ.

use std::cmp::Ordering;

use super::article::ArticleKey;

/// A listed neighbour and its cosine similarity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Neighbour {
    pub doc: u32,
    pub cosine: f32,
}

/// Best first: the higher cosine, then the smaller key (never the input order).
pub fn best_first(a: &Neighbour, b: &Neighbour, key: impl Fn(u32) -> ArticleKey) -> Ordering {
    b.cosine
        .total_cmp(&a.cosine)
        .then_with(|| key(a.doc).cmp(&key(b.doc)))
}

/// The `k` best of a list and some offers (none of them already listed), best first, with
/// at most one article of each family (copies of one text, or one duplicate cluster): a story
/// reprinted five times is one neighbour, not five.
pub fn best_of(
    list: &[Neighbour],
    offers: &[Neighbour],
    k: usize,
    key: impl Fn(u32) -> ArticleKey + Copy,
    family: impl Fn(u32) -> u64,
) -> Vec<Neighbour> {
    let mut all: Vec<Neighbour> = list.iter().chain(offers).copied().collect();
    all.sort_unstable_by(|a, b| best_first(a, b, key));
    let mut families = Vec::with_capacity(k);
    all.retain(|n| {
        let f = family(n.doc);
        if families.len() == k || families.contains(&f) {
            return false;
        }
        families.push(f);
        true
    });
    all
}

/// The lists of every article in an index, and who lists whom.
#[derive(Debug, Clone, Default)]
pub struct NeighbourLists {
    lists: Vec<Vec<Neighbour>>,
    listed_by: Vec<Vec<u32>>,
}

impl NeighbourLists {
    /// Room for `count` more articles, with empty lists.
    pub fn grow(&mut self, count: usize) {
        let len = self.lists.len() + count;
        self.lists.resize_with(len, Vec::new);
        self.listed_by.resize_with(len, Vec::new);
    }

    pub fn len(&self) -> usize {
        self.lists.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
    }

    pub fn list(&self, doc: u32) -> &[Neighbour] {
        &self.lists[doc as usize]
    }

    /// Sets the list of `doc`; returns whether it changed.
    pub fn replace(&mut self, doc: u32, list: Vec<Neighbour>) -> bool {
        let old = std::mem::take(&mut self.lists[doc as usize]);
        if old == list {
            self.lists[doc as usize] = old;
            return false;
        }
        for n in old.iter().filter(|n| !list.iter().any(|m| m.doc == n.doc)) {
            let by = &mut self.listed_by[n.doc as usize];
            if let Some(at) = by.iter().position(|&d| d == doc) {
                by.swap_remove(at);
            }
        }
        for n in list.iter().filter(|n| !old.iter().any(|m| m.doc == n.doc)) {
            self.listed_by[n.doc as usize].push(doc);
        }
        self.lists[doc as usize] = list;
        true
    }

    /// For every other article sharing a neighbour with `doc` (each counted among its own),
    /// how many they share: `(other, count)`, sorted by `other`.
    pub fn shared_counts(&self, doc: u32) -> Vec<(u32, u32)> {
        let mut others = Vec::new();
        let around = std::iter::once(doc).chain(self.list(doc).iter().map(|n| n.doc));
        for c in around {
            if c != doc {
                others.push(c);
            }
            others.extend(
                self.listed_by[c as usize]
                    .iter()
                    .copied()
                    .filter(|&b| b != doc),
            );
        }
        others.sort_unstable();
        others
            .chunk_by(|a, b| a == b)
            .map(|run| (run[0], run.len() as u32))
            .collect()
    }

    /// Bytes held (capacities).
    pub fn memory_bytes(&self) -> usize {
        let outer = (self.lists.capacity() + self.listed_by.capacity()) * 24;
        let inner: usize = self
            .lists
            .iter()
            .map(|l| l.capacity() * std::mem::size_of::<Neighbour>())
            .chain(self.listed_by.iter().map(|l| l.capacity() * 4))
            .sum();
        outer + inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(doc: u32) -> ArticleKey {
        ArticleKey {
            date: 0,
            exact: 100 - u64::from(doc),
            position: doc,
        }
    }

    fn n(doc: u32, cosine: f32) -> Neighbour {
        Neighbour { doc, cosine }
    }

    #[test]
    fn best_of_keeps_k_by_cosine_then_key() {
        let list = [n(1, 0.9), n(2, 0.5)];
        let alone = |d: u32| u64::from(d);
        let kept = best_of(&list, &[n(3, 0.5), n(4, 0.7)], 3, key, alone);
        // 3 and 2 tie on cosine; 3 has the smaller key (its exact hash is smaller).
        assert_eq!(kept, [n(1, 0.9), n(4, 0.7), n(3, 0.5)]);
        // 1 and 4 are one family: only the better stays, and 2 gets its place.
        let pairs = |d: u32| u64::from(d % 3);
        let kept = best_of(&list, &[n(3, 0.5), n(4, 0.7)], 3, key, pairs);
        assert_eq!(kept, [n(1, 0.9), n(3, 0.5), n(2, 0.5)]);
    }

    #[test]
    fn shared_counts_count_each_article_among_its_own() {
        let mut lists = NeighbourLists::default();
        lists.grow(4);
        // 0 and 1 list each other; 2 lists 1; 3 lists 0.
        assert!(lists.replace(0, vec![n(1, 0.8)]));
        assert!(lists.replace(1, vec![n(0, 0.8)]));
        assert!(lists.replace(2, vec![n(1, 0.6)]));
        assert!(lists.replace(3, vec![n(0, 0.5)]));
        assert!(!lists.replace(3, vec![n(0, 0.5)]));
        // N⁺(0) = {0, 1}; N⁺(1) = {1, 0}; N⁺(2) = {2, 1}; N⁺(3) = {3, 0}.
        assert_eq!(lists.shared_counts(0), [(1, 2), (2, 1), (3, 1)]);
        assert_eq!(lists.shared_counts(2), [(0, 1), (1, 1)]);
        lists.replace(3, vec![n(2, 0.7)]);
        assert_eq!(lists.shared_counts(0), [(1, 2), (2, 1)]);
        assert_eq!(lists.shared_counts(3), [(2, 1)]);
    }
}
