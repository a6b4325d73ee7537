//! The dedup index: documents decided one after the other, in the order they are added, against
//! the documents added before them. It grows batch by batch and saves to a versioned file.
//!
//! How a document is decided:
//! - no words: kind `empty`, alone, never compared;
//! - the same normalised text as an earlier document (equal exact hashes): an exact copy, in the
//!   cluster of the first document with that text, with that document's relation to the
//!   representative (kind `exact` when it is the representative's own text);
//! - else it is compared, exactly, with the earlier indexed documents that share enough sampled
//!   shingles with it (`sampling`, `postings`), and joins the best representative it is a copy
//!   of: a near copy (Jaccard ≥ `threshold`) before a contained copy (containment ≥
//!   `containment`), then the highest similarity, then the smallest id;
//! - else it becomes a representative.
//!
//! A document joins a representative only, never a member (no chaining), and its assignment never
//! changes afterwards. So any split of the same documents into batches gives the same result as
//! one batch, and the work of a batch is in proportion to the batch. Documents are compared with
//! the index in parallel, in blocks of [`BLOCK`]; then, in order, each is compared with the
//! block's earlier documents and decided, so the thread count changes nothing either.
//!
//! What is indexed: with `every_text`, every document with a new text (so the pairs table holds
//! every verified pair, members with members too); else only the representatives (the clusters
//! are the same, a document's many copies cost one comparison each instead of one per earlier
//! copy, and the pairs table holds each document's pairs with representatives).
//!
//! Memory, per document: its exact hash and shingle range (16 bytes), its representative, kind,
//! similarity and cluster size (17), and a slot of the exact-text table (about 20); per indexed
//! document, 4 bytes per distinct shingle, and per sampled shingle a slot of the postings table
//! (9 to 18 bytes) and, when several documents hold it, a posting (8). 24 bytes per pair.

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::batch_pairs::BatchPairs;
use super::candidates::Candidates;
use super::fingerprint::Fingerprints;
use super::options::DedupConfig;
use super::pairing::{paired, verified};
use super::postings::{Change, Postings, MAX_DOCUMENTS};
use super::sampling::sampled;
use super::similarity::{Relation, Similarity};
use crate::error::{Error, Result};
use crate::parallel::Progress;
use crate::persist::{read_file, Format, Reader, Writer};

/// Documents compared in parallel before their decisions are taken in order. Any size gives the
/// same result; this one keeps the threads busy and the work done twice (in reps-only mode,
/// comparisons with earlier documents of the same block) small.
pub const BLOCK: usize = 1024;

/// The saved index (see [`DedupIndex::to_bytes`]). Version 2: exact shingle sets instead of
/// MinHash signatures, and decisions instead of union-find links. Version 3: shingles of the text
/// without its page chrome (`chrome`).
const FORMAT: Format = Format {
    magic: b"TIDINGS-DEDUP\0\0\x01",
    version: 3,
    name: "dedup index",
};

/// A verified pair: `a` was decided before `b`; exact similarities.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub a: u32,
    pub b: u32,
    pub jaccard: f64,
    pub containment: f64,
}

/// How a document stands in its cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Alone in its cluster (so far).
    Unique,
    /// The representative's own normalised text (or, for the representative, it has such a copy).
    Exact,
    /// Jaccard similarity to the representative ≥ `threshold`.
    Near,
    /// Containment ≥ `containment` (and Jaccard under `threshold`).
    Contained,
    /// No words at all (missing, empty, punctuation only): never joins a cluster.
    Empty,
}

impl Kind {
    /// Every kind, in the order of their codes.
    pub const ALL: [Kind; 5] = [
        Kind::Unique,
        Kind::Exact,
        Kind::Near,
        Kind::Contained,
        Kind::Empty,
    ];

    /// The kind's code: its position in [`Kind::ALL`] (the bindings pass kinds as bytes).
    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: u8) -> Option<Kind> {
        Kind::ALL.get(usize::from(code)).copied()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Unique => "unique",
            Kind::Exact => "exact",
            Kind::Near => "near",
            Kind::Contained => "contained",
            Kind::Empty => "empty",
        }
    }

    fn of(relation: Relation) -> Kind {
        match relation {
            Relation::Near => Kind::Near,
            Relation::Contained => Kind::Contained,
        }
    }

    /// How close a member of this kind is to its representative: a representative takes the
    /// kind of its closest member.
    fn closeness(self) -> u8 {
        match self {
            Kind::Empty | Kind::Unique => 0,
            Kind::Contained => 1,
            Kind::Near => 2,
            Kind::Exact => 3,
        }
    }
}

/// Per-document cluster assignment.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    /// The representative's id (a representative's own id).
    pub representative: Vec<u32>,
    /// Documents in the cluster.
    pub size: Vec<u32>,
    /// A member's relation to its representative; a representative takes its closest member's
    /// kind (`unique` when alone).
    pub kind: Vec<Kind>,
    /// Similarity to the representative by which the document joined (Jaccard for `near`,
    /// containment for `contained`, 1 for `exact` and representatives, NaN for `empty`).
    pub similarity: Vec<f64>,
}

/// Equal assignments: similarities compare bit for bit, so the NaN of `empty` equals itself.
impl PartialEq for Clusters {
    fn eq(&self, other: &Self) -> bool {
        let bits = |c: &Clusters| c.similarity.iter().map(|s| s.to_bits()).collect::<Vec<_>>();
        self.representative == other.representative
            && self.size == other.size
            && self.kind == other.kind
            && bits(self) == bits(other)
    }
}

/// What happens to a document of a block before the comparisons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Empty,
    /// An exact copy of this earlier document.
    Copy(u32),
    /// A new text, to compare.
    New,
}

