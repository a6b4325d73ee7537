//! A document as the tagger reads it: its text, its tokens and their words.

use super::tokenize::{sentences, tokenize, Token};

pub struct Document<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// The text of each token.
    pub words: Vec<&'a str>,
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let words = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        Document {
            text,
            tokens,
            words,
        }
    }

    /// Token ranges `[from, to)` of the sentences.
    pub fn sentences(&self) -> Vec<(usize, usize)> {
        sentences(&self.tokens)
    }
}
