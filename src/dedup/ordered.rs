//! Dedup of documents gathered first and decided together, in an order that does not depend on
//! the order they came in: by a rank the caller gives (document ids, longest first, earliest
//! first); ties (and everything, without ranks) go to the document with more distinct shingles
//! (so that a shorter copy meets the longer text it is contained in as a representative, not
//! the reverse), then to the smaller hash of the normalised text, then to the smaller position.
//! The decisions are those of a [`DedupIndex`] fed in that order, so the clusters are the same
//! whatever the input order, the thread count, or how the documents were gathered.

use rayon::prelude::*;

use super::fingerprint::Fingerprints;
use super::index::{Clusters, DedupIndex, Pair};
use super::options::DedupConfig;
use super::postings::MAX_DOCUMENTS;
use crate::error::{Error, Result};
use crate::parallel::Progress;

/// The decisions, by position in the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Decided {
    /// `representative` holds positions.
    pub clusters: Clusters,
    /// Verified pairs, as positions: `a` was decided before `b`.
    pub pairs: Vec<Pair>,
}

/// The order in which documents are decided: positions sorted by rank, then most distinct
/// shingles, then exact hash, then position.
pub fn decision_order(fingerprints: &Fingerprints, rank: Option<&[u64]>) -> Result<Vec<u32>> {
    ranked_order(
        fingerprints.len(),
        rank,
        |p| fingerprints.shingles(p).len(),
        |p| fingerprints.exact(p),
    )
}

/// [`decision_order`] of `n` documents of `length(p)` distinct shingles and exact hash
/// `exact(p)`.
pub(crate) fn ranked_order(
    n: usize,
    rank: Option<&[u64]>,
    length: impl Fn(usize) -> usize + Sync,
    exact: impl Fn(usize) -> u64 + Sync,
) -> Result<Vec<u32>> {
    if let Some(rank) = rank {
        if rank.len() != n {
            return Err(Error::InvalidInput(format!(
                "the decision ranks have {} values for {n} documents",
                rank.len()
            )));
        }
    }
    if n > MAX_DOCUMENTS {
        return Err(Error::InvalidInput(format!(
            "dedup handles at most {MAX_DOCUMENTS} documents at once"
        )));
    }
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.par_sort_unstable_by_key(|&p| {
        let p = p as usize;
        (
            rank.map_or(0, |r| r[p]),
            std::cmp::Reverse(length(p)),
            exact(p),
            p,
        )
    });
    Ok(order)
}

/// Decides `fingerprints` (made with `config.ngram`) in [`decision_order`]; `every_text` as for
/// [`DedupIndex::new`] (complete pairs). Runs on the current rayon pool.
pub fn decide(
    fingerprints: &Fingerprints,
    config: DedupConfig,
    rank: Option<&[u64]>,
    every_text: bool,
) -> Result<Decided> {
    let order = decision_order(fingerprints, rank)?;
    let (by_rank, pairs) = DedupIndex::decide_batch(config, every_text, fingerprints, &order)?;
    Ok(by_position(&order, &by_rank, &pairs))
}

/// The decisions taken in `order` (`by_rank`, `pairs` by place in it) by position.
pub(crate) fn by_position(order: &[u32], by_rank: &Clusters, pairs: &[Pair]) -> Decided {
    let n = order.len();
    let mut clusters = Clusters {
        representative: vec![0; n],
        size: vec![0; n],
        kind: vec![super::index::Kind::Empty; n],
        similarity: vec![0.0; n],
    };
    for (r, &p) in order.iter().enumerate() {
        let p = p as usize;
        clusters.representative[p] = order[by_rank.representative[r] as usize];
        clusters.size[p] = by_rank.size[r];
        clusters.kind[p] = by_rank.kind[r];
        clusters.similarity[p] = by_rank.similarity[r];
    }
    let pairs = pairs
        .iter()
        .map(|pair| Pair {
            a: order[pair.a as usize],
            b: order[pair.b as usize],
            ..*pair
        })
        .collect();
    Decided { clusters, pairs }
}

