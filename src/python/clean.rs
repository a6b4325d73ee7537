//! Bindings of the cleaning engine: options from a dict, results as Arrow columns that the
//! Python facade (`tidings.cleaning`) shows as tables or reads into `Cleaned` objects.

use std::sync::{Arc, MutexGuard};

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use super::columns::Columns;
use super::shared::Shared;
use super::{
    compute, compute_sized, extract_texts, progress_of, text_bytes, IntoPyResult, ProgressCounter,
    SpanText, Text, Workers,
};
use crate::clean::templates::{TemplateCounts, Templates};
use crate::clean::{self, CleanOptions, Cleaned};
use crate::Error;

/// The cleaning options of a Python dict, each checked by its spec in
/// [`crate::clean::options::CLEAN_OPTIONS`].
fn options_from(py: Python<'_>, dict: Option<&Bound<'_, PyDict>>) -> PyResult<CleanOptions> {
    let options = super::options::options_from(CleanOptions::table(), dict)?;
    CleanOptions::from_options(&options).into_py_result(py)
}

/// Cleaned documents as Arrow columns: one row per document (`text`, the fields, the `credits`
/// and `captions` lists, the number of audit spans `removed`), one row per audit span (`doc`,
/// `start`, `end`, `rule`, `text`, `replacement`, offsets into the input as Python indexes it),
/// and the span texts Arrow cannot hold by span row (see [`Columns::span_texts`]).
type CleanedColumns<'py> = (Bound<'py, PyAny>, Bound<'py, PyAny>, Bound<'py, PyDict>);

fn cleaned_columns<'py>(
    py: Python<'py>,
    mut cleaned: Vec<Cleaned>,
    texts: &[Option<Text>],
) -> PyResult<CleanedColumns<'py>> {
    let (mut doc, mut start, mut end, mut rule, mut text, mut replacement) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    let mut removed = Vec::with_capacity(cleaned.len());
    for (position, (c, input)) in cleaned.iter_mut().zip(texts).enumerate() {
        removed.push(c.removed.len());
        for span in std::mem::take(&mut c.removed) {
            let (mut first, mut last, mut span_text) =
                (span.start, span.end, SpanText::Core(span.text));
            if let Some(input) = input {
                input.to_python(py, &mut first, &mut last, &mut span_text)?;
            }
            doc.push(position);
            start.push(first);
            end.push(last);
            rule.push(span.rule);
            text.push(span_text);
            replacement.push(span.replacement);
        }
    }
    let mut spans = Columns::default();
    spans.ints("doc", doc);
    spans.ints("start", start);
    spans.ints("end", end);
    spans.texts("rule", rule.into_iter().map(Some));
    let python_texts = spans.span_texts(py, "text", text)?;
    spans.texts("replacement", replacement.iter().map(|r| Some(r.as_str())));
    let mut fields = Columns::default();
    fields.texts("text", cleaned.iter().map(|c| Some(c.text.as_str())));
    fields.texts("title", cleaned.iter().map(|c| c.title.as_deref()));
    fields.texts("dateline", cleaned.iter().map(|c| c.dateline.as_deref()));
    fields.texts("place", cleaned.iter().map(|c| c.place.as_deref()));
    fields.texts("agency", cleaned.iter().map(|c| c.agency.as_deref()));
    fields.texts("byline", cleaned.iter().map(|c| c.byline.as_deref()));
    fields.texts("date", cleaned.iter().map(|c| c.date.as_deref()));
    fields.text_lists("credits", cleaned.iter().map(|c| c.credits.as_slice()));
    fields.text_lists("captions", cleaned.iter().map(|c| c.captions.as_slice()));
    fields.ints("removed", removed);
    Ok((
        fields.into_pyarrow(py)?,
        spans.into_pyarrow(py)?,
        python_texts,
    ))
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
    /// Only the learned templates are kept (learned elsewhere, `from_learned`, or the counts
    /// freed by `finish`): no counts to add to.
    learned_only: bool,
}

