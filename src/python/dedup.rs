//! Bindings of the dedup core: the `DedupIndex` class (documents decided as they arrive), the
//! `DedupFingerprints` class (documents gathered, then decided in an order given by ranks) and
//! `repeated_paragraphs`.

use std::path::PathBuf;
use std::sync::MutexGuard;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use super::options::options_from;
use super::shared::Shared;
use super::{
    compute, compute_sized, extract_texts, progress_of, text_bytes, IntoPyResult, ProgressCounter,
    Workers,
};
use crate::dedup::options::{INDEX_OPTIONS, MIN_DOCS, PARAGRAPH_OPTIONS};
use crate::dedup::spilled::BLOCK_BYTES;
use crate::dedup::{
    self, fingerprint_bytes, Clusters, DedupConfig, Fingerprints, Pair, SpilledFingerprints,
};
use crate::options::Options;
use crate::Error;

fn config_of(py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<DedupConfig> {
    let options = options_from(Options::new(&INDEX_OPTIONS), options)?;
    DedupConfig::from_options(&options).into_py_result(py)
}

/// Cluster columns: representative, cluster_size, kind (one byte per document: its position in
/// `DEDUP_KINDS`), similarity.
fn clusters_dict<'py>(py: Python<'py>, clusters: Clusters) -> PyResult<Bound<'py, PyDict>> {
    let kind: Vec<u8> = clusters.kind.iter().map(|k| k.code()).collect();
    let out = PyDict::new(py);
    out.set_item("representative", clusters.representative)?;
    out.set_item("cluster_size", clusters.size)?;
    out.set_item("kind", PyBytes::new(py, &kind))?;
    out.set_item("similarity", clusters.similarity)?;
    Ok(out)
}

/// Pair columns: doc_a (decided first), doc_b, jaccard, containment.
fn pairs_dict<'py>(py: Python<'py>, pairs: &[Pair]) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    out.set_item("doc_a", pairs.iter().map(|p| p.a).collect::<Vec<_>>())?;
    out.set_item("doc_b", pairs.iter().map(|p| p.b).collect::<Vec<_>>())?;
    out.set_item(
        "jaccard",
        pairs.iter().map(|p| p.jaccard).collect::<Vec<_>>(),
    )?;
    out.set_item(
        "containment",
        pairs.iter().map(|p| p.containment).collect::<Vec<_>>(),
    )?;
    Ok(out)
}

/// A growable dedup index (the engine behind `tidings.DedupIndex`). Threads that share one
/// index take turns: each call waits, without the GIL, for the one before it to end.
#[pyclass(module = "tidings._core", name = "DedupIndex", frozen)]
pub(crate) struct PyDedupIndex {
    inner: Shared<dedup::DedupIndex>,
}

impl PyDedupIndex {
    fn wrap(inner: dedup::DedupIndex) -> Self {
        PyDedupIndex {
            inner: Shared::new(inner),
        }
    }

    fn index(&self, py: Python<'_>) -> MutexGuard<'_, dedup::DedupIndex> {
        self.inner.lock(py)
    }
}

#[pymethods]
impl PyDedupIndex {
    /// Options as in `dedup::options::INDEX_OPTIONS` (threshold, containment, ngram, sample);
    /// `all_pairs` indexes every new text so that `pairs` is complete.
    #[new]
    #[pyo3(signature = (*, all_pairs = true, **options))]
    fn new(py: Python<'_>, all_pairs: bool, options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let config = config_of(py, options)?;
        let inner = dedup::DedupIndex::new(config, all_pairs).into_py_result(py)?;
        Ok(PyDedupIndex::wrap(inner))
    }

    /// Adds a batch; returns the id of its first document.
    #[pyo3(signature = (texts, *, workers = None, progress = None))]
    fn add(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        workers: Option<Workers>,
        progress: Option<&Bound<'_, ProgressCounter>>,
    ) -> PyResult<u32> {
        let texts = extract_texts(texts)?;
        let counter = progress_of(progress);
        let mut index = self.index(py);
        let inner = &mut *index;
        compute(py, workers, move || {
            let borrowed: Vec<Option<&str>> = texts.iter().map(|t| t.as_deref()).collect();
            inner.add_counted(&borrowed, &counter)
        })
    }

