//! Search as the app uses it: what a reader types and what they get back.

use learnings_core::model::{Block, CodeSpan, Entry, Inline, Source};
use learnings_core::search::TextKind;
use learnings_core::{Index, SearchOptions, SearchResults};

fn paragraph(text: &str) -> Block {
    Block::Paragraph(vec![Inline::Text(text.into())])
}

fn code(text: &str) -> Block {
    Block::Code { lang: "python".into(), spans: vec![CodeSpan(String::new(), text.into())] }
}

fn entry(id: &str, day: &str, question: &str, answer: Vec<Block>) -> Entry {
    Entry {
        id: id.into(),
        day: day.into(),
        question: question.into(),
        question_inlines: vec![Inline::Text(question.into())],
        answer,
        sources: vec![],
    }
}

/// A small collection in bundle order: newest day first, file order within a day.
fn collection() -> Vec<Entry> {
    vec![
        entry(
            "cafe",
            "2026-02-24",
            "Where is the best café in town?",
            vec![paragraph("The Café Crème on the corner.")],
        ),
        entry(
            "bk-tree",
            "2026-02-24",
            "Is a BK-tree the only option for near-duplicate lookup?",
            vec![paragraph("No. A BK-tree suits edit distance queries; SymSpell is another option.")],
        ),
        entry(
            "to-thread",
            "2026-02-23",
            "When should you use asyncio.to_thread()?",
            vec![
                paragraph("Use it to run blocking code without blocking the event loop."),
                code("resp = await asyncio.to_thread(requests.get, url)"),
            ],
        ),
        entry(
            "git-add-p",
            "2026-02-23",
            "How do you stage only some hunks in git?",
            vec![paragraph("Use interactive staging: git add -p, then y or n for each hunk.")],
        ),
        entry(
            "uvicorn",
            "2026-02-20",
            "Does Uvicorn use processes or threads?",
            vec![paragraph("One process by default; with --workers N it spawns N processes.")],
        ),
        entry(
            "generator",
            "2026-02-20",
            "Why can -> Generator[str] crash at runtime?",
            vec![code("def stream_bad(prompt: str) -> Generator[str]:\n    yield \"hello\"")],
        ),
        entry(
            "enter",
            "2026-02-20",
            "Why did with httpx.AsyncClient() raise AttributeError: __enter__?",
            vec![paragraph("AsyncClient only has __aenter__ and __aexit__; use async with.")],
        ),
        entry(
            "asynccontextmanager",
            "2026-01-15",
            "What are contextmanager and asynccontextmanager?",
            vec![paragraph("Decorators from contextlib that build context managers from generators.")],
        ),
        entry("tokyo", "2026-01-15", "東京タワーの高さは?", vec![paragraph("東京タワーは333メートルです。")]),
        entry(
            "threads-old",
            "2025-12-31",
            "Do threads share memory?",
            vec![paragraph("Threads share the address space of their process.")],
        ),
    ]
}

fn search(index: &Index, query: &str) -> SearchResults {
    index.search(query, &SearchOptions::default())
}

fn ids(entries: &[Entry], results: &SearchResults) -> Vec<String> {
    results.hits.iter().map(|h| entries[h.entry].id.clone()).collect()
}

/// The entries that have every word of `query`, best first (partial matches left out).
fn top(query: &str) -> Vec<String> {
    let entries = collection();
    let index = Index::new(&entries);
    let results = search(&index, query);
    ids(&entries, &results).into_iter().take(results.complete).collect()
}

#[test]
fn accents_and_case_do_not_matter() {
    assert_eq!(top("cafe"), ["cafe"]);
    assert_eq!(top("CAFÉ CREME"), ["cafe"]);
}

#[test]
fn identifiers_match_as_typed_and_whole() {
    assert_eq!(top("asyncio.to_thread"), ["to-thread"]);
    assert_eq!(top("to_thread"), ["to-thread"]);
    assert_eq!(top("__enter__"), ["enter"]);
    assert_eq!(top("Generator[str]"), ["generator"]);
    assert_eq!(top("-> str"), ["generator"]);
    assert_eq!(top("git add -p"), ["git-add-p"]);
    assert_eq!(top("--workers"), ["uvicorn"]);
    assert_eq!(top("bktree"), ["bk-tree"]);
    assert_eq!(top("AsyncClient"), ["enter"]);
}

