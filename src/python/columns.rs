//! Result tables as Arrow columns built in Rust, handed to Python as one pyarrow `StructArray`
//! (through the Arrow PyCapsule interface), whose fields the facade shows to pandas as numpy or
//! Arrow-backed columns: no Python object per row.

use std::sync::Arc;

use arrow_array::builder::{LargeStringBuilder, ListBuilder};
use arrow_array::{ArrayRef, Float64Array, Int64Array, StructArray};
use arrow_schema::{Field, FieldRef};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3_arrow::PyArray;

use super::SpanText;

/// Named columns of equal length, in order.
#[derive(Default)]
pub(crate) struct Columns {
    fields: Vec<FieldRef>,
    arrays: Vec<ArrayRef>,
}

impl Columns {
    fn push(&mut self, name: &str, array: ArrayRef) {
        let nullable = array.null_count() > 0;
        self.fields.push(Arc::new(Field::new(
            name,
            array.data_type().clone(),
            nullable,
        )));
        self.arrays.push(array);
    }

    /// An `int64` column.
    pub(crate) fn ints(&mut self, name: &str, values: impl IntoIterator<Item = usize>) {
        let values: Int64Array = values.into_iter().map(|v| v as i64).collect();
        self.push(name, Arc::new(values));
    }

    /// A `float64` column.
    pub(crate) fn floats(&mut self, name: &str, values: impl IntoIterator<Item = f64>) {
        let values: Float64Array = values.into_iter().collect();
        self.push(name, Arc::new(values));
    }

    /// A `large_string` column (the Arrow type pandas stores text in), null where `None`.
    pub(crate) fn texts<'a>(
        &mut self,
        name: &str,
        values: impl IntoIterator<Item = Option<&'a str>>,
    ) {
        let mut builder = LargeStringBuilder::new();
        builder.extend(values);
        self.push(name, Arc::new(builder.finish()));
    }

    /// A `large_string` column from its builder (for a table built row by row).
    pub(crate) fn built_texts(&mut self, name: &str, mut builder: LargeStringBuilder) {
        self.push(name, Arc::new(builder.finish()));
    }

    /// A `large_string` column of span texts; a text Arrow cannot hold (a slice of an input
    /// with surrogates) is null there and returned by row, for the facade to put back.
    pub(crate) fn span_texts<'py>(
        &mut self,
        py: Python<'py>,
        name: &str,
        values: Vec<SpanText>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let python_texts = PyDict::new(py);
        let mut builder = LargeStringBuilder::new();
        for (row, text) in values.into_iter().enumerate() {
            match text {
                SpanText::Core(text) => builder.append_value(text),
                SpanText::Python(text) => match text.extract::<String>(py) {
                    Ok(text) => builder.append_value(text),
                    Err(_) => {
                        python_texts.set_item(row, text)?;
                        builder.append_null();
                    }
                },
            }
        }
        self.push(name, Arc::new(builder.finish()));
        Ok(python_texts)
    }

    /// A column of lists of strings (`large_list` of `large_string`).
    pub(crate) fn text_lists<'a>(
        &mut self,
        name: &str,
        values: impl IntoIterator<Item = &'a [String]>,
    ) {
        let mut builder = ListBuilder::new(LargeStringBuilder::new());
        for list in values {
            builder
                .values()
                .extend(list.iter().map(|s| Some(s.as_str())));
            builder.append(true);
        }
        self.push(name, Arc::new(builder.finish()));
    }

    /// The columns as a pyarrow `StructArray` with one field per column.
    pub(crate) fn into_pyarrow(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        let table = StructArray::new(self.fields.into(), self.arrays, None);
        let array = PyArray::from_array_ref(Arc::new(table));
        let pyarrow = array.to_pyarrow(py)?.unbind();
        Ok(pyarrow.into_bound(py))
    }
}
