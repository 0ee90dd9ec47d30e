//! Search speed and memory on synthetic collections of 1,000, 10,000 and 100,000 entries
//! made from the real bundle: index build time, per-keystroke query latency (queries typed
//! character by character), and index memory against the bundle's JSON size.
//!
//! Run with the real bundle: `LEARNINGS_BUNDLE=path/to/learnings.json cargo bench -p learnings-core`.
//! Criterion measures the build; the latency percentiles come from a timing loop over every
//! keystroke, and a table is printed at the end.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use learnings_core::model::Day;
use learnings_core::{decode_bundle, synthetic, Bundle, Entry, Index, SearchOptions, SCHEMA_VERSION};

/// What a reader types, character by character: identifiers, words, typos, several words.
const QUERIES: [&str; 12] = [
    "asyncio.to_thread",
    "httpx stream lines",
    "pyhton seed",
    "bktree",
    "async def vs def",
    "context manager return",
    "git add -p",
    "event sourcing",
    "hyperloglgo",
    "Generator[str]",
    "__enter__",
    "day:2026-02 latency",
];
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
/// Hits the app shows at once, and how many of them get highlights and a snippet per keystroke.
const LIMIT: usize = 50;
const HIGHLIGHTED: usize = 20;
/// Runs per keystroke, of which the fastest counts.
const RUNS: usize = 3;

struct Row {
    n: usize,
    build_ms: f64,
    query: (f64, f64),
    with_highlights: (f64, f64),
    long_query_ms: f64,
    heap: usize,
    json: usize,
}

fn bundle_of(entries: Vec<Entry>) -> Bundle {
    let mut days: Vec<Day> = Vec::new();
    for e in &entries {
        match days.last_mut() {
            Some(day) if day.date == e.day => day.count += 1,
            _ => days.push(Day { date: e.day.clone(), count: 1 }),
        }
    }
    Bundle { schema_version: SCHEMA_VERSION, site: Default::default(), days, entries }
}

fn percentiles(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1e3;
    (at(0.5), at(0.99))
}

/// Every prefix of every query, as typed.
fn keystrokes() -> Vec<&'static str> {
    QUERIES.iter().flat_map(|q| q.char_indices().map(|(i, c)| &q[..i + c.len_utf8()])).collect()
}

/// Per-keystroke latency percentiles; each keystroke is timed a few times and its fastest
/// run kept, so that other processes on the machine do not count as search time.
fn latencies(index: &Index, entries: &[Entry], highlight: bool) -> (f64, f64) {
    let options = SearchOptions { limit: Some(LIMIT), ..SearchOptions::default() };
    let times = keystrokes()
        .into_iter()
        .map(|typed| {
            (0..RUNS)
                .map(|_| {
                    let start = Instant::now();
                    let results = index.search(typed, &options);
                    if highlight {
                        for hit in results.hits.iter().take(HIGHLIGHTED) {
                            black_box(results.highlight(&entries[hit.entry]));
                        }
                    }
                    black_box(&results);
                    start.elapsed()
                })
                .min()
                .unwrap_or_default()
        })
        .collect();
    percentiles(times)
}

fn bench(c: &mut Criterion) {
    let Some(path) = std::env::var_os("LEARNINGS_BUNDLE") else {
        eprintln!("set LEARNINGS_BUNDLE to the path of a learnings.json to run the search benchmarks");
        return;
    };
    let json = std::fs::read_to_string(&path).expect("LEARNINGS_BUNDLE is readable");
    let real = decode_bundle(&json).expect("LEARNINGS_BUNDLE is a bundle").entries;
    let long_query: String = real.iter().flat_map(|e| e.question.chars()).cycle().take(10_000).collect();
    let mut rows = Vec::new();
    for n in SIZES {
        let bundle = bundle_of(synthetic::collection(&real, n, 42));
        let json_bytes = serde_json::to_vec(&bundle).map_or(0, |v| v.len());
        let entries = bundle.entries;
        let mut group = c.benchmark_group("build");
        group.sample_size(10).warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(if n >= 100_000 { 8 } else { 3 }));
        group.bench_function(n.to_string(), |b| b.iter(|| Index::new(black_box(&entries))));
        group.finish();
        let builds: Vec<Duration> = (0..if n >= 100_000 { 3 } else { 5 })
            .map(|_| {
                let start = Instant::now();
                black_box(Index::new(&entries));
                start.elapsed()
            })
            .collect();
        let index = Index::new(&entries);
        let long_query_ms = (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                black_box(index.search(&long_query, &SearchOptions { limit: Some(LIMIT), ..SearchOptions::default() }));
                start.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::INFINITY, f64::min);
        rows.push(Row {
            n,
            build_ms: percentiles(builds).0,
            query: latencies(&index, &entries, false),
            with_highlights: latencies(&index, &entries, true),
            long_query_ms,
            heap: index.heap_bytes(),
            json: json_bytes,
        });
    }
    println!(
        "\n{} keystrokes ({} queries typed character by character) and the 10,000-character query, limit {LIMIT}, fastest of {RUNS} runs each; build: median",
        keystrokes().len(),
        QUERIES.len()
    );
    println!("| entries | build ms | query p50 ms | query p99 ms | +{HIGHLIGHTED} highlights p50/p99 ms | 10,000-char query ms | index heap | bundle JSON | heap/JSON |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in rows {
        println!(
            "| {} | {:.1} | {:.3} | {:.3} | {:.3} / {:.3} | {:.2} | {:.1} MB | {:.1} MB | {:.2} |",
            r.n,
            r.build_ms,
            r.query.0,
            r.query.1,
            r.with_highlights.0,
            r.with_highlights.1,
            r.long_query_ms,
            r.heap as f64 / 1e6,
            r.json as f64 / 1e6,
            r.heap as f64 / r.json.max(1) as f64
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
