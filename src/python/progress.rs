//! A progress counter Python can poll while Rust works without the GIL.

use pyo3::prelude::*;

use crate::parallel::Progress;

/// Work items finished so far by the call this counter was passed to.
#[pyclass(name = "ProgressCounter", module = "tidings._core", frozen)]
#[derive(Default)]
pub(crate) struct ProgressCounter {
    pub(crate) progress: Progress,
}

#[pymethods]
impl ProgressCounter {
    #[new]
    fn new() -> Self {
        Self::default()
    }

    /// Items finished so far.
    #[getter]
    fn done(&self) -> usize {
        self.progress.done()
    }
}

/// The core-side handle of an optional counter (a no-op counter when none was passed).
pub(crate) fn progress_of(counter: Option<&Bound<'_, ProgressCounter>>) -> Progress {
    counter
        .map(|c| c.get().progress.clone())
        .unwrap_or_default()
}
