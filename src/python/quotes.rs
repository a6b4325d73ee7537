//! Bindings of quote extraction: `quotes`, with the speakers named by the tagger's mentions
//! (tagged here, or given as a mention table).

use std::path::Path;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::input::{SpanText, Text};
use super::tag::{publications, user_dictionary};
use super::{
    compute_sized, extract_texts, progress_of, text_bytes, IntoPyResult, ProgressCounter, Workers,
};
use crate::quotes::mentions::{named_by_document, to_named, MentionRow};
use crate::quotes::{quotes_of_corpus, quotes_of_documents, Named, Quote};
use crate::tag::{Resources, TagOptions};
use crate::text::CharOffsets;

/// A mention table's columns: document positions, start, end (Python string offsets), label,
/// entity.
type MentionColumns = (Vec<usize>, Vec<usize>, Vec<usize>, Vec<String>, Vec<String>);

/// Finds the quotes of documents; returns the quote table as a dict of equal-length lists.
/// With `mentions`, their speakers are named by those mentions; else the documents are tagged
/// first (with the user dictionary `entities`).
#[pyfunction]
#[pyo3(signature = (texts, model_path, gazetteer_path, *, entities = None, mentions = None, dates = None, sources = None, workers = None, progress = None))]
#[allow(clippy::too_many_arguments)]
fn quotes<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    model_path: &str,
    gazetteer_path: &str,
    entities: Option<Vec<(String, String, String)>>,
    mentions: Option<MentionColumns>,
    dates: Option<Vec<Option<String>>>,
    sources: Option<Vec<Option<String>>>,
    workers: Option<Workers>,
    progress: Option<&Bound<'py, ProgressCounter>>,
) -> PyResult<Bound<'py, PyDict>> {
    let texts = extract_texts(texts)?;
    let counter = progress_of(progress);
    let publications = publications(dates, sources, texts.len()).into_py_result(py)?;
    let mentions = mentions.map(|columns| in_core_indices(columns, &texts));
    let borrowed: Vec<Option<&str>> = texts.iter().map(|t| t.as_deref()).collect();
    let bytes = text_bytes(&texts);
    let table = match mentions {
        Some(columns) => compute_sized(py, workers, bytes, || {
            let named = given_mentions(&borrowed, &columns)?;
            Ok(Table::of(
                &borrowed,
                &quotes_of_documents(&borrowed, &named, &counter),
            ))
        })?,
        None => {
            let resources = py
                .detach(|| Resources::cached(Path::new(model_path), Path::new(gazetteer_path)))
                .into_py_result(py)?;
            let user = entities
                .map(|rows| user_dictionary(&rows))
                .transpose()
                .into_py_result(py)?;
            let options = TagOptions {
                user: user.as_ref(),
                labels: None,
                canonical: true,
            };
            compute_sized(py, workers, bytes, || {
                let quotes =
                    quotes_of_corpus(&resources, &borrowed, &publications, &options, &counter);
                Ok(Table::of(&borrowed, &quotes))
            })?
        }
    };
    let mut table = table;
    table.move_to_python(py, &texts)?;
    table.into_dict(py)
}

/// The mention columns with their offsets in code points of the texts the core sees (which
/// differ from Python's indices after a surrogate pair written as two code points).
fn in_core_indices(mut columns: MentionColumns, texts: &[Option<Text>]) -> MentionColumns {
    let (doc, start, end, _, _) = &mut columns;
    for (i, &d) in doc.iter().enumerate() {
        if let (Some(Some(text)), Some(s), Some(e)) =
            (texts.get(d), start.get_mut(i), end.get_mut(i))
        {
            (*s, *e) = (text.core_index(*s), text.core_index(*e));
        }
    }
    columns
}

/// Each document's mentions from the columns of a mention table.
fn given_mentions(
    texts: &[Option<&str>],
    columns: &MentionColumns,
) -> crate::Result<Vec<Vec<Named>>> {
    let (doc, start, end, label, entity) = columns;
    let n = doc.len();
    if [start.len(), end.len(), label.len(), entity.len()] != [n; 4] {
        return Err(crate::Error::InvalidInput(
            "the mention columns differ in length".into(),
        ));
    }
    let rows = (0..n).map(|i| MentionRow {
        doc: doc[i],
        start: start[i],
        end: end[i],
        label: &label[i],
        entity: &entity[i],
    });
    let by_doc = named_by_document(texts, rows)?;
    texts
        .iter()
        .zip(&by_doc)
        .map(|(text, rows)| text.map_or(Ok(Vec::new()), |t| to_named(t, rows)))
        .collect()
}

/// The quote table, Python string offsets.
#[derive(Default)]
struct Table {
    doc: Vec<usize>,
    start: Vec<usize>,
    end: Vec<usize>,
    quote: Vec<SpanText>,
    speaker: Vec<String>,
    speaker_text: Vec<String>,
    cue: Vec<String>,
    kind: Vec<&'static str>,
    cue_start: Vec<Option<usize>>,
    speaker_start: Vec<Option<usize>>,
}

impl Table {
    fn of(texts: &[Option<&str>], quotes: &[Vec<Quote>]) -> Table {
        let mut table = Table::default();
        for (doc, (quotes, text)) in quotes.iter().zip(texts).enumerate() {
            let Some(text) = text else { continue };
            let offsets = CharOffsets::new(text);
            let words = |span: Option<(usize, usize)>| {
                span.map_or_else(String::new, |(s, e)| text[s..e].to_string())
            };
            for q in quotes {
                table.doc.push(doc);
                table.start.push(offsets.char_index(q.start));
                table.end.push(offsets.char_index(q.end));
                table
                    .quote
                    .push(SpanText::Core(text[q.start..q.end].to_string()));
                table.speaker.push(q.speaker.clone());
                table.speaker_text.push(words(q.speaker_mention));
                table.cue.push(words(q.cue));
                table.kind.push(q.kind.as_str());
                table
                    .cue_start
                    .push(q.cue.map(|(s, _)| offsets.char_index(s)));
                table
                    .speaker_start
                    .push(q.speaker_mention.map(|(s, _)| offsets.char_index(s)));
            }
        }
        table
    }

    /// Moves the offsets (and the quotes' text) onto the inputs as Python sees them.
    fn move_to_python(&mut self, py: Python<'_>, texts: &[Option<Text>]) -> PyResult<()> {
        for (i, &doc) in self.doc.iter().enumerate() {
            let Some(text) = &texts[doc] else { continue };
            text.to_python(py, &mut self.start[i], &mut self.end[i], &mut self.quote[i])?;
            for at in [&mut self.cue_start[i], &mut self.speaker_start[i]] {
                *at = at.map(|index| text.python_index(index));
            }
        }
        Ok(())
    }

    fn into_dict(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let out = PyDict::new(py);
        out.set_item("doc", self.doc)?;
        out.set_item("start", self.start)?;
        out.set_item("end", self.end)?;
        out.set_item("quote", self.quote)?;
        out.set_item("speaker", self.speaker)?;
        out.set_item("speaker_text", self.speaker_text)?;
        out.set_item("cue", self.cue)?;
        out.set_item("kind", self.kind)?;
        out.set_item("cue_start", self.cue_start)?;
        out.set_item("speaker_start", self.speaker_start)?;
        Ok(out)
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(quotes, m)?)?;
    Ok(())
}
