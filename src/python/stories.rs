//! Bindings of the stories core: the `StoryIndex` class and `_story_terms` (for the script
//! that builds the background table).

use std::path::PathBuf;
use std::sync::MutexGuard;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use super::options::options_from;
use super::shared::Shared;
use super::{compute, extract_texts, progress_of, IntoPyResult, ProgressCounter, Text, Workers};
use crate::options::Options;
use crate::stories::options::STORY_OPTIONS;
use crate::stories::terms::distinct_terms;
use crate::stories::{assignments, Article, StoryConfig, StoryIndex, NO_STORY};
use crate::Error;

/// Entity mentions given as three aligned columns: the article's position in the batch, the
/// label and the canonical name.
type Mentions = (Vec<usize>, Vec<String>, Vec<String>);

/// The mentions of each of `count` articles, as `(label, name)`.
fn mentions_by_article(count: usize, mentions: &Mentions) -> crate::Result<Vec<Vec<(&str, &str)>>> {
    let (docs, labels, names) = mentions;
    if docs.len() != labels.len() || docs.len() != names.len() {
        return Err(Error::InvalidInput(
            "the entity columns differ in length".into(),
        ));
    }
    let mut out = vec![Vec::new(); count];
    for ((&doc, label), name) in docs.iter().zip(labels).zip(names) {
        let article = out.get_mut(doc).ok_or_else(|| {
            Error::InvalidInput(format!(
                "an entity names document {doc} of a batch of {count}"
            ))
        })?;
        article.push((label.as_str(), name.as_str()));
    }
    Ok(out)
}

/// The articles of a batch.
fn articles<'a>(
    texts: &'a [Option<Text>],
    dates: &'a Option<Vec<Option<i64>>>,
    groups: &'a Option<Vec<Option<String>>>,
    mentions: Vec<Vec<(&'a str, &'a str)>>,
) -> crate::Result<Vec<Article<'a>>> {
    let n = texts.len();
    let length = |name: &str, len: usize| {
        if len == n {
            Ok(())
        } else {
            Err(Error::InvalidInput(format!(
                "{name} has {len} values for {n} documents"
            )))
        }
    };
    if let Some(dates) = dates {
        length("dates", dates.len())?;
    }
    if let Some(groups) = groups {
        length("groups", groups.len())?;
    }
    Ok(texts
        .iter()
        .zip(mentions)
        .enumerate()
        .map(|(i, (text, entities))| Article {
            text: text.as_deref(),
            date: dates.as_ref().and_then(|d| d[i]),
            group: groups.as_ref().and_then(|g| g[i].as_deref()),
            entities,
        })
        .collect())
}

/// A growable story index (the engine behind `tidings.stories` and `tidings.StoryIndex`).
/// Threads that share one index take turns: each call waits, without the GIL, for the one
/// before it to end.
#[pyclass(module = "tidings._core", name = "StoryIndex", frozen)]
pub(crate) struct PyStoryIndex {
    inner: Shared<StoryIndex>,
}

impl PyStoryIndex {
    fn wrap(inner: StoryIndex) -> Self {
        PyStoryIndex {
            inner: Shared::new(inner),
        }
    }

    fn index(&self, py: Python<'_>) -> MutexGuard<'_, StoryIndex> {
        self.inner.lock(py)
    }
}

#[pymethods]
impl PyStoryIndex {
    /// Options as in `stories::options::STORY_OPTIONS`.
    #[new]
    #[pyo3(signature = (**options))]
    fn new(py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let options = options_from(Options::new(&STORY_OPTIONS), options)?;
        let inner = StoryConfig::from_options(&options)
            .and_then(StoryIndex::new)
            .into_py_result(py)?;
        Ok(PyStoryIndex::wrap(inner))
    }

