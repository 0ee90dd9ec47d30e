//! Fuzzy subsequence matching of questions, for what people type when they half remember
//! an identifier: `bktree` finds "BK-tree", `asyncctxmgr` finds "asynccontextmanager".
//!
//! A question is cut into groups (runs of characters between spaces, trimmed of punctuation
//! at both ends except `_`); the distinct groups of all questions form a small vocabulary
//! that is matched with fuzzy-matcher's SkimMatcherV2. The text is folded first (the matcher
//! folds ASCII case only), and a character mask rules out groups lacking any typed letter.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use super::intern::Interner;
use super::normalize::fold;
use super::tokenize::{for_each_chunk, is_separator};
use super::vocab::{char_mask, to_u32};

/// Shortest typed word (in characters) matched fuzzily: shorter ones are subsequences of
/// nearly everything, and a short English word is more often inside another word than an
/// abbreviation (`turn` in `return`, `port` in `support`).
pub(crate) const MIN_CHARS: usize = 5;

/// Minimum match quality: the matcher's score relative to the pattern matching itself.
/// Below it a match is a scattered coincidence (`sed` in "s-ome ... d-ay") rather than an
/// abbreviation.
pub(crate) const MIN_QUALITY: f32 = 0.4;

/// The matcher set up for folded text (case already removed).
pub(crate) fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().ignore_case().element_limit(64 * 1024)
}

/// How well `pattern` matches `group` as a subsequence, from [`MIN_QUALITY`] to 1 (or
/// `None`), with the matched character positions of `group` when `positions` is set.
pub(crate) fn quality(
    matcher: &SkimMatcherV2,
    group: &str,
    pattern: &str,
    positions: bool,
) -> Option<(f32, Vec<usize>)> {
    let perfect = matcher.fuzzy_match(pattern, pattern)?.max(1) as f32;
    let (score, indices) = if positions {
        matcher.fuzzy_indices(group, pattern)?
    } else {
        (matcher.fuzzy_match(group, pattern)?, Vec::new())
    };
    let q = (score as f32 / perfect).min(1.0);
    (q >= MIN_QUALITY).then_some((q, indices))
}

/// Calls `visit` with every group of the folded `text` and the index, in characters, of its
/// first character.
pub(crate) fn for_each_group(folded: &str, visit: &mut impl FnMut(&str, usize)) {
    if folded.is_ascii() {
        // Bytes are characters: no decoding, no counting.
        let keep = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
        for_each_chunk(folded, &mut |start, run| {
            let bytes = run.as_bytes();
            if let (Some(first), Some(last)) = (bytes.iter().position(keep), bytes.iter().rposition(keep)) {
                visit(&run[first..=last], start + first);
            }
        });
        return;
    }
    let mut chars = 0;
    for run in folded.split(is_separator) {
        let len = run.chars().count();
        let keep = |c: char| c.is_alphanumeric() || c == '_';
        let trimmed_start = run.trim_start_matches(|c| !keep(c));
        let group = trimmed_start.trim_end_matches(|c| !keep(c));
        if !group.is_empty() {
            let skipped = run[..run.len() - trimmed_start.len()].chars().count();
            visit(group, chars + skipped);
        }
        chars += len + 1;
    }
}

/// The distinct groups of all questions and the entries whose question has each.
#[derive(Debug, Default)]
pub(crate) struct QuestionGroups {
    text: String,
    starts: Vec<u32>,
    masks: Vec<u64>,
    post_starts: Vec<u32>,
    entries: Vec<u32>,
}

