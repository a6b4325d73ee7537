//! The dedup index: signatures of every document seen so far, the verified pairs and the
//! clusters. It grows batch by batch (each batch is compared with itself and all earlier ones)
//! and saves to a small versioned binary file.
//!
//! Per document it keeps the exact-text hash (8 bytes), the number of distinct shingles (4),
//! the b-bit MinHash signature (2 bytes per permutation: 256 with the default 128), the
//! union-find parent (4) and its place in the exact-hash order (4): 276 bytes, plus 16 per
//! verified pair. LSH band tables are not stored: each `add` hashes the bands of
//! the new batch into a sorted table and probes it with the bands of the earlier documents, which
//! costs one band hash per earlier document and band, and keeps the index small.

use rayon::prelude::*;

use super::clusters::UnionFind;
use super::lsh::{jaccard_at_containment, LshParams};
use super::minhash::{containment_from_jaccard, estimated_jaccard, Permutations};
use super::options::DedupConfig;
use super::shingle::{exact_hash, normalize, shingle_hashes};
use crate::error::{Error, Result};
use crate::parallel::Progress;
use crate::persist::{read_file, Format, Reader, Writer};

/// The length ratio (shorter / longer shingle set) of the shortest reprint that containment is
/// meant to catch: a reprint keeping 60% of its original. LSH is tuned so that such a pair at the
/// containment threshold is still found with probability ≥ 0.9.
pub const REPRINT_LENGTH_RATIO: f64 = 0.6;
/// Containment joins a pair only when the shorter document has at least this many shingles and
/// at least half the length of the longer one: below that, the containment estimated from a
/// MinHash Jaccard is too noisy (a tiny text looks "contained" in anything), and short templated
/// notices ("Qtly div 10 cts vs 10 cts prior. Pay April 30") would join each other.
pub const MIN_SHINGLES_FOR_CONTAINMENT: u32 = 40;
pub const MIN_CONTAINMENT_LENGTH_RATIO: f64 = 0.5;
/// A band bucket larger than this pairs each member only with its first `BUCKET_CAP` members
/// (by document id): it bounds the work on templated texts, deterministically.
pub const BUCKET_CAP: usize = 64;

/// The saved index (see [`DedupIndex::to_bytes`]).
const FORMAT: Format = Format {
    magic: b"TIDINGS-DEDUP\0\0\x01",
    version: 1,
    name: "dedup index",
};

/// The Jaccard similarity LSH must catch with probability ≥ 0.9 (see `lsh`): the threshold, or
/// lower when containment must catch a reprint of [`REPRINT_LENGTH_RATIO`].
fn lsh_target(config: &DedupConfig) -> f64 {
    match config.containment {
        Some(c) => config
            .threshold
            .min(jaccard_at_containment(c, REPRINT_LENGTH_RATIO)),
        None => config.threshold,
    }
}

/// A verified pair (`a < b`, document ids) with its evidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub a: u32,
    pub b: u32,
    pub jaccard: f32,
    pub containment: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Alone in its cluster.
    Unique,
    /// Same normalised text as the cluster's representative.
    Exact,
    /// In a cluster, but not the representative's exact text.
    Near,
    /// No words at all (missing, empty, punctuation only): never joins a cluster.
    Empty,
}

impl Kind {
    /// Every kind, in the order of their codes.
    pub const ALL: [Kind; 4] = [Kind::Unique, Kind::Exact, Kind::Near, Kind::Empty];

    /// The kind's code: its position in [`Kind::ALL`] (the bindings pass kinds as bytes).
    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Unique => "unique",
            Kind::Exact => "exact",
            Kind::Near => "near",
            Kind::Empty => "empty",
        }
    }
}

/// Per-document cluster assignment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clusters {
    pub cluster: Vec<u32>,
    pub size: Vec<u32>,
    pub kind: Vec<Kind>,
    pub representative: Vec<u32>,
    pub similarity: Vec<f64>,
}