/// One-shot dedup of `texts` in [`decision_order`] (runs on the current rayon pool).
pub fn dedup(
    texts: &[Option<&str>],
    config: DedupConfig,
    rank: Option<&[u64]>,
    every_text: bool,
) -> Result<Decided> {
    config.validate()?;
    let fingerprints = Fingerprints::of_texts(texts, config.ngram, &Progress::default());
    decide(&fingerprints, config, rank, every_text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::index::Kind;

    /// Copies, near copies, cut copies and unrelated texts of `originals` random articles.
    fn corpus(originals: u64) -> Vec<String> {
        let mut state = 11u64;
        let mut word = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            format!("w{}", (state >> 33) % 4000)
        };
        let mut texts = Vec::new();
        for o in 0..originals {
            let base: Vec<String> = (0..150 + o * 3).map(|_| word()).collect();
            texts.push(base.join(" "));
            texts.push(base.join("\n"));
            let mut near = base.clone();
            near[7] = "changed".into();
            texts.push(near.join(" "));
            texts.push(base[..base.len() * 2 / 3].join(" "));
        }
        texts.push(" ... ".into());
        texts
    }

    /// A permutation of `0..n` from a fixed generator.
    fn shuffled(n: usize, seed: u64) -> Vec<usize> {
        let mut order: Vec<usize> = (0..n).collect();
        let mut state = seed;
        for i in (1..n).rev() {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (state >> 33) as usize % (i + 1));
        }
        order
    }

    fn groups(decided: &Decided, names: &[usize]) -> Vec<Vec<usize>> {
        let mut by_rep: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for (p, &r) in decided.clusters.representative.iter().enumerate() {
            by_rep.entry(names[r as usize]).or_default().push(names[p]);
        }
        let mut out: Vec<Vec<usize>> = by_rep
            .into_values()
            .map(|mut g| {
                g.sort_unstable();
                g
            })
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn same_decisions_whatever_the_input_order() {
        let texts = corpus(60);
        let n = texts.len();
        let config = DedupConfig::default();
        let names: Vec<usize> = (0..n).collect();
        let ids: Vec<u64> = (0..n as u64).collect();
        let borrowed: Vec<Option<&str>> = texts.iter().map(|t| Some(t.as_str())).collect();
        let base = dedup(&borrowed, config, Some(&ids), true).unwrap();
        let plain = dedup(&borrowed, config, None, true).unwrap();
        for seed in [1, 2, 3] {
            let order = shuffled(n, seed);
            let texts: Vec<Option<&str>> = order.iter().map(|&i| borrowed[i]).collect();
            let ranks: Vec<u64> = order.iter().map(|&i| ids[i]).collect();
            // With ranks (ids): the very same representatives and pairs.
            let ranked = dedup(&texts, config, Some(&ranks), true).unwrap();
            for (p, &i) in order.iter().enumerate() {
                let r = ranked.clusters.representative[p] as usize;
                assert_eq!(order[r], base.clusters.representative[i] as usize);
                assert_eq!(ranked.clusters.kind[p], base.clusters.kind[i]);
            }
            let mut pairs: Vec<(usize, usize)> = ranked
                .pairs
                .iter()
                .map(|p| (order[p.a as usize], order[p.b as usize]))
                .collect();
            pairs.sort_unstable();
            let mut expected: Vec<(usize, usize)> = base
                .pairs
                .iter()
                .map(|p| (p.a as usize, p.b as usize))
                .collect();
            expected.sort_unstable();
            assert_eq!(pairs, expected);
            // Without ranks: the same partition (decided by the text, not the position).
            let free = dedup(&texts, config, None, false).unwrap();
            assert_eq!(groups(&free, &order), groups(&plain, &names));
        }
        assert_eq!(plain.clusters.kind[n - 1], Kind::Empty);
        assert!(dedup(&borrowed, config, Some(&[1, 2]), true).is_err());
    }
}
