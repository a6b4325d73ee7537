//! Bounded rayon pools, cancellation, progress counts and the panic boundary.
//!
//! Every call from Python runs its work through [`run`] or [`run_watched`]: it leases a pool
//! with the requested number of threads (never more than the cores), turns a panic anywhere in
//! the work into [`Error::Internal`], and lets the caller cancel the work while it runs.
//!
//! # Pools
//!
//! A pool is leased by one call at a time and goes back to a small cache of idle pools when the
//! call ends; the cache keeps at most [`IDLE_POOLS`] pools and drops the least recently used one
//! (its threads end). So whatever `workers` values a program uses, it holds at most
//! `IDLE_POOLS` idle pools of at most the cores' threads each, plus one pool per running call.
//!
//! # Cancellation
//!
//! Each pool owns a [`Cancel`] flag, and every thread of the pool sees it. The core calls
//! [`checkpoint`] once per document and inside long per-document loops; after
//! [`Running::cancel`] the next checkpoint of every worker unwinds the work (quietly, without
//! the panic hook), the pool's loops stop, and the call returns [`Error::Cancelled`]. A parallel
//! loop whose items call `checkpoint` ends in rayon's `.panic_fuse()`: without it, rayon runs
//! every piece it split the loop into until that piece's own checkpoint, an unwind each, which
//! on a loop of a million documents takes seconds; with it the other pieces stop quietly. Work that
//! runs outside a pool (a test, a pure-Rust caller) is never cancelled: its checkpoints do
//! nothing. Code that mutates lasting state must not call `checkpoint` halfway through a
//! change: the core checks before it changes an index or a count.

use std::cell::OnceCell;
use std::collections::VecDeque;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use crate::error::{Error, Result};

/// Idle pools kept for reuse; a lease that finds none of its size builds one.
pub const IDLE_POOLS: usize = 4;

/// Turns the public `workers=` option into a thread count: `None` or `-1` means every core,
/// and a number above the cores counts as every core (more threads than cores only add
/// switching; the cap also bounds what a typo like `workers=5000` can start).
pub fn resolve_workers(workers: Option<i64>) -> Result<usize> {
    let cores = available_cores();
    match workers {
        None | Some(-1) => Ok(cores),
        Some(n) if n >= 1 => Ok(usize::try_from(n).unwrap_or(usize::MAX).min(cores)),
        Some(n) => Err(workers_error(&n.to_string())),
    }
}

/// The error for a `workers=` value that is neither a positive number nor -1 (`shown` as given).
pub fn workers_error(shown: &str) -> Error {
    Error::InvalidInput(format!(
        "workers must be a positive number of threads or -1 for all cores, got {shown}"
    ))
}

pub fn available_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// A flag that asks the work of one call to stop (see the module docs).
#[derive(Debug, Default, Clone)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    fn reset(&self) {
        self.0.store(false, Ordering::Relaxed);
    }
}

/// The unwinding payload of a cancelled checkpoint; [`catch_panic`] turns it into
/// [`Error::Cancelled`].
struct Cancelled;

thread_local! {
    /// The cancel flag of the pool this thread belongs to (unset outside tidings' pools).
    static POOL_CANCEL: OnceCell<Cancel> = const { OnceCell::new() };
}

/// Stops the current work when its call was cancelled; otherwise costs one atomic load. Call
/// it once per document and every so often inside long loops over one document.
pub fn checkpoint() {
    let cancelled = POOL_CANCEL.with(|cancel| cancel.get().is_some_and(Cancel::is_cancelled));
    if cancelled {
        // Not `panic!`: no panic hook runs, so nothing is printed.
        resume_unwind(Box::new(Cancelled));
    }
}

struct Pool {
    threads: usize,
    pool: rayon::ThreadPool,
    cancel: Cancel,
}

fn idle_pools() -> MutexGuard<'static, VecDeque<Pool>> {
    static IDLE: Mutex<VecDeque<Pool>> = Mutex::new(VecDeque::new());
    IDLE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A pool leased by one call; it returns to the idle pools when dropped.
struct Lease(Option<Pool>);

impl Lease {
    fn new(threads: usize) -> Result<Lease> {
        let idle = {
            let mut pools = idle_pools();
            let at = pools.iter().rposition(|p| p.threads == threads);
            at.and_then(|at| pools.remove(at))
        };
        let pool = match idle {
            Some(pool) => pool,
            None => build(threads)?,
        };
        pool.cancel.reset();
        Ok(Lease(Some(pool)))
    }

