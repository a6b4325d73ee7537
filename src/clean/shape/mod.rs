//! What one paragraph looks like, judged from its own text: sentence and list punctuation, word
//! features, chrome or body, a headline's shape, rows of figures. These checks know nothing of
//! the paragraph table or of the stages that use them.

pub mod author;
pub mod classify;
pub mod code;
pub mod comments;
pub mod features;
pub mod headline;
pub mod related;
pub mod sentence;
pub mod tables;
pub mod words;
