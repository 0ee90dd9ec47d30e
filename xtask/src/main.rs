//! `cargo xtask`: the developer's entry points.
//!
//! - `serve`: build the site and serve it on 127.0.0.1 with live reload.
//! - `build`: write the deployable site to `dist/`, with precompressed `.gz`/`.br` siblings.
//! - `test`: every test: formatting, lints, `cargo test`, then end-to-end tests in headless
//!   Chromium against a release build.
//! - `bench`: the performance figures the README reports.
//! - `new "How do you …?"`: an entry's skeleton in today's day file.
//! - `weight`: what the app's wasm and js weigh, and what the wasm is made of (twiggy).
//!
//! Each command first installs what it needs and is missing (see `tools`), so a fresh clone
//! needs nothing but Rust, Node.js and npm.

mod bench;
mod compress;
mod new;
mod process;
mod size;
mod tools;
mod weigh;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use process::{run, Cmd};

const USAGE: &str = "usage: cargo xtask <serve|build|test|bench|weight|new \"Question?\">
  serve   build the site and serve it on http://127.0.0.1:8080 with live reload
  build   write the deployable site to dist/
  test    run every test (cargo test, then end-to-end tests in headless Chromium)
  bench   measure search and page performance (`bench <step>[,<step>…]` runs those; `bench --list`)
  weight  build the site, then weigh its wasm and js (gzip, brotli) and break the wasm down (twiggy)
  new     add an entry asking \"Question?\" to today's day file (content folder of learnings.toml)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = repo_root();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&root, &args[1..]),
        Some("build") => build(&root).map(|_| ()),
        Some("test") => test(&root),
        Some("bench") => bench::run(&root, args.get(1).map(String::as_str)),
        Some("weight") => weigh::run(&root),
        Some("new") => match &args[1..] {
            [question] => new::run(&root, question),
            _ => Err(format!("`new` takes the question, in quotes: cargo xtask new \"How do you …?\"\n{USAGE}")),
        },
        Some("-h" | "--help") | None => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown command `{other}`\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of this crate's directory).
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

fn serve(root: &Path, extra: &[String]) -> Result<(), String> {
    let env = tools::ensure_build_tools(root)?;
    println!("xtask: serving on http://127.0.0.1:8080/ (Ctrl-C to stop)");
    run(Cmd::new("trunk", root).args(["serve", "--offline"]).args(extra).envs(&env))
}

/// The release site: where it is, and the precompressed siblings written beside its files.
struct Built {
    dist: PathBuf,
    compressed: Vec<compress::Compressed>,
}

/// Builds the release site into `dist/` and writes the precompressed siblings of its text files.
fn build(root: &Path) -> Result<Built, String> {
    let mut env = tools::ensure_build_tools(root)?;
    env.extend(tools::ensure_release_wasm_toolchain(root)?);
    run(Cmd::new("trunk", root).args(["build", "--release", "--offline"]).envs(&env))?;
    let dist = root.join("dist");
    let compressed = compress::precompress(&dist)?;
    println!(
        "xtask: the site is in dist/ ({} files with .gz/.br siblings); serve that folder from any static host (see \
         README, Deploy)",
        compressed.len()
    );
    Ok(Built { dist, compressed })
}

fn test(root: &Path) -> Result<(), String> {
    tools::ensure_test_tools(root)?;
    run(Cmd::cargo(root).args(["fmt", "--all", "--", "--check"]))?;
    run(Cmd::cargo(root).args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    run(Cmd::cargo(root).args([
        "clippy",
        "--package",
        "learnings",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(Cmd::cargo(root).args(["test", "--workspace"]))?;
    let built = build(root)?;
    run(Cmd::new("node", root).args(["--test", "--test-concurrency=1", "tests/e2e/"]).env("DIST_DIR", built.dist))
}
