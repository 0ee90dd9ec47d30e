//! `cargo run --release -p learnings-bundle --example rank_queries -- <content-dir> <relevance.json> <out.json>`
//!
//! Writes, as JSON, the entry ids Learnings ranks for each query of a relevance suite (its top
//! 20, as the relevance test sees them), so that `cargo xtask bench` can score it beside other
//! engines run from Node (tests/bench/relevance.mjs).

use std::path::Path;
use std::process::ExitCode;

use learnings_core::{Index, SearchOptions};
use serde::{Deserialize, Serialize};

const USAGE: &str = "usage: rank_queries <content-dir> <relevance.json> <out.json>";

/// How many results each query keeps: the depth the relevance figures look at.
const LIMIT: usize = 20;

/// One case of the relevance suite; only its query matters here.
#[derive(Deserialize)]
struct Case {
    query: String,
}

/// What is printed for each case, in the suite's order.
#[derive(Serialize)]
struct Ranked<'a> {
    query: &'a str,
    ids: Vec<&'a str>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [content, suite, out] = args.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    };
    let written = rank(Path::new(content), Path::new(suite))
        .and_then(|json| std::fs::write(out, json).map_err(|e| format!("cannot write {out}: {e}")));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("rank_queries: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Builds the bundle of `content`, runs every query of `suite` and returns the rankings as JSON.
fn rank(content: &Path, suite: &Path) -> Result<String, String> {
    let bundle = learnings_bundle::build(content, &learnings_core::SiteInfo::default())
        .map_err(|errors| {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            format!("{} does not build:\n{}", content.display(), lines.join("\n"))
        })?
        .bundle;
    let text = std::fs::read_to_string(suite).map_err(|e| format!("cannot read {}: {e}", suite.display()))?;
    let cases: Vec<Case> =
        serde_json::from_str(&text).map_err(|e| format!("{} is not a relevance suite: {e}", suite.display()))?;
    let index = Index::new(&bundle.entries);
    let options = SearchOptions { limit: Some(LIMIT), ..SearchOptions::default() };
    let ranked: Vec<Ranked> = cases
        .iter()
        .map(|case| Ranked {
            query: &case.query,
            ids: index
                .search(&case.query, &options)
                .hits
                .iter()
                .map(|hit| bundle.entries[hit.entry].id.as_str())
                .collect(),
        })
        .collect();
    serde_json::to_string(&ranked).map_err(|e| format!("cannot encode the rankings: {e}"))
}