struct Sketch {
    exact: u64,
    size: u32,
    signature: Vec<u16>,
}

fn sketch(
    text: Option<&str>,
    config: &DedupConfig,
    perms: &Permutations,
    shingles: &mut Vec<u64>,
) -> Sketch {
    crate::parallel::checkpoint();
    let normalized = normalize(text.unwrap_or(""));
    shingle_hashes(&normalized, config.ngram, shingles);
    // MinHash ignores repeats; only the distinct count (for containment) needs them removed.
    let size = count_distinct(shingles);
    let mut signature = Vec::with_capacity(perms.len());
    perms.signature(shingles, &mut signature);
    Sketch {
        exact: exact_hash(&normalized),
        size,
        signature,
    }
}

/// Number of distinct values in `hashes` (already well-mixed hashes), by linear probing in a
/// table of twice their count: cheaper than sorting the few hundred shingles of an article.
fn count_distinct(hashes: &[u64]) -> u32 {
    if hashes.len() < 2 {
        return hashes.len() as u32;
    }
    let capacity = (hashes.len() * 2).next_power_of_two();
    let mask = capacity - 1;
    // 0 marks an empty slot; a hash that is 0 is counted apart.
    let mut table = vec![0u64; capacity];
    let mut distinct = 0u32;
    let mut zero_seen = false;
    for &h in hashes {
        if h == 0 {
            distinct += u32::from(!zero_seen);
            zero_seen = true;
            continue;
        }
        let mut slot = (h as usize) & mask;
        loop {
            let current = table[slot];
            if current == h {
                break;
            }
            if current == 0 {
                table[slot] = h;
                distinct += 1;
                break;
            }
            slot = (slot + 1) & mask;
        }
    }
    distinct
}

pub struct DedupIndex {
    config: DedupConfig,
    lsh: LshParams,
    perms: Permutations,
    exact: Vec<u64>,
    sizes: Vec<u32>,
    signatures: Vec<u16>,
    /// Documents with words, sorted by (exact hash, id): the first of each run of equal hashes
    /// is the first document with that text. 4 bytes a document, where a hash table would take ~20.
    exact_order: Vec<u32>,
    union_find: UnionFind,
    pairs: Vec<Pair>,
}

impl std::fmt::Debug for DedupIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DedupIndex")
            .field("config", &self.config)
            .field("lsh", &self.lsh)
            .field("documents", &self.len())
            .field("pairs", &self.pairs.len())
            .finish()
    }
}

impl DedupIndex {
    pub fn new(config: DedupConfig) -> Result<Self> {
        config.validate()?;
        Ok(DedupIndex {
            lsh: LshParams::for_threshold(lsh_target(&config), config.num_perm),
            perms: Permutations::new(config.num_perm),
            config,
            exact: Vec::new(),
            sizes: Vec::new(),
            signatures: Vec::new(),
            exact_order: Vec::new(),
            union_find: UnionFind::default(),
            pairs: Vec::new(),
        })
    }

    pub fn config(&self) -> &DedupConfig {
        &self.config
    }

    pub fn lsh(&self) -> LshParams {
        self.lsh
    }

    pub fn len(&self) -> usize {
        self.exact.len()
    }

    pub fn is_empty(&self) -> bool {
        self.exact.is_empty()
    }

    /// Verified pairs, sorted by `(a, b)`.
    pub fn pairs(&self) -> &[Pair] {
        &self.pairs
    }

    fn signature(&self, doc: u32) -> &[u16] {
        let n = self.config.num_perm;
        &self.signatures[doc as usize * n..(doc as usize + 1) * n]
    }

    /// The first document with each exact text, in id order.
    fn exact_firsts(&self) -> Vec<u32> {
        let mut firsts: Vec<u32> = self
            .exact_order
            .chunk_by(|&x, &y| self.exact[x as usize] == self.exact[y as usize])
            .map(|run| run[0])
            .collect();
        firsts.sort_unstable();
        firsts
    }

