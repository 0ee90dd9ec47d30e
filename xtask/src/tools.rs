//! Bootstrapping: installs each tool the commands need when it is missing or at the wrong
//! version, skips it when it is right, and otherwise fails with one line saying what to do.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::process::{output, run, Cmd};

/// The Trunk release the site is built and tested with.
const TRUNK_VERSION: &str = "0.21.14";
/// The twiggy release `cargo xtask weight` profiles the wasm with.
const TWIGGY_VERSION: &str = "0.8.0";
/// The nightly that builds the release wasm and the bench's wasm module (only those: the
/// native tools, tests, debug builds and `trunk serve` use the stable toolchain of
/// rust-toolchain.toml). Building std from source with it, for size and with panics as plain
/// traps, takes 36 KB off the gzipped wasm.
pub const WASM_NIGHTLY: &str = "nightly-2026-10-30";
/// What the release wasm is built with, given to Trunk's `cargo build` through the environment
/// (cargo reads `[unstable]` and target `rustflags` from `CARGO_*` variables; a stable cargo
/// ignores `CARGO_UNSTABLE_*`): std and panic_abort rebuilt with `optimize_for_size`, and every
/// panic an immediate trap, so no panic messages, locations or formatting are linked in.
const WASM_NIGHTLY_ENV: [(&str, &str); 3] = [
    ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort"),
    ("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size"),
    ("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", "-Zunstable-options -Cpanic=immediate-abort"),
];
/// Chromium as Debian installs it; the end-to-end tests drive it.
const CHROMIUM: &str = "/usr/bin/chromium";

/// Makes sure everything a build needs is installed and returns the environment to build with:
/// PATH with the project's npm tools (wasm-opt) first.
pub fn ensure_build_tools(root: &Path) -> Result<Vec<(String, OsString)>, String> {
    ensure_toolchain(root)?;
    ensure_cargo_tool(root, "trunk", &format!("trunk@{TRUNK_VERSION}"), Locked::Yes)?;
    let bindgen = wasm_bindgen_version(root)?;
    // `--locked` fails for wasm-bindgen-cli (its lock file names a yanked crate version).
    ensure_cargo_tool(root, "wasm-bindgen", &format!("wasm-bindgen-cli@{bindgen}"), Locked::No)?;
    ensure_npm_packages(root)?;
    let bin = root.join("node_modules").join(".bin");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![bin];
    paths.extend(std::env::split_paths(&path));
    let joined = std::env::join_paths(paths).map_err(|e| format!("cannot build PATH: {e}"))?;
    Ok(vec![("PATH".to_string(), joined)])
}

/// Installs the nightly for the release wasm with std's sources when missing, and returns the
/// environment that makes Trunk's release build (and the bench's `cargo build` of its module)
/// use it (`RUSTUP_TOOLCHAIN` and the flags above). Trunk.toml's hooks unset `RUSTUP_TOOLCHAIN`, so the native tools they run stay on
/// the pinned stable toolchain.
pub fn ensure_release_wasm_toolchain(root: &Path) -> Result<Vec<(String, OsString)>, String> {
    let components =
        output(Cmd::new("rustup", root).args(["component", "list", "--installed", "--toolchain", WASM_NIGHTLY]));
    if !components.is_some_and(|c| c.lines().any(|l| l.trim() == "rust-src")) {
        println!("xtask: the release wasm is built with {WASM_NIGHTLY} and std's sources; installing them");
        let args = ["toolchain", "install", WASM_NIGHTLY, "--profile", "minimal", "--component", "rust-src"];
        run(Cmd::new("rustup", root).args(args))
            .map_err(|e| format!("{e}; install it by hand with `rustup {}`", args.join(" ")))?;
    }
    let mut env = vec![("RUSTUP_TOOLCHAIN".to_string(), OsString::from(WASM_NIGHTLY))];
    env.extend(WASM_NIGHTLY_ENV.iter().map(|(key, value)| (key.to_string(), OsString::from(value))));
    Ok(env)
}

/// Everything a build needs plus Chromium for the end-to-end tests.
pub fn ensure_test_tools(root: &Path) -> Result<(), String> {
    ensure_build_tools(root)?;
    ensure_chromium(root)
}

/// Twiggy, the code size profiler `cargo xtask weight` runs on the wasm.
pub fn ensure_twiggy(root: &Path) -> Result<(), String> {
    ensure_cargo_tool(root, "twiggy", &format!("twiggy@{TWIGGY_VERSION}"), Locked::Yes)
}

