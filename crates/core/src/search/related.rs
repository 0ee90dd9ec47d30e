//! Related entries: the entries that share an entry's rarest words, for the "Related" links
//! under an opened entry. Worked out from the index when an entry is opened, so it costs
//! nothing until then and always agrees with the bundle that was loaded.
//!
//! An entry's terms are its distinct words in the question, answer and code (sources are
//! left out: two entries citing the same documentation site are not thereby related),
//! without punctuation, single characters, numbers, stop words, words no other entry has
//! and words too common to say anything. The rarest [`MAX_TERMS`] of them, by rarity (idf)
//! with question words counting [`QUESTION_BOOST`] times, score every entry that has them by
//! the sum of their weights; the best scores win, ties going to the newer day, then to
//! collection order, so the same bundle always gives the same links.

use super::index::{Index, SEPARATOR};
use super::order::sort_by_u64_key;
use super::score::{idf, ANSWER, CODE, QUESTION};
use super::stopwords::is_stop_word;
use super::vocab::to_u32;

/// How many of an entry's terms are looked up: its rarest ones say what it is about, and
/// the postings of twenty uncommon words stay short at any collection size.
const MAX_TERMS: usize = 20;
/// Words in more than a fifth of the entries are too common to relate two of them. A tenth
/// left out the words of a topic a small collection keeps returning to (`httpx`, `stream`
/// in the real content), and the links fell back on words like `difference`.
const COMMON_SHARE: usize = 5;
/// A word of the question says what the entry is about more than one of its answer.
const QUESTION_BOOST: f32 = 2.0;

impl Index {
    /// Up to `limit` other entries related to `entry` (a position in the slice given to
    /// [`Index::new`]), most related first, as positions in that slice. Empty for an entry
    /// that shares no uncommon word with any other, or a position out of range.
    pub fn related(&self, entry: usize, limit: usize) -> Vec<usize> {
        let n = self.entry_count();
        if entry >= n || limit == 0 {
            return Vec::new();
        }
        let entry = to_u32(entry);
        let mut scores = vec![0f32; n];
        for (id, weight) in self.rare_terms(entry) {
            for posting in self.postings(id) {
                scores[posting.entry() as usize] += weight;
            }
        }
        scores[entry as usize] = 0.0;
        // Newest day first, collection order within a day, then a stable sort by score: the
        // tie-break of every ranking here.
        let mut related: Vec<u32> = self.order.iter().copied().filter(|&e| scores[e as usize] > 0.0).collect();
        // For positive floats the bit patterns order like the values, so inverting them
        // sorts the highest score first.
        sort_by_u64_key(&mut related, |&e| u64::from(!scores[e as usize].to_bits()));
        related.into_iter().take(limit).map(|e| e as usize).collect()
    }

    /// The entry's [`MAX_TERMS`] rarest terms (see the module documentation) with their
    /// weights, heaviest first, ties in vocabulary order.
    fn rare_terms(&self, entry: u32) -> Vec<(u32, f32)> {
        let n = self.entry_count();
        let max_df = (n / COMMON_SHARE).max(2);
        // (token, in the question), question tokens first so that dedup keeps that flag.
        let mut tokens: Vec<(u32, bool)> = [QUESTION, ANSWER, CODE]
            .into_iter()
            .flat_map(|field| self.field(entry, field).iter().map(move |&id| (id, field == QUESTION)))
            .filter(|&(id, _)| id != SEPARATOR)
            .collect();
        sort_by_u64_key(&mut tokens, |&(id, _)| u64::from(id));
        tokens.dedup_by_key(|&mut (id, _)| id);
        let mut terms: Vec<(u32, f32)> = tokens
            .into_iter()
            .filter(|&(id, _)| (2..=max_df).contains(&self.df(id)) && self.is_meaningful(id))
            .map(|(id, in_question)| {
                let weight = idf(self.df(id), n) * if in_question { QUESTION_BOOST } else { 1.0 };
                (id, weight)
            })
            .collect();
        sort_by_u64_key(&mut terms, |&(_, weight)| u64::from(!weight.to_bits()));
        terms.truncate(MAX_TERMS);
        terms
    }