    fn signature_hash(&self, doc: u32) -> u64 {
        let bytes: Vec<u8> = self
            .signature(doc)
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        xxhash_rust::xxh3::xxh3_64(&bytes)
    }

    /// `docs` as `(signature hash, id)`, sorted.
    fn by_signature(&self, docs: &[u32]) -> Vec<(u64, u32)> {
        let mut keyed: Vec<(u64, u32)> = docs
            .par_iter()
            .map(|&d| (self.signature_hash(d), d))
            .collect();
        keyed.sort_unstable();
        keyed
    }

    /// The first document (smallest id) with exact hash `hash` among the earlier documents.
    fn first_with_hash(&self, hash: u64) -> Option<u32> {
        let at = self
            .exact_order
            .partition_point(|&d| self.exact[d as usize] < hash);
        self.exact_order
            .get(at)
            .copied()
            .filter(|&d| self.exact[d as usize] == hash)
    }

    /// Bytes held by the index (capacities, so what the allocator really gave).
    pub fn memory_bytes(&self) -> usize {
        self.exact.capacity() * 8
            + self.sizes.capacity() * 4
            + self.signatures.capacity() * 2
            + self.union_find.parents().len() * 4
            + self.exact_order.capacity() * 4
            + self.pairs.capacity() * std::mem::size_of::<Pair>()
    }

    /// Adds a batch (`None` = missing document), compares it with itself and every earlier
    /// document, and returns the id of its first document; the batch gets consecutive ids.
    /// Runs on the current rayon pool.
    pub fn add(&mut self, texts: &[Option<&str>]) -> Result<u32> {
        self.add_counted(texts, &Progress::default())
    }

    /// [`DedupIndex::add`], counting each sketched document in `progress`.
    pub fn add_counted(&mut self, texts: &[Option<&str>], progress: &Progress) -> Result<u32> {
        let start = self.len();
        if start + texts.len() >= u32::MAX as usize {
            return Err(Error::InvalidInput(format!(
                "a dedup index holds at most {} documents",
                u32::MAX - 1
            )));
        }
        let sketches: Vec<Sketch> = texts
            .par_iter()
            .map_init(Vec::new, |buffer, text| {
                let sketch = sketch(*text, &self.config, &self.perms, buffer);
                progress.add(1);
                sketch
            })
            .panic_fuse()
            .collect();
        self.exact.reserve_exact(sketches.len());
        self.sizes.reserve_exact(sketches.len());
        self.signatures
            .reserve_exact(sketches.len() * self.config.num_perm);
        for s in &sketches {
            self.exact.push(s.exact);
            self.sizes.push(s.size);
            self.signatures.extend_from_slice(&s.signature);
        }
        drop(sketches);
        self.union_find.grow(texts.len());
        let start = start as u32;
        let end = self.len() as u32;

        // Exact copies join the first document with their text; only that one takes part in LSH.
        // LSH members: the first document with each signature among the first ones with each
        // exact text. Documents with the same signature as a member (the same shingle set, e.g.
        // only case or punctuation differ) would verify against it with Jaccard 1 anyway; joining
        // them directly keeps LSH buckets of thousands of look-alike pages from exploding.
        let old_firsts = self.by_signature(&self.exact_firsts());
        let mut old_members: Vec<u32> = old_firsts
            .chunk_by(|x, y| x.0 == y.0)
            .map(|run| run[0].1)
            .collect();
        old_members.sort_unstable();
        let mut batch: Vec<u32> = (start..end)
            .filter(|&d| self.sizes[d as usize] > 0)
            .collect();
        batch.sort_unstable_by_key(|&d| (self.exact[d as usize], d));
        let mut new_firsts = Vec::new();
        let mut new_pairs = Vec::new();
        for run in batch.chunk_by(|&x, &y| self.exact[x as usize] == self.exact[y as usize]) {
            let first = match self.first_with_hash(self.exact[run[0] as usize]) {
                Some(earlier) => earlier,
                None => {
                    new_firsts.push(run[0]);
                    run[0]
                }
            };
            for &doc in run.iter().filter(|&&d| d != first) {
                new_pairs.push(Pair {
                    a: first,
                    b: doc,
                    jaccard: 1.0,
                    containment: 1.0,
                });
            }
        }
        self.merge_exact_order(batch);
        let mut new_members = Vec::new();
        for run in self.by_signature(&new_firsts).chunk_by(|x, y| x.0 == y.0) {
            let at = old_firsts.partition_point(|x| x.0 < run[0].0);
            let first = match old_firsts.get(at).filter(|x| x.0 == run[0].0) {
                Some(&(_, earlier)) => earlier,
                None => {
                    new_members.push(run[0].1);
                    run[0].1
                }
            };
            for &(_, doc) in run.iter().filter(|x| x.1 != first) {
                new_pairs.extend(self.verify((u64::from(first) << 32) | u64::from(doc)));
            }
        }
        new_members.sort_unstable();

        let candidates = self.candidates(&new_members, &old_members);
        let verified: Vec<Pair> = candidates
            .par_iter()
            .filter_map(|&packed| self.verify(packed))
            .collect();
        new_pairs.extend(verified);
        for pair in &new_pairs {
            self.union_find.union(pair.a, pair.b);
        }
        self.pairs.extend(new_pairs);
        self.pairs.sort_unstable_by_key(|p| (p.a, p.b));
        Ok(start)
    }

