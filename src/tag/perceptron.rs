//! A structured averaged perceptron over BILOU labels (Collins 2002): emission weights in a
//! hashed table of rows (one weight per label), a label-transition matrix, and Viterbi decoding
//! that only follows valid BILOU transitions. The shipped model stores weights as `i16` with one
//! scale, in a small versioned binary format with a checksum (`persist`), which records the
//! gazetteer the model was trained with.

use std::sync::atomic::{AtomicU64, Ordering};

use super::features::{FEATURES_PER_TOKEN, FEATURES_VERSION};
use super::weight_table::WeightTable;
use super::wide::wide_available;
use crate::error::{Error, Result};
use crate::persist::{Format, Reader, Writer};

/// The model file. Version 2 added the gazetteer fingerprint.
const FORMAT: Format = Format {
    magic: b"TIDTAGGR",
    version: 2,
    name: "tagger model",
};
/// Longest entity type name a model file may hold.
const MAX_TYPE_NAME: usize = 64;
const FORBIDDEN: f32 = -1.0e9;
/// Score margin (in weight units) that maps to a confidence of 1/(1+e^-1) ≈ 0.73.
const CONFIDENCE_TEMPERATURE: f32 = 4.0;

/// BILOU label ids: 0 is O; type `t` has B = 1 + 4t, I = 2 + 4t, L = 3 + 4t, U = 4 + 4t.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

pub fn label_id(entity_type: usize, part: Part) -> usize {
    1 + 4 * entity_type
        + match part {
            Part::Begin => 0,
            Part::Inside => 1,
            Part::Last => 2,
            Part::Unit => 3,
        }
}

/// `(type, part)` of a label id, `None` for O.
pub fn split_label(label: usize) -> Option<(usize, Part)> {
    if label == 0 {
        return None;
    }
    let part = match (label - 1) % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    Some(((label - 1) / 4, part))
}

/// Whether label `cur` may follow `prev` (`None`: sentence start).
pub fn allowed(prev: Option<usize>, cur: usize) -> bool {
    let open = prev
        .and_then(split_label)
        .filter(|(_, p)| matches!(p, Part::Begin | Part::Inside));
    match (open, split_label(cur)) {
        (Some((t, _)), Some((u, Part::Inside | Part::Last))) => t == u,
        (Some(_), _) => false,
        (None, None) => true,
        (None, Some((_, part))) => matches!(part, Part::Begin | Part::Unit),
    }
}

fn may_end(label: usize) -> bool {
    !matches!(split_label(label), Some((_, Part::Begin | Part::Inside)))
}

/// The trained tagger's parameters.
#[derive(Debug, Clone)]
pub struct Model {
    /// Entity type names, in label-id order ("PERSON", "ORG", ...).
    pub types: Vec<String>,
    pub bits: u32,
    /// [`Gazetteer::fingerprint`](super::gazetteer::Gazetteer::fingerprint) of the gazetteer
    /// whose matches were features in training: the model only fits that gazetteer.
    pub gazetteer: u64,
    n_labels: usize,
    /// `1 << bits` rows of `n_labels` quantised emission weights.
    weights: WeightTable,
    /// `(n_labels + 1) * n_labels`: row `n_labels` holds the start transitions. Invalid
    /// transitions are [`FORBIDDEN`]. In weight units (already multiplied by `scale`).
    transitions: Vec<f32>,
    /// Weight units per quantisation step.
    scale: f32,
    /// The allowed transitions between labels, listed for decoding.
    moves: Moves,
    id: u64,
}