    /// Cluster columns of documents `start..end` (default: to the end).
    #[pyo3(signature = (start = 0, end = None))]
    fn clusters<'py>(
        &self,
        py: Python<'py>,
        start: usize,
        end: Option<usize>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let index = self.index(py);
        let end = end.unwrap_or(index.len());
        let clusters = index.clusters(start..end).into_py_result(py)?;
        clusters_dict(py, clusters)
    }

    /// Verified pairs, in the order found.
    fn pairs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        pairs_dict(py, self.index(py).pairs())
    }

    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        let bytes = self.index(py).to_bytes();
        PyBytes::new(py, &bytes)
    }

    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        let inner = dedup::DedupIndex::from_bytes(data).into_py_result(py)?;
        Ok(PyDedupIndex::wrap(inner))
    }

    /// Reads an index saved to `path`, checking its header before reading further.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let inner = py
            .detach(|| dedup::DedupIndex::read_from(&path))
            .into_py_result(py)?;
        Ok(PyDedupIndex::wrap(inner))
    }

    fn memory_bytes(&self, py: Python<'_>) -> usize {
        self.index(py).memory_bytes()
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.index(py).len()
    }

    #[getter]
    fn threshold(&self, py: Python<'_>) -> f64 {
        self.index(py).config().threshold
    }

    #[getter]
    fn containment(&self, py: Python<'_>) -> Option<f64> {
        self.index(py).config().containment
    }

    #[getter]
    fn ngram(&self, py: Python<'_>) -> usize {
        self.index(py).config().ngram
    }

    #[getter]
    fn sample(&self, py: Python<'_>) -> usize {
        self.index(py).config().sample
    }

    #[getter]
    fn all_pairs(&self, py: Python<'_>) -> bool {
        self.index(py).every_text()
    }
}

/// A batch of texts fingerprinted with shingles of `ngram` words.
fn fingerprinted(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    ngram: usize,
    workers: Option<Workers>,
    progress: Option<&Bound<'_, ProgressCounter>>,
) -> PyResult<Fingerprints> {
    let texts = extract_texts(texts)?;
    let counter = progress_of(progress);
    let bytes = text_bytes(&texts);
    compute_sized(py, workers, bytes, move || {
        let borrowed: Vec<Option<&str>> = texts.iter().map(|t| t.as_deref()).collect();
        Ok(Fingerprints::of_texts(&borrowed, ngram, &counter))
    })
}

/// Fingerprints saved by `to_bytes`, which must use shingles of `ngram` words.
fn from_bytes(py: Python<'_>, data: &[u8], ngram: usize) -> PyResult<Fingerprints> {
    let (batch, made_with) = fingerprint_bytes::fingerprints_from_bytes(data).into_py_result(py)?;
    if made_with != ngram {
        return Err(Error::InvalidInput(format!(
            "the fingerprints were made with ngram={made_with}, these have ngram={ngram}"
        )))
        .into_py_result(py);
    }
    Ok(batch)
}

/// The cluster columns of `decided` and, with `all_pairs`, its pairs under "pairs".
fn decided_dict(
    py: Python<'_>,
    decided: dedup::Decided,
    all_pairs: bool,
) -> PyResult<Bound<'_, PyDict>> {
    let out = clusters_dict(py, decided.clusters)?;
    if all_pairs {
        out.set_item("pairs", pairs_dict(py, &decided.pairs)?)?;
    }
    Ok(out)
}

/// Documents gathered batch by batch with their shingles in a temporary file, then decided
/// together block by block in bounded memory: what `DedupFingerprints.decide` gives with every
/// pair (the corpus dedup step of `tidings run`).
#[pyclass(module = "tidings._core", name = "DedupSpill")]
pub(crate) struct PyDedupSpill {
    config: DedupConfig,
    inner: SpilledFingerprints,
    block_bytes: usize,
}