    /// Merges a batch sorted by (exact hash, id) into `exact_order`.
    fn merge_exact_order(&mut self, batch: Vec<u32>) {
        let key = |d: u32| (self.exact[d as usize], d);
        let mut merged = Vec::with_capacity(self.exact_order.len() + batch.len());
        let (mut i, mut j) = (0, 0);
        while i < self.exact_order.len() && j < batch.len() {
            if key(self.exact_order[i]) <= key(batch[j]) {
                merged.push(self.exact_order[i]);
                i += 1;
            } else {
                merged.push(batch[j]);
                j += 1;
            }
        }
        merged.extend_from_slice(&self.exact_order[i..]);
        merged.extend_from_slice(&batch[j..]);
        self.exact_order = merged;
    }

    /// Candidate pairs `(a << 32) | b` with `a < b`, sorted and unique.
    fn candidates(&self, new_members: &[u32], old_members: &[u32]) -> Vec<u64> {
        let lsh = self.lsh;
        // All band slots of a document are computed while its signature is in cache (one pass
        // over the signatures instead of one per band); row `i` holds document `i`'s slots.
        let slots = |docs: &[u32]| -> Vec<u64> {
            docs.par_iter()
                .flat_map_iter(|&d| {
                    let signature = self.signature(d);
                    (0..lsh.bands).map(move |band| band_slot(lsh.band_key(signature, band)))
                })
                .collect()
        };
        let new_slots = slots(new_members);
        let old_slots = slots(old_members);
        let per_band: Vec<Vec<u64>> = (0..lsh.bands)
            .into_par_iter()
            .map(|band| {
                // (upper 32 bits of the band key, doc) packed in a u64: sorts fast; a false
                // bucket collision only adds a candidate, which verification rejects.
                let mut table: Vec<u64> = new_members
                    .iter()
                    .enumerate()
                    .map(|(i, &d)| new_slots[i * lsh.bands + band] | u64::from(d))
                    .collect();
                table.sort_unstable();
                let mut out = Vec::new();
                for bucket in table.chunk_by(|x, y| x >> 32 == y >> 32) {
                    for (k, &b) in bucket.iter().enumerate().skip(1) {
                        for &a in &bucket[..k.min(BUCKET_CAP)] {
                            out.push(pack(a as u32, b as u32));
                        }
                    }
                }
                for (i, &a) in old_members.iter().enumerate() {
                    let slot = old_slots[i * lsh.bands + band];
                    let from = table.partition_point(|&x| x < slot);
                    for &b in table[from..]
                        .iter()
                        .take_while(|&&x| x >> 32 == slot >> 32)
                        .take(BUCKET_CAP)
                    {
                        out.push(pack(a, b as u32));
                    }
                }
                out
            })
            .collect();
        let mut all: Vec<u64> = per_band.concat();
        all.par_sort_unstable();
        all.dedup();
        all
    }

