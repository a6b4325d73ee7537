//! Candidate pairs within a batch by prefix filtering over all shingles, for batches where
//! common phrases make the postings of sampled shingles quadratic (a phrase in a third of the
//! documents lists every pair of them).
//!
//! Two copies share at least [`fewest_shared`] shingles, and the pair of a document of `n`
//! shingles with one at least as long needs at least `fewest_shared(n, n)`. So some shingle they
//! share is among any `n - fewest_shared(n, n) + 1` of the shorter one's shingles: its prefix.
//! Each document's prefix holds its rarest shingles (counted on a sample of the batch; any
//! choice is exact, rarity only keeps the lists short), and each document looks its every shingle
//! up among the prefixes of the documents not longer than itself. The candidates are a superset
//! of the pairs the index would verify, whatever the order, threads or sample.

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::candidates::Candidates;
use super::options::DedupConfig;
use super::sampling::sampled;
use super::similarity::fewest_shared;

/// Documents of a batch whose shingles are counted to rank shingles from rare to common.
pub(crate) const COUNTED: usize = 10_000;
/// Documents of a batch whose sampled shingles are counted to tell whether to join.
const ESTIMATED: usize = 2_000;

/// The earlier documents (positions in the batch's order) each document may be a copy of.
#[derive(Debug, Default)]
pub struct BatchPairs {
    offsets: Vec<usize>,
    earlier: Vec<u32>,
}

impl BatchPairs {
    /// The candidates of position `p` that come before it, sorted.
    pub fn earlier(&self, p: usize) -> &[u32] {
        &self.earlier[self.offsets[p]..self.offsets[p + 1]]
    }

    /// The candidate pairs of the `documents` of a batch (`shingles(p)` of position `p`; those
    /// with `joins(p)` false take no part), or `None` when the postings of sampled shingles
    /// would list fewer entries than this costs.
    pub fn of<'a>(
        documents: usize,
        shingles: impl Fn(usize) -> &'a [u32] + Sync,
        joins: &[bool],
        config: &DedupConfig,
    ) -> Option<BatchPairs> {
        let sampled_only = |p: usize| sampled(shingles(p), config.sample);
        let estimate = counted(documents, &sampled_only, joins, ESTIMATED);
        if !worth_it(documents, &shingles, joins, &estimate) {
            return None;
        }
        let counts = counted(documents, &shingles, joins, COUNTED);
        let ranks = Ranks::of(documents, |p| shingles(p).len(), joins);
        let prefixes = Prefixes::of(&ranks, 0..ranks.len(), &shingles, &counts, config);
        let mut pairs: Vec<u64> = (0..documents)
            .into_par_iter()
            .filter(|&p| joins[p])
            .map_init(Default::default, |buffers, p| {
                let (ranks, counts) = (&ranks, &counts);
                prefixes.partners(ranks, p, shingles(p), counts, config, buffers)
            })
            .flatten_iter()
            .collect();
        pairs.par_sort_unstable();
        pairs.dedup();
        Some(BatchPairs::from_keys(documents, &pairs))
    }

    /// The pairs `later << 32 | earlier`, sorted, as lists by the later document.
    fn from_keys(documents: usize, keys: &[u64]) -> BatchPairs {
        let mut offsets = vec![0usize; documents + 1];
        for &key in keys {
            offsets[(key >> 32) as usize + 1] += 1;
        }
        for p in 0..documents {
            offsets[p + 1] += offsets[p];
        }
        let earlier = keys.iter().map(|&key| key as u32).collect();
        BatchPairs { offsets, earlier }
    }
}

/// How many of the counted documents (every `stride`-th position taking part) hold each shingle.
pub(crate) struct Counts {
    table: FxHashMap<u32, u32>,
    /// The documents taking part over those counted.
    scale: f64,
}

impl Counts {
    /// The count of `shingle` (0 when no counted document holds it).
    fn of(&self, shingle: u32) -> u32 {
        self.table.get(&shingle).copied().unwrap_or(0)
    }
}

