//! Fingerprints: what dedup keeps of a document. The hash of its normalised text (equal hashes
//! are exact copies) and the sorted, distinct 32-bit hashes of its word shingles, on which
//! Jaccard similarity and containment are computed exactly.
//!
//! A shingle hash is the low 32 bits of the 64-bit shingle hash (`shingle::shingle_hashes`, well
//! mixed). Two different shingles share a 32-bit hash with probability 2^-32: comparing a
//! document of 1,000 distinct shingles with another of 1,000, the expected number of spurious
//! shared hashes is 10^6 / 2^32 ≈ 0.0002, which moves a similarity by at most 1/1,000 in the rare
//! pair it touches.
//!
//! [`Fingerprints`] stores many documents in three flat arrays (no allocation per document).

use rayon::prelude::*;

use super::shingle::{exact_hash, normalize, shingle_hashes};
use crate::parallel::Progress;

/// Documents fingerprinted per parallel task: enough to amortise the task, few enough to balance.
const CHUNK: usize = 256;

/// The fingerprints of a sequence of documents: document `i` has the exact-text hash
/// `exact(i)` and the shingle hashes `shingles(i)` (sorted, distinct; empty when the document
/// has no words, or when its owner keeps no shingles for it).
#[derive(Debug, Clone, PartialEq)]
pub struct Fingerprints {
    exact: Vec<u64>,
    /// `offsets[i]..offsets[i + 1]` is document `i`'s range of `shingles`.
    offsets: Vec<u64>,
    shingles: Vec<u32>,
}

impl Default for Fingerprints {
    fn default() -> Self {
        Fingerprints {
            exact: Vec::new(),
            offsets: vec![0],
            shingles: Vec::new(),
        }
    }
}

impl Fingerprints {
    pub fn new() -> Self {
        Self::default()
    }

    /// Fingerprints of `texts` (`None` is a missing document: no words), computed in parallel on
    /// the current rayon pool; `progress` counts the documents done.
    pub fn of_texts(texts: &[Option<&str>], ngram: usize, progress: &Progress) -> Self {
        let parts: Vec<Fingerprints> = texts
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut part = Fingerprints::new();
                let mut scratch = Scratch::default();
                let mut distinct = Vec::new();
                for text in chunk {
                    let exact = fingerprint(*text, ngram, &mut scratch, &mut distinct);
                    part.push(exact, &distinct);
                }
                progress.add(chunk.len());
                part
            })
            .collect();
        let mut all = Fingerprints::new();
        all.reserve(
            texts.len(),
            parts.iter().map(|p| p.shingles.len()).sum::<usize>(),
        );
        for part in &parts {
            all.append(part);
        }
        all
    }

    pub fn len(&self) -> usize {
        self.exact.len()
    }

    pub fn is_empty(&self) -> bool {
        self.exact.is_empty()
    }

    pub fn exact(&self, doc: usize) -> u64 {
        self.exact[doc]
    }

    pub fn shingles(&self, doc: usize) -> &[u32] {
        &self.shingles[self.offsets[doc] as usize..self.offsets[doc + 1] as usize]
    }

    /// Room for `documents` more documents holding `shingles` more shingle hashes.
    pub fn reserve(&mut self, documents: usize, shingles: usize) {
        self.exact.reserve(documents);
        self.offsets.reserve(documents);
        self.shingles.reserve(shingles);
    }

    /// Adds a document: its exact hash and its shingle hashes (sorted and distinct).
    pub fn push(&mut self, exact: u64, shingles: &[u32]) {
        debug_assert!(shingles.windows(2).all(|w| w[0] < w[1]));
        self.exact.push(exact);
        self.shingles.extend_from_slice(shingles);
        self.offsets.push(self.shingles.len() as u64);
    }

    /// Adds every document of `other`, in order.
    pub fn append(&mut self, other: &Fingerprints) {
        let base = self.shingles.len() as u64;
        self.exact.extend_from_slice(&other.exact);
        self.shingles.extend_from_slice(&other.shingles);
        self.offsets
            .extend(other.offsets[1..].iter().map(|&offset| base + offset));
    }

    /// The flat arrays (exact hashes, offsets, shingles), for saving.
    pub fn parts(&self) -> (&[u64], &[u64], &[u32]) {
        (&self.exact, &self.offsets, &self.shingles)
    }

    /// Fingerprints from arrays read back, or `None` when they do not fit together (offsets
    /// not starting at 0, decreasing, or not ending at the end of the shingles; shingles of a
    /// document unsorted).
    pub fn from_parts(exact: Vec<u64>, offsets: Vec<u64>, shingles: Vec<u32>) -> Option<Self> {
        let fits = offsets.len() == exact.len() + 1
            && offsets.first() == Some(&0)
            && offsets.last() == Some(&(shingles.len() as u64))
            && offsets.windows(2).all(|w| w[0] <= w[1]);
        let fingerprints = Fingerprints {
            exact,
            offsets,
            shingles,
        };
        let sorted = fits
            && (0..fingerprints.len())
                .all(|doc| fingerprints.shingles(doc).windows(2).all(|w| w[0] < w[1]));
        sorted.then_some(fingerprints)
    }

    /// Bytes held (capacities, so what the allocator really gave).
    pub fn memory_bytes(&self) -> usize {
        self.exact.capacity() * 8 + self.offsets.capacity() * 8 + self.shingles.capacity() * 4
    }
}

/// Buffers reused from one document to the next.
#[derive(Debug, Default)]
pub struct Scratch {
    hashes: Vec<u64>,
    buckets: Vec<u32>,
}

