//! Text utilities shared by cleaning, dedup and tagging: byte/char offsets, decoding of raw
//! bytes, word spans and simple statistics.

pub mod decode;
pub mod offsets;
pub mod stats;
pub mod words;

pub use offsets::CharOffsets;