#[pymethods]
impl PyDedupSpill {
    /// The temporary file goes into `directory`; a block of the decision holds about
    /// `block_bytes` of shingles; options as in `dedup::options::INDEX_OPTIONS`.
    #[new]
    #[pyo3(signature = (directory, *, block_bytes = BLOCK_BYTES, **options))]
    fn new(
        py: Python<'_>,
        directory: PathBuf,
        block_bytes: usize,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let config = config_of(py, options)?;
        config.validate().into_py_result(py)?;
        let inner = SpilledFingerprints::create(&directory).into_py_result(py)?;
        Ok(PyDedupSpill {
            config,
            inner,
            block_bytes,
        })
    }

    /// Fingerprints a batch and writes it to the file.
    #[pyo3(signature = (texts, *, workers = None, progress = None))]
    fn add(
        &mut self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        workers: Option<Workers>,
        progress: Option<&Bound<'_, ProgressCounter>>,
    ) -> PyResult<()> {
        let batch = fingerprinted(py, texts, self.config.ngram, workers, progress)?;
        self.inner.append(&batch).into_py_result(py)
    }

    /// Adds the documents of fingerprints saved by `DedupFingerprints.to_bytes`.
    fn add_bytes(&mut self, py: Python<'_>, data: &[u8]) -> PyResult<()> {
        let batch = from_bytes(py, data, self.config.ngram)?;
        self.inner.append(&batch).into_py_result(py)
    }

    /// Decides every document as `DedupFingerprints.decide` with `all_pairs` (which must be
    /// true: the pairs are found anyway).
    #[pyo3(signature = (rank = None, *, all_pairs = true, workers = None))]
    fn decide<'py>(
        &mut self,
        py: Python<'py>,
        rank: Option<Vec<u64>>,
        all_pairs: bool,
        workers: Option<Workers>,
    ) -> PyResult<Bound<'py, PyDict>> {
        if !all_pairs {
            return Err(Error::InvalidInput(
                "spilled fingerprints are decided with every pair".into(),
            ))
            .into_py_result(py);
        }
        let (spilled, config, block_bytes) = (&mut self.inner, self.config, self.block_bytes);
        let decided = compute(py, workers, move || {
            dedup::decide_spilled(spilled, config, rank.as_deref(), block_bytes)
        })?;
        decided_dict(py, decided, true)
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }
}

/// Documents gathered batch by batch, then decided together in an order given by ranks (the
/// engine behind `tidings.dedup` and the corpus dedup step).
#[pyclass(module = "tidings._core", name = "DedupFingerprints")]
pub(crate) struct PyDedupFingerprints {
    config: DedupConfig,
    inner: Fingerprints,
}

#[pymethods]
impl PyDedupFingerprints {
    /// Options as in `dedup::options::INDEX_OPTIONS`.
    #[new]
    #[pyo3(signature = (**options))]
    fn new(py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let config = config_of(py, options)?;
        config.validate().into_py_result(py)?;
        Ok(PyDedupFingerprints {
            config,
            inner: Fingerprints::new(),
        })
    }

    /// Fingerprints a batch and keeps it.
    #[pyo3(signature = (texts, *, workers = None, progress = None))]
    fn add(
        &mut self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        workers: Option<Workers>,
        progress: Option<&Bound<'_, ProgressCounter>>,
    ) -> PyResult<()> {
        let batch = fingerprinted(py, texts, self.config.ngram, workers, progress)?;
        self.inner.append(&batch);
        Ok(())
    }

