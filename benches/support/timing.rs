//! Percentile timing shared by the benchmarks: criterion reports means, the
//! targets are p99s. And the process's resident memory.
#![allow(dead_code)] // each benchmark uses the helpers it needs

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

/// Times `calls` individual calls of `f(i)`, after up to 200 warm-up calls.
pub fn latencies(calls: usize, mut f: impl FnMut(usize)) -> Vec<Duration> {
    for i in 0..calls.min(200) {
        f(i);
    }
    (0..calls)
        .map(|i| {
            let t = Instant::now();
            f(i);
            t.elapsed()
        })
        .collect()
}

/// A `/proc/self/status` figure in KiB (`VmRSS:`, `VmHWM:`); 0 where there
/// is none.
pub fn status_kib(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// Resident memory now, in KiB.
pub fn rss_kib() -> u64 {
    status_kib("VmRSS:")
}

/// Each input's mean time, slowest first, for calls that cycled through
/// `inputs` in order (call `i` took `inputs[i % inputs.len()]`).
pub fn slowest_inputs<'a>(times: &[Duration], inputs: &[&'a str]) -> Vec<(Duration, &'a str)> {
    let mut per: Vec<(Duration, &str)> = inputs
        .iter()
        .enumerate()
        .map(|(k, q)| {
            let mine: Vec<Duration> = times
                .iter()
                .skip(k)
                .step_by(inputs.len())
                .copied()
                .collect();
            (mine.iter().sum::<Duration>() / mine.len().max(1) as u32, *q)
        })
        .collect();
    per.sort_by_key(|p| std::cmp::Reverse(p.0));
    per
}

/// CPU time each live thread of this process has run so far, summed per
/// thread name (`/proc/self/task/*/schedstat`, nanoseconds): what a burst
/// cost each side, whatever else the machine was running at the time.
pub fn cpu_by_thread() -> std::collections::HashMap<String, Duration> {
    let mut out = std::collections::HashMap::new();
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return out;
    };
    for task in tasks.flatten() {
        let path = task.path();
        let name = std::fs::read_to_string(path.join("comm")).unwrap_or_default();
        let ran: u64 = std::fs::read_to_string(path.join("schedstat"))
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse().ok())
            .unwrap_or(0);
        *out.entry(name.trim().to_string()).or_default() += Duration::from_nanos(ran);
    }
    out
}

/// What each thread name ran between two [`cpu_by_thread`] readings.
pub fn cpu_between(
    before: &std::collections::HashMap<String, Duration>,
    after: &std::collections::HashMap<String, Duration>,
) -> std::collections::HashMap<String, Duration> {
    after
        .iter()
        .map(|(name, t)| {
            let was = before.get(name).copied().unwrap_or_default();
            (name.clone(), t.saturating_sub(was))
        })
        .collect()
}
