//! Compiling a parsed query against the vocabulary: which tokens each typed word matches,
//! how (exact, prefix, typo, fuzzy), and what each is worth.

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::fuzzy::{self, QuestionGroups};
use super::index::Index;
use super::order::{pair, saturate, sort_by_u64_key};
use super::query::{Query, Term};
use super::score::{idf, Tier, PUNCT_SHARE};
use super::stopwords::is_stop_word;
use super::tokenize::{tokenize, Kind};
use super::typo::{self, TypoMatch};

/// Most vocabulary words a typed word matches through typos: the closest and most common
/// ones. A short unfinished word is within an edit of hundreds of words in a large
/// collection; past a few dozen they are noise that costs time on every keystroke.
const MAX_TYPO_MATCHES: usize = 24;

/// One typed word (or punctuation mark) and the vocabulary tokens it matches.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordMatch {
    /// The typed word, folded.
    pub text: String,
    /// Whether it is a punctuation mark.
    pub punct: bool,
    /// The same token, if the collection has it.
    pub exact: Option<u32>,
    /// Tokens it starts (when it is still being typed).
    pub prefix: Range<u32>,
    /// Tokens within reach of a typo, by id, none inside `prefix`.
    pub typos: Vec<TypoMatch>,
    /// A bit per hash of each typo id: most tokens are ruled out without a search.
    typo_filter: [u64; 16],
    /// Its rarity: that of the exact token, else of the most common token it matches.
    /// Expansions are never rarer than this, so that `stream` typed whole ranks entries with
    /// `stream` above entries with the rarer `streaming`.
    pub idf: f32,
}

impl WordMatch {
    fn new(index: &Index, text: &str, kind: Kind, open: bool, typos: bool) -> WordMatch {
        let vocab = &index.vocab;
        let punct = kind == Kind::Punct;
        let exact = vocab.find(text);
        let prefix = if open && !punct { vocab.prefix_range(text) } else { 0..0 };
        let mut typo_matches = Vec::new();
        if typos && !punct {
            let chars = text.chars().count();
            typo_matches = typo::candidates(vocab, text, typo::max_edits(chars), open);
            typo_matches.retain(|m| !prefix.contains(&m.id));
            if typo_matches.len() > MAX_TYPO_MATCHES {
                let rarity = |id| u32::MAX - saturate(index.df(id));
                sort_by_u64_key(&mut typo_matches, |m| {
                    pair(u32::from(m.edits) << 1 | u32::from(m.prefix), rarity(m.id))
                });
                typo_matches.truncate(MAX_TYPO_MATCHES);
                sort_by_u64_key(&mut typo_matches, |m| u64::from(m.id));
            }
        }
        let base_df = exact.map(|id| index.df(id)).unwrap_or_else(|| {
            let prefixed = prefix.clone().map(|id| index.df(id)).max();
            prefixed.or_else(|| typo_matches.iter().map(|m| index.df(m.id)).max()).unwrap_or(0)
        });
        let mut typo_filter = [0u64; 16];
        for m in &typo_matches {
            let bit = filter_bit(m.id);
            typo_filter[bit / 64] |= 1 << (bit % 64);
        }
        WordMatch {
            text: text.to_string(),
            punct,
            exact,
            prefix,
            typos: typo_matches,
            typo_filter,
            idf: idf(base_df.max(1), index.entry_count()),
        }
    }

    /// Whether the word itself or words it starts are in the collection.
    pub(crate) fn has_direct_hit(&self) -> bool {
        self.exact.is_some() || !self.prefix.is_empty()
    }

    /// The smallest id range holding every token it matches. Typo matches mostly share
    /// their first letters with the typed word, so the range is narrow and rules out most
    /// tokens with a single comparison.
    pub(crate) fn id_bounds(&self) -> Range<u32> {
        let ids = self.exact.into_iter().chain(self.typos.iter().map(|m| m.id));
        let (low, high) = ids.fold((u32::MAX, 0), |(low, high), id| (low.min(id), high.max(id + 1)));
        let (low, high) =
            if self.prefix.is_empty() { (low, high) } else { (low.min(self.prefix.start), high.max(self.prefix.end)) };
        if low < high {
            low..high
        } else {
            0..0
        }
    }

