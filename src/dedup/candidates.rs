//! The candidates of a document: the earlier documents holding its sampled shingles, one entry
//! per shared sampled shingle, counted so that each distinct candidate comes once with the number
//! of sampled shingles it shares. Most documents have a few dozen entries, sorted by comparisons;
//! one sharing common phrases with thousands of others has tens of thousands, sorted by a radix
//! sort in linear time, or, when they are many for the size of the index, counted in a table with
//! a slot per document.

/// Entries beyond which the table of counts is used, when they are at least a quarter of the
/// documents (so clearing it costs no more than counting them).
const DENSE: usize = 4096;

/// Reusable buffers for the candidates of one document at a time.
#[derive(Debug, Default)]
pub struct Candidates {
    entries: Vec<u32>,
    scratch: Vec<u32>,
    counts: Vec<u32>,
    touched: Vec<u32>,
}

impl Candidates {
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The entries, to add to.
    pub fn entries(&mut self) -> &mut Vec<u32> {
        &mut self.entries
    }

    /// Calls `visit(doc, shared sampled shingles)` for each distinct candidate, by increasing
    /// id; every id is under `documents`.
    pub fn count(&mut self, documents: usize, mut visit: impl FnMut(u32, usize)) {
        if self.entries.len() > DENSE && self.entries.len() * 4 >= documents {
            self.counts.resize(documents.max(self.counts.len()), 0);
            for &doc in &self.entries {
                let count = &mut self.counts[doc as usize];
                if *count == 0 {
                    self.touched.push(doc);
                }
                *count += 1;
            }
            radix_sort(&mut self.touched, &mut self.scratch);
            for &doc in &self.touched {
                visit(doc, self.counts[doc as usize] as usize);
                self.counts[doc as usize] = 0;
            }
            self.touched.clear();
            return;
        }
        radix_sort(&mut self.entries, &mut self.scratch);
        for run in self.entries.chunk_by(|a, b| a == b) {
            visit(run[0], run.len());
        }
    }
}

/// Lists this short are sorted by comparisons.
const SMALL: usize = 512;
const BITS: u32 = 11;

/// Sorts `values`; `scratch` is reused between calls.
fn radix_sort(values: &mut [u32], scratch: &mut Vec<u32>) {
    if values.len() <= SMALL {
        values.sort_unstable();
        return;
    }
    scratch.clear();
    scratch.resize(values.len(), 0);
    let mut counts = vec![0usize; 1 << BITS];
    let mask = (1u32 << BITS) - 1;
    for pass in 0..3 {
        let shift = pass * BITS;
        let (from, to): (&mut [u32], &mut [u32]) = if pass % 2 == 0 {
            (values, scratch)
        } else {
            (scratch, values)
        };
        counts.iter_mut().for_each(|c| *c = 0);
        for &v in from.iter() {
            counts[((v >> shift) & mask) as usize] += 1;
        }
        let mut total = 0;
        for c in counts.iter_mut() {
            let n = *c;
            *c = total;
            total += n;
        }
        for &v in from.iter() {
            let slot = &mut counts[((v >> shift) & mask) as usize];
            to[*slot] = v;
            *slot += 1;
        }
    }
    // Three passes end in `scratch`.
    values.copy_from_slice(scratch);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted(candidates: &mut Candidates, documents: usize) -> Vec<(u32, usize)> {
        let mut out = Vec::new();
        candidates.count(documents, |doc, n| out.push((doc, n)));
        out
    }

    #[test]
    fn counts_each_candidate_once_in_order() {
        let mut candidates = Candidates::default();
        candidates.entries().extend([7, 3, 7, 9, 3, 7]);
        assert_eq!(counted(&mut candidates, 10), [(3, 2), (7, 3), (9, 1)]);
        // Many entries for few documents: the table of counts, left clean for the next.
        for round in 0..2 {
            candidates.clear();
            candidates
                .entries()
                .extend((0..20_000u32).map(|i| (i * 7919 + round) % 5000));
            let counts = counted(&mut candidates, 5000);
            assert_eq!(counts.len(), 5000);
            assert!(counts.windows(2).all(|w| w[0].0 < w[1].0));
            assert!(counts.iter().all(|&(_, n)| n == 4));
        }
        assert!(candidates.counts.iter().all(|&c| c == 0));
    }

    #[test]
    fn sorts_like_a_comparison_sort() {
        let mut state = 9u64;
        let mut scratch = Vec::new();
        for len in [0, 3, 512, 513, 5000] {
            let mut values: Vec<u32> = (0..len)
                .map(|i| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    if i % 7 == 0 {
                        u32::MAX
                    } else {
                        (state >> 33) as u32
                    }
                })
                .collect();
            let mut expected = values.clone();
            expected.sort_unstable();
            radix_sort(&mut values, &mut scratch);
            assert_eq!(values, expected);
        }
    }
}