#[test]
fn subsequences_of_a_question_find_it() {
    assert_eq!(top("asyncctxmgr").first().map(String::as_str), Some("asynccontextmanager"));
}

#[test]
fn typos_are_tolerated_by_length() {
    assert_eq!(top("symspel "), ["bk-tree"], "one edit at 7 characters");
    assert_eq!(top("interatcive "), ["git-add-p"], "a transposition is one edit");
    assert_eq!(top("hnuk "), ["git-add-p"], "4 characters, one transposition");
    assert!(top("hxyk ").is_empty(), "4 characters, two edits away: no match");
}

#[test]
fn the_last_word_matches_as_a_prefix_while_typed() {
    assert_eq!(top("interact"), ["git-add-p"]);
    assert_eq!(top("interac"), ["git-add-p"]);
    assert!(top("interac ").is_empty(), "a trailing space ends the word");
    assert_eq!(top("asyncio.to_thr"), ["to-thread"]);
}

#[test]
fn all_terms_must_match_and_exclusions_remove() {
    let mut both = top("process threads");
    both.sort();
    assert_eq!(both, ["threads-old", "uvicorn"]);
    assert_eq!(top("process -uvicorn"), ["threads-old"]);
    assert_eq!(top("process -\"address space\""), ["uvicorn"]);
}

#[test]
fn day_filters_from_the_query_and_the_options() {
    let entries = collection();
    let index = Index::new(&entries);
    assert_eq!(ids(&entries, &search(&index, "day:2026-02 process")), ["uvicorn"]);
    assert_eq!(ids(&entries, &search(&index, "day:2025-12-31 process")), ["threads-old"]);
    let range =
        SearchOptions { day_range: Some(("2026-01-31".into(), "2025-01-01".into())), ..SearchOptions::default() };
    let results = index.search("process", &range);
    assert_eq!(ids(&entries, &results), ["threads-old"]);
    assert_eq!(results.total, 1);
    let days: Vec<(&str, usize)> = results.day_counts.iter().map(|d| (d.day.as_str(), d.count)).collect();
    assert_eq!(days, [("2026-02-20", 1), ("2025-12-31", 1)], "the timeline counts ignore the UI's day range");
}

#[test]
fn malformed_syntax_degrades_to_plain_terms() {
    assert_eq!(top("\"event loop"), ["to-thread"]);
    assert_eq!(top("day:2026-13-45 hunk"), Vec::<String>::new(), "a bad date is searched as text");
    assert_eq!(top("hunk -"), ["git-add-p"], "a bare dash is a literal term (this entry has `-p`)");
    assert_eq!(top("interactive -"), ["git-add-p"], "a bare dash after a word is a literal term too");
    assert!(top("interactive -interactive").is_empty(), "a dash before a word excludes it");
    assert!(top("blocking -").is_empty(), "no dash in that entry");
}

#[test]
fn an_empty_query_lists_everything_newest_first() {
    let entries = collection();
    let index = Index::new(&entries);
    let results = search(&index, "   ");
    assert_eq!(results.total, entries.len());
    assert_eq!(ids(&entries, &results), entries.iter().map(|e| e.id.clone()).collect::<Vec<_>>());
    let limited = index.search("", &SearchOptions { limit: Some(3), ..SearchOptions::default() });
    assert_eq!(limited.hits.len(), 3);
    assert_eq!(limited.total, entries.len());
}

#[test]
fn ties_go_to_the_newest_day_then_collection_order() {
    let twin = |id: &str, day: &str| entry(id, day, "Same question?", vec![paragraph("Same answer.")]);
    let entries = vec![twin("old", "2026-01-01"), twin("new-a", "2026-02-01"), twin("new-b", "2026-02-01")];
    let index = Index::new(&entries);
    assert_eq!(ids(&entries, &search(&index, "same")), ["new-a", "new-b", "old"]);
}

