//! Running a compiled query: the entries with every term over the postings, then, when they
//! are few, the entries with some of them; exclusions, day filters, then ranking.
//!
//! Every term but stop words must match (`how`, `the` only rank), and terms are evaluated from
//! the cheapest to the dearest, each only over the entries that matched all terms before it;
//! phrases are verified on those entries' token sequences. When fewer than [`PARTIAL_FILL`]
//! entries have every term, the entries with some of them follow, each scored down by the
//! share of the query it lacks (see [`super::coverage`]; quoted phrases, exclusions and
//! `day:` filters stay strict).
//! Adjacency of consecutive terms is checked only for the best [`RERANK_WINDOW`] entries.

use std::ops::Range;

use super::coverage::Coverage;
use super::index::{Index, SEPARATOR};
use super::order::{pair, saturate, sort_by_u64_key};
use super::phrase::TokenKind;
use super::plan::{fuzzy_weight, Plan, TermPlan, WordMatch};
use super::score::{field_score, ADJACENT, ALL_IN_QUESTION, FIELDS, QUESTION};

/// How many of the best entries get their score adjusted for adjacent terms.
pub(crate) const RERANK_WINDOW: usize = 256;

/// When fewer entries than this have every term, entries with some of them follow.
pub(crate) const PARTIAL_FILL: usize = 10;

/// Most of the query's words whose entries make the partial matches: a reader's query has
/// fewer, so this bounds only pasted text, whose other words still count for the entries
/// found (see [`partial_seeds`]).
const PARTIAL_SEEDS: usize = 8;

/// An entry that matched, with what its score is made of.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    pub entry: u32,
    pub score: f32,
    /// Every term matched in the question (read by explanations only).
    #[cfg_attr(not(feature = "explain"), allow(dead_code))]
    pub all_in_question: bool,
    /// The adjacency multiplier applied (1 if none, or outside the rerank window).
    pub adjacency: f32,
    /// The terms it matched, a bit each in query order.
    pub covered: u32,
    /// Whether it has every word of the query (stop words aside): those rank first.
    pub complete: bool,
}

impl Scored {
    fn new(entry: u32, score: f32, covered: u32) -> Scored {
        Scored { entry, score, all_in_question: false, adjacency: 1.0, covered, complete: true }
    }
}

/// The outcome of a query before presentation.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// Matching entries in rank order, cut to the limit.
    pub ranked: Vec<Scored>,
    /// Matching entries within the day range.
    pub total: usize,
    /// Matching entries per day rank, ignoring the day range.
    pub per_day: Vec<u32>,
    /// How many of the `total` have every term but stop words (they rank first).
    pub complete: usize,
    /// The terms some matching entry has, a bit each.
    pub found: u32,
}

/// The terms that count as the query's words, a bit each: all but stop words and repeats of
/// an earlier word, unless the query is nothing but stop words.
pub(crate) fn words_mask(plan: &Plan) -> u32 {
    let all = plan.terms.iter().enumerate().filter(|(_, t)| !t.repeat).fold(0, |mask, (i, _)| mask | 1 << i);
    let words = (plan.terms.iter().enumerate())
        .filter(|(_, t)| !t.stop_word && !t.repeat)
        .fold(0, |mask, (i, _)| mask | 1 << i);
    if words == 0 {
        all
    } else {
        words
    }
}

/// Sums the terms' scores over the entries that match every term whose bit `required` has;
/// the other terms only add to the score (or, when no term is required, each of the `seeds`
/// adds its entries). Required terms go first, then seeds, each group cheapest first.
fn accumulate(acc: &mut Accumulator, index: &Index, plan: &Plan, required: u32, seeds: u32) {
    acc.reset(index.entry_count());
    if !plan.days.is_empty() {
        acc.days = Some(day_mask(index, &plan.days));
    }
    let is_required = |t: usize| required & 1 << t != 0;
    let is_seed = |t: usize| seeds & 1 << t != 0;
    let costs: Vec<usize> = plan.terms.iter().map(|t| cost(index, t)).collect();
    let mut order: Vec<usize> = (0..plan.terms.len()).collect();
    let group = |t: usize| u32::from(!is_required(t)) << 1 | u32::from(!is_seed(t));
    sort_by_u64_key(&mut order, |&t| pair(group(t), saturate(costs[t])));
    for &t in &order {
        acc.add_term(index, &plan.terms[t], 1 << t, is_required(t), is_seed(t));
        if acc.required > 0 && acc.candidates.is_empty() {
            break;
        }
    }
}