/// A candidate that passed the comparison.
#[derive(Debug, Clone, Copy)]
struct Match {
    doc: u32,
    similarity: Similarity,
}

/// A block of documents being added: their ids start at `base`; `order[i]` is the position in
/// `batch` of the block's document `i`. The documents of the whole call (`call`, ids from
/// `start`) are read in `batch`: the index keeps their shingles only once the call is done.
/// With `pairs`, the candidates within the call come from them instead of the postings.
struct Block<'a> {
    batch: &'a Fingerprints,
    call: &'a [u32],
    start: u32,
    order: &'a [u32],
    base: u32,
    pairs: Option<&'a BatchPairs>,
    roles: Vec<Role>,
}

impl Block<'_> {
    fn shingles(&self, i: usize) -> &[u32] {
        self.batch.shingles(self.order[i] as usize)
    }
}

pub struct DedupIndex {
    config: DedupConfig,
    every_text: bool,
    representative: Vec<u32>,
    kind: Vec<Kind>,
    similarity: Vec<f64>,
    /// Documents in the cluster a representative leads (1 for members).
    size: Vec<u32>,
    /// Exact hash of every document; shingles of the indexed ones.
    texts: Fingerprints,
    first_with_text: FxHashMap<u64, u32>,
    postings: Postings,
    pairs: Vec<Pair>,
    /// Whether later calls may add documents: else a call whose pairs come from the prefix join
    /// (`batch_pairs`) fills no postings, which only later calls would read.
    lasting: bool,
}

impl std::fmt::Debug for DedupIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DedupIndex")
            .field("config", &self.config)
            .field("every_text", &self.every_text)
            .field("documents", &self.len())
            .field("pairs", &self.pairs.len())
            .finish()
    }
}

impl DedupIndex {
    /// An empty index; `every_text` indexes every new text (complete pairs), else only
    /// representatives (see the module docs).
    pub fn new(config: DedupConfig, every_text: bool) -> Result<Self> {
        config.validate()?;
        Ok(DedupIndex {
            config,
            every_text,
            representative: Vec::new(),
            kind: Vec::new(),
            similarity: Vec::new(),
            size: Vec::new(),
            texts: Fingerprints::new(),
            first_with_text: FxHashMap::default(),
            postings: Postings::default(),
            pairs: Vec::new(),
            lasting: true,
        })
    }

    pub fn config(&self) -> &DedupConfig {
        &self.config
    }

    /// Whether every new text is indexed (so [`DedupIndex::pairs`] is complete).
    pub fn every_text(&self) -> bool {
        self.every_text
    }

    pub fn len(&self) -> usize {
        self.representative.len()
    }

    pub fn is_empty(&self) -> bool {
        self.representative.is_empty()
    }

    /// Verified pairs in the order found: by the later document, then the earlier. An exact
    /// copy is paired with the first document with its text only.
    pub fn pairs(&self) -> &[Pair] {
        &self.pairs
    }

    /// Bytes held by the index (capacities, so what the allocator really gave).
    pub fn memory_bytes(&self) -> usize {
        self.representative.capacity() * 4
            + self.kind.capacity()
            + self.similarity.capacity() * 8
            + self.size.capacity() * 4
            + self.texts.memory_bytes()
            + self.first_with_text.capacity() * 13
            + self.postings.memory_bytes()
            + self.pairs.capacity() * std::mem::size_of::<Pair>()
    }

    /// Adds a batch (`None` = missing document) and decides it; the batch gets consecutive ids,
    /// the first of which is returned. Runs on the current rayon pool.
    pub fn add(&mut self, texts: &[Option<&str>]) -> Result<u32> {
        self.add_counted(texts, &Progress::default())
    }

    /// [`DedupIndex::add`], counting each fingerprinted document in `progress`.
    pub fn add_counted(&mut self, texts: &[Option<&str>], progress: &Progress) -> Result<u32> {
        let batch = Fingerprints::of_texts(texts, self.config.ngram, progress);
        let order: Vec<u32> = (0..batch.len() as u32).collect();
        self.add_fingerprints(&batch, &order)
    }

    /// Adds the documents `order` of `batch` (positions), in that order, and decides them;
    /// returns the id of the first. The fingerprints must use this index's `ngram`.
    pub fn add_fingerprints(&mut self, batch: &Fingerprints, order: &[u32]) -> Result<u32> {
        let start = self.len();
        let indexed = self.decide_call(batch, order)?;
        // Then the texts of the call, the shingles of the indexed ones (copies are few).
        let shingles = order.iter().zip(&indexed).filter(|(_, &kept)| kept);
        let shingles = shingles.map(|(&p, _)| batch.shingles(p as usize).len());
        self.texts.reserve(order.len(), shingles.sum());
        for (&p, &kept) in order.iter().zip(&indexed) {
            let shingles = if kept {
                batch.shingles(p as usize)
            } else {
                &[]
            };
            self.texts.push(batch.exact(p as usize), shingles);
        }
        Ok(start as u32)
    }

    /// The decisions and the pairs of the documents `order` of `batch` (as positions, like
    /// [`DedupIndex::add_fingerprints`] of a new index), without a copy of their shingles: the
    /// batch holds them while they are decided, and the index is dropped after.
    pub fn decide_batch(
        config: DedupConfig,
        every_text: bool,
        batch: &Fingerprints,
        order: &[u32],
    ) -> Result<(Clusters, Vec<Pair>)> {
        let mut index = DedupIndex::new(config, every_text)?;
        index.lasting = false;
        index.decide_call(batch, order)?;
        Ok((index.clusters(0..order.len())?, index.pairs))
    }

