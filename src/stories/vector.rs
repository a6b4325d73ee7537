//! Sparse term vectors: TF-IDF weights of an article, unit length, sorted by term hash so that
//! every sum runs in one order whatever order the articles came in.

use crate::error::{Error, Result};

/// A unit-length sparse vector of term weights, sorted by term hash (empty for an article
/// without terms).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermVector {
    terms: Vec<u64>,
    weights: Vec<f32>,
}

impl TermVector {
    /// The vector of term occurrences (hashes, with repeats): each term weighs
    /// `(1 + ln tf) · idf`, then the vector is scaled to unit length.
    pub fn weighted(mut occurrences: Vec<u64>, idf: impl Fn(u64) -> f32) -> Self {
        occurrences.sort_unstable();
        let mut terms = Vec::new();
        let mut weights = Vec::new();
        for run in occurrences.chunk_by(|a, b| a == b) {
            terms.push(run[0]);
            weights.push((1.0 + (run.len() as f32).ln()) * idf(run[0]));
        }
        TermVector { terms, weights }.unit()
    }

    /// A vector read back from its parts; they must be sorted by term, without repeats.
    pub fn from_parts(terms: Vec<u64>, weights: Vec<f32>) -> Result<Self> {
        if terms.len() != weights.len()
            || terms.windows(2).any(|w| w[0] >= w[1])
            || weights.iter().any(|w| !w.is_finite())
        {
            return Err(Error::Model("a term vector is malformed".into()));
        }
        Ok(TermVector { terms, weights })
    }

    fn unit(mut self) -> Self {
        let norm = self
            .weights
            .iter()
            .map(|&w| f64::from(w) * f64::from(w))
            .sum::<f64>()
            .sqrt();
        if norm > 0.0 {
            for w in &mut self.weights {
                *w = (f64::from(*w) / norm) as f32;
            }
        }
        self
    }

    pub fn terms(&self) -> &[u64] {
        &self.terms
    }

    pub fn weights(&self) -> &[f32] {
        &self.weights
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The cosine similarity of two unit vectors.
    pub fn dot(&self, other: &TermVector) -> f32 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0f64);
        while i < self.terms.len() && j < other.terms.len() {
            match self.terms[i].cmp(&other.terms[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += f64::from(self.weights[i]) * f64::from(other.weights[j]);
                    i += 1;
                    j += 1;
                }
            }
        }
        sum as f32
    }

    /// The `count` highest-weighted terms (ties to the smaller hash) with their weights,
    /// sorted by term. The order is total (terms are distinct), so selecting the first
    /// `count` (linear time) finds the terms a full sort would.
    pub fn top_terms(&self, count: usize) -> Vec<(u64, f32)> {
        // A weight as an integer ordered as `f32::total_cmp` orders weights.
        let rank = |w: f32| {
            let bits = w.to_bits() as i32;
            bits ^ ((((bits >> 31) as u32) >> 1) as i32)
        };
        let mut top: Vec<(u64, f32)> = self
            .terms
            .iter()
            .copied()
            .zip(self.weights.iter().copied())
            .collect();
        if count < top.len() {
            top.select_nth_unstable_by_key(count, |&(term, w)| (std::cmp::Reverse(rank(w)), term));
            top.truncate(count);
        }
        top.sort_unstable_by_key(|&(term, _)| term);
        top
    }

    /// The unit-length sum of `vectors` (a story's centre), summed in the order given.
    pub fn centre<'a>(vectors: impl IntoIterator<Item = &'a TermVector>) -> TermVector {
        let mut pairs: Vec<(u64, f32)> = vectors
            .into_iter()
            .flat_map(|v| v.terms.iter().copied().zip(v.weights.iter().copied()))
            .collect();
        // Stable: each term's weights keep the order of the vectors.
        pairs.sort_by_key(|&(term, _)| term);
        let mut out = TermVector::default();
        for run in pairs.chunk_by(|a, b| a.0 == b.0) {
            out.terms.push(run[0].0);
            out.weights
                .push(run.iter().map(|&(_, w)| f64::from(w)).sum::<f64>() as f32);
        }
        out.unit()
    }

    /// Bytes held (capacities).
    pub fn memory_bytes(&self) -> usize {
        self.terms.capacity() * 8 + self.weights.capacity() * 4
    }
}

/// One vector spread over a dense array indexed by term number (each index numbers its terms),
/// for its dot products with many others: each costs one array read per term of the other
/// vector. The products are summed in the other vector's term order, which is the order
/// [`TermVector::dot`] sums them in, so both give the same value.
#[derive(Debug, Clone, Default)]
pub struct Spread {
    weights: Vec<f32>,
    filled: Vec<u32>,
}

impl Spread {
    /// Spreads a vector given as `(term number, weight)` pairs (the array is reused).
    pub fn fill(&mut self, coded: &[(u32, f32)]) {
        for &n in &self.filled {
            self.weights[n as usize] = 0.0;
        }
        self.filled.clear();
        for &(n, w) in coded {
            if n as usize >= self.weights.len() {
                self.weights.resize(n as usize + 1, 0.0);
            }
            self.weights[n as usize] = w;
            self.filled.push(n);
        }
    }

