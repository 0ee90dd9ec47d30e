//! Bad content gets one clear error naming the file and line, and the command writes nothing.

use std::fs;
use std::path::Path;
use std::process::Command;

const GOOD: &str = "## What is a test?\n\nA check.\n";

/// Builds a content directory holding `files` and returns the error messages.
fn errors_for(files: &[(&str, &[u8])]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    match learnings_bundle::build(dir.path(), &learnings_core::SiteInfo::default()) {
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

/// Builds one day whose second entry's answer is `markdown` (line 5 on) and returns the errors.
fn errors_in_answer(files: &[(&str, &[u8])], markdown: &str) -> Vec<String> {
    let file = format!("## Q?\n\nA.\n\n{markdown}");
    let mut all: Vec<(&str, &[u8])> = vec![("2026-02-24.md", file.as_bytes())];
    all.extend_from_slice(files);
    errors_for(&all)
}

fn assert_answer_error(files: &[(&str, &[u8])], markdown: &str, line: usize, phrase: &str) {
    let errors = errors_in_answer(files, markdown);
    let place = format!("2026-02-24.md:{line}:");
    assert!(
        errors.iter().any(|e| e.contains(&place) && e.contains(phrase)),
        "`{markdown}`: expected an error at line {line} saying `{phrase}`, got {errors:?}"
    );
    assert!(errors.iter().all(|e| !e.contains("Some(") && !e.contains("None)")), "no debug names: {errors:?}");
}

/// Each construct the site cannot show is refused by its name, at its line, in plain words.
#[test]
fn unsupported_constructs_are_refused_by_name() {
    assert_answer_error(&[], "***\n", 5, "horizontal rules");
    assert_answer_error(&[], "- item\n\n  ### Inside\n", 7, "sub-heading cannot be inside a list");
    assert_answer_error(&[], "> ### Quoted heading\n", 5, "sub-heading cannot be inside");
}

#[test]
fn broken_formulas_are_refused_with_their_line() {
    assert_answer_error(&[], "Broken $x^$ formula.\n", 5, "the formula `x^` does not parse");
    assert_answer_error(&[], "$$\\unknowncommand$$\n", 5, "does not parse");
    assert_answer_error(&[], "Red $\\color{red}{x}$.\n", 5, "colours");
}

#[test]
fn footnotes_must_be_cited_once_and_defined_in_their_entry() {
    assert_answer_error(&[], "A[^a] and again[^a].\n\n[^a]: Note.\n", 5, "cited twice");
    assert_answer_error(&[], "Unused.\n\n[^a]: Note.\n", 7, "never cited");
    let elsewhere = "A[^a].\n\n## Other?\n\nB.\n\n[^a]: Note.\n";
    assert_answer_error(&[], elsewhere, 5, "no `[^a]: ...` definition in this entry");
}

#[test]
fn images_need_alt_text_a_file_and_a_local_path() {
    let png: &[u8] = include_bytes!("fixtures/constructs/media/bars.png");
    let media = [("media/x.png", png)];
    assert_answer_error(&media, "![](media/x.png)\n", 5, "has no alt text");
    assert_answer_error(
        &media,
        "Text.\n\n![A chart](media/missing.png)\n",
        7,
        "image `media/missing.png` cannot be read",
    );
    assert_answer_error(&media, "![A chart](https://example.org/x.png)\n", 5, "remote image");
    assert_answer_error(&media, "![A chart](../x.png)\n", 5, "stay inside its folder");
    assert_answer_error(&media, "![A chart](media/x.svg)\n", 5, "must be one of");
    let not_an_image: &[u8] = b"plain text";
    assert_answer_error(&[("media/y.png", not_an_image)], "![A chart](media/y.png)\n", 5, "size can be read");
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
    assert!(json.contains("\"schema_version\":3") && json.contains("what-is-a-test"));
    assert!(out.path().join("feed.xml").exists());
}

fn run(content: &Path, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_learnings-bundle")).arg(content).arg("-o").arg(out).output().unwrap()
}
