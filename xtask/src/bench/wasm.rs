//! The search engine compiled for the browser: crates/bench-web built for wasm32 the way the
//! release wasm is, bound with wasm-bindgen and optimised with wasm-opt, ready for
//! tests/bench/wasm-bench.mjs.

use std::path::{Path, PathBuf};

use crate::process::{run, Cmd};
use crate::tools;

/// The wasm-opt level the app ships with, from index.html's `data-wasm-opt`, so that the bench
/// times the engine as visitors run it.
fn app_wasm_opt_level(root: &Path) -> Result<String, String> {
    let index = root.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let level = html
        .split_once("data-wasm-opt=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(level, _)| level)
        .ok_or_else(|| format!("{} has no data-wasm-opt attribute", index.display()))?;
    Ok(format!("-O{level}"))
}

/// How the module was built, for the report.
pub fn how_built(root: &Path) -> Result<String, String> {
    Ok(format!(
        "The module is crates/bench-web built like the shipped wasm: the app's release profile (opt-level \"z\", \
         the engine `learnings-core` at 3, fat LTO) with the release wasm's toolchain, {}, std rebuilt with \
         `optimize_for_size` and panics as traps, then `wasm-opt {}` as the app; it times itself with \
         `performance.now()`.",
        tools::WASM_NIGHTLY,
        app_wasm_opt_level(root)?
    ))
}

/// Builds the bench module into `out`/web and returns that directory. It is built with the
/// toolchain and std of the release wasm, since that is what visitors run: std's size-optimised
/// variants (its sorts, for one) are slower than the stable toolchain's prebuilt std, so a
/// module built with stable would time an engine faster than the one that ships.
pub fn build(root: &Path, out: &Path) -> Result<PathBuf, String> {
    let release = tools::ensure_release_wasm_toolchain(root)?;
    // rustup's `cargo` proxy, not `$CARGO`: that is the pinned stable cargo itself, which would
    // ignore `RUSTUP_TOOLCHAIN` and refuse the nightly's `-Z build-std`.
    run(Cmd::new("cargo", root).envs(&release).args([
        "build",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "--package",
        "learnings-bench-web",
    ]))?;
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), |dir| root.join(dir));
    let wasm = target.join("wasm32-unknown-unknown").join("release").join("learnings_bench_web.wasm");
    let web = out.join("web");
    run(Cmd::new("wasm-bindgen", root).args(["--target", "web", "--no-typescript", "--out-dir"]).args([&web, &wasm]))?;
    let bound = web.join("learnings_bench_web_bg.wasm");
    let wasm_opt = root.join("node_modules").join(".bin").join("wasm-opt");
    let wasm_opt = wasm_opt.to_str().ok_or("the repository path is not UTF-8")?;
    // Rust's wasm32 target emits these post-MVP features by default; binaryen must accept them.
    run(Cmd::new(wasm_opt, root)
        .args([
            &app_wasm_opt_level(root)?,
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
            "-o",
        ])
        .args([&bound, &bound]))?;
    Ok(web)
}