#[test]
fn field_weights_and_match_kinds_order_results() {
    let entries = vec![
        entry("code", "2026-03-01", "Anything?", vec![code("stream = open()")]),
        entry("answer", "2026-03-01", "Something else?", vec![paragraph("A stream is lazy.")]),
        entry("prefix", "2026-03-01", "Is streamlit hard?", vec![paragraph("No.")]),
        entry("exact", "2026-01-01", "How does a stream work?", vec![paragraph("Lazily.")]),
    ];
    let index = Index::new(&entries);
    assert_eq!(ids(&entries, &search(&index, "stream")), ["exact", "prefix", "answer", "code"]);
    assert_eq!(ids(&entries, &search(&index, "stream ")), ["exact", "answer", "code"]);
}

#[test]
fn text_without_spaces_is_searchable() {
    assert_eq!(top("東京タワー"), ["tokyo"]);
    assert_eq!(top("タワー"), ["tokyo"]);
    assert!(top("京東").is_empty(), "characters must be in sequence");
}

#[test]
fn highlights_point_into_the_displayed_text() {
    let entries = collection();
    let index = Index::new(&entries);
    let results = search(&index, "cafe creme");
    let marks = results.highlight(&entries[results.hits[0].entry]);
    let question = &entries[0].question;
    assert_eq!(marks.question.iter().map(|r| &question[r.clone()]).collect::<Vec<_>>(), ["café"]);
    let snippet = marks.snippet.expect("the answer has text");
    assert_eq!(snippet.kind, TextKind::Prose);
    assert_eq!(snippet.highlights.iter().map(|r| &snippet.text[r.clone()]).collect::<Vec<_>>(), ["Café", "Crème"]);
}

