//! Running core work from Python: the `workers=` option, the GIL released while the pool
//! works, and Ctrl-C honoured while it does.

use std::time::Duration;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt};

use super::errors::to_py_err;
use super::{IntoPyResult, Text};
use crate::parallel;
use crate::Error;

/// How often the waiting thread looks for a signal (Ctrl-C) while the core works.
const SIGNAL_POLL: Duration = Duration::from_millis(50);

/// A `workers=` number as given: an int of any size (a number above the cores counts as every
/// core, so an int too large for 64 bits is simply "all cores"). `None` is `Option::None`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Workers(i64);

impl<'a, 'py> FromPyObject<'a, 'py> for Workers {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let py = obj.py();
        let shown = || obj.repr().map_or_else(|_| "?".into(), |r| r.to_string());
        if !obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyBool>() {
            let error = Error::InvalidType(format!(
                "workers must be a whole number of threads (or -1 or None for all cores), got {}",
                shown()
            ));
            return Err(to_py_err(py, error));
        }
        match obj.extract::<i64>() {
            Ok(n) => Ok(Workers(n)),
            Err(_) if obj.gt(0)? => Ok(Workers(i64::MAX)),
            Err(_) => Err(to_py_err(py, parallel::workers_error(&shown()))),
        }
    }
}

impl Workers {
    /// One thread, for work that is not parallel.
    pub(crate) const ONE: Workers = Workers(1);
}

/// Work that reads at most this many bytes (of text, or of fingerprints) runs on the calling
/// thread (a few milliseconds at most: too short for a pool's threads to help, or for Ctrl-C).
pub(crate) const INLINE_BYTES: usize = 16 * 1024;

/// The bytes of the texts, for [`compute_sized`].
pub(crate) fn text_bytes(texts: &[Option<Text>]) -> usize {
    texts.iter().flatten().map(|t| t.len()).sum()
}

/// [`compute`] for work that reads `bytes` bytes: up to [`INLINE_BYTES`] it runs without the
/// GIL on the calling thread (`parallel::run_inline`), whatever `workers` (still checked), with
/// the same result.
pub(crate) fn compute_sized<R: Send>(
    py: Python<'_>,
    workers: Option<Workers>,
    bytes: usize,
    work: impl FnOnce() -> crate::Result<R> + Send,
) -> PyResult<R> {
    if bytes > INLINE_BYTES {
        return compute(py, workers, work);
    }
    parallel::resolve_workers(workers.map(|w| w.0)).into_py_result(py)?;
    py.detach(|| parallel::run_inline(work)).into_py_result(py)
}

/// Runs `work` without the GIL on a pool of `workers` threads (`None`/-1: all cores; at most
/// the cores). The calling thread waits with the GIL released and checks for signals every
/// [`SIGNAL_POLL`]; when a signal handler raises (Ctrl-C: `KeyboardInterrupt`) the work is
/// cancelled, its workers stop at their next checkpoint, and the handler's exception is raised.
pub(crate) fn compute<R: Send>(
    py: Python<'_>,
    workers: Option<Workers>,
    work: impl FnOnce() -> crate::Result<R> + Send,
) -> PyResult<R> {
    let threads = parallel::resolve_workers(workers.map(|w| w.0)).into_py_result(py)?;
    let outcome = parallel::run_watched(threads, work, |running| {
        while !py.detach(|| running.wait(SIGNAL_POLL)) {
            if let Err(interrupt) = py.check_signals() {
                running.cancel();
                py.detach(|| running.wait_done());
                return Err(interrupt);
            }
        }
        running.take().into_py_result(py)
    });
    outcome.into_py_result(py)?
}

/// Calls on at least this many bytes of text hand back the memory they freed as they return.
const RELEASE_BYTES: usize = 16 << 20;

/// Declared first in a binding call that builds large results slowly (tagging), so that it
/// drops last, once the call's intermediate results are freed: hands back to the system the
/// memory the call freed. glibc keeps it in each worker thread's arena, so a process would
/// otherwise hold the peak of every call it made (a `Corpus` held twice its tables after
/// tagging). A trim walks the heap and the next call faults the pages in again (tens of
/// milliseconds): too dear for fast calls (cleaning slowed by 8%) and small ones.
pub(crate) struct ReleaseOnReturn<'py> {
    py: Python<'py>,
    bytes: usize,
}

impl<'py> ReleaseOnReturn<'py> {
    pub(crate) fn after(py: Python<'py>, bytes: usize) -> Self {
        ReleaseOnReturn { py, bytes }
    }
}

impl Drop for ReleaseOnReturn<'_> {
    fn drop(&mut self) {
        if self.bytes >= RELEASE_BYTES {
            self.py.detach(release_freed_memory);
        }
    }
}

fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns pages no allocation uses; it is thread-safe.
    unsafe {
        libc::malloc_trim(0);
    }
}
