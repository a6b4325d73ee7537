//! Bindings of the dedup core: the `DedupIndex` class and `repeated_paragraphs`.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use super::options::options_from;
use super::{compute, extract_texts, progress_of, IntoPyResult, ProgressCounter};
use crate::dedup::options::{INDEX_OPTIONS, MIN_DOCS, PARAGRAPH_OPTIONS};
use crate::dedup::{self, DedupConfig};
use crate::options::Options;

/// A growable near-duplicate index (the engine behind `tidings.dedup` and `tidings.DedupIndex`).
#[pyclass(module = "tidings._core", name = "DedupIndex")]
pub(crate) struct PyDedupIndex {
    inner: dedup::DedupIndex,
}

#[pymethods]
impl PyDedupIndex {
    /// Options as in `dedup::options::INDEX_OPTIONS` (threshold, containment, num_perm, ngram).
    #[new]
    #[pyo3(signature = (**options))]
    fn new(py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let options = options_from(Options::new(&INDEX_OPTIONS), options)?;
        let inner = DedupConfig::from_options(&options)
            .and_then(dedup::DedupIndex::new)
            .into_py_result(py)?;
        Ok(PyDedupIndex { inner })
    }

    /// Adds a batch; returns the id of its first document.
    #[pyo3(signature = (texts, *, workers = None, progress = None))]
    fn add(
        &mut self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        workers: Option<i64>,
        progress: Option<&Bound<'_, ProgressCounter>>,
    ) -> PyResult<u32> {
        let texts = extract_texts(texts)?;
        let counter = progress_of(progress);
        let inner = &mut self.inner;
        compute(py, workers, move || {
            let borrowed: Vec<Option<&str>> = texts.iter().map(|t| t.as_deref()).collect();
            inner.add_counted(&borrowed, &counter)
        })
    }

    /// Cluster columns: cluster, size, kind (one byte per document: its position in
    /// `DEDUP_KINDS`), representative, similarity.
    #[pyo3(signature = (rank = None))]
    fn clusters<'py>(
        &self,
        py: Python<'py>,
        rank: Option<Vec<u64>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let clusters = self.inner.clusters(rank.as_deref()).into_py_result(py)?;
        let kind: Vec<u8> = clusters.kind.iter().map(|k| k.code()).collect();
        let out = PyDict::new(py);
        out.set_item("cluster", clusters.cluster)?;
        out.set_item("cluster_size", clusters.size)?;
        out.set_item("kind", PyBytes::new(py, &kind))?;
        out.set_item("representative", clusters.representative)?;
        out.set_item("similarity", clusters.similarity)?;
        Ok(out)
    }

    /// Verified pairs: doc_a, doc_b, jaccard, containment.
    fn pairs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let pairs = self.inner.pairs();
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

    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.inner.to_bytes())
    }

    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        let inner = dedup::DedupIndex::from_bytes(data).into_py_result(py)?;
        Ok(PyDedupIndex { inner })
    }

    fn memory_bytes(&self) -> usize {
        self.inner.memory_bytes()
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    #[getter]
    fn threshold(&self) -> f64 {
        self.inner.config().threshold
    }

    #[getter]
    fn containment(&self) -> Option<f64> {
        self.inner.config().containment
    }

    #[getter]
    fn num_perm(&self) -> usize {
        self.inner.config().num_perm
    }

    #[getter]
    fn ngram(&self) -> usize {
        self.inner.config().ngram
    }

    #[getter]
    fn bands(&self) -> usize {
        self.inner.lsh().bands
    }

    #[getter]
    fn rows(&self) -> usize {
        self.inner.lsh().rows
    }
}

/// Paragraphs found in at least `min_docs` documents: hash, text, doc_count, docs.
#[pyfunction]
#[pyo3(signature = (texts, *, workers = None, **options))]
fn repeated_paragraphs<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    workers: Option<i64>,
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
    m.add_function(wrap_pyfunction!(repeated_paragraphs, m)?)?;
    Ok(())
}
