//! Bad content gets one clear error naming the file and line, and the command writes nothing.

use std::fs;
use std::path::Path;
use std::process::Command;

const GOOD: &str = "## What is a test?\n\nA check.\n";

/// Builds a content directory holding `files` and returns the error messages.
fn errors_for(files: &[(&str, &[u8])]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    match learnings_bundle::build(dir.path(), None) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

fn assert_error(files: &[(&str, &[u8])], place: &str, phrase: &str) {
    let errors = errors_for(files);
    assert!(
        errors.iter().any(|e| e.contains(place) && e.contains(phrase)),
        "expected an error at `{place}` saying `{phrase}`, got {errors:?}"
    );
}

#[test]
fn a_valid_file_builds() {
    assert!(errors_for(&[("2026-02-24.md", GOOD.as_bytes())]).is_empty());
}

#[test]
fn file_name_must_be_a_real_date() {
    assert_error(&[("2026-02-30.md", GOOD.as_bytes())], "2026-02-30.md", "real date");
    assert_error(&[("notes.md", GOOD.as_bytes())], "notes.md", "YYYY-MM-DD.md");
}

#[test]
fn front_matter_date_must_be_valid_and_match() {
    let bad = "---\ndate: 2026-13-01\n---\n\n## Q?\n\nA.\n";
    assert_error(&[("2026-02-24.md", bad.as_bytes())], "2026-02-24.md:2", "not a real date");
    let other = "---\ndate: 2026-02-23\n---\n\n## Q?\n\nA.\n";
    assert_error(&[("2026-02-24.md", other.as_bytes())], "2026-02-24.md:2", "differs from the file name");
    let open = "---\ndate: 2026-02-24\n";
    assert_error(&[("2026-02-24.md", open.as_bytes())], "2026-02-24.md:1", "never closed");
}

#[test]
fn headings_must_be_question_entries() {
    let h1 = "# Notes\n\n## Q?\n\nA.\n";
    assert_error(&[("2026-02-24.md", h1.as_bytes())], "2026-02-24.md:1", "`## Question?` at level 2");
    let statement = "## Q?\n\nA.\n\n## Not a question\n\nB.\n";
    assert_error(&[("2026-02-24.md", statement.as_bytes())], "2026-02-24.md:5", "must end with `?`");
    let preamble = "Some text.\n\n## Q?\n\nA.\n";
    assert_error(&[("2026-02-24.md", preamble.as_bytes())], "2026-02-24.md:1", "before the first entry");
}

#[test]
fn answers_must_not_be_empty() {
    let empty = "## First?\n\n## Second?\n\nA.\n";
    assert_error(&[("2026-02-24.md", empty.as_bytes())], "2026-02-24.md:1", "empty answer");
    let only_sources = "## First?\n\nSource: <https://example.org>\n";
    assert_error(&[("2026-02-24.md", only_sources.as_bytes())], "2026-02-24.md:1", "empty answer");
}

#[test]
fn ids_must_be_unique_across_files() {
    let a = "## What is a test?\n\nOne.\n";
    let b = "## What is a TEST?\n\nTwo.\n";
    assert_error(
        &[("2026-02-24.md", a.as_bytes()), ("2026-02-23.md", b.as_bytes())],
        "2026-02-23.md:1",
        "duplicate id `what-is-a-test`",
    );
}

#[test]
fn links_must_be_http() {
    let js = "## Q?\n\nSee [this](javascript:alert(1)).\n";
    assert_error(&[("2026-02-24.md", js.as_bytes())], "2026-02-24.md:3", "not an http(s) URL");
    let file = "## Q?\n\nA.\n\n- [x](file:///etc/passwd)\n";
    assert_error(&[("2026-02-24.md", file.as_bytes())], "2026-02-24.md:5", "not an http(s) URL");
}

#[test]
fn raw_html_is_rejected() {
    let inline = "## Q?\n\nHello <b>there</b>.\n";
    assert_error(&[("2026-02-24.md", inline.as_bytes())], "2026-02-24.md:3", "raw HTML");
    let block = "## Q?\n\nA.\n\n<script>alert(1)</script>\n";
    assert_error(&[("2026-02-24.md", block.as_bytes())], "2026-02-24.md:5", "raw HTML");
}

/// Each construct the site cannot show is refused by its name, at its line, in plain words.
#[test]
fn unsupported_constructs_are_refused_by_name() {
    let cases = [
        ("> quoted\n", "block quotes"),
        ("| a | b |\n|---|---|\n| 1 | 2 |\n", "tables are not supported"),
        ("A ~~struck~~ word.\n", "strikethrough"),
        ("- [ ] open\n- [x] done\n", "task list checkboxes"),
        ("A note[^n].\n\n[^n]: The note.\n", "footnotes"),
        ("![A diagram](media/x.png)\n", "images are not supported"),
        ("### A sub-heading\n", "sub-headings"),
        ("***\n", "horizontal rules"),
    ];
    for (markdown, phrase) in cases {
        let file = format!("## Q?\n\nA.\n\n{markdown}");
        let errors = errors_for(&[("2026-02-24.md", file.as_bytes())]);
        assert!(
            errors.iter().any(|e| e.contains("2026-02-24.md:5") && e.contains(phrase)),
            "`{markdown}`: expected an error at line 5 saying `{phrase}`, got {errors:?}"
        );
        assert!(errors.iter().all(|e| !e.contains('(') || e.contains("(`")), "no debug names: {errors:?}");
    }
}

#[test]
fn non_utf8_bytes_are_rejected_with_their_line() {
    let bytes = b"## Q?\n\nA caf\xe9.\n";
    assert_error(&[("2026-02-24.md", bytes)], "2026-02-24.md:3", "not valid UTF-8");
}

#[test]
fn unknown_code_languages_are_rejected() {
    let code = "## Q?\n\nA.\n\n```pyhton\nx = 1\n```\n";
    assert_error(&[("2026-02-24.md", code.as_bytes())], "2026-02-24.md:5", "unknown code language `pyhton`");
}

#[test]
fn the_command_leaves_existing_output_untouched_on_bad_input() {
    let content = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    fs::write(content.path().join("2026-02-24.md"), "## Q?\n\n<b>x</b>\n").unwrap();
    fs::write(out.path().join("learnings.json"), "old").unwrap();
    let status = run(content.path(), out.path());
    assert!(!status.status.success());
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert!(stderr.contains("2026-02-24.md:3") && stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(fs::read_to_string(out.path().join("learnings.json")).unwrap(), "old");
    assert!(!out.path().join("feed.xml").exists());
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 1, "no temporary files are left behind");
}

#[test]
fn the_command_writes_bundle_and_feed() {
    let content = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    fs::write(content.path().join("2026-02-24.md"), GOOD).unwrap();
    assert!(run(content.path(), out.path()).status.success());
    let json = fs::read_to_string(out.path().join("learnings.json")).unwrap();
    assert!(json.contains("\"schema_version\":2") && json.contains("what-is-a-test"));
    assert!(out.path().join("feed.xml").exists());
}

fn run(content: &Path, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_learnings-bundle")).arg(content).arg("-o").arg(out).output().unwrap()
}
