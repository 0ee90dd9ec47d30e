//! `cargo xtask bench`: the performance figures the README reports, as Markdown tables on
//! standard output and in target/bench/report.md. `cargo xtask bench <step>[,<step>…]` runs
//! those steps (and the builds they need, once) and writes only their sections; `cargo xtask
//! bench --list` names them.
//!
//! In order: search relevance beside MiniSearch and Fuse.js on the relevance suite
//! (crates/bundle/examples/rank_queries.rs, tests/bench/relevance.mjs); the native search bench
//! on the real bundle (criterion, crates/core/benches); the search engine compiled to
//! WebAssembly and timed in headless Chromium on synthetic collections (crates/bench-web,
//! tests/bench/wasm-bench.mjs); the release site's first-visit weight, gzip and brotli; the
//! app's own load and keystroke timings in Chromium (tests/bench/page-bench.mjs); then, on Slow
//! 4G with 4x CPU slowdown, the static pages beside a plain HTML page of the same entries
//! (tests/bench/static-pages.mjs) and the first result of a typed query beside a MiniSearch page
//! (tests/bench/first-result.mjs); the bytes of a first visit on the wire
//! (tests/bench/wire.mjs); and Lighthouse (tests/bench/lighthouse.mjs).

mod tee;
mod wasm;
mod weight;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::process::{cargo, run as run_cmd, Cmd};
use crate::{compress, tools, Built};

/// Criterion's own sampling, limited to the sizes it can sample in seconds: it needs at least
/// ten builds of the 100,000-entry index (over 100 s here), while the bench's summary table,
/// which is what the report keeps, times every size itself.
const CRITERION_FILTER: &str = "^build/(1000|10000)$";

/// Entries in the synthetic bundle the app is timed on.
const PAGE_SYNTHETIC_ENTRIES: &str = "10000";

/// The relevance suite, and the content its queries were written for.
const RELEVANCE_SUITE: &str = "crates/bundle/tests/fixtures/relevance.json";
const RELEVANCE_CONTENT: &str = "crates/bundle/tests/fixtures/seed-content";

/// The steps, in the order a whole run takes them, and what each measures.
const STEPS: [(&str, &str); 9] = [
    ("relevance", "search relevance beside MiniSearch and Fuse.js"),
    ("native", "the search engine natively (criterion)"),
    ("wasm", "the search engine as WebAssembly in Chromium"),
    ("weight", "the release site's first-visit weight, gzip and brotli"),
    ("app", "the app's load and keystroke timings in Chromium"),
    ("pages", "the static pages on Slow 4G + 4x CPU beside a plain HTML page"),
    ("search", "navigation to the first result on Slow 4G + 4x CPU beside MiniSearch"),
    ("wire", "a first visit's bytes on the wire, page and service worker"),
    ("lighthouse", "Lighthouse 12 mobile scores of the home page and an entry page"),
];

