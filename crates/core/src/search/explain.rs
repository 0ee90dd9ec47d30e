//! Why an entry scored as it did, in words, for tuning the ranking (feature `explain`).

use super::coverage::Coverage;
use super::eval::{phrase_score, Scored};
use super::index::Index;
use super::plan::{fuzzy_weight, Plan, TermPlan};
use super::score::{Tier, FIELDS};

/// Names of the fields, in field order.
const FIELD_NAMES: [&str; FIELDS] = ["question", "answer", "code", "sources"];

/// One line per term (its best match in the entry and what it added), then the bonuses and
/// the total.
pub(crate) fn explain(index: &Index, plan: &Plan, scored: &Scored) -> Vec<String> {
    if plan.terms.is_empty() {
        return vec!["no search terms: every entry, newest first".to_string()];
    }
    let mut lines: Vec<String> = plan.terms.iter().map(|t| term_line(index, t, scored.entry)).collect();
    if scored.all_in_question {
        lines.push(format!("every term is in the question: ×{:.2}", super::score::ALL_IN_QUESTION));
    }
    let words = super::eval::words_mask(plan);
    if scored.covered & words != words {
        let (has, share) = ((scored.covered & words).count_ones(), Coverage::of(plan).share(scored.covered));
        lines.push(format!(
            "has {has} of the query's {} words, with this share of its rarity: ×{share:.3}",
            words.count_ones()
        ));
    }
    if scored.adjacency > 1.0 {
        lines.push(format!("terms next to each other in order: ×{:.2}", scored.adjacency));
    }
    lines.push(format!("score {:.3}", scored.score));
    lines
}

fn term_line(index: &Index, term: &TermPlan, entry: u32) -> String {
    let mut best: Option<(f32, String)> = None;
    let mut offer = |score: f32, how: String| {
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, how));
        }
    };
    if let Some(word) = &term.word {
        for id in word.ids() {
            let postings = index.postings(id);
            let (Ok(i), Some((tier, weight))) =
                (postings.binary_search_by_key(&entry, |p| p.entry()), word.weight(id, index))
            else {
                continue;
            };
            let fields: Vec<&str> = (0..FIELDS).filter(|&f| postings[i].in_field(f)).map(|f| FIELD_NAMES[f]).collect();
            let how = format!("{} “{}” in {}", describe(tier), index.vocab.word(id), fields.join(", "));
            offer(weight * postings[i].score, how);
        }
    }
    for &(group, quality) in &term.fuzzy {
        if index.groups.entries(group).binary_search(&entry).is_ok() {
            let how = format!("fuzzy “{}” in question (quality {quality:.2})", index.groups.group(group));
            offer(fuzzy_weight(&index.groups, group, quality, index.entry_count()), how);
        }
    }
    if !term.phrase.is_empty() {
        if let Some((score, in_question)) = phrase_score(index, term, entry) {
            let place = if in_question { "question and more" } else { "answer, code or sources" };
            offer(score, format!("sequence of {} tokens in {place}", term.phrase.len()));
        }
    }
    match best {
        Some((score, how)) => format!("“{}”: {how}: +{score:.3}", term.label),
        None => format!("“{}”: no match", term.label),
    }
}

/// A short description of how a word matched.
fn describe(tier: Tier) -> String {
    match tier {
        Tier::Exact => "exact".into(),
        Tier::Prefix { .. } => "prefix".into(),
        Tier::Typo { edits } => format!("typo ({edits} edit{})", if edits == 1 { "" } else { "s" }),
        Tier::PrefixTypo { edits } => format!("unfinished typo ({edits} edit{})", if edits == 1 { "" } else { "s" }),
        Tier::Stem => "another form".into(),
        Tier::Synonym => "synonym".into(),
        Tier::Joined => "two typed words written as one".into(),
        Tier::Split => "a typed word written as two".into(),
        Tier::Flag => "the same option letters".into(),
        Tier::Fuzzy { quality } => format!("fuzzy (quality {quality:.2})"),
    }
}
