//! Options from Python keywords, checked by the core's option tables (`crate::options`), and
//! the tables themselves for the Python layer (`option_specs`, `resolve_options`).

use std::borrow::Cow;
use std::collections::HashMap;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyString};

use super::IntoPyResult;
use crate::clean::CleanOptions;
use crate::options::{Kind, OptionSpec, Options, Value};
use crate::Error;

/// The option tables the Python layer may ask for, by the name of what they configure, each
/// at its defaults.
fn table(group: &str) -> crate::Result<Options> {
    Ok(match group {
        "clean" => CleanOptions::table(),
        "dedup" => Options::new(&crate::dedup::options::DEDUP_OPTIONS),
        "dedup_index" => Options::new(&crate::dedup::options::INDEX_OPTIONS),
        "repeated_paragraphs" => Options::new(&crate::dedup::options::PARAGRAPH_OPTIONS),
        "tag" => Options::new(&crate::tag::options::TAG_OPTIONS),
        "stories" => Options::new(&crate::stories::options::STORY_OPTIONS),
        other => {
            return Err(Error::InvalidInput(format!(
                "no option table {other:?}; the tables are clean, dedup, dedup_index, \
                 repeated_paragraphs, tag, stories"
            )))
        }
    })
}

/// The Python value `value` as an option value of `spec`'s kind (the range is checked later).
fn value_of(spec: &OptionSpec, value: &Bound<'_, PyAny>) -> crate::Result<Value> {
    let wrong_type = |shown: &Bound<'_, PyAny>| {
        let repr = shown
            .repr()
            .map_or_else(|_| "?".to_string(), |r| r.to_string());
        spec.wrong_type(&repr)
    };
    if value.is_none() {
        return Ok(Value::None);
    }
    let is_bool = value.is_instance_of::<PyBool>();
    Ok(match spec.kind {
        Kind::Bool if is_bool => {
            Value::Bool(value.extract::<bool>().map_err(|_| wrong_type(value))?)
        }
        Kind::Int { .. } if !is_bool => {
            Value::Int(value.extract::<i64>().map_err(|_| wrong_type(value))?)
        }
        Kind::Number { .. } if !is_bool => {
            Value::Number(value.extract::<f64>().map_err(|_| wrong_type(value))?)
        }
        Kind::Word(_) => match value.cast::<PyString>() {
            Ok(word) => Value::Word(Cow::Owned(word.to_string())),
            Err(_) => return Err(wrong_type(value)),
        },
        Kind::Words(_) => {
            if let Ok(word) = value.cast::<PyString>() {
                return Ok(Value::Words(vec![Cow::Owned(word.to_string())]));
            }
            let items = value.try_iter().map_err(|_| wrong_type(value))?;
            let mut words = Vec::new();
            for item in items {
                let item = item.map_err(|_| wrong_type(value))?;
                match item.cast::<PyString>() {
                    Ok(word) => words.push(Cow::Owned(word.to_string())),
                    Err(_) => return Err(wrong_type(&item)),
                }
            }
            Value::Words(words)
        }
        _ => return Err(wrong_type(value)),
    })
}

/// The options of a table: `defaults`, then the keywords of `given`, each checked.
pub(crate) fn options_from(
    defaults: Options,
    given: Option<&Bound<'_, PyDict>>,
) -> PyResult<Options> {
    let mut options = defaults;
    let Some(given) = given else {
        return Ok(options);
    };
    let py = given.py();
    for (key, value) in given.iter() {
        let name: String = key
            .extract()
            .map_err(|_| Error::InvalidType("option names must be strings".into()))
            .into_py_result(py)?;
        let set = options
            .spec(&name)
            .and_then(|spec| value_of(spec, &value))
            .and_then(|value| options.set(&name, value));
        set.into_py_result(py)?;
    }
    Ok(options)
}

fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::None => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Int(i) => i.into_pyobject(py)?.into_any(),
        Value::Number(x) => x.into_pyobject(py)?.into_any(),
        Value::Word(w) => PyString::new(py, w).into_any(),
        Value::Words(ws) => PyList::new(py, ws.iter().map(|w| w.as_ref()))?.into_any(),
    })
}

/// The options of table `group`, in order: name, kind, default, nullable, description, and
/// the range (minimum, maximum, open_minimum) or the words (choices, aliases) of the kind.
#[pyfunction]
fn option_specs<'py>(py: Python<'py>, group: &str) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let specs = table(group).into_py_result(py)?.specs();
    specs
        .iter()
        .map(|spec| {
            let d = PyDict::new(py);
            d.set_item("name", spec.name)?;
            d.set_item("kind", spec.kind.as_str())?;
            d.set_item("default", to_python(py, &spec.default)?)?;
            d.set_item("nullable", spec.nullable)?;
            d.set_item("description", spec.description)?;
            let (mut minimum, mut maximum, mut open_minimum) = (None, None, false);
            let (mut choices, mut aliases) = (None, None);
            match spec.kind {
                Kind::Bool => {}
                Kind::Int { min, max } => {
                    minimum = Some(to_python(py, &Value::Int(min))?);
                    maximum = (max < i64::MAX).then(|| to_python(py, &Value::Int(max)));
                }
                Kind::Number { min, max, open_min } => {
                    minimum = Some(to_python(py, &Value::Number(min))?);
                    maximum = Some(to_python(py, &Value::Number(max)));
                    open_minimum = open_min;
                }
                Kind::Word(v) | Kind::Words(v) => {
                    choices = Some(v.names.to_vec());
                    aliases = Some(v.aliases.iter().copied().collect::<HashMap<_, _>>());
                }
            }
            d.set_item("minimum", minimum)?;
            d.set_item("maximum", maximum.transpose()?)?;
            d.set_item("open_minimum", open_minimum)?;
            d.set_item("choices", choices)?;
            d.set_item("aliases", aliases)?;
            Ok(d)
        })
        .collect()
}

/// Every option of table `group`: its default, or the checked value given in `options` (words
/// in their listed spelling, integers given for numbers as floats).
#[pyfunction]
#[pyo3(signature = (group, options = None))]
fn resolve_options<'py>(
    py: Python<'py>,
    group: &str,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let resolved = options_from(table(group).into_py_result(py)?, options)?;
    let out = PyDict::new(py);
    for (spec, value) in resolved.iter() {
        out.set_item(spec.name, to_python(py, value)?)?;
    }
    Ok(out)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(option_specs, m)?)?;
    m.add_function(wrap_pyfunction!(resolve_options, m)?)?;
    Ok(())
}