/// The exact hash of `text`, and its sorted distinct 32-bit shingle hashes into `distinct`.
pub fn fingerprint(
    text: Option<&str>,
    ngram: usize,
    scratch: &mut Scratch,
    distinct: &mut Vec<u32>,
) -> u64 {
    let normalized = normalize(text.unwrap_or(""));
    shingle_hashes(&normalized, ngram, &mut scratch.hashes);
    sort_hashes(&scratch.hashes, &mut scratch.buckets, distinct);
    exact_hash(&normalized)
}

/// Documents with fewer shingles are sorted by comparisons.
const SMALL: usize = 64;
/// A bucket with more values than this (not expected of hashes) is sorted by comparisons.
const BUCKET: usize = 16;

/// The low 32 bits of `hashes`, sorted and distinct, into `out`. Hashes are uniform, so a
/// counting pass on their top bits spreads them over about one bucket per value; an insertion
/// sort then finishes each bucket (linear time, where a comparison sort costs n log n).
fn sort_hashes(hashes: &[u64], counts: &mut Vec<u32>, out: &mut Vec<u32>) {
    out.clear();
    if hashes.len() < SMALL {
        out.extend(hashes.iter().map(|&h| h as u32));
        out.sort_unstable();
        out.dedup();
        return;
    }
    let bits = hashes.len().next_power_of_two().trailing_zeros();
    let bucket = |h: u32| (h >> (32 - bits)) as usize;
    counts.clear();
    counts.resize((1 << bits) + 1, 0);
    for &h in hashes {
        counts[bucket(h as u32) + 1] += 1;
    }
    for b in 1..counts.len() {
        counts[b] += counts[b - 1];
    }
    out.resize(hashes.len(), 0);
    for &h in hashes {
        let slot = &mut counts[bucket(h as u32)];
        out[*slot as usize] = h as u32;
        *slot += 1;
    }
    // counts[b] now ends bucket b, so bucket b is counts[b - 1]..counts[b].
    let mut start = 0;
    for &end in &counts[..1 << bits] {
        let values = &mut out[start..end as usize];
        if values.len() > BUCKET {
            values.sort_unstable();
        } else {
            insertion_sort(values);
        }
        start = end as usize;
    }
    out.dedup();
}

fn insertion_sort(values: &mut [u32]) {
    for i in 1..values.len() {
        let value = values[i];
        let mut j = i;
        while j > 0 && values[j - 1] > value {
            values[j] = values[j - 1];
            j -= 1;
        }
        values[j] = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_sorted_shingles_and_exact_hashes() {
        let texts = [
            Some("one two three four five six one two three four five six"),
            None,
            Some("One  two three four five six one two three four five six\n"),
            Some(" -- "),
        ];
        let f = Fingerprints::of_texts(&texts, 5, &Progress::default());
        assert_eq!(f.len(), 4);
        // 8 windows, of which "one two three four five" and "two three four five six" repeat.
        assert_eq!(f.shingles(0).len(), 6);
        assert!(f.shingles(0).windows(2).all(|w| w[0] < w[1]));
        assert!(f.shingles(1).is_empty() && f.shingles(3).is_empty());
        assert_eq!(f.shingles(0), f.shingles(2));
        assert_ne!(f.exact(0), f.exact(2));
        let mut scratch = Scratch::default();
        let mut distinct = Vec::new();
        assert_eq!(
            fingerprint(texts[0], 5, &mut scratch, &mut distinct),
            f.exact(0)
        );
        assert_eq!(distinct, f.shingles(0));
    }

    #[test]
    fn hashes_sort_like_a_comparison_sort() {
        let mut state = 3u64;
        let mut counts = Vec::new();
        let mut out = Vec::new();
        for len in [0, 1, 63, 64, 65, 500, 4097] {
            let mut hashes: Vec<u64> = (0..len)
                .map(|_| {
                    state = crate::text::hash::fmix64(state.wrapping_add(1));
                    state
                })
                .collect();
            // Repeats, and a run of equal top bits (more than a bucket holds).
            hashes.extend_from_within(..len / 3);
            hashes.extend((0..40).map(|i| i as u64 + 7));
            let mut expected: Vec<u32> = hashes.iter().map(|&h| h as u32).collect();
            expected.sort_unstable();
            expected.dedup();
            sort_hashes(&hashes, &mut counts, &mut out);
            assert_eq!(out, expected, "{len}");
        }
    }

    #[test]
    fn appends_and_round_trips_through_parts() {
        let texts: Vec<String> = (0..600).map(|i| format!("w{i} a b c d e f")).collect();
        let borrowed: Vec<Option<&str>> = texts.iter().map(|t| Some(t.as_str())).collect();
        let all = Fingerprints::of_texts(&borrowed, 3, &Progress::default());
        let mut joined = Fingerprints::of_texts(&borrowed[..250], 3, &Progress::default());
        joined.append(&Fingerprints::of_texts(
            &borrowed[250..],
            3,
            &Progress::default(),
        ));
        assert_eq!(joined, all);
        let (exact, offsets, shingles) = all.parts();
        let back =
            Fingerprints::from_parts(exact.to_vec(), offsets.to_vec(), shingles.to_vec()).unwrap();
        assert_eq!(back, all);
        let mut bad = offsets.to_vec();
        bad[1] = bad[2] + 1;
        assert!(Fingerprints::from_parts(exact.to_vec(), bad, shingles.to_vec()).is_none());
        assert!(Fingerprints::from_parts(exact.to_vec(), offsets.to_vec(), vec![]).is_none());
    }
}
