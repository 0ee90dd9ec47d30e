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

/// What a part of a typed phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// A word.
    Word,
    /// Punctuation that people write in several ways between two words (`ctrl-c`, `ctrl+c`,
    /// `ctrl c`): `-`, `+`, `_`, `.`, `/`, `:`.
    Joiner,
    /// Other punctuation (`[`, `(`, `>`, `$`, ...): always as typed.
    Mark,
}

impl Part {
    /// The kind of a part with folded text `text`, punctuation or not.
    pub(crate) fn of(text: &str, punct: bool) -> Part {
        match (punct, text) {
            (false, _) => Part::Word,
            (true, "-" | "+" | "_" | "." | "/" | ":") => Part::Joiner,
            (true, _) => Part::Mark,
        }
    }
}

/// The parts of a phrase and which runs of punctuation between two words match loosely.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layout {
    parts: Vec<Part>,
    /// Bit `i` set if part `i` is punctuation (or a gap after word `i`) that matches loosely.
    loose: Vec<bool>,
    /// The first and last word part, if it has any.
    words: Option<(usize, usize)>,
}

impl Layout {
    /// The layout of a phrase of `parts`.
    pub(crate) fn new(parts: Vec<Part>) -> Layout {
        let first = parts.iter().position(|&p| p == Part::Word);
        let last = parts.iter().rposition(|&p| p == Part::Word);
        let mut loose = vec![false; parts.len()];
        if let (Some(first), Some(last)) = (first, last) {
            let mut word = first;
            for next in (first + 1..=last).filter(|&k| parts[k] == Part::Word) {
                if parts[word + 1..next].iter().all(|&p| p == Part::Joiner) {
                    loose[word] = true;
                    loose[word + 1..next].iter_mut().for_each(|l| *l = true);
                }
                word = next;
            }
        }
        Layout { words: first.zip(last), loose, parts }
    }

    /// Whether part `i` is punctuation between two words that matches loosely: it need not
    /// be in an entry for the phrase to match, so it cannot narrow the candidates.
    pub(crate) fn is_loose(&self, i: usize) -> bool {
        self.parts[i] != Part::Word && self.loose[i]
    }

    /// Whether every part sits at a fixed offset from the first: then a match can be looked
    /// for from any part (the most selective), not only from the first word.
    pub(crate) fn is_fixed(&self) -> bool {
        !self.loose.iter().any(|&l| l)
    }

    /// The part whose matches start a scan when the layout is not fixed: the first word.
    pub(crate) fn scan_part(&self) -> usize {
        self.words.map_or(0, |(first, _)| first)
    }

    /// The phrase matched with its part `from` at `seq[at]` (for a layout that is not
    /// fixed, `from` must be [`Layout::scan_part`]): the range of tokens it covers and its
    /// quality (the lowest weight of its parts' matches, and of loose punctuation that is
    /// not the typed one). `tier` says how part `i` matches a token, `kind` what a token is.
    pub(crate) fn match_at<T: Copy>(
        &self,
        seq: &[T],
        from: usize,
        at: usize,
        tier: impl Fn(usize, T) -> Option<Tier>,
        kind: impl Fn(T) -> TokenKind,
    ) -> Option<(usize, usize, f32)> {
        let start = at.checked_sub(from)?;
        let mut quality = 1.0f32;
        let (mut part, mut p) = (0, start);
        let mut other_punctuation = false;
        while part < self.parts.len() {
            quality = quality.min(tier(part, *seq.get(p)?)?.weight());
            p += 1;
            if !(self.parts[part] == Part::Word && self.loose[part]) {
                part += 1;
                continue;
            }
            // A loose gap: any short run of punctuation, or none, up to the next word.
            let next = (part + 1..self.parts.len()).find(|&k| self.parts[k] == Part::Word)?;
            let rest = &seq[p.min(seq.len())..];
            let run = rest.iter().take(MAX_GAP + 1).take_while(|&&t| kind(t) == TokenKind::Punct).count();
            if run > MAX_GAP {
                return None;
            }
            let typed = next - part - 1;
            other_punctuation |= run != typed || (0..run).any(|k| tier(part + 1 + k, seq[p + k]).is_none());
            p += run;
            part = next;
        }
        if other_punctuation {
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
        let layout = Layout::new(parts.iter().map(|p| Part::of(p, is_punct(p))).collect());
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
        let from = layout.scan_part();
        (0..seq.len())
            .filter(|&at| tier(from, seq[at]).is_some())
            .filter_map(|at| layout.match_at(&seq, from, at, tier, kind))
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
        assert_eq!(find("generator [ str ]", "generator [ str ]"), [(0, 4, 1.0)]);
        assert!(find("generator [ str ]", "generator str ]").is_empty(), "brackets are marks, as typed");
        assert!(find("generator [ str", "generator - str").is_empty());
    }

    #[test]
    fn a_fixed_layout_matches_from_any_part() {
        let layout = Layout::new(vec![Part::Mark, Part::Mark, Part::Word]);
        assert!(layout.is_fixed());
        assert!(!Layout::new(vec![Part::Word, Part::Joiner, Part::Word]).is_fixed());
        let seq = ["x", "_", "_", "e"];
        let tier = |i: usize, t: &str| (["_", "_", "e"][i] == t).then_some(Tier::Exact);
        let kind = |t: &str| if t == "_" { TokenKind::Punct } else { TokenKind::Word };
        assert_eq!(layout.match_at(&seq, 0, 1, tier, kind), Some((1, 4, 1.0)));
        assert_eq!(layout.match_at(&seq, 2, 3, tier, kind), Some((1, 4, 1.0)));
        assert_eq!(layout.match_at(&seq, 1, 1, tier, kind), None);
    }
}