pub(crate) fn counted<'a>(
    documents: usize,
    shingles: &impl Fn(usize) -> &'a [u32],
    joins: &[bool],
    most: usize,
) -> Counts {
    let taking_part = joins.iter().filter(|&&j| j).count();
    let stride = taking_part.div_ceil(most).max(1);
    let chosen = || {
        (0..documents)
            .filter(|&p| joins[p])
            .enumerate()
            .filter(move |(seen, _)| seen % stride == 0)
            .map(|(_, p)| p)
    };
    // Sized once for every shingle counted, an upper bound on the distinct ones.
    let mut table = FxHashMap::default();
    table.reserve(chosen().map(|p| shingles(p).len()).sum());
    let mut counted = 0usize;
    for p in chosen() {
        counted += 1;
        for &s in shingles(p) {
            *table.entry(s).or_insert(0u32) += 1;
        }
    }
    Counts {
        table,
        scale: taking_part as f64 / counted.max(1) as f64,
    }
}

/// Whether the join costs less than the postings: their entries, estimated from the counts of
/// sampled shingles (pairs sharing one), against a few per shingle of the batch.
fn worth_it<'a>(
    documents: usize,
    shingles: &impl Fn(usize) -> &'a [u32],
    joins: &[bool],
    counts: &Counts,
) -> bool {
    let mut shared = 0.0;
    for &c in counts.table.values() {
        shared += f64::from(c) * f64::from(c.saturating_sub(1)) / 2.0;
    }
    let shared = shared * counts.scale * counts.scale;
    let total: usize = (0..documents)
        .filter(|&p| joins[p])
        .map(|p| shingles(p).len())
        .sum();
    shared > JOIN_COST * total as f64
}

/// Entries of the postings that one shingle of the join costs as much as.
const JOIN_COST: f64 = 4.0;

/// The documents taking part in a join, ranked by length then position: a document looks for
/// partners among the prefixes of lower rank only, so each pair is found once.
pub(crate) struct Ranks {
    /// The position of each rank, and its rank by position (`u32::MAX`: not taking part).
    by_rank: Vec<u32>,
    rank_of: Vec<u32>,
    /// `up_to[n]`: the ranks of documents of at most `n` shingles are those under it.
    up_to: Vec<u32>,
}

impl Ranks {
    /// The ranks of the `documents` with `joins` true, of `length(p)` shingles each.
    pub(crate) fn of(documents: usize, length: impl Fn(usize) -> usize, joins: &[bool]) -> Ranks {
        let mut by_rank: Vec<u32> = (0..documents as u32)
            .filter(|&p| joins[p as usize])
            .collect();
        by_rank.sort_by_key(|&p| (length(p as usize), p));
        let mut rank_of = vec![u32::MAX; documents];
        let longest = by_rank.last().map_or(0, |&p| length(p as usize));
        let mut up_to = vec![0u32; longest + 1];
        for (rank, &p) in by_rank.iter().enumerate() {
            rank_of[p as usize] = rank as u32;
            up_to[length(p as usize)] = rank as u32 + 1;
        }
        for n in 1..up_to.len() {
            up_to[n] = up_to[n].max(up_to[n - 1]);
        }
        Ranks {
            by_rank,
            rank_of,
            up_to,
        }
    }

    /// The documents taking part.
    pub(crate) fn len(&self) -> usize {
        self.by_rank.len()
    }

    /// The position of the document of `rank`.
    pub(crate) fn position(&self, rank: usize) -> usize {
        self.by_rank[rank] as usize
    }

    /// The rank of the document at position `p` (`u32::MAX` when it takes no part).
    pub(crate) fn rank_of(&self, p: usize) -> u32 {
        self.rank_of[p]
    }

    /// The shingles of the document of `rank`.
    fn length(&self, rank: u32) -> usize {
        self.up_to.partition_point(|&r| r <= rank)
    }
}

/// The prefixes of the documents of a range of ranks, sorted by shingle then rank, with a
/// directory by the top bits of the hash.
pub(crate) struct Prefixes {
    /// `shingle << 32 | rank`, sorted.
    entries: Vec<u64>,
    /// `directory[b]..directory[b + 1]`: the entries whose shingle's top bits are `b`.
    directory: Vec<usize>,
    shift: u32,
    /// The lowest rank with a prefix here.
    first: u32,
}