    /// Whether token `id` can say what an entry is about: not punctuation, a single
    /// character (also each character of Chinese or Japanese text), a number or a stop word.
    fn is_meaningful(&self, id: u32) -> bool {
        let word = self.vocab.word(id);
        !self.vocab.is_punct(id)
            && self.vocab.char_len(id) > 1
            && !word.chars().all(|c| c.is_ascii_digit())
            && !is_stop_word(word)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Entry;
    use crate::search::test_support::{entries, entry};
    use crate::search::Index;

    /// The test's entries, then sixty on words of their own (`filler0 … filler59`), so that
    /// the test's words are uncommon enough to relate entries (in at most 12 of them).
    fn with_filler(pairs: &[(&str, &str)]) -> Vec<Entry> {
        let filler: Vec<(String, String)> =
            (0..60).map(|i| (format!("What is filler{i}?"), format!("Nothing but filler{i}."))).collect();
        let mut all: Vec<(&str, &str)> = pairs.to_vec();
        all.extend(filler.iter().map(|(q, a)| (q.as_str(), a.as_str())));
        entries(&all)
    }

    #[test]
    fn entries_sharing_rare_words_are_related_best_first() {
        let collection = with_filler(&[
            ("How do you tune a bktree for dedup?", "Pick the levenshtein radius with care."),
            ("Why is a bktree fast?", "The levenshtein triangle inequality prunes subtrees."),
            ("What does levenshtein distance count?", "Edits between two strings."),
            ("How do you bake bread?", "Knead the dough and wait."),
        ]);
        let index = Index::new(&collection);
        assert_eq!(index.related(0, 3), [1, 2], "both words shared beats one");
        assert_eq!(index.related(3, 3), Vec::<usize>::new(), "nothing in common, nothing related");
    }

    #[test]
    fn never_itself_and_at_most_limit() {
        let shared = "A quaternion rotates vectors.";
        let collection = with_filler(&[
            ("Quaternions one?", shared),
            ("Quaternions two?", shared),
            ("Quaternions three?", shared),
            ("Quaternions four?", shared),
            ("Quaternions five?", shared),
        ]);
        let index = Index::new(&collection);
        for e in 0..5 {
            let related = index.related(e, 3);
            assert_eq!(related.len(), 3);
            assert!(!related.contains(&e), "{e} is related to itself: {related:?}");
        }
        assert_eq!(index.related(0, 0), Vec::<usize>::new());
        assert_eq!(index.related(collection.len(), 3), Vec::<usize>::new(), "out of range");
    }

    #[test]
    fn ties_go_to_the_newer_day_then_to_collection_order() {
        let mut collection = vec![
            entry("a", "2026-01-01", "How does the xylophone sound?", "Bright."),
            entry("b", "2026-01-01", "Who tunes a xylophone?", "A tuner."),
            entry("c", "2026-01-02", "Where is the xylophone kept?", "In a case."),
            entry("d", "2026-01-01", "Why buy a xylophone?", "For fun."),
        ];
        collection.extend(with_filler(&[]));
        let index = Index::new(&collection);
        assert_eq!(index.related(0, 3), [2, 1, 3]);
        assert_eq!(index.related(0, 3), index.related(0, 3), "the same every time");
    }

    #[test]
    fn common_short_and_stop_words_relate_nothing() {
        // `x` and `42` are in two entries only, but say nothing; `the` is a stop word.
        let collection = with_filler(&[("What is the x in 42?", "The x."), ("Where is the x of 42?", "The x again.")]);
        let index = Index::new(&collection);
        assert_eq!(index.related(0, 3), Vec::<usize>::new());
        // A word in every entry is too common.
        let common: Vec<(String, String)> =
            (0..20).map(|i| (format!("Why is common word{i}?"), format!("Because word{i}."))).collect();
        let pairs: Vec<(&str, &str)> = common.iter().map(|(q, a)| (q.as_str(), a.as_str())).collect();
        assert_eq!(Index::new(&entries(&pairs)).related(0, 3), Vec::<usize>::new());
    }
}