    fn verify(&self, packed: u64) -> Option<Pair> {
        let (a, b) = ((packed >> 32) as u32, packed as u32);
        let jaccard = estimated_jaccard(self.signature(a), self.signature(b));
        let (size_a, size_b) = (self.sizes[a as usize], self.sizes[b as usize]);
        let containment = containment_from_jaccard(jaccard, size_a, size_b);
        let (short, long) = (size_a.min(size_b), size_a.max(size_b));
        let contained = self.config.containment.is_some_and(|t| {
            containment >= t
                && short >= MIN_SHINGLES_FOR_CONTAINMENT
                && f64::from(short) >= MIN_CONTAINMENT_LENGTH_RATIO * f64::from(long)
        });
        (jaccard >= self.config.threshold || contained).then_some(Pair {
            a,
            b,
            jaccard: jaccard as f32,
            containment: containment as f32,
        })
    }

    /// Cluster assignment of every document. The representative of a cluster is the member with
    /// the smallest `(rank, id)`; without ranks, the smallest id (the first document).
    pub fn clusters(&self, rank: Option<&[u64]>) -> Result<Clusters> {
        let n = self.len();
        if let Some(rank) = rank {
            if rank.len() != n {
                return Err(Error::InvalidInput(format!(
                    "representative ranks have {} values for {n} documents",
                    rank.len()
                )));
            }
        }
        let mut union_find = self.union_find.clone();
        let cluster = union_find.roots();
        let mut size = vec![0u32; n];
        let mut representative: Vec<u32> = (0..n as u32).collect();
        let key = |d: u32| (rank.map_or(0, |r| r[d as usize]), d);
        for (doc, &root) in cluster.iter().enumerate() {
            let doc = doc as u32;
            size[root as usize] += 1;
            let current = representative[root as usize];
            if key(doc) < key(current) {
                representative[root as usize] = doc;
            }
        }
        let mut copies_of_representative = vec![0u32; n];
        for (doc, &root) in cluster.iter().enumerate() {
            let rep = representative[root as usize] as usize;
            if self.exact[doc] == self.exact[rep] {
                copies_of_representative[root as usize] += 1;
            }
        }
        let mut out = Clusters {
            cluster: cluster.clone(),
            size: cluster.iter().map(|&r| size[r as usize]).collect(),
            kind: Vec::with_capacity(n),
            representative: cluster
                .iter()
                .map(|&r| representative[r as usize])
                .collect(),
            similarity: Vec::with_capacity(n),
        };
        for (doc, &root) in cluster.iter().enumerate() {
            let root = root as usize;
            let rep = out.representative[doc] as usize;
            let (kind, similarity) = if self.sizes[doc] == 0 {
                (Kind::Empty, f64::NAN)
            } else if size[root] == 1 {
                (Kind::Unique, 1.0)
            } else if self.exact[doc] == self.exact[rep] {
                let kind = if doc != rep || copies_of_representative[root] > 1 {
                    Kind::Exact
                } else {
                    Kind::Near
                };
                (kind, 1.0)
            } else {
                (
                    Kind::Near,
                    estimated_jaccard(self.signature(doc as u32), self.signature(rep as u32)),
                )
            };
            out.kind.push(kind);
            out.similarity.push(similarity);
        }
        Ok(out)
    }