/// Evaluates `plan`, keeping entries whose day rank passes `in_range`, returning at most
/// `limit` entries.
pub(crate) fn run(index: &Index, plan: &Plan, in_range: &[bool], limit: usize) -> Outcome {
    let query_days = day_mask(index, &plan.days);
    let mut outcome = Outcome { per_day: vec![0; index.days.len()], ..Outcome::default() };
    let mut matched = Vec::new();
    let accept = |e: u32, outcome: &mut Outcome| {
        let day = index.entry_day[e as usize];
        if !query_days[day as usize] || plan.excluded.iter().any(|t| term_matches(index, t, e)) {
            return false;
        }
        outcome.per_day[day as usize] += 1;
        in_range[day as usize]
    };
    if plan.terms.is_empty() {
        for &e in &index.order {
            if accept(e, &mut outcome) {
                outcome.total += 1;
                if matched.len() < limit {
                    matched.push(Scored::new(e, 0.0, 0));
                }
            }
        }
        outcome.complete = outcome.total;
        outcome.ranked = matched;
        return outcome;
    }
    // The index's accumulator, unless (impossibly, single-threaded) it is in use.
    let mut shared = index.scratch.try_borrow_mut();
    let mut own = Accumulator::default();
    let acc = match shared.as_deref_mut() {
        Ok(acc) => acc,
        Err(_) => &mut own,
    };
    let words = words_mask(plan);
    accumulate(acc, index, plan, words, words);
    let required = acc.required;
    matched.reserve(acc.candidates.len());
    for &e in &acc.candidates {
        if accept(e, &mut outcome) {
            let slot = acc.slots[e as usize];
            let all_in_question = required >= 2 && usize::from(slot.in_question) == required;
            let bonus = if all_in_question { ALL_IN_QUESTION } else { 1.0 };
            let scored = Scored { all_in_question, ..Scored::new(e, slot.total * bonus, slot.covered) };
            matched.push(scored);
        }
    }
    outcome.complete = matched.len();
    if matched.len() < PARTIAL_FILL && words.count_ones() >= 2 {
        add_partial_matches(acc, index, plan, words, &mut matched, &mut |e| accept(e, &mut outcome));
        let coverage = Coverage::of(plan);
        matched[outcome.complete..].iter_mut().for_each(|scored| coverage.discount(scored));
    }
    outcome.total = matched.len();
    outcome.found = matched.iter().fold(0, |found, scored| found | scored.covered);
    rank(index, plan, &mut matched, limit);
    outcome.ranked = matched;
    outcome
}

/// The entries with some of the query's `words` but not all (and every quoted phrase),
/// after the `matched` ones that have them all: those with one of its [`partial_seeds`].
fn add_partial_matches(
    acc: &mut Accumulator,
    index: &Index,
    plan: &Plan,
    words: u32,
    matched: &mut Vec<Scored>,
    accept: &mut impl FnMut(u32) -> bool,
) {
    let mut complete = vec![0u64; index.entry_count().div_ceil(64)];
    for scored in matched.iter() {
        complete[scored.entry as usize / 64] |= 1 << (scored.entry % 64);
    }
    let quoted = plan.terms.iter().enumerate().filter(|(_, t)| t.quoted).fold(0, |mask, (i, _)| mask | 1 << i);
    accumulate(acc, index, plan, quoted, partial_seeds(index, plan, words));
    for &e in &acc.candidates {
        let slot = acc.slots[e as usize];
        if complete[e as usize / 64] & (1 << (e % 64)) != 0 || slot.covered & words == 0 {
            continue;
        }
        if accept(e) {
            matched.push(Scored::new(e, slot.total, slot.covered));
        }
    }
}

