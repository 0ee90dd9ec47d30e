//! `cargo xtask weight`: what the app itself costs a visitor, the release wasm and its js glue,
//! raw, gzipped and brotli-compressed against issue 13's budget, and what the wasm is made of
//! (twiggy's largest items and their dominator tree, and the shares of each crate family).
//!
//! Twiggy reads the module as wasm-bindgen wrote it, before wasm-opt: that copy still has its
//! function names. Its sizes are larger than the shipped module's, the shares close to them.

use std::path::{Path, PathBuf};

use crate::process::{output, Cmd};
use crate::size::{self, kib, FileWeight};
use crate::tools;

/// Issue 13's budget for the wasm and the js together, gzipped.
const BUDGET_GZIP_KIB: u64 = 150;
/// Largest items twiggy lists.
const TOP_ITEMS: &str = "25";
/// How deep and how long the dominator tree is printed.
const DOMINATOR_DEPTH: &str = "5";
const DOMINATOR_ROWS: &str = "25";

/// std's crates (hashbrown is std's `HashMap`).
const STD_CRATES: &[&str] =
    &["core", "alloc", "std", "dlmalloc", "hashbrown", "compiler_builtins", "panic_abort", "__rustc"];
/// Crate families, by the crates whose code they hold (the first crate an item's name paths
/// to, see [`origin`]).
const FAMILIES: [(&str, &[&str]); 6] = [
    ("the app (learnings)", &["learnings"]),
    ("search engine (learnings-core, its deps)", &["learnings_core", "fuzzy_matcher", "rust_stemmers"]),
    (
        "Yew, its DOM diffing and gloo",
        &[
            "yew",
            "implicit_clone",
            "gloo",
            "gloo_events",
            "gloo_timers",
            "gloo_net",
            "gloo_utils",
            "indexmap",
            "slab",
            "futures",
            "futures_util",
            "futures_channel",
            "futures_core",
            "tracing",
            "tracing_core",
            "pin_project",
            "console_error_panic_hook",
            "prokio",
        ],
    ),
    ("serde, serde_json", &["serde", "serde_core", "serde_json", "itoa", "ryu", "zmij", "memchr"]),
    (BINDINGS, &["wasm_bindgen", "wasm_bindgen_futures", "js_sys", "web_sys"]),
    ("std (core, alloc, dlmalloc)", STD_CRATES),
];
/// The bindings to the browser, with the imports of the JavaScript functions they call.
const BINDINGS: &str = "wasm-bindgen, js-sys, web-sys";
/// What is not code: constant data (strings, tables, panic locations).
const STATIC_DATA: &str = "static data (strings, tables, panic locations)";

/// Builds the release site, then prints the app's weight and twiggy's breakdown.
pub fn run(root: &Path) -> Result<(), String> {
    tools::ensure_twiggy(root)?;
    let dist = crate::build(root)?.dist;
    println!("\n{}", weights(&dist)?);
    let bound = bound_module(root)?;
    let top = twiggy(root, &["top", "-n", TOP_ITEMS], &bound)?;
    let dominators = twiggy(root, &["dominators", "-d", DOMINATOR_DEPTH, "-r", DOMINATOR_ROWS], &bound)?;
    let items = twiggy(root, &["top", "-f", "json"], &bound)?;
    println!("What the wasm is made of ({}, before wasm-opt):\n", bound.display());
    println!("{}", families(&items)?);
    println!("{top}\n{dominators}");
    Ok(())
}

/// The shipped wasm and js in `dist`: raw, gzip -9 and brotli 11, their sum and the verdict.
fn weights(dist: &Path) -> Result<String, String> {
    let (wasm, js) = app_files(dist)?;
    let name = |path: &Path| path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let files = [FileWeight::read(&wasm, name(&wasm))?, FileWeight::read(&js, name(&js))?];
    let (_, gzip, _) = size::total(&files);
    let budget = BUDGET_GZIP_KIB * 1024;
    let verdict = if gzip <= budget { "met".to_string() } else { format!("missed by {}", kib(gzip - budget)) };
    Ok(format!(
        "{}\nBudget: wasm + js <= {BUDGET_GZIP_KIB} KiB gzipped: {verdict}.\n",
        size::table(&files, "wasm + js")
    ))
}

/// The module and its js glue as Trunk wrote them (`<name>-<hash>_bg.wasm`, `<name>-<hash>.js`).
fn app_files(dist: &Path) -> Result<(PathBuf, PathBuf), String> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    let mut wasm = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("cannot list {}: {e}", dist.display()))?.path();
        if path.to_string_lossy().ends_with("_bg.wasm") {
            wasm.push(path);
        }
    }
    let [wasm] = <[PathBuf; 1]>::try_from(wasm).map_err(|found| {
        format!("{} should hold one *_bg.wasm, found {}: rebuild with `cargo xtask build`", dist.display(), found.len())
    })?;
    let js = PathBuf::from(wasm.to_string_lossy().replace("_bg.wasm", ".js"));
    if !js.is_file() {
        return Err(format!("{} has no {}", dist.display(), js.display()));
    }
    Ok((wasm, js))
}

/// Trunk's wasm-bindgen output of the release build, names intact.
fn bound_module(root: &Path) -> Result<PathBuf, String> {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), |dir| root.join(dir));
    let module = target.join("wasm-bindgen").join("release").join("learnings_bg.wasm");
    if module.is_file() {
        Ok(module)
    } else {
        Err(format!("{} is missing after the release build", module.display()))
    }
}