    fn pool(&self) -> &Pool {
        self.0
            .as_ref()
            .expect("a lease holds its pool until dropped")
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        let Some(pool) = self.0.take() else { return };
        let evicted = {
            let mut pools = idle_pools();
            pools.push_back(pool);
            let excess = pools.len().saturating_sub(IDLE_POOLS);
            pools.drain(..excess).collect::<Vec<_>>()
        };
        // Dropped outside the lock: each evicted pool's threads end once they are idle.
        drop(evicted);
    }
}

fn build(threads: usize) -> Result<Pool> {
    let cancel = Cancel::default();
    let seen = cancel.clone();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("tidings-{i}"))
        .start_handler(move |_| {
            POOL_CANCEL.with(|cancel| {
                let _ = cancel.set(seen.clone());
            });
        })
        .build()
        .map_err(|e| Error::Internal(format!("cannot start {threads} worker threads: {e}")))?;
    Ok(Pool {
        threads,
        pool,
        cancel,
    })
}

/// Work running on a leased pool, as its caller sees it while waiting: wait for it a while,
/// cancel it, take its result.
pub struct Running<R> {
    result: Mutex<Option<Result<R>>>,
    finished: Condvar,
    cancel: Cancel,
}

impl<R> Running<R> {
    fn slot(&self) -> MutexGuard<'_, Option<Result<R>>> {
        self.result.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn finish(&self, result: Result<R>) {
        *self.slot() = Some(result);
        self.finished.notify_all();
    }

    /// Waits at most `timeout` for the work to end; true when it has.
    pub fn wait(&self, timeout: Duration) -> bool {
        let slot = self.slot();
        let (slot, _) = self
            .finished
            .wait_timeout_while(slot, timeout, |r| r.is_none())
            .unwrap_or_else(PoisonError::into_inner);
        slot.is_some()
    }

    /// Waits until the work has ended.
    pub fn wait_done(&self) {
        let slot = self.slot();
        drop(
            self.finished
                .wait_while(slot, |r| r.is_none())
                .unwrap_or_else(PoisonError::into_inner),
        );
    }

    /// Asks the work to stop at its next checkpoints; it then ends with [`Error::Cancelled`].
    pub fn cancel(&self) {
        self.cancel.cancel();
    }

    /// The work's result, once it has ended (waits until then).
    pub fn take(&self) -> Result<R> {
        self.wait_done();
        self.slot()
            .take()
            .unwrap_or_else(|| Err(Error::Internal("the result was taken twice".into())))
    }
}

/// Runs `work` on a pool of `threads` threads while the calling thread runs `watch`, which may
/// wait for the work, cancel it and take its result (see [`Running`]). Returns what `watch`
/// returns, once the work has ended, whatever `watch` did.
pub fn run_watched<R: Send, W>(
    threads: usize,
    work: impl FnOnce() -> Result<R> + Send,
    watch: impl FnOnce(&Running<R>) -> W,
) -> Result<W> {
    let lease = Lease::new(threads.max(1))?;
    let pool = lease.pool();
    let running = Running {
        result: Mutex::new(None),
        finished: Condvar::new(),
        cancel: pool.cancel.clone(),
    };
    let watched = pool.pool.in_place_scope(|scope| {
        scope.spawn(|_| running.finish(catch_panic(work)));
        watch(&running)
    });
    Ok(watched)
}

thread_local! {
    /// The calling thread's pool of one thread, itself (see [`run_inline`]); `None` when the
    /// thread cannot have one (it is a worker of another pool).
    static INLINE: OnceCell<Option<rayon::ThreadPool>> = const { OnceCell::new() };
}

/// Runs `work` on the calling thread, as the one worker of a pool of its own, so rayon's loops
/// inside it run in place: no other thread is woken and waited for, which on a busy machine
/// costs more than small work itself. For work too small to be worth a pool's threads or a
/// cancellation (its checkpoints do nothing). A panic becomes [`Error::Internal`].
pub fn run_inline<R: Send>(work: impl FnOnce() -> Result<R> + Send) -> Result<R> {
    INLINE.with(|pool| {
        let pool = pool.get_or_init(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .use_current_thread()
                .build()
                .ok()
        });
        match pool {
            Some(pool) => pool.install(|| catch_panic(work)),
            None => run(1, work),
        }
    })
}

