//! State that Python threads share through one object (an index, a join, template counts): each
//! call takes its turn, waiting for the one before it without holding the GIL.

use std::sync::{Mutex, MutexGuard, PoisonError};

use pyo3::prelude::*;
use pyo3::sync::MutexExt;

/// A value behind a lock that waits with the GIL released.
#[derive(Default)]
pub(crate) struct Shared<T>(Mutex<T>);

impl<T> Shared<T> {
    pub(crate) fn new(value: T) -> Self {
        Shared(Mutex::new(value))
    }

    /// The value, once no other thread uses it. Work that is cancelled stops before it changes
    /// the value, so a poisoned lock (never expected) still guards a whole value.
    pub(crate) fn lock(&self, py: Python<'_>) -> MutexGuard<'_, T> {
        self.0
            .lock_py_attached(py)
            .unwrap_or_else(PoisonError::into_inner)
    }
}
