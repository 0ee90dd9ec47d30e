//! Search relevance over the real content: queries a reader would type (words from answers,
//! identifiers, misspellings, partial words, several words from a question), each with the
//! entries that answer it, from `fixtures/relevance.json`.
//!
//! Figures: MRR (mean reciprocal rank of the first expected entry) and recall@5 (share of
//! the expected entries in the top five, averaged over queries).

use std::path::Path;

use learnings_core::{Index, SearchOptions};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    query: String,
    expect: Vec<String>,
}

const MIN_MRR: f64 = 0.9;
const MIN_RECALL_AT_5: f64 = 0.95;

#[test]
fn real_queries_find_their_entries() {
    let content = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"));
    let bundle = match learnings_bundle::build(content, None) {
        Ok(output) => output.bundle,
        Err(errors) => panic!("content/ does not build: {}", errors.len()),
    };
    let fixture = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/relevance.json"))
        .expect("the relevance fixture is readable");
    let cases: Vec<Case> = serde_json::from_str(&fixture).expect("the relevance fixture is valid JSON");
    assert!(cases.len() >= 50, "the suite needs at least 50 queries, has {}", cases.len());

    let index = Index::new(&bundle.entries);
    let options = SearchOptions { limit: Some(20), ..SearchOptions::default() };
    let (mut reciprocal_ranks, mut recalls) = (0.0, 0.0);
    let mut misses = Vec::new();
    for case in &cases {
        for id in &case.expect {
            assert!(bundle.entries.iter().any(|e| &e.id == id), "{:?} expects unknown entry {id}", case.query);
        }
        let ranked: Vec<&str> =
            index.search(&case.query, &options).hits.iter().map(|h| bundle.entries[h.entry].id.as_str()).collect();
        let first = ranked.iter().position(|id| case.expect.iter().any(|e| e == id));
        let reciprocal = first.map_or(0.0, |rank| 1.0 / (rank + 1) as f64);
        let found = case.expect.iter().filter(|e| ranked.iter().take(5).any(|id| id == e)).count();
        let recall = found as f64 / case.expect.len().min(5) as f64;
        if reciprocal < 1.0 || recall < 1.0 {
            misses.push(format!(
                "  {:?}: first expected at {}, {found}/{} in top 5; top 3: {:?}",
                case.query,
                first.map_or("none".to_string(), |r| (r + 1).to_string()),
                case.expect.len(),
                &ranked[..ranked.len().min(3)]
            ));
        }
        reciprocal_ranks += reciprocal;
        recalls += recall;
    }
    let n = cases.len() as f64;
    let (mrr, recall_at_5) = (reciprocal_ranks / n, recalls / n);
    println!("relevance over {} queries: MRR {mrr:.3}, recall@5 {recall_at_5:.3}", cases.len());
    for miss in &misses {
        println!("{miss}");
    }
    assert!(mrr >= MIN_MRR, "MRR {mrr:.3} < {MIN_MRR}");
    assert!(recall_at_5 >= MIN_RECALL_AT_5, "recall@5 {recall_at_5:.3} < {MIN_RECALL_AT_5}");
}
