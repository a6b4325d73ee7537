//! Average linkage on shared-neighbour similarities, in exact integer arithmetic.
//!
//! The similarity of two articles is the share of their neighbourhoods they have in common
//! (each article with its `k` nearest: `shared / (k + 1)`), plus 0.01 times their cosine so
//! that ties (the share takes few values) go to the closer pair. It is held in integer units
//! ([`similarity_units`]) so that the sums of average linkage are exact: the same stories come
//! out whatever order the merges and the articles came in. Two groups merge while the average
//! similarity between their articles (pairs sharing no neighbour count 0) is at least the
//! threshold; of equal averages the pair with the earliest articles merges first.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;

use super::article::ArticleKey;

/// Units of one shared neighbour.
const UNIT: f64 = 1_000_000.0;
/// The weight of the cosine against the share of shared neighbours.
pub const COSINE_TIE_BREAK: f64 = 0.01;

/// A pair's similarity in units: `(shared / (k + 1) + 0.01 · cosine) · (k + 1) · UNIT`.
pub fn similarity_units(shared: u32, cosine: f32, neighbours: usize) -> u64 {
    let tie = COSINE_TIE_BREAK * (neighbours as f64 + 1.0) * UNIT * f64::from(cosine.max(0.0));
    u64::from(shared) * UNIT as u64 + tie.round() as u64
}

/// The threshold in the units of [`similarity_units`].
pub fn threshold_units(threshold: f64, neighbours: usize) -> u64 {
    (threshold * (neighbours as f64 + 1.0) * UNIT).round() as u64
}

/// A possible merge of two groups.
#[derive(Debug, PartialEq, Eq)]
struct Merge {
    sum: u64,
    pairs: u64,
    /// The earliest article of each group, the earlier first.
    keys: (ArticleKey, ArticleKey),
    groups: (usize, usize),
    stamps: (u32, u32),
}

impl Ord for Merge {
    /// The higher average first, then the earlier articles.
    fn cmp(&self, other: &Self) -> Ordering {
        let mine = u128::from(self.sum) * u128::from(other.pairs);
        let theirs = u128::from(other.sum) * u128::from(self.pairs);
        mine.cmp(&theirs).then_with(|| other.keys.cmp(&self.keys))
    }
}

impl PartialOrd for Merge {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

struct Groups {
    members: Vec<Vec<u32>>,
    earliest: Vec<ArticleKey>,
    stamp: Vec<u32>,
    alive: Vec<bool>,
    /// Sum of the similarities between two groups' articles, both ways.
    links: Vec<FxHashMap<usize, u64>>,
}

impl Groups {
    fn merge_of(&self, a: usize, b: usize, sum: u64) -> Merge {
        let (ka, kb) = (self.earliest[a], self.earliest[b]);
        let pairs = self.members[a].len() as u64 * self.members[b].len() as u64;
        Merge {
            sum,
            pairs,
            keys: (ka.min(kb), ka.max(kb)),
            groups: (a, b),
            stamps: (self.stamp[a], self.stamp[b]),
        }
    }

    fn reaches(merge: &Merge, threshold: u64) -> bool {
        u128::from(merge.sum) >= u128::from(threshold) * u128::from(merge.pairs)
    }

    fn is_current(&self, merge: &Merge) -> bool {
        let (a, b) = merge.groups;
        self.alive[a] && self.alive[b] && (self.stamp[a], self.stamp[b]) == merge.stamps
    }

