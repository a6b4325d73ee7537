//! Candidate pairs by prefix filtering, for callers that gather the holders of each shingle
//! themselves (a cluster's shuffle by shingle).
//!
//! Two copies share at least [`fewest_shared`] shingles. Ranked in any order fixed for every
//! document (rare first, say), the first shingle a pair of copies shares is among the first
//! `count - fewest + 1` of each one's shingles: its prefix for the pair. A holder is a probe for
//! a shingle when the shingle is in its prefix for a partner as long as itself (`fewest` never
//! drops as the partner grows); each probe meets every holder at least as long, and the pair is
//! kept when the shingle is in both prefixes for the pair.

use super::options::DedupConfig;
use super::similarity::fewest_shared;

/// One document holding one shingle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holder {
    pub shingle: u32,
    /// The document's position (under 2^31).
    pub pos: u32,
    /// Its distinct shingles.
    pub count: u32,
    /// The shingle's rank among them.
    pub rank: u32,
}

impl Holder {
    /// Whether the shingle is in this holder's prefix for a partner of `count` shingles.
    fn in_prefix(&self, count: u32, config: &DedupConfig) -> bool {
        let fewest = fewest_shared(self.count as usize, count as usize, config);
        (self.rank as usize) + fewest <= self.count as usize
    }
}

/// The candidate pairs among `holders` (grouped by shingle: each shingle's holders contiguous),
/// as keys `a << 31 | b` with positions `a < b`, sorted, each once.
pub fn candidate_pairs(holders: &[Holder], config: &DedupConfig) -> Vec<u64> {
    let mut pairs = Vec::new();
    let mut group: Vec<Holder> = Vec::new();
    let mut start = 0;
    while start < holders.len() {
        let shingle = holders[start].shingle;
        let end = start + holders[start..].partition_point(|h| h.shingle == shingle);
        group.clear();
        group.extend_from_slice(&holders[start..end]);
        group.sort_unstable_by_key(|h| (h.count, h.pos));
        pairs_of_group(&group, config, &mut pairs);
        start = end;
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The pairs of one shingle's holders, sorted by count: each probe with the holders after it.
fn pairs_of_group(group: &[Holder], config: &DedupConfig, pairs: &mut Vec<u64>) {
    for (i, probe) in group.iter().enumerate() {
        if !probe.in_prefix(probe.count, config) {
            continue;
        }
        for other in &group[i + 1..] {
            if other.in_prefix(probe.count, config) && probe.in_prefix(other.count, config) {
                let (a, b) = (probe.pos.min(other.pos), probe.pos.max(other.pos));
                pairs.push((u64::from(a) << 31) | u64::from(b));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::similarity::shared_at_least;

    /// Documents of 1 to 120 shingles drawn from a small vocabulary (so that many share some),
    /// each sorted and distinct, some of them copies of others with a few shingles changed.
    fn documents() -> Vec<Vec<u32>> {
        let mut state = 7u64;
        let mut next = move || {
            state = crate::text::hash::fmix64(state.wrapping_add(0x9E37_79B9_7F4A_7C15));
            state
        };
        let vocabulary: Vec<u32> = (0..3000).map(|_| next() as u32).collect();
        let mut docs: Vec<Vec<u32>> = Vec::new();
        for d in 0..80 {
            let mut doc: Vec<u32> = if d % 3 == 2 {
                let mut copy = docs[d - 1 - (d % 2)].clone();
                copy.truncate(copy.len() * 4 / 5);
                copy.push(vocabulary[(next() % 3000) as usize]);
                copy
            } else {
                let len = 1 + (d * 7) % 120;
                (0..len)
                    .map(|_| vocabulary[(next() % 3000) as usize])
                    .collect()
            };
            doc.sort_unstable();
            doc.dedup();
            docs.push(doc);
        }
        docs
    }

    #[test]
    fn every_pair_that_can_be_copies_is_a_candidate() {
        let config = DedupConfig::default();
        let docs = documents();
        // Rank each document's shingles by value reversed (any fixed order will do).
        let mut holders = Vec::new();
        for (pos, doc) in docs.iter().enumerate() {
            for (rank, &shingle) in doc.iter().rev().enumerate() {
                let (pos, count, rank) = (pos as u32, doc.len() as u32, rank as u32);
                holders.push(Holder {
                    shingle,
                    pos,
                    count,
                    rank,
                });
            }
        }
        holders.sort_unstable_by_key(|h| h.shingle);
        let found = candidate_pairs(&holders, &config);
        let mut expected = 0;
        for a in 0..docs.len() {
            for b in a + 1..docs.len() {
                let need = fewest_shared(docs[a].len(), docs[b].len(), &config);
                if shared_at_least(&docs[a], &docs[b], need).is_some() {
                    expected += 1;
                    let key = ((a as u64) << 31) | b as u64;
                    assert!(found.binary_search(&key).is_ok(), "{a} {b}");
                }
            }
        }
        assert!(expected >= 20, "{expected}");
        assert!(
            found.len() < docs.len() * (docs.len() - 1) / 4,
            "{}",
            found.len()
        );
        assert!(found.windows(2).all(|w| w[0] < w[1]));
    }
}
