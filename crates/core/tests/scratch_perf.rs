use learnings_core::{decode_bundle, synthetic, Index, SearchOptions};

#[test]
fn perf() {
    let json = std::fs::read_to_string("/tmp/realbundle/learnings.json").unwrap();
    let bundle = decode_bundle(&json).unwrap();
    let n: usize = std::env::var("N").ok().and_then(|s| s.parse().ok()).unwrap_or(10000);
    let entries = synthetic::collection(&bundle.entries, n, 42);
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let index = Index::new(&entries);
        println!("build {:?}", t.elapsed());
        let t = std::time::Instant::now();
        for q in ["a", "as", "asy", "async", "asyncio.to_thread", "pyhton seed", "bktree"] {
            let t = std::time::Instant::now();
            let r = index.search(q, &SearchOptions { limit: Some(50), ..Default::default() });
            println!("  {q:?} {} {:?}", r.total, t.elapsed());
        }
        println!("queries {:?}", t.elapsed());
    }
}

#[test]
fn sizes() {
    let json = std::fs::read_to_string("/tmp/realbundle/learnings.json").unwrap();
    let bundle = decode_bundle(&json).unwrap();
    for n in [116usize, 10000] {
        let entries = if n == 116 { bundle.entries.clone() } else { synthetic::collection(&bundle.entries, n, 42) };
        let mut bytes = 0;
        for e in &entries {
            bytes += e.question.len();
            learnings_core::text::visit_block_text(&e.answer, &mut |_, t| bytes += t.len());
            for s in &e.sources { bytes += s.title.len() + s.url.len(); }
        }
        let t = std::time::Instant::now();
        let mut toks = 0;
        for e in &entries {
            learnings_core::text::visit_block_text(&e.answer, &mut |_, t| toks += t.split_whitespace().count());
        }
        println!("n {n} text bytes {bytes} ({} per entry) ws-words {toks} visit {:?}", bytes / n, t.elapsed());
    }
}