#[test]
fn any_displayed_text_can_be_marked() {
    let entries = collection();
    let index = Index::new(&entries);
    let results = search(&index, "asyncio.to_thread blocking");
    let text = "Blocking? Try asyncio.to_thread().";
    let marks: Vec<&str> = results.marks(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(marks, ["Blocking", "asyncio.to_thread"]);
}

#[test]
fn snippets_come_from_the_best_paragraph_or_code_line() {
    let entries = collection();
    let index = Index::new(&entries);
    let results = search(&index, "requests.get");
    let snippet = results.highlight(&entries[results.hits[0].entry]).snippet.expect("a snippet");
    assert_eq!(snippet.kind, TextKind::Code);
    assert_eq!(snippet.text, "resp = await asyncio.to_thread(requests.get, url)");
    assert_eq!(snippet.highlights.iter().map(|r| &snippet.text[r.clone()]).collect::<Vec<_>>(), ["requests.get"]);
}

#[test]
fn did_you_mean_corrects_from_the_collection() {
    let entries = collection();
    let index = Index::new(&entries);
    assert_eq!(search(&index, "gti hunk").complete, 0, "only partial matches");
    assert_eq!(index.did_you_mean("gti hunk").as_deref(), Some("git hunk"));
    assert_eq!(index.did_you_mean("git hunk"), None, "a query matched whole needs no correction");
    assert_eq!(index.did_you_mean("zzzzzz"), None);
    assert_eq!(index.did_you_mean("git hunks tortoise"), None, "words that match in some form are not misspelt");
    assert_eq!(index.did_you_mean("gti hunks tortoise"), None, "no correction makes it match whole");
}

#[test]
fn stop_words_are_never_required() {
    let entries = collection();
    let index = Index::new(&entries);
    let results = search(&index, "how do threads share memory");
    assert_eq!(ids(&entries, &results)[0], "threads-old");
    assert_eq!(results.complete, 1);
    assert!(results.hits[0].missing.is_empty());
    assert_eq!(results.hits[1].missing, ["share", "memory"], "the partial matches follow, without stop words");
}

#[test]
fn without_a_complete_match_the_closest_entries_show_with_their_missing_words() {
    let entries = collection();
    let index = Index::new(&entries);
    let results = search(&index, "uvicorn workers speed");
    assert_eq!(results.complete, 0);
    assert_eq!(ids(&entries, &results)[0], "uvicorn", "the entry with the most of the words first");
    assert_eq!(results.hits[0].missing, ["speed"]);
    let results = search(&index, "hunks git tortoise");
    assert_eq!(ids(&entries, &results), ["git-add-p"]);
    assert_eq!(results.hits[0].missing, ["tortoise"]);
}

#[test]
fn partial_matches_keep_phrases_exclusions_and_days_strict() {
    let entries = collection();
    let index = Index::new(&entries);
    let quoted = search(&index, "\"event loop\" uvicorn");
    assert_eq!(quoted.complete, 0);
    assert_eq!(ids(&entries, &quoted), ["to-thread"], "an entry without the quoted phrase never shows");
    assert!(search(&index, "uvicorn speed -processes").hits.is_empty());
    assert!(search(&index, "uvicorn speed day:2026-02-24").hits.is_empty());
}

#[test]
fn explain_says_why() {
    let entries = collection();
    let index = Index::new(&entries);
    let results = index.search("pyhton bktree", &SearchOptions { explain: true, ..SearchOptions::default() });
    assert_eq!(results.complete, 0);
    assert!(
        results.hits[0].explain.iter().any(|l| l.contains("has 1 of the query's 2 words")),
        "{:?}",
        results.hits[0].explain
    );
    let results = index.search("bktree smyspell ", &SearchOptions { explain: true, ..SearchOptions::default() });
    let lines = &results.hits[0].explain;
    assert!(lines[0].contains("exact") && lines[0].contains("bktree"), "{lines:?}");
    assert!(lines[1].contains("typo") && lines[1].contains("symspell"), "{lines:?}");
    assert!(lines.last().is_some_and(|l| l.starts_with("score")), "{lines:?}");
    assert!(search(&index, "bktree").hits[0].explain.is_empty(), "only on request");
}

#[test]
fn explanations_add_up_to_the_score() {
    let entries = collection();
    let index = Index::new(&entries);
    for query in ["process threads", "git add -p", "asyncio.to_thread blocking", "cafe", "symspel bk"] {
        let results = index.search(query, &SearchOptions { explain: true, ..SearchOptions::default() });
        for hit in &results.hits {
            let number = |line: &str, mark: char| line.rsplit(mark).next().and_then(|n| n.trim().parse::<f32>().ok());
            let sum: f32 = hit.explain.iter().filter(|l| l.contains(": +")).filter_map(|l| number(l, '+')).sum();
            let factor: f32 = hit.explain.iter().filter(|l| l.contains(": ×")).filter_map(|l| number(l, '×')).product();
            let explained = sum * factor;
            assert!(
                (explained - hit.score).abs() <= 0.01 * hit.score.max(1.0),
                "{query}: {:?} vs {}",
                hit.explain,
                hit.score
            );
        }
    }
}

#[test]
fn sources_are_searched_last() {
    let mut with_source = entry("src", "2026-02-24", "Where is the doc?", vec![paragraph("See below.")]);
    with_source.sources = vec![Source { title: "Vercel CLI docs".into(), url: "https://vercel.com/docs/cli".into() }];
    let entries = vec![with_source, entry("body", "2026-01-01", "Which CLI?", vec![paragraph("The vercel one.")])];
    let index = Index::new(&entries);
    assert_eq!(ids(&entries, &search(&index, "vercel")), ["body", "src"]);
}

#[test]
fn a_huge_query_answers_and_is_capped() {
    let entries = collection();
    let index = Index::new(&entries);
    let huge = "process ".repeat(1_250);
    assert_eq!(huge.len(), 10_000);
    assert_eq!(ids(&entries, &search(&index, &huge)), ids(&entries, &search(&index, "process ")));
    let blob = "x".repeat(10_000);
    assert!(search(&index, &blob).hits.is_empty());
}

#[test]
fn the_index_reports_its_memory() {
    let entries = collection();
    let index = Index::new(&entries);
    assert!(index.heap_bytes() > 0);
    let bigger = Index::new(&learnings_core::synthetic::collection(&entries, 200, 1));
    assert!(bigger.heap_bytes() > index.heap_bytes());
}

#[test]
fn marks_find_the_query_in_any_displayed_text() {
    let entries = collection();
    let index = Index::new(&entries);
    let results = search(&index, "Café thread");
    let text = "Run it in a thread, then café.";
    let marked: Vec<&str> = results.marks(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(marked, ["thread", "café"]);
    assert!(results.marks("nothing here").is_empty());
}

/// The ids of the entries of `entries` that have every word of `query`, best first.
fn complete(entries: &[Entry], query: &str) -> Vec<String> {
    let results = search(&Index::new(entries), query);
    ids(entries, &results).into_iter().take(results.complete).collect()
}

#[test]
fn other_forms_of_a_word_match_below_the_word_itself() {
    let entries = vec![
        entry("sort", "2026-02-24", "How do you sort a list?", vec![paragraph("Call sorted() on it.")]),
        entry("sorting", "2026-02-23", "Is sorting stable?", vec![paragraph("Yes, Timsort is.")]),
        entry("toml", "2026-02-22", "Which libraries parse TOML?", vec![paragraph("The tomllib module.")]),
        entry("make", "2026-02-21", "Why is making builds slow?", vec![paragraph("Deep dependency trees.")]),
    ];
    assert_eq!(complete(&entries, "sorting "), ["sorting", "sort"], "the word as typed ranks first");
    assert_eq!(complete(&entries, "sorts lists "), ["sort"]);
    assert_eq!(complete(&entries, "library "), ["toml"]);
    assert_eq!(complete(&entries, "makes "), ["make"]);
}

#[test]
fn words_typed_joined_or_apart_match_the_entry_s_spelling() {
    let entries = vec![
        entry("wake", "2026-02-24", "Why do spurious wake ups happen?", vec![paragraph("Condition variables.")]),
        entry("timeout", "2026-02-23", "What is a good timeout?", vec![paragraph("Ten seconds.")]),
        entry("dataset", "2026-02-22", "Where do I keep a dataset?", vec![paragraph("In object storage.")]),
    ];
    assert_eq!(complete(&entries, "wakeups "), ["wake"]);
    assert_eq!(complete(&entries, "wakeup "), ["wake"]);
    assert_eq!(complete(&entries, "spurious wakeup "), ["wake"]);
    assert_eq!(complete(&entries, "time out "), ["timeout"]);
    assert_eq!(complete(&entries, "data sets "), ["dataset"]);
}

#[test]
fn punctuation_between_words_may_differ() {
    let entries = vec![
        entry("ctrl-c", "2026-02-24", "What does Ctrl+C send?", vec![paragraph("SIGINT to the process group.")]),
        entry("other", "2026-02-23", "What does c mean?", vec![paragraph("A letter.")]),
    ];
    for query in ["ctrl-c", "ctrl+c", "ctrl c", "Ctrl+C"] {
        assert_eq!(complete(&entries, query), ["ctrl-c"], "{query}");
    }
    let index = Index::new(&entries);
    let question = &entries[0].question;
    let marked: Vec<&str> =
        search(&index, "ctrl-c").highlight(&entries[0]).question.into_iter().map(|r| &question[r]).collect();
    assert_eq!(marked, ["Ctrl+C"]);
}

#[test]
fn flags_match_by_their_letters_and_a_flag_of_the_collection_is_not_an_exclusion() {
    let entries = vec![
        entry("kill", "2026-02-24", "How do you free a port?", vec![code("kill $(lsof -ti tcp:3000)")]),
        entry("go", "2026-02-23", "Is streaming in Go simple?", vec![paragraph("Read lines from the body.")]),
        entry("py", "2026-02-22", "Is streaming in Python simple?", vec![paragraph("Use httpx.")]),
    ];
    for query in ["lsof -ti", "lsof -it", "lsof -t -i", "-ti"] {
        assert_eq!(complete(&entries, query), ["kill"], "{query}");
    }
    assert_eq!(complete(&entries, "streaming -go"), ["py"], "no `-go` flag here: an exclusion");
}

#[test]
fn synonyms_and_abbreviations_match_below_the_word_itself() {
    let entries = vec![
        entry("limit", "2026-02-24", "How do you limit concurrent requests?", vec![paragraph("A semaphore.")]),
        entry("js", "2026-02-23", "Does JavaScript have generators?", vec![paragraph("Yes, function*.")]),
        entry("speed", "2026-02-22", "Why does speed matter?", vec![paragraph("Readers leave.")]),
        entry("perf", "2026-02-21", "Is performance a feature?", vec![paragraph("Often.")]),
    ];
    assert_eq!(complete(&entries, "cap parallel requests "), ["limit"]);
    assert_eq!(complete(&entries, "js generators "), ["js"]);
    assert_eq!(complete(&entries, "speed "), ["speed", "perf"], "the word itself first");
}

#[test]
fn contractions_and_fillers_are_not_required() {
    let entries = vec![
        entry("await", "2026-02-24", "Why is a context manager not awaitable?", vec![paragraph("It is entered.")]),
        entry("loop", "2026-02-23", "What blocks the event loop?", vec![paragraph("Sync calls.")]),
    ];
    assert_eq!(complete(&entries, "why can't I await a context manager"), ["await"]);
    assert_eq!(complete(&entries, "what's the best way to not block the loop"), ["loop"]);
}

#[test]
fn pasted_text_matches_its_words_as_written() {
    let entries = vec![entry("sort", "2026-02-24", "How do you sort a list?", vec![paragraph("Call sorted().")])];
    assert_eq!(complete(&entries, "sorts list "), ["sort"], "typed: other forms too");
    let pasted = "sorts list one two three four five six seven ";
    assert!(complete(&entries, pasted).is_empty(), "more than eight terms: only the words as written");
    assert_eq!(complete(&entries, "sort list one two three four five six seven "), Vec::<String>::new());
    assert!(!search(&Index::new(&entries), pasted).hits.is_empty(), "still ranked by the words it has");
}

#[test]
fn a_partial_match_with_the_query_s_rare_word_outranks_one_with_its_common_words() {
    let python = |id: &str, question: &str| entry(id, "2026-02-20", question, vec![paragraph("Python code.")]);
    let entries = vec![
        python("profile", "How do I profile Python code?"),
        python("format", "How do I format Python code?"),
        python("lint", "How do I lint Python code?"),
        entry("bloom", "2026-02-19", "What does a Bloom filter trade away?", vec![paragraph("Exactness.")]),
    ];
    let index = Index::new(&entries);
    // No entry has all three; `python` and `code` are in most entries, `bloom` in one.
    let results = search(&index, "python code bloom");
    assert_eq!(results.complete, 0);
    assert_eq!(ids(&entries, &results)[0], "bloom", "{:?}", ids(&entries, &results));
    assert_eq!(results.hits[0].missing, ["python", "code"]);
}

#[test]
fn a_word_repeated_in_another_form_counts_once() {
    let entries = vec![
        entry("retry", "2026-02-24", "How do I retry a request?", vec![paragraph("Loop with a counter.")]),
        entry("backoff", "2026-02-23", "What is exponential backoff?", vec![paragraph("Doubling the wait.")]),
    ];
    let index = Index::new(&entries);
    let results = search(&index, "retry retrying backoff");
    assert_eq!(results.complete, 0);
    let missing: Vec<&[String]> = results.hits.iter().map(|h| h.missing.as_slice()).collect();
    assert!(missing.contains(&["retry".to_string()].as_slice()), "listed once: {missing:?}");
    assert!(missing.contains(&["backoff".to_string()].as_slice()), "{missing:?}");
}

#[test]
fn other_forms_of_a_synonym_and_two_words_it_joins_match() {
    let entries = vec![
        entry("branch", "2026-02-24", "How do I delete a branch?", vec![paragraph("git branch -d.")]),
        entry("limit", "2026-02-23", "How do I limit requests per second?", vec![paragraph("A token bucket.")]),
        entry("pr", "2026-02-22", "Who reviews a PR?", vec![paragraph("A maintainer.")]),
        entry("defer", "2026-02-21", "When does Go run a defer?", vec![paragraph("At function return.")]),
    ];
    assert_eq!(complete(&entries, "erased branch "), ["branch"], "erased: erase, of the group of delete");
    assert_eq!(complete(&entries, "throttled requests "), ["limit"], "throttled: throttle, of the group of limit");
    assert_eq!(complete(&entries, "merge request reviews "), ["pr"], "merge request: mergerequest, a PR");
    assert_eq!(complete(&entries, "golang defer "), ["defer"]);
}

#[test]
fn a_file_or_identifier_found_nowhere_is_searched_as_its_words() {
    let entries = vec![
        entry("lock", "2026-02-24", "Should a Cargo project commit its lock file?", vec![paragraph("Binaries do.")]),
        entry("toml", "2026-02-23", "Where is the manifest?", vec![paragraph("In the toml file.")]),
    ];
    let index = Index::new(&entries);
    let results = search(&index, "Cargo.lock");
    assert_eq!(ids(&entries, &results), ["lock"], "as `cargo` and `lock`");
    assert_eq!(results.complete, 1);
    let results = search(&index, "Cargo.toml");
    assert_eq!(results.complete, 0, "no entry has both words");
    assert_eq!(ids(&entries, &results).len(), 2);
    assert!(search(&index, "\"cargo.lock\"").hits.is_empty(), "a quoted phrase stays strict");
}

#[test]
fn a_reader_s_filler_words_are_not_required() {
    let entries = vec![entry("kill", "2026-02-24", "What does SIGKILL do to a process?", vec![paragraph("Ends it.")])];
    assert_eq!(complete(&entries, "what actually happens to everything on sigkill"), ["kill"]);
}

#[test]
fn a_phrasal_verb_finds_the_noun_it_makes() {
    let entries = vec![
        entry("shutdown", "2026-02-24", "What runs at shutdown?", vec![paragraph("The exit handlers.")]),
        entry("setup", "2026-02-23", "Is the setup idempotent?", vec![paragraph("Yes.")]),
    ];
    assert_eq!(complete(&entries, "shutting down "), ["shutdown"]);
    assert_eq!(complete(&entries, "setting up "), ["setup"]);
}

#[test]
fn a_short_word_or_stop_word_is_not_matched_inside_other_words() {
    let entries = vec![
        entry("return", "2026-02-24", "What does return do in a generator?", vec![paragraph("Stops it.")]),
        entry("then", "2026-02-23", "What comes then?", vec![paragraph("Nothing.")]),
    ];
    let index = Index::new(&entries);
    assert!(search(&index, "turn ").hits.is_empty(), "`turn` is not an abbreviation of `return`");
    assert!(search(&index, "them ").hits.is_empty(), "a stop word matches without typos: not `then`");
}

#[test]
fn a_word_of_the_collection_is_taken_as_typed_unless_a_neighbour_is_far_more_common() {
    let mut entries = vec![
        entry("exits", "2026-02-24", "What runs when a process exits?", vec![paragraph("atexit handlers.")]),
        entry("exist", "2026-02-23", "Why do async with blocks exist?", vec![paragraph("For cleanup.")]),
        entry("typo", "2026-02-22", "Can a retriever recieve batches?", vec![paragraph("Yes.")]),
    ];
    let receive = |i: usize| entry(&format!("r{i}"), "2026-02-21", "How do sockets receive data?", vec![]);
    entries.extend((0..12).map(receive));
    let index = Index::new(&entries);
    assert_eq!(ids(&entries, &search(&index, "exits ")), ["exits"], "not `exist`, which is as rare");
    let found = ids(&entries, &search(&index, "recieve "));
    assert_eq!(found.len(), 13, "`receive` is far more common than the misspelling: {found:?}");
}

#[test]
fn a_word_typed_for_its_meaning_is_not_a_misspelt_stop_word() {
    let entries = vec![
        entry("blink", "2026-02-24", "Why does the cursor blink?", vec![paragraph("The terminal toggles it.")]),
        entry("caret", "2026-02-23", "How wide is the caret?", vec![paragraph("One pixel.")]),
    ];
    let index = Index::new(&entries);
    let results = search(&index, "cursor dots ");
    assert_eq!(results.complete, 0, "`dots` is not `does` misspelt");
    assert_eq!(ids(&entries, &results), ["blink"]);
    assert_eq!(results.hits[0].missing, ["dots"]);
}

#[test]
fn a_possessive_the_collection_never_writes_finds_its_owner() {
    let entries = vec![
        entry("go", "2026-02-24", "When does Go run a deferred call?", vec![paragraph("At function return.")]),
        entry("defer", "2026-02-23", "Is a deferred call slow?", vec![paragraph("Not any more.")]),
        entry("npm", "2026-02-22", "Where does npm keep its cache?", vec![paragraph("In the home folder.")]),
        entry("gil", "2026-02-21", "Is Python's GIL going away?", vec![paragraph("Slowly.")]),
        entry("python", "2026-02-20", "Does Python have a GIL?", vec![paragraph("CPython does.")]),
    ];
    // The stemmer keeps the `s` of `gos` and `npms`: only the possessive finds the owner.
    assert_eq!(complete(&entries, "go's deferred call "), ["go"]);
    assert_eq!(complete(&entries, "npm's cache "), ["npm"]);
    assert_eq!(complete(&entries, "python's gil "), ["gil"], "a possessive the collection writes is taken as typed");
}

#[test]
fn a_punctuated_word_found_nowhere_is_searched_as_its_words_beside_the_others() {
    let entries = vec![
        entry(
            "ufw",
            "2026-02-24",
            "How do I allow a port through ufw?",
            vec![code("ufw allow proto udp to any port 53")],
        ),
        entry("dns", "2026-02-23", "Why does DNS use UDP?", vec![paragraph("It is cheaper than a handshake.")]),
    ];
    let index = Index::new(&entries);
    let results = search(&index, "53/udp ufw");
    assert_eq!(ids(&entries, &results)[0], "ufw", "`53/udp` as `53` and `udp`");
    assert_eq!(results.complete, 1);
    assert_eq!(search(&index, "\"53/udp\" ufw").complete, 0, "a quoted phrase stays strict");
}

#[test]
fn two_words_a_programmer_abbreviates_find_the_abbreviation_or_the_name_they_stand_for() {
    let entries = vec![
        entry("gc", "2026-02-24", "Why does the GC pause the JVM?", vec![paragraph("It stops the world to mark.")]),
        entry("syscall", "2026-02-23", "How expensive is a syscall on Linux?", vec![paragraph("About 100 ns.")]),
        entry("pause", "2026-02-22", "How do I pause a video?", vec![paragraph("Press k.")]),
        entry("sigint", "2026-02-21", "Does a daemon get SIGINT?", vec![paragraph("Not without a terminal.")]),
    ];
    assert_eq!(complete(&entries, "garbage collection pause "), ["gc"]);
    assert_eq!(complete(&entries, "garbage collector pauses "), ["gc"]);
    assert_eq!(complete(&entries, "system call linux "), ["syscall"]);
    assert_eq!(complete(&entries, "ctrl c daemon "), ["sigint"], "the key for the signal it sends");
}

#[test]
fn without_is_a_filler_word_like_with() {
    let entries = vec![
        entry("downtime", "2026-02-24", "How do I deploy with no downtime?", vec![paragraph("Blue-green.")]),
        entry("without", "2026-02-23", "Can I live without tests?", vec![paragraph("Briefly.")]),
    ];
    assert_eq!(complete(&entries, "deploy without downtime "), ["downtime"]);
}
