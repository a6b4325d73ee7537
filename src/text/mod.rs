//! Text utilities shared by cleaning, dedup and tagging: byte/char offsets, decoding of raw
//! bytes, the word scanner, lines and paragraphs, quote folding, hash mixing, the word lists
//! (lexicon) and simple statistics.

pub mod decode;
pub mod fold;
pub mod hash;
pub mod lexicon;
pub mod offsets;
pub mod paragraphs;
#[cfg(test)]
pub(crate) mod random_text;
pub mod stats;
pub mod words;

pub use offsets::{CharOffsets, SurrogatePairs};