impl Prefixes {
    /// The prefixes of the documents of `ranks` in `block` (`shingles(p)` of position `p`).
    pub(crate) fn of<'a>(
        ranks: &Ranks,
        block: Range<usize>,
        shingles: &(impl Fn(usize) -> &'a [u32] + Sync),
        counts: &Counts,
        config: &DedupConfig,
    ) -> Prefixes {
        let first = block.start as u32;
        let mut entries: Vec<u64> = block
            .into_par_iter()
            .map_init(Vec::new, |ranked, rank| {
                prefix(shingles(ranks.position(rank)), counts, config, ranked)
                    .iter()
                    .map(|&(_, s)| (u64::from(s) << 32) | rank as u64)
                    .collect::<Vec<u64>>()
            })
            .flatten_iter()
            .collect();
        entries.par_sort_unstable();
        let bits = (entries.len() / 4).max(1).ilog2().clamp(8, 24);
        let shift = 32 - bits;
        let mut directory = vec![0usize; (1 << bits) + 1];
        for &e in &entries {
            directory[((e >> 32) as u32 >> shift) as usize + 1] += 1;
        }
        for b in 0..(1usize << bits) {
            directory[b + 1] += directory[b];
        }
        Prefixes {
            entries,
            directory,
            shift,
            first,
        }
    }

    /// The pairs of position `p` (of `shingles`) with each document of these prefixes not
    /// longer (by rank) whose prefix holds [`shared_in_prefix`] of them, as
    /// `later << 32 | earlier` (by position), each once.
    ///
    /// The first `shared_in_prefix(m)` shingles a copy of `m` shingles shares with `p` (in the
    /// order of the prefixes) are in its prefix, and among the first `n - fewest_shared(m, n) +
    /// shared_in_prefix(m)` of `p`'s own (`n` of them): so `p` looks its shingles up from the
    /// rarest, each among the prefixes of the documents short enough to need it.
    pub(crate) fn partners(
        &self,
        ranks: &Ranks,
        p: usize,
        shingles: &[u32],
        counts: &Counts,
        config: &DedupConfig,
        (ranked, candidates): &mut (Vec<(u32, u32)>, Candidates),
    ) -> Vec<u64> {
        candidates.clear();
        let me = ranks.rank_of(p);
        let n = shingles.len();
        ranked.clear();
        ranked.extend(shingles.iter().map(|&s| (counts.of(s), s)));
        ranked.sort_unstable();
        // The longest partner the `j`-th shingle can be needed for.
        let mut longest = n;
        let spare = n + shared_in_prefix(n);
        for (j, &(_, s)) in ranked.iter().enumerate() {
            while longest > 0 && fewest_shared(longest, n, config) + j >= spare {
                longest -= 1;
            }
            let below = me.min(ranks.up_to[longest]);
            if below <= self.first {
                break;
            }
            let b = (s >> self.shift) as usize;
            let bucket = &self.entries[self.directory[b]..self.directory[b + 1]];
            let start = bucket.partition_point(|&e| ((e >> 32) as u32) < s);
            for &e in &bucket[start..] {
                if (e >> 32) as u32 != s || e as u32 >= below {
                    break;
                }
                candidates.entries().push(e as u32);
            }
        }
        let mut found = Vec::new();
        candidates.count(ranks.len(), |rank, shared| {
            let q = ranks.position(rank as usize);
            if shared >= shared_in_prefix(ranks.length(rank)) {
                let (later, earlier) = (p.max(q), p.min(q));
                found.push(((later as u64) << 32) | earlier as u64);
            }
        });
        found
    }
}

/// The shingles of its prefix a document of `n` shingles shares with any copy at least as long
/// (the prefix holds that many more than it must): more than one, so that a phrase two documents
/// share, and nothing else, does not pair them.
fn shared_in_prefix(n: usize) -> usize {
    1 + n / 16
}

/// The shingles in the prefix of a document of `n` shingles.
pub(crate) fn prefix_length(n: usize, config: &DedupConfig) -> usize {
    (n + shared_in_prefix(n))
        .saturating_sub(fewest_shared(n, n, config))
        .min(n)
}