/// A new [`Model::id`].
fn next_model_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Model {
    pub fn n_labels(&self) -> usize {
        self.n_labels
    }

    /// A number no other model loaded or trained in this process has (clones share it): caches
    /// of the model's weights check it.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Adds the weight rows `rows` (each `< 1 << bits`) to `out` (`n_labels` sums, in
    /// quantisation steps).
    #[inline]
    pub fn add_rows(&self, rows: &[u32], out: &mut [i32]) {
        self.weights.add_rows(rows, out);
    }

    /// Appends where the weight rows `rows` (each `< 1 << bits`) are stored to `places`, rows
    /// of zeros left out (see [`Model::add_places`]).
    #[inline(always)]
    pub fn places(&self, rows: &[u32], places: &mut Vec<u32>) {
        self.weights.places(rows, places);
    }

    /// Adds the weight rows stored at `places` to `out`, as [`Model::add_rows`] does.
    #[inline(always)]
    pub fn add_places(&self, places: &[u32], out: &mut [i32]) {
        self.weights.add_places(places, out);
    }

    /// Best label sequence for a sentence, plus each token's local confidence (softmax of its
    /// label given the chosen previous label).
    pub fn decode(&self, features: &[u32], labels: &mut Vec<usize>, confidence: &mut Vec<f32>) {
        let l = self.n_labels;
        let mut steps = vec![0i32; features.len() / FEATURES_PER_TOKEN * l];
        for (token, sums) in features
            .chunks_exact(FEATURES_PER_TOKEN)
            .zip(steps.chunks_exact_mut(l))
        {
            self.add_rows(token, sums);
        }
        self.decode_sums(&steps, &mut Lattice::default(), labels, confidence);
    }

    /// [`Model::decode`] from each token's summed emission weights (`n_labels` per token, in
    /// quantisation steps), however they were summed; `lattice` holds the work tables.
    pub fn decode_sums(
        &self,
        steps: &[i32],
        lattice: &mut Lattice,
        labels: &mut Vec<usize>,
        confidence: &mut Vec<f32>,
    ) {
        #[cfg(target_arch = "x86_64")]
        if wide_available() {
            // SAFETY: the processor has the features `wide_decode_sums` is built for.
            unsafe { self.wide_decode_sums(steps, lattice, labels, confidence) };
            return;
        }
        self.decode_lattice(steps, lattice, labels, confidence);
    }

    /// [`Model::decode_lattice`] built for AVX2 and `popcnt` (see [`super::wide`]).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,popcnt")]
    unsafe fn wide_decode_sums(
        &self,
        steps: &[i32],
        lattice: &mut Lattice,
        labels: &mut Vec<usize>,
        confidence: &mut Vec<f32>,
    ) {
        self.decode_lattice(steps, lattice, labels, confidence);
    }

    /// What [`Model::decode_sums`] computes, inlined into each build, as its helpers are.
    #[inline(always)]
    fn decode_lattice(
        &self,
        steps: &[i32],
        lattice: &mut Lattice,
        labels: &mut Vec<usize>,
        confidence: &mut Vec<f32>,
    ) {
        let l = self.n_labels;
        let n = steps.len() / l;
        labels.clear();
        confidence.clear();
        if n == 0 {
            return;
        }
        let Lattice {
            emission,
            forward,
            back,
            backward,
        } = lattice;
        emission.clear();
        emission.extend(steps.iter().map(|&s| s as f32 * self.scale));
        viterbi(
            emission,
            &self.transitions[l * l..],
            &self.moves,
            (forward, back),
            labels,
        );
        // Confidence is only reported for mention tokens: O tokens get 1.
        confidence.resize(n, 1.0);
        let Some(first) = labels.iter().position(|&y| y != 0) else {
            return;
        };
        // Max-marginals: the best path through each label. A token's confidence is the
        // logistic of the margin between its chosen label and the best alternative.
        backward.clear();
        backward.resize(n * l, 0f32);
        for y in 0..l {
            if !may_end(y) {
                backward[(n - 1) * l + y] = FORBIDDEN;
            }
        }
        for i in (first..n - 1).rev() {
            let (here, later) = backward.split_at_mut((i + 1) * l);
            self.moves.backward_step(
                (&emission[(i + 1) * l..(i + 2) * l], &later[..l]),
                &mut here[i * l..],
            );
        }
        for i in first..n {
            if labels[i] == 0 {
                continue;
            }
            let chosen = forward[i * l + labels[i]] + backward[i * l + labels[i]];
            let mut other = f32::NEG_INFINITY;
            for y in (0..l).filter(|&y| y != labels[i]) {
                other = other.max(forward[i * l + y] + backward[i * l + y]);
            }
            confidence[i] = 1.0 / (1.0 + (-(chosen - other) / CONFIDENCE_TEMPERATURE).exp());
        }
    }

    /// The model file: feature set, gazetteer fingerprint, table size, entity types, scale,
    /// transitions and weights, in the `persist` layout.
    pub fn to_bytes(&self) -> Vec<u8> {
        let weights = self.weights.to_weights();
        let mut out = Writer::new(
            &FORMAT,
            weights.len() * 2 + self.transitions.len() * 4 + 1024,
        );
        out.put(FEATURES_VERSION);
        out.put(self.gazetteer);
        out.put(self.bits);
        out.put(self.types.len() as u32);
        for t in &self.types {
            out.put_str(t);
        }
        out.put(self.scale);
        out.put_all(&self.transitions);
        out.put_all(&weights);
        out.finish()
    }

    /// Reads a model written by [`Model::to_bytes`]; anything else is an [`Error::Model`].
    pub fn from_bytes(data: &[u8]) -> Result<Self> {
        let mut reader = Reader::open(data, &FORMAT)?;
        let features = reader.get::<u32>()?;
        if features != FEATURES_VERSION {
            return Err(reader.invalid(&format!(
                "trained with feature set {features}, this tidings uses {FEATURES_VERSION}"
            )));
        }
        let gazetteer = reader.get::<u64>()?;
        let bits = reader.get::<u32>()?;
        if !(4..=26).contains(&bits) {
            return Err(reader.invalid("table size out of range"));
        }
        let n_types = reader.get::<u32>()? as usize;
        if n_types == 0 || n_types > 16 {
            return Err(reader.invalid("number of entity types out of range"));
        }
        let types = (0..n_types)
            .map(|_| reader.get_str(MAX_TYPE_NAME).map(str::to_string))
            .collect::<Result<Vec<_>>>()?;
        let scale = reader.get::<f32>()?;
        let n_labels = 1 + 4 * n_types;
        let transitions = reader.get_all((n_labels + 1) * n_labels)?;
        let weights = WeightTable::new(&reader.get_all((1usize << bits) * n_labels)?, n_labels);
        reader.finish()?;
        let moves = Moves::new(&transitions, n_labels);
        Ok(Model {
            types,
            bits,
            gazetteer,
            n_labels,
            weights,
            transitions,
            scale,
            moves,
            id: next_model_id(),
        })
    }
}

/// The work tables of one decoding, kept from one sentence to the next so that decoding
/// allocates nothing once they have grown to the longest sentence.
#[derive(Debug, Default)]
pub struct Lattice {
    emission: Vec<f32>,
    forward: Vec<f32>,
    back: Vec<u8>,
    backward: Vec<f32>,
}

/// Lanes the label blocks are padded to, so that a block's loop compiles to vector instructions
/// with nothing left over.
const LANES: usize = 4;

