//! The one place where core errors become Python exceptions. The classes live in
//! `tidings.errors` (Python, so they can also subclass `ValueError`, `TypeError`, `OSError`).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use crate::Error;

fn exception_class<'py>(py: Python<'py>, name: &'static str) -> PyResult<Bound<'py, PyType>> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    let module = MODULE.get_or_try_init(py, || py.import("tidings.errors").map(Bound::unbind))?;
    Ok(module.bind(py).getattr(name)?.cast_into::<PyType>()?)
}

pub(crate) fn to_py_err(py: Python<'_>, err: Error) -> PyErr {
    let class = match &err {
        // `compute` raises the interrupt that cancelled the work; this is only a fallback.
        Error::Cancelled => return pyo3::exceptions::PyKeyboardInterrupt::new_err(err.to_string()),
        Error::InvalidInput(_) => "InputError",
        Error::InvalidType(_) => "InputTypeError",
        Error::Model(_) => "ModelError",
        Error::Io(_) => "TidingsIOError",
        Error::Internal(_) => "InternalError",
    };
    match exception_class(py, class) {
        Ok(class) => PyErr::from_type(class, err.to_string()),
        Err(import_error) => import_error,
    }
}

pub(crate) trait IntoPyResult<T> {
    fn into_py_result(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for crate::Result<T> {
    fn into_py_result(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|err| to_py_err(py, err))
    }
}
