//! Text columns from Arrow arrays (the Arrow PyCapsule interface: `__arrow_c_stream__` or
//! `__arrow_c_array__`): pyarrow arrays and chunked arrays, polars Series, pandas' Arrow-backed
//! text columns. Each document borrows its characters from the imported array; nothing is
//! copied. Arrow text is valid UTF-8 (checked once here), so it has no surrogates and its code
//! point indices are the Python string indices.

use std::ops::Deref;

use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef};
use arrow_schema::DataType;
use pyo3::prelude::*;
use pyo3_arrow::input::AnyArray;

use super::{IntoPyResult, Text};
use crate::Error;

/// One document's text inside an Arrow array, kept alive by a reference to that array.
pub(crate) struct ArrowStr {
    _array: ArrayRef,
    ptr: *const u8,
    len: usize,
}

// SAFETY: `ptr..ptr + len` lies in the immutable buffers of `_array`, which the `Arc` keeps
// alive and which no one writes to; reading them from several threads is sound.
unsafe impl Send for ArrowStr {}
unsafe impl Sync for ArrowStr {}

impl ArrowStr {
    fn new(array: &ArrayRef, text: &str) -> ArrowStr {
        ArrowStr {
            _array: ArrayRef::clone(array),
            ptr: text.as_ptr(),
            len: text.len(),
        }
    }
}

impl Deref for ArrowStr {
    type Target = str;
    fn deref(&self) -> &str {
        // SAFETY: the bytes were a `&str` of `_array` (validated UTF-8), which is still alive.
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.ptr, self.len)) }
    }
}

/// Whether `texts` offers its data through the Arrow PyCapsule interface.
pub(crate) fn is_arrow(texts: &Bound<'_, PyAny>) -> PyResult<bool> {
    let py = texts.py();
    Ok(texts.hasattr(pyo3::intern!(py, "__arrow_c_stream__"))?
        || texts.hasattr(pyo3::intern!(py, "__arrow_c_array__"))?)
}

/// The texts of an Arrow string array (`string`, `large_string`, `string_view`, or all-null),
/// a chunked one or a stream of one-column record batches; a null is a missing document.
pub(crate) fn arrow_texts(texts: &Bound<'_, PyAny>) -> PyResult<Vec<Option<Text>>> {
    let py = texts.py();
    let chunked = texts.extract::<AnyArray>()?.into_chunked_array()?;
    let (chunks, _) = chunked.into_inner();
    let mut out = Vec::with_capacity(chunks.iter().map(|c| c.len()).sum());
    for chunk in &chunks {
        let chunk = only_column(chunk).into_py_result(py)?;
        // Imported buffers are the producer's word; check offsets and UTF-8 once.
        chunk
            .to_data()
            .validate_full()
            .map_err(|e| Error::InvalidInput(format!("the Arrow text column is malformed: {e}")))
            .into_py_result(py)?;
        match chunk.data_type() {
            DataType::Utf8 => push_texts(&mut out, &chunk, chunk.as_string::<i32>().iter()),
            DataType::LargeUtf8 => push_texts(&mut out, &chunk, chunk.as_string::<i64>().iter()),
            DataType::Utf8View => push_texts(&mut out, &chunk, chunk.as_string_view().iter()),
            DataType::Null => out.extend((0..chunk.len()).map(|_| None)),
            other => {
                return Err(Error::InvalidType(format!(
                    "texts must be an Arrow column of strings, got one of type {other}"
                )))
                .into_py_result(py)
            }
        }
    }
    Ok(out)
}

/// A record batch's one column (a table's stream gives one-column record batches), else the
/// array itself.
fn only_column(chunk: &ArrayRef) -> crate::Result<ArrayRef> {
    let DataType::Struct(fields) = chunk.data_type() else {
        return Ok(ArrayRef::clone(chunk));
    };
    if fields.len() != 1 || chunk.null_count() > 0 {
        return Err(Error::InvalidType(format!(
            "texts must be one column of strings, got a table of {} columns",
            fields.len()
        )));
    }
    Ok(ArrayRef::clone(chunk.as_struct().column(0)))
}

/// Each text of `chunk` (`texts`, its values) borrowed from it.
fn push_texts<'a>(
    out: &mut Vec<Option<Text>>,
    chunk: &ArrayRef,
    texts: impl Iterator<Item = Option<&'a str>>,
) {
    out.extend(texts.map(|text| text.map(|text| Text::Arrow(ArrowStr::new(chunk, text)))));
}
