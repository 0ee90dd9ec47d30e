//! Finding where a query matched in a displayed text, as byte ranges of that text.
//!
//! The highlighter owns what it needs (the typed words and the vocabulary words their typos
//! and other forms matched), so results can highlight entries lazily, only those on screen.

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::fuzzy::{self, for_each_group};
use super::index::Index;
use super::normalize::{decompose, fold_with_origins};
use super::order::{pair, saturate, sort_by_u64_key};
use super::phrase::{Layout, TokenKind};
use super::plan::{Plan, TermPlan, WordMatch};
use super::score::Tier;
use super::tokenize::{tokenize, Kind};

/// One typed word as the highlighter matches it against a text's tokens.
#[derive(Debug, Clone)]
struct WordPattern {
    text: String,
    prefix: bool,
    variants: Vec<(String, Tier)>,
}

impl WordPattern {
    fn new(word: &WordMatch, index: &Index) -> WordPattern {
        let variants = word.variants.iter().map(|v| (index.vocab.word(v.id).to_string(), v.tier)).collect();
        WordPattern { text: word.text.clone(), prefix: !word.prefix.is_empty(), variants }
    }

    /// How `token` matches: the tier and, for a prefix, how many folded bytes of it.
    fn matches(&self, token: &str) -> Option<(Tier, Option<usize>)> {
        if token == self.text {
            Some((Tier::Exact, None))
        } else if self.prefix && token.starts_with(self.text.as_str()) {
            let tier = Tier::Prefix { typed: self.text.chars().count(), word: token.chars().count() };
            Some((tier, Some(self.text.len())))
        } else {
            self.variants.iter().find(|(word, _)| word == token).map(|&(_, tier)| (tier, None))
        }
    }
}

#[derive(Debug, Clone)]
struct TermPattern {
    word: Option<WordPattern>,
    phrase: Vec<WordPattern>,
    layout: Layout,
    /// The folded typed word, when it matched questions fuzzily.
    fuzzy: Option<String>,
}

/// Where the query matches in a text.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Found {
    /// Byte ranges of the text, sorted and disjoint.
    pub ranges: Vec<Range<usize>>,
    /// Bit `i` set if term `i` matched.
    pub terms: u32,
    /// The summed tier weights of the terms that matched (best match of each).
    pub weight: f32,
}

/// The query's terms, ready to highlight any text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Highlighter {
    terms: Vec<TermPattern>,
}

struct OwnedToken {
    kind: Kind,
    text: String,
    start: usize,
    end: usize,
}

impl Highlighter {
    /// The highlighter of the positive terms of `plan`.
    pub(crate) fn new(plan: &Plan, index: &Index) -> Highlighter {
        let term = |t: &TermPlan| TermPattern {
            word: t.word.as_ref().map(|w| WordPattern::new(w, index)),
            phrase: t.phrase.iter().map(|w| WordPattern::new(w, index)).collect(),
            layout: t.layout.clone(),
            fuzzy: (!t.fuzzy.is_empty()).then(|| t.word.as_ref().map(|w| w.text.clone())).flatten(),
        };
        Highlighter { terms: plan.terms.iter().map(term).collect() }
    }

