//! Search relevance over a frozen copy of six real days (`fixtures/seed-content`, so editing
//! `content/` never breaks it): reader queries from `fixtures/relevance.json`, each with a
//! category and every entry that answers it.
//!
//! Figures, per category and overall: MRR (mean reciprocal rank of the first expected entry
//! among the top 20), recall@5 (expected entries in the top five / min(expected, 5)) and the
//! share of queries with no results. A query holding a word that some entry holds must never
//! come back empty: one unknown word must not empty the list.

use std::collections::HashSet;
use std::path::Path;

use learnings_core::text::visit_block_text;
use learnings_core::{Entry, Index, SearchOptions};
use serde::Deserialize;

/// One reader query and the ids of all the entries that answer it.
#[derive(Deserialize)]
struct Case {
    query: String,
    category: String,
    expect: Vec<String>,
}

/// The kinds of query, in report order; each needs [`MIN_PER_CATEGORY`] queries.
const CATEGORIES: [&str; 8] =
    ["exact", "identifier", "misspelling", "partial", "word-form", "natural-language", "two-word-topic", "small-set"];
const MIN_PER_CATEGORY: usize = 15;
const MIN_QUERIES: usize = 200;
const MIN_MRR: f64 = 0.95;
const MIN_RECALL_AT_5: f64 = 0.95;

/// Sums over a group of queries.
#[derive(Default)]
struct Tally {
    queries: usize,
    reciprocal_ranks: f64,
    recalls: f64,
    empty: usize,
}

impl Tally {
    fn add(&mut self, reciprocal: f64, recall: f64, empty: bool) {
        self.queries += 1;
        self.reciprocal_ranks += reciprocal;
        self.recalls += recall;
        self.empty += usize::from(empty);
    }

    fn mrr(&self) -> f64 {
        self.reciprocal_ranks / self.queries as f64
    }

    fn recall_at_5(&self) -> f64 {
        self.recalls / self.queries as f64
    }

    fn line(&self, name: &str) -> String {
        format!(
            "  {name:<16} {:>3} queries  MRR {:.3}  recall@5 {:.3}  no results {:>5.1}%",
            self.queries,
            self.mrr(),
            self.recall_at_5(),
            100.0 * self.empty as f64 / self.queries as f64
        )
    }
}

/// Lowercased runs of letters and digits: a plain word split, independent of the engine's
/// tokenizer, to tell whether a query word occurs in the text at all.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// Every word of every entry: question, answer prose and code, source titles.
fn vocabulary(entries: &[Entry]) -> HashSet<String> {
    let mut vocabulary = HashSet::new();
    for entry in entries {
        vocabulary.extend(words(&entry.question));
        visit_block_text(&entry.answer, &mut |_, text| vocabulary.extend(words(&text)));
        for source in &entry.sources {
            vocabulary.extend(words(&source.title));
        }
    }
    vocabulary
}

#[test]
fn reader_queries_find_their_entries() {
    let seed = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-content"));
    let bundle = match learnings_bundle::build(seed, &learnings_core::SiteInfo::default()) {
        Ok(output) => output.bundle,
        Err(errors) => panic!("the seed fixture does not build: {} errors", errors.len()),
    };
    let fixture = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/relevance.json"))
        .expect("the relevance fixture is readable");
    let cases: Vec<Case> = serde_json::from_str(&fixture).expect("the relevance fixture is valid JSON");
    assert!(cases.len() >= MIN_QUERIES, "the suite needs at least {MIN_QUERIES} queries, has {}", cases.len());

    let index = Index::new(&bundle.entries);
    let options = SearchOptions { limit: Some(20), ..SearchOptions::default() };
    let vocabulary = vocabulary(&bundle.entries);
    let mut tallies: Vec<Tally> = CATEGORIES.iter().map(|_| Tally::default()).collect();
    let mut overall = Tally::default();
    let (mut misses, mut wrongly_empty) = (Vec::new(), Vec::new());
    for case in &cases {
        let category = CATEGORIES.iter().position(|c| *c == case.category);
        let category = category.unwrap_or_else(|| panic!("{:?} has unknown category {:?}", case.query, case.category));
        assert!(!case.expect.is_empty(), "{:?} expects no entry", case.query);
        for id in &case.expect {
            assert!(bundle.entries.iter().any(|e| &e.id == id), "{:?} expects unknown entry {id}", case.query);
        }
        let ranked: Vec<&str> =
            index.search(&case.query, &options).hits.iter().map(|h| bundle.entries[h.entry].id.as_str()).collect();
        let first = ranked.iter().position(|id| case.expect.iter().any(|e| e == id));
        let reciprocal = first.map_or(0.0, |rank| 1.0 / (rank + 1) as f64);
        let found = case.expect.iter().filter(|e| ranked.iter().take(5).any(|id| id == e)).count();
        let recall = found as f64 / case.expect.len().min(5) as f64;
        if ranked.is_empty() && words(&case.query).any(|w| vocabulary.contains(&w)) {
            wrongly_empty.push(case.query.as_str());
        }
        if reciprocal < 1.0 || recall < 1.0 {
            misses.push(format!(
                "  [{}] {:?}: first expected at {}, {found}/{} in top 5; top 3: {:?}",
                case.category,
                case.query,
                first.map_or("none".to_string(), |r| (r + 1).to_string()),
                case.expect.len().min(5),
                &ranked[..ranked.len().min(3)]
            ));
        }
        tallies[category].add(reciprocal, recall, ranked.is_empty());
        overall.add(reciprocal, recall, ranked.is_empty());
    }

    println!("relevance over {} queries (limit 20):", cases.len());
    for (name, tally) in CATEGORIES.iter().zip(&tallies) {
        println!("{}", tally.line(name));
    }
    println!("{}", overall.line("overall"));
    println!("misses ({}):", misses.len());
    for miss in &misses {
        println!("{miss}");
    }
    for (name, tally) in CATEGORIES.iter().zip(&tallies) {
        assert!(
            tally.queries >= MIN_PER_CATEGORY,
            "category {name} has {} queries, needs {MIN_PER_CATEGORY}",
            tally.queries
        );
    }
    assert!(
        wrongly_empty.is_empty(),
        "{} queries holding a word that some entry holds found nothing: {wrongly_empty:?}",
        wrongly_empty.len()
    );
    let (mrr, recall_at_5) = (overall.mrr(), overall.recall_at_5());
    assert!(mrr >= MIN_MRR, "MRR {mrr:.3} < {MIN_MRR}");
    assert!(recall_at_5 >= MIN_RECALL_AT_5, "recall@5 {recall_at_5:.3} < {MIN_RECALL_AT_5}");
}
