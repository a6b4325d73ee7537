//! The rule that pairs two documents for comparison: how many sampled shingles a candidate must
//! share with a document (by their sizes and the threshold), then the exact comparison. The
//! index counts shared samples through its postings, a cluster through a shuffle; both ask here.

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