impl PyTemplateCounts {
    /// The counts, once no other thread uses them (a cancelled `add` stops before it counts).
    fn state(&self, py: Python<'_>) -> MutexGuard<'_, CountState> {
        self.state.lock(py)
    }
}

impl CountState {
    /// Refuses templates that keep no counts.
    fn counting(&self, py: Python<'_>) -> PyResult<()> {
        if self.learned_only {
            let why = "these templates are learned; they take no more counts";
            return Err(Error::InvalidInput(why.to_string())).into_py_result(py);
        }
        Ok(())
    }

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
                learned_only: false,
            }),
        })
    }

    /// The templates learned from counts saved by `learned_bytes` (elsewhere), with `options`:
    /// they clean as the counts would; nothing can be added to them.
    #[staticmethod]
    #[pyo3(signature = (data, options = None))]
    fn from_learned(
        py: Python<'_>,
        data: &[u8],
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let counts = Self::new(py, options)?;
        {
            let mut state = counts.state(py);
            let templates = py
                .detach(|| Templates::from_bytes(data))
                .into_py_result(py)?;
            state.learned = Some(Arc::new(templates));
            state.learned_only = true;
        }
        Ok(counts)
    }

    /// The templates learned from the counts, as bytes (for `from_learned`).
    fn learned_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        let learned = self.state(py).learned();
        PyBytes::new(py, &learned.to_bytes())
    }

    /// The counts as bytes (for `add_bytes` in another process).
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let state = self.state(py);
        state.counting(py)?;
        Ok(PyBytes::new(py, &state.counts.to_bytes()))
    }

    /// Adds counts saved by `to_bytes` (another part of the corpus, counted with the same
    /// options): the counts of both parts as one.
    fn add_bytes(&self, py: Python<'_>, data: &[u8]) -> PyResult<()> {
        let mut state = self.state(py);
        state.counting(py)?;
        let other = py
            .detach(|| TemplateCounts::from_bytes(data))
            .into_py_result(py)?;
        state.counts.merge(other);
        state.learned = None;
        Ok(())
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
        state.counting(py)?;
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

    /// Learns the templates and frees the counts: no more documents are counted.
    fn finish(&self, py: Python<'_>) {
        let mut state = self.state(py);
        let state = &mut *state;
        if !state.learned_only {
            let templates = state.counts.finish(&state.options.templates);
            state.learned = Some(Arc::new(templates));
            state.learned_only = true;
        }
    }

    /// Documents counted so far (copies once).
    fn __len__(&self, py: Python<'_>) -> usize {
        self.state(py).counts.documents()
    }
}

/// Cleans each text; `None` gives an empty result (see [`CleanedColumns`]). Templates are learned per source from
/// `texts`, or taken from `templates` (counted over a whole corpus, with their own options).
#[pyfunction]
#[pyo3(signature = (texts, sources = None, options = None, *, templates = None, workers = None, progress = None))]
fn clean_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    sources: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyDict>>,
    templates: Option<&Bound<'py, PyTemplateCounts>>,
    workers: Option<Workers>,
    progress: Option<&Bound<'py, ProgressCounter>>,
) -> PyResult<CleanedColumns<'py>> {
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
    let cleaned: Vec<Cleaned> = compute_sized(py, workers, text_bytes(&texts), || {
        let texts = borrowed(&texts);
        let names = sources.as_deref().map(borrowed);
        match &learned {
            Some((templates, _)) => {
                clean::clean_corpus_with(&texts, names.as_deref(), templates, &options, &counter)
            }
            None => clean::clean_corpus_counted(&texts, names.as_deref(), &options, &counter),
        }
    })?;
    cleaned_columns(py, cleaned, &texts)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyTemplateCounts>()?;
    m.add_function(wrap_pyfunction!(clean_many, m)?)?;
    Ok(())
}
