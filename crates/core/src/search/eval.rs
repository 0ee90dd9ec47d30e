//! Running a compiled query: AND of the terms over the postings, exclusions, day filters,
//! then ranking.
//!
//! Terms are evaluated from the cheapest to the dearest, each only over the entries that
//! matched all terms before it; phrases are verified on those entries' token sequences.
//! Adjacency of consecutive terms is checked only for the best [`RERANK_WINDOW`] entries.

use std::cmp::Ordering;

use super::index::{Index, SEPARATOR};
use super::plan::{fuzzy_weight, Plan, TermPlan, WordMatch};
use super::score::{field_score, ADJACENT, ALL_IN_QUESTION, FIELDS, QUESTION};

/// How many of the best entries get their score adjusted for adjacent terms.
pub(crate) const RERANK_WINDOW: usize = 256;

/// An entry that matched, with what its score is made of.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    pub entry: u32,
    pub score: f32,
    /// Every term matched in the question.
    pub all_in_question: bool,
    /// The adjacency multiplier applied (1 if none, or outside the rerank window).
    pub adjacency: f32,
    /// The entry's day rank, for ties.
    pub day: u32,
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
    /// No entry had every term, so stop words were not required.
    pub relaxed: bool,
}

/// Sums the terms' scores over the entries that match every term `required` says must
/// match, cheapest term first; the other terms only add to the score.
fn accumulate(index: &Index, plan: &Plan, required: &dyn Fn(&TermPlan) -> bool) -> Accumulator {
    let mut acc = Accumulator::new(index.entry_count());
    let costs: Vec<usize> = plan.terms.iter().map(|t| cost(index, t)).collect();
    let mut order: Vec<usize> = (0..plan.terms.len()).collect();
    order.sort_by_key(|&t| (!required(&plan.terms[t]), costs[t]));
    for &t in &order {
        acc.add_term(index, &plan.terms[t], required(&plan.terms[t]));
        if acc.candidates.is_empty() {
            break;
        }
    }
    acc
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
            return None;
        }
        outcome.per_day[day as usize] += 1;
        in_range[day as usize].then_some(day)
    };
    if plan.terms.is_empty() {
        for &e in &index.order {
            if let Some(day) = accept(e, &mut outcome) {
                outcome.total += 1;
                if matched.len() < limit {
                    matched.push(Scored { entry: e, score: 0.0, all_in_question: false, adjacency: 1.0, day });
                }
            }
        }
        outcome.ranked = matched;
        return outcome;
    }
    let mut acc = accumulate(index, plan, &|_| true);
    let stop_words = plan.terms.iter().filter(|t| t.stop_word).count();
    if acc.candidates.is_empty() && stop_words > 0 && stop_words < plan.terms.len() {
        acc = accumulate(index, plan, &|t: &TermPlan| !t.stop_word);
        outcome.relaxed = true;
    }
    let required = acc.required;
    for &e in &acc.candidates {
        if let Some(day) = accept(e, &mut outcome) {
            let all_in_question = required >= 2 && usize::from(acc.in_question[e as usize]) == required;
            let bonus = if all_in_question { ALL_IN_QUESTION } else { 1.0 };
            let score = acc.total[e as usize] * bonus;
            matched.push(Scored { entry: e, score, all_in_question, adjacency: 1.0, day });
        }
    }
    outcome.total = matched.len();
    rank(index, plan, &mut matched, limit);
    outcome.ranked = matched;
    outcome
}

/// Best first; ties newest day first, then in collection order.
pub(crate) fn by_rank(a: &Scored, b: &Scored) -> Ordering {
    b.score.total_cmp(&a.score).then(a.day.cmp(&b.day)).then(a.entry.cmp(&b.entry))
}

fn rank(index: &Index, plan: &Plan, matched: &mut Vec<Scored>, limit: usize) {
    let window = RERANK_WINDOW.min(matched.len());
    if window < matched.len() {
        matched.select_nth_unstable_by(window, by_rank);
    }
    if plan.terms.len() >= 2 {
        for scored in &mut matched[..window] {
            scored.adjacency = adjacency(index, &plan.terms, scored.entry);
            scored.score *= scored.adjacency;
        }
    }
    matched[..window].sort_unstable_by(by_rank);
    if limit > window {
        let rest = &mut matched[window..];
        let keep = (limit - window).min(rest.len());
        if keep < rest.len() && keep > 0 {
            rest.select_nth_unstable_by(keep, by_rank);
        }
        rest[..keep].sort_unstable_by(by_rank);
    }
    matched.truncate(limit);
}

/// The adjacency multiplier of `entry`: how many consecutive pairs of terms occur next to
/// each other, in order (punctuation between them allowed), in some field.
pub(crate) fn adjacency(index: &Index, terms: &[TermPlan], entry: u32) -> f32 {
    let pairs = terms.len().saturating_sub(1);
    if pairs == 0 {
        return 1.0;
    }
    let adjacent = terms
        .windows(2)
        .filter(|pair| match (pair[0].last_token(), pair[1].first_token()) {
            (Some(left), Some(right)) => (0..FIELDS).any(|f| adjacent_in(index, index.field(entry, f), left, right)),
            _ => false,
        })
        .count();
    1.0 + ADJACENT * adjacent as f32 / pairs as f32
}

