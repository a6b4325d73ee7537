//! The one-shot decisions ([`ordered::decide`](super::ordered::decide) with every pair) of
//! fingerprints kept in a temporary file ([`SpilledFingerprints`]), in bounded memory.
//!
//! The candidate pairs come from the prefix join of `batch_pairs`, cut by rank (documents by
//! length): the documents of one range of ranks are read into memory with their prefixes, and
//! every document of the file, read back in runs, looks for partners among them and compares
//! itself with each exactly. Each pair is found in the block of its shorter document, and the
//! pairs found are exactly the pairs the index verifies (both are every pair of new texts that
//! [`paired`] accepts), so the documents are then decided in order from the pairs alone, as the
//! index decides them: the same clusters, kinds, similarities and pairs, whatever the block size.
//!
//! Memory holds about 40 bytes per document, the pairs, and one block: its documents' shingles
//! (4 bytes each) and prefix entries (8 each), about [`BLOCK_BYTES`].

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::batch_pairs::{counted, prefix_length, Counts, Prefixes, Ranks, COUNTED};
use super::fingerprint::Fingerprints;
use super::index::DedupIndex;
use super::options::DedupConfig;
use super::ordered::{by_position, decide, ranked_order, Decided};
use super::pairing::paired;
use super::similarity::Similarity;
use super::spill::SpilledFingerprints;
use crate::error::Result;

/// Bytes of shingles and prefix entries a block holds at most (a longer document alone).
pub const BLOCK_BYTES: usize = 384 << 20;

/// A verified pair: `later << 32 | earlier` (places in the decision order) and its similarity.
type Found = (u64, Similarity);

/// Decides the spilled documents in the order of [`ordered::decide`](super::ordered::decide)
/// by `rank`, with every pair, holding at most about `block_bytes` of one block at a time.
pub fn decide_spilled(
    spilled: &mut SpilledFingerprints,
    config: DedupConfig,
    rank: Option<&[u64]>,
    block_bytes: usize,
) -> Result<Decided> {
    config.validate()?;
    if fits_one_block(spilled, &config, block_bytes) {
        // The index's own decision holds no more here and may find the pairs faster (by
        // postings rather than the prefix join): the same decisions either way.
        return decide(&spilled.load(|_| true)?, config, rank, true);
    }
    let n = spilled.len();
    let order = ranked_order(n, rank, |p| spilled.length(p), |p| spilled.exact(p))?;
    let lengths: Vec<u32> = order
        .iter()
        .map(|&p| spilled.length(p as usize) as u32)
        .collect();
    let length = |i: usize| lengths[i] as usize;
    let joins = new_texts(spilled, &order);
    let ranks = Ranks::of(n, length, &joins);
    let mut place = vec![0u32; n];
    for (i, &p) in order.iter().enumerate() {
        place[p as usize] = i as u32;
    }
    let join = Join {
        order: &order,
        place: &place,
        ranks: &ranks,
        counts: &sample_counts(spilled, &order, &joins)?,
        config: &config,
    };
    let mut found = Vec::new();
    for block in blocks(&ranks, length, &config, block_bytes) {
        found.extend(join.pairs_of_block(spilled, block)?);
    }
    found.par_sort_unstable_by_key(|&(key, _)| key);
    let (clusters, pairs) = DedupIndex::decide_verified(
        config,
        n,
        |i| spilled.exact(order[i] as usize),
        |i| length(i) == 0,
        &found,
    )?;
    Ok(by_position(&order, &clusters, &pairs))
}

/// Whether every document's shingles and prefix entries fit in one block of `block_bytes`.
fn fits_one_block(spilled: &SpilledFingerprints, config: &DedupConfig, block_bytes: usize) -> bool {
    let held: usize = (0..spilled.len())
        .map(|p| held_bytes(spilled.length(p), config))
        .sum();
    held <= block_bytes
}

/// What a document of `n` shingles holds in a block: its shingles and prefix entries.
fn held_bytes(n: usize, config: &DedupConfig) -> usize {
    4 * n + 8 * prefix_length(n, config)
}

/// Whether each document (by place in `order`) takes part in the join: it has shingles and is
/// the first with its text.
fn new_texts(spilled: &SpilledFingerprints, order: &[u32]) -> Vec<bool> {
    let mut texts = FxHashSet::default();
    order
        .iter()
        .map(|&p| spilled.length(p as usize) > 0 && texts.insert(spilled.exact(p as usize)))
        .collect()
}

/// The counts that rank shingles from rare to common, over at most [`COUNTED`] of the
/// documents taking part (any choice gives the same pairs).
fn sample_counts(
    spilled: &mut SpilledFingerprints,
    order: &[u32],
    joins: &[bool],
) -> Result<Counts> {
    let taking_part = joins.iter().filter(|&&j| j).count();
    let stride = taking_part.div_ceil(COUNTED).max(1);
    let mut chosen = vec![false; spilled.len()];
    let joining = order.iter().zip(joins).filter(|(_, &j)| j);
    for (&p, _) in joining.step_by(stride) {
        chosen[p as usize] = true;
    }
    let sample = spilled.load(|p| chosen[p])?;
    Ok(counted(
        sample.len(),
        &|p| sample.shingles(p),
        &chosen,
        COUNTED,
    ))
}

