//! Deduplication: exact copies (hash of the normalised text), near duplicates (MinHash over
//! word shingles, LSH banding, verification by estimated Jaccard and containment), clusters with
//! stable ids, a growable index that saves to disk, and repeated paragraphs across documents.

pub mod clusters;
pub mod index;
pub mod lsh;
pub mod minhash;
pub mod options;
pub mod paragraphs;
pub mod shingle;
pub mod sketches;

pub use index::{dedup, Clusters, DedupIndex, Kind, Pair};
pub use options::DedupConfig;
pub use paragraphs::{paragraph_hash, repeated_paragraphs, RepeatedParagraph};
