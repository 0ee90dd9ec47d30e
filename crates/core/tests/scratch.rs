use learnings_core::{decode_bundle, Index, SearchOptions};

#[test]
fn scratch() {
    let json = std::fs::read_to_string("/tmp/realbundle/learnings.json").unwrap();
    let bundle = decode_bundle(&json).unwrap();
    let t = std::time::Instant::now();
    let index = Index::new(&bundle.entries);
    println!("build {:?} heap {} json {}", t.elapsed(), index.heap_bytes(), json.len());
    let queries = std::env::var("Q")
        .unwrap_or("bktree|asyncctxmgr|git add -p|cafe|stream|a|pyhton seed|-> str|day:2026-02-23 tree".into());
    for q in queries.split('|') {
        let r = index.search(q, &SearchOptions { explain: true, limit: Some(4), ..Default::default() });
        println!(
            "== {q:?}: total {} days {:?} dym {:?}",
            r.total,
            r.day_counts.iter().map(|d| (d.day.as_str(), d.count)).collect::<Vec<_>>(),
            index.did_you_mean(q)
        );
        for h in &r.hits {
            let e = &bundle.entries[h.entry];
            let hl = r.highlight(e);
            let qh: Vec<&str> = hl.question.iter().map(|r| &e.question[r.clone()]).collect();
            println!("  {:.3} {} {:?}", h.score, e.question, qh);
            if let Some(s) = &hl.snippet {
                let sh: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
                println!("     [{:?}] {} {:?}", s.kind, s.text, sh);
            }
            for l in &h.explain {
                println!("     > {l}");
            }
        }
    }
}
