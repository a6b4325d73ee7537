//! MinHash signatures.
//!
//! Each distinct shingle is hashed once (xxh3, in `shingle`); the `num_perm` permutations are
//! then cheap multiply-shift functions of (the low 32 bits of) that hash,
//! `((x ^ salt_i) * mult_i) >> 32` computed as a 32×32→64-bit product, with salts and
//! multipliers drawn from a fixed seed, so signatures are the same on every machine
//! and in every run. The index stores the low 16 bits of each 32-bit minimum (b-bit minwise
//! hashing): two different minima agree in those bits with probability 2^-16, a bias far below
//! the sampling error of the estimate, and it halves the memory of the index.

/// Seed of the permutation parameters; changing it changes every signature (and the index
/// format version).
const PERMUTATION_SEED: u64 = 0x005e_ed0f_71d1_4e55;

/// The `num_perm` hash functions.
#[derive(Debug, Clone)]
pub struct Permutations {
    salts: Vec<u32>,
    multipliers: Vec<u32>,
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Permutations {
    pub fn new(num_perm: usize) -> Self {
        let mut state = PERMUTATION_SEED;
        let mut salts = Vec::with_capacity(num_perm);
        let mut multipliers = Vec::with_capacity(num_perm);
        for _ in 0..num_perm {
            salts.push(splitmix64(&mut state) as u32);
            multipliers.push((splitmix64(&mut state) as u32) | 1);
        }
        Permutations { salts, multipliers }
    }

    pub fn len(&self) -> usize {
        self.salts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.salts.is_empty()
    }

    /// The signature of a set of shingle hashes (repeats are harmless) into `out`
    /// (`num_perm` values). An empty set gives all `u16::MAX`; callers treat it apart.
    pub fn signature(&self, shingles: &[u64], out: &mut Vec<u16>) {
        let mut minima = vec![u32::MAX; self.len()];
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU has AVX2, checked just above.
                unsafe { minima_avx2(shingles, &self.salts, &self.multipliers, &mut minima) };
            } else {
                minima_portable(shingles, &self.salts, &self.multipliers, &mut minima);
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        minima_portable(shingles, &self.salts, &self.multipliers, &mut minima);
        out.clear();
        out.extend(minima.iter().map(|&m| m as u16));
    }
}

/// The permutation loop, written so the compiler vectorises it over permutations.
#[inline(always)]
fn minima_portable(shingles: &[u64], salts: &[u32], multipliers: &[u32], minima: &mut [u32]) {
    for &x in shingles {
        let x = x as u32;
        for ((min, &salt), &mult) in minima.iter_mut().zip(salts).zip(multipliers) {
            let value = ((u64::from(x ^ salt) * u64::from(mult)) >> 32) as u32;
            *min = (*min).min(value);
        }
    }
}

/// The same loop compiled for AVX2 (8 lanes), chosen at run time.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn minima_avx2(shingles: &[u64], salts: &[u32], multipliers: &[u32], minima: &mut [u32]) {
    minima_portable(shingles, salts, multipliers, minima);
}

/// Estimated Jaccard similarity of two signatures: the share of equal positions, corrected for
/// the 2^-16 chance that two different 16-bit minima agree.
pub fn estimated_jaccard(a: &[u16], b: &[u16]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    let share = equal as f64 / a.len() as f64;
    let chance = 1.0 / 65536.0;
    ((share - chance) / (1.0 - chance)).clamp(0.0, 1.0)
}

/// Containment of the smaller shingle set in the larger, from the estimated Jaccard `j` and the
/// set sizes: |A ∩ B| = j (|A| + |B|) / (1 + j).
pub fn containment_from_jaccard(jaccard: f64, size_a: u32, size_b: u32) -> f64 {
    let smaller = size_a.min(size_b);
    if smaller == 0 {
        return 0.0;
    }
    let intersection = jaccard * (f64::from(size_a) + f64::from(size_b)) / (1.0 + jaccard);
    (intersection / f64::from(smaller)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(range: std::ops::Range<u64>) -> Vec<u64> {
        range
            .map(|i| xxhash_rust::xxh3::xxh3_64(&i.to_le_bytes()))
            .collect()
    }

    #[test]
    fn fixed_seed_and_identical_sets() {
        let p = Permutations::new(64);
        let mut a = Vec::new();
        let mut b = Vec::new();
        p.signature(&set(0..100), &mut a);
        Permutations::new(64).signature(&set(0..100), &mut b);
        assert_eq!(a, b);
        assert_eq!(estimated_jaccard(&a, &b), 1.0);
    }

    #[test]
    fn estimate_is_close_to_true_jaccard() {
        let p = Permutations::new(512);
        let mut a = Vec::new();
        let mut b = Vec::new();
        // |A ∩ B| = 600, |A ∪ B| = 1000: J = 0.6
        p.signature(&set(0..800), &mut a);
        p.signature(&set(200..1000), &mut b);
        let j = estimated_jaccard(&a, &b);
        assert!((j - 0.6).abs() < 0.07, "estimate {j}");
        let c = containment_from_jaccard(0.6, 800, 800);
        assert!((c - 0.75).abs() < 1e-9);
        p.signature(&set(5000..6000), &mut b);
        assert!(estimated_jaccard(&a, &b) < 0.05);
    }
}