/// The transitions between labels laid out for decoding. BILOU allows two blocks of moves:
/// a closed label (O, any L or U) may be followed by any opening label (O, any B or U), and
/// the open labels of a type (its B and I) only by that type's I or L. Four types allow 81 +
/// 16 of the 289 pairs; the first block is read as rows of lanes, one label pair per lane.
#[derive(Debug, Clone)]
struct Moves {
    /// The closed labels, in label order.
    closed: Vec<usize>,
    /// The opening labels, in label order.
    opening: Vec<usize>,
    /// `width` lanes per row (a multiple of [`LANES`]; the lanes past the labels are padding).
    width: usize,
    /// One row per closed label: its transitions into the opening labels.
    from_closed: Vec<f32>,
    /// One row per opening label: the transitions into it from the closed labels.
    into_opening: Vec<f32>,
    /// Per type: its B, I and L labels and the transitions B→I, I→I, B→L, I→L.
    inside: Vec<([usize; 3], [f32; 4])>,
    /// What a step may skip when O leads by enough (see [`OLead`]).
    o_lead: OLead,
}

/// How far O must lead for a step to skip the block of moves from closed into opening labels.
/// When O leads every other closed label by more than any transition can make up, every opening
/// label's best predecessor is O (forward), and O is every closed label's best successor
/// (backward): the step is then one add per label, the same operations the full step would
/// have chosen, so the same scores to the bit. Most tokens of news are plainly O.
#[derive(Debug, Clone)]
struct OLead {
    /// Per closed label after O (in `closed` order): the most a move from it into an opening
    /// label gains over the move from O into that label.
    forward: Vec<f64>,
    /// Per opening label after O (in `opening` order): the most a move into it from a closed
    /// label gains over that label's move into O.
    backward: Vec<f64>,
    /// The largest size of an allowed transition, for the rounding bound of the backward sums.
    largest: f64,
}

impl OLead {
    fn new(closed: &[usize], opening: &[usize], t: &dyn Fn(usize, usize) -> f32) -> Self {
        let gain = |a: (usize, usize), b: (usize, usize)| t(a.0, a.1) as f64 - t(b.0, b.1) as f64;
        let most = |gains: &mut dyn Iterator<Item = f64>| gains.fold(f64::NEG_INFINITY, f64::max);
        let forward = closed[1..]
            .iter()
            .map(|&p| most(&mut opening.iter().map(|&y| gain((p, y), (0, y)))))
            .collect();
        let backward = opening[1..]
            .iter()
            .map(|&z| most(&mut closed.iter().map(|&y| gain((y, z), (y, 0)))))
            .collect();
        let largest = closed
            .iter()
            .flat_map(|&p| opening.iter().map(move |&y| (p, y)))
            .map(|(p, y)| (t(p, y) as f64).abs())
            .fold(0.0, f64::max);
        OLead {
            forward,
            backward,
            largest,
        }
    }

    /// Whether `score[0] + t(0, y)` is at least `score[p] + t(p, y)` for every closed `p` and
    /// opening `y`. A single f32 addition rounds monotonically, so the sums compare as the
    /// exact ones do; the check itself is in f64 with room for its own rounding.
    #[inline(always)]
    fn leads_forward(&self, closed: &[usize], score: &[f32]) -> bool {
        let o = score[0] as f64;
        closed[1..].iter().zip(&self.forward).all(|(&p, &gain)| {
            let s = score[p] as f64;
            o - s >= gain + (o.abs() + s.abs() + gain.abs() + 1.0) * EPSILON_F64
        })
    }

    /// Whether, for every closed `y`, `(t(y, 0) + e[0]) + b[0]` is the greatest of the sums
    /// `(t(y, z) + e[z]) + b[z]` over the opening `z`, `e` the next emissions and `b` the later
    /// maxima. Each sum rounds twice, so O must lead by more than both sums' rounding
    /// (a relative 2^-22 of their sizes each) and by a little more, so that no two equal.
    #[inline(always)]
    fn leads_backward(&self, opening: &[usize], emission: &[f32], later: &[f32]) -> bool {
        let (e, b) = (emission[0] as f64, later[0] as f64);
        let o = e + b;
        opening[1..].iter().zip(&self.backward).all(|(&z, &gain)| {
            let (ez, bz) = (emission[z] as f64, later[z] as f64);
            let sizes = 2.0 * self.largest + e.abs() + b.abs() + ez.abs() + bz.abs();
            o - (ez + bz) >= gain + sizes * ROUNDING_F32 + 1e-6
        })
    }
}

/// Room for the rounding of the f64 checks of [`OLead`] (their inputs are f32).
const EPSILON_F64: f64 = 1.0 / (1u64 << 40) as f64;
/// Bound on the relative rounding of two f32 sums of three terms (2^-24 each rounding).
const ROUNDING_F32: f64 = 1.0 / (1u64 << 20) as f64;

