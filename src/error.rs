//! The core's error type. The bindings translate each variant to one Python exception
//! class in a single place (`python::errors`), so the hierarchy stays consistent.

/// Errors the core reports to callers. Panics are caught at the boundary and become
/// [`Error::Internal`]; they never cross into Python as a `PanicException`.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    /// An option or input value is out of range or malformed (Python: `InputError`).
    #[error("{0}")]
    InvalidInput(String),
    /// An option or input has a type tidings cannot take, or an option is unknown (Python:
    /// `InputTypeError`).
    #[error("{0}")]
    InvalidType(String),
    /// A shipped or user-supplied model, gazetteer or index cannot be read (Python: `ModelError`).
    #[error("{0}")]
    Model(String),
    /// A file could not be read or written (Python: `TidingsIOError`).
    #[error("{0}")]
    Io(String),
    /// The caller cancelled the work (Python: the `KeyboardInterrupt` that cancelled it).
    #[error("the work was cancelled")]
    Cancelled,
    /// A bug in tidings: a caught panic or a broken invariant (Python: `InternalError`).
    #[error("internal error in tidings (please report it): {0}")]
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        Error::Io(err.to_string())
    }
}
