//! Any entries and any query, however long or strange: search never panics, and every
//! highlight range lies inside its text on character boundaries.

use std::ops::Range;

use learnings_core::model::{Block, CodeSpan, Entry, Inline, Source};
use learnings_core::{Index, SearchOptions};
use proptest::prelude::*;

/// Text mixing ASCII, accents, CJK, combining marks, emoji and query syntax.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[a-zA-Z0-9_ .,:;!?()\\[\\]<>=+*/-]{1,12}",
            "[éÉàçñøß\u{301}\u{308}ﬁ①Ａ…’“”–]{1,4}",
            "[東京タワー日本語한국어ไทย]{1,6}",
            "[🚀🦀\u{200B}\u{FEFF}\u{0}\t\n]{1,3}",
            any::<String>().prop_map(|s| s.chars().take(8).collect()),
            Just(" ".to_string()),
            Just("day:2026-02".to_string()),
            Just("\"".to_string()),
            Just(" -".to_string()),
            // Words with other forms, synonyms, splits, joins, flags and punctuation variants.
            "( |-|\\+)?(sort|sorting|libraries|wake|ups|wakeups|time|out|timeout|ctrl|c|speed|perf|can't|-ti|-it)",
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

fn entry() -> impl Strategy<Value = Entry> {
    (text(), text(), text(), text(), 0..3usize).prop_map(|(question, prose, code, title, day)| Entry {
        id: format!("id-{}", question.len()),
        day: ["2026-02-24", "2026-02-23", "2025-12-31"][day].to_string(),
        question_inlines: vec![Inline::Text(question.clone())],
        question,
        answer: vec![
            Block::Paragraph(vec![Inline::Text(prose.clone()), Inline::Break]),
            Block::List { start: None, items: vec![vec![Block::Paragraph(vec![Inline::Code(prose)])]] },
            Block::Code { lang: "text".into(), spans: vec![CodeSpan("k".into(), code)] },
        ],
        sources: vec![Source { title: title.clone(), url: format!("https://example.org/{title}") }],
    })
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![text(), any::<String>(), ".{0,10000}", "[a-z\" :-]{9000,10000}",]
}

fn check_ranges(text: &str, ranges: &[Range<usize>]) {
    let mut last_end = 0;
    for r in ranges {
        assert!(r.start < r.end && r.end <= text.len(), "{r:?} outside {text:?}");
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{r:?} splits a character in {text:?}");
        assert!(r.start >= last_end, "ranges overlap or are unsorted: {ranges:?}");
        last_end = r.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_query_on_any_entries(entries in prop::collection::vec(entry(), 0..6), query in query()) {
        let index = Index::new(&entries);
        let options = SearchOptions {
            explain: true,
            limit: Some(10),
            day_range: Some(("2026-01-01".into(), "2026-12-31".into())),
        };
        let results = index.search(&query, &options);
        prop_assert!(results.hits.len() <= 10 && results.total >= results.hits.len());
        prop_assert!(results.complete <= results.total);
        for (rank, hit) in results.hits.iter().enumerate() {
            prop_assert_eq!(hit.missing.is_empty(), rank < results.complete, "complete matches first");
        }
        prop_assert!(results.day_counts.iter().map(|d| d.count).sum::<usize>() >= results.total);
        for hit in &results.hits {
            let entry = &entries[hit.entry];
            prop_assert!(hit.score.is_finite());
            let marks = results.highlight(entry);
            check_ranges(&entry.question, &marks.question);
            if let Some(snippet) = marks.snippet {
                check_ranges(&snippet.text, &snippet.highlights);
            }
        }
        if results.complete == 0 {
            if let Some(better) = index.did_you_mean(&query) {
                prop_assert!(index.search(&better, &SearchOptions::default()).complete > 0);
            }
        }
    }

    #[test]
    fn every_keystroke_of_a_query(entries in prop::collection::vec(entry(), 1..4), query in text()) {
        let index = Index::new(&entries);
        for (at, c) in query.char_indices() {
            let typed = &query[..at + c.len_utf8()];
            let results = index.search(typed, &SearchOptions::default());
            for hit in &results.hits {
                let marks = results.highlight(&entries[hit.entry]);
                check_ranges(&entries[hit.entry].question, &marks.question);
                if let Some(snippet) = marks.snippet {
                    check_ranges(&snippet.text, &snippet.highlights);
                }
            }
        }
    }
}