    /// The decisions and pairs of `n` documents, decided in their order, whose verified pairs
    /// are known already (`matches`: `later << 32 | earlier` with their similarity, sorted; the
    /// pairs of every new text with the earlier ones), as [`DedupIndex::decide_batch`] with
    /// every text indexed takes them. `exact(d)` and `empty(d)` (no shingles) of document `d`.
    pub(crate) fn decide_verified(
        config: DedupConfig,
        n: usize,
        exact: impl Fn(usize) -> u64,
        empty: impl Fn(usize) -> bool,
        matches: &[(u64, Similarity)],
    ) -> Result<(Clusters, Vec<Pair>)> {
        let mut index = DedupIndex::new(config, true)?;
        index.lasting = false;
        let mut next = 0;
        for id in 0..n as u32 {
            let start = next;
            while next < matches.len() && (matches[next].0 >> 32) as u32 == id {
                next += 1;
            }
            if empty(id as usize) {
                index.push(id, Kind::Empty, f64::NAN);
                continue;
            }
            let first = *index
                .first_with_text
                .entry(exact(id as usize))
                .or_insert(id);
            if first != id {
                index.push_copy(id, first);
                continue;
            }
            let found: Vec<Match> = matches[start..next]
                .iter()
                .map(|&(key, similarity)| Match {
                    doc: key as u32,
                    similarity,
                })
                .collect();
            index.decide(id, &found);
        }
        Ok((index.clusters(0..n)?, index.pairs))
    }

    /// Decides the documents `order` of `batch`, block by block; returns whether each stays
    /// indexed. Their texts are not stored yet: the blocks read them in `batch`.
    fn decide_call(&mut self, batch: &Fingerprints, order: &[u32]) -> Result<Vec<bool>> {
        let start = self.len();
        if start + order.len() > MAX_DOCUMENTS {
            return Err(Error::InvalidInput(format!(
                "a dedup index holds at most {MAX_DOCUMENTS} documents"
            )));
        }
        if order.iter().any(|&p| p as usize >= batch.len()) {
            return Err(Error::Internal("a document outside the batch".into()));
        }
        let pairs = self.batch_pairs(batch, order);
        self.representative.reserve(order.len());
        self.kind.reserve(order.len());
        self.similarity.reserve(order.len());
        self.size.reserve(order.len());
        // A one-shot call's index is dropped after it: its postings are sized once for every
        // sampled shingle of the call, an upper bound on those indexed, instead of growing
        // (and moving every entry) as they come, one document after the other.
        if !self.lasting && pairs.is_none() {
            let sample = self.config.sample;
            let each = order
                .iter()
                .map(|&p| sampled(batch.shingles(p as usize), sample).len());
            self.postings.reserve(each.sum());
        }
        let mut indexed = Vec::with_capacity(order.len());
        for block in order.chunks(BLOCK) {
            let call = (order, start as u32, pairs.as_ref());
            indexed.extend(self.add_block(batch, call, block)?);
        }
        Ok(indexed)
    }

    /// The candidate pairs within a batch (positions in `order`) of the new texts, when common
    /// phrases make the prefix join cheaper than the postings (`batch_pairs`).
    fn batch_pairs(&self, batch: &Fingerprints, order: &[u32]) -> Option<BatchPairs> {
        let mut texts = FxHashSet::default();
        let joins: Vec<bool> = order
            .iter()
            .map(|&p| {
                let (exact, p) = (batch.exact(p as usize), p as usize);
                !batch.shingles(p).is_empty()
                    && !self.first_with_text.contains_key(&exact)
                    && texts.insert(exact)
            })
            .collect();
        let shingles = |i: usize| batch.shingles(order[i] as usize);
        BatchPairs::of(order.len(), shingles, &joins, &self.config)
    }

    /// Adds a block of the call (`call`: its documents, the id of its first and its pairs):
    /// finds the exact copies, compares the new texts with the documents indexed before the
    /// block (in parallel), then decides each document in order; returns whether each stays
    /// indexed.
    fn add_block(
        &mut self,
        batch: &Fingerprints,
        (call, start, pairs): (&[u32], u32, Option<&BatchPairs>),
        order: &[u32],
    ) -> Result<Vec<bool>> {
        let base = self.len() as u32;
        let block = Block {
            batch,
            call,
            start,
            order,
            base,
            pairs,
            roles: self.roles(batch, order, base),
        };
        let found: Vec<Vec<Match>> = (0..order.len())
            .into_par_iter()
            .map_init(Candidates::default, |candidates, i| {
                self.compare_with_indexed(&block, i, candidates)
            })
            .collect();
        // Reused from one new text to the next: most have a few dozen of each.
        let (mut candidates, mut changes) = (Candidates::default(), Vec::new());
        let mut kept = Vec::with_capacity(order.len());
        for (i, matches) in found.into_iter().enumerate() {
            let id = base + i as u32;
            // The next new text's slots come in while this one is decided.
            if block.roles.get(i + 1) == Some(&Role::New) {
                self.prefetch(block.shingles(i + 1));
            }
            let indexed = match block.roles[i] {
                Role::Empty => {
                    self.push(id, Kind::Empty, f64::NAN);
                    false
                }
                Role::Copy(first) => {
                    self.push_copy(id, first);
                    false
                }
                Role::New => {
                    let scratch = (&mut candidates, &mut changes);
                    self.add_new_text(&block, i, matches, scratch)?
                }
            };
            kept.push(indexed);
        }
        Ok(kept)
    }

    /// What each document of a block is (an exact copy when an earlier document, in the index
    /// or the block, has its text); records the block's new texts in the exact-text table.
    fn roles(&mut self, batch: &Fingerprints, order: &[u32], base: u32) -> Vec<Role> {
        let mut roles = Vec::with_capacity(order.len());
        for (i, &p) in order.iter().enumerate() {
            let id = base + i as u32;
            if batch.shingles(p as usize).is_empty() {
                roles.push(Role::Empty);
                continue;
            }
            let first = *self
                .first_with_text
                .entry(batch.exact(p as usize))
                .or_insert(id);
            roles.push(if first == id {
                Role::New
            } else {
                Role::Copy(first)
            });
        }
        roles
    }