/// Runs `work` on a pool of `threads` threads; a panic becomes [`Error::Internal`].
pub fn run<R: Send>(threads: usize, work: impl FnOnce() -> Result<R> + Send) -> Result<R> {
    run_watched(threads, work, Running::take)?
}

/// The panic boundary for work that needs no pool.
pub fn catch_panic<R>(work: impl FnOnce() -> Result<R>) -> Result<R> {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|payload| {
        if payload.is::<Cancelled>() {
            return Err(Error::Cancelled);
        }
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Err(Error::Internal(message))
    })
}

/// A count of finished work items, shared between the workers and whoever draws a progress bar.
/// Workers add to it without locks; readers poll it (the Python side from another thread while
/// the GIL is released).
#[derive(Debug, Default, Clone)]
pub struct Progress(Arc<AtomicUsize>);

impl Progress {
    pub fn add(&self, items: usize) {
        self.0.fetch_add(items, Ordering::Relaxed);
    }

    pub fn done(&self) -> usize {
        self.0.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rayon::prelude::*;
    use std::time::Instant;

    #[test]
    fn workers_option() {
        let cores = available_cores();
        assert_eq!(resolve_workers(Some(1)), Ok(1));
        assert_eq!(resolve_workers(None), Ok(cores));
        assert_eq!(resolve_workers(Some(-1)), Ok(cores));
        assert_eq!(resolve_workers(Some(cores as i64 + 1)), Ok(cores));
        assert_eq!(resolve_workers(Some(i64::MAX)), Ok(cores));
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
        let n = run(1, || Ok(rayon::current_num_threads())).unwrap();
        assert_eq!(n, 1);
        let cores = available_cores();
        assert_eq!(run(cores, || Ok(rayon::current_num_threads())), Ok(cores));
    }

    #[test]
    fn idle_pools_are_bounded() {
        for threads in 1..=IDLE_POOLS + 6 {
            run(threads, || Ok(())).unwrap();
        }
        assert!(idle_pools().len() <= IDLE_POOLS);
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

    /// Endless work on two threads stops at its checkpoints soon after `cancel`, and the pool
    /// then serves the next call as new.
    #[test]
    fn cancel_stops_the_workers() {
        let started = Instant::now();
        let result = run_watched(
            2,
            || {
                (0..u64::MAX)
                    .into_par_iter()
                    .panic_fuse()
                    .for_each(|_| checkpoint());
                Ok(())
            },
            |running| {
                assert!(!running.wait(Duration::from_millis(100)));
                running.cancel();
                running.take()
            },
        )
        .unwrap();
        assert_eq!(result, Err(Error::Cancelled));
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(run(2, || Ok(7)), Ok(7));
    }

    /// Inline work runs on the calling thread, its loops in place, and panics are caught;
    /// inside a pool's worker it runs on a pool of its own.
    #[test]
    fn inline_work_runs_on_the_calling_thread() {
        let caller = std::thread::current().id();
        let (thread, threads, sum) = run_inline(|| {
            let sum: u64 = (0..1000u64).into_par_iter().sum();
            Ok((
                std::thread::current().id(),
                rayon::current_num_threads(),
                sum,
            ))
        })
        .unwrap();
        assert_eq!((thread, threads, sum), (caller, 1, 499_500));
        let panicked: Result<()> = run_inline(|| panic!("inline boom"));
        assert!(matches!(panicked, Err(Error::Internal(m)) if m.contains("inline boom")));
        assert_eq!(
            run(2, || run_inline(|| Ok(rayon::current_num_threads()))),
            Ok(1)
        );
    }

    #[test]
    fn checkpoints_outside_a_pool_do_nothing() {
        checkpoint();
        let checked = catch_panic(|| {
            checkpoint();
            Ok(())
        });
        assert_eq!(checked, Ok(()));
    }

    #[test]
    fn progress_counts_across_threads() {
        let progress = Progress::default();
        let seen = progress.clone();
        run(2, || {
            (0..1000).into_par_iter().for_each(|_| seen.add(1));
            Ok(())
        })
        .unwrap();
        assert_eq!(progress.done(), 1000);
    }
}