    /// The index as bytes (`persist` layout): options, counts, then the per-document arrays
    /// (exact hashes, shingle counts, signatures, union-find parents) and the pairs.
    pub fn to_bytes(&self) -> Vec<u8> {
        let n = self.len();
        let mut out = Writer::new(
            &FORMAT,
            48 + n * (16 + 2 * self.config.num_perm) + self.pairs.len() * 16,
        );
        out.put(self.config.num_perm as u32);
        out.put(self.config.ngram as u32);
        out.put(self.config.threshold);
        out.put(self.config.containment.unwrap_or(f64::NAN));
        out.put(n as u64);
        out.put(self.pairs.len() as u64);
        out.put_all(&self.exact);
        out.put_all(&self.sizes);
        out.put_all(&self.signatures);
        out.put_all(self.union_find.parents());
        for p in &self.pairs {
            out.put(p.a);
            out.put(p.b);
            out.put(p.jaccard);
            out.put(p.containment);
        }
        out.finish()
    }

    /// Reads an index written by [`DedupIndex::to_bytes`]. Anything else (another file, a cut
    /// or corrupted file, a future version) is an [`Error::Model`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let mut reader = Reader::open(bytes, &FORMAT)?;
        let num_perm = reader.get::<u32>()? as usize;
        let ngram = reader.get::<u32>()? as usize;
        let threshold = reader.get::<f64>()?;
        let containment = reader.get::<f64>()?;
        let config = DedupConfig {
            threshold,
            containment: (!containment.is_nan()).then_some(containment),
            num_perm,
            ngram,
        };
        config
            .validate()
            .map_err(|e| reader.invalid(&format!("bad options ({e})")))?;
        let n = reader.get_len()?;
        let n_pairs = reader.get_len()?;
        let expected = n
            .checked_mul(8 + 4 + 4 + 2 * num_perm)
            .and_then(|x| x.checked_add(n_pairs.checked_mul(16)?));
        if n >= u32::MAX as usize || expected != Some(reader.remaining()) {
            return Err(reader.invalid("the array sizes do not match the header"));
        }
        let exact: Vec<u64> = reader.get_all(n)?;
        let sizes: Vec<u32> = reader.get_all(n)?;
        let signatures: Vec<u16> = reader.get_all(n * num_perm)?;
        let parents: Vec<u32> = reader.get_all(n)?;
        if parents.iter().enumerate().any(|(i, &p)| p as usize > i) {
            return Err(reader.invalid("a cluster link points forward"));
        }
        let mut pairs = Vec::with_capacity(n_pairs);
        for _ in 0..n_pairs {
            let pair = Pair {
                a: reader.get()?,
                b: reader.get()?,
                jaccard: reader.get()?,
                containment: reader.get()?,
            };
            if pair.a >= pair.b || pair.b as usize >= n {
                return Err(reader.invalid("a pair names a document outside the index"));
            }
            pairs.push(pair);
        }
        reader.finish()?;
        let mut index = DedupIndex::new(config)?;
        let mut exact_order: Vec<u32> = (0..n as u32).filter(|&d| sizes[d as usize] > 0).collect();
        exact_order.sort_unstable_by_key(|&d| (exact[d as usize], d));
        index.exact_order = exact_order;
        index.exact = exact;
        index.sizes = sizes;
        index.signatures = signatures;
        index.union_find = UnionFind::from_parents(parents);
        index.pairs = pairs;
        Ok(index)
    }

    /// Reads an index saved to `path`, reading no more than the sizes its header declares (see
    /// [`read_file`]): a foreign file, a device or a pipe is refused without being read through.
    pub fn read_from(path: &std::path::Path) -> Result<Self> {
        // The options and the two counts before the arrays: 4 + 4 + 8 + 8 + 8 + 8 bytes.
        let bytes = read_file(path, &FORMAT, 40, |sizes| {
            let num_perm = sizes.get::<u32>()? as usize;
            let _ngram_threshold_containment = sizes.get_all::<u32>(5)?;
            let (n, n_pairs) = (sizes.get_len()?, sizes.get_len()?);
            n.checked_mul(8 + 4 + 4 + 2 * num_perm)
                .and_then(|x| x.checked_add(n_pairs.checked_mul(16)?))
                .filter(|_| n < u32::MAX as usize)
                .ok_or_else(|| sizes.invalid("a declared length is out of range"))
        })?;
        Self::from_bytes(&bytes)
    }
}

