//! The sorted vocabulary: every distinct token of the collection, with an id equal to its
//! rank in byte order, so that all words starting with a prefix form one id range.

use std::ops::Range;

use super::tokenize::is_unsegmented;

/// Longest word length (in characters) that has its own length bucket for typo lookups;
/// longer words share the last bucket.
const MAX_BUCKET: usize = 64;

/// Distinct tokens in byte order, stored in one string, plus what typo and fuzzy lookups
/// need to skip most of them cheaply.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    text: String,
    starts: Vec<u32>,
    masks: Vec<u64>,
    char_lens: Vec<u8>,
    /// Ids grouped by character length, for typo candidates of a given length.
    by_len: Vec<u32>,
    len_starts: Vec<u32>,
    /// Bit per id: whether the token is a punctuation character.
    punct: Vec<u64>,
}

impl Vocab {
    /// Builds the vocabulary from distinct words already in byte order.
    pub(crate) fn from_sorted<'a>(words: impl ExactSizeIterator<Item = &'a str>) -> Vocab {
        let count = words.len();
        let mut vocab = Vocab {
            starts: Vec::with_capacity(count + 1),
            masks: Vec::with_capacity(count),
            char_lens: Vec::with_capacity(count),
            punct: vec![0; count.div_ceil(64)],
            ..Vocab::default()
        };
        let mut counts = vec![0u32; MAX_BUCKET + 2];
        for (id, word) in words.enumerate() {
            vocab.starts.push(to_u32(vocab.text.len()));
            vocab.text.push_str(word);
            vocab.masks.push(char_mask(word));
            let len = word.chars().count().min(MAX_BUCKET);
            vocab.char_lens.push(len as u8);
            counts[len + 1] += 1;
            let mut chars = word.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                if !c.is_alphanumeric() {
                    vocab.punct[id / 64] |= 1 << (id % 64);
                }
            }
        }
        vocab.starts.push(to_u32(vocab.text.len()));
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        vocab.len_starts = counts.clone();
        vocab.by_len = vec![0; count];
        for (id, &len) in vocab.char_lens.iter().enumerate() {
            let slot = &mut counts[usize::from(len)];
            vocab.by_len[*slot as usize] = to_u32(id);
            *slot += 1;
        }
        vocab
    }

    /// Number of distinct tokens.
    pub(crate) fn len(&self) -> usize {
        self.masks.len()
    }

    /// The token with id `id`.
    pub(crate) fn word(&self, id: u32) -> &str {
        let i = id as usize;
        &self.text[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// The id of `word`, if the collection has it.
    pub(crate) fn find(&self, word: &str) -> Option<u32> {
        let i = self.partition(|w| w < word);
        (i < self.len() as u32 && self.word(i) == word).then_some(i)
    }

    /// The ids of all tokens starting with `prefix` (including `prefix` itself).
    pub(crate) fn prefix_range(&self, prefix: &str) -> Range<u32> {
        let lo = self.partition(|w| w < prefix);
        let hi = self.partition(|w| w < prefix || w.starts_with(prefix));
        lo..hi
    }

    /// The character mask of token `id` (see [`char_mask`]).
    pub(crate) fn mask(&self, id: u32) -> u64 {
        self.masks[id as usize]
    }

    /// Length of token `id` in characters (capped at 64).
    pub(crate) fn char_len(&self, id: u32) -> usize {
        usize::from(self.char_lens[id as usize])
    }

    /// Ids of the tokens of exactly `len` characters (64 and more share one bucket).
    pub(crate) fn ids_of_len(&self, len: usize) -> &[u32] {
        let len = len.min(MAX_BUCKET);
        &self.by_len[self.len_starts[len] as usize..self.len_starts[len + 1] as usize]
    }

    /// Whether token `id` is a punctuation character (skipped when looking for adjacent words).
    pub(crate) fn is_punct(&self, id: u32) -> bool {
        let i = id as usize;
        self.punct.get(i / 64).is_some_and(|bits| bits & (1 << (i % 64)) != 0)
    }

    /// Bytes of heap memory held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + 4 * (self.starts.capacity() + self.by_len.capacity() + self.len_starts.capacity())
            + 8 * (self.masks.capacity() + self.punct.capacity())
            + self.char_lens.capacity()
    }

    fn partition(&self, below: impl Fn(&str) -> bool) -> u32 {
        let (mut lo, mut hi) = (0u32, self.len() as u32);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if below(self.word(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

/// A 64-bit set of the characters of `word` (letters and digits exactly, others hashed):
/// a word within `k` edits of another differs from it by at most `k` characters each way,
/// which rules most of the vocabulary out before any edit distance is computed.
pub(crate) fn char_mask(word: &str) -> u64 {
    word.chars().fold(0, |mask, c| mask | 1 << char_bit(c))
}

fn char_bit(c: char) -> u32 {
    match c {
        'a'..='z' => u32::from(c) - u32::from('a'),
        '0'..='9' => 26 + u32::from(c) - u32::from('0'),
        _ if is_unsegmented(c) => 36 + u32::from(c) % 14,
        _ => 50 + u32::from(c) % 14,
    }
}

/// `usize` to `u32` for offsets and ids; the index caps its sizes so this never saturates
/// in practice, and saturating keeps a pathological input from panicking.
pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use crate::search::test_support::vocab;

    #[test]
    fn prefixes_are_id_ranges() {
        let v = vocab(&["stream", "streaming", "street", "strict", "async", "-"]);
        let range = v.prefix_range("stre");
        let found: Vec<&str> = range.map(|id| v.word(id)).collect();
        assert_eq!(found, ["stream", "streaming", "street"]);
        assert!(v.prefix_range("zzz").is_empty());
        assert_eq!(v.find("strict").map(|id| v.word(id)), Some("strict"));
        assert_eq!(v.find("stri"), None);
    }

    #[test]
    fn knows_lengths_and_punctuation() {
        let v = vocab(&["ab", "abc", "xyz", "-"]);
        let three: Vec<&str> = v.ids_of_len(3).iter().map(|&id| v.word(id)).collect();
        assert_eq!(three, ["abc", "xyz"]);
        assert!(v.find("-").is_some_and(|id| v.is_punct(id)));
        assert!(v.find("ab").is_some_and(|id| !v.is_punct(id)));
    }
}