fn twiggy(root: &Path, args: &[&str], module: &Path) -> Result<String, String> {
    output(Cmd::new("twiggy", root).args(args.iter().copied()).args([module]))
        .ok_or_else(|| format!("`twiggy {}` failed on {}", args.join(" "), module.display()))
}

/// Code and data bytes per crate family, from `twiggy top -f json`, largest first; custom
/// sections (names, producers) are left out since wasm-opt strips them before shipping.
fn families(json: &str) -> Result<String, String> {
    let items: serde_json::Value = serde_json::from_str(json).map_err(|e| format!("twiggy's JSON: {e}"))?;
    let items = items.as_array().ok_or("twiggy's JSON is not a list of items")?;
    let mut sums: Vec<(String, u64)> = Vec::new();
    for item in items {
        let (Some(name), Some(size)) = (item["name"].as_str(), item["shallow_size"].as_u64()) else {
            return Err(format!("twiggy item without name or size: {item}"));
        };
        if name.contains("subsection") || name.contains("custom section") {
            continue;
        }
        let family = family(name);
        match sums.iter_mut().find(|(f, _)| *f == family) {
            Some((_, sum)) => *sum += size,
            None => sums.push((family, size)),
        }
    }
    sums.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let total: u64 = sums.iter().map(|(_, s)| s).sum();
    let mut out = String::from("| part | bytes | share |\n|------|------:|------:|\n");
    for (family, size) in &sums {
        out.push_str(&format!("| {family} | {} | {:.1} % |\n", kib(*size), *size as f64 * 100.0 / total.max(1) as f64));
    }
    Ok(out)
}

/// The family an item belongs to: static data, JavaScript imports (the bindings'), a known
/// crate family, the crate's own name, or "other" (exports, tables, nameless functions).
fn family(name: &str) -> String {
    if name.starts_with("data segment") || name.starts_with("data[") {
        return STATIC_DATA.to_string();
    }
    if name.starts_with("import ") {
        return BINDINGS.to_string();
    }
    let Some(krate) = origin(name) else { return "other (glue, tables, unnamed)".to_string() };
    FAMILIES
        .iter()
        .find(|(_, crates)| crates.contains(&krate))
        .map_or_else(|| format!("crate {krate}"), |(family, _)| family.to_string())
}

/// The crate whose code an item is: the first crate its name paths to that is not std's, so
/// that `<core::marker::PhantomData<T> as serde_core::de::DeserializeSeed>::deserialize` and
/// `core::ptr::drop_in_place<yew::virtual_dom::VNode>` count as serde's and Yew's; std's when
/// the name names no other crate.
fn origin(name: &str) -> Option<&str> {
    let mut first = None;
    for krate in path_roots(name) {
        if !STD_CRATES.contains(&krate) {
            return Some(krate);
        }
        first = first.or(Some(krate));
    }
    first
}

/// The first segment of every path in `name`: an identifier not preceded by `::` and followed
/// by `::` (or by a crate's `[hash]` and then `::`).
fn path_roots(name: &str) -> impl Iterator<Item = &str> {
    let bytes = name.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut roots = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !is_ident(bytes[i]) || (i > 0 && is_ident(bytes[i - 1])) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_ident(bytes[i]) {
            i += 1;
        }
        let after = &name[i..];
        let rooted = !name[..start].ends_with("::");
        let hashed = after.starts_with('[') && after.find("]::").is_some();
        if rooted && (after.starts_with("::") || hashed) {
            roots.push(&name[start..i]);
        }
    }
    roots.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_count_for_the_crate_whose_code_they_are() {
        let app = "<learnings::app::Reader as yew::functional::FunctionProvider>::run::inner::he4c49a9b5a21d2f2";
        assert_eq!(family(app), "the app (learnings)");
        let serde = "<core::marker::PhantomData<T> as serde_core::de::DeserializeSeed>::deserialize::h8420f2c38525c4f0";
        assert_eq!(family(serde), "serde, serde_json");
        assert_eq!(
            family("core::ptr::drop_in_place<yew::virtual_dom::vnode::VNode>::h1"),
            "Yew, its DOM diffing and gloo"
        );
        let malloc =
            "<dlmalloc[e24a27700634d609]::dlmalloc::Dlmalloc<dlmalloc[e24a27700634d609]::sys::System>>::malloc";
        assert_eq!(family(malloc), "std (core, alloc, dlmalloc)");
        assert_eq!(
            family("learnings_core::search::build::build::h58a69c0f826bbf09"),
            "search engine (learnings-core, its deps)"
        );
        assert_eq!(family("data segment \".rodata\""), STATIC_DATA);
        assert_eq!(family("code[801]"), "other (glue, tables, unnamed)");
        assert_eq!(family("import ./learnings_bg.js::__wbg_instanceof_Window_12"), BINDINGS);
        assert_eq!(
            family("learnings_core[7f39e5056636936a]::search::query::parse"),
            "search engine (learnings-core, its deps)"
        );
        assert_eq!(family("bumpalo::Bump::alloc::h1"), "crate bumpalo");
    }

    #[test]
    fn families_sum_items_and_leave_out_custom_sections() {
        let json = r#"[
            {"name":"\"function names\" subsection","shallow_size":900},
            {"name":"yew::dom_bundle::a::h1","shallow_size":300},
            {"name":"data segment \".rodata\"","shallow_size":100},
            {"name":"yew::dom_bundle::b::h2","shallow_size":600}]"#;
        let table = families(json).unwrap();
        let rows: Vec<&str> = table.lines().skip(2).collect();
        assert_eq!(
            rows,
            ["| Yew, its DOM diffing and gloo | 900 B | 90.0 % |", &format!("| {STATIC_DATA} | 100 B | 10.0 % |")]
        );
    }
}