impl Moves {
    /// The moves of `transitions` (`(l + 1) * l`, by previous label; the start row is not a
    /// move).
    fn new(transitions: &[f32], l: usize) -> Self {
        let t = |p: usize, y: usize| transitions[p * l + y];
        let closed: Vec<usize> = (0..l).filter(|&y| may_end(y)).collect();
        let opening: Vec<usize> = (0..l).filter(|&y| allowed(None, y)).collect();
        let width = closed.len().max(opening.len()).next_multiple_of(LANES);
        let block = |rows: &[usize], lanes: &[usize], t: &dyn Fn(usize, usize) -> f32| {
            let mut block = vec![FORBIDDEN; rows.len() * width];
            for (row, &r) in block.chunks_exact_mut(width).zip(rows) {
                for (lane, &c) in row.iter_mut().zip(lanes) {
                    *lane = t(r, c);
                }
            }
            block
        };
        let from_closed = block(&closed, &opening, &t);
        let into_opening = block(&opening, &closed, &|y, p| t(p, y));
        let inside = (0..(l - 1) / 4)
            .map(|ty| {
                let [b, i, last] = [Part::Begin, Part::Inside, Part::Last].map(|p| label_id(ty, p));
                ([b, i, last], [t(b, i), t(i, i), t(b, last), t(i, last)])
            })
            .collect();
        let o_lead = OLead::new(&closed, &opening, &t);
        Moves {
            closed,
            opening,
            width,
            from_closed,
            into_opening,
            inside,
            o_lead,
        }
    }

    /// One Viterbi step: `out[y]` is `emission[y]` plus the best of `score[p] + t(p, y)` over
    /// the labels `p` allowed before `y`, `back[y]` that `p` (of equal scores the first in
    /// label order).
    #[inline(always)]
    fn forward_step(&self, (score, emission): (&[f32], &[f32]), out: &mut [f32], back: &mut [u8]) {
        if self.o_lead.leads_forward(&self.closed, score) {
            // The first lanes of the block's first row: the moves from O.
            for (&y, &t) in self.opening.iter().zip(&self.from_closed) {
                out[y] = (score[0] + t) + emission[y];
                back[y] = 0;
            }
        } else {
            self.forward_from_closed((score, emission), out, back);
        }
        for &([b, i, last], [bi, ii, bl, il]) in &self.inside {
            for (y, from_b, from_i) in [(i, bi, ii), (last, bl, il)] {
                // Selects, not branches; of equal scores B, the first (scores are finite).
                let (via_b, via_i) = (score[b] + from_b, score[i] + from_i);
                let by_i = via_i > via_b;
                out[y] = if by_i { via_i } else { via_b } + emission[y];
                back[y] = if by_i { i } else { b } as u8;
            }
        }
    }

    /// The opening labels' part of [`Moves::forward_step`], every move from a closed label.
    #[inline(always)]
    fn forward_from_closed(
        &self,
        (score, emission): (&[f32], &[f32]),
        out: &mut [f32],
        back: &mut [u8],
    ) {
        let rows = self.from_closed.chunks_exact(self.width);
        for (c, labels) in self.opening.chunks(LANES).enumerate() {
            // Kept in registers, updated by selects, not branches.
            let mut best = [f32::NEG_INFINITY; LANES];
            let mut arg = [0u32; LANES];
            for (row, &p) in rows.clone().zip(&self.closed) {
                let s = score[p];
                for ((b, a), &t) in best.iter_mut().zip(&mut arg).zip(lanes(row, c)) {
                    let v = s + t;
                    let better = v > *b;
                    *b = if better { v } else { *b };
                    *a = if better { p as u32 } else { *a };
                }
            }
            for ((&y, b), a) in labels.iter().zip(best).zip(arg) {
                out[y] = b + emission[y];
                back[y] = a as u8;
            }
        }
    }

    /// One step of the max-marginals, backwards: `here[y]` is the best of `t(y, z) +
    /// next_emission[z] + later[z]` over the labels `z` allowed after `y`.
    #[inline(always)]
    fn backward_step(&self, (next_emission, later): (&[f32], &[f32]), here: &mut [f32]) {
        if self
            .o_lead
            .leads_backward(&self.opening, next_emission, later)
        {
            // The first row of `into_opening`: the moves into O.
            let (e, b) = (next_emission[0], later[0]);
            for (&y, &t) in self.closed.iter().zip(&self.into_opening) {
                here[y] = t + e + b;
            }
        } else {
            self.backward_into_opening((next_emission, later), here);
        }
        for &([b, i, last], [bi, ii, bl, il]) in &self.inside {
            let into = |ti: f32, tl: f32| {
                let to_i = ti + next_emission[i] + later[i];
                let to_last = tl + next_emission[last] + later[last];
                f32::NEG_INFINITY.max(to_i).max(to_last)
            };
            here[b] = into(bi, bl);
            here[i] = into(ii, il);
        }
    }

    /// The closed labels' part of [`Moves::backward_step`], every move into an opening label.
    #[inline(always)]
    fn backward_into_opening(&self, (next_emission, later): (&[f32], &[f32]), here: &mut [f32]) {
        let rows = self.into_opening.chunks_exact(self.width);
        for (c, labels) in self.closed.chunks(LANES).enumerate() {
            let mut most = [f32::NEG_INFINITY; LANES];
            for (row, &z) in rows.clone().zip(&self.opening) {
                let (e, b) = (next_emission[z], later[z]);
                for (m, &t) in most.iter_mut().zip(lanes(row, c)) {
                    *m = m.max(t + e + b);
                }
            }
            for (&y, m) in labels.iter().zip(most) {
                here[y] = m;
            }
        }
    }
}

/// Chunk `c` of a block's row: [`LANES`] lanes.
#[inline(always)]
fn lanes(row: &[f32], c: usize) -> &[f32; LANES] {
    row[c * LANES..(c + 1) * LANES]
        .try_into()
        .expect("rows are whole chunks")
}