    /// Whether token `id` matches (cheaper than [`WordMatch::tier`]).
    pub(crate) fn matches(&self, id: u32) -> bool {
        let bit = filter_bit(id);
        self.exact == Some(id)
            || self.prefix.contains(&id)
            || (self.typo_filter[bit / 64] & (1 << (bit % 64)) != 0
                && self.typos.binary_search_by_key(&id, |m| m.id).is_ok())
    }

    /// How token `id` matches, if it does.
    pub(crate) fn tier(&self, id: u32, index: &Index) -> Option<Tier> {
        if self.exact == Some(id) {
            Some(Tier::Exact)
        } else if self.prefix.contains(&id) {
            Some(Tier::Prefix { typed: self.text.chars().count(), word: index.vocab.char_len(id) })
        } else {
            let i = self.typos.binary_search_by_key(&id, |m| m.id).ok()?;
            let m = self.typos[i];
            Some(if m.prefix { Tier::PrefixTypo { edits: m.edits } } else { Tier::Typo { edits: m.edits } })
        }
    }

    /// What a posting of token `id` is multiplied by: match quality times rarity (capped at
    /// this word's own).
    pub(crate) fn weight(&self, id: u32, index: &Index) -> Option<(Tier, f32)> {
        let tier = self.tier(id, index)?;
        let rarity = idf(index.df(id), index.entry_count()).min(self.idf);
        Some((tier, tier.weight() * rarity))
    }

    /// Every matching token id.
    pub(crate) fn ids(&self) -> impl Iterator<Item = u32> + '_ {
        let exact = self.exact.filter(|id| !self.prefix.contains(id));
        exact.into_iter().chain(self.prefix.clone()).chain(self.typos.iter().map(|m| m.id))
    }

    /// How many postings matching costs.
    pub(crate) fn cost(&self, index: &Index) -> usize {
        self.ids().map(|id| index.df(id)).sum()
    }
}

/// Where token `id` falls in a typo filter (a multiplicative hash onto 1,024 bits).
fn filter_bit(id: u32) -> usize {
    (id.wrapping_mul(0x9E37_79B9) >> 22) as usize
}

/// One term of the query, ready to evaluate.
#[derive(Debug, Clone, Default)]
pub(crate) struct TermPlan {
    /// The term as typed, for explanations.
    pub label: String,
    /// The term as one token: a word, a punctuation mark, or a whole identifier.
    pub word: Option<WordMatch>,
    /// The term as a sequence of at least two tokens (`asyncio.to_thread`, `-p`), if it is one.
    pub phrase: Vec<WordMatch>,
    /// The phrase's rarity: its words' summed, punctuation counting a little.
    pub phrase_idf: f32,
    /// The phrase's most selective part, looked for first.
    pub anchor: usize,
    /// Question groups it matches fuzzily, with their quality.
    pub fuzzy: Vec<(u32, f32)>,
    /// A single stop word (`how`, `the`): not required when no entry has every term.
    pub stop_word: bool,
}

impl TermPlan {
    /// The matcher for the token a term ends with (for adjacency with the next term).
    pub(crate) fn last_token(&self) -> Option<&WordMatch> {
        self.phrase.last().or(self.word.as_ref())
    }

    /// The matcher for the token a term starts with.
    pub(crate) fn first_token(&self) -> Option<&WordMatch> {
        self.phrase.first().or(self.word.as_ref())
    }
}

/// A query compiled against an index.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    /// Terms that must all match, in query order.
    pub terms: Vec<TermPlan>,
    /// Terms whose entries are left out.
    pub excluded: Vec<TermPlan>,
    /// Day prefixes of which an entry's day must start with one (none: any day).
    pub days: Vec<String>,
}

/// Compiles `query` against `index`.
pub(crate) fn compile(index: &Index, query: &Query) -> Plan {
    let mut matcher = None;
    Plan {
        terms: query.terms.iter().filter_map(|t| compile_term(index, t, true, &mut matcher)).collect(),
        excluded: query.excluded.iter().filter_map(|t| compile_term(index, t, false, &mut matcher)).collect(),
        days: query.days.clone(),
    }
}

