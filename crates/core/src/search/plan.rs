//! Compiling a parsed query against the vocabulary: which tokens each typed word matches,
//! how (exact, prefix, typo, fuzzy), and what each is worth.

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::fuzzy::{self, QuestionGroups};
use super::index::Index;
use super::order::{pair, saturate, sort_by_u64_key};
use super::phrase::{Layout, Part};
use super::query::{Query, Term};
use super::score::{idf, Tier, PUNCT_SHARE};
use super::stem::English;
use super::stopwords::is_stop_word;
use super::synonyms;
use super::tokenize::{tokenize, Kind};
use super::typo;

/// Most vocabulary words a typed word matches through typos: the closest and most common
/// ones. A short unfinished word is within an edit of hundreds of words in a large
/// collection; past a few dozen they are noise that costs time on every keystroke.
const MAX_TYPO_MATCHES: usize = 24;

/// How many times as common as a typed word that the collection holds one of its typo
/// neighbours must be to be taken for it. A word of the collection was most likely typed on
/// purpose (`exits` is not `exist`); a rare one next to a much more common one may be a
/// misspelling that some entry shares.
const TYPO_ODDS: usize = 10;

/// Shortest typed word (in characters) looked for as two words of the entry (`wakeups` as
/// `wake up`); each half has at least [`MIN_SPLIT_PART`].
const MIN_SPLIT_CHARS: usize = 5;
const MIN_SPLIT_PART: usize = 2;

/// Letters of a word being typed up to which its other forms are not looked up.
const MIN_OPEN_FORMS: usize = 3;

/// Longest option cluster (`-xvf`) whose letters match in any order.
const MAX_FLAG_LETTERS: usize = 4;

/// How loosely a typed word matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Leniency {
    /// Only the word itself (and words it starts, while typed): quoted phrases, exclusions.
    Exact,
    /// Also its other forms (the same stem): the halves of a word typed as two.
    Forms,
    /// Also typos: what a reader types.
    Typos,
}

/// A vocabulary token a typed word matches other than itself or by prefix, and how.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Variant {
    pub id: u32,
    pub tier: Tier,
}

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
    /// Other tokens it matches (typos, other forms, ...), by id, none inside `prefix`.
    pub variants: Vec<Variant>,
    /// A bit per hash of each variant id: most tokens are ruled out without a search.
    variant_filter: [u64; 16],
    /// Its rarity: that of the exact token, else of the most common token it matches.
    /// Variants are never rarer than this, so that `stream` typed whole ranks entries with
    /// `stream` above entries with the rarer `streaming`.
    pub idf: f32,
}

/// What compiling a query needs besides the index: tools made on first use.
#[derive(Default)]
struct Tools {
    matcher: Option<SkimMatcherV2>,
    english: English,
    /// Whether words are also looked up in other forms, synonyms and halves: not for a query
    /// of more than [`MAX_REWORDED_TERMS`] distinct terms besides stop words, which is pasted
    /// text rather than typed words.
    reword: bool,
}

/// Most terms of a query whose words are looked up in other forms, synonyms and halves.
pub(crate) const MAX_REWORDED_TERMS: usize = 8;

impl WordMatch {
    fn new(index: &Index, tools: &Tools, text: &str, kind: Kind, open: bool, leniency: Leniency) -> WordMatch {
        let vocab = &index.vocab;
        let punct = kind == Kind::Punct;
        let exact = vocab.find(text);
        let prefix = if open && !punct { vocab.prefix_range(text) } else { 0..0 };
        let mut variants = Vec::new();
        // A stop word is typed on purpose and short: its typos (`them`: `then`, `the`) are noise.
        if leniency == Leniency::Typos && !punct && !is_stop_word(text) {
            let chars = text.chars().count();
            let mut typos = typo::candidates(vocab, text, typo::max_edits(chars), open);
            if let Some(id) = exact {
                let own = index.df(id);
                typos.retain(|m| index.df(m.id) >= TYPO_ODDS * own);
            }
            // Nor is a word typed for its meaning a misspelt function word (`three`: `there`,
            // `dots`: `does`): those are common enough to match nearly every entry.
            typos.retain(|m| !is_stop_word(vocab.word(m.id)));
            if typos.len() > MAX_TYPO_MATCHES {
                let rarity = |id| u32::MAX - saturate(index.df(id));
                sort_by_u64_key(&mut typos, |m| pair(u32::from(m.edits) << 1 | u32::from(m.prefix), rarity(m.id)));
                typos.truncate(MAX_TYPO_MATCHES);
            }
            variants.extend(typos.into_iter().map(|m| Variant {
                id: m.id,
                tier: if m.prefix { Tier::PrefixTypo { edits: m.edits } } else { Tier::Typo { edits: m.edits } },
            }));
        }
        // The first letters of a word being typed have no other forms worth the lookup.
        let forms = !open || text.len() > MIN_OPEN_FORMS;
        let forms = forms && tools.reword;
        if leniency != Leniency::Exact && kind == Kind::Word && !is_stop_word(text) && forms {
            variants.extend(tools.english.variants(vocab, text).into_iter().map(|id| Variant { id, tier: Tier::Stem }));
        }
        if leniency == Leniency::Typos && kind == Kind::Word && tools.reword {
            let stem = tools.english.stem(text);
            let synonyms = synonyms::of(text, stem.as_deref()).filter_map(|word| vocab.find(word));
            variants.extend(synonyms.map(|id| Variant { id, tier: Tier::Synonym }));
        }
        let mut word = WordMatch { text: text.to_string(), punct, exact, prefix, ..WordMatch::default() };
        word.add_variants(index, variants);
        word
    }

