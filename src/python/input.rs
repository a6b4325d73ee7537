//! Text columns from Python: a list or tuple, or an Arrow column (read by [`super::arrow_input`]
//! without copying). The facade (`tidings._input`) has already turned every other container
//! into a list; here the fast path borrows each `str`'s UTF-8 buffer. A `str`
//! with surrogate code points (not valid Unicode, so it has no UTF-8 buffer) is decoded here,
//! keeping the way back to its indices ([`SurrogatePairs`]); every other item goes to
//! `tidings._input.coerce_item`, the one place that decides what missing values, bytes and
//! wrong types become.

use std::ops::Deref;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyList, PySlice, PyString, PyTuple};

use super::arrow_input::{arrow_texts, is_arrow, ArrowStr};
use crate::text::SurrogatePairs;

/// One document's text, borrowed from Python when possible.
pub(crate) enum Text {
    Borrowed(PyBackedStr),
    /// A value of an Arrow text column.
    Arrow(ArrowStr),
    Owned(String),
    /// A `str` with surrogates: the text the core sees, its merged pairs and the original.
    Repaired {
        text: String,
        pairs: SurrogatePairs,
        original: Py<PyString>,
    },
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            Text::Arrow(s) => s,
            Text::Owned(s) => s,
            Text::Repaired { text, .. } => text,
        }
    }
}

impl Text {
    /// The input's length as Python counts it, for a core text of `chars` code points.
    pub(crate) fn python_len(&self, chars: usize) -> usize {
        match self {
            Text::Repaired { pairs, .. } => pairs.python_len(chars),
            _ => chars,
        }
    }

    /// The Python string index of code point `index` of the text the core saw.
    pub(crate) fn python_index(&self, index: usize) -> usize {
        match self {
            Text::Repaired { pairs, .. } => pairs.python_index(index),
            _ => index,
        }
    }

    /// The code point of the text the core saw at Python string index `index`.
    pub(crate) fn core_index(&self, index: usize) -> usize {
        match self {
            Text::Repaired { pairs, .. } => pairs.core_index(index),
            _ => index,
        }
    }

    /// Moves a span the core found, given in code points of the text the core saw (`start`,
    /// `end`, and its text), onto the input as Python sees it. Only an input with surrogates
    /// changes: its indices shift after each merged pair, and its text is the original's
    /// slice (with the surrogates the core could not hold).
    pub(crate) fn to_python(
        &self,
        py: Python<'_>,
        start: &mut usize,
        end: &mut usize,
        text: &mut SpanText,
    ) -> PyResult<()> {
        let Text::Repaired {
            pairs, original, ..
        } = self
        else {
            return Ok(());
        };
        *start = pairs.python_index(*start);
        *end = pairs.python_index(*end);
        let slice = PySlice::new(py, *start as isize, *end as isize, 1);
        *text = SpanText::Python(original.bind(py).get_item(slice)?.unbind());
        Ok(())
    }
}

/// The text of a span: the core's copy, or the slice of a Python original the core could not
/// hold (see [`Text::to_python`]).
pub(crate) enum SpanText {
    Core(String),
    Python(Py<PyAny>),
}

impl<'py> IntoPyObject<'py> for SpanText {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(match self {
            SpanText::Core(text) => PyString::new(py, &text).into_any(),
            SpanText::Python(text) => text.into_bound(py),
        })
    }
}

/// The text the core sees of a `str` with surrogates (see [`SurrogatePairs`]).
fn repaired(string: &Bound<'_, PyString>) -> PyResult<Text> {
    let encoded = string.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let code_points: Vec<u32> = encoded
        .cast::<PyBytes>()?
        .as_bytes()
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    let (text, pairs) = SurrogatePairs::decode(&code_points);
    Ok(Text::Repaired {
        text,
        pairs,
        original: string.clone().unbind(),
    })
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
        // Fails only for a string with surrogates.
        return match string.extract::<PyBackedStr>() {
            Ok(backed) => Ok(Some(Text::Borrowed(backed))),
            Err(_) => repaired(string).map(Some),
        };
    }
    coerce_item(py, item, position)
}

/// Items extracted between two looks for a signal (Ctrl-C), so a long list stays interruptible.
const SIGNAL_EVERY: usize = 1 << 16;

fn extract_checked<'py>(
    py: Python<'py>,
    item: &Bound<'py, PyAny>,
    position: usize,
) -> PyResult<Option<Text>> {
    if position % SIGNAL_EVERY == SIGNAL_EVERY - 1 {
        py.check_signals()?;
    }
    extract_one(py, item, position)
}

/// Extracts a list or tuple of texts, or an Arrow text column; `None` marks a missing document.
pub(crate) fn extract_texts(texts: &Bound<'_, PyAny>) -> PyResult<Vec<Option<Text>>> {
    let py = texts.py();
    if let Ok(list) = texts.cast::<PyList>() {
        list.iter()
            .enumerate()
            .map(|(i, item)| extract_checked(py, &item, i))
            .collect()
    } else if let Ok(tuple) = texts.cast::<PyTuple>() {
        tuple
            .iter()
            .enumerate()
            .map(|(i, item)| extract_checked(py, &item, i))
            .collect()
    } else if is_arrow(texts)? {
        arrow_texts(texts)
    } else {
        let name = texts.get_type().name()?;
        Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "texts must be a list or tuple of str or an Arrow text column, got {name}"
        )))
    }
}