/// The terms whose entries are the partial matches: the query's `words`, but of more than
/// [`PARTIAL_SEEDS`] (pasted text) only that many, the most selective. Every other term still
/// adds to the score and coverage of those entries; what is left out are the entries with
/// none of the rarer words, which would have ranked below most of them anyway. Without this
/// a 10,000-character query scored each posting of sixteen terms, and every entry having
/// one of them was a candidate.
fn partial_seeds(index: &Index, plan: &Plan, words: u32) -> u32 {
    let mut seeds: Vec<usize> = (0..plan.terms.len()).filter(|&t| words & 1 << t != 0).collect();
    if seeds.len() > PARTIAL_SEEDS {
        // Phrases last: each of their entries is verified token by token.
        let key = |t: usize| pair(u32::from(!plan.terms[t].phrase.is_empty()), saturate(reach(index, &plan.terms[t])));
        sort_by_u64_key(&mut seeds, |&t| key(t));
        seeds.truncate(PARTIAL_SEEDS);
    }
    seeds.iter().fold(0, |mask, &t| mask | 1 << t)
}

/// The order of the hits as one `u64`, smallest first: those with every word of the query,
/// then a higher score (a partial match's is cut by the share of the query it lacks), then ties
/// newest day first, then in collection order (the entry's place in [`Index::order`]). No two
/// entries share a key, so [`sort_by_u64_key`] ranks them in a few linear passes.
fn rank_key(index: &Index, scored: &Scored) -> u64 {
    // `f32::total_cmp`'s order as unsigned bits, negated for "higher first".
    let bits = scored.score.to_bits();
    let ordered = if bits >> 31 == 1 { !bits } else { bits | 1 << 31 };
    let tie = u64::from(index.tie_rank[scored.entry as usize]);
    u64::from(!scored.complete) << 60 | u64::from(!ordered) << 28 | tie
}

/// Ranks `matched`, the best [`RERANK_WINDOW`] again after their adjacency bonus, and keeps
/// `limit` of them.
fn rank(index: &Index, plan: &Plan, matched: &mut Vec<Scored>, limit: usize) {
    let key = |scored: &Scored| rank_key(index, scored);
    // With a limit, only the best that it or the window keeps are sorted.
    let keep = limit.max(RERANK_WINDOW);
    if keep < matched.len() {
        matched.select_nth_unstable_by_key(keep, key);
        matched.truncate(keep);
    }
    sort_by_u64_key(matched, key);
    let window = RERANK_WINDOW.min(matched.len());
    if plan.terms.len() >= 2 {
        let adjacency = Adjacency::new(index, &plan.terms);
        for scored in &mut matched[..window] {
            scored.adjacency = adjacency.multiplier(index, scored.entry);
            scored.score *= scored.adjacency;
        }
        sort_by_u64_key(&mut matched[..window], key);
    }
    matched.truncate(limit);
}

/// Which consecutive pairs of the query's terms occur next to each other in an entry, found
/// in one pass over each field whatever the number of terms (pasted text has sixteen: a pass
/// per pair, each token tried against each term, cost such a query 1.6 ms natively).
struct Adjacency {
    /// The terms' last tokens, each but the last term's, under the term's bit.
    lefts: Ends,
    /// The terms' first tokens, each but the first term's, under the bit of the term before.
    rights: Ends,
    pairs: usize,
}

impl Adjacency {
    fn new(index: &Index, terms: &[TermPlan]) -> Adjacency {
        let pairs = terms.len().saturating_sub(1);
        let bits = (0..pairs).map(|t| 1u32 << t);
        Adjacency {
            lefts: Ends::new(index, bits.clone().zip(&terms[..pairs]).filter_map(|(b, t)| Some((b, t.last_token()?)))),
            rights: Ends::new(index, bits.zip(terms.iter().skip(1)).filter_map(|(b, t)| Some((b, t.first_token()?)))),
            pairs,
        }
    }

    /// The adjacency multiplier of `entry`: how many consecutive pairs of terms occur next
    /// to each other, in order (punctuation between them allowed), in some field.
    fn multiplier(&self, index: &Index, entry: u32) -> f32 {
        if self.pairs == 0 {
            return 1.0;
        }
        let adjacent = (0..FIELDS).fold(0u32, |found, f| found | self.pairs_in(index, index.field(entry, f), found));
        1.0 + ADJACENT * adjacent.count_ones() as f32 / self.pairs as f32
    }