fn compile_term(index: &Index, term: &Term, lenient: bool, matcher: &mut Option<SkimMatcherV2>) -> Option<TermPlan> {
    let mut parts: Vec<(Kind, String, usize, usize)> = Vec::new();
    let mut compounds = Vec::new();
    tokenize(&term.text, &mut |t| {
        let token = (t.kind, t.text.to_string(), t.start, t.end);
        if t.kind == Kind::Compound {
            compounds.push(token);
        } else {
            parts.push(token);
        }
    });
    let lenient = lenient && !term.quoted;
    let open = term.open && !term.quoted;
    let mut plan = TermPlan { label: term.text.clone(), ..TermPlan::default() };
    match parts.as_slice() {
        [] => return None,
        [(kind, text, ..)] => {
            let word = WordMatch::new(index, text, *kind, open, lenient && *kind == Kind::Word);
            if lenient && *kind == Kind::Word && text.chars().count() >= fuzzy::MIN_CHARS && !word.has_direct_hit() {
                let matcher = matcher.get_or_insert_with(fuzzy::matcher);
                plan.fuzzy = index.groups.matching(matcher, text);
            }
            plan.stop_word = lenient && *kind == Kind::Word && is_stop_word(text);
            plan.word = Some(word);
        }
        [first, .., last] => {
            let count = parts.len();
            plan.phrase = parts
                .iter()
                .enumerate()
                .map(|(i, (kind, text, ..))| {
                    WordMatch::new(index, text, *kind, open && i + 1 == count, lenient && *kind == Kind::Word)
                })
                .collect();
            plan.phrase_idf = plan.phrase.iter().map(|w| if w.punct { PUNCT_SHARE * w.idf } else { w.idf }).sum();
            plan.anchor = (0..count).min_by_key(|&i| plan.phrase[i].cost(index)).unwrap_or(0);
            if let [(_, compound, start, end)] = compounds.as_slice() {
                if *start == first.2 && *end == last.3 {
                    plan.word = Some(WordMatch::new(index, compound, Kind::Compound, false, lenient));
                }
            }
        }
    }
    Some(plan)
}

/// The fuzzy match of question groups, shared by evaluation and explanation.
pub(crate) fn fuzzy_weight(groups: &QuestionGroups, group: u32, quality: f32, entries: usize) -> f32 {
    Tier::Fuzzy { quality }.weight() * idf(groups.entries(group).len(), entries) * super::score::question_only_score()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;
    use crate::search::test_support::entries;

    fn plan(index: &Index, q: &str) -> Plan {
        compile(index, &parse(q))
    }

    #[test]
    fn a_word_matches_exactly_by_prefix_while_typed_and_with_typos() {
        let index = Index::new(&entries(&[("Streaming streams", "stream street")]));
        let p = plan(&index, "stream");
        let word = p.terms[0].word.as_ref().map(|w| w.ids().map(|id| index.vocab.word(id)).collect::<Vec<_>>());
        assert_eq!(word.unwrap_or_default(), ["stream", "streaming", "streams"]);
        let p = plan(&index, "stream ");
        let word = p.terms[0].word.as_ref().map(|w| w.ids().map(|id| index.vocab.word(id)).collect::<Vec<_>>());
        assert_eq!(word.unwrap_or_default(), ["stream", "streams"], "complete: exact and one typo away");
    }

    #[test]
    fn punctuated_terms_are_phrases_and_identifiers_also_whole() {
        let index = Index::new(&entries(&[("Use asyncio.to_thread", "")]));
        let p = plan(&index, "to_thread");
        let phrase: Vec<&str> = p.terms[0].phrase.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(phrase, ["to", "_", "thread"]);
        assert_eq!(p.terms[0].word.as_ref().map(|w| w.text.as_str()), Some("tothread"));
        assert!(p.terms[0].word.as_ref().is_some_and(|w| w.exact.is_some()));
    }

    #[test]
    fn exclusions_and_quotes_match_exactly() {
        let index = Index::new(&entries(&[("Streaming streams", "")]));
        let p = plan(&index, "x -streams \"stream\"");
        assert!(p.excluded[0].word.as_ref().is_some_and(|w| w.typos.is_empty() && w.prefix.is_empty()));
        assert!(p.terms[1].word.as_ref().is_some_and(|w| w.typos.is_empty() && w.prefix.is_empty()));
    }
}
