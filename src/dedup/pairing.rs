//! The rule that pairs two documents for comparison: how many sampled shingles a candidate must
//! share with a document (by their sizes and the threshold), then the exact comparison. The
//! index counts shared samples through its postings, a cluster through a shuffle; both ask here.
//!
//! The sampled shingles are the head of each sorted set ([`sampled`]), so a caller that has
//! counted the shared samples already knows how many the heads share: [`verified`] merges only
//! the rest of the two sets.

use super::options::DedupConfig;
use super::sampling::{sampled, SampleRule};
use super::similarity::{compare, fewest_shared, shared_at_least, Similarity};

/// Whether a candidate with `len_b` distinct shingles, sharing `samples` sampled shingles with a
/// document of `len_a`, is compared with it: the rule of the index, kept in one place for every
/// caller that counts shared samples its own way (the index's postings, a cluster's shuffle).
pub fn compared(samples: usize, len_a: usize, len_b: usize, config: &DedupConfig) -> bool {
    let need = fewest_shared(len_a, len_b, config);
    samples >= SampleRule::of(config.sample).fewest_samples(need)
}

/// The similarity of two documents' shingle sets when the index pairs them (the shared sampled
/// shingles counted from the sets themselves, then [`compared`], then a copy by [`compare`]),
/// for callers that find candidates their own way.
pub fn paired(a: &[u32], b: &[u32], config: &DedupConfig) -> Option<Similarity> {
    let samples = shared_at_least(sampled(a, config.sample), sampled(b, config.sample), 0)?;
    if !compared(samples, a.len(), b.len(), config) {
        return None;
    }
    compare(a, b, config)
}

/// The similarity of shingle sets `a` and `b`, which share exactly `samples` sampled shingles,
/// when the index pairs them ([`compared`], then a copy by the exact count): what [`paired`]
/// gives, with the heads of sampled shingles, whose shared count is known, left unmerged.
pub fn verified(a: &[u32], b: &[u32], samples: usize, config: &DedupConfig) -> Option<Similarity> {
    if !compared(samples, a.len(), b.len(), config) {
        return None;
    }
    let need = fewest_shared(a.len(), b.len(), config);
    let (head_a, head_b) = (
        sampled(a, config.sample).len(),
        sampled(b, config.sample).len(),
    );
    let rest = shared_at_least(&a[head_a..], &b[head_b..], need.saturating_sub(samples))?;
    let similarity = Similarity::of(samples + rest, a.len(), b.len());
    similarity.relation(config).map(|_| similarity)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `count` hashes drawn over the whole range by a fixed generator and `common` hashes
    /// shared with every other call, sorted and distinct.
    fn set(seed: u64, count: usize, common: usize) -> Vec<u32> {
        let draw = |seed: u64, n: usize| {
            let mut state = seed;
            (0..n).map(move |_| {
                state = crate::text::hash::fmix64(state.wrapping_add(0x9E37_79B9_7F4A_7C15));
                state as u32
            })
        };
        let mut values: Vec<u32> = draw(1, common).chain(draw(seed, count)).collect();
        values.sort_unstable();
        values.dedup();
        values
    }

    #[test]
    fn verified_is_paired_given_the_shared_samples() {
        let configs = [
            DedupConfig::default(),
            DedupConfig {
                containment: None,
                sample: 1,
                ..DedupConfig::default()
            },
            DedupConfig {
                threshold: 0.5,
                sample: 16,
                ..DedupConfig::default()
            },
        ];
        let mut checked = 0;
        for config in &configs {
            // Own shingles of each, and shingles the two share.
            for (seed, len_a, len_b, common) in [
                (2, 5, 8, 60),
                (3, 200, 5, 100),
                (4, 20, 30, 500),
                (5, 10, 2000, 30),
                (6, 30, 30, 70),
                (7, 100, 100, 0),
                (8, 0, 50, 0),
            ] {
                let a = set(seed, len_a, common);
                let b = set(seed + 100, len_b, common);
                let samples =
                    shared_at_least(sampled(&a, config.sample), sampled(&b, config.sample), 0)
                        .unwrap_or(0);
                let expected = paired(&a, &b, config);
                assert_eq!(verified(&a, &b, samples, config), expected);
                assert_eq!(verified(&b, &a, samples, config), expected);
                checked += usize::from(expected.is_some());
            }
        }
        assert!(checked >= 10, "{checked}");
    }
}