    /// Decides the block's new text `i`, given its `matches` with the documents indexed before
    /// the block. It is indexed first: the postings it joins list the block's earlier indexed
    /// documents that share its sampled shingles, which it is compared with too. With
    /// representatives only, it leaves the index again when it joined a cluster. Returns whether
    /// it stays indexed.
    fn add_new_text(
        &mut self,
        block: &Block<'_>,
        i: usize,
        mut matches: Vec<Match>,
        (candidates, changes): (&mut Candidates, &mut Vec<Change>),
    ) -> Result<bool> {
        let id = block.base + i as u32;
        let shingles = block.shingles(i);
        changes.clear();
        candidates.clear();
        // With the batch's pairs, the holders are not needed.
        let from = if block.pairs.is_some() {
            u32::MAX
        } else {
            block.base
        };
        if self.lasting || block.pairs.is_none() {
            for &shingle in sampled(shingles, self.config.sample) {
                let holders = candidates.entries();
                changes.push(self.postings.insert(shingle, id, from, holders)?);
            }
        }
        matches.extend(self.verify(block, shingles, candidates));
        matches.extend(self.joined(block, i, block.base..id));
        self.decide(id, &matches);
        let indexed = self.every_text || self.representative[id as usize] == id;
        if !indexed {
            self.postings.undo(changes);
        }
        Ok(indexed)
    }

    /// Starts fetching the postings' slots of the sampled `shingles`, to be looked up soon.
    fn prefetch(&self, shingles: &[u32]) {
        for &s in sampled(shingles, self.config.sample) {
            self.postings.prefetch(s);
        }
    }

    /// Whether the call's document `doc`, decided before, stayed indexed: a new text (the first
    /// with its words) that is kept as every text or as its cluster's representative.
    fn stays_indexed(&self, block: &Block<'_>, doc: u32) -> bool {
        let p = block.call[(doc - block.start) as usize] as usize;
        self.first_with_text.get(&block.batch.exact(p)) == Some(&doc)
            && (self.every_text || self.representative[doc as usize] == doc)
    }

