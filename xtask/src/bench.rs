//! `cargo xtask bench`: the performance figures the README reports, as Markdown tables on
//! standard output and in target/bench/report.md.
//!
//! In order: the real bundle; search relevance beside MiniSearch and Fuse.js on the relevance
//! suite (crates/bundle/examples/rank_queries.rs, tests/bench/relevance.mjs); the native search
//! bench (criterion, crates/core/benches); the search engine compiled to WebAssembly and timed
//! in headless Chromium on synthetic collections (crates/bench-web, tests/bench/wasm-bench.mjs);
//! the release site's first-visit weight; the app's own load and keystroke timings in Chromium
//! (tests/bench/page-bench.mjs).

mod tee;
mod wasm;
mod weight;

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::process::{run as run_cmd, Cmd};
use crate::tools;

/// Criterion's own sampling, limited to the sizes it can sample in seconds: it needs at least
/// ten builds of the 100,000-entry index (over 100 s here), while the bench's summary table,
/// which is what the report keeps, times every size itself.
const CRITERION_FILTER: &str = "^build/(1000|10000)$";

/// Entries in the synthetic bundle the app is timed on.
const PAGE_SYNTHETIC_ENTRIES: &str = "10000";

/// The relevance suite, and the content its queries were written for.
const RELEVANCE_SUITE: &str = "crates/bundle/tests/fixtures/relevance.json";
const RELEVANCE_CONTENT: &str = "crates/bundle/tests/fixtures/seed-content";

/// Runs every measurement and writes the report.
pub fn run(root: &Path) -> Result<(), String> {
    let started = Instant::now();
    let mut report = Report::default();
    report.step("tools", || tools::ensure_test_tools(root))?;
    let out = root.join("target").join("bench");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let bundle = report.step("bundle", || build_bundle(root, "content", &out.join("site-bundle")))?;

    let scores = report.step("relevance", || relevance(root, &out.join("relevance")))?;
    report.section(&format!("Relevance ({RELEVANCE_SUITE})"), &scores);

    let native = report.step("native bench", || native_search(root, &bundle))?;
    report.section("Search, native (criterion)", &native);

    let web = report.step("wasm build", || wasm::build(root, &out))?;
    let script = root.join("tests/bench/wasm-bench.mjs");
    let table = report.step("wasm bench", || tee::capture(root, "node", [&script, &web, &bundle], &[]))?;
    report.section("Search in Chromium (WebAssembly)", &format!("{}\n\n{}", table.trim(), wasm::how_built(root)?));

    let dist = report.step("site build", || crate::build(root))?;
    let (files, skipped) = weight::first_visit(&dist)?;
    report.section("First-visit weight (dist/)", &weight::table(&files, &skipped));

    let script = root.join("tests/bench/page-bench.mjs");
    let synthetic = out.join("site-synthetic");
    let args =
        [script.as_os_str(), dist.as_os_str(), web.as_os_str(), synthetic.as_os_str(), PAGE_SYNTHETIC_ENTRIES.as_ref()];
    let tables = report.step("app bench", || tee::capture(root, "node", args, &[]))?;
    report.section("The app in Chromium", &tables);

    let markdown = report.finish(started.elapsed().as_secs());
    let file = out.join("report.md");
    std::fs::write(&file, &markdown).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    println!("\n{markdown}\nxtask: the report is in {}", file.display());
    Ok(())
}

/// The report as it grows: Markdown sections, and how long each step took.
#[derive(Default)]
struct Report {
    sections: String,
    steps: Vec<String>,
}

impl Report {
    /// Runs `f`, noting how long it took under `label`.
    fn step<T>(&mut self, label: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
        let started = Instant::now();
        let value = f()?;
        self.steps.push(format!("{label} {} s", started.elapsed().as_secs()));
        Ok(value)
    }

    /// Adds a `##` section.
    fn section(&mut self, title: &str, body: &str) {
        self.sections.push_str(&format!("\n## {title}\n\n{}\n", body.trim()));
    }

    /// The whole report, ending with where and how fast it was made.
    fn finish(self, seconds: u64) -> String {
        let cores = std::thread::available_parallelism().map_or(0, usize::from);
        format!(
            "# Learnings benchmarks\n{}\n_`cargo xtask bench` on {cores} cores in {seconds} s: {}._\n",
            self.sections,
            self.steps.join(", ")
        )
    }
}

/// `cargo run` of the release build of the `learnings-bundle` crate, to be given what to run.
fn bundle_crate(root: &Path) -> Cmd {
    Cmd::new("cargo", root).args(["run", "--quiet", "--release", "--package", "learnings-bundle"])
}

/// Builds the bundle of `content` (relative to `root`) into `dir` and returns the path of its
/// learnings.json.
fn build_bundle(root: &Path, content: &str, dir: &Path) -> Result<PathBuf, String> {
    run_cmd(bundle_crate(root).args(["--", content, "-o"]).args([dir]))?;
    Ok(dir.join("learnings.json"))
}

/// Ranks the relevance suite's queries with Learnings (crates/bundle/examples/rank_queries.rs),
/// MiniSearch and Fuse.js (tests/bench/relevance.mjs), working in `dir`, and returns the table
/// that scores the three.
fn relevance(root: &Path, dir: &Path) -> Result<String, String> {
    let bundle = build_bundle(root, RELEVANCE_CONTENT, dir)?;
    let rankings = dir.join("learnings-rankings.json");
    let example = ["--example", "rank_queries", "--", RELEVANCE_CONTENT, RELEVANCE_SUITE];
    run_cmd(bundle_crate(root).args(example).args([&rankings]))?;
    let script = root.join("tests/bench/relevance.mjs");
    let suite = root.join(RELEVANCE_SUITE);
    tee::capture(root, "node", [&script, &bundle, &suite, &rankings], &[])
}

/// Runs the criterion bench on the real bundle and returns the summary it prints at the end:
/// its Markdown table and the caption just above it.
fn native_search(root: &Path, bundle: &Path) -> Result<String, String> {
    let args = ["bench", "--package", "learnings-core", "--bench", "search", "--", CRITERION_FILTER];
    let printed = tee::capture(root, "cargo", args, &[("LEARNINGS_BUNDLE", bundle.as_os_str())])?;
    let lines: Vec<&str> = printed.lines().collect();
    let first_row = lines
        .iter()
        .position(|l| l.starts_with('|'))
        .ok_or("`cargo bench --package learnings-core --bench search` printed no Markdown table")?;
    let caption = lines[..first_row].iter().rposition(|l| l.trim().is_empty()).map_or(0, |blank| blank + 1);
    Ok(format!(
        "{}\n\nNative code, the bench profile (= release: `learnings-core` at opt-level 3, fat LTO); criterion \
         samples only `{CRITERION_FILTER}`.",
        lines[caption..].join("\n").trim()
    ))
}
