//! Each word form's share of the model's emission sums, kept per thread. The features of a word
//! alone (its forms, shape and affixes; what it tells its neighbours) are the same at every
//! occurrence, so their weight rows are read and summed once per form instead of once per
//! token: frequent words stop costing a dozen scattered reads of a table larger than the
//! caches. A token's setting (its shape, gazetteer codes and sentence facts) takes few distinct
//! values, so the sums of its features are kept the same way. The sums are integers, so a kept
//! sum is exactly the sum it replaces.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::features::{
    left_padding, neighbour_features, own_features, right_padding, row_of, setting_features,
    word_info, Neighbour, Setting, WordInfo,
};
use super::perceptron::Model;

/// Word forms kept per thread before the table starts again (each costs `5 * n_labels` sums:
/// 340 bytes with the shipped model). The most frequent forms come back first.
const CAPACITY: usize = 1 << 15;
/// Settings kept per thread before their table starts again.
const SETTING_CAPACITY: usize = 1 << 14;
/// The longest word form kept as a [`ShortForm`] (the last byte holds the length).
const SHORT_FORM: usize = 23;
/// Sums kept per form: its own, then one for each [`Neighbour`] place.
const PLACES: usize = 1 + Neighbour::ALL.len();

/// The padding beyond a sentence's start and end: always the first two forms.
pub const LEFT_PADDING: u32 = 0;
pub const RIGHT_PADDING: u32 = 1;

/// A word form of at most [`SHORT_FORM`] bytes as its own key: its bytes, zero-padded, and its
/// length in the last byte. A lookup compares three integers instead of following a pointer
/// to the form's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ShortForm([u64; 3]);

impl ShortForm {
    fn of(word: &str) -> Option<Self> {
        let bytes = word.as_bytes();
        if bytes.len() > SHORT_FORM {
            return None;
        }
        let mut padded = [0u8; SHORT_FORM + 1];
        padded[..bytes.len()].copy_from_slice(bytes);
        padded[SHORT_FORM] = bytes.len() as u8;
        Some(ShortForm(std::array::from_fn(|k| {
            u64::from_le_bytes(std::array::from_fn(|b| padded[8 * k + b]))
        })))
    }
}

/// Word forms seen by this thread with the model's sums of their features.
#[derive(Default)]
pub struct WordScores {
    model: Option<u64>,
    short: FxHashMap<ShortForm, u32>,
    long: FxHashMap<Box<str>, u32>,
    infos: Vec<WordInfo>,
    /// `PLACES * n_labels` sums per form, in quantisation steps.
    sums: Vec<i32>,
    n_labels: usize,
    scratch: String,
    settings: FxHashMap<Setting, u32>,
    /// `n_labels` sums per setting, in quantisation steps.
    setting_sums: Vec<i32>,
}

impl WordScores {
    /// Forgets every form unless they were summed with `model`.
    fn use_model(&mut self, model: &Model) {
        let fresh = self.model != Some(model.id());
        if fresh || self.infos.len() >= CAPACITY {
            self.short.clear();
            self.long.clear();
            self.infos.clear();
            self.sums.clear();
            self.model = Some(model.id());
            self.n_labels = model.n_labels();
            self.push(model, left_padding());
            self.push(model, right_padding());
        }
        if fresh || self.settings.len() >= SETTING_CAPACITY {
            self.settings.clear();
            self.setting_sums.clear();
        }
    }

    #[inline]
    fn push(&mut self, model: &Model, info: WordInfo) -> u32 {
        let l = self.n_labels;
        let start = self.sums.len();
        self.sums.resize(start + PLACES * l, 0);
        let sums = &mut self.sums[start..];
        let rows = own_features(&info).map(|h| row_of(h, model.bits));
        model.add_rows(&rows, &mut sums[..l]);
        for (k, place) in Neighbour::ALL.into_iter().enumerate() {
            let (hashes, count) = neighbour_features(&info, place);
            let rows = hashes.map(|h| row_of(h, model.bits));
            model.add_rows(&rows[..count], &mut sums[(k + 1) * l..(k + 2) * l]);
        }
        self.infos.push(info);
        (self.infos.len() - 1) as u32
    }

    /// The form's number, summed now if this thread has not seen it since the table started.
    #[inline]
    pub fn form(&mut self, model: &Model, word: &str) -> u32 {
        let short = ShortForm::of(word);
        let found = match short {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        };
        if let Some(&id) = found {
            return id;
        }
        let info = word_info(word, &mut self.scratch);
        let id = self.push(model, info);
        match short {
            Some(key) => self.short.insert(key, id),
            None => self.long.insert(word.into(), id),
        };
        id
    }

    /// The setting's number, summed now if this thread has not met it since the table started.
    #[inline]
    pub fn setting(&mut self, model: &Model, setting: Setting) -> u32 {
        if let Some(&id) = self.settings.get(&setting) {
            return id;
        }
        let l = self.n_labels;
        let start = self.setting_sums.len();
        self.setting_sums.resize(start + l, 0);
        let rows = setting_features(&setting).map(|h| row_of(h, model.bits));
        model.add_rows(&rows, &mut self.setting_sums[start..]);
        let id = (start / l.max(1)) as u32;
        self.settings.insert(setting, id);
        id
    }

    /// The sum of the weights of a setting's features ([`super::features::SETTING_FEATURES`]).
    pub fn setting_sums(&self, setting: u32) -> &[i32] {
        let start = setting as usize * self.n_labels;
        &self.setting_sums[start..start + self.n_labels]
    }

    pub fn info(&self, form: u32) -> &WordInfo {
        &self.infos[form as usize]
    }

    /// The sum of the weights of the form's own features ([`super::features::OWN_FEATURES`] of them).
    pub fn own(&self, form: u32) -> &[i32] {
        let start = form as usize * PLACES * self.n_labels;
        &self.sums[start..start + self.n_labels]
    }

    /// The sum of the weights of what the form tells the token it stands `place` of.
    pub fn neighbour(&self, form: u32, place: Neighbour) -> &[i32] {
        let k = 1 + Neighbour::ALL.iter().position(|&p| p == place).unwrap_or(0);
        let start = (form as usize * PLACES + k) * self.n_labels;
        &self.sums[start..start + self.n_labels]
    }
}

thread_local! {
    static WORD_SCORES: RefCell<WordScores> = RefCell::new(WordScores::default());
}

/// Runs `f` with this thread's word forms, summed with `model`.
pub fn with_word_scores<R>(model: &Model, f: impl FnOnce(&mut WordScores) -> R) -> R {
    WORD_SCORES.with_borrow_mut(|scores| {
        scores.use_model(model);
        f(scores)
    })
}