    /// The shingles of document `doc`: indexed before the call, or in the call's batch.
    fn shingles_of<'a>(&'a self, block: &'a Block<'_>, doc: u32) -> &'a [u32] {
        if doc < block.start {
            self.texts.shingles(doc as usize)
        } else {
            block
                .batch
                .shingles(block.call[(doc - block.start) as usize] as usize)
        }
    }

    /// Compares the block's document `i` (if a new text) with the documents indexed before the
    /// block; keeps the copies.
    fn compare_with_indexed(
        &self,
        block: &Block<'_>,
        i: usize,
        candidates: &mut Candidates,
    ) -> Vec<Match> {
        if block.roles[i] != Role::New {
            return Vec::new();
        }
        let shingles = block.shingles(i);
        candidates.clear();
        self.prefetch(shingles);
        for &s in sampled(shingles, self.config.sample) {
            let docs = self.postings.docs(s);
            let docs = match block.pairs {
                // The batch's own documents are among its pairs.
                Some(_) => &docs[..docs.partition_point(|&d| d < block.start)],
                None => docs,
            };
            candidates.entries().extend_from_slice(docs);
        }
        let mut matches = self.verify(block, shingles, candidates);
        matches.extend(self.joined(block, i, block.start..block.base));
        matches
    }

    /// The copies of the block's document `i` among its batch pairs with ids in `ids` (decided
    /// before it) that are indexed, by id.
    fn joined(&self, block: &Block<'_>, i: usize, ids: Range<u32>) -> Vec<Match> {
        let Some(pairs) = block.pairs else {
            return Vec::new();
        };
        let shingles = block.shingles(i);
        let position = (block.base - block.start) as usize + i;
        let earlier = pairs.earlier(position).iter().map(|&q| block.start + q);
        earlier
            .filter(|doc| ids.contains(doc))
            .filter(|&doc| self.stays_indexed(block, doc))
            .filter_map(|doc| {
                let other = self.shingles_of(block, doc);
                let similarity = paired(shingles, other, &self.config)?;
                Some(Match { doc, similarity })
            })
            .collect()
    }

    /// The candidates that `shingles` is a copy of, by id: those sharing enough sampled shingles
    /// with it (`SampleRule`), compared exactly. A posting lists an indexed document once, so a
    /// candidate's count is the number of sampled shingles the two share (`pairing::verified`).
    fn verify(
        &self,
        block: &Block<'_>,
        shingles: &[u32],
        candidates: &mut Candidates,
    ) -> Vec<Match> {
        let mut matches = Vec::new();
        let documents = block.base as usize + block.order.len();
        candidates.count(documents, |doc, samples| {
            let other = self.shingles_of(block, doc);
            if let Some(similarity) = verified(shingles, other, samples, &self.config) {
                matches.push(Match { doc, similarity });
            }
        });
        matches
    }

    /// Decides a new text from its matches (sorted by id): it joins the best representative
    /// among them, or becomes one. Every match is a verified pair.
    fn decide(&mut self, id: u32, matches: &[Match]) {
        let mut best: Option<(Relation, f64, u32)> = None;
        for m in matches {
            self.pairs.push(Pair {
                a: m.doc,
                b: id,
                jaccard: m.similarity.jaccard,
                containment: m.similarity.containment,
            });
            if self.representative[m.doc as usize] != m.doc {
                continue;
            }
            let Some((relation, value)) = m.similarity.relation(&self.config) else {
                continue;
            };
            // Matches come by increasing id, so a tie keeps the smaller id.
            if best.is_none_or(|(r, v, _)| (relation, value) > (r, v)) {
                best = Some((relation, value, m.doc));
            }
        }
        match best {
            Some((relation, value, representative)) => {
                self.join(representative, Kind::of(relation), value);
            }
            None => self.push(id, Kind::Unique, 1.0),
        }
    }

    /// An exact copy of `first`: its cluster, and its relation to the representative.
    fn push_copy(&mut self, id: u32, first: u32) {
        self.pairs.push(Pair {
            a: first,
            b: id,
            jaccard: 1.0,
            containment: 1.0,
        });
        let representative = self.representative[first as usize];
        let (kind, similarity) = if representative == first {
            (Kind::Exact, 1.0)
        } else {
            (self.kind[first as usize], self.similarity[first as usize])
        };
        self.join(representative, kind, similarity);
    }

    /// A new member of `representative`'s cluster.
    fn join(&mut self, representative: u32, kind: Kind, similarity: f64) {
        self.representative.push(representative);
        self.kind.push(kind);
        self.similarity.push(similarity);
        self.size.push(1);
        let r = representative as usize;
        self.size[r] += 1;
        if kind.closeness() > self.kind[r].closeness() {
            self.kind[r] = kind;
        }
    }

    /// A document alone in its own cluster.
    fn push(&mut self, id: u32, kind: Kind, similarity: f64) {
        self.representative.push(id);
        self.kind.push(kind);
        self.similarity.push(similarity);
        self.size.push(1);
    }

    /// The assignments of documents `range` (ids), as of now.
    pub fn clusters(&self, range: Range<usize>) -> Result<Clusters> {
        if range.start > range.end || range.end > self.len() {
            return Err(Error::InvalidInput(format!(
                "documents {}..{} are not all in an index of {}",
                range.start,
                range.end,
                self.len()
            )));
        }
        Ok(Clusters {
            representative: self.representative[range.clone()].to_vec(),
            size: self.representative[range.clone()]
                .iter()
                .map(|&r| self.size[r as usize])
                .collect(),
            kind: self.kind[range.clone()].to_vec(),
            similarity: self.similarity[range].to_vec(),
        })
    }

    /// The index as bytes (`persist` layout): options, counts, the texts (exact hashes, shingle
    /// offsets and shingles), the decisions (representatives, kinds, similarities) and the pairs.
    /// The exact-text table, the postings and the cluster sizes are rebuilt on reading.
    pub fn to_bytes(&self) -> Vec<u8> {
        let (exact, offsets, shingles) = self.texts.parts();
        let n = self.len();
        let mut out = Writer::new(
            &FORMAT,
            64 + n * 38 + shingles.len() * 4 + self.pairs.len() * 24,
        );
        out.put(self.config.ngram as u32);
        out.put(self.config.sample as u32);
        out.put(self.config.threshold);
        out.put(self.config.containment.unwrap_or(f64::NAN));
        out.put(u32::from(self.every_text));
        out.put(n as u64);
        out.put(shingles.len() as u64);
        out.put(self.pairs.len() as u64);
        out.put_all(exact);
        out.put_all(offsets);
        out.put_all(shingles);
        out.put_all(&self.representative);
        let kinds: Vec<u16> = self.kind.iter().map(|k| u16::from(k.code())).collect();
        out.put_all(&kinds);
        out.put_all(&self.similarity);
        for p in &self.pairs {
            out.put(p.a);
            out.put(p.b);
            out.put(p.jaccard);
            out.put(p.containment);
        }
        out.finish()
    }

    /// Reads an index written by [`DedupIndex::to_bytes`]. Anything else (another file, a cut
    /// or corrupted file, an older or future version) is an [`Error::Model`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let mut reader = Reader::open(bytes, &FORMAT)?;
        let (config, every_text) = read_options(&mut reader)?;
        let n = reader.get_len()?;
        let n_shingles = reader.get_len()?;
        let n_pairs = reader.get_len()?;
        let expected = n
            .checked_mul(8 + 8 + 4 + 2 + 8)
            .and_then(|x| x.checked_add(8))
            .and_then(|x| x.checked_add(n_shingles.checked_mul(4)?))
            .and_then(|x| x.checked_add(n_pairs.checked_mul(24)?));
        if n > MAX_DOCUMENTS || expected != Some(reader.remaining()) {
            return Err(reader.invalid("the array sizes do not match the header"));
        }
        let exact: Vec<u64> = reader.get_all(n)?;
        let offsets: Vec<u64> = reader.get_all(n + 1)?;
        let shingles: Vec<u32> = reader.get_all(n_shingles)?;
        let representative: Vec<u32> = reader.get_all(n)?;
        let kinds: Vec<u16> = reader.get_all(n)?;
        let similarity: Vec<f64> = reader.get_all(n)?;
        let pairs = read_pairs(&mut reader, n_pairs, n)?;
        let texts = Fingerprints::from_parts(exact, offsets, shingles)
            .ok_or_else(|| reader.invalid("the shingle arrays do not fit together"))?;
        let kind: Vec<Kind> = kinds
            .iter()
            .map(|&k| u8::try_from(k).ok().and_then(Kind::from_code))
            .collect::<Option<_>>()
            .ok_or_else(|| reader.invalid("a kind code is unknown"))?;
        let decided = representative.iter().enumerate().all(|(doc, &r)| {
            let r = r as usize;
            r <= doc
                && representative[r] as usize == r
                && (r == doc || !matches!(kind[doc], Kind::Unique | Kind::Empty))
        });
        if !decided {
            return Err(reader.invalid("a document joins one that is not a representative"));
        }
        reader.finish()?;
        let mut index = DedupIndex::new(config, every_text)?;
        index.rebuild(texts, representative, kind, similarity, pairs)?;
        Ok(index)
    }

    /// Reads an index saved to `path`, reading no more than the sizes its header declares (see
    /// [`read_file`]): a foreign file, a device or a pipe is refused without being read through.
    pub fn read_from(path: &std::path::Path) -> Result<Self> {
        // The options (ngram, sample, threshold, containment, every_text: 4 + 4 + 8 + 8 + 4
        // bytes) and the three counts (8 each) before the arrays.
        let bytes = read_file(path, &FORMAT, 52, |sizes| {
            let _options: (u32, u32, f64, f64, u32) = (
                sizes.get()?,
                sizes.get()?,
                sizes.get()?,
                sizes.get()?,
                sizes.get()?,
            );
            let (n, n_shingles, n_pairs) = (sizes.get_len()?, sizes.get_len()?, sizes.get_len()?);
            n.checked_mul(8 + 8 + 4 + 2 + 8)
                .and_then(|x| x.checked_add(8))
                .and_then(|x| x.checked_add(n_shingles.checked_mul(4)?))
                .and_then(|x| x.checked_add(n_pairs.checked_mul(24)?))
                .filter(|_| n <= MAX_DOCUMENTS)
                .ok_or_else(|| sizes.invalid("a declared length is out of range"))
        })?;
        Self::from_bytes(&bytes)
    }

    /// Sets the decisions read back and rebuilds what they imply: cluster sizes, the exact-text
    /// table and the postings.
    fn rebuild(
        &mut self,
        texts: Fingerprints,
        representative: Vec<u32>,
        kind: Vec<Kind>,
        similarity: Vec<f64>,
        pairs: Vec<Pair>,
    ) -> Result<()> {
        let mut size = vec![1u32; representative.len()];
        for (doc, &r) in representative.iter().enumerate() {
            if r as usize != doc {
                size[r as usize] += 1;
            }
        }
        for (doc, k) in kind.iter().enumerate() {
            if *k != Kind::Empty {
                self.first_with_text
                    .entry(texts.exact(doc))
                    .or_insert(doc as u32);
            }
            for &shingle in sampled(texts.shingles(doc), self.config.sample) {
                self.postings
                    .insert(shingle, doc as u32, u32::MAX, &mut Vec::new())?;
            }
        }
        self.texts = texts;
        self.representative = representative;
        self.kind = kind;
        self.similarity = similarity;
        self.size = size;
        self.pairs = pairs;
        Ok(())
    }
}

