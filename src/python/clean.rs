//! Bindings of the cleaning engine: options from a dict, results as plain tuples that the
//! Python facade (`tidings.cleaning`) turns into `Cleaned` objects.

use std::sync::{Arc, MutexGuard};

use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::shared::Shared;
use super::{
    compute, extract_texts, progress_of, IntoPyResult, ProgressCounter, SpanText, Text, Workers,
};
use crate::clean::templates::{TemplateCounts, Templates};
use crate::clean::{self, CleanOptions, Cleaned};
use crate::Error;

type Span = (usize, usize, &'static str, SpanText, String);
type Row = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Vec<String>,
    Vec<String>,
    Vec<Span>,
);

/// The cleaning options of a Python dict, each checked by its spec in
/// [`crate::clean::options::CLEAN_OPTIONS`].
fn options_from(py: Python<'_>, dict: Option<&Bound<'_, PyDict>>) -> PyResult<CleanOptions> {
    let options = super::options::options_from(CleanOptions::table(), dict)?;
    CleanOptions::from_options(&options).into_py_result(py)
}

fn row(c: Cleaned) -> Row {
    let spans = c
        .removed
        .into_iter()
        .map(|s| {
            (
                s.start,
                s.end,
                s.rule,
                SpanText::Core(s.text),
                s.replacement,
            )
        })
        .collect();
    (
        c.text, c.title, c.dateline, c.place, c.agency, c.byline, c.date, c.credits, c.captions,
        spans,
    )
}

fn borrowed(texts: &[Option<Text>]) -> Vec<Option<&str>> {
    texts.iter().map(|t| t.as_deref()).collect()
}

/// Template lines counted over a corpus read chunk by chunk (`tidings.cleaning.PageTemplates`),
/// with the cleaning options they were counted under. Threads that share one take turns.
#[pyclass(module = "tidings._core", name = "TemplateCounts", frozen)]
pub(crate) struct PyTemplateCounts {
    state: Shared<CountState>,
}

struct CountState {
    counts: TemplateCounts,
    options: CleanOptions,
    learned: Option<Arc<Templates>>,
}

impl PyTemplateCounts {
    /// The counts, once no other thread uses them (a cancelled `add` stops before it counts).
    fn state(&self, py: Python<'_>) -> MutexGuard<'_, CountState> {
        self.state.lock(py)
    }
}

impl CountState {
    fn learned(&mut self) -> Arc<Templates> {
        let (counts, options) = (&self.counts, &self.options);
        Arc::clone(
            self.learned
                .get_or_insert_with(|| Arc::new(counts.learn(&options.templates))),
        )
    }
}

#[pymethods]
impl PyTemplateCounts {
    #[new]
    #[pyo3(signature = (options = None))]
    fn new(py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let options = options_from(py, options)?;
        options.validate().into_py_result(py)?;
        Ok(PyTemplateCounts {
            state: Shared::new(CountState {
                counts: TemplateCounts::default(),
                options,
                learned: None,
            }),
        })
    }

    /// Counts the template lines of the next chunk of the corpus.
    #[pyo3(signature = (texts, sources = None, *, workers = None, progress = None))]
    fn add(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        sources: Option<&Bound<'_, PyAny>>,
        workers: Option<Workers>,
        progress: Option<&Bound<'_, ProgressCounter>>,
    ) -> PyResult<()> {
        let counter = progress_of(progress);
        let texts = extract_texts(texts)?;
        let sources: Option<Vec<Option<Text>>> = sources.map(extract_texts).transpose()?;
        let mut state = self.state(py);
        let state = &mut *state;
        let (counts, options) = (&mut state.counts, &state.options);
        compute(py, workers, move || {
            let names = sources.as_deref().map(borrowed);
            clean::count_templates(counts, &borrowed(&texts), names.as_deref(), options)?;
            counter.add(texts.len());
            Ok(())
        })?;
        state.learned = None;
        Ok(())
    }

    /// Documents counted so far (copies once).
    fn __len__(&self, py: Python<'_>) -> usize {
        self.state(py).counts.documents()
    }
}

/// Cleans each text; `None` gives an empty result. Templates are learned per source from
/// `texts`, or taken from `templates` (counted over a whole corpus, with their own options).
#[pyfunction]
#[pyo3(signature = (texts, sources = None, options = None, *, templates = None, workers = None, progress = None))]
fn clean_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    sources: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyDict>>,
    templates: Option<&Bound<'_, PyTemplateCounts>>,
    workers: Option<Workers>,
    progress: Option<&Bound<'_, ProgressCounter>>,
) -> PyResult<Vec<Row>> {
    let counter = progress_of(progress);
    let learned = match templates {
        Some(_) if options.is_some() => {
            return Err(Error::InvalidInput(
                "templates carry the options they were counted with; give options or templates"
                    .to_string(),
            ))
            .into_py_result(py)
        }
        Some(counts) => {
            let mut state = counts.get().state(py);
            Some((state.learned(), state.options))
        }
        None => None,
    };
    let options = match &learned {
        Some((_, options)) => *options,
        None => options_from(py, options)?,
    };
    let texts: Vec<Option<Text>> = extract_texts(texts)?;
    let sources: Option<Vec<Option<Text>>> = sources.map(extract_texts).transpose()?;
    let mut rows: Vec<Row> = compute(py, workers, || {
        let texts = borrowed(&texts);
        let names = sources.as_deref().map(borrowed);
        let cleaned = match &learned {
            Some((templates, _)) => {
                clean::clean_corpus_with(&texts, names.as_deref(), templates, &options, &counter)
            }
            None => clean::clean_corpus_counted(&texts, names.as_deref(), &options, &counter),
        }?;
        Ok(cleaned.into_iter().map(row).collect())
    })?;
    for (row, text) in rows.iter_mut().zip(&texts) {
        if let Some(text) = text {
            for (start, end, _, span, _) in &mut row.9 {
                text.to_python(py, start, end, span)?;
            }
        }
    }
    Ok(rows)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyTemplateCounts>()?;
    m.add_function(wrap_pyfunction!(clean_many, m)?)?;
    Ok(())
}
