//! A minimal worker: runs one job on its own thread.

use std::thread;

/// Runs `job` on a new thread and waits for its result.
pub fn spawn_worker<F>(job: F) -> u64
where
    F: FnOnce() -> u64 + Send + 'static,
{
    thread::spawn(job).join().expect("worker thread panicked")
}