/// The options and the index mode at the head of a saved index, checked.
fn read_options(reader: &mut Reader<'_>) -> Result<(DedupConfig, bool)> {
    let ngram = reader.get::<u32>()? as usize;
    let sample = reader.get::<u32>()? as usize;
    let threshold = reader.get::<f64>()?;
    let containment = reader.get::<f64>()?;
    let every_text = match reader.get::<u32>()? {
        0 => false,
        1 => true,
        _ => return Err(reader.invalid("bad index mode")),
    };
    let config = DedupConfig {
        threshold,
        containment: (!containment.is_nan()).then_some(containment),
        ngram,
        sample,
    };
    config
        .validate()
        .map_err(|e| reader.invalid(&format!("bad options ({e})")))?;
    Ok((config, every_text))
}

/// The `count` pairs of a saved index of `documents` documents, each naming two of them in
/// decision order.
fn read_pairs(reader: &mut Reader<'_>, count: usize, documents: usize) -> Result<Vec<Pair>> {
    let mut pairs = Vec::with_capacity(count);
    for _ in 0..count {
        let pair = Pair {
            a: reader.get()?,
            b: reader.get()?,
            jaccard: reader.get()?,
            containment: reader.get()?,
        };
        if pair.a >= pair.b || pair.b as usize >= documents {
            return Err(reader.invalid("a pair names a document outside the index"));
        }
        pairs.push(pair);
    }
    Ok(pairs)
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

    /// `count` words drawn from a vocabulary of `vocabulary` words by a fixed generator.
    pub(crate) fn words(seed: u64, count: usize, vocabulary: u64) -> Vec<String> {
        let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..count)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                format!("w{}", (state >> 33) % vocabulary)
            })
            .collect()
    }

    fn index_of(texts: &[Option<&str>], every_text: bool) -> DedupIndex {
        let mut index = DedupIndex::new(DedupConfig::default(), every_text).unwrap();
        index.add(texts).unwrap();
        index
    }

    fn kinds(c: &Clusters) -> Vec<&'static str> {
        c.kind.iter().map(|k| k.as_str()).collect()
    }

    #[test]
    fn exact_near_contained_unique_and_empty() {
        let spaced = STORY.replace(". ", ".\n\n  ");
        let reprint = format!(
            "HOME | NEWS | WORLD\n{}\nShare this article",
            &STORY[..STORY.len() * 3 / 4]
        );
        let edited = STORY.replace("Tuesday", "Wednesday");
        let texts = [
            Some(STORY),
            Some(OTHER),
            Some(spaced.as_str()),
            None,
            Some(reprint.as_str()),
            Some(" -- "),
            Some(edited.as_str()),
        ];
        let index = index_of(&texts, true);
        let c = index.clusters(0..texts.len()).unwrap();
        assert_eq!(c.representative, vec![0, 1, 0, 3, 0, 5, 0]);
        assert_eq!(c.size, vec![4, 1, 4, 1, 4, 1, 4]);
        assert_eq!(
            kinds(&c),
            [
                "exact",
                "unique",
                "exact",
                "empty",
                "contained",
                "empty",
                "near"
            ]
        );
        assert!(c.similarity[4] >= 0.6 && c.similarity[4] <= 1.0);
        assert!(c.similarity[6] >= 0.8 && c.similarity[6] < 1.0);
        assert!(c.similarity[3].is_nan());
        let pairs: Vec<(u32, u32)> = index.pairs().iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(pairs, vec![(0, 2), (0, 4), (0, 6), (4, 6)]);
        let contained = index.pairs()[1];
        assert!(contained.containment > 0.8 && contained.jaccard < 0.8);
    }

    #[test]
    fn members_join_representatives_never_members() {
        // b is a near copy of a (J 0.86), c of b (0.86), but c is not a copy of a (0.73): no
        // chaining. (With containment on, c would be a contained copy of a: 0.85.)
        let base = words(1, 200, 5000);
        let mut b = base.clone();
        for i in [20, 80, 140] {
            b[i] = format!("x{i}");
        }
        let mut c = b.clone();
        for i in [50, 110, 170] {
            c[i] = format!("y{i}");
        }
        let texts: Vec<String> = [base, b, c].iter().map(|w| w.join(" ")).collect();
        let borrowed: Vec<Option<&str>> = texts.iter().map(|t| Some(t.as_str())).collect();
        let jaccard_only = DedupConfig {
            containment: None,
            ..DedupConfig::default()
        };
        for every_text in [true, false] {
            let mut index = DedupIndex::new(jaccard_only, every_text).unwrap();
            index.add(&borrowed).unwrap();
            let c = index.clusters(0..3).unwrap();
            assert_eq!(c.representative, vec![0, 0, 2], "every_text {every_text}");
            assert_eq!(kinds(&c), ["near", "near", "unique"]);
            // The pair (b, c) is verified when every text is indexed.
            let pairs: Vec<(u32, u32)> = index.pairs().iter().map(|p| (p.a, p.b)).collect();
            assert_eq!(
                pairs,
                if every_text {
                    vec![(0, 1), (1, 2)]
                } else {
                    vec![(0, 1)]
                }
            );
        }
        let c = index_of(&borrowed, false).clusters(0..3).unwrap();
        assert_eq!(kinds(&c), ["near", "near", "contained"]);
    }

    #[test]
    fn containment_at_any_length_ratio() {
        let report = words(2, 5000, 100_000).join(" ");
        let brief = words(2, 5000, 100_000)[1200..1300].join(" ");
        let texts = [Some(report.as_str()), Some(brief.as_str())];
        let c = index_of(&texts, false).clusters(0..2).unwrap();
        assert_eq!(c.representative, vec![0, 0]);
        assert_eq!(kinds(&c), ["contained", "contained"]);
        assert_eq!(c.similarity[1], 1.0);
        let config = DedupConfig {
            containment: None,
            ..DedupConfig::default()
        };
        let mut index = DedupIndex::new(config, false).unwrap();
        index.add(&texts).unwrap();
        assert_eq!(index.clusters(0..2).unwrap().representative, vec![0, 1]);
    }

    #[test]
    fn the_best_representative_wins() {
        // Two representatives; the newcomer is contained in the first and a near copy of the
        // second: near wins over contained.
        let long = words(3, 400, 50_000);
        let second: Vec<String> = long[..150].iter().cloned().chain(words(4, 10, 9)).collect();
        let newcomer: Vec<String> = long[..150].to_vec();
        let texts: Vec<String> = [long, second, newcomer]
            .iter()
            .map(|w| w.join(" "))
            .collect();
        let borrowed: Vec<Option<&str>> = texts.iter().map(|t| Some(t.as_str())).collect();
        let index = index_of(&borrowed, true);
        let c = index.clusters(0..3).unwrap();
        // The second is contained in the first (150 of its 155 shingles), so it joins it...
        assert_eq!(c.representative[1], 0);
        // ...and the newcomer can only join the first, as a contained copy.
        assert_eq!((c.representative[2], c.kind[2]), (0, Kind::Contained));
        assert_eq!(index.pairs().len(), 3);
    }

    /// A corpus with exact copies, near copies, cut copies, copies of copies and unrelated texts.
    fn corpus(seed: u64, originals: usize) -> Vec<String> {
        let mut texts = Vec::new();
        for o in 0..originals as u64 {
            let base = words(seed * 1000 + o, 120 + (o as usize * 37) % 200, 3000);
            texts.push(base.join(" "));
            texts.push(base.join("  "));
            let mut near = base.clone();
            near[o as usize % 50] = "edited".into();
            texts.push(near.join(" "));
            texts.push(base[..base.len() * 7 / 10].join(" "));
            texts.push(words(seed * 1000 + o + 500, 60, 3000).join(" "));
        }
        texts.push(String::new());
        texts
    }

    #[test]
    fn any_batch_split_gives_the_one_batch_result() {
        let texts = corpus(7, 450);
        let borrowed: Vec<Option<&str>> = texts.iter().map(|t| Some(t.as_str())).collect();
        assert!(borrowed.len() > 2 * BLOCK);
        for every_text in [true, false] {
            let one = index_of(&borrowed, every_text);
            let expected = one.clusters(0..borrowed.len()).unwrap();
            for cuts in [vec![1, 2, 3], vec![500, 1024, 1025], vec![7, 600, 1200]] {
                let mut index = DedupIndex::new(DedupConfig::default(), every_text).unwrap();
                let mut start = 0;
                for end in cuts.into_iter().chain([borrowed.len()]) {
                    assert_eq!(index.add(&borrowed[start..end]).unwrap(), start as u32);
                    start = end;
                }
                assert_eq!(index.clusters(0..borrowed.len()).unwrap(), expected);
                assert_eq!(index.pairs(), one.pairs());
            }
            // And on one thread.
            let single = crate::parallel::run(1, || Ok(index_of(&borrowed, every_text))).unwrap();
            assert_eq!(single.clusters(0..borrowed.len()).unwrap(), expected);
        }
        let all = index_of(&borrowed, true)
            .clusters(0..borrowed.len())
            .unwrap();
        let reps = index_of(&borrowed, false)
            .clusters(0..borrowed.len())
            .unwrap();
        assert_eq!(all, reps);
    }

    /// With common hashes the batch's pairs come from the prefix join: the pairs are those of
    /// comparing every pair by the index's rule, in one batch or several, reps only or not.
    #[test]
    fn joined_batches_pair_what_comparing_every_pair_pairs() {
        let sets = crate::dedup::batch_pairs::tests::sets(5, BLOCK + 200);
        let offsets: Vec<u64> = std::iter::once(0)
            .chain(sets.iter().scan(0, |end, s| {
                *end += s.len() as u64;
                Some(*end)
            }))
            .collect();
        let exact: Vec<u64> = (0..sets.len() as u64).collect();
        let batch = Fingerprints::from_parts(exact, offsets, sets.concat()).unwrap();
        let order: Vec<u32> = (0..sets.len() as u32).collect();
        let config = DedupConfig::default();
        let mut expected = Vec::new();
        for b in 0..sets.len() {
            for a in 0..b {
                if paired(&sets[b], &sets[a], &config).is_some() {
                    expected.push((a as u32, b as u32));
                }
            }
        }
        assert!(expected.len() > 300, "{}", expected.len());
        for every_text in [true, false] {
            let mut one = DedupIndex::new(config, every_text).unwrap();
            one.add_fingerprints(&batch, &order).unwrap();
            let mut split = DedupIndex::new(config, every_text).unwrap();
            for cut in [&order[..300], &order[300..310], &order[310..]] {
                split.add_fingerprints(&batch, cut).unwrap();
            }
            let n = sets.len();
            assert_eq!(split.clusters(0..n).unwrap(), one.clusters(0..n).unwrap());
            assert_eq!(split.pairs(), one.pairs());
            // Decided at once, with no postings kept for later calls: the same.
            let (clusters, pairs) =
                DedupIndex::decide_batch(config, every_text, &batch, &order).unwrap();
            assert_eq!(clusters, one.clusters(0..n).unwrap());
            assert_eq!(pairs, one.pairs());
            if every_text {
                let found: Vec<(u32, u32)> = one.pairs().iter().map(|p| (p.a, p.b)).collect();
                assert_eq!(found, expected);
            }
        }
    }

    #[test]
    fn many_copies_of_one_story_stay_one_cluster_in_any_batches() {
        let base = words(9, 400, 20_000);
        let copies: Vec<String> = (0..300)
            .map(|i| {
                let keep = 250 + (i * 7) % 150;
                let mut copy = base[..keep].to_vec();
                copy[(i * 13) % keep] = format!("edit{i}");
                copy.join(" ")
            })
            .collect();
        let borrowed: Vec<Option<&str>> = copies.iter().map(|t| Some(t.as_str())).collect();
        let one = index_of(&borrowed, true);
        let c = one.clusters(0..300).unwrap();
        assert!(c.representative.iter().all(|&r| r == 0));
        let mut batched = DedupIndex::new(DedupConfig::default(), true).unwrap();
        for chunk in borrowed.chunks(10) {
            batched.add(chunk).unwrap();
        }
        assert_eq!(batched.clusters(0..300).unwrap(), c);
        assert_eq!(batched.pairs(), one.pairs());
    }

    #[test]
    fn save_load_round_trip_and_corruption() {
        let texts = corpus(3, 20);
        let borrowed: Vec<Option<&str>> = texts.iter().map(|t| Some(t.as_str())).collect();
        for every_text in [true, false] {
            let mut index = index_of(&borrowed[..50], every_text);
            let bytes = index.to_bytes();
            let mut loaded = DedupIndex::from_bytes(&bytes).unwrap();
            assert_eq!(loaded.to_bytes(), bytes);
            assert_eq!(loaded.every_text(), every_text);
            index.add(&borrowed[50..]).unwrap();
            loaded.add(&borrowed[50..]).unwrap();
            assert_eq!(
                loaded.clusters(0..texts.len()).unwrap(),
                index.clusters(0..texts.len()).unwrap()
            );
            assert_eq!(loaded.pairs(), index.pairs());
        }
        let bytes = index_of(&borrowed, true).to_bytes();
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
        let mut old = Writer::new(
            &Format {
                version: 1,
                ..FORMAT
            },
            0,
        );
        old.put(128u32);
        match DedupIndex::from_bytes(&old.finish()) {
            Err(Error::Model(message)) => assert!(message.contains("version 1"), "{message}"),
            other => panic!("an old index must be refused: {other:?}"),
        }
    }

    /// A file whose checksum is right but whose decisions are not is refused.
    #[test]
    fn refuses_inconsistent_decisions() {
        let texts = [Some(STORY), Some(STORY), Some(OTHER)];
        let mut index = index_of(&texts, true);
        index.representative[2] = 1;
        assert!(matches!(
            DedupIndex::from_bytes(&index.to_bytes()),
            Err(Error::Model(m)) if m.contains("representative")
        ));
    }

    /// Saved indexes stay readable: these bytes were written by the format's third version.
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
        let bytes = index_of(&texts, true).to_bytes();
        assert_eq!(bytes.len(), 332);
        assert_eq!(xxhash_rust::xxh3::xxh3_64(&bytes), 0x4822_a282_22b7_70c2);
    }

    #[test]
    fn bad_options_and_ranges() {
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
                sample: 0,
                ..DedupConfig::default()
            },
            DedupConfig {
                ngram: 0,
                ..DedupConfig::default()
            },
        ] {
            assert!(matches!(
                DedupIndex::new(config, true),
                Err(Error::InvalidInput(_))
            ));
        }
        let index = index_of(&[Some(STORY)], true);
        assert!(index.clusters(0..2).is_err());
        assert_eq!(index.clusters(1..1).unwrap(), Clusters::default());
    }
}