/// Viterbi over `n` tokens; `emission` is `n * l`, `start` the `l` scores of each label
/// opening a sentence. Fills the forward table (best prefix score ending in each label at each
/// token) and the back pointers.
#[inline(always)]
fn viterbi(
    emission: &[f32],
    start: &[f32],
    moves: &Moves,
    (forward, back): (&mut Vec<f32>, &mut Vec<u8>),
    labels: &mut Vec<usize>,
) {
    let l = start.len();
    let n = emission.len() / l;
    forward.clear();
    forward.resize(n * l, 0f32);
    back.clear();
    back.resize(n * l, 0u8);
    for y in 0..l {
        forward[y] = emission[y] + start[y];
    }
    for i in 1..n {
        let (done, rest) = forward.split_at_mut(i * l);
        moves.forward_step(
            (&done[(i - 1) * l..], &emission[i * l..(i + 1) * l]),
            &mut rest[..l],
            &mut back[i * l..(i + 1) * l],
        );
    }
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0;
    for (y, &s) in forward[(n - 1) * l..].iter().enumerate() {
        let s = if may_end(y) { s } else { s + FORBIDDEN };
        if s > best {
            best = s;
            arg = y;
        }
    }
    labels.clear();
    labels.resize(n, 0);
    labels[n - 1] = arg;
    for i in (1..n).rev() {
        labels[i - 1] = back[i * l + labels[i]] as usize;
    }
}

/// One training sentence: its features (from `features::sentence_features`) and gold labels.
pub struct Example {
    pub features: Vec<u32>,
    pub labels: Vec<usize>,
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub bits: u32,
    pub epochs: usize,
    pub seed: u64,
    /// Share of tokens (0..1) whose word-identity features are hidden in a training pass, so
    /// the model also learns from shape, affixes and context (names it never saw).
    pub word_dropout: f64,
    /// Training runs with different shuffles whose weights are averaged (1: a single run).
    pub runs: usize,
}

/// Positions (templates) of the word-identity features in a token's feature row.
const WORD_FEATURES: [usize; 4] = [1, 2, 17, 18];

fn forbidden_mask(n_labels: usize) -> Vec<f32> {
    let mut mask = vec![0f32; (n_labels + 1) * n_labels];
    for prev in 0..=n_labels {
        for cur in 0..n_labels {
            let p = if prev == n_labels { None } else { Some(prev) };
            if !allowed(p, cur) {
                mask[prev * n_labels + cur] = FORBIDDEN;
            }
        }
    }
    mask
}

/// Trains an averaged structured perceptron; `progress` is called after each epoch with
/// (epoch, token accuracy on the training pass).
/// One training run (one shuffling seed): averaged emission weights and transitions.
fn train_run(
    examples: &[Example],
    config: &TrainConfig,
    seed: u64,
    n_labels: usize,
    mask: &[f32],
    progress: &mut impl FnMut(usize, f64),
) -> (Vec<f32>, Vec<f32>) {
    let mut run = TrainingRun::new(config.bits, n_labels);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed.max(1);
    let mut dropped: Vec<bool> = Vec::new();
    for epoch in 0..config.epochs {
        shuffle(&mut order, &mut rng);
        let (mut correct, mut total) = (0usize, 0usize);
        for &k in &order {
            let ex = &examples[k];
            if ex.labels.is_empty() {
                continue;
            }
            dropout_mask(
                seed,
                epoch,
                k,
                ex.labels.len(),
                config.word_dropout,
                &mut dropped,
            );
            correct += run.learn(ex, &dropped, mask);
            total += ex.labels.len();
        }
        progress(epoch + 1, correct as f64 / total.max(1) as f64);
    }
    run.averaged()
}

/// Fisher-Yates with xorshift: a fixed seed gives the same model every run.
fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        order.swap(i, (*rng % (i as u64 + 1)) as usize);
    }
}

/// Which tokens of sentence `k` lose their word features this epoch. Deterministic per
/// (epoch, sentence, token): the same seed gives the same model.
fn dropout_mask(seed: u64, epoch: usize, k: usize, n: usize, rate: f64, dropped: &mut Vec<bool>) {
    dropped.clear();
    dropped.extend((0..n).map(|i| {
        let mut h = seed ^ ((epoch as u64) << 48) ^ ((k as u64) << 16) ^ i as u64;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        ((h >> 11) as f64 / (1u64 << 53) as f64) < rate
    }));
}

/// The state of one averaged-perceptron run: current weights and the running sums that give
/// the averaged weights at the end (the running-sum trick).
struct TrainingRun {
    n_labels: usize,
    weights: Vec<f32>,
    totals: Vec<f64>,
    trans: Vec<f32>,
    trans_totals: Vec<f64>,
    step: f64,
    emission: Vec<f32>,
    forward: Vec<f32>,
    back: Vec<u8>,
    predicted: Vec<usize>,
}

impl TrainingRun {
    fn new(bits: u32, n_labels: usize) -> Self {
        let rows = 1usize << bits;
        TrainingRun {
            n_labels,
            weights: vec![0f32; rows * n_labels],
            totals: vec![0f64; rows * n_labels],
            trans: vec![0f32; (n_labels + 1) * n_labels],
            trans_totals: vec![0f64; (n_labels + 1) * n_labels],
            step: 1.0,
            emission: Vec::new(),
            forward: Vec::new(),
            back: Vec::new(),
            predicted: Vec::new(),
        }
    }