impl QuestionGroups {
    /// Collects the groups of `questions` (entry `i` has question `i`).
    pub(crate) fn build<'a>(questions: impl Iterator<Item = &'a str>) -> QuestionGroups {
        let mut interner = Interner::default();
        let mut groups = QuestionGroups::default();
        let (mut per_entry, mut entry_starts) = (Vec::new(), vec![0u32]);
        let mut folded = String::new();
        for question in questions {
            let first = per_entry.len();
            folded.clear();
            if question.is_ascii() {
                folded.push_str(question);
                folded.make_ascii_lowercase();
            } else {
                folded.push_str(&fold(question));
            }
            for_each_group(&folded, &mut |group, _| {
                let id = interner.intern(group);
                if id as usize == groups.masks.len() {
                    groups.starts.push(to_u32(groups.text.len()));
                    groups.text.push_str(group);
                    groups.masks.push(char_mask(group));
                }
                if !per_entry[first..].contains(&id) {
                    per_entry.push(id);
                }
            });
            entry_starts.push(to_u32(per_entry.len()));
        }
        groups.starts.push(to_u32(groups.text.len()));
        let mut counts = vec![0u32; groups.masks.len() + 1];
        for &id in &per_entry {
            counts[id as usize + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        groups.post_starts = counts.clone();
        groups.entries = vec![0; per_entry.len()];
        for (entry, bounds) in entry_starts.windows(2).enumerate() {
            for &id in &per_entry[bounds[0] as usize..bounds[1] as usize] {
                let slot = &mut counts[id as usize];
                groups.entries[*slot as usize] = to_u32(entry);
                *slot += 1;
            }
        }
        groups
    }

    /// The groups that `pattern` (folded) matches, with their quality.
    pub(crate) fn matching(&self, matcher: &SkimMatcherV2, pattern: &str) -> Vec<(u32, f32)> {
        let mask = char_mask(pattern);
        let mut out = Vec::new();
        for (id, &group_mask) in self.masks.iter().enumerate() {
            if mask & !group_mask != 0 {
                continue;
            }
            let id = to_u32(id);
            if let Some((q, _)) = quality(matcher, self.group(id), pattern, false) {
                out.push((id, q));
            }
        }
        out
    }

    /// The text of group `id`.
    pub(crate) fn group(&self, id: u32) -> &str {
        &self.text[self.starts[id as usize] as usize..self.starts[id as usize + 1] as usize]
    }

    /// The entries whose question has group `id`, ascending.
    pub(crate) fn entries(&self, id: u32) -> &[u32] {
        &self.entries[self.post_starts[id as usize] as usize..self.post_starts[id as usize + 1] as usize]
    }

    /// Bytes of heap memory held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + 8 * self.masks.capacity()
            + 4 * (self.starts.capacity() + self.post_starts.capacity() + self.entries.capacity())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group_list(text: &str) -> Vec<(String, usize)> {
        let mut out = vec![];
        for_each_group(&fold(text), &mut |g, at| out.push((g.to_string(), at)));
        out
    }

    #[test]
    fn groups_are_space_separated_runs_trimmed_of_punctuation() {
        assert_eq!(
            group_list("Is a BK-tree (really) __fast__?"),
            [("is".into(), 0), ("a".into(), 3), ("bk-tree".into(), 5), ("really".into(), 14), ("__fast__".into(), 22)]
        );
    }

    #[test]
    fn abbreviations_match_and_scattered_letters_do_not() {
        let m = matcher();
        assert!(quality(&m, "bk-tree", "bktree", false).is_some());
        assert!(quality(&m, "asynccontextmanager", "asyncctxmgr", false).is_some());
        assert!(quality(&m, "tree", "bktree", false).is_none());
    }

    #[test]
    fn finds_the_entries_of_matching_groups() {
        let questions = ["Is a BK-tree the only option?", "What is a B-tree?", "Why is BK-tree search fast?"];
        let groups = QuestionGroups::build(questions.iter().copied());
        let m = matcher();
        let mut entries: Vec<u32> =
            groups.matching(&m, "bktree").iter().flat_map(|&(g, _)| groups.entries(g).to_vec()).collect();
        entries.sort();
        assert_eq!(entries, [0, 2]);
    }
}