/// The ranks cut into ranges whose documents' shingles and prefix entries take at most
/// `block_bytes` (one document at least).
fn blocks(
    ranks: &Ranks,
    length: impl Fn(usize) -> usize,
    config: &DedupConfig,
    block_bytes: usize,
) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let (mut start, mut held) = (0, 0);
    for rank in 0..ranks.len() {
        let n = length(ranks.position(rank));
        let bytes = held_bytes(n, config);
        if rank > start && held + bytes > block_bytes {
            blocks.push(start..rank);
            (start, held) = (rank, 0);
        }
        held += bytes;
    }
    if start < ranks.len() {
        blocks.push(start..ranks.len());
    }
    blocks
}

/// What every block's join reads: the decision order (`order[i]`: the position of the `i`-th
/// decided, `place` the reverse), the ranks of the documents taking part, the shingle counts.
struct Join<'a> {
    order: &'a [u32],
    place: &'a [u32],
    ranks: &'a Ranks,
    counts: &'a Counts,
    config: &'a DedupConfig,
}

impl Join<'_> {
    /// The verified pairs whose shorter document (lower rank) is in `block`.
    fn pairs_of_block(
        &self,
        spilled: &mut SpilledFingerprints,
        block: Range<usize>,
    ) -> Result<Vec<Found>> {
        let in_block =
            |p: usize| block.contains(&(self.ranks.rank_of(self.place[p] as usize) as usize));
        let members = spilled.load(in_block)?;
        let shingles = |i: usize| members.shingles(self.order[i] as usize);
        let prefixes = Prefixes::of(
            self.ranks,
            block.clone(),
            &shingles,
            self.counts,
            self.config,
        );
        let mut found = Vec::new();
        spilled.read_runs(|first, run| {
            found.extend(self.pairs_of_run(&prefixes, &members, block.start, first, run));
            crate::parallel::checkpoint();
            Ok(())
        })?;
        Ok(found)
    }

    /// The verified pairs of the documents of `run` (the first at position `first`) with the
    /// block's documents of lower rank (`members`, by position).
    fn pairs_of_run(
        &self,
        prefixes: &Prefixes,
        members: &Fingerprints,
        lowest: usize,
        first: usize,
        run: &Fingerprints,
    ) -> Vec<Found> {
        let (ranks, counts, config) = (self.ranks, self.counts, self.config);
        (0..run.len())
            .into_par_iter()
            .filter(|&d| {
                let rank = ranks.rank_of(self.place[first + d] as usize);
                rank != u32::MAX && rank as usize > lowest
            })
            .map_init(Default::default, |buffers, d| {
                let i = self.place[first + d] as usize;
                let mine = run.shingles(d);
                let keys = prefixes.partners(ranks, i, mine, counts, config, buffers);
                keys.into_iter()
                    .filter_map(|key| {
                        let (later, earlier) = ((key >> 32) as usize, key as u32 as usize);
                        let other = members.shingles(self.order[later + earlier - i] as usize);
                        let similarity = if later == i {
                            paired(mine, other, config)
                        } else {
                            paired(other, mine, config)
                        }?;
                        Some((key, similarity))
                    })
                    .collect::<Vec<Found>>()
            })
            .flatten_iter()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::batch_pairs::tests::{configs, sets};
    use crate::dedup::ordered::decide;

    /// Fingerprints of `sets`, with exact copies and empty documents among them.
    fn fingerprints(sets: &[Vec<u32>]) -> Fingerprints {
        let mut out = Fingerprints::new();
        for (d, set) in sets.iter().enumerate() {
            match d % 23 {
                5 => out.push(7, &[]),
                // An exact copy of an earlier document.
                11 => out.push(d as u64 - 4, &sets[d - 4]),
                _ => out.push(d as u64, set),
            }
        }
        out
    }

    fn spilled(all: &Fingerprints, cut: usize) -> SpilledFingerprints {
        let mut spilled = SpilledFingerprints::create(&std::env::temp_dir()).unwrap();
        let mut first = Fingerprints::new();
        let mut rest = Fingerprints::new();
        for d in 0..all.len() {
            let part = if d < cut { &mut first } else { &mut rest };
            part.push(all.exact(d), all.shingles(d));
        }
        spilled.append(&first).unwrap();
        spilled.append(&rest).unwrap();
        spilled
    }

    #[test]
    fn the_decisions_of_every_pair_whatever_the_block_size() {
        let all = fingerprints(&sets(5, 500));
        let rank: Vec<u64> = (0..all.len() as u64).map(|d| (d * 7919) % 613).collect();
        // Every other rule: the default, loose Jaccard, loose containment.
        for config in configs().into_iter().step_by(2) {
            for rank in [None, Some(rank.as_slice())] {
                let expected = decide(&all, config, rank, true).unwrap();
                assert!(expected.pairs.len() > 50, "{}", expected.pairs.len());
                // One block, a few, and a block per document.
                for block_bytes in [BLOCK_BYTES, 40_000, 6_000] {
                    let mut spilled = spilled(&all, 200);
                    let got = decide_spilled(&mut spilled, config, rank, block_bytes).unwrap();
                    assert_eq!(got.clusters, expected.clusters);
                    let key = |p: &crate::dedup::Pair| (p.b, p.a);
                    let mut pairs = got.pairs.clone();
                    let mut wanted = expected.pairs.clone();
                    pairs.sort_by_key(key);
                    wanted.sort_by_key(key);
                    assert_eq!(pairs, wanted);
                }
            }
        }
    }

    #[test]
    fn nothing_to_decide() {
        let mut spilled = SpilledFingerprints::create(&std::env::temp_dir()).unwrap();
        let got = decide_spilled(&mut spilled, DedupConfig::default(), None, 1).unwrap();
        assert!(got.clusters.representative.is_empty() && got.pairs.is_empty());
        assert!(decide_spilled(&mut spilled, DedupConfig::default(), Some(&[1]), 1).is_err());
    }
}
