//! Typo tolerance: vocabulary words within a few edits of a typed word.
//!
//! Distance is optimal string alignment (Damerau-Levenshtein where an adjacent transposition
//! counts as one edit: `pyhton` is one edit from `python`). Candidates are taken from the
//! vocabulary's length buckets and ruled out by character masks before any distance is
//! computed, so a lookup stays well under a millisecond on a large vocabulary.

use super::order::{pair, sort_by_u64_key};
use super::vocab::{char_mask, Vocab};

/// Words longer than this (in characters) get no typo tolerance: nobody mistypes a pasted
/// identifier, and it bounds the work per term.
const MAX_TYPO_CHARS: usize = 32;

/// Edits tolerated for a typed word of `chars` characters: none below 4, one up to 7, two
/// from 8.
pub(crate) fn max_edits(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// How a vocabulary word matched a typed word with typos.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TypoMatch {
    pub id: u32,
    pub edits: u8,
    /// The typed word matched the start of the vocabulary word (it is still being typed).
    pub prefix: bool,
}

/// Shortest typed word (in characters) whose start is matched with typos while it is
/// being typed: shorter starts are within an edit of too much of the vocabulary.
const MIN_PREFIX_TYPO_CHARS: usize = 5;

/// Vocabulary words within `k` edits of `term` (the term itself excluded); with `prefix`,
/// also words whose start is within `k` edits (sharing the first character, as typos
/// rarely hit it; from [`MIN_PREFIX_TYPO_CHARS`] typed). Sorted by id.
pub(crate) fn candidates(vocab: &Vocab, term: &str, k: usize, prefix: bool) -> Vec<TypoMatch> {
    let typed: Vec<char> = term.chars().collect();
    let mut out = Vec::new();
    if k == 0 || typed.is_empty() || typed.len() > MAX_TYPO_CHARS {
        return out;
    }
    let term_mask = char_mask(term);
    let mut buf = Vec::new();
    let mut dp = Dp::default();
    for len in typed.len().saturating_sub(k).max(1)..=typed.len() + k {
        for &id in vocab.ids_of_len(len) {
            let mask = vocab.mask(id);
            if !at_most_bits(term_mask & !mask, k) || !at_most_bits(mask & !term_mask, k) {
                continue;
            }
            fill(&mut buf, vocab.word(id));
            if let Some(edits) = dp.distance(&typed, &buf, k, false).filter(|&d| d > 0) {
                out.push(TypoMatch { id, edits: edits as u8, prefix: false });
            }
        }
    }
    if prefix && typed.len() >= MIN_PREFIX_TYPO_CHARS {
        let mut first = [0u8; 4];
        let first = typed[0].encode_utf8(&mut first);
        for id in vocab.prefix_range(first) {
            if vocab.char_len(id) + k < typed.len()
                || !at_most_bits(term_mask & !vocab.mask(id), k)
                || vocab.word(id).starts_with(term)
            {
                continue;
            }
            fill(&mut buf, vocab.word(id));
            if let Some(edits) = dp.distance(&typed, &buf, k, true).filter(|&d| d > 0) {
                out.push(TypoMatch { id, edits: edits as u8, prefix: true });
            }
        }
    }
    sort_by_u64_key(&mut out, |m| pair(m.id, u32::from(m.edits)));
    out.dedup_by_key(|m| m.id);
    out
}

/// Whether `bits` has at most `k` bits set (cheaper than counting them where the CPU has no
/// population count instruction).
fn at_most_bits(mut bits: u64, k: usize) -> bool {
    for _ in 0..k {
        bits &= bits.wrapping_sub(1);
    }
    bits == 0
}

fn fill(buf: &mut Vec<char>, word: &str) {
    buf.clear();
    buf.extend(word.chars());
}

/// Reusable rows of the dynamic programme.
#[derive(Default)]
struct Dp {
    before: Vec<usize>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

impl Dp {
    /// Distance from `a` to `b` (or, with `prefix`, to the closest prefix of `b`) if at most
    /// `k`.
    fn distance(&mut self, a: &[char], b: &[char], k: usize, prefix: bool) -> Option<usize> {
        let width = b.len() + 1;
        for row in [&mut self.before, &mut self.prev, &mut self.cur] {
            row.clear();
            row.resize(width, 0);
        }
        for (j, cell) in self.prev.iter_mut().enumerate() {
            *cell = j;
        }
        let mut prev_min = 0;
        for i in 1..=a.len() {
            self.cur[0] = i;
            let mut row_min = i;
            for j in 1..width {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut d = (self.prev[j] + 1).min(self.cur[j - 1] + 1).min(self.prev[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d = d.min(self.before[j - 2] + 1);
                }
                self.cur[j] = d;
                row_min = row_min.min(d);
            }
            if row_min > k && prev_min > k {
                return None;
            }
            prev_min = row_min;
            std::mem::swap(&mut self.before, &mut self.prev);
            std::mem::swap(&mut self.prev, &mut self.cur);
        }
        let last = &self.prev;
        let d = if prefix { last.iter().copied().min().unwrap_or(usize::MAX) } else { last[b.len()] };
        (d <= k).then_some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(a: &str, b: &str, k: usize, prefix: bool) -> Option<usize> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        Dp::default().distance(&a, &b, k, prefix)
    }

    #[test]
    fn transposition_is_one_edit() {
        assert_eq!(dist("pyhton", "python", 2, false), Some(1));
        assert_eq!(dist("semaphroe", "semaphore", 2, false), Some(1));
        assert_eq!(dist("abc", "abc", 1, false), Some(0));
        assert_eq!(dist("kitten", "sitting", 3, false), Some(3));
        assert_eq!(dist("kitten", "sitting", 2, false), None);
    }

    #[test]
    fn prefix_distance_measures_against_the_closest_start() {
        assert_eq!(dist("perfr", "performance", 1, true), Some(1));
        assert_eq!(dist("perfr", "performance", 1, false), None);
    }

    #[test]
    fn counts_bits_up_to_a_limit() {
        assert!(at_most_bits(0, 0) && !at_most_bits(1, 0));
        assert!(at_most_bits(0b1010, 2) && !at_most_bits(0b1011, 2));
        assert!(at_most_bits(u64::MAX, 64));
    }

    #[test]
    fn tolerance_grows_with_length() {
        assert_eq!(max_edits(3), 0);
        assert_eq!(max_edits(4), 1);
        assert_eq!(max_edits(7), 1);
        assert_eq!(max_edits(8), 2);
    }

    #[test]
    fn finds_vocabulary_words_within_reach() {
        let mut words = ["python", "pythons", "typhoon", "performance", "perform", "cat"];
        words.sort();
        let vocab = Vocab::from_sorted(words.into_iter());
        let found = |term: &str, prefix: bool| -> Vec<&str> {
            candidates(&vocab, term, max_edits(term.chars().count()), prefix).iter().map(|m| vocab.word(m.id)).collect()
        };
        assert_eq!(found("pyhton", false), ["python"]);
        assert_eq!(found("perfr", true), ["perform", "performance"]);
        assert!(found("cta", false).is_empty(), "three letters get no typo tolerance");
    }
}