/// The toolchain rust-toolchain.toml pins, with its wasm32 target: rustup installs both on
/// first use unless `RUSTUP_AUTO_INSTALL=0`, and a toolchain installed by hand may lack the
/// target; `rustup toolchain install` adds whatever the file lists and is missing.
fn ensure_toolchain(root: &Path) -> Result<(), String> {
    let installed = output(Cmd::new("rustup", root).args(["target", "list", "--installed"]));
    if installed.as_deref().is_some_and(|targets| targets.lines().any(|l| l.trim() == "wasm32-unknown-unknown")) {
        return Ok(());
    }
    output(Cmd::new("rustup", root).args(["--version"]))
        .ok_or("`rustup` not found: install Rust with rustup (https://rustup.rs), then run this again")?;
    run(Cmd::new("rustup", root).args(["toolchain", "install"]))
        .map_err(|e| format!("{e}; run `rustup toolchain install` in {} by hand to see why", root.display()))
}

/// Whether `cargo install` uses the crate's own lock file.
#[derive(PartialEq)]
enum Locked {
    Yes,
    No,
}

/// Installs `spec` (`crate@version`) with `cargo install` unless `binary --version` already
/// names that version.
fn ensure_cargo_tool(root: &Path, binary: &str, spec: &str, locked: Locked) -> Result<(), String> {
    let version = spec.rsplit('@').next().unwrap_or(spec);
    let current = output(Cmd::new(binary, root).args(["--version"]));
    if current.as_deref().is_some_and(|v| v.split_whitespace().any(|word| word == version)) {
        return Ok(());
    }
    let found = current.map_or("not installed".to_string(), |v| format!("found `{}`", v.trim()));
    println!("xtask: {binary} {version} is needed ({found}); installing it (a one-time compile of 15-25 minutes)");
    let mut args = vec!["install"];
    if locked == Locked::Yes {
        args.push("--locked");
    }
    args.push(spec);
    run(Cmd::cargo(root).args(args.iter().copied()))
        .map_err(|e| format!("{e}; install it by hand with `cargo {}` and run this again", args.join(" ")))
}

/// The `wasm-bindgen` version pinned in Cargo.lock; the CLI must match it exactly.
fn wasm_bindgen_version(root: &Path) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            let version = lines.next().and_then(|l| l.trim().strip_prefix("version = \"")?.strip_suffix('"'));
            if let Some(version) = version {
                return Ok(version.to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package; run `cargo build --target wasm32-unknown-unknown` once".into())
}

/// Runs `npm ci` when node_modules is missing or older than package-lock.json.
fn ensure_npm_packages(root: &Path) -> Result<(), String> {
    let installed = root.join("node_modules").join(".package-lock.json");
    let lock = root.join("package-lock.json");
    if modified(&installed).is_some() && modified(&installed) >= modified(&lock) {
        return Ok(());
    }
    output(Cmd::new("npm", root).args(["--version"]))
        .ok_or("`npm` not found: install Node.js 20 or newer with npm, then run this again")?;
    run(Cmd::new("npm", root).args(["ci", "--no-audit", "--no-fund"]))
        .map_err(|e| format!("{e}; run `npm ci` in {} by hand to see why", root.display()))
}

fn modified(path: &PathBuf) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Installs Debian's Chromium when it is missing and this user can (root with apt-get).
fn ensure_chromium(root: &Path) -> Result<(), String> {
    if Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    let hint = "install Chromium with `apt-get install -y chromium` (or set CHROMIUM_PATH), then run this again";
    let is_root = output(Cmd::new("id", root).args(["-u"])).is_some_and(|uid| uid.trim() == "0");
    if !is_root || output(Cmd::new("apt-get", root).args(["--version"])).is_none() {
        return match std::env::var_os("CHROMIUM_PATH") {
            Some(_) => Ok(()),
            None => Err(format!("Chromium is not at {CHROMIUM}: {hint}")),
        };
    }
    println!("xtask: installing Chromium for the end-to-end tests");
    run(Cmd::new("apt-get", root).args(["update"]))
        .and_then(|_| {
            run(Cmd::new("apt-get", root).args(["install", "-y", "chromium"]).env("DEBIAN_FRONTEND", "noninteractive"))
        })
        .map_err(|e| format!("{e}; {hint}"))
}