    /// Adds `more` variants (keeping the better tier of a token matched twice) and works out
    /// the filter and the rarity again.
    fn add_variants(&mut self, index: &Index, more: Vec<Variant>) {
        let (exact, prefix) = (self.exact, self.prefix.clone());
        self.variants.extend(more.into_iter().filter(|v| Some(v.id) != exact && !prefix.contains(&v.id)));
        // Best tier first within an id, so that dedup keeps it.
        sort_by_u64_key(&mut self.variants, |v| pair(v.id, u32::MAX - (v.tier.weight() * 1e6) as u32));
        self.variants.dedup_by_key(|v| v.id);
        self.variant_filter = [0; 16];
        for v in &self.variants {
            let bit = filter_bit(v.id);
            self.variant_filter[bit / 64] |= 1 << (bit % 64);
        }
        let base_df = exact.map(|id| index.df(id)).unwrap_or_else(|| {
            let prefixed = prefix.clone().map(|id| index.df(id)).max();
            prefixed.or_else(|| self.variants.iter().map(|v| index.df(v.id)).max()).unwrap_or(0)
        });
        self.idf = idf(base_df.max(1), index.entry_count());
    }

    /// Whether the word itself or words it starts are in the collection.
    pub(crate) fn has_direct_hit(&self) -> bool {
        self.exact.is_some() || !self.prefix.is_empty()
    }

    /// Whether it matches anything at all.
    fn matches_anything(&self) -> bool {
        self.has_direct_hit() || !self.variants.is_empty()
    }

    /// The smallest id range holding every token it matches. Variants mostly share their
    /// first letters with the typed word, so the range is narrow and rules out most tokens
    /// with a single comparison.
    pub(crate) fn id_bounds(&self) -> Range<u32> {
        let ids = self.exact.into_iter().chain(self.variants.iter().map(|v| v.id));
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
            || (self.variant_filter[bit / 64] & (1 << (bit % 64)) != 0
                && self.variants.binary_search_by_key(&id, |v| v.id).is_ok())
    }

    /// How token `id` matches, if it does.
    pub(crate) fn tier(&self, id: u32, index: &Index) -> Option<Tier> {
        if self.exact == Some(id) {
            Some(Tier::Exact)
        } else if self.prefix.contains(&id) {
            Some(Tier::Prefix { typed: self.text.chars().count(), word: index.vocab.char_len(id) })
        } else {
            let i = self.variants.binary_search_by_key(&id, |v| v.id).ok()?;
            Some(self.variants[i].tier)
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
        exact.into_iter().chain(self.prefix.clone()).chain(self.variants.iter().map(|v| v.id))
    }

    /// How many postings matching costs.
    pub(crate) fn cost(&self, index: &Index) -> usize {
        self.ids().map(|id| index.df(id)).sum()
    }
}

/// Where token `id` falls in a variant filter (a multiplicative hash onto 1,024 bits).
fn filter_bit(id: u32) -> usize {
    (id.wrapping_mul(0x9E37_79B9) >> 22) as usize
}

/// One term of the query, ready to evaluate.
#[derive(Debug, Clone, Default)]
pub(crate) struct TermPlan {
    /// The term as typed, for explanations and the "missing" words of partial matches.
    pub label: String,
    /// The term as one token: a word, a punctuation mark, or a whole identifier.
    pub word: Option<WordMatch>,
    /// The term as a sequence of at least two tokens (`asyncio.to_thread`, `-p`, or a typed
    /// word found as two), if it is one.
    pub phrase: Vec<WordMatch>,
    /// Which of the phrase's parts are punctuation, and how they match.
    pub layout: Layout,
    /// What a phrase match is worth before its parts' own quality (less than 1 for a typed
    /// word found as two).
    pub phrase_quality: f32,
    /// The phrase's rarity: its words' summed, punctuation counting a little.
    pub phrase_idf: f32,
    /// The phrase's most selective part that every match has, looked for first.
    pub anchor: usize,
    /// Question groups it matches fuzzily, with their quality.
    pub fuzzy: Vec<(u32, f32)>,
    /// A single stop word (`how`, `the`): never required, it only ranks.
    pub stop_word: bool,
    /// Written in quotes: an exact phrase, required even in partial matches.
    pub quoted: bool,
    /// The same word as an earlier term, maybe in another form (`blocking ... blocking`,
    /// `make ... making`): matched the same, it counts once towards coverage.
    pub repeat: bool,
}

impl TermPlan {
    /// How rare the term is: its word's rarity, or its phrase's.
    pub(crate) fn rarity(&self) -> f32 {
        let word = self.word.as_ref().map_or(0.0, |w| w.idf);
        if self.phrase.is_empty() {
            word
        } else {
            word.max(self.phrase_idf)
        }
    }

