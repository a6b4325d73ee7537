//! What the model reads of a sentence: each token's gazetteer code and hashed features, decoded
//! into a label and a confidence per token.

use std::cell::RefCell;

use super::features::{
    is_caps_sentence, pair_features, row_of, Neighbour, Setting, TokenContext, WordInfo,
};
use super::gazetteer::{Gazetteer, Match};
use super::perceptron::{Lattice, Model};
use super::wide::wide_available;
use super::word_scores::{with_word_scores, WordScores, LEFT_PADDING, RIGHT_PADDING};

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
    codes: Vec<u8>,
    forms: Vec<u32>,
    infos: Vec<WordInfo>,
    sums: Vec<i32>,
    /// Each token's setting, then where its pair features' rows are stored, ending at
    /// `place_ends[i]`.
    settings: Vec<u32>,
    places: Vec<u32>,
    place_ends: Vec<usize>,
    lattice: Lattice,
    decoding: Decoding,
}

thread_local! {
    static READER: RefCell<ModelReader> = RefCell::new(ModelReader::default());
}

/// Runs `f` with this thread's reader, whose buffers last from one document to the next.
pub fn with_model_reader<R>(f: impl FnOnce(&mut ModelReader) -> R) -> R {
    READER.with_borrow_mut(f)
}

impl ModelReader {
    /// The model's reading of `words`, whose matches in `gazetteer` are `matches`.
    pub fn read(
        &mut self,
        model: &Model,
        gazetteer: &Gazetteer,
        words: &[&str],
        matches: &[Match],
    ) -> &Decoding {
        gazetteer_codes(gazetteer, words, matches, &mut self.codes);
        with_word_scores(model, |scores| self.emission_sums(model, scores, words));
        model.decode_sums(
            &self.sums,
            &mut self.lattice,
            &mut self.decoding.labels,
            &mut self.decoding.confidence,
        );
        &self.decoding
    }

    /// Each token's emission sums into `self.sums`: the sums kept for its word, its
    /// neighbours' words and its setting, and the weights of the features that pair its word
    /// with its neighbours'. Summed with wider instructions where the processor has them.
    fn emission_sums(&mut self, model: &Model, scores: &mut WordScores, words: &[&str]) {
        #[cfg(target_arch = "x86_64")]
        if wide_available() {
            // SAFETY: the processor has the features `wide_emission_sums` is built for.
            unsafe { self.wide_emission_sums(model, scores, words) };
            return;
        }
        self.sum_emissions(model, scores, words);
    }

    /// [`ModelReader::sum_emissions`] built for AVX2 and `popcnt` (see [`super::wide`]).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,popcnt")]
    unsafe fn wide_emission_sums(
        &mut self,
        model: &Model,
        scores: &mut WordScores,
        words: &[&str],
    ) {
        self.sum_emissions(model, scores, words);
    }

    /// What [`ModelReader::emission_sums`] computes, inlined into each build, as its helpers are.
    #[inline(always)]
    fn sum_emissions(&mut self, model: &Model, scores: &mut WordScores, words: &[&str]) {
        self.forms.clear();
        self.forms
            .extend(words.iter().map(|w| scores.form(model, w)));
        self.infos.clear();
        self.infos
            .extend(self.forms.iter().map(|&form| *scores.info(form)));
        // First what each token reads: its setting's sums and where its pair rows are;
        // then the reads, with nothing between them to wait for.
        self.find_reads(model, scores);
        self.add_reads(model, scores);
    }

    /// Each token's setting and the places of its pair features' rows.
    #[inline(always)]
    fn find_reads(&mut self, model: &Model, scores: &mut WordScores) {
        let caps_sentence = is_caps_sentence(&self.infos);
        let padding = (*scores.info(LEFT_PADDING), *scores.info(RIGHT_PADDING));
        let (infos, codes) = (&self.infos, &self.codes);
        let info_at = |i: isize| -> &WordInfo {
            match usize::try_from(i) {
                Ok(i) if i < infos.len() => &infos[i],
                Ok(_) => &padding.1,
                Err(_) => &padding.0,
            }
        };
        self.settings.clear();
        self.places.clear();
        self.place_ends.clear();
        for i in 0..infos.len() as isize {
            let context = TokenContext::of_token(info_at, codes, i, caps_sentence);
            self.settings
                .push(scores.setting(model, Setting::of(&context)));
            let rows = pair_features(&context).map(|h| row_of(h, model.bits));
            model.places(&rows, &mut self.places);
            self.place_ends.push(self.places.len());
        }
    }

