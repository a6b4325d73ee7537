//! Recognisers of the parts of a page that belong in fields rather than in the article text:
//! dates, bylines, agency credits ("*AFP", "(With Reuters, AFP)"), photo captions and datelines
//! ("TEHRAN (Tasnim) –"). Each looks at one paragraph's text; the stages decide where they may
//! apply.

pub mod bylines;
pub mod captions;
pub mod credits;
pub mod datelines;
pub mod dates;
mod pattern;

use std::sync::OnceLock;

pub use pattern::Pattern;

/// A built-in pattern, kept in `cell` and compiled when first matched.
fn regex(cell: &'static OnceLock<Pattern>, pattern: &str) -> &'static Pattern {
    cell.get_or_init(|| Pattern::new(pattern))
}