    /// The matcher for the token a term ends with (for adjacency with the next term).
    pub(crate) fn last_token(&self) -> Option<&WordMatch> {
        self.phrase.last().or(self.word.as_ref())
    }

    /// The matcher for the token a term starts with.
    pub(crate) fn first_token(&self) -> Option<&WordMatch> {
        self.phrase.first().or(self.word.as_ref())
    }

    /// A single word, not quoted: one that two adjacent terms may form together.
    fn single_word(&self) -> Option<&WordMatch> {
        self.word.as_ref().filter(|w| !self.quoted && self.phrase.is_empty() && !w.punct)
    }

    fn set_phrase(&mut self, index: &Index, parts: Vec<WordMatch>, quality: f32) {
        self.layout = Layout::new(parts.iter().map(|w| Part::of(&w.text, w.punct)).collect());
        self.phrase_idf = parts.iter().map(|w| if w.punct { PUNCT_SHARE * w.idf } else { w.idf }).sum();
        let strict = (0..parts.len()).filter(|&i| !self.layout.is_loose(i));
        self.anchor = strict.min_by_key(|&i| parts[i].cost(index)).unwrap_or(0);
        self.phrase = parts;
        self.phrase_quality = quality;
    }
}

/// A query compiled against an index.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    /// The terms, in query order: all but stop words must match (see [`super::eval`]).
    pub terms: Vec<TermPlan>,
    /// Terms whose entries are left out.
    pub excluded: Vec<TermPlan>,
    /// Day prefixes of which an entry's day must start with one (none: any day).
    pub days: Vec<String>,
}

/// Compiles `query` against `index`.
pub(crate) fn compile(index: &Index, query: &Query) -> Plan {
    let mut distinct: Vec<String> = query.terms.iter().map(|t| t.text.to_lowercase()).collect();
    distinct.retain(|t| !is_stop_word(t));
    distinct.sort_unstable();
    distinct.dedup();
    let mut tools = Tools { reword: distinct.len() <= MAX_REWORDED_TERMS, ..Tools::default() };
    // `-ti` excludes `ti`, unless the collection has it as a command-line flag (`lsof -ti`).
    let (flags, excluded): (Vec<&Term>, Vec<&Term>) =
        query.excluded.iter().partition(|t| !t.quoted && is_flag_in(index, &t.text));
    let mut typed: Vec<Term> = query.terms.clone();
    for flag in flags {
        let at = typed.partition_point(|t| t.span.start < flag.span.start);
        let span = flag.span.start - 1..flag.span.end;
        typed.insert(at, Term { text: format!("-{}", flag.text), span, ..flag.clone() });
    }
    let mut terms: Vec<TermPlan> =
        typed.iter().filter_map(|t| compile_term(index, t, Leniency::Typos, &mut tools)).collect();
    join_adjacent_words(index, &tools, &mut terms);
    mark_repeats(&tools, &mut terms);
    Plan {
        terms,
        excluded: excluded.into_iter().filter_map(|t| compile_term(index, t, Leniency::Exact, &mut tools)).collect(),
        days: query.days.clone(),
    }
}

/// Entries looked at, at most, to tell whether a dash and letters are a flag of the collection.
const MAX_FLAG_PROBES: usize = 64;