    /// The pairs adjacent in `tokens`, a bit each (that of the pair's first term), besides
    /// those `found` already.
    fn pairs_in(&self, index: &Index, tokens: &[u32], mut found: u32) -> u32 {
        for (p, &id) in tokens.iter().enumerate() {
            let left = self.lefts.mask(id) & !found;
            if left == 0 {
                continue;
            }
            for &next in tokens[p + 1..].iter().take_while(|&&t| t != SEPARATOR) {
                found |= left & self.rights.mask(next);
                if !index.vocab.is_punct(next) {
                    break;
                }
            }
        }
        found
    }
}

/// The tokens some of a set of word matchers match, looked up by token id: a bit per word of
/// the vocabulary rules most tokens out at once.
struct Ends {
    /// Which token ids some matcher matches.
    marked: Vec<u64>,
    /// The ids matched exactly or as variants, ascending, with the bits of their matchers.
    ids: Vec<(u32, u32)>,
    /// Words being typed: the ids they start, with their matcher's bit.
    prefixes: Vec<(Range<u32>, u32)>,
}

impl Ends {
    fn new<'a>(index: &Index, matchers: impl Iterator<Item = (u32, &'a WordMatch)>) -> Ends {
        let (mut ids, mut prefixes) = (Vec::new(), Vec::new());
        for (bit, m) in matchers {
            let single = m.exact.filter(|id| !m.prefix.contains(id)).into_iter().chain(m.variants.iter().map(|v| v.id));
            ids.extend(single.map(|id| (id, bit)));
            if !m.prefix.is_empty() {
                prefixes.push((m.prefix.clone(), bit));
            }
        }
        sort_by_u64_key(&mut ids, |&(id, bit)| pair(id, bit));
        ids.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            kept.1 |= if same { later.1 } else { 0 };
            same
        });
        let mut marked = vec![0u64; index.vocab.len().div_ceil(64)];
        for id in
            ids.iter().map(|&(id, _)| id).chain(prefixes.iter().flat_map(|(ids, _): &(Range<u32>, u32)| ids.clone()))
        {
            if let Some(word) = marked.get_mut(id as usize / 64) {
                *word |= 1 << (id % 64);
            }
        }
        Ends { marked, ids, prefixes }
    }

    /// The bits of the matchers that token `id` matches.
    fn mask(&self, id: u32) -> u32 {
        let i = id as usize;
        if self.marked.get(i / 64).is_none_or(|word| word & (1 << (i % 64)) == 0) {
            return 0;
        }
        let listed = self.ids.binary_search_by_key(&id, |&(id, _)| id).map_or(0, |at| self.ids[at].1);
        self.prefixes.iter().filter(|(ids, _)| ids.contains(&id)).fold(listed, |mask, &(_, bit)| mask | bit)
    }
}

/// Which day ranks the query's `day:` filters keep.
fn day_mask(index: &Index, days: &[String]) -> Vec<bool> {
    index.days.iter().map(|d| days.is_empty() || days.iter().any(|p| d.as_str().starts_with(p.as_str()))).collect()
}

fn cost(index: &Index, term: &TermPlan) -> usize {
    let word = term.word.as_ref().map_or(0, |w| w.cost(index));
    let fuzzy: usize = term.fuzzy.iter().map(|&(g, _)| index.groups.entries(g).len()).sum();
    // Phrases are verified entry by entry: after every term that uses postings.
    let phrase = if term.phrase.is_empty() { 0 } else { usize::MAX / 2 };
    word.saturating_add(fuzzy).saturating_add(phrase)
}

/// About how many entries `term` matches: its postings, those of its phrase's anchor, and
/// its fuzzy groups' entries.
fn reach(index: &Index, term: &TermPlan) -> usize {
    let anchor = term.phrase.get(term.anchor).map_or(0, |part| part.cost(index));
    cost(index, term).min(usize::MAX / 2).saturating_add(anchor)
}

/// Whether `entry` contains `term` (for exclusions, which match exactly).
fn term_matches(index: &Index, term: &TermPlan, entry: u32) -> bool {
    let word = term
        .word
        .as_ref()
        .is_some_and(|w| w.ids().any(|id| index.postings(id).binary_search_by_key(&entry, |p| p.entry()).is_ok()));
    word || (!term.phrase.is_empty() && phrase_score(index, term, entry).is_some())
}

