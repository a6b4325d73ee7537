//! Bindings of the entity tagger: `tag`, `_tokenize` (for the property tests) and
//! `_train_tagger` (driven by `tidings.train`).

use std::path::Path;
use std::sync::MutexGuard;

use arrow_array::builder::LargeStringBuilder;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use super::columns::Columns;
use super::options::options_from;
use super::renames::PyEntityRenames;
use super::shared::Shared;
use super::{
    compute, compute_sized, extract_texts, progress_of, text_bytes, IntoPyResult, ProgressCounter,
    ReleaseOnReturn, SpanText, Workers,
};
use crate::options::Options;
use crate::tag::corpus_join::CorpusNames;
use crate::tag::date_values::{date_value, Day};
use crate::tag::gazetteer::Gazetteer;
use crate::tag::names_bytes;
use crate::tag::options::{CANONICAL, KEEP_LABELS, LABELS, TAG_OPTIONS};
use crate::tag::perceptron::TrainConfig;
use crate::tag::renames::NameRenames;
use crate::tag::{tag_corpus, tag_documents, Label, Mention, Publication, Resources, TagOptions};
use crate::text::CharOffsets;
use crate::Error;

/// The label `name` stands for (a label or an alias, see `tag::options::LABELS`).
fn label_named(name: &str) -> Option<Label> {
    LABELS.resolve(name).and_then(Label::parse)
}

/// The user dictionary of `(pattern, label, canonical)` rows.
pub(crate) fn user_dictionary(rows: &[(String, String, String)]) -> crate::Result<Gazetteer> {
    let mut user = Gazetteer::default();
    for (pattern, label, entity) in rows {
        let label = label_named(label).ok_or_else(|| {
            Error::InvalidInput(format!(
                "the entity pattern '{pattern}' has an unknown label '{label}'; use one of {}",
                LABELS.names.join(", ")
            ))
        })?;
        user.insert(pattern, label, entity, false)?;
    }
    Ok(user)
}

/// What the corpus-wide join needs of a corpus tagged chunk by chunk (`tag(..., corpus=)`),
/// kept until every chunk was tagged, so entity names join across the whole corpus as `tag`
/// joins them across one call: each document's distinct names as ids, never its mentions
/// (`CorpusNames`). Threads that share one take turns.
#[pyclass(module = "tidings._core", name = "EntityJoin", frozen)]
#[derive(Default)]
pub(crate) struct PyEntityJoin {
    names: Shared<CorpusNames>,
}

impl PyEntityJoin {
    fn lock(&self, py: Python<'_>) -> MutexGuard<'_, CorpusNames> {
        self.names.lock(py)
    }
}

#[pymethods]
impl PyEntityJoin {
    #[new]
    fn new() -> Self {
        PyEntityJoin::default()
    }

    /// Joins the names across the corpus: the names it changes in each document; the kept
    /// names are released.
    fn join(&self, py: Python<'_>) -> PyResult<PyEntityRenames> {
        let names = std::mem::take(&mut *self.lock(py));
        let renames = compute(py, Some(Workers::ONE), move || {
            Ok(NameRenames::new(&names, &names.join()))
        })?;
        Ok(PyEntityRenames::wrap(renames))
    }

    /// What the join needs of the documents tagged so far, as bytes
    /// (`tag::names_bytes`), so that documents tagged in other processes join here through
    /// `add_names`.
    fn names<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        let names = self.lock(py);
        PyBytes::new(py, &names_bytes::to_bytes(&names))
    }

    /// Adds documents as `names` gives them (damaged bytes add none).
    fn add_names(&self, py: Python<'_>, data: &[u8]) -> PyResult<()> {
        let mut names = self.lock(py);
        names_bytes::add_bytes(&mut names, data).into_py_result(py)
    }

    /// Documents tagged so far.
    fn __len__(&self, py: Python<'_>) -> usize {
        self.lock(py).documents()
    }
}

