//! `cargo xtask new "How do you …?"`: adds an entry's skeleton (its question, a placeholder
//! answer, a `Sources:` list) to today's day file in the content folder `learnings.toml` names,
//! creating the file with its front matter when it is the day's first entry.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use learnings_bundle::config::{self, CONFIG_FILE};
use learnings_bundle::slug::slug;
use learnings_core::date::iso_day_from_unix_days;

/// Adds the entry for `question` to today's (UTC) day file of the site at `root`.
pub fn run(root: &Path, question: &str) -> Result<(), String> {
    let config = config::load(&root.join(CONFIG_FILE)).map_err(|e| e.to_string())?;
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map_err(|e| format!("the clock is wrong: {e}"))?;
    let today = iso_day_from_unix_days((seconds.as_secs() / 86_400) as i64);
    let file = add_entry(&config.content, &today, question)?;
    println!("xtask: added \"{}\" to {}: write its answer and sources there", question.trim(), file.display());
    Ok(())
}

/// Appends the skeleton of an entry asking `question` to `content/<day>.md` and returns that
/// file. Refuses a question that does not end in `?` or whose id an entry already has.
pub fn add_entry(content: &Path, day: &str, question: &str) -> Result<PathBuf, String> {
    let question = question.trim();
    if question.contains('\n') || !question.ends_with('?') {
        return Err(format!("the question must be one line ending in `?`: \"{question}\""));
    }
    let id = slug(question);
    if id.is_empty() {
        return Err(format!("the question has no letters or digits to make an id from: \"{question}\""));
    }
    if let Some((file, line)) = find_id(content, &id)? {
        return Err(format!(
            "{}:{line}: an entry with the id `{id}` is already there; reword the question",
            file.display()
        ));
    }
    let file = content.join(format!("{day}.md"));
    let mut text = match fs::read_to_string(&file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => format!("---\ndate: {day}\n---\n"),
        Err(e) => return Err(format!("{}: cannot read: {e}", file.display())),
    };
    let kept = text.trim_end().len();
    text.truncate(kept);
    text.push_str(&format!("\n\n## {question}\n\n{PLACEHOLDER}\n\nSources:\n\n- <https://example.org/replace-me>\n"));
    fs::create_dir_all(content).map_err(|e| format!("{}: cannot create: {e}", content.display()))?;
    fs::write(&file, text).map_err(|e| format!("{}: cannot write: {e}", file.display()))?;
    Ok(file)
}

/// The answer line of a new entry, for its author to replace.
const PLACEHOLDER: &str = "Answer in a few sentences: Markdown, with code in fenced blocks tagged with their language.";

/// The day file and line of the question whose id is `id`, if any: every `## ` heading outside
/// fenced code in the content folder's day files.
fn find_id(content: &Path, id: &str) -> Result<Option<(PathBuf, usize)>, String> {
    let Ok(read) = fs::read_dir(content) else { return Ok(None) };
    let mut files: Vec<PathBuf> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "md"));
    files.sort();
    for file in files {
        let text = fs::read_to_string(&file).map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
        let mut fence: Option<&str> = None;
        for (i, line) in text.lines().enumerate() {
            let trimmed = line.trim_start();
            match fence {
                Some(mark) if trimmed.starts_with(mark) => fence = None,
                Some(_) => {}
                None if trimmed.starts_with("```") => fence = Some("```"),
                None if trimmed.starts_with("~~~") => fence = Some("~~~"),
                None => {
                    if line.strip_prefix("## ").is_some_and(|q| slug(q) == id) {
                        return Ok(Some((file, i + 1)));
                    }
                }
            }
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_entry_of_a_day_creates_its_file_and_the_next_one_appends() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let content = dir.path().join("content");
        let file = add_entry(&content, "2026-03-01", " How do you undo a commit? ").expect("the first entry");
        assert_eq!(file, content.join("2026-03-01.md"));
        add_entry(&content, "2026-03-01", "Why is `git reflog` useful?").expect("a second entry");
        let text = fs::read_to_string(&file).expect("the day file");
        let expected = format!(
            "---\ndate: 2026-03-01\n---\n\n## How do you undo a commit?\n\n{PLACEHOLDER}\n\nSources:\n\n\
             - <https://example.org/replace-me>\n\n## Why is `git reflog` useful?\n\n{PLACEHOLDER}\n\nSources:\n\n\
             - <https://example.org/replace-me>\n"
        );
        assert_eq!(text, expected);
    }

    #[test]
    fn the_skeleton_builds_as_an_entry() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        add_entry(dir.path(), "2026-03-01", "How do you undo a commit?").expect("an entry");
        let built = learnings_bundle::build(dir.path(), &Default::default()).map_err(|e| format!("{e:?}"));
        let bundle = built.expect("the skeleton builds").bundle;
        assert_eq!(bundle.entries[0].id, "how-do-you-undo-a-commit");
        assert_eq!(bundle.entries[0].sources[0].url, "https://example.org/replace-me");
    }

    #[test]
    fn a_question_without_a_question_mark_or_with_a_taken_id_is_refused() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let old = "---\ndate: 2026-02-24\n---\n\n## How do you undo a commit?\n\nLike this:\n\n\
                   ```bash\n## Why not a heading?\ngit reset HEAD~1\n```\n";
        fs::write(dir.path().join("2026-02-24.md"), old).expect("a day file");
        let error = add_entry(dir.path(), "2026-03-01", "How do you undo a commit").expect_err("no `?`");
        assert!(error.contains("ending in `?`"), "{error}");
        let error = add_entry(dir.path(), "2026-03-01", "How do you *undo* a commit?").expect_err("a taken id");
        assert!(error.contains("2026-02-24.md:5: an entry with the id `how-do-you-undo-a-commit`"), "{error}");
        let file = add_entry(dir.path(), "2026-03-01", "Why not a heading?").expect("a line in code is no question");
        assert!(fs::read_to_string(file).expect("the new day file").contains("\n## Why not a heading?\n"));
    }
}