/// The score of `term`'s phrase in `entry` and whether it occurs in the question.
pub(crate) fn phrase_score(index: &Index, term: &TermPlan, entry: u32) -> Option<(f32, bool)> {
    let (phrase, layout) = (&term.phrase, &term.layout);
    // Look for the most selective part where every part sits at a fixed offset, else the first word.
    let from = if layout.is_fixed() { term.anchor } else { layout.scan_part() };
    let scan = phrase.get(from)?;
    let mut tf = [0u32; FIELDS];
    let mut best = 0.0f32;
    for (f, count) in tf.iter_mut().enumerate() {
        let tokens = index.field(entry, f);
        for_each_match(tokens, scan, &mut |at| {
            let tier = |part: usize, id: u32| phrase[part].tier(id, index);
            if let Some((_, _, quality)) = layout.match_at(tokens, from, at, tier, |id| token_kind(index, id)) {
                *count += 1;
                best = best.max(quality);
            }
        });
    }
    if tf.iter().all(|&c| c == 0) {
        return None;
    }
    let quality = term.phrase_quality * best;
    let score = term.phrase_idf * quality * field_score(tf, index.field_lens(entry), index.avg_len);
    Some((score, tf[QUESTION] > 0))
}

/// What token `id` of a field's sequence is, for phrases.
fn token_kind(index: &Index, id: u32) -> TokenKind {
    if id == SEPARATOR {
        TokenKind::Boundary
    } else if index.vocab.is_punct(id) {
        TokenKind::Punct
    } else {
        TokenKind::Word
    }
}

/// Calls `found` with the position of every token of `tokens` that `part` matches. Eight
/// tokens at a time are first compared with the range of ids it can match (branch-free, so
/// the compiler vectorises it); only chunks with a token in range are looked at closely.
fn for_each_match(tokens: &[u32], part: &WordMatch, found: &mut impl FnMut(usize)) {
    let bounds = part.id_bounds();
    let (low, width) = (bounds.start, bounds.end - bounds.start);
    for (c, chunk) in tokens.chunks(8).enumerate() {
        if chunk.iter().fold(false, |any, &id| any | (id.wrapping_sub(low) < width)) {
            for (i, &id) in chunk.iter().enumerate() {
                if part.matches(id) {
                    found(c * 8 + i);
                }
            }
        }
    }
}

/// Entries that may contain `term`'s phrase: those with its most selective part, narrowed
/// to those that also have the next most selective parts when that is cheaper than
/// scanning the entries that lack them.
fn phrase_candidates(index: &Index, term: &TermPlan) -> Vec<u32> {
    let Some(anchor) = term.phrase.get(term.anchor) else { return Vec::new() };
    let mut entries = entries_of(index, anchor);
    let mut others: Vec<(usize, &WordMatch)> = (term.phrase.iter().enumerate())
        .filter(|&(i, part)| !term.layout.is_loose(i) && part.ids().ne(anchor.ids()))
        .map(|(_, part)| (part.cost(index), part))
        .collect();
    sort_by_u64_key(&mut others, |&(cost, _)| cost as u64);
    let mut marks = Vec::new();
    for (cost, part) in others.into_iter().take(2) {
        if cost > 4 * entries.len() {
            break;
        }
        mark_entries(index, part, &mut marks);
        entries.retain(|&e| marks[e as usize / 64] & (1 << (e % 64)) != 0);
    }
    entries
}

/// The entries having any token `part` matches, ascending.
fn entries_of(index: &Index, part: &WordMatch) -> Vec<u32> {
    let mut ids = part.ids();
    if let (Some(id), None) = (ids.next(), ids.next()) {
        return index.postings(id).iter().map(|p| p.entry()).collect();
    }
    // A bit per entry rather than a sort: a word being typed starts thousands of tokens.
    let mut marks = Vec::new();
    mark_entries(index, part, &mut marks);
    let mut entries = Vec::new();
    for (at, &word) in marks.iter().enumerate() {
        let mut bits = word;
        while bits != 0 {
            entries.push(64 * at as u32 + bits.trailing_zeros());
            bits &= bits - 1;
        }
    }
    entries
}

