//! Matching a term of several tokens (`asyncio.to_thread`, `ctrl-c`, `-p`, a typed word
//! found as two) against a sequence of tokens, the same way for ranking and highlighting.
//!
//! Punctuation before a term's first word and after its last must be there as typed (`-p`,
//! `__enter__`). Between two of its words any short run of punctuation, or none, matches, at
//! [`OTHER_PUNCTUATION`] unless it is the typed run: `ctrl-c` finds `Ctrl+C` and `ctrl c`,
//! `HTTPServer` finds `http.server`. A term made of punctuation only (`->`) matches as typed.

use super::score::{Tier, OTHER_PUNCTUATION};

/// Most punctuation tokens between two words of a phrase that still join them.
const MAX_GAP: usize = 3;

/// What a token of a sequence is, as far as phrases care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// A word (or a part of one).
    Word,
    /// A punctuation character.
    Punct,
    /// The boundary between two paragraphs or code blocks: nothing matches across it.
    Boundary,
}

/// Which parts of a phrase are words, and where its words start and end.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layout {
    punct: Vec<bool>,
    /// The first and last word part, if it has any.
    words: Option<(usize, usize)>,
}

impl Layout {
    /// The layout of a phrase whose parts are punctuation where `punct` says so.
    pub(crate) fn new(punct: Vec<bool>) -> Layout {
        let first = punct.iter().position(|&p| !p);
        let last = punct.iter().rposition(|&p| !p);
        Layout { words: first.zip(last), punct }
    }

    /// How many parts the phrase has.
    pub(crate) fn len(&self) -> usize {
        self.punct.len()
    }

    /// Whether part `i` is punctuation between two words, which matches loosely: it need
    /// not be in an entry for the phrase to match, so it cannot narrow the candidates.
    pub(crate) fn is_loose(&self, i: usize) -> bool {
        self.punct[i] && self.words.is_some_and(|(first, last)| first < i && i < last)
    }

    /// The part whose matches start a scan: the first word, else the first part.
    pub(crate) fn scan_part(&self) -> usize {
        self.words.map_or(0, |(first, _)| first)
    }

    /// The phrase matched with its scan part at `seq[at]`: the range of tokens it covers
    /// and its quality (the lowest weight of its parts' matches and of loose punctuation).
    /// `tier` says how part `i` matches a token, `kind` what a token is.
    pub(crate) fn match_at<T: Copy>(
        &self,
        seq: &[T],
        at: usize,
        tier: impl Fn(usize, T) -> Option<Tier>,
        kind: impl Fn(T) -> TokenKind,
    ) -> Option<(usize, usize, f32)> {
        let mut quality = 1.0f32;
        let mut take = |part: usize, token: Option<&T>| -> Option<()> {
            quality = quality.min(tier(part, *token?)?.weight());
            Some(())
        };
        let Some((first, last)) = self.words else {
            for part in 0..self.len() {
                take(part, seq.get(at + part))?;
            }
            return Some((at, at + self.len(), quality));
        };
        let start = at.checked_sub(first)?;
        for part in 0..first {
            take(part, seq.get(start + part))?;
        }
        let (mut part, mut p) = (first, at);
        let mut loose = false;
        loop {
            take(part, seq.get(p))?;
            p += 1;
            if part == last {
                break;
            }
            let next = (part + 1..=last).find(|&k| !self.punct[k])?;
            let run = seq[p.min(seq.len())..].iter().take(MAX_GAP + 1).take_while(|&&t| kind(t) == TokenKind::Punct);
            let run = run.count();
            if run > MAX_GAP {
                return None;
            }
            let typed = next - part - 1;
            loose |= run != typed || (0..run).any(|k| tier(part + 1 + k, seq[p + k]).is_none());
            p += run;
            part = next;
        }
        for part in last + 1..self.len() {
            take(part, seq.get(p))?;
            p += 1;
        }
        if loose {
            quality = quality.min(OTHER_PUNCTUATION);
        }
        Some((start, p, quality))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Matches the phrase `typed` (space-separated parts) in `text` (space-separated tokens),
    /// punctuation being any part without a letter.
    fn find(typed: &str, text: &str) -> Vec<(usize, usize, f32)> {
        let parts: Vec<&str> = typed.split(' ').collect();
        let seq: Vec<&str> = text.split(' ').collect();
        let is_punct = |s: &str| !s.chars().any(char::is_alphanumeric);
        let layout = Layout::new(parts.iter().map(|p| is_punct(p)).collect());
        let tier = |i: usize, t: &str| (parts[i] == t).then_some(Tier::Exact);
        let kind = |t: &str| {
            if t == "|" {
                TokenKind::Boundary
            } else if is_punct(t) {
                TokenKind::Punct
            } else {
                TokenKind::Word
            }
        };
        (0..seq.len())
            .filter(|&at| tier(layout.scan_part(), seq[at]).is_some())
            .filter_map(|at| layout.match_at(&seq, at, tier, kind))
            .collect()
    }

    #[test]
    fn punctuation_between_words_is_loose() {
        assert_eq!(find("ctrl - c", "press ctrl - c now"), [(1, 4, 1.0)]);
        assert_eq!(find("ctrl - c", "press ctrl + c"), [(1, 4, OTHER_PUNCTUATION)]);
        assert_eq!(find("ctrl - c", "ctrl c"), [(0, 2, OTHER_PUNCTUATION)]);
        assert_eq!(find("http server", "http . server"), [(0, 3, OTHER_PUNCTUATION)]);
        assert!(find("ctrl - c", "ctrl | c").is_empty(), "never across a boundary");
        assert!(find("a b", "a . . . . b").is_empty(), "a long run of punctuation separates");
    }

    #[test]
    fn punctuation_around_words_is_strict() {
        assert_eq!(find("- p", "git add - p"), [(2, 4, 1.0)]);
        assert!(find("- p", "git add p").is_empty());
        assert_eq!(find("_ _ enter _ _", "def _ _ enter _ _ ("), [(1, 6, 1.0)]);
        assert!(find("_ _ enter _ _", "def enter").is_empty());
        assert_eq!(find("- >", "a - > b"), [(1, 3, 1.0)], "punctuation only: as typed");
    }
}