/// Whether the collection writes `letters` (or the same letters in another order) right
/// after a dash, as in `lsof -ti`: then `-ti` is searched, not excluded.
fn is_flag_in(index: &Index, letters: &str) -> bool {
    let (Some(dash), Some(key)) = (index.vocab.find("-"), flag_key(letters)) else { return false };
    let ids = index.vocab.ids_of_len(letters.len()).iter().filter(|&&id| flag_key(index.vocab.word(id)) == Some(key));
    let mut entries = ids.flat_map(|&id| index.postings(id).iter().map(move |p| (id, p.entry()))).take(MAX_FLAG_PROBES);
    entries.any(|(id, entry)| {
        (0..super::score::FIELDS).any(|f| index.field(entry, f).windows(2).any(|pair| pair == [dash, id]))
    })
}

/// The letters of a short option cluster, sorted (`ti` and `it` share it), if `word` is one.
fn flag_key(word: &str) -> Option<[u8; MAX_FLAG_LETTERS]> {
    let short = (1..=MAX_FLAG_LETTERS).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_lowercase());
    short.then(|| {
        let mut key = [0u8; MAX_FLAG_LETTERS];
        key[..word.len()].copy_from_slice(word.as_bytes());
        key.sort_unstable();
        key
    })
}

fn compile_term(index: &Index, term: &Term, leniency: Leniency, tools: &mut Tools) -> Option<TermPlan> {
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
    let leniency = if term.quoted { Leniency::Exact } else { leniency };
    let lenient = leniency == Leniency::Typos;
    if lenient && is_possessive(&parts) && compounds.iter().all(|(_, whole, ..)| index.vocab.find(whole).is_none()) {
        // `go's`, `npm's`, which the collection never writes (and Snowball leaves `gos` and
        // `npms` as they are): the entries say `Go` and `npm`.
        parts.truncate(1);
        compounds.clear();
    }
    let open = term.open && !term.quoted;
    let mut plan =
        TermPlan { label: term.text.clone(), quoted: term.quoted, phrase_quality: 1.0, ..TermPlan::default() };
    match parts.as_slice() {
        [] => return None,
        [(kind, text, ..)] => {
            let word = WordMatch::new(index, tools, text, *kind, open, leniency);
            if lenient && *kind == Kind::Word && text.chars().count() >= fuzzy::MIN_CHARS && !word.has_direct_hit() {
                let matcher = tools.matcher.get_or_insert_with(fuzzy::matcher);
                plan.fuzzy = index.groups.matching(matcher, text);
            }
            let other_form = word.variants.iter().any(|v| v.tier == Tier::Stem);
            if lenient && *kind == Kind::Word && !word.has_direct_hit() && !other_form {
                if let Some(halves) = tools.reword.then(|| split(index, tools, text)).flatten() {
                    plan.set_phrase(index, halves, Tier::Split.weight());
                }
            }
            plan.stop_word = lenient && *kind == Kind::Word && is_stop_word(text);
            plan.word = Some(word);
        }
        [first, .., last] => {
            let count = parts.len();
            let words: Vec<WordMatch> = parts
                .iter()
                .enumerate()
                .map(|(i, (kind, text, ..))| {
                    let leniency = if *kind == Kind::Word { leniency } else { Leniency::Exact };
                    WordMatch::new(index, tools, text, *kind, open && i + 1 == count, leniency)
                })
                .collect();
            plan.set_phrase(index, words, 1.0);
            if lenient {
                add_flag_letters(index, &mut plan.phrase);
            }
            if let [(_, compound, start, end)] = compounds.as_slice() {
                if *start == first.2 && *end == last.3 {
                    plan.stop_word = lenient && is_stop_word(compound);
                    plan.word = Some(WordMatch::new(index, tools, compound, Kind::Compound, false, leniency));
                }
            }
        }
    }
    Some(plan)
}

/// Whether a term's tokens are a possessive: a word, an apostrophe and `s`.
fn is_possessive(parts: &[(Kind, String, usize, usize)]) -> bool {
    matches!(parts, [(Kind::Word, ..), (Kind::Punct, apostrophe, ..), (Kind::Word, s, ..)] if apostrophe == "'" && s == "s")
}