/// The prefix of a document: its `n - fewest_shared(n, n) + shared_in_prefix(n)` rarest shingles (by count, then
/// hash), as `(count, shingle)` in `ranked`.
fn prefix<'r>(
    shingles: &[u32],
    counts: &Counts,
    config: &DedupConfig,
    ranked: &'r mut Vec<(u32, u32)>,
) -> &'r [(u32, u32)] {
    ranked.clear();
    ranked.extend(shingles.iter().map(|&s| (counts.of(s), s)));
    let keep = prefix_length(shingles.len(), config);
    if keep < shingles.len() && keep > 0 {
        ranked.select_nth_unstable(keep - 1);
    }
    &ranked[..keep]
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::dedup::pairing::paired;

    /// Sets of 1 to 700 hashes, half of each drawn from fifty hashes most sets hold, a third of
    /// the sets edited or cut copies of earlier ones.
    pub(crate) fn sets(seed: u64, count: usize) -> Vec<Vec<u32>> {
        let mut state = seed;
        let mut next = move || {
            state = crate::text::hash::fmix64(state.wrapping_add(0x9E37_79B9_7F4A_7C15));
            state
        };
        let vocabulary: Vec<u32> = (0..4000).map(|_| next() as u32).collect();
        let mut sets: Vec<Vec<u32>> = Vec::new();
        for d in 0..count {
            let mut set: Vec<u32> = if d % 3 == 2 {
                let mut copy = sets[(next() as usize) % d].clone();
                copy.truncate(copy.len() * (6 + d % 5) / 10 + 1);
                copy.extend((0..1 + d % 5).map(|_| vocabulary[(next() % 4000) as usize]));
                copy
            } else {
                let len = 1 + (next() as usize) % [8, 60, 300, 700][d % 4];
                let draw = |r: u64| vocabulary[(r % if r % 2 == 0 { 50 } else { 4000 }) as usize];
                (0..len).map(|_| draw(next())).collect()
            };
            set.sort_unstable();
            set.dedup();
            sets.push(set);
        }
        sets
    }

    /// Rules from the default to loose containment, tight and loose Jaccard, every sampling rate.
    pub(crate) fn configs() -> [DedupConfig; 5] {
        [
            DedupConfig::default(),
            DedupConfig {
                containment: None,
                threshold: 0.5,
                sample: 16,
                ..DedupConfig::default()
            },
            DedupConfig {
                sample: 1,
                ..DedupConfig::default()
            },
            DedupConfig {
                containment: None,
                threshold: 0.9,
                sample: 2,
                ..DedupConfig::default()
            },
            DedupConfig {
                containment: Some(0.3),
                threshold: 0.95,
                sample: 1,
                ..DedupConfig::default()
            },
        ]
    }

    #[test]
    fn every_pair_the_index_would_verify_is_a_candidate() {
        for seed in [5, 11] {
            every_verified_pair_is_a_candidate(&sets(seed, 600));
        }
    }

    fn every_verified_pair_is_a_candidate(sets: &[Vec<u32>]) {
        let mut joined = 0;
        for config in configs() {
            let joins: Vec<bool> = (0..sets.len()).map(|p| p % 17 != 3).collect();
            let Some(pairs) = BatchPairs::of(sets.len(), |p| &sets[p], &joins, &config) else {
                // The postings are cheaper under this rule: nothing to check.
                assert!(config.sample > 1);
                continue;
            };
            let mut candidates = 0;
            for b in 0..sets.len() {
                let earlier = pairs.earlier(b);
                assert!(earlier.windows(2).all(|w| w[0] < w[1]));
                assert!(earlier
                    .iter()
                    .all(|&a| (a as usize) < b && joins[a as usize]));
                candidates += earlier.len();
                for a in 0..b {
                    if joins[a] && joins[b] && paired(&sets[b], &sets[a], &config).is_some() {
                        assert!(earlier.binary_search(&(a as u32)).is_ok(), "{a} {b}");
                    }
                }
            }
            // A loose containment needs most of each document in its prefix.
            if config.containment.is_none_or(|c| c >= 0.5) {
                assert!(candidates < sets.len() * sets.len() / 8, "{candidates}");
            }
            joined += 1;
        }
        assert!(joined >= 3, "{joined}");
    }

    #[test]
    fn unrelated_documents_use_the_postings() {
        let sets: Vec<Vec<u32>> = (0..300u32)
            .map(|d| (0..200).map(|i| d * 1000 + i).collect())
            .collect();
        let joins = vec![true; sets.len()];
        assert!(
            BatchPairs::of(sets.len(), |p| &sets[p], &joins, &DedupConfig::default()).is_none()
        );
    }
}
