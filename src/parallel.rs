//! Bounded rayon pools and the panic boundary.
//!
//! Every call from Python runs its work through [`run`]: it picks a pool with the requested
//! number of threads (pools are cached, building one costs a thread spawn per worker) and turns a
//! panic anywhere in the work into [`Error::Internal`].

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, OnceLock};

use crate::error::{Error, Result};

/// Turns the public `workers=` option into a thread count: `None` or `-1` means every core.
pub fn resolve_workers(workers: Option<i64>) -> Result<usize> {
    match workers {
        None | Some(-1) => Ok(available_cores()),
        Some(n) if n >= 1 => Ok(usize::try_from(n).unwrap_or(usize::MAX).min(1024)),
        Some(n) => Err(Error::InvalidInput(format!(
            "workers must be a positive number of threads or -1 for all cores, got {n}"
        ))),
    }
}

pub fn available_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn pool(threads: usize) -> Result<Arc<rayon::ThreadPool>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let pools = POOLS.get_or_init(|| Mutex::new(HashMap::new()));
    let mut pools = pools
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(pool) = pools.get(&threads) {
        return Ok(Arc::clone(pool));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("tidings-{i}"))
        .build()
        .map_err(|e| Error::Internal(format!("cannot start {threads} worker threads: {e}")))?;
    let pool = Arc::new(pool);
    pools.insert(threads, Arc::clone(&pool));
    Ok(pool)
}

/// Runs `work` on a pool of `threads` threads; a panic becomes [`Error::Internal`].
pub fn run<R: Send>(threads: usize, work: impl FnOnce() -> Result<R> + Send) -> Result<R> {
    let pool = pool(threads.max(1))?;
    catch_panic(|| pool.install(work))
}

/// The panic boundary for work that needs no pool.
pub fn catch_panic<R>(work: impl FnOnce() -> Result<R>) -> Result<R> {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Err(Error::Internal(message))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rayon::prelude::*;

    #[test]
    fn workers_option() {
        assert_eq!(resolve_workers(Some(3)), Ok(3));
        assert_eq!(resolve_workers(None), Ok(available_cores()));
        assert_eq!(resolve_workers(Some(-1)), Ok(available_cores()));
        assert!(matches!(
            resolve_workers(Some(0)),
            Err(Error::InvalidInput(_))
        ));
        assert!(matches!(
            resolve_workers(Some(-2)),
            Err(Error::InvalidInput(_))
        ));
    }

    #[test]
    fn pool_has_requested_threads() {
        let n = run(3, || Ok(rayon::current_num_threads())).unwrap();
        assert_eq!(n, 3);
    }

    #[test]
    fn panic_in_worker_becomes_internal_error() {
        let result: Result<Vec<u32>> = run(2, || {
            Ok((0..100u32)
                .into_par_iter()
                .map(|i| if i == 57 { panic!("boom at {i}") } else { i })
                .collect())
        });
        match result {
            Err(Error::Internal(message)) => assert!(message.contains("boom at 57")),
            other => panic!("expected an internal error, got {other:?}"),
        }
    }
}
