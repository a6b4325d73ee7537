//! Deduplication: exact copies (hash of the normalised text), near and contained copies (exact
//! Jaccard similarity and containment of word shingle sets, compared with the documents that
//! share a sampled shingle), clusters without chaining (a document joins a representative, never
//! a member), a growable index that saves to disk, and repeated paragraphs across documents.

pub mod batch_pairs;
pub mod candidates;
pub mod chrome;
pub mod fingerprint;
pub mod fingerprint_bytes;
pub mod index;
pub mod options;
pub mod ordered;
pub mod pairing;
pub mod paragraphs;
pub mod postings;
pub mod prefix_join;
pub mod sampling;
pub mod shingle;
pub mod similarity;
pub mod spill;
pub mod spilled;

pub use fingerprint::Fingerprints;
pub use index::{Clusters, DedupIndex, Kind, Pair};
pub use options::DedupConfig;
pub use ordered::{decide, dedup, Decided};
pub use paragraphs::{paragraph_hash, repeated_paragraphs, RepeatedParagraph};
pub use spill::SpilledFingerprints;
pub use spilled::decide_spilled;