    /// Decodes one sentence with the current weights and corrects them where the reading is
    /// wrong; returns how many tokens it read right.
    fn learn(&mut self, ex: &Example, dropped: &[bool], mask: &[f32]) -> usize {
        self.score(ex, dropped);
        let l = self.n_labels;
        let effective: Vec<f32> = self.trans.iter().zip(mask).map(|(t, m)| t + m).collect();
        viterbi(
            &self.emission,
            &effective[l * l..],
            &Moves::new(&effective, l),
            (&mut self.forward, &mut self.back),
            &mut self.predicted,
        );
        let mut correct = 0;
        for i in 0..ex.labels.len() {
            let (gold, pred) = (ex.labels[i], self.predicted[i]);
            if gold == pred {
                correct += 1;
            } else {
                self.update_features(ex, dropped, i, gold, pred);
            }
            let gold_prev = if i == 0 {
                self.n_labels
            } else {
                ex.labels[i - 1]
            };
            let pred_prev = if i == 0 {
                self.n_labels
            } else {
                self.predicted[i - 1]
            };
            if (gold_prev, gold) != (pred_prev, pred) {
                self.update_transition(gold_prev * self.n_labels + gold, 1.0);
                self.update_transition(pred_prev * self.n_labels + pred, -1.0);
            }
        }
        self.step += 1.0;
        correct
    }

    /// Emission scores of every token and label from the active features.
    fn score(&mut self, ex: &Example, dropped: &[bool]) {
        let l = self.n_labels;
        self.emission.clear();
        self.emission.resize(ex.labels.len() * l, 0f32);
        for i in 0..ex.labels.len() {
            for f in active_features(ex, dropped, i) {
                let row = &self.weights[f as usize * l..(f as usize + 1) * l];
                for (e, w) in self.emission[i * l..(i + 1) * l].iter_mut().zip(row) {
                    *e += w;
                }
            }
        }
    }

    fn update_features(
        &mut self,
        ex: &Example,
        dropped: &[bool],
        i: usize,
        gold: usize,
        pred: usize,
    ) {
        for f in active_features(ex, dropped, i) {
            let base = f as usize * self.n_labels;
            self.weights[base + gold] += 1.0;
            self.totals[base + gold] += self.step;
            self.weights[base + pred] -= 1.0;
            self.totals[base + pred] -= self.step;
        }
    }

    fn update_transition(&mut self, cell: usize, sign: f32) {
        self.trans[cell] += sign;
        self.trans_totals[cell] += sign as f64 * self.step;
    }

    /// Averaged weights and transitions: w - totals / step.
    fn averaged(self) -> (Vec<f32>, Vec<f32>) {
        let average = |w: &[f32], t: &[f64]| -> Vec<f32> {
            w.iter()
                .zip(t)
                .map(|(&w, &t)| (w as f64 - t / self.step) as f32)
                .collect()
        };
        (
            average(&self.weights, &self.totals),
            average(&self.trans, &self.trans_totals),
        )
    }
}

/// Token `i`'s features, without its word features when it is dropped out.
fn active_features<'a>(
    ex: &'a Example,
    dropped: &[bool],
    i: usize,
) -> impl Iterator<Item = u32> + 'a {
    let row = &ex.features[i * FEATURES_PER_TOKEN..(i + 1) * FEATURES_PER_TOKEN];
    let drop = dropped[i];
    row.iter()
        .enumerate()
        .filter(move |(t, _)| !(drop && WORD_FEATURES.contains(t)))
        .map(|(_, &f)| f)
}

/// Refuses examples whose features and labels disagree or whose labels are no BILOU sequence.
fn check_examples(examples: &[Example], n_labels: usize) -> Result<()> {
    for ex in examples {
        if ex.features.len() != ex.labels.len() * FEATURES_PER_TOKEN
            || ex.labels.iter().any(|&y| y >= n_labels)
        {
            return Err(Error::InvalidInput(
                "training example with inconsistent features or labels".into(),
            ));
        }
        if ex
            .labels
            .iter()
            .enumerate()
            .any(|(i, &y)| !allowed(if i == 0 { None } else { Some(ex.labels[i - 1]) }, y))
            || ex.labels.last().is_some_and(|&y| !may_end(y))
        {
            return Err(Error::InvalidInput(
                "training example with an invalid BILOU sequence".into(),
            ));
        }
    }
    Ok(())
}