fn adjacent_in(index: &Index, tokens: &[u32], left: &WordMatch, right: &WordMatch) -> bool {
    (0..tokens.len()).any(|p| {
        if left.tier(tokens[p], index).is_none() {
            return false;
        }
        let mut q = p + 1;
        while q < tokens.len() && tokens[q] != SEPARATOR {
            if right.tier(tokens[q], index).is_some() {
                return true;
            }
            if !index.vocab.is_punct(tokens[q]) {
                return false;
            }
            q += 1;
        }
        false
    })
}

/// Which day ranks the query's `day:` filters keep.
fn day_mask(index: &Index, days: &[String]) -> Vec<bool> {
    index.days.iter().map(|d| days.is_empty() || days.iter().any(|p| d.starts_with(p.as_str()))).collect()
}

fn cost(index: &Index, term: &TermPlan) -> usize {
    let word = term.word.as_ref().map_or(0, |w| w.cost(index));
    let fuzzy: usize = term.fuzzy.iter().map(|&(g, _)| index.groups.entries(g).len()).sum();
    // Phrases are verified entry by entry: after every term that uses postings.
    let phrase = if term.phrase.is_empty() { 0 } else { usize::MAX / 2 };
    word.saturating_add(fuzzy).saturating_add(phrase)
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
    let phrase = &term.phrase;
    let mut tf = [0u32; FIELDS];
    let mut best = 0.0f32;
    for (f, count) in tf.iter_mut().enumerate() {
        let tokens = index.field(entry, f);
        if tokens.len() < phrase.len() {
            continue;
        }
        for window in tokens.windows(phrase.len()) {
            let quality = window
                .iter()
                .zip(phrase)
                .try_fold(1.0f32, |q, (&id, part)| part.tier(id, index).map(|t| q.min(t.weight())));
            if let Some(q) = quality {
                *count += 1;
                best = best.max(q);
            }
        }
    }
    if tf.iter().all(|&c| c == 0) {
        return None;
    }
    let score = term.phrase_idf * best * field_score(tf, index.field_lens(entry), index.avg_len);
    Some((score, tf[QUESTION] > 0))
}

/// Entries that may contain `term`'s phrase: those with its cheapest part.
fn phrase_candidates(index: &Index, term: &TermPlan) -> Vec<u32> {
    let Some(part) = term.phrase.iter().min_by_key(|w| w.cost(index)) else { return Vec::new() };
    let mut entries: Vec<u32> = part.ids().flat_map(|id| index.postings(id).iter().map(|p| p.entry())).collect();
    entries.sort_unstable();
    entries.dedup();
    entries
}

/// Per-entry sums over the terms evaluated so far.
struct Accumulator {
    /// Required terms evaluated so far.
    required: usize,
    /// Terms evaluated so far.
    round: u32,
    total: Vec<f32>,
    /// Required terms each entry has.
    matched: Vec<u32>,
    in_question: Vec<u8>,
    /// The current term's best score per entry (valid where `stamp == round + 1`).
    stamp: Vec<u32>,
    best: Vec<f32>,
    best_in_question: Vec<bool>,
    touched: Vec<u32>,
    /// Entries that matched every term so far.
    candidates: Vec<u32>,
}

impl Accumulator {
    fn new(n: usize) -> Accumulator {
        Accumulator {
            required: 0,
            round: 0,
            total: vec![0.0; n],
            matched: vec![0; n],
            in_question: vec![0; n],
            stamp: vec![0; n],
            best: vec![0.0; n],
            best_in_question: vec![false; n],
            touched: Vec::new(),
            candidates: Vec::new(),
        }
    }

    fn offer(&mut self, entry: u32, score: f32, in_question: bool) {
        let e = entry as usize;
        if self.matched[e] as usize != self.required {
            return;
        }
        if self.stamp[e] != self.round + 1 {
            self.stamp[e] = self.round + 1;
            self.best[e] = score;
            self.best_in_question[e] = in_question;
            self.touched.push(entry);
        } else {
            self.best[e] = self.best[e].max(score);
            self.best_in_question[e] |= in_question;
        }
    }

    /// Adds `term`'s scores; a `required` term also narrows the candidates to the entries
    /// that have it.
    fn add_term(&mut self, index: &Index, term: &TermPlan, required: bool) {
        self.touched.clear();
        if let Some(word) = &term.word {
            for id in word.ids() {
                let Some((_, weight)) = word.weight(id, index) else { continue };
                for p in index.postings(id) {
                    self.offer(p.entry(), weight * p.score, p.in_field(QUESTION));
                }
            }
        }
        for &(group, quality) in &term.fuzzy {
            let weight = fuzzy_weight(&index.groups, group, quality, index.entry_count());
            for &e in index.groups.entries(group) {
                self.offer(e, weight, true);
            }
        }
        if !term.phrase.is_empty() {
            let candidates = if self.required == 0 { phrase_candidates(index, term) } else { self.candidates.clone() };
            for &e in &candidates {
                if let Some((score, in_question)) = phrase_score(index, term, e) {
                    self.offer(e, score, in_question);
                }
            }
        }
        for &e in &self.touched {
            let i = e as usize;
            self.total[i] += self.best[i];
            if required {
                self.matched[i] += 1;
                self.in_question[i] += u8::from(self.best_in_question[i]);
            }
        }
        self.round += 1;
        if required {
            self.required += 1;
            self.candidates.clone_from(&self.touched);
        }
    }
}