    /// Merges `b` into `a`; returns the merges of the new group with its linked groups.
    fn merge(&mut self, a: usize, b: usize) -> Vec<(usize, u64)> {
        let moved = std::mem::take(&mut self.members[b]);
        self.members[a].extend(moved);
        self.earliest[a] = self.earliest[a].min(self.earliest[b]);
        self.alive[b] = false;
        self.stamp[a] += 1;
        let from_b = std::mem::take(&mut self.links[b]);
        self.links[a].remove(&b);
        for (c, sum) in from_b {
            if c != a {
                *self.links[a].entry(c).or_insert(0) += sum;
            }
        }
        let mut linked: Vec<(usize, u64)> = self.links[a].iter().map(|(&c, &s)| (c, s)).collect();
        linked.sort_unstable();
        for &(c, sum) in &linked {
            let to_c = &mut self.links[c];
            to_c.remove(&b);
            to_c.insert(a, sum);
        }
        linked
    }
}

/// Average linkage of the articles of `groups` (articles that must share a story, e.g.
/// duplicates; every article of the part in one group) given the similarities of the pairs
/// sharing a neighbour (`(a, b, units)`, each pair once). Returns the stories, each sorted.
pub fn average_linkage(
    groups: Vec<Vec<u32>>,
    pairs: &[(u32, u32, u64)],
    threshold: u64,
    key: impl Fn(u32) -> ArticleKey,
) -> Vec<Vec<u32>> {
    let group_of: FxHashMap<u32, usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, docs)| docs.iter().map(move |&d| (d, g)))
        .collect();
    let count = groups.len();
    let mut state = Groups {
        earliest: groups
            .iter()
            .map(|docs| docs.iter().map(|&d| key(d)).min().unwrap_or(key(0)))
            .collect(),
        members: groups,
        stamp: vec![0; count],
        alive: vec![true; count],
        links: vec![FxHashMap::default(); count],
    };
    for &(a, b, units) in pairs {
        let (Some(&ga), Some(&gb)) = (group_of.get(&a), group_of.get(&b)) else {
            continue;
        };
        if ga != gb {
            *state.links[ga].entry(gb).or_insert(0) += units;
            *state.links[gb].entry(ga).or_insert(0) += units;
        }
    }
    let mut heap = BinaryHeap::new();
    for a in 0..count {
        for (&b, &sum) in &state.links[a] {
            let merge = state.merge_of(a, b, sum);
            if a < b && Groups::reaches(&merge, threshold) {
                heap.push(merge);
            }
        }
    }
    while let Some(merge) = heap.pop() {
        if !state.is_current(&merge) {
            continue;
        }
        let (a, b) = merge.groups;
        for (c, sum) in state.merge(a, b) {
            let next = state.merge_of(a, c, sum);
            if Groups::reaches(&next, threshold) {
                heap.push(next);
            }
        }
    }
    let mut stories: Vec<Vec<u32>> = state
        .members
        .into_iter()
        .zip(state.alive)
        .filter(|(_, alive)| *alive)
        .map(|(mut docs, _)| {
            docs.sort_unstable();
            docs
        })
        .collect();
    stories.sort_unstable();
    stories
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(doc: u32) -> ArticleKey {
        ArticleKey {
            date: 0,
            exact: 0,
            position: doc,
        }
    }

    fn singletons(n: u32) -> Vec<Vec<u32>> {
        (0..n).map(|d| vec![d]).collect()
    }

    #[test]
    fn units() {
        assert_eq!(similarity_units(2, 0.5, 6), 2_000_000 + 35_000);
        assert_eq!(threshold_units(0.25, 6), 1_750_000);
        assert_eq!(similarity_units(0, -0.1, 6), 0);
    }

    #[test]
    fn merges_while_the_average_reaches_the_threshold() {
        // 0-1 and 1-2 alike, 0-2 share nothing: {0,1} forms first (the earlier pair of two
        // equal ones), then 2 joins only if the average (10 + 0) / 2 reaches the threshold.
        let pairs = [(0, 1, 10), (1, 2, 10), (3, 4, 3)];
        assert_eq!(
            average_linkage(singletons(5), &pairs, 5, key),
            [vec![0, 1, 2], vec![3], vec![4]]
        );
        assert_eq!(
            average_linkage(singletons(5), &pairs, 6, key),
            [vec![0, 1], vec![2], vec![3], vec![4]]
        );
        assert_eq!(
            average_linkage(singletons(5), &pairs, 3, key),
            [vec![0, 1, 2], vec![3, 4]]
        );
    }

    #[test]
    fn groups_stay_together() {
        // 0 and 2 must share a story although they share no neighbour.
        let pairs = [(0, 1, 10), (2, 3, 10)];
        let stories = average_linkage(vec![vec![0, 2], vec![1], vec![3]], &pairs, 100, key);
        assert_eq!(stories, [vec![0, 2], vec![1], vec![3]]);
        // {0, 2} + {1} averages 10 / 2 = 5 as {0, 2} + {3} does: the earlier merges; 3 then
        // averages 10 / 3 with {0, 1, 2}.
        let stories = average_linkage(vec![vec![0, 2], vec![1], vec![3]], &pairs, 5, key);
        assert_eq!(stories, [vec![0, 1, 2], vec![3]]);
    }

    #[test]
    fn order_of_groups_and_pairs_does_not_matter() {
        let pairs = [(0, 1, 9), (1, 2, 9), (2, 3, 9), (0, 3, 2), (4, 0, 7)];
        let expected = average_linkage(singletons(5), &pairs, 6, key);
        let mut reversed_pairs = pairs;
        reversed_pairs.reverse();
        let reversed_groups: Vec<Vec<u32>> = singletons(5).into_iter().rev().collect();
        assert_eq!(
            average_linkage(reversed_groups, &reversed_pairs, 6, key),
            expected
        );
    }
}