    /// Where the query matches in `text`; fuzzy matches are looked for only with `fuzzy`
    /// (they are made on questions).
    pub(crate) fn find(&self, text: &str, fuzzy: bool) -> Found {
        let mut tokens = Vec::new();
        tokenize(text, &mut |t| {
            tokens.push(OwnedToken { kind: t.kind, text: t.text.to_string(), start: t.start, end: t.end })
        });
        let sequence: Vec<&OwnedToken> = tokens.iter().filter(|t| t.kind != Kind::Compound).collect();
        let mut found = Found::default();
        let mut matcher: Option<SkimMatcherV2> = None;
        for (i, term) in self.terms.iter().enumerate() {
            let mut best: Option<f32> = None;
            let mut hit = |range: Range<usize>, weight: f32, found: &mut Found| {
                if range.start < range.end {
                    found.ranges.push(range);
                }
                best = Some(best.map_or(weight, |b| b.max(weight)));
            };
            if let Some(word) = &term.word {
                for token in &tokens {
                    if let Some((tier, prefix)) = word.matches(&token.text) {
                        let end = prefix.map_or(token.end, |len| prefix_end(text, token.start, token.end, len));
                        hit(token.start..end, tier.weight(), &mut found);
                    }
                }
            }
            let from = term.layout.scan_part();
            if let (Some(scan), Some(last_part)) = (term.phrase.get(from), term.phrase.last()) {
                let tier = |part: usize, token: &OwnedToken| term.phrase[part].matches(&token.text).map(|(t, _)| t);
                let kind =
                    |token: &OwnedToken| if token.kind == Kind::Punct { TokenKind::Punct } else { TokenKind::Word };
                for at in (0..sequence.len()).filter(|&at| scan.matches(&sequence[at].text).is_some()) {
                    let Some((start, end, quality)) = term.layout.match_at(&sequence, from, at, tier, kind) else {
                        continue;
                    };
                    let (first, last) = (sequence[start], sequence[end - 1]);
                    let prefix = last_part.matches(&last.text).and_then(|(_, prefix)| prefix);
                    let stop = prefix.map_or(last.end, |len| prefix_end(text, last.start, last.end, len));
                    hit(first.start..stop, quality, &mut found);
                }
            }
            if let (true, Some(pattern)) = (fuzzy, &term.fuzzy) {
                let matcher = matcher.get_or_insert_with(fuzzy::matcher);
                let (folded, origins) = fold_with_origins(text);
                for_each_group(&folded, &mut |group, first_char| {
                    if let Some((quality, positions)) = fuzzy::quality(matcher, group, pattern, true) {
                        for p in positions {
                            if let Some(&(start, end)) = origins.get(first_char + p) {
                                hit(start..end, Tier::Fuzzy { quality }.weight(), &mut found);
                            }
                        }
                    }
                });
            }
            if let Some(weight) = best {
                found.terms |= 1 << i;
                found.weight += weight;
            }
        }
        found.ranges = merge(std::mem::take(&mut found.ranges));
        found
    }
}

/// The end, in `text`, of the part of the token at `start..end` whose folded letters and
/// digits make up `folded_len` bytes (a typed prefix).
fn prefix_end(text: &str, start: usize, end: usize, folded_len: usize) -> usize {
    let mut seen = 0;
    for (at, c) in text[start..end].char_indices() {
        decompose(c, &mut |d| {
            if d.is_alphanumeric() {
                seen += d.to_lowercase().map(char::len_utf8).sum::<usize>();
            }
        });
        if seen >= folded_len {
            return start + at + c.len_utf8();
        }
    }
    end
}

/// Sorts ranges and merges those that overlap or touch.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    // Texts are far below 4 GiB, so both offsets fit the packed key.
    sort_by_u64_key(&mut ranges, |r| pair(saturate(r.start), saturate(r.end)));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::plan::compile;
    use crate::search::query::parse;
    use crate::search::test_support::entries;

    fn ranges(index: &Index, query: &str, text: &str) -> Vec<String> {
        let highlighter = Highlighter::new(&compile(index, &parse(query)), index);
        highlighter.find(text, true).ranges.into_iter().map(|r| text[r].to_string()).collect()
    }

    #[test]
    fn highlights_words_prefixes_typos_and_phrases_in_the_displayed_text() {
        let index = Index::new(&entries(&[("Café streaming with asyncio.to_thread()", "Python")]));
        assert_eq!(ranges(&index, "cafe", "Un Café."), ["Café"]);
        assert_eq!(ranges(&index, "stre", "Streaming!"), ["Stre"]);
        assert_eq!(ranges(&index, "pyhton ", "use Python"), ["Python"]);
        assert_eq!(ranges(&index, "asyncio.to_thread", "x asyncio.to_thread()"), ["asyncio.to_thread"]);
    }

    #[test]
    fn fuzzy_highlights_map_back_through_folding() {
        let index = Index::new(&entries(&[("Is Tréeview fast?", "")]));
        assert_eq!(ranges(&index, "treevw ", "Is Tréeview fast?"), ["Tréev", "w"]);
    }

    #[test]
    fn merges_touching_ranges() {
        assert_eq!(merge(vec![4..6, 0..2, 2..3, 5..8]), vec![0..3, 4..8]);
    }
}
