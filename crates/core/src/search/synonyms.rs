//! Words that mean the same thing in a programmer's notes: a reader types `speed` where the
//! entry says `performance`, `cap` for `limit`, `js` for `javascript`.
//!
//! Each group holds common abbreviations and near-synonyms of one notion; a typed word (or its
//! stem) in a group also matches the group's other words as the collection writes them, below
//! the word itself. Kept small and general on purpose: it is about how people phrase things,
//! not about any one collection.

/// Groups of words taken for one another, folded. A word belongs to one group at most.
const GROUPS: &[&[&str]] = &[
    &["speed", "fast", "faster", "fastest", "quick", "slow", "slower", "performance", "perf"],
    &["limit", "cap", "throttle", "bound", "maximum", "restrict"],
    &["parallel", "concurrent", "concurrency", "parallelism", "simultaneous"],
    &["auto", "automatic", "automatically", "automate", "automation"],
    &["delete", "remove", "erase"],
    &["error", "exception", "failure"],
    &["stop", "kill", "terminate", "abort", "interrupt"],
    &["launch", "spawn"],
    &["config", "configuration", "settings"],
    &["repo", "repository"],
    &["dir", "directory", "folder"],
    &["doc", "docs", "documentation"],
    &["js", "javascript"],
    &["ts", "typescript"],
    &["py", "python"],
    &["k8s", "kubernetes"],
    &["db", "database"],
    &["env", "environment"],
    &["arg", "args", "argument", "param", "params", "parameter"],
    &["func", "function", "fn"],
    &["var", "variable"],
    &["len", "length", "size"],
    &["str", "string"],
    &["dict", "dictionary", "hashmap"],
    &["array", "list"],
    &["async", "asynchronous"],
    &["sync", "synchronous"],
    &["auth", "authentication"],
    &["msg", "message"],
    &["pkg", "package"],
    &["lib", "library"],
    &["app", "application"],
    &["deps", "dependency", "dependencies"],
    &["info", "information"],
    &["img", "image"],
    &["dedup", "dedupe", "deduplicate", "deduplication", "duplicate"],
    &["typo", "misspelling"],
    &["pr", "prs"],
    &["mem", "memory", "ram"],
    &["cpu", "processor"],
    &["llm", "llms"],
    &["ui", "interface"],
    &["cli", "command", "terminal"],
    &["url", "link"],
    &["regex", "regexp"],
    &["tz", "timezone"],
    &["prod", "production"],
    &["dev", "development"],
    &["test", "tests", "testing", "spec"],
];

/// The other words of the group that `word` or, failing that, `stem` belongs to.
pub(crate) fn of<'a>(word: &'a str, stem: Option<&'a str>) -> impl Iterator<Item = &'static str> + 'a {
    let group = group_of(word).or_else(|| stem.and_then(group_of));
    group.into_iter().flat_map(|g| g.iter().copied()).filter(move |&w| w != word)
}

fn group_of(word: &str) -> Option<&'static [&'static str]> {
    GROUPS.iter().copied().find(|group| group.contains(&word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_disjoint_and_folded() {
        let mut all: Vec<&str> = GROUPS.iter().flat_map(|g| g.iter().copied()).collect();
        assert!(all.iter().all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())));
        all.sort_unstable();
        let before = all.len();
        all.dedup();
        assert_eq!(all.len(), before, "a word belongs to one group at most");
    }

    #[test]
    fn a_word_or_its_stem_finds_its_group() {
        assert!(of("speed", None).any(|w| w == "performance"));
        assert!(of("capping", Some("cap")).any(|w| w == "limit"));
        assert!(of("speed", None).all(|w| w != "speed"), "not the word itself");
        assert_eq!(of("banana", Some("banana")).count(), 0);
    }
}
