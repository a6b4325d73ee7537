//! The bindings layer: extract Python input, release the GIL, run the pure core on a bounded
//! pool, and build Python results after re-attaching. No logic of the product lives here.

use pyo3::prelude::*;
use pyo3::types::PyDict;

mod arrow_input;
mod clean;
mod columns;
mod compute;
mod dedup;
mod errors;
mod input;
mod options;
mod progress;
mod quotes;
mod renames;
mod shared;
mod stories;
mod tag;

pub(crate) use compute::{compute, compute_sized, text_bytes, ReleaseOnReturn, Workers};
pub(crate) use errors::IntoPyResult;
pub(crate) use input::{extract_texts, SpanText, Text};
pub(crate) use progress::{progress_of, ProgressCounter};

/// Character, word, line and paragraph counts per document, as a dict of equal-length lists.
#[pyfunction]
#[pyo3(signature = (texts, *, workers = None, progress = None))]
fn describe<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    workers: Option<Workers>,
    progress: Option<&Bound<'py, ProgressCounter>>,
) -> PyResult<Bound<'py, PyDict>> {
    use rayon::prelude::*;
    let texts = extract_texts(texts)?;
    let counter = progress_of(progress);
    let bytes = text_bytes(&texts);
    let stats: Vec<crate::text::stats::TextStats> = compute_sized(py, workers, bytes, || {
        Ok(texts
            .par_iter()
            .map(|t| {
                crate::parallel::checkpoint();
                let stats = t
                    .as_deref()
                    .map(crate::text::stats::text_stats)
                    .unwrap_or_default();
                counter.add(1);
                stats
            })
            .panic_fuse()
            .collect())
    })?;
    let out = PyDict::new(py);
    let chars = stats.iter().zip(&texts).map(|(s, t)| match t {
        Some(t) => t.python_len(s.chars),
        None => s.chars,
    });
    out.set_item("chars", chars.collect::<Vec<_>>())?;
    out.set_item("words", stats.iter().map(|s| s.words).collect::<Vec<_>>())?;
    out.set_item("lines", stats.iter().map(|s| s.lines).collect::<Vec<_>>())?;
    out.set_item(
        "paragraphs",
        stats.iter().map(|s| s.paragraphs).collect::<Vec<_>>(),
    )?;
    Ok(out)
}

/// Decodes scraped bytes: UTF-8, with every stray byte read as cp1252.
#[pyfunction]
fn decode_bytes(data: &[u8]) -> std::borrow::Cow<'_, str> {
    crate::text::decode::decode_lossless(data)
}

/// Raises `InternalError` from inside Rust, so tests can check the panic boundary end to end.
#[pyfunction]
fn _raise_internal_error(py: Python<'_>) -> PyResult<()> {
    compute(py, None, || -> crate::Result<()> {
        panic!("deliberate panic for the test suite")
    })
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add(
        "BUILD_PROFILE",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
    )?;
    m.add_class::<ProgressCounter>()?;
    m.add_function(wrap_pyfunction!(describe, m)?)?;
    m.add_function(wrap_pyfunction!(decode_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(_raise_internal_error, m)?)?;
    dedup::register(m)?;
    tag::register(m)?;
    renames::register(m)?;
    quotes::register(m)?;
    clean::register(m)?;
    options::register(m)?;
    stories::register(m)?;
    Ok(())
}