/// Tags documents; returns the mention table as a dict of equal-length lists. Options as in
/// `tag::options::TAG_OPTIONS` (labels, canonical). With `corpus`, names are not yet joined
/// across documents: the mentions go into `corpus` for its `join`. `dates` are the documents'
/// publication dates (ISO `YYYY-MM-DD` or `None`), which relative DATE values count from, and
/// `sources` their outlets (or `None`); both help the join tell people of one surname apart.
#[pyfunction]
#[pyo3(signature = (texts, model_path, gazetteer_path, *, entities = None, corpus = None, dates = None, sources = None, workers = None, progress = None, **options))]
#[allow(clippy::too_many_arguments)]
fn tag<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    model_path: &str,
    gazetteer_path: &str,
    entities: Option<Vec<(String, String, String)>>,
    corpus: Option<&Bound<'py, PyEntityJoin>>,
    dates: Option<Vec<Option<String>>>,
    sources: Option<Vec<Option<String>>>,
    workers: Option<Workers>,
    progress: Option<&Bound<'py, ProgressCounter>>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyDict>)> {
    let options = options_from(Options::new(&TAG_OPTIONS), options)?;
    let texts = extract_texts(texts)?;
    let _release = ReleaseOnReturn::after(py, text_bytes(&texts));
    let publications = publications(dates, sources, texts.len()).into_py_result(py)?;
    let counter = progress_of(progress);
    let resources = py
        .detach(|| Resources::cached(Path::new(model_path), Path::new(gazetteer_path)))
        .into_py_result(py)?;
    let user = entities
        .map(|rows| user_dictionary(&rows))
        .transpose()
        .into_py_result(py)?;
    let labels = options
        .words(KEEP_LABELS.name)
        .into_py_result(py)?
        .map(|names| names.into_iter().filter_map(label_named).collect());
    let options = TagOptions {
        user: user.as_ref(),
        labels,
        canonical: options.bool(CANONICAL.name).into_py_result(py)?,
    };
    let borrowed: Vec<Option<&str>> = texts.iter().map(|t| t.as_deref()).collect();
    let join_later = corpus.is_some() && options.canonical;
    let (mut table, docs) = compute_sized(py, workers, text_bytes(&texts), || {
        let docs = if join_later {
            // Joined across the whole corpus later, by `PyEntityJoin::join`.
            tag_documents(&resources, &borrowed, &options, &counter)
        } else {
            tag_corpus(&resources, &borrowed, &publications, &options, &counter)
        };
        Ok(Table::of(docs, &borrowed, &publications, join_later))
    })?;
    for (i, &doc) in table.doc.iter().enumerate() {
        if let Some(text) = &texts[doc] {
            let (start, end) = (&mut table.start[i], &mut table.end[i]);
            text.to_python(py, start, end, &mut table.text[i])?;
        }
    }
    if let (Some(corpus), true) = (corpus, join_later) {
        let mut names = corpus.get().lock(py);
        // Documents of unknown publication when neither dates nor sources were given.
        let unknown = Publication::default();
        for (d, doc) in docs.iter().enumerate() {
            names.add(doc, publications.get(d).unwrap_or(&unknown));
        }
    }
    table.into_columns(py)
}

/// The publication day and outlet of each document (none known when `dates` and `sources`
/// are `None`); an error names a date that is no ISO day or a list of the wrong length.
pub(super) fn publications(
    dates: Option<Vec<Option<String>>>,
    sources: Option<Vec<Option<String>>>,
    documents: usize,
) -> crate::Result<Vec<Publication>> {
    for (name, values) in [("dates", dates.as_ref()), ("sources", sources.as_ref())] {
        if let Some(values) = values.filter(|v| v.len() != documents) {
            return Err(Error::InvalidInput(format!(
                "{name} has {} values for {documents} documents",
                values.len()
            )));
        }
    }
    if dates.is_none() && sources.is_none() {
        return Ok(Vec::new());
    }
    let mut dates = dates.map(Vec::into_iter);
    let mut sources = sources.map(Vec::into_iter);
    (0..documents)
        .map(|i| {
            let day = match dates.as_mut().and_then(Iterator::next).flatten() {
                None => None,
                Some(text) => Some(Day::parse_iso(&text).ok_or_else(|| {
                    Error::InvalidInput(format!("dates[{i}] is no ISO date (YYYY-MM-DD): '{text}'"))
                })?),
            };
            let outlet = sources.as_mut().and_then(Iterator::next).flatten();
            Ok(Publication { day, outlet })
        })
        .collect()
}

/// The mention table as it is built: numbers and the few fixed names in vectors, the texts
/// of the mentions' names straight in Arrow buffers (a `String` each would hold the table
/// twice over until it is handed to Python).
#[derive(Default)]
struct Table {
    doc: Vec<usize>,
    start: Vec<usize>,
    end: Vec<usize>,
    text: Vec<SpanText>,
    label: Vec<&'static str>,
    entity: LargeStringBuilder,
    source: Vec<&'static str>,
    score: Vec<f64>,
    title: LargeStringBuilder,
    sentence: Vec<usize>,
    value: LargeStringBuilder,
    linked_by: Vec<&'static str>,
    country: LargeStringBuilder,
}

impl Table {
    /// The mention table of the tagged `docs`, and the mentions themselves when `keep` (for a
    /// join later); otherwise each document's mentions are freed once in the table.
    fn of(
        docs: Vec<Vec<Mention>>,
        texts: &[Option<&str>],
        publications: &[Publication],
        keep: bool,
    ) -> (Table, Vec<Vec<Mention>>) {
        let mut table = Table::default();
        let published = |doc: usize| publications.get(doc).and_then(|p| p.day);
        if keep {
            for (doc, (mentions, text)) in docs.iter().zip(texts).enumerate() {
                if let Some(text) = text {
                    table.push_document(doc, mentions, text, published(doc));
                }
            }
            return (table, docs);
        }
        for (doc, (mentions, text)) in docs.into_iter().zip(texts).enumerate() {
            if let Some(text) = text {
                table.push_document(doc, &mentions, text, published(doc));
            }
        }
        (table, Vec::new())
    }

