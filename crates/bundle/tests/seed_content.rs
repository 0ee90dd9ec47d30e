//! The importer's work against the seed dump it restored the content from: every question
//! verbatim and in order, every line of every answer kept, and the bundle deterministic.
//!
//! It runs over a frozen copy of the imported days (`fixtures/seed-content/`), so it keeps
//! guarding the import while authors edit `content/`.

mod support;

use learnings_core::date::MONTHS;
use learnings_core::text::{inline_text, visit_block_text};
use learnings_core::{Bundle, SiteInfo};

/// The six imported days as they were restored from the seed.
const SEED_CONTENT: &str = "tests/fixtures/seed-content";

fn bundle() -> Bundle {
    support::build(SEED_CONTENT, &SiteInfo::default()).bundle
}

fn seed() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.txt")).unwrap()
}

/// The seed's day headings ("February 24, 2026") as ISO dates, with their line numbers.
fn seed_days(seed: &str) -> Vec<(usize, String)> {
    seed.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let (month, rest) = line.split_once(' ')?;
            let (day, year) = rest.split_once(", ")?;
            let m = MONTHS.iter().position(|&name| name == month)? + 1;
            let (day, year): (u32, u32) = (day.parse().ok()?, year.parse().ok()?);
            Some((i, format!("{year:04}-{m:02}-{day:02}")))
        })
        .collect()
}

#[test]
fn all_116_seed_entries_on_its_6_days_newest_first() {
    let bundle = bundle();
    assert_eq!(bundle.entries.len(), 116);
    let days: Vec<_> = bundle.days.iter().map(|d| d.date.as_str()).collect();
    assert_eq!(days, ["2026-02-24", "2026-02-23", "2026-02-22", "2026-02-20", "2026-02-19", "2026-02-18"]);
    let seed_days: Vec<_> = seed_days(&seed()).into_iter().map(|(_, d)| d).collect();
    assert_eq!(days, seed_days);
    assert_eq!(bundle.days.iter().map(|d| d.count).sum::<u32>(), 116);
}

#[test]
fn questions_are_verbatim_and_in_seed_order() {
    let seed = seed();
    let lines: Vec<&str> = seed.lines().collect();
    let mut from = 0;
    for entry in bundle().entries {
        let found = lines[from..].iter().position(|&l| l == entry.question);
        let Some(at) = found else {
            panic!("question not found verbatim after seed line {from}: {:?}", entry.question)
        };
        from += at + 1;
        assert_eq!(inline_text(&entry.question_inlines), entry.question);
    }
}

/// Lines the dump broke and the content repairs, as (seed text, restored text).
const REPAIRS: [(&str, &str); 4] = [
    ("        line, err := r.ReadBytes('", "        line, err := r.ReadBytes('\\n') // blocking read"),
    ("') // blocking read", "        line, err := r.ReadBytes('\\n') // blocking read"),
    ("# data: {\"delta\":\"hi\"}", "# data: {\"delta\":\"hi\"}\\n\\n"),
    (
        "Python stdout is typically line-buffered on terminals (flushes on newline) and more fully buffered when piped/redirected. In token streams, printing partial tokens without can delay visible output unless you flush. Buffering exists to reduce syscall count (write calls), improving CPU efficiency and throughput. The same tradeoff appears in Go (bufio.Writer), C (setvbuf), Rust (BufWriter), and Node/TypeScript streams: larger buffers reduce overhead but can increase per-token display latency.",
        "printing partial tokens without \\n can delay visible output",
    ),
];

#[test]
fn every_seed_line_is_kept() {
    let bundle = bundle();
    let mut text = String::new();
    for entry in &bundle.entries {
        text.push_str(&entry.question);
        text.push('\n');
        visit_block_text(&entry.answer, &mut |_, t| {
            text.push_str(&t);
            text.push('\n');
        });
        for source in &entry.sources {
            text.push_str(&source.url);
            text.push('\n');
        }
    }
    let seed = seed();
    let day_lines: Vec<usize> = seed_days(&seed).into_iter().map(|(i, _)| i).collect();
    let mut missing = Vec::new();
    for (i, line) in seed.lines().enumerate().skip(3) {
        let trimmed = line.trim();
        if trimmed.is_empty() || day_lines.contains(&i) || matches!(trimmed, "Sources:" | "References:") {
            continue;
        }
        let body = trimmed.trim_start_matches("• ").trim_start_matches("- ").trim_start_matches("Source: ");
        let body =
            body.split_once(". ").filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit())).map_or(body, |(_, rest)| rest);
        let repaired = REPAIRS.iter().find(|(broken, _)| *broken == line).map(|(_, fixed)| *fixed);
        // A formula's text is its TeX, without the `$` that mark it as math.
        let math_as_tex = body.replace('$', "");
        if !text.contains(body) && !text.contains(&math_as_tex) && !repaired.is_some_and(|fixed| text.contains(fixed)) {
            missing.push(format!("{}: {line}", i + 1));
        }
    }
    assert!(missing.is_empty(), "seed lines missing from the bundle:\n{}", missing.join("\n"));
}

#[test]
fn code_examples_are_fenced_with_languages() {
    let langs: Vec<String> = bundle()
        .entries
        .iter()
        .flat_map(|e| e.answer.iter())
        .filter_map(|b| match b {
            learnings_core::Block::Code { lang, .. } => Some(lang.clone()),
            _ => None,
        })
        .collect();
    for lang in ["python", "go", "bash", "json", "typescript", "tsx", "javascript", "cpp", "text"] {
        assert!(langs.iter().any(|l| l == lang), "no {lang} code block");
    }
}

#[test]
fn sources_are_links() {
    let bundle = bundle();
    let resend = bundle.entries.iter().find(|e| e.question.starts_with("Does Resend use React Email")).unwrap();
    assert_eq!(resend.sources.len(), 4);
    assert!(resend.sources.iter().all(|s| s.url.starts_with("https://")));
    let ngmi = bundle.entries.iter().find(|e| e.question.contains("ngmi")).unwrap();
    assert_eq!(ngmi.sources[0].url, "https://ghuntley.com/ngmi/");
}

#[test]
fn builds_are_byte_identical() {
    let site = SiteInfo { url: Some("https://example.org/l/".into()), ..SiteInfo::default() };
    let a = support::build(SEED_CONTENT, &site);
    let b = support::build(SEED_CONTENT, &site);
    assert_eq!(a.json, b.json);
    assert_eq!(a.feed, b.feed);
}
