//! Which shingles index a document, and how many of them a candidate must share to be compared.
//!
//! A shingle is sampled when its hash is in the lowest `1/sample` of the hash range
//! ([`sampled`]): the choice depends on the shingle alone, so two documents sharing k shingles
//! share a sampled one with probability 1 - (1 - 1/sample)^k, whatever their lengths. Since a
//! document's hashes are sorted, its sampled shingles are the head of its array.
//!
//! Most documents sharing a sampled shingle share a phrase and nothing more. A candidate is
//! compared only when it shares at least [`SampleRule::fewest_samples`] sampled shingles with the
//! document: the largest count that misses a pair sharing the shingles it needs to be a copy with
//! probability at most [`MISS`], and at least one (so a pair sharing k shingles that needs few of
//! them is missed with probability (1 - 1/sample)^k).

use std::sync::OnceLock;

/// The probability, at most, that requiring more than one shared sampled shingle keeps a pair
/// that is a copy from being compared.
pub const MISS: f64 = 1e-6;

/// Pairs needing more shared shingles than this use this count's rule (fewer samples: safe).
const RULE_SIZE: usize = 2048;

/// The largest sampling rate an option may ask for.
pub const MAX_SAMPLE: usize = 64;

/// The sampled shingles of a document (the head of its sorted shingle hashes): those under
/// `2^32 / sample`.
pub fn sampled(shingles: &[u32], sample: usize) -> &[u32] {
    let cutoff = (1u64 << 32) / sample.max(1) as u64;
    &shingles[..shingles.partition_point(|&s| u64::from(s) < cutoff)]
}

/// [`SampleRule::fewest_samples`] for every count of needed shingles.
#[derive(Debug, Clone)]
pub struct SampleRule {
    fewest: Vec<u16>,
}

impl SampleRule {
    /// The rule of sampling rate `sample` (1 to [`MAX_SAMPLE`]), computed once per process.
    pub fn of(sample: usize) -> &'static SampleRule {
        static RULES: [OnceLock<SampleRule>; MAX_SAMPLE + 1] =
            [const { OnceLock::new() }; MAX_SAMPLE + 1];
        let sample = sample.clamp(1, MAX_SAMPLE);
        RULES[sample].get_or_init(|| SampleRule {
            fewest: (0..=RULE_SIZE)
                .map(|k| fewest_samples(k, sample) as u16)
                .collect(),
        })
    }

    /// The fewest sampled shingles a candidate must share with a document to be compared, when
    /// the pair must share `need` shingles to be a copy.
    pub fn fewest_samples(&self, need: usize) -> usize {
        usize::from(self.fewest[need.min(RULE_SIZE)])
    }
}

/// The largest m ≥ 1 such that a pair sharing `k` shingles has fewer than m of them sampled
/// (a binomial count with probability 1/sample each) with probability at most [`MISS`]. With
/// every shingle sampled, that is k.
fn fewest_samples(k: usize, sample: usize) -> usize {
    if sample <= 1 {
        return k.max(1);
    }
    let q = 1.0 / sample as f64;
    let (log_q, log_rest) = (q.ln(), (1.0 - q).ln());
    // The log of the probability that exactly m are sampled, updated term by term.
    let mut log_pmf = k as f64 * log_rest;
    let mut below = 0.0;
    let mut m = 0;
    while m < k {
        below += log_pmf.exp();
        if below > MISS {
            break;
        }
        m += 1;
        log_pmf += ((k - m + 1) as f64 / m as f64).ln() + log_q - log_rest;
    }
    m.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_misses_pairs_rarely() {
        let rule = SampleRule::of(4);
        // Few needed shingles: one sampled shingle is enough.
        assert_eq!(rule.fewest_samples(0), 1);
        assert_eq!(rule.fewest_samples(40), 1);
        // P(Bin(60, 1/4) = 0) = 3e-8 and P(<= 1) = 7e-7: two; P(<= 2) = 7e-6.
        assert_eq!(rule.fewest_samples(60), 2);
        let m = rule.fewest_samples(400);
        assert!((60..100).contains(&m), "{m}");
        assert!(rule.fewest_samples(1_000_000) >= rule.fewest_samples(RULE_SIZE - 1));
        assert_eq!(SampleRule::of(1).fewest_samples(37), 37);
        for k in [50, 100, 500] {
            let counts = (k..k + 50).map(|k| rule.fewest_samples(k));
            assert!(counts.clone().zip(counts.skip(1)).all(|(a, b)| a <= b));
        }
    }

    #[test]
    fn sampling_is_by_value() {
        let shingles = [3, 1 << 29, (1 << 30) - 1, 1 << 30, u32::MAX];
        assert_eq!(sampled(&shingles, 4), [3, 1 << 29, (1 << 30) - 1]);
        assert_eq!(sampled(&shingles, 1), shingles);
        assert_eq!(sampled(&shingles, 64), [3]);
    }
}