    /// The dot product of the spread vector with a vector given as `(term number, weight)`.
    pub fn dot(&self, coded: &[(u32, f32)]) -> f32 {
        let mut sum = 0.0f64;
        for &(n, w) in coded {
            let mine = self.weights.get(n as usize).copied().unwrap_or(0.0);
            sum += f64::from(mine) * f64::from(w);
        }
        sum as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(terms: &[u64]) -> TermVector {
        TermVector::weighted(terms.to_vec(), |t| t as f32)
    }

    #[test]
    fn weights_are_sublinear_tf_times_idf_at_unit_length() {
        let v = vector(&[3, 1, 3, 3, 2]);
        assert_eq!(v.terms(), [1, 2, 3]);
        let raw = [1.0f32, 2.0, 3.0 * (1.0 + 3f32.ln())];
        let norm = raw.iter().map(|x| x * x).sum::<f32>().sqrt();
        for (w, r) in v.weights().iter().zip(raw) {
            assert!((w - r / norm).abs() < 1e-6);
        }
        assert!((v.dot(&v) - 1.0).abs() < 1e-6);
        assert!(vector(&[]).is_empty());
        assert_eq!(vector(&[]).dot(&v), 0.0);
    }

    #[test]
    fn dot_of_disjoint_and_shared_terms() {
        let a = vector(&[1, 2]);
        let b = vector(&[3, 4]);
        assert_eq!(a.dot(&b), 0.0);
        let c = vector(&[2, 5]);
        let expected = a.weights()[1] * c.weights()[0];
        assert!((a.dot(&c) - expected).abs() < 1e-7);
        assert!((a.dot(&c) - c.dot(&a)).abs() < 1e-9);
    }

    #[test]
    fn spread_dot_is_dot() {
        let hash = |t: u64| t.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let a = TermVector::weighted((0..300).map(hash).collect(), |_| 1.0);
        let b = TermVector::weighted((150..400).map(hash).collect(), |t| (t % 7) as f32 + 1.0);
        // Number the terms in any order.
        let mut numbering: Vec<u64> = a.terms().iter().chain(b.terms()).copied().collect();
        numbering.sort_unstable_by_key(|&t| t.rotate_left(17));
        numbering.dedup();
        let code = |v: &TermVector| -> Vec<(u32, f32)> {
            v.terms()
                .iter()
                .zip(v.weights())
                .map(|(t, &w)| (numbering.iter().position(|x| x == t).unwrap() as u32, w))
                .collect()
        };
        let (ca, cb) = (code(&a), code(&b));
        let mut spread = Spread::default();
        spread.fill(&ca);
        assert_eq!(spread.dot(&cb), a.dot(&b));
        assert!(a.dot(&b) > 0.0);
        spread.fill(&cb);
        assert_eq!(spread.dot(&ca), b.dot(&a));
        // Symmetric to the bit: the index takes a listed neighbour's cosine for either side.
        assert_eq!(a.dot(&b).to_bits(), b.dot(&a).to_bits());
        spread.fill(&[]);
        assert_eq!(spread.dot(&ca), 0.0);
    }

    #[test]
    fn top_terms_by_weight_then_hash() {
        let v = vector(&[5, 9, 9, 7, 7]);
        let terms = |count: usize| -> Vec<u64> { v.top_terms(count).iter().map(|t| t.0).collect() };
        assert_eq!(terms(1), [9]);
        assert_eq!(terms(2), [7, 9]);
        assert_eq!(terms(10), [5, 7, 9]);
        assert_eq!(v.top_terms(1)[0].1, v.weights()[2]);
    }

    #[test]
    fn top_terms_are_those_of_a_full_sort() {
        let hash = |t: u64| t.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        // Repeated terms and equal idfs: many equal weights, ties settled by the hash.
        let v = TermVector::weighted((0..400).map(|i| hash(i % 150)).collect(), |t| {
            (t % 5) as f32 + 1.0
        });
        let mut sorted: Vec<(u64, f32)> = v
            .terms()
            .iter()
            .copied()
            .zip(v.weights().iter().copied())
            .collect();
        sorted.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for count in [0, 1, 25, 149, 150, 151] {
            let mut expected = sorted[..count.min(sorted.len())].to_vec();
            expected.sort_unstable_by_key(|t| t.0);
            assert_eq!(v.top_terms(count), expected, "{count}");
        }
        // Signs and zeros order as `total_cmp` orders them.
        let odd = TermVector::from_parts(
            vec![1, 2, 3, 4, 5, 6],
            vec![-1.0, 0.0, -0.0, 0.5, -0.5, 0.25],
        )
        .unwrap();
        let terms =
            |count: usize| -> Vec<u64> { odd.top_terms(count).iter().map(|t| t.0).collect() };
        assert_eq!(terms(3), [2, 4, 6]);
        assert_eq!(terms(4), [2, 3, 4, 6]);
        assert_eq!(terms(5), [2, 3, 4, 5, 6]);
    }

    #[test]
    fn centre_is_the_unit_sum() {
        let a = vector(&[1, 2]);
        let b = vector(&[2, 3]);
        let centre = TermVector::centre([&a, &b]);
        assert_eq!(centre.terms(), [1, 2, 3]);
        assert!(centre.dot(&a) > a.dot(&b));
        assert!((centre.dot(&centre) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn parts_round_trip_and_checks() {
        let v = vector(&[4, 8]);
        let back = TermVector::from_parts(v.terms().to_vec(), v.weights().to_vec()).unwrap();
        assert_eq!(back, v);
        assert!(TermVector::from_parts(vec![8, 4], vec![0.5, 0.5]).is_err());
        assert!(TermVector::from_parts(vec![4], vec![]).is_err());
        assert!(TermVector::from_parts(vec![4], vec![f32::NAN]).is_err());
    }
}