/// Runs every measurement, or only the comma-separated steps of `only`, and writes the report.
pub fn run(root: &Path, only: Option<&str>) -> Result<(), String> {
    if only == Some("--list") {
        for (name, what) in STEPS {
            println!("{name:<11} {what}");
        }
        return Ok(());
    }
    let chosen: Option<Vec<&str>> = only.map(|o| o.split(',').collect());
    if let Some(step) = chosen.iter().flatten().find(|step| !STEPS.iter().any(|(name, _)| name == *step)) {
        let names: Vec<&str> = STEPS.iter().map(|(name, _)| *name).collect();
        return Err(format!("unknown bench step `{step}`; the steps are {}", names.join(", ")));
    }
    let wants = |step: &str| chosen.as_ref().is_none_or(|steps| steps.contains(&step));
    let started = Instant::now();
    let mut report = Report::default();
    report.step("tools", || tools::ensure_test_tools(root))?;
    let out = root.join("target").join("bench");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut inputs = Inputs { root, out: out.clone(), bundle: None, web: None, built: None };

    if wants("relevance") {
        let scores = report.step("relevance", || relevance(root, &out.join("relevance")))?;
        report.section(&format!("Relevance ({RELEVANCE_SUITE})"), &scores);
    }
    if wants("native") {
        let bundle = inputs.bundle(&mut report)?;
        let native = report.step("native bench", || native_search(root, &bundle))?;
        report.section("Search, native (criterion)", &native);
    }
    if wants("wasm") {
        let (bundle, web) = (inputs.bundle(&mut report)?, inputs.web(&mut report)?);
        let script = root.join("tests/bench/wasm-bench.mjs");
        let table = report.step("wasm bench", || tee::capture(root, "node", [&script, &web, &bundle], &[]))?;
        let caption = wasm::how_built(root)?;
        report.section("Search in Chromium (WebAssembly)", &format!("{}\n\n{caption}", table.trim()));
    }
    if wants("weight") {
        let built = inputs.built(&mut report)?;
        let (files, skipped) = weight::first_visit(&built.dist)?;
        report.section("First-visit weight (the home page's, from dist/)", &weight::table(&files, &skipped));
        let code = |path: &str| path.ends_with(".wasm") || path.ends_with(".js") && !path.contains('/');
        report.section(
            "Precompressed siblings (wasm and js)",
            &format!(
                "{}\nThe `.gz` and `.br` files `cargo xtask build` writes beside every text file (README, Deploy).",
                compress::table(&built.compressed, code)
            ),
        );
    }
    if wants("app") {
        let (dist, web) = (inputs.built(&mut report)?.dist.clone(), inputs.web(&mut report)?);
        let synthetic = out.join("site-synthetic");
        let tables = report.step("app bench", || {
            node_script(
                root,
                "page-bench.mjs",
                [dist.as_os_str(), web.as_os_str(), synthetic.as_os_str(), PAGE_SYNTHETIC_ENTRIES.as_ref()],
            )
        })?;
        report.section("The app in Chromium", &tables);
    }
    if wants("pages") {
        let dist = inputs.built(&mut report)?.dist.clone();
        let site = out.join("site-plain");
        let table = report
            .step("static pages", || node_script(root, "static-pages.mjs", [dist.as_os_str(), site.as_os_str()]))?;
        report.section("Static pages on Slow 4G + 4x CPU", &table);
    }
    if wants("search") {
        let (dist, web) = (inputs.built(&mut report)?.dist.clone(), inputs.web(&mut report)?);
        let work = out.join("site-first-result");
        let args = [dist.as_os_str(), web.as_os_str(), work.as_os_str(), PAGE_SYNTHETIC_ENTRIES.as_ref()];
        let table = report.step("first result", || node_script(root, "first-result.mjs", args))?;
        report.section("First result of a typed query on Slow 4G + 4x CPU", &table);
    }
    if wants("wire") {
        let dist = inputs.built(&mut report)?.dist.clone();
        let table = report.step("wire", || node_script(root, "wire.mjs", [dist.as_os_str()]))?;
        report.section("First visit on the wire", &table);
    }
    if wants("lighthouse") {
        let dist = inputs.built(&mut report)?.dist.clone();
        let table = report.step("lighthouse", || node_script(root, "lighthouse.mjs", [dist.as_os_str()]))?;
        report.section("Lighthouse 12, mobile", &table);
    }

    let markdown = report.finish(started.elapsed().as_secs());
    let file = out.join(only.map_or("report.md".to_string(), |steps| format!("report-{}.md", steps.replace(',', "-"))));
    std::fs::write(&file, &markdown).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    println!("\n{markdown}\nxtask: the report is in {}", file.display());
    Ok(())
}

/// Runs tests/bench/`script` with `args`, echoing and returning what it prints.
fn node_script<I, S>(root: &Path, script: &str, args: I) -> Result<String, String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let script = root.join("tests").join("bench").join(script);
    let args: Vec<std::ffi::OsString> =
        std::iter::once(script.into_os_string()).chain(args.into_iter().map(|a| a.as_ref().to_owned())).collect();
    tee::capture(root, "node", args, &[])
}

/// What the steps measure, each built the first time a step needs it.
struct Inputs<'a> {
    root: &'a Path,
    out: PathBuf,
    bundle: Option<PathBuf>,
    web: Option<PathBuf>,
    built: Option<Built>,
}

impl Inputs<'_> {
    /// The real bundle (learnings.json of content/).
    fn bundle(&mut self, report: &mut Report) -> Result<PathBuf, String> {
        if let Some(bundle) = &self.bundle {
            return Ok(bundle.clone());
        }
        let dir = self.out.join("site-bundle");
        let bundle = report.step("bundle", || build_bundle(self.root, "content", &dir))?;
        self.bundle = Some(bundle.clone());
        Ok(bundle)
    }

    /// The bench's wasm module (crates/bench-web), bound and optimised.
    fn web(&mut self, report: &mut Report) -> Result<PathBuf, String> {
        if let Some(web) = &self.web {
            return Ok(web.clone());
        }
        let web = report.step("wasm build", || wasm::build(self.root, &self.out))?;
        self.web = Some(web.clone());
        Ok(web)
    }

    /// The release site in dist/.
    fn built(&mut self, report: &mut Report) -> Result<&Built, String> {
        if self.built.is_none() {
            self.built = Some(report.step("site build", || crate::build(self.root))?);
        }
        self.built.as_ref().ok_or_else(|| "the site was not built".to_string())
    }
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
    Cmd::cargo(root).args(["run", "--quiet", "--release", "--package", "learnings-bundle"])
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
    let printed = tee::capture(root, &cargo(), args, &[("LEARNINGS_BUNDLE", bundle.as_os_str())])?;
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
