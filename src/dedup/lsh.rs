//! LSH banding: which pairs of signatures become candidates.
//!
//! A signature of `num_perm` values is cut into `bands` bands of `rows` values. Two documents with
//! Jaccard similarity `s` agree on one band with probability `s^rows`, so they share at least one
//! band, and become a candidate pair, with probability
//!
//! ```text
//! P(s) = 1 - (1 - s^rows)^bands          (the S-curve)
//! ```
//!
//! [`LshParams::for_threshold`] picks the largest `rows` (fewest spurious candidates, since the
//! curve gets steeper) for which `P(target) >= 0.9` with `bands = num_perm / rows`. The target is
//! the lowest Jaccard a pair we want to find can have: the Jaccard threshold itself, or lower
//! when containment joins pairs (a reprint with a cut tail has a low Jaccard but a high
//! containment). For example with `num_perm = 128`: a target of 0.8 gives 16 bands of 8 rows
//! (P(0.8) = 0.947, P(0.5) = 0.06); a target of 0.43 gives 42 bands of 3 rows (P(0.43) = 0.96,
//! P(0.2) = 0.29, P(0.05) = 0.005); the default options (threshold 0.8, containment 0.6) give a
//! target of 0.29 and 64 bands of 2 rows (P(0.29) = 0.996, P(0.1) = 0.47, P(0.02) = 0.025). Each candidate is then verified on its estimated Jaccard and
//! containment, so spurious candidates cost time, never precision.

use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::text::hash::fmix64;

/// Probability that a candidate pair is found, required at the target similarity.
pub const REQUIRED_RECALL: f64 = 0.9;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LshParams {
    pub bands: usize,
    pub rows: usize,
}

impl LshParams {
    /// Bands and rows for `num_perm` permutations so that a pair at `target` Jaccard becomes a
    /// candidate with probability at least [`REQUIRED_RECALL`] (or as close as `num_perm`
    /// allows: with one row per band).
    pub fn for_threshold(target: f64, num_perm: usize) -> Self {
        let num_perm = num_perm.max(1);
        for rows in (1..=num_perm).rev() {
            let bands = num_perm / rows;
            if candidate_probability(target, bands, rows) >= REQUIRED_RECALL {
                return LshParams { bands, rows };
            }
        }
        LshParams {
            bands: num_perm,
            rows: 1,
        }
    }

    pub fn probability(&self, similarity: f64) -> f64 {
        candidate_probability(similarity, self.bands, self.rows)
    }

    /// The key of band `band` of `signature`.
    pub fn band_key(&self, signature: &[u16], band: usize) -> u64 {
        let values = &signature[band * self.rows..(band + 1) * self.rows];
        if values.len() <= 4 {
            // Up to four 16-bit values fit one u64 exactly; a full avalanche mix with the band
            // as seed is all the hashing they need.
            let packed = values
                .iter()
                .fold(0u64, |acc, &v| (acc << 16) | u64::from(v));
            return fmix64(
                packed ^ (band as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ values.len() as u64,
            );
        }
        let mut bytes = [0u8; 64];
        if values.len() * 2 <= bytes.len() {
            for (i, v) in values.iter().enumerate() {
                bytes[2 * i..2 * i + 2].copy_from_slice(&v.to_le_bytes());
            }
            xxh3_64_with_seed(&bytes[..values.len() * 2], band as u64)
        } else {
            let long: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
            xxh3_64_with_seed(&long, band as u64)
        }
    }
}

/// `1 - (1 - s^rows)^bands`.
pub fn candidate_probability(similarity: f64, bands: usize, rows: usize) -> f64 {
    let s = similarity.clamp(0.0, 1.0);
    1.0 - (1.0 - s.powi(rows as i32)).powi(bands as i32)
}

/// The lowest Jaccard of a pair whose shorter member (length ratio `length_ratio` to the longer)
/// has containment `containment` in the longer: `c r / (1 + r - c r)`.
pub fn jaccard_at_containment(containment: f64, length_ratio: f64) -> f64 {
    let cr = containment * length_ratio;
    cr / (1.0 + length_ratio - cr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        let p = LshParams::for_threshold(0.8, 128);
        assert_eq!(p, LshParams { bands: 16, rows: 8 });
        assert!(p.probability(0.8) >= 0.9);
        assert!(p.probability(0.5) < 0.1);
        let p = LshParams::for_threshold(0.43, 128);
        assert_eq!(p, LshParams { bands: 42, rows: 3 });
        let p = LshParams::for_threshold(jaccard_at_containment(0.6, 0.6), 128);
        assert_eq!(p, LshParams { bands: 64, rows: 2 });
    }

    #[test]
    fn always_meets_the_required_recall() {
        for num_perm in [16, 64, 128, 256] {
            for t in [0.3, 0.5, 0.7, 0.9, 0.99] {
                let p = LshParams::for_threshold(t, num_perm);
                assert!(p.bands * p.rows <= num_perm);
                assert!(p.probability(t) >= REQUIRED_RECALL, "{num_perm} {t} {p:?}");
            }
        }
    }

    #[test]
    fn containment_jaccard() {
        assert!((jaccard_at_containment(1.0, 1.0) - 1.0).abs() < 1e-12);
        assert!((jaccard_at_containment(0.8, 0.6) - 0.48 / 1.12).abs() < 1e-12);
    }
}
