//! What the model reads of a sentence: each token's gazetteer code and hashed features, decoded
//! into a label and a confidence per token.

use super::features::{sentence_features, word_info, WordInfo};
use super::gazetteer::{Gazetteer, Match};
use super::perceptron::Model;

/// Gazetteer code of each token for the model's features: 0 none, else 1 + 4·label + part.
pub fn gazetteer_codes(
    gazetteer: &Gazetteer,
    words: &[&str],
    matches: &[Match],
    out: &mut Vec<u8>,
) {
    out.clear();
    out.resize(words.len(), 0);
    for m in matches {
        let base = 1 + 4 * gazetteer.entry(m.entry).label.index() as u8;
        if m.end - m.start == 1 {
            out[m.start] = base + 3;
        } else {
            out[m.start] = base;
            for code in &mut out[m.start + 1..m.end - 1] {
                *code = base + 1;
            }
            out[m.end - 1] = base + 2;
        }
    }
}

/// The model's reading of one sentence: a BILOU label id and a confidence for each token.
#[derive(Debug, Default)]
pub struct Decoding {
    pub labels: Vec<usize>,
    pub confidence: Vec<f32>,
}

/// Runs the model over sentences, reusing its buffers from one sentence to the next.
#[derive(Default)]
pub struct ModelReader {
    scratch: String,
    infos: Vec<WordInfo>,
    codes: Vec<u8>,
    features: Vec<u32>,
}

impl ModelReader {
    /// The model's reading of `words`, whose matches in `gazetteer` are `matches`.
    pub fn read(
        &mut self,
        model: &Model,
        gazetteer: &Gazetteer,
        words: &[&str],
        matches: &[Match],
    ) -> Decoding {
        gazetteer_codes(gazetteer, words, matches, &mut self.codes);
        self.infos.clear();
        let scratch = &mut self.scratch;
        self.infos
            .extend(words.iter().map(|w| word_info(w, &mut *scratch)));
        sentence_features(&self.infos, &self.codes, model.bits, &mut self.features);
        let mut decoding = Decoding::default();
        model.decode(
            &self.features,
            &mut decoding.labels,
            &mut decoding.confidence,
        );
        decoding
    }
}
