//! Times the search engine where the app runs it: inside a browser's WebAssembly engine.
//!
//! `cargo xtask bench` builds this crate for wasm32 and drives it in headless Chromium
//! (tests/bench/wasm-bench.mjs). The measuring is plain Rust over an injected clock, so it is
//! tested natively; only the `web` module (wasm32 only) binds it to JavaScript and
//! `performance.now()`.

mod queries;
mod stats;
#[cfg(target_arch = "wasm32")]
mod web;

use std::hint::black_box;

use learnings_core::search::{Index, SearchOptions};
use learnings_core::{decode_bundle, synthetic, Bundle, Day, Entry, SCHEMA_VERSION};
use serde::Serialize;

/// Length in bytes of the pasted-a-whole-page query.
const LONG_QUERY_BYTES: usize = 10_000;

/// The figures for one collection size; the bench page prints them as a table row.
#[derive(Debug, Serialize)]
pub struct Report {
    /// Entries in the collection.
    pub n: usize,
    /// Size of the collection as a bundle file, what the app downloads and decodes.
    pub json_bytes: usize,
    /// Decoding that bundle text into entries, as the app does after the download.
    pub decode_ms: f64,
    /// Building the search index over the entries.
    pub build_ms: f64,
    /// Queries typed, from [`queries::QUERIES`].
    pub queries: usize,
    /// Searches timed: one per keystroke of every query.
    pub keystrokes: usize,
    /// Median time of one keystroke's search.
    pub query_p50_ms: f64,
    /// 95th percentile of one keystroke's search.
    pub query_p95_ms: f64,
    /// 99th percentile of one keystroke's search.
    pub query_p99_ms: f64,
    /// Slowest keystroke's search.
    pub query_max_ms: f64,
    /// One search for a 10,000-byte query.
    pub long_query_ms: f64,
    /// What the index says it holds on the heap.
    pub heap_bytes: usize,
}

/// `n` synthetic entries modelled on the real bundle `real_json`, as a bundle the app can load.
pub fn synthetic_bundle(real_json: &str, n: usize, seed: u64) -> Result<Bundle, String> {
    let real = decode_bundle(real_json).map_err(|e| format!("the real bundle: {e}"))?;
    Ok(bundle_of(synthetic::collection(&real.entries, n, seed)))
}

/// Wraps entries in a bundle, with the days in order of first appearance and their counts.
fn bundle_of(entries: Vec<Entry>) -> Bundle {
    let mut days: Vec<Day> = Vec::new();
    for entry in &entries {
        match days.iter_mut().rev().find(|d| d.date == entry.day) {
            Some(day) => day.count += 1,
            None => days.push(Day { date: entry.day.clone(), count: 1 }),
        }
    }
    Bundle { schema_version: SCHEMA_VERSION, site: Default::default(), days, entries }
}

/// Times what the app does with `bundle`: decode its text, index it, then search it as a reader
/// types. `now` is a clock in milliseconds.
pub fn measure(bundle: Bundle, now: &dyn Fn() -> f64) -> Result<Report, String> {
    let n = bundle.entries.len();
    let json = serde_json::to_string(&bundle).map_err(|e| format!("cannot encode the bundle: {e}"))?;
    drop(bundle);

    let start = now();
    let decoded = decode_bundle(&json).map_err(|e| format!("cannot decode the synthetic bundle: {e}"))?;
    let decode_ms = now() - start;
    let json_bytes = json.len();
    drop(json);

    let start = now();
    let index = Index::new(&decoded.entries);
    let build_ms = now() - start;

    let options = SearchOptions::default();
    let mut samples = Vec::new();
    for query in queries::QUERIES {
        for prefix in queries::prefixes(query) {
            let start = now();
            black_box(index.search(black_box(prefix), &options));
            samples.push(now() - start);
        }
    }
    samples.sort_by(f64::total_cmp);

    let long = queries::long_query(LONG_QUERY_BYTES);
    let start = now();
    black_box(index.search(black_box(&long), &options));
    let long_query_ms = now() - start;

    Ok(Report {
        n,
        json_bytes,
        decode_ms,
        build_ms,
        queries: queries::QUERIES.len(),
        keystrokes: samples.len(),
        query_p50_ms: stats::percentile(&samples, 50.0),
        query_p95_ms: stats::percentile(&samples, 95.0),
        query_p99_ms: stats::percentile(&samples, 99.0),
        query_max_ms: samples.last().copied().unwrap_or_default(),
        long_query_ms,
        heap_bytes: index.heap_bytes(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const REAL: &str = r#"{"schema_version":3,"days":[{"date":"2026-02-24","count":2}],"entries":[
        {"id":"bk","day":"2026-02-24","question_inlines":[{"text":"Why is BK-tree search fast?"}],"answer":[{"paragraph":[{"text":"One pruning rule: the triangle inequality."}]}]},
        {"id":"cv","day":"2026-02-24","question_inlines":[{"text":"Why must condition variable waits loop?"}],"answer":[{"code":{"lang":"python","spans":[["k","while"],[""," not ready: cv.wait()"]]}}]}]}"#;

    fn clock() -> impl Fn() -> f64 {
        let start = std::time::Instant::now();
        move || start.elapsed().as_secs_f64() * 1000.0
    }

    #[test]
    fn synthetic_bundles_have_consistent_days() {
        let bundle = synthetic_bundle(REAL, 50, 7).unwrap();
        assert_eq!(bundle.entries.len(), 50);
        let counted: u32 = bundle.days.iter().map(|d| d.count).sum();
        assert_eq!(counted as usize, bundle.entries.len());
        for day in &bundle.days {
            assert_eq!(bundle.entries.iter().filter(|e| e.day == day.date).count(), day.count as usize);
        }
    }

    #[test]
    fn measures_every_keystroke() {
        let report = measure(synthetic_bundle(REAL, 20, 1).unwrap(), &clock()).unwrap();
        let keystrokes: usize = queries::QUERIES.iter().map(|q| q.chars().count()).sum();
        assert_eq!(report.n, 20);
        assert_eq!(report.keystrokes, keystrokes);
        assert!(report.query_p50_ms <= report.query_p95_ms && report.query_p95_ms <= report.query_max_ms);
        assert!(report.json_bytes > 0 && report.heap_bytes > 0);
    }

    #[test]
    fn rejects_a_broken_real_bundle() {
        assert!(synthetic_bundle("{", 10, 1).unwrap_err().starts_with("the real bundle"));
    }
}
