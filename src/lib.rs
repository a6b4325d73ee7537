//! tidings: clean, deduplicate and tag scraped news articles.
//!
//! Everything outside `python` is pure Rust and never touches pyo3, so `cargo test`
//! runs without an interpreter. The `python` feature adds the thin bindings layer.

pub mod clean;
pub mod dedup;
pub mod error;
pub mod options;
pub mod parallel;
pub mod persist;
pub mod quotes;
pub mod tag;
pub mod text;

#[cfg(feature = "python")]
mod python;

pub use error::{Error, Result};