    /// The mentions of document `doc`, with Python string offsets into `text` and each DATE's
    /// value read against the document's publication day.
    fn push_document(
        &mut self,
        doc: usize,
        mentions: &[Mention],
        text: &str,
        published: Option<Day>,
    ) {
        let offsets = CharOffsets::new(text);
        for m in mentions {
            self.doc.push(doc);
            self.start.push(offsets.char_index(m.start));
            self.end.push(offsets.char_index(m.end));
            self.text
                .push(SpanText::Core(text[m.start..m.end].to_string()));
            self.label.push(m.label.as_str());
            self.entity.append_value(&m.entity);
            self.linked_by.push(m.link.as_str());
            self.country.append_option(m.country.as_deref());
            self.source.push(m.source.as_str());
            self.score.push(m.score as f64);
            self.title.append_option(
                m.title
                    .map(|(s, e)| text[s..e].split_whitespace().collect::<Vec<_>>().join(" ")),
            );
            self.sentence.push(m.sentence);
            self.value.append_option(
                (m.label == Label::Date)
                    .then(|| date_value(&text[m.start..m.end], published))
                    .flatten(),
            );
        }
    }

    /// The table as Arrow columns, and the texts of the mentions Arrow cannot hold (with
    /// surrogates, from inputs that had them) by row; those rows are null in `text`.
    fn into_columns(self, py: Python<'_>) -> PyResult<(Bound<'_, PyAny>, Bound<'_, PyDict>)> {
        let mut columns = Columns::default();
        columns.ints("doc", self.doc);
        columns.ints("start", self.start);
        columns.ints("end", self.end);
        let python_texts = columns.span_texts(py, "text", self.text)?;
        columns.texts("label", self.label.iter().copied().map(Some));
        columns.built_texts("entity", self.entity);
        columns.texts("source", self.source.iter().copied().map(Some));
        columns.floats("score", self.score);
        columns.built_texts("title", self.title);
        columns.ints("sentence", self.sentence);
        columns.built_texts("value", self.value);
        columns.texts("linked_by", self.linked_by.iter().copied().map(Some));
        columns.built_texts("country", self.country);
        Ok((columns.into_pyarrow(py)?, python_texts))
    }
}

/// Tokens of one text as (start, end, sentence_start) with Python string offsets.
#[pyfunction]
fn _tokenize(text: &str) -> Vec<(usize, usize, bool)> {
    let offsets = CharOffsets::new(text);
    crate::tag::tokenize::tokenize(text)
        .iter()
        .map(|t| {
            (
                offsets.char_index(t.start),
                offsets.char_index(t.end),
                t.sentence_start,
            )
        })
        .collect()
}

/// Trains the tagger on IOB2 sentences and writes the model file; returns the training
/// accuracy of each epoch.
#[pyfunction]
#[pyo3(signature = (sentences, tags, gazetteer_path, out_path, *, bits = 19, epochs = 6, seed = 20_240_601, word_dropout = 0.0, runs = 1))]
#[allow(clippy::too_many_arguments)]
fn _train_tagger(
    py: Python<'_>,
    sentences: Vec<Vec<String>>,
    tags: Vec<Vec<String>>,
    gazetteer_path: &str,
    out_path: &str,
    bits: u32,
    epochs: usize,
    seed: u64,
    word_dropout: f64,
    runs: usize,
) -> PyResult<Vec<f64>> {
    if sentences.len() != tags.len() {
        return Err(Error::InvalidInput(
            "sentences and tags differ in length".into(),
        ))
        .into_py_result(py);
    }
    let work = || -> crate::Result<Vec<f64>> {
        let tsv = std::fs::read_to_string(gazetteer_path)?;
        let gazetteer = Gazetteer::from_tsv(&tsv)?;
        let data: Vec<(Vec<String>, Vec<String>)> = sentences.into_iter().zip(tags).collect();
        let mut accuracy = Vec::new();
        let config = TrainConfig {
            bits,
            epochs,
            seed,
            word_dropout,
            runs,
        };
        let model =
            crate::tag::train::train_tagger(&data, &gazetteer, &config, |_, a| accuracy.push(a))?;
        std::fs::write(out_path, model.to_bytes())?;
        Ok(accuracy)
    };
    py.detach(|| crate::parallel::catch_panic(work))
        .into_py_result(py)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("LABELS", LABELS.names.to_vec())?;
    let aliases = PyDict::new(m.py());
    for name in LABELS.names {
        aliases.set_item(*name, *name)?;
    }
    for (alias, name) in LABELS.aliases {
        aliases.set_item(*alias, *name)?;
    }
    m.add("LABEL_ALIASES", aliases)?;
    m.add_class::<PyEntityJoin>()?;
    m.add_function(wrap_pyfunction!(tag, m)?)?;
    m.add_function(wrap_pyfunction!(_tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(_train_tagger, m)?)?;
    Ok(())
}
