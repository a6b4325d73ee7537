//! Bindings of the cleaning engine: options from a dict, results as plain tuples that the
//! Python facade (`tidings.cleaning`) turns into `Cleaned` objects.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::{compute, extract_texts, progress_of, IntoPyResult, ProgressCounter, Text};
use crate::clean::{self, CleanOptions, Cleaned};
use crate::Error;

type Span = (usize, usize, &'static str, String, String);
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

fn options_from(dict: Option<&Bound<'_, PyDict>>) -> PyResult<CleanOptions> {
    let mut o = CleanOptions::default();
    let Some(dict) = dict else { return Ok(o) };
    for (key, value) in dict.iter() {
        let key: String = key.extract()?;
        let as_bool = || value.extract::<bool>();
        let as_usize = || value.extract::<usize>();
        let as_f64 = || value.extract::<f64>();
        match key.as_str() {
            "repair_chars" => o.repair_chars = as_bool()?,
            "fix_mojibake" => o.chars.fix_mojibake = as_bool()?,
            "fix_entities" => o.chars.fix_entities = as_bool()?,
            "fold_quotes" => o.chars.fold_quotes = as_bool()?,
            "normalize_nfc" => o.chars.normalize_nfc = as_bool()?,
            "unwrap_lines" => o.lines.unwrap = as_bool()?,
            "min_wrap_width" => o.lines.min_wrap_width = as_usize()?,
            "max_wrap_width" => o.lines.max_wrap_width = as_usize()?,
            "min_wrapped_fraction" => o.lines.min_wrapped_fraction = as_f64()?,
            "remove_chrome" => o.remove_chrome = as_bool()?,
            "good_min_words" => o.chrome.good_min_words = as_usize()?,
            "good_min_stopword_density" => o.chrome.good_min_stopword_density = as_f64()?,
            "good_min_words_unpunctuated" => o.chrome.good_min_words_unpunctuated = as_usize()?,
            "max_label_words" => o.chrome.max_label_words = as_usize()?,
            "remove_repeats" => o.remove_repeats = as_bool()?,
            "min_repeat_chars" => o.min_repeat_chars = as_usize()?,
            "extract_fields" => o.extract_fields = as_bool()?,
            "max_title_words" => o.max_title_words = as_usize()?,
            "use_templates" => o.use_templates = as_bool()?,
            "template_min_docs" => o.templates.min_docs = as_usize()?,
            "template_min_fraction" => o.templates.min_fraction = as_f64()?,
            "template_max_words" => o.templates.max_words = as_usize()?,
            "audit_joins" => o.audit_joins = as_bool()?,
            other => {
                return Err(Error::InvalidInput(format!(
                    "unknown cleaning option {other:?}"
                )))
                .into_py_result(dict.py())
            }
        }
    }
    Ok(o)
}

fn row(c: Cleaned) -> Row {
    let spans = c
        .removed
        .into_iter()
        .map(|s| (s.start, s.end, s.rule, s.text, s.replacement))
        .collect();
    (
        c.text, c.title, c.dateline, c.place, c.agency, c.byline, c.date, c.credits, c.captions,
        spans,
    )
}

/// Cleans each text; `None` gives an empty result. Templates are learned per source.
#[pyfunction]
#[pyo3(signature = (texts, sources = None, options = None, *, workers = None, progress = None))]
fn clean_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    sources: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyDict>>,
    workers: Option<i64>,
    progress: Option<&Bound<'_, ProgressCounter>>,
) -> PyResult<Vec<Row>> {
    let counter = progress_of(progress);
    let options = options_from(options)?;
    let texts: Vec<Option<Text>> = extract_texts(texts)?;
    let sources: Option<Vec<Option<Text>>> = sources.map(extract_texts).transpose()?;
    compute(py, workers, || {
        let borrowed: Vec<Option<&str>> = texts.iter().map(|t| t.as_deref()).collect();
        let source_names: Option<Vec<Option<&str>>> = sources
            .as_ref()
            .map(|s| s.iter().map(|t| t.as_deref()).collect());
        let cleaned =
            clean::clean_corpus_counted(&borrowed, source_names.as_deref(), &options, &counter)?;
        Ok(cleaned.into_iter().map(row).collect())
    })
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(clean_many, m)?)?;
    Ok(())
}
