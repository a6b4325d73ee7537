//! Bindings of the names the corpus join changed (`EntityRenames`): the rewrite of a mention
//! table tagged chunk by chunk, looked up in the core mention by mention.

use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::columns::Columns;
use super::{extract_texts, IntoPyResult};
use crate::tag::renames::NameRenames;
use crate::Error;

/// The names `EntityJoin.join` changed, by document (documents by their position among those
/// tagged).
#[pyclass(module = "tidings._core", name = "EntityRenames", frozen)]
pub(crate) struct PyEntityRenames {
    inner: NameRenames,
}

impl PyEntityRenames {
    pub(crate) fn wrap(inner: NameRenames) -> Self {
        PyEntityRenames { inner }
    }
}

#[pymethods]
impl PyEntityRenames {
    /// The positions of the documents with renames, increasing (little-endian u32).
    fn documents<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        let docs = self.inner.documents();
        PyBytes::new(
            py,
            &docs
                .iter()
                .flat_map(|d| d.to_le_bytes())
                .collect::<Vec<u8>>(),
        )
    }

    /// Each rename's joined label, entity and link (columns `label`, `entity`, `link`), by row.
    fn joined<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows: Vec<_> = (0..self.inner.len())
            .map(|r| self.inner.joined(r))
            .collect();
        let mut columns = Columns::default();
        columns.texts("label", rows.iter().map(|r| Some(r.0.as_str())));
        columns.texts("entity", rows.iter().map(|r| Some(r.1)));
        columns.texts("link", rows.iter().map(|r| Some(r.2.as_str())));
        columns.into_pyarrow(py)
    }

    /// The rename row of each mention (-1 for none): `documents` (little-endian i64) are the
    /// mentions' documents as indices into `documents()` (negative for a document without
    /// renames), with their `labels` and `entities` (missing ones are never renamed).
    fn find<'py>(
        &self,
        py: Python<'py>,
        documents: &[u8],
        labels: &Bound<'py, PyAny>,
        entities: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let labels = extract_texts(labels)?;
        let entities = extract_texts(entities)?;
        let docs: Vec<i64> = documents
            .chunks_exact(8)
            .map(|c| i64::from_le_bytes(c.try_into().unwrap_or_default()))
            .collect();
        if docs.len() != labels.len() || docs.len() != entities.len() || documents.len() % 8 != 0 {
            let why = "documents, labels and entities differ in length";
            return Err(Error::InvalidInput(why.into())).into_py_result(py);
        }
        let rows = docs
            .iter()
            .zip(labels.iter().zip(&entities))
            .map(|(&doc, names)| {
                let found = match (usize::try_from(doc), names) {
                    (Ok(doc), (Some(label), Some(entity))) => self.inner.find(doc, label, entity),
                    _ => None,
                };
                found.map_or(-1, |row| row as i64)
            });
        let bytes: Vec<u8> = rows.flat_map(i64::to_le_bytes).collect();
        Ok(PyBytes::new(py, &bytes))
    }

    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.inner.to_bytes())
    }

    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        Ok(Self::wrap(
            NameRenames::from_bytes(data).into_py_result(py)?,
        ))
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyEntityRenames>()
}
