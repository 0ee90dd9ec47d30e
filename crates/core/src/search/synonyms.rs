//! Words that mean the same thing in a programmer's notes: a reader types `speed` where the
//! entry says `performance`, `cap` for `limit`, `js` for `javascript`.
//!
//! Each group holds common abbreviations and near-synonyms of one notion; a typed word in a
//! group, or in another form of one of its words (`deleted` for `delete`, `throttled` for
//! `throttle`), also matches the group's other words as the collection writes them, below the
//! word itself. Two typed words the group writes as one (`pull request`) match it too. Kept small and general on purpose: it is about how people phrase things,
//! not about any one collection.

use std::sync::OnceLock;

use super::stem::English;

/// Groups of words taken for one another, folded. A word belongs to one group at most.
const GROUPS: &[&[&str]] = &[
    &["speed", "fast", "faster", "fastest", "quick", "slow", "slower", "performance", "perf", "speedup", "speedups"],
    &["limit", "cap", "throttle", "bound", "maximum", "restrict"],
    &["parallel", "concurrent", "concurrency", "parallelism", "simultaneous"],
    &["auto", "automatic", "automatically", "automate", "automation"],
    &["delete", "remove", "erase", "del"],
    &["error", "exception", "failure"],
    &["stop", "kill", "terminate", "abort", "interrupt"],
    &["launch", "spawn"],
    &["config", "configuration", "settings"],
    &["repo", "repository"],
    &["dir", "directory", "folder"],
    &["doc", "docs", "documentation"],
    &["js", "javascript"],
    &["go", "golang"],
    &["monorepo", "monorepos", "workspace", "workspaces"],
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
    &["pr", "prs", "pullrequest", "pullrequests", "mr", "mergerequest"],
    &["mem", "memory", "ram"],
    &["gc", "garbagecollection", "garbagecollector"],
    &["syscall", "syscalls", "systemcall"],
    &["sigint", "ctrlc"],
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

/// The other words of the group that `word` belongs to or, failing that, a word of which has
/// the English stem `stem` (that of `word`).
pub(crate) fn of<'a>(word: &'a str, stem: Option<&'a str>) -> impl Iterator<Item = &'static str> + 'a {
    let group = group_of(word).or_else(|| stem.and_then(group_by_stem));
    group.into_iter().flat_map(|g| g.iter().copied()).filter(move |&w| w != word)
}

fn group_of(word: &str) -> Option<&'static [&'static str]> {
    GROUPS.iter().copied().find(|group| group.contains(&word))
}

/// The group one of whose words has the stem `stem`. The groups' stems are worked out once,
/// on first use (a few hundred words).
fn group_by_stem(stem: &str) -> Option<&'static [&'static str]> {
    static STEMS: OnceLock<Vec<(String, usize)>> = OnceLock::new();
    let stems = STEMS.get_or_init(|| {
        let english = English::default();
        let stems = GROUPS.iter().enumerate().flat_map(|(g, group)| group.iter().map(move |w| (g, *w)));
        stems.filter_map(|(g, w)| Some((english.stem(w)?, g))).collect()
    });
    stems.iter().find(|(s, _)| s == stem).map(|&(_, g)| GROUPS[g])
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
        assert!(of("deleted", Some("delet")).any(|w| w == "del"), "another form of a group's word");
        assert!(of("garbagecollected", Some("garbagecollect")).any(|w| w == "gc"), "two words joined, in another form");
    }
}
