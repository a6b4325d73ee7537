//! Exact similarity of two shingle sets (sorted, distinct hashes): Jaccard |A ∩ B| / |A ∪ B| and
//! containment of the smaller set in the larger |A ∩ B| / min(|A|, |B|), and the rule that says
//! whether a document is a near copy or a contained copy of another.
//!
//! Most candidates share a phrase and little else, so counting stops as soon as the pair cannot
//! reach the fewest shared shingles the rule needs ([`fewest_shared`]).

use super::options::DedupConfig;

/// How a document relates to the representative it joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    /// Containment of the smaller shingle set in the larger ≥ `containment`.
    Contained,
    /// Jaccard similarity ≥ `threshold` (preferred over containment).
    Near,
}

/// The exact similarities of a pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Similarity {
    pub jaccard: f64,
    pub containment: f64,
}

impl Similarity {
    /// The similarities of sets of `len_a` and `len_b` shingles sharing `shared`.
    pub fn of(shared: usize, len_a: usize, len_b: usize) -> Self {
        let smaller = len_a.min(len_b);
        if smaller == 0 {
            return Similarity {
                jaccard: 0.0,
                containment: 0.0,
            };
        }
        Similarity {
            jaccard: shared as f64 / (len_a + len_b - shared) as f64,
            containment: shared as f64 / smaller as f64,
        }
    }

    /// How the pair relates under `config`, with the similarity that decided it (Jaccard for a
    /// near copy, containment for a contained copy), or `None` when it is no copy.
    pub fn relation(&self, config: &DedupConfig) -> Option<(Relation, f64)> {
        if self.jaccard >= config.threshold {
            Some((Relation::Near, self.jaccard))
        } else if config.containment.is_some_and(|c| self.containment >= c) {
            Some((Relation::Contained, self.containment))
        } else {
            None
        }
    }
}

/// A lower bound of the shared shingles a pair of these sizes needs to be a copy under `config`
/// (at least 1): `threshold (|A| + |B|) / (1 + threshold)` for Jaccard, `containment min(|A|, |B|)`
/// for containment, whichever is smaller, rounded down.
pub fn fewest_shared(len_a: usize, len_b: usize, config: &DedupConfig) -> usize {
    let t = config.threshold;
    let by_jaccard = t * (len_a + len_b) as f64 / (1.0 + t);
    let by_containment = config
        .containment
        .map_or(f64::INFINITY, |c| c * len_a.min(len_b) as f64);
    (by_jaccard.min(by_containment).floor() as usize).max(1)
}

/// The size ratio above which each value of the smaller set is searched for in the larger
/// (exponential search from the last position) instead of walking both.
const GALLOP_RATIO: usize = 8;
/// Steps of the walk between two checks of the bound.
const STRIDE: usize = 32;

/// The number of values two sorted, distinct slices share, or `None` as soon as it is sure to
/// stay under `need`.
pub fn shared_at_least(a: &[u32], b: &[u32], need: usize) -> Option<usize> {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.len() < need {
        return None;
    }
    if small.len() * GALLOP_RATIO < large.len() {
        return shared_by_search(small, large, need);
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    loop {
        let left = (small.len() - i).min(large.len() - j);
        if shared + left < need {
            return None;
        }
        if left == 0 {
            return Some(shared);
        }
        // `left` steps cannot run past either end: each step advances i or j or both.
        for _ in 0..left.min(STRIDE) {
            let (x, y) = (small[i], large[j]);
            shared += usize::from(x == y);
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
    }
}

/// [`shared_at_least`] for a small set and a much larger one.
fn shared_by_search(small: &[u32], large: &[u32], need: usize) -> Option<usize> {
    let mut from = 0;
    let mut shared = 0;
    for (i, &x) in small.iter().enumerate() {
        if shared + (small.len() - i) < need {
            return None;
        }
        // Exponential search for the first value ≥ x at or after `from`.
        let mut step = 1;
        let mut to = from;
        while to < large.len() && large[to] < x {
            from = to + 1;
            to += step;
            step *= 2;
        }
        let to = to.min(large.len());
        let at = from + large[from..to].partition_point(|&v| v < x);
        if at == large.len() {
            break;
        }
        shared += usize::from(large[at] == x);
        from = at + usize::from(large[at] == x);
    }
    (shared >= need).then_some(shared)
}

/// The similarity of two shingle sets when they are copies under `config`.
pub fn compare(a: &[u32], b: &[u32], config: &DedupConfig) -> Option<Similarity> {
    let need = fewest_shared(a.len(), b.len(), config);
    let shared = shared_at_least(a, b, need)?;
    let similarity = Similarity::of(shared, a.len(), b.len());
    similarity.relation(config).map(|_| similarity)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(threshold: f64, containment: Option<f64>) -> DedupConfig {
        DedupConfig {
            threshold,
            containment,
            ..DedupConfig::default()
        }
    }

    fn brute_shared(a: &[u32], b: &[u32]) -> usize {
        a.iter().filter(|x| b.contains(x)).count()
    }

    #[test]
    fn counts_match_brute_force_or_stop_early() {
        let mut state = 7u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 40) as u32 % 3000
        };
        for round in 0..300 {
            let len_a = 1 + round % 50;
            let len_b = 1 + (round * 7) % 900;
            let mut a: Vec<u32> = (0..len_a).map(|_| next()).collect();
            let mut b: Vec<u32> = (0..len_b).map(|_| next()).collect();
            a.sort_unstable();
            a.dedup();
            b.sort_unstable();
            b.dedup();
            let truth = brute_shared(&a, &b);
            for need in [0, 1, truth, truth + 1, a.len().min(b.len())] {
                let got = shared_at_least(&a, &b, need);
                if truth >= need {
                    assert_eq!(got, Some(truth), "{a:?} {b:?} {need}");
                } else {
                    assert_eq!(got, None);
                }
                assert_eq!(shared_at_least(&b, &a, need), got);
            }
        }
    }

    #[test]
    fn the_rule_prefers_jaccard_and_never_reports_under_its_threshold() {
        let c = config(0.8, Some(0.6));
        // 8 of 10 shared with 10: J = 8/12, C = 0.8 -> contained.
        let s = Similarity::of(8, 10, 10);
        assert_eq!(s.relation(&c), Some((Relation::Contained, 0.8)));
        assert_eq!(s.relation(&config(0.8, None)), None);
        // 9 of 10: J = 9/11 -> near, with the Jaccard.
        let s = Similarity::of(9, 10, 10);
        assert_eq!(s.relation(&c), Some((Relation::Near, 9.0 / 11.0)));
        // A brief of 30 shingles inside a report of 5,000: containment at any length ratio.
        let s = Similarity::of(30, 30, 5000);
        assert_eq!(s.relation(&c), Some((Relation::Contained, 1.0)));
        for (a, b) in [(10, 10), (30, 5000), (1, 1), (7, 9), (400, 420)] {
            let need = fewest_shared(a, b, &c);
            for shared in 0..=a.min(b) {
                let passes = Similarity::of(shared, a, b).relation(&c).is_some();
                assert!(!passes || shared >= need, "{a} {b} {shared} {need}");
            }
        }
        let a: Vec<u32> = (0..100).collect();
        let b: Vec<u32> = (40..100).collect();
        let s = compare(&a, &b, &c).unwrap();
        assert_eq!((s.jaccard, s.containment), (0.6, 1.0));
        assert!(compare(&a, &b, &config(0.8, None)).is_none());
        assert!(compare(&a, &[], &c).is_none());
    }
}