    /// Decides every document, by increasing `rank` (ties by text); cluster columns with
    /// positions as representatives, and with `all_pairs` the complete pairs table under "pairs".
    #[pyo3(signature = (rank = None, *, all_pairs = false, workers = None))]
    fn decide<'py>(
        &self,
        py: Python<'py>,
        rank: Option<Vec<u64>>,
        all_pairs: bool,
        workers: Option<Workers>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let (fingerprints, config) = (&self.inner, self.config);
        // Four bytes a shingle.
        let bytes = 4
            * (0..fingerprints.len())
                .map(|d| fingerprints.shingles(d).len())
                .sum::<usize>();
        let decided = compute_sized(py, workers, bytes, move || {
            dedup::decide(fingerprints, config, rank.as_deref(), all_pairs)
        })?;
        decided_dict(py, decided, all_pairs)
    }

    /// The fingerprints as bytes, for `add_bytes` of fingerprints with the same `ngram` (in
    /// another process): adding them equals adding the texts.
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(
            py,
            &fingerprint_bytes::fingerprints_to_bytes(&self.inner, self.config.ngram),
        )
    }

    /// Adds the documents of fingerprints saved by `to_bytes`, after those added so far.
    fn add_bytes(&mut self, py: Python<'_>, data: &[u8]) -> PyResult<()> {
        self.inner.append(&from_bytes(py, data, self.config.ngram)?);
        Ok(())
    }

    /// The fingerprints as little-endian arrays (exact hashes `u64`, shingle offsets `u64`, one
    /// more than the documents, and shingle hashes `u32`), for tables a cluster shuffles.
    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let (exact, offsets, shingles) = self.inner.parts();
        let out = PyDict::new(py);
        out.set_item(
            "exact",
            PyBytes::new(py, &le_bytes(exact, u64::to_le_bytes)),
        )?;
        out.set_item(
            "offsets",
            PyBytes::new(py, &le_bytes(offsets, u64::to_le_bytes)),
        )?;
        out.set_item(
            "shingles",
            PyBytes::new(py, &le_bytes(shingles, u32::to_le_bytes)),
        )?;
        Ok(out)
    }

    /// Adds the documents of arrays laid out as `columns` gives them, after those added so far.
    fn add_columns(
        &mut self,
        py: Python<'_>,
        exact: &[u8],
        offsets: &[u8],
        shingles: &[u8],
    ) -> PyResult<()> {
        let batch = (exact.len() % 8 == 0 && offsets.len() % 8 == 0 && shingles.len() % 4 == 0)
            .then(|| {
                Fingerprints::from_parts(
                    exact
                        .chunks_exact(8)
                        .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
                        .collect(),
                    offsets
                        .chunks_exact(8)
                        .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
                        .collect(),
                    shingles
                        .chunks_exact(4)
                        .map(|c| u32::from_le_bytes(c.try_into().unwrap_or_default()))
                        .collect(),
                )
            })
            .flatten();
        let batch = batch
            .ok_or_else(|| Error::InvalidInput("the fingerprint arrays do not fit together".into()))
            .into_py_result(py)?;
        self.inner.append(&batch);
        Ok(())
    }

    /// The fewest shared shingles with which documents of `len_a[i]` and `len_b[i]` distinct
    /// shingles can be copies by the options.
    fn fewest_shared(
        &self,
        py: Python<'_>,
        len_a: Vec<usize>,
        len_b: Vec<usize>,
    ) -> PyResult<Vec<usize>> {
        if len_a.len() != len_b.len() {
            return Err(Error::InvalidInput(
                "len_a and len_b differ in length".into(),
            ))
            .into_py_result(py);
        }
        Ok(len_a
            .iter()
            .zip(&len_b)
            .map(|(&a, &b)| dedup::similarity::fewest_shared(a, b, &self.config))
            .collect())
    }

    /// The candidate pairs of documents holding shingles, `holders` being rows of four
    /// little-endian u32 (shingle, position, the document's shingle count, the shingle's rank
    /// among them), each shingle's rows contiguous: sorted keys `a << 31 | b` (u64, `a < b`),
    /// each once (`dedup::prefix_join`).
    fn candidate_pairs<'py>(
        &self,
        py: Python<'py>,
        holders: &[u8],
    ) -> PyResult<Bound<'py, PyBytes>> {
        if holders.len() % 16 != 0 {
            return Err(Error::InvalidInput("holders are rows of four u32".into()))
                .into_py_result(py);
        }
        let config = self.config;
        let pairs = py.detach(|| {
            let rows: Vec<dedup::prefix_join::Holder> = holders
                .chunks_exact(16)
                .map(|row| {
                    let at = |i: usize| {
                        u32::from_le_bytes(row[i * 4..i * 4 + 4].try_into().unwrap_or_default())
                    };
                    dedup::prefix_join::Holder {
                        shingle: at(0),
                        pos: at(1),
                        count: at(2),
                        rank: at(3),
                    }
                })
                .collect();
            le_bytes(
                &dedup::prefix_join::candidate_pairs(&rows, &config),
                u64::to_le_bytes,
            )
        });
        Ok(PyBytes::new(py, &pairs))
    }

    /// The pairs of documents `a[i]`, `b[i]` (positions) that the index would pair: exact
    /// `jaccard` and `containment`, both NaN where it would not (too few shared sampled
    /// shingles to be compared, or no copy).
    fn paired<'py>(
        &self,
        py: Python<'py>,
        a: Vec<usize>,
        b: Vec<usize>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let n = self.inner.len();
        if a.len() != b.len() || a.iter().chain(&b).any(|&p| p >= n) {
            return Err(Error::InvalidInput(
                "pairs of positions outside the fingerprints".into(),
            ))
            .into_py_result(py);
        }
        let (inner, config) = (&self.inner, self.config);
        let found: Vec<Option<dedup::similarity::Similarity>> = py.detach(|| {
            a.iter()
                .zip(&b)
                .map(|(&x, &y)| {
                    dedup::pairing::paired(inner.shingles(x), inner.shingles(y), &config)
                })
                .collect()
        });
        let out = PyDict::new(py);
        out.set_item(
            "jaccard",
            found
                .iter()
                .map(|s| s.map_or(f64::NAN, |s| s.jaccard))
                .collect::<Vec<_>>(),
        )?;
        out.set_item(
            "containment",
            found
                .iter()
                .map(|s| s.map_or(f64::NAN, |s| s.containment))
                .collect::<Vec<_>>(),
        )?;
        Ok(out)
    }

    fn memory_bytes(&self) -> usize {
        self.inner.memory_bytes()
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }
}