/// Sets `marks` to a bit per entry, set for the entries having any token `part` matches.
fn mark_entries(index: &Index, part: &WordMatch, marks: &mut Vec<u64>) {
    marks.clear();
    marks.resize(index.entry_count().div_ceil(64), 0);
    for id in part.ids() {
        for p in index.postings(id) {
            let e = p.entry() as usize;
            marks[e / 64] |= 1 << (e % 64);
        }
    }
}

/// What the evaluation keeps for one entry.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// The evaluation the slot belongs to; any other means the slot is blank.
    epoch: u32,
    /// The sum of the scores of the terms evaluated.
    total: f32,
    /// The current term's best score (valid where `stamp == round + 1`).
    best: f32,
    stamp: u32,
    /// Required terms the entry has.
    matched: u8,
    /// Required terms the entry has in its question.
    in_question: u8,
    best_in_question: bool,
    /// The terms it has, a bit each.
    covered: u32,
    /// Already among the candidates (when no term is required, each term adds its entries).
    listed: bool,
}

/// Per-entry sums over the terms evaluated so far. The index keeps one to reuse its memory
/// from keystroke to keystroke.
#[derive(Debug, Default)]
pub(crate) struct Accumulator {
    /// Counts evaluations, so that slots of an earlier one read as blank without clearing.
    epoch: u32,
    /// Required terms evaluated so far.
    required: usize,
    /// Terms evaluated so far.
    round: u32,
    slots: Vec<Slot>,
    touched: Vec<u32>,
    /// Entries that matched every required term so far.
    candidates: Vec<u32>,
    /// The day ranks the query's `day:` filters keep, if it has any: other entries are
    /// skipped from the start.
    days: Option<Vec<bool>>,
}

