//! Stories: articles that report the same event, in their own words, grouped as news
//! aggregators group them.
//!
//! 1. Each article becomes a TF-IDF vector over its terms ([`terms`]): its words (stopwords and
//!    numbers dropped) and the canonical names of the people, organisations, places and
//!    nationalities it mentions, weighted `(1 + ln tf) · idf`, with the idf of a fixed
//!    background table ([`background`]), so an article's weights never depend on the others.
//! 2. Each article lists its `k` nearest articles by cosine ([`neighbours`]), among those whose
//!    highest-weighted terms share enough weight with its own ([`candidates`]), that are not
//!    its own text or group, and that lie within the time window when both are dated.
//! 3. Two articles are alike by the share of their neighbourhoods (each with itself) they have
//!    in common, plus a small cosine tie-break; average linkage on that similarity, in each
//!    connected part of the graph of pairs at the threshold, cuts the stories ([`linkage`]).
//!    Articles with one exact text, or one group (a duplicate cluster), share a story.
//! 4. A story is named after its article with the smallest key (earliest date, then exact-text
//!    hash, then position), its representative is the article closest to its centre
//!    ([`assignments`]).
//!
//! Every tie is settled by the articles' keys and every sum runs in a fixed order, so the same
//! articles give the same stories whatever their order; the index grows batch by batch and
//! redoes only what a batch touches, so any split into batches gives the same stories
//! ([`index`]), and it saves to disk ([`saved`]).

pub mod article;
pub mod assignments;
pub mod background;
pub mod candidates;
pub mod index;
pub mod linkage;
pub mod neighbours;
pub mod options;
pub mod saved;
pub mod terms;
pub mod vector;

pub use article::{Article, ArticleKey};
pub use assignments::{assignments, Assignments};
pub use index::{group_stories, StoryIndex, NO_STORY};
pub use options::StoryConfig;

#[cfg(test)]
mod tests;