/// Trains a model; `gazetteer` is the fingerprint of the gazetteer whose matches are among the
/// examples' features.
pub fn train(
    types: Vec<String>,
    examples: &[Example],
    config: &TrainConfig,
    gazetteer: u64,
    mut progress: impl FnMut(usize, f64),
) -> Result<Model> {
    let n_labels = 1 + 4 * types.len();
    if !(4..=26).contains(&config.bits) {
        return Err(Error::InvalidInput("bits must be between 4 and 26".into()));
    }
    check_examples(examples, n_labels)?;
    let mask = forbidden_mask(n_labels);
    // Several runs with different shuffles, averaged: a steadier model than any one run.
    let runs = config.runs.max(1);
    let mut averaged = vec![0f32; (1usize << config.bits) * n_labels];
    let mut trans_sum = vec![0f32; (n_labels + 1) * n_labels];
    for run in 0..runs {
        let (w, t) = train_run(
            examples,
            config,
            config.seed.wrapping_add(run as u64 * 7919),
            n_labels,
            &mask,
            &mut progress,
        );
        averaged
            .iter_mut()
            .zip(&w)
            .for_each(|(a, b)| *a += b / runs as f32);
        trans_sum
            .iter_mut()
            .zip(&t)
            .for_each(|(a, b)| *a += b / runs as f32);
    }
    let largest = averaged.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
    let scale = largest / i16::MAX as f32;
    let quantised: Vec<i16> = averaged
        .iter()
        .map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
        .collect();
    let transitions: Vec<f32> = trans_sum.iter().zip(&mask).map(|(&w, &m)| w + m).collect();
    let moves = Moves::new(&transitions, n_labels);
    Ok(Model {
        types,
        bits: config.bits,
        gazetteer,
        n_labels,
        weights: WeightTable::new(&quantised, n_labels),
        transitions,
        scale,
        moves,
        id: next_model_id(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions() {
        let b_per = label_id(0, Part::Begin);
        let i_per = label_id(0, Part::Inside);
        let l_org = label_id(1, Part::Last);
        assert!(allowed(None, b_per));
        assert!(!allowed(None, i_per));
        assert!(allowed(Some(b_per), i_per));
        assert!(!allowed(Some(b_per), l_org));
        assert!(!allowed(Some(b_per), 0));
        assert!(allowed(Some(l_org), 0));
        assert_eq!(split_label(label_id(2, Part::Unit)), Some((2, Part::Unit)));
    }

    /// Small whole numbers, so that equal scores (and so the tie rule) come up often.
    fn small_numbers(seed: u64) -> impl FnMut() -> f32 {
        let mut state = seed;
        move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 9) as f32 - 4.0
        }
    }

    /// The build for wider instructions decodes as the portable one: the same labels and the
    /// same confidences to the bit, on the shipped model and sums of every size.
    #[test]
    fn wide_build_decodes_as_portable() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/python/tidings/data/tagger.bin"
        );
        let model = Model::from_bytes(&std::fs::read(path).unwrap()).unwrap();
        let l = model.n_labels();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut lattice = Lattice::default();
        for (sentence, spread) in (0..200).zip([40, 400, 4000, 40000].into_iter().cycle()) {
            let steps: Vec<i32> = (0..(1 + sentence % 30) * l)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state % (2 * spread + 1)) as i32 - spread as i32
                })
                .collect();
            let (mut wide, mut wide_confidence) = (Vec::new(), Vec::new());
            model.decode_sums(&steps, &mut lattice, &mut wide, &mut wide_confidence);
            let (mut labels, mut confidence) = (Vec::new(), Vec::new());
            model.decode_lattice(&steps, &mut lattice, &mut labels, &mut confidence);
            assert_eq!(wide, labels);
            let bits = |c: &[f32]| c.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&wide_confidence), bits(&confidence));
        }
    }

    /// Decoding by the label blocks gives what a Viterbi over every pair `allowed` permits
    /// gives: the same scores, back pointers (of equal scores the first label) and backward
    /// maxima, for any number of types.
    #[test]
    fn blocks_decode_as_every_allowed_pair() {
        for types in 1..=5 {
            let l = 1 + 4 * types;
            let mut next = small_numbers(0x9e37_79b9_7f4a_7c15 + types as u64);
            let transitions: Vec<f32> = (0..(l + 1) * l)
                .map(|k| match allowed((k / l < l).then_some(k / l), k % l) {
                    true => next(),
                    false => FORBIDDEN,
                })
                .collect();
            let moves = Moves::new(&transitions, l);
            let n = 9;
            let emission: Vec<f32> = (0..n * l).map(|_| next()).collect();
            let (mut forward, mut back, mut labels) = (Vec::new(), Vec::new(), Vec::new());
            let start = &transitions[l * l..];
            viterbi(
                &emission,
                start,
                &moves,
                (&mut forward, &mut back),
                &mut labels,
            );
            for i in 1..n {
                for y in 0..l {
                    let mut best = (f32::NEG_INFINITY, 0);
                    for p in (0..l).filter(|&p| allowed(Some(p), y)) {
                        let v = forward[(i - 1) * l + p] + transitions[p * l + y];
                        if v > best.0 {
                            best = (v, p);
                        }
                    }
                    assert_eq!(forward[i * l + y], best.0 + emission[i * l + y]);
                    assert_eq!(back[i * l + y] as usize, best.1, "{types} types");
                }
            }
            let later: Vec<f32> = (0..l).map(|_| next()).collect();
            let mut here = vec![0f32; l];
            moves.backward_step((&emission[..l], &later), &mut here);
            for (y, &got) in here.iter().enumerate() {
                let expected = (0..l)
                    .filter(|&z| allowed(Some(y), z))
                    .map(|z| transitions[y * l + z] + emission[z] + later[z])
                    .fold(f32::NEG_INFINITY, f32::max);
                assert_eq!(got, expected, "{types} types, label {y}");
            }
        }
    }

    /// Fractional numbers of every size in `-size..size`.
    fn fractions(seed: u64) -> impl FnMut(f32) -> f32 {
        let mut next = small_numbers(seed);
        let mut state = seed | 1;
        move |size| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let unit = (state >> 40) as f32 / (1u64 << 24) as f32;
            (next() / 4.0 + unit - 0.5) * size
        }
    }

    /// The steps that skip the closed block when O leads give the scores, back pointers and
    /// maxima of every allowed pair, to the bit: on scores where O leads by a lot, by about
    /// the most a transition gains (just more or just less), or not at all, at every size.
    #[test]
    fn o_lead_steps_equal_every_allowed_pair() {
        let (mut skipped_forward, mut skipped_backward) = (0, 0);
        for seed in 0..400u64 {
            let types = 1 + seed as usize % 5;
            let l = 1 + 4 * types;
            let mut draw = fractions(0x51ed_270b_1f3c_9a85 ^ seed.wrapping_mul(0x9e37));
            let transitions: Vec<f32> = (0..(l + 1) * l)
                .map(|k| match allowed((k / l < l).then_some(k / l), k % l) {
                    true => draw(8.0),
                    false => FORBIDDEN,
                })
                .collect();
            let moves = Moves::new(&transitions, l);
            let t = |p: usize, y: usize| transitions[p * l + y];
            let base = draw(1.0e5);
            let near = |draw: &mut dyn FnMut(f32) -> f32, gain: f64| -> f32 {
                match seed % 4 {
                    0 => base - draw(40.0).abs() - 30.0,
                    1 => (base as f64 - gain) as f32 + draw(1.0e-3),
                    2 => base + draw(3.0),
                    _ => base - draw(1.0e3),
                }
            };
            let mut score = vec![0f32; l];
            score[0] = base;
            for (&p, &gain) in moves.closed[1..].iter().zip(&moves.o_lead.forward) {
                score[p] = near(&mut draw, gain);
            }
            for y in (1..l).filter(|&y| !may_end(y)) {
                score[y] = base + draw(50.0);
            }
            let emission: Vec<f32> = (0..l).map(|_| draw(20.0)).collect();
            let (mut out, mut back) = (vec![0f32; l], vec![0u8; l]);
            moves.forward_step((&score, &emission), &mut out, &mut back);
            skipped_forward += moves.o_lead.leads_forward(&moves.closed, &score) as usize;
            for y in 0..l {
                let mut best = (f32::NEG_INFINITY, 0);
                for p in (0..l).filter(|&p| allowed(Some(p), y)) {
                    let v = score[p] + t(p, y);
                    if v > best.0 {
                        best = (v, p);
                    }
                }
                assert_eq!(out[y].to_bits(), (best.0 + emission[y]).to_bits(), "{seed}");
                assert_eq!(back[y] as usize, best.1, "{seed}");
            }
            // Backward: O's emission plus later maximum against the other opening labels'.
            let mut later = vec![0f32; l];
            let mut next_emission = vec![0f32; l];
            later[0] = base;
            next_emission[0] = draw(20.0);
            for (&z, &gain) in moves.opening[1..].iter().zip(&moves.o_lead.backward) {
                next_emission[z] = draw(20.0);
                later[z] = near(
                    &mut draw,
                    gain + (next_emission[z] - next_emission[0]) as f64,
                );
            }
            for z in (1..l).filter(|&z| !allowed(None, z)) {
                (later[z], next_emission[z]) = (base + draw(50.0), draw(20.0));
            }
            let mut here = vec![0f32; l];
            moves.backward_step((&next_emission, &later), &mut here);
            skipped_backward += moves
                .o_lead
                .leads_backward(&moves.opening, &next_emission, &later)
                as usize;
            for (y, &got) in here.iter().enumerate() {
                let expected = (0..l)
                    .filter(|&z| allowed(Some(y), z))
                    .map(|z| t(y, z) + next_emission[z] + later[z])
                    .fold(f32::NEG_INFINITY, f32::max);
                assert_eq!(got.to_bits(), expected.to_bits(), "{seed}, label {y}");
            }
        }
        // The shortcuts were taken often, and not always.
        assert!((50..350).contains(&skipped_forward), "{skipped_forward}");
        assert!((50..350).contains(&skipped_backward), "{skipped_backward}");
    }

    fn toy() -> (Vec<Example>, Model) {
        // Feature 1 marks a one-token person, features 2/3 a two-token org, 5 is O.
        let f = FEATURES_PER_TOKEN;
        let row = |id: u32| -> Vec<u32> { std::iter::repeat_n(id, f).collect() };
        let sentence = |ids: &[u32], labels: Vec<usize>| Example {
            features: ids.iter().flat_map(|&i| row(i)).collect(),
            labels,
        };
        let examples = vec![
            sentence(&[5, 1, 5], vec![0, label_id(0, Part::Unit), 0]),
            sentence(
                &[2, 3, 5],
                vec![label_id(1, Part::Begin), label_id(1, Part::Last), 0],
            ),
            sentence(
                &[1, 5, 2, 3],
                vec![
                    label_id(0, Part::Unit),
                    0,
                    label_id(1, Part::Begin),
                    label_id(1, Part::Last),
                ],
            ),
        ];
        let config = TrainConfig {
            bits: 6,
            epochs: 8,
            seed: 7,
            word_dropout: 0.0,
            runs: 1,
        };
        let model = train(
            vec!["PERSON".into(), "ORG".into()],
            &examples,
            &config,
            0x7e57,
            |_, _| {},
        )
        .unwrap();
        (examples, model)
    }

    #[test]
    fn learns_toy_data_and_round_trips() {
        let (examples, model) = toy();
        let mut labels = Vec::new();
        let mut conf = Vec::new();
        for ex in &examples {
            model.decode(&ex.features, &mut labels, &mut conf);
            assert_eq!(labels, ex.labels);
            assert!(conf.iter().all(|&c| c > 0.0 && c <= 1.0));
        }
        let bytes = model.to_bytes();
        let again = Model::from_bytes(&bytes).unwrap();
        assert_eq!(again.to_bytes(), bytes);
        assert_eq!(again.gazetteer, 0x7e57);
        let mut damaged = bytes.clone();
        damaged[40] ^= 1;
        assert!(matches!(Model::from_bytes(&damaged), Err(Error::Model(_))));
        assert!(matches!(
            Model::from_bytes(&bytes[..bytes.len() - 3]),
            Err(Error::Model(_))
        ));
        assert!(matches!(
            Model::from_bytes(b"nonsense"),
            Err(Error::Model(_))
        ));
    }

    #[test]
    fn training_is_deterministic() {
        assert_eq!(toy().1.to_bytes(), toy().1.to_bytes());
    }
}