/// A typed word that the collection does not have, as two of its words (`wakeups`: `wake`
/// and `up`), the first as written, the second as written or in another form (`ups`); the
/// most even cut wins. Only cuts whose first half is a word of the collection are stemmed,
/// which keeps a misspelt word cheap on every keystroke.
fn split(index: &Index, tools: &Tools, word: &str) -> Option<Vec<WordMatch>> {
    if word.len() < MIN_SPLIT_CHARS || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let half = |text: &str| {
        let part = WordMatch::new(index, tools, text, Kind::Word, false, Leniency::Forms);
        part.matches_anything().then_some(part)
    };
    let mut cuts: Vec<usize> = (MIN_SPLIT_PART..=word.len() - MIN_SPLIT_PART).collect();
    sort_by_u64_key(&mut cuts, |&at| saturate(at.abs_diff(word.len() / 2)).into());
    cuts.into_iter().filter(|&at| index.vocab.find(&word[..at]).is_some()).find_map(|at| {
        let first = WordMatch::new(index, tools, &word[..at], Kind::Word, false, Leniency::Exact);
        Some(vec![first, half(&word[at..])?])
    })
}

/// A short option typed after a dash (`-it`, `-t`) also matches the option clusters with
/// the same letters (`-ti`), or, for a single letter, the short clusters that hold it.
fn add_flag_letters(index: &Index, parts: &mut [WordMatch]) {
    for i in 1..parts.len() {
        let (before, rest) = parts.split_at_mut(i);
        let (dash, letters) = (&before[i - 1], &mut rest[0]);
        if dash.text != "-" || flag_key(&letters.text).is_none() || (i >= 2 && !before[i - 2].punct) {
            continue;
        }
        let typed = &letters.text;
        let key = flag_key(typed);
        let lens = if typed.len() == 1 { 2..=MAX_FLAG_LETTERS.min(3) } else { typed.len()..=typed.len() };
        let mut found = Vec::new();
        for len in lens {
            for &id in index.vocab.ids_of_len(len) {
                let word = index.vocab.word(id);
                let same = if typed.len() == 1 { word.contains(typed.as_str()) } else { flag_key(word) == key };
                if same && flag_key(word).is_some() {
                    found.push(Variant { id, tier: Tier::Flag });
                }
            }
        }
        letters.add_variants(index, found);
    }
}

/// Two adjacent typed words that the collection writes as one (`time out`: `timeout`, `data
/// set`: `datasets`, `cleaned up`: `cleanup`) also match that word, each of them, and so do the synonyms of the word
/// they make (`pull request`: `pr`).
fn join_adjacent_words(index: &Index, tools: &Tools, terms: &mut [TermPlan]) {
    for i in 1..terms.len() {
        let (Some(left), Some(right)) = (terms[i - 1].single_word(), terms[i].single_word()) else { continue };
        // As written, or its stem as a word (`data sets`: `dataset`), or the first word's stem
        // joined to the second (`cleaned up`: `cleanup`, `shutting down`: `shutdown`), by
        // lookups alone.
        let joined = format!("{}{}", left.text, right.text);
        let stem = tools.english.stem(&joined);
        let verb = tools.english.stem(&left.text).filter(|s| *s != left.text).map(|s| s + &right.text);
        let found = |w: &str, tier| index.vocab.find(w).map(|id| Variant { id, tier });
        let mut variants: Vec<Variant> = [Some(joined.as_str()), stem.as_deref(), verb.as_deref()]
            .into_iter()
            .flatten()
            .filter_map(|w| found(w, Tier::Joined))
            .collect();
        // And the synonyms of the joined word (`pull requests`: `pr`).
        if tools.reword {
            variants.extend(synonyms::of(&joined, stem.as_deref()).filter_map(|w| found(w, Tier::Synonym)));
        }
        for term in &mut terms[i - 1..=i] {
            if let Some(word) = term.word.as_mut() {
                word.add_variants(index, variants.clone());
            }
        }
    }
}

/// Marks the single words that repeat an earlier one of the query, as written or by stem.
fn mark_repeats(tools: &Tools, terms: &mut [TermPlan]) {
    let key = |term: &TermPlan| {
        let word = term.single_word()?;
        Some(tools.english.stem(&word.text).unwrap_or_else(|| word.text.clone()))
    };
    let keys: Vec<Option<String>> = terms.iter().map(key).collect();
    for (i, term) in terms.iter_mut().enumerate() {
        term.repeat = keys[i].is_some() && keys[..i].contains(&keys[i]);
    }
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
        assert_eq!(word.unwrap_or_default(), ["stream", "streaming", "streams"], "complete: exact, other forms, typos");
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
        assert!(p.excluded[0].word.as_ref().is_some_and(|w| w.variants.is_empty() && w.prefix.is_empty()));
        assert!(p.terms[1].word.as_ref().is_some_and(|w| w.variants.is_empty() && w.prefix.is_empty()));
    }
}