    /// Each token's sums: the kept sums of its word, its neighbours' and its setting, and the
    /// rows found by [`ModelReader::find_reads`].
    #[inline(always)]
    fn add_reads(&mut self, model: &Model, scores: &WordScores) {
        let (n, l) = (self.forms.len(), model.n_labels());
        let forms = &self.forms;
        let form_at = |i: isize| -> u32 {
            match usize::try_from(i) {
                Ok(i) if i < n => forms[i],
                Ok(_) => RIGHT_PADDING,
                Err(_) => LEFT_PADDING,
            }
        };
        self.sums.clear();
        self.sums.resize(n * l, 0);
        let mut from = 0;
        for (i, sums) in self.sums.chunks_exact_mut(l).enumerate() {
            let to = self.place_ends[i];
            let setting = scores.setting_sums(self.settings[i]);
            let i = i as isize;
            let kept = [
                scores.own(form_at(i)),
                scores.neighbour(form_at(i - 1), Neighbour::Previous),
                scores.neighbour(form_at(i + 1), Neighbour::Next),
                scores.neighbour(form_at(i - 2), Neighbour::SecondPrevious),
                scores.neighbour(form_at(i + 2), Neighbour::SecondNext),
                setting,
            ];
            add_kept(sums, &kept);
            model.add_places(&self.places[from..to], sums);
            from = to;
        }
    }
}

/// Lanes summed at once by [`add_kept`]: eight `i32` are one 256-bit add.
const LANES: usize = 8;

/// Adds the kept sums `kept` (each as long as `sums`) to `sums`, [`LANES`] labels at a time
/// with every part summed before the one store: fixed-width chunks compile to vector adds,
/// where a loop over `n_labels` did not. Integer sums, so the order changes nothing.
#[inline(always)]
fn add_kept(sums: &mut [i32], kept: &[&[i32]]) {
    let whole = sums.len() - sums.len() % LANES;
    for start in (0..whole).step_by(LANES) {
        let mut chunk = [0i32; LANES];
        for part in kept {
            for (c, &s) in chunk.iter_mut().zip(&part[start..start + LANES]) {
                *c += s;
            }
        }
        for (sum, c) in sums[start..start + LANES].iter_mut().zip(chunk) {
            *sum += c;
        }
    }
    for (y, sum) in sums.iter_mut().enumerate().skip(whole) {
        *sum += kept.iter().map(|part| part[y]).sum::<i32>();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::features::{sentence_features, word_info};
    use crate::tag::perceptron::Model;

    fn shipped_model() -> Model {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/python/tidings/data/tagger.bin"
        );
        Model::from_bytes(&std::fs::read(path).unwrap()).unwrap()
    }

    /// The sums from kept word forms are the sums of every token's full feature row.
    #[test]
    fn kept_sums_equal_full_feature_sums() {
        let model = shipped_model();
        let sentences: [&[&str]; 5] = [
            &[
                "Vladimir", "Putin", "met", "the", "U.S.", "envoy", "in", "Moscow", ".",
            ],
            &[
                "The", "envoy", "met", "Putin", "’s", "aides", "on", "12", "May", "2015",
            ],
            &[
                "JAPAN", "GET", "LUCKY", "WIN", ",", "CHINA", "IN", "SURPRISE",
            ],
            &["Zürich"],
            &["al-Assad", "—", "“", "Iran", "”", "the", "the", "the"],
        ];
        let mut reader = ModelReader::default();
        let mut scratch = String::new();
        for _ in 0..2 {
            for words in sentences {
                let codes: Vec<u8> = (0..words.len()).map(|i| (i % 3) as u8 * 5).collect();
                reader.codes = codes.clone();
                // The wider build (where the processor has it) sums as the portable one.
                with_word_scores(&model, |scores| reader.emission_sums(&model, scores, words));
                let wide = reader.sums.clone();
                with_word_scores(&model, |scores| reader.sum_emissions(&model, scores, words));
                assert_eq!(wide, reader.sums, "{words:?}");
                let infos: Vec<_> = words.iter().map(|w| word_info(w, &mut scratch)).collect();
                let mut features = Vec::new();
                sentence_features(&infos, &codes, model.bits, &mut features);
                let l = model.n_labels();
                let mut expected = vec![0i32; words.len() * l];
                for (token, sums) in features
                    .chunks_exact(crate::tag::features::FEATURES_PER_TOKEN)
                    .zip(expected.chunks_exact_mut(l))
                {
                    model.add_rows(token, sums);
                }
                assert_eq!(reader.sums, expected, "{words:?}");
            }
        }
    }
}