    /// Adds a batch: texts, dates (seconds since the epoch, None when unknown), groups and the
    /// entity columns; returns the position of its first article.
    #[pyo3(signature = (texts, *, dates = None, groups = None, entities = None, workers = None, progress = None))]
    #[allow(clippy::too_many_arguments)]
    fn add(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        dates: Option<Vec<Option<i64>>>,
        groups: Option<Vec<Option<String>>>,
        entities: Option<Mentions>,
        workers: Option<Workers>,
        progress: Option<&Bound<'_, ProgressCounter>>,
    ) -> PyResult<u32> {
        let texts = extract_texts(texts)?;
        let counter = progress_of(progress);
        let mut index = self.index(py);
        let inner = &mut *index;
        compute(py, workers, move || {
            let mentions = match &entities {
                Some(m) => mentions_by_article(texts.len(), m)?,
                None => vec![Vec::new(); texts.len()],
            };
            let batch = articles(&texts, &dates, &groups, mentions)?;
            inner.add_counted(&batch, &counter)
        })
    }

    /// Story columns: story (position of the article naming it, -1 for none), story_hash (that
    /// article's exact-text hash), story_size, is_representative, similarity.
    fn assignments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let guard = self.index(py);
        let index = &*guard;
        let out = compute(py, None, || {
            Ok(assignments(index.stories(), index.keys(), index.vectors()))
        })?;
        let keys = index.keys();
        let story: Vec<i64> = out
            .story
            .iter()
            .map(|&s| if s == NO_STORY { -1 } else { i64::from(s) })
            .collect();
        let hash: Vec<u64> = out
            .story
            .iter()
            .map(|&s| {
                if s == NO_STORY {
                    0
                } else {
                    keys[s as usize].exact
                }
            })
            .collect();
        let dict = PyDict::new(py);
        dict.set_item("story", story)?;
        dict.set_item("story_hash", hash)?;
        dict.set_item("story_size", out.size)?;
        dict.set_item("is_representative", out.representative)?;
        dict.set_item("similarity", out.similarity)?;
        Ok(dict)
    }

    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        let bytes = self.index(py).to_bytes();
        PyBytes::new(py, &bytes)
    }

    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        let inner = StoryIndex::from_bytes(data).into_py_result(py)?;
        Ok(PyStoryIndex::wrap(inner))
    }

    /// Reads an index saved to `path`, checking its header before reading further.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let inner = py
            .detach(|| StoryIndex::read_from(&path))
            .into_py_result(py)?;
        Ok(PyStoryIndex::wrap(inner))
    }

    fn memory_bytes(&self, py: Python<'_>) -> usize {
        self.index(py).memory_bytes()
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.index(py).len()
    }

    #[getter]
    fn neighbours(&self, py: Python<'_>) -> usize {
        self.index(py).config().neighbours
    }

    #[getter]
    fn threshold(&self, py: Python<'_>) -> f64 {
        self.index(py).config().threshold
    }

    #[getter]
    fn min_similarity(&self, py: Python<'_>) -> f64 {
        self.index(py).config().min_similarity
    }

    #[getter]
    fn max_term_articles(&self, py: Python<'_>) -> usize {
        self.index(py).config().max_term_articles
    }

    #[getter]
    fn window(&self, py: Python<'_>) -> Option<f64> {
        self.index(py).config().window_days
    }

    #[getter]
    fn candidate_terms(&self, py: Python<'_>) -> usize {
        self.index(py).config().candidate_terms
    }
}

/// The distinct terms of each text with its entity columns, sorted (what the background table
/// counts).
#[pyfunction]
#[pyo3(signature = (texts, entities))]
fn _story_terms(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    entities: Mentions,
) -> PyResult<Vec<Vec<String>>> {
    let texts = extract_texts(texts)?;
    compute(py, None, || {
        use rayon::prelude::*;
        let mentions = mentions_by_article(texts.len(), &entities)?;
        Ok(texts
            .par_iter()
            .zip(mentions)
            .map(|(text, m)| distinct_terms(text.as_deref().unwrap_or(""), &m))
            .collect())
    })
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyStoryIndex>()?;
    m.add_function(wrap_pyfunction!(_story_terms, m)?)?;
    Ok(())
}
