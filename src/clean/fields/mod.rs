//! Recognisers of the parts of a page that belong in fields rather than in the article text:
//! dates, bylines, agency credits ("*AFP", "(With Reuters, AFP)"), photo captions and datelines
//! ("TEHRAN (Tasnim) –"). Each looks at one paragraph's text; the stages decide where they may
//! apply.

pub mod bylines;
pub mod captions;
pub mod credits;
pub mod datelines;
pub mod dates;

use std::sync::OnceLock;

use regex::Regex;

/// A built-in pattern, compiled once into `cell`.
fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid built-in pattern"))
}
