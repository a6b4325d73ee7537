//! Text columns from Python. The facade (`tidings._input`) has already turned pandas, pyarrow
//! and numpy columns into a list; here the fast path borrows each `str`'s UTF-8 buffer, and
//! every other item goes to `tidings._input.coerce_item`, the one place that decides what
//! missing values, bytes, lone surrogates and wrong types become.

use std::ops::Deref;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyTuple};

/// One document's text, borrowed from Python when possible.
pub(crate) enum Text {
    Borrowed(PyBackedStr),
    Owned(String),
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            Text::Owned(s) => s,
        }
    }
}

fn coerce_item<'py>(
    py: Python<'py>,
    item: &Bound<'py, PyAny>,
    position: usize,
) -> PyResult<Option<Text>> {
    static COERCE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let coerce = COERCE.get_or_try_init(py, || {
        py.import("tidings._input")?
            .getattr("coerce_item")
            .map(Bound::unbind)
    })?;
    let value = coerce.bind(py).call1((item, position))?;
    if value.is_none() {
        return Ok(None);
    }
    let text: String = value.extract()?;
    Ok(Some(Text::Owned(text)))
}

fn extract_one<'py>(
    py: Python<'py>,
    item: &Bound<'py, PyAny>,
    position: usize,
) -> PyResult<Option<Text>> {
    if item.is_none() {
        return Ok(None);
    }
    if let Ok(string) = item.cast::<PyString>() {
        // Fails only for lone surrogates, which the coercion repairs.
        if let Ok(backed) = string.extract::<PyBackedStr>() {
            return Ok(Some(Text::Borrowed(backed)));
        }
    }
    coerce_item(py, item, position)
}

/// Extracts a list or tuple of texts; `None` marks a missing document.
pub(crate) fn extract_texts(texts: &Bound<'_, PyAny>) -> PyResult<Vec<Option<Text>>> {
    let py = texts.py();
    if let Ok(list) = texts.cast::<PyList>() {
        list.iter()
            .enumerate()
            .map(|(i, item)| extract_one(py, &item, i))
            .collect()
    } else if let Ok(tuple) = texts.cast::<PyTuple>() {
        tuple
            .iter()
            .enumerate()
            .map(|(i, item)| extract_one(py, &item, i))
            .collect()
    } else {
        let name = texts.get_type().name()?;
        Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "texts must be a list or tuple of str, got {name}"
        )))
    }
}