/// The upper 32 bits of a band key, in the upper half of a u64.
fn band_slot(key: u64) -> u64 {
    key & 0xFFFF_FFFF_0000_0000
}

/// A candidate pair `a < b` as one u64.
fn pack(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// One-shot dedup of `texts` (runs on the current rayon pool).
pub fn dedup(texts: &[Option<&str>], config: DedupConfig) -> Result<DedupIndex> {
    let mut index = DedupIndex::new(config)?;
    index.add(texts)?;
    Ok(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The central bank raised its main interest rate by a quarter point on Tuesday, \
        citing stubborn inflation in services and a tight labour market. Economists had expected \
        the move after a string of strong wage figures. The governor said further increases could \
        not be ruled out if prices kept rising faster than the target, but that the committee would \
        watch the effect on mortgages and business lending closely before acting again in spring.";
    const OTHER: &str = "Heavy rain flooded dozens of homes in the valley overnight and closed the \
        main road to the coast. Fire crews pumped water from basements until dawn while volunteers \
        filled sandbags at the village hall. Forecasters warned that another band of rain would \
        arrive on Thursday evening and urged people living near the river to move valuables upstairs.";

    fn run(texts: &[Option<&str>]) -> (DedupIndex, Clusters) {
        let index = dedup(texts, DedupConfig::default()).unwrap();
        let clusters = index.clusters(None).unwrap();
        (index, clusters)
    }

    #[test]
    fn exact_near_unique_and_empty() {
        let spaced = STORY.replace(". ", ".\n\n  ");
        let reprint = format!(
            "HOME | NEWS | WORLD\n{}\nShare this article",
            &STORY[..STORY.len() * 3 / 4]
        );
        let texts = [
            Some(STORY),
            Some(OTHER),
            Some(spaced.as_str()),
            None,
            Some(reprint.as_str()),
            Some(" -- "),
        ];
        let (index, c) = run(&texts);
        assert_eq!(c.cluster, vec![0, 1, 0, 3, 0, 5]);
        assert_eq!(c.size, vec![3, 1, 3, 1, 3, 1]);
        let kinds: Vec<&str> = c.kind.iter().map(|k| k.as_str()).collect();
        assert_eq!(
            kinds,
            ["exact", "unique", "exact", "empty", "near", "empty"]
        );
        assert_eq!(c.representative, vec![0, 1, 0, 3, 0, 5]);
        assert!(c.similarity[4] > 0.4 && c.similarity[4] < 1.0);
        assert!(c.similarity[3].is_nan());
        let pairs: Vec<(u32, u32)> = index.pairs().iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(pairs, vec![(0, 2), (0, 4)]);
        assert!(index.pairs()[1].containment > 0.8);
    }

    #[test]
    fn look_alike_pages_join_without_lsh_blowup() {
        let pages: Vec<String> = (0..3000)
            .map(|i| match i % 3 {
                0 => format!("Page not found{}", "!".repeat(i)),
                1 => format!("PAGE NOT FOUND{}", ".".repeat(i)),
                _ => format!("page, not found{}", "?".repeat(i)),
            })
            .collect();
        let texts: Vec<Option<&str>> = pages.iter().map(|p| Some(p.as_str())).collect();
        let mut index = DedupIndex::new(DedupConfig::default()).unwrap();
        index.add(&texts[..1000]).unwrap();
        index.add(&texts[1000..]).unwrap();
        let c = index.clusters(None).unwrap();
        assert!(c.cluster.iter().all(|&x| x == 0));
        assert_eq!(index.pairs().len(), 2999);
        assert_eq!(c.kind[1], Kind::Near);
    }

    #[test]
    fn ranks_choose_the_representative() {
        let texts = [Some(STORY), Some(STORY)];
        let index = dedup(&texts, DedupConfig::default()).unwrap();
        let c = index.clusters(Some(&[5, 1])).unwrap();
        assert_eq!(c.cluster, vec![0, 0]);
        assert_eq!(c.representative, vec![1, 1]);
        assert!(index.clusters(Some(&[1])).is_err());
    }

    #[test]
    fn batches_match_one_shot() {
        let reprint = format!("{} Copyright 2024.", STORY);
        let all = [
            Some(OTHER),
            Some(STORY),
            Some(OTHER),
            Some(reprint.as_str()),
        ];
        let (_, one_shot) = run(&all);
        let mut index = DedupIndex::new(DedupConfig::default()).unwrap();
        assert_eq!(index.add(&all[..2]).unwrap(), 0);
        assert_eq!(index.add(&all[2..]).unwrap(), 2);
        assert_eq!(index.clusters(None).unwrap(), one_shot);
    }

    #[test]
    fn save_load_round_trip_and_corruption() {
        let texts = [Some(STORY), Some(OTHER), Some(STORY)];
        let index = dedup(&texts, DedupConfig::default()).unwrap();
        let bytes = index.to_bytes();
        let loaded = DedupIndex::from_bytes(&bytes).unwrap();
        assert_eq!(
            loaded.clusters(None).unwrap(),
            index.clusters(None).unwrap()
        );
        assert_eq!(loaded.pairs(), index.pairs());
        assert_eq!(loaded.to_bytes(), bytes);
        for cut in [0, 5, 16, 30, bytes.len() - 1] {
            assert!(matches!(
                DedupIndex::from_bytes(&bytes[..cut]),
                Err(Error::Model(_))
            ));
        }
        let mut flipped = bytes.clone();
        flipped[40] ^= 1;
        assert!(matches!(
            DedupIndex::from_bytes(&flipped),
            Err(Error::Model(_))
        ));
        assert!(matches!(
            DedupIndex::from_bytes(b"PK\x03\x04 a zip file"),
            Err(Error::Model(_))
        ));
    }

    /// Saved indexes stay readable: the bytes of this index were written by the format's first
    /// implementation.
    #[test]
    fn saved_bytes_are_stable() {
        let story = "The central bank raised its main interest rate by a quarter point on \
            Tuesday, citing stubborn inflation in services and a tight labour market.";
        let texts = [
            Some(story),
            Some("Other text entirely, with words enough to shingle it."),
            Some(story),
            None,
        ];
        let config = DedupConfig {
            num_perm: 16,
            ..DedupConfig::default()
        };
        let bytes = dedup(&texts, config).unwrap().to_bytes();
        assert_eq!(bytes.len(), 276);
        assert_eq!(xxhash_rust::xxh3::xxh3_64(&bytes), 0x1357_09ca_7be1_668c);
    }

    #[test]
    fn counts_distinct_hashes() {
        assert_eq!(count_distinct(&[]), 0);
        assert_eq!(count_distinct(&[7]), 1);
        assert_eq!(count_distinct(&[0, 0, 5, 5, 5, 9, 0]), 3);
        let many: Vec<u64> = (0..5000u64)
            .map(|i| (i % 1234).wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        assert_eq!(count_distinct(&many), 1234);
    }

    #[test]
    fn bad_options() {
        for config in [
            DedupConfig {
                threshold: 0.0,
                ..DedupConfig::default()
            },
            DedupConfig {
                threshold: f64::NAN,
                ..DedupConfig::default()
            },
            DedupConfig {
                containment: Some(1.5),
                ..DedupConfig::default()
            },
            DedupConfig {
                num_perm: 0,
                ..DedupConfig::default()
            },
            DedupConfig {
                ngram: 0,
                ..DedupConfig::default()
            },
        ] {
            assert!(matches!(
                DedupIndex::new(config),
                Err(Error::InvalidInput(_))
            ));
        }
    }
}