impl Accumulator {
    /// Starts an evaluation over a collection of `n` entries; slots are blanked lazily, so
    /// this costs nothing per entry (but once every four billion evaluations).
    fn reset(&mut self, n: usize) {
        self.required = 0;
        self.round = 0;
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.slots.clear();
            self.epoch = 1;
        }
        self.slots.resize(n, Slot::default());
        self.touched.clear();
        self.candidates.clear();
        self.days = None;
    }

    /// Bytes of heap memory held.
    pub(crate) fn heap_bytes(&self) -> usize {
        std::mem::size_of::<Slot>() * self.slots.capacity() + 4 * (self.touched.capacity() + self.candidates.capacity())
    }

    /// Whether the query's day filters keep `entry`.
    fn on_a_kept_day(&self, index: &Index, entry: u32) -> bool {
        self.days.as_ref().is_none_or(|days| days[index.entry_day[entry as usize] as usize])
    }

    fn offer(&mut self, index: &Index, entry: u32, score: f32, in_question: bool) {
        if !self.on_a_kept_day(index, entry) {
            return;
        }
        let (stamp, required, epoch) = (self.round + 1, self.required, self.epoch);
        let Some(slot) = self.slots.get_mut(entry as usize) else { return };
        if slot.epoch != epoch {
            *slot = Slot { epoch, ..Slot::default() };
        }
        if usize::from(slot.matched) != required {
            return;
        }
        if slot.stamp != stamp {
            slot.stamp = stamp;
            slot.best = score;
            slot.best_in_question = in_question;
            self.touched.push(entry);
        } else {
            slot.best = slot.best.max(score);
            slot.best_in_question |= in_question;
        }
    }

    /// Adds `term`'s scores and its `bit` to the entries that have it; a `required` term also
    /// narrows the candidates to them, and when no term is required those of a term that
    /// `joins` join the candidates.
    fn add_term(&mut self, index: &Index, term: &TermPlan, bit: u32, required: bool, joins: bool) {
        self.touched.clear();
        if let Some(word) = &term.word {
            for id in word.ids() {
                let Some((_, weight)) = word.weight(id, index) else { continue };
                for p in index.postings(id) {
                    self.offer(index, p.entry(), weight * p.score, p.in_field(QUESTION));
                }
            }
        }
        for &(group, quality) in &term.fuzzy {
            let weight = fuzzy_weight(&index.groups, group, quality, index.entry_count());
            for &e in index.groups.entries(group) {
                self.offer(index, e, weight, true);
            }
        }
        if !term.phrase.is_empty() {
            let candidates = if self.required > 0 {
                std::mem::take(&mut self.candidates)
            } else if joins {
                phrase_candidates(index, term)
            } else {
                // Verified entry by entry: only where it adds to an entry already found.
                let mut candidates = phrase_candidates(index, term);
                candidates.retain(|&e| self.slots[e as usize].epoch == self.epoch && self.slots[e as usize].listed);
                candidates
            };
            for &e in &candidates {
                if !self.on_a_kept_day(index, e) {
                    continue;
                }
                if let Some((score, in_question)) = phrase_score(index, term, e) {
                    self.offer(index, e, score, in_question);
                }
            }
            if self.required > 0 {
                self.candidates = candidates;
            }
        }
        let any = joins && !required && self.required == 0;
        for &e in &self.touched {
            let slot = &mut self.slots[e as usize];
            slot.total += slot.best;
            slot.covered |= bit;
            if required {
                slot.matched += 1;
                slot.in_question += u8::from(slot.best_in_question);
            } else if any && !slot.listed {
                slot.listed = true;
                self.candidates.push(e);
            }
        }
        self.round += 1;
        if required {
            self.required += 1;
            self.candidates.clone_from(&self.touched);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;
    use crate::search::test_support::entries;
    use crate::search::{plan, SearchOptions};

    /// The adjacency multiplier of each entry for `query`.
    fn multipliers(pairs: &[(&str, &str)], query: &str) -> Vec<f32> {
        let index = Index::new(&entries(pairs));
        let plan = plan::compile(&index, &parse(query));
        let adjacency = Adjacency::new(&index, &plan.terms);
        (0..pairs.len() as u32).map(|e| adjacency.multiplier(&index, e)).collect()
    }

    #[test]
    fn adjacent_terms_count_in_order_through_punctuation_within_a_field() {
        let found = multipliers(
            &[
                ("How do you stage hunks with git add?", "Interactively."),
                ("Why add git hooks?", "To check commits."),
                ("Is git, add the same?", "Yes."),
                ("Does git then add?", "No."),
                ("Where is the git", "add documented?"),
            ],
            "git add",
        );
        let next = 1.0 + ADJACENT;
        assert_eq!(found, [next, 1.0, next, 1.0, 1.0], "in order; a comma between; a word between; two fields");
        let found = multipliers(&[("Why does git add stage hunks?", "So.")], "git add hunks stage");
        assert_eq!(found, [1.0 + ADJACENT / 3.0], "git add, but neither add hunks nor hunks stage");
        let found = multipliers(&[("Why does git add stage hunks?", "So.")], "git add stage hunks");
        assert_eq!(found, [1.0 + ADJACENT], "every pair");
    }

    #[test]
    fn a_long_pasted_query_finds_the_entry_with_most_of_its_rare_words_first() {
        let mut pairs = vec![
            (
                "How does a bloom filter answer membership?",
                "It hashes each key into a bit array; false positives happen.",
            ),
            ("Why is my cache slow?", "The filter hashes every key of the array and memory."),
            ("What is a flower's?", "Its bloom membership, seen in a garden every year by the gardener."),
            ("What does memory hold?", "Each key and array and value of the cache."),
        ];
        let common: Vec<String> = (0..40).map(|i| format!("Notes {i} on key array memory value cache")).collect();
        pairs.extend(common.iter().map(|text| (text.as_str(), "Nothing else.")));
        let index = Index::new(&entries(&pairs));
        // Pasted text: more than PARTIAL_SEEDS words, which no entry has all of, sixteen terms.
        let text = "bloom filter membership hashes positives false key array memory value cache notes on the cheap; ";
        let query: String = text.chars().cycle().take(10_000).collect();
        let results = index.search(&query, &SearchOptions::default());
        assert_eq!(results.complete, 0);
        let order: Vec<usize> = results.hits.iter().map(|h| h.entry).collect();
        assert_eq!(order.first(), Some(&0), "{order:?}");
        // Entries 1 and 2 have two of the rare words each in their answers, entry 1 many common
        // ones too: the common words count for the entries the rare ones found.
        let at = |e: usize| order.iter().position(|&o| o == e);
        assert!(at(1) < at(2) && at(2).is_some(), "{order:?}");
        assert!(results.hits[0].missing.iter().any(|w| w == "notes"), "{:?}", results.hits[0].missing);
    }
}