/// `values` as bytes, each by `bytes` (little-endian).
fn le_bytes<T: Copy, const N: usize>(values: &[T], bytes: fn(T) -> [u8; N]) -> Vec<u8> {
    values.iter().flat_map(|&v| bytes(v)).collect()
}

/// Paragraphs found in at least `min_docs` documents: hash, text, doc_count, docs.
#[pyfunction]
#[pyo3(signature = (texts, *, workers = None, **options))]
fn repeated_paragraphs<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    workers: Option<Workers>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let options = options_from(Options::new(&PARAGRAPH_OPTIONS), options)?;
    let min_docs = options.int(MIN_DOCS.name).into_py_result(py)?;
    let min_docs = usize::try_from(min_docs).unwrap_or(usize::MAX);
    let texts = extract_texts(texts)?;
    let repeated = compute(py, workers, || {
        let borrowed: Vec<&str> = texts.iter().map(|t| t.as_deref().unwrap_or("")).collect();
        Ok(dedup::repeated_paragraphs(&borrowed, min_docs))
    })?;
    let out = PyDict::new(py);
    out.set_item("hash", repeated.iter().map(|r| r.hash).collect::<Vec<_>>())?;
    out.set_item(
        "doc_count",
        repeated.iter().map(|r| r.doc_count).collect::<Vec<_>>(),
    )?;
    out.set_item(
        "docs",
        repeated.iter().map(|r| r.docs.clone()).collect::<Vec<_>>(),
    )?;
    out.set_item(
        "text",
        repeated.into_iter().map(|r| r.text).collect::<Vec<_>>(),
    )?;
    Ok(out)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let kinds: Vec<&str> = dedup::Kind::ALL.iter().map(|k| k.as_str()).collect();
    m.add("DEDUP_KINDS", kinds)?;
    m.add_class::<PyDedupIndex>()?;
    m.add_class::<PyDedupFingerprints>()?;
    m.add_class::<PyDedupSpill>()?;
    m.add_function(wrap_pyfunction!(repeated_paragraphs, m)?)?;
    Ok(())
}
