//! Percentile timing shared by the benchmarks: criterion reports means, the
//! targets are p99s.

use std::time::{Duration, Instant};

/// Prints p50/p99/max of `n` timed runs of `f`.
pub fn percentiles(name: &str, n: usize, mut f: impl FnMut()) {
    let n = n.max(1);
    let mut times: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    let at = |q: f64| times[((n as f64 * q) as usize).min(n - 1)];
    println!(
        "{name}: n={n} p50={:?} p99={:?} max={:?}",
        at(0.5),
        at(0.99),
        at(1.0)
    );
}
