//! Ranking the partial matches (entries lacking some of the query's words): each one's score
//! is cut by the share of the query it lacks, every distinct word weighing its rarity. An
//! entry lacking a reader's extra common word (`make`, `program`, or `python` in notes about
//! Python) keeps most of its score; one lacking the rare word that names the topic keeps
//! little. A stricter order (more words first, whatever they are) lets an entry that merely
//! shares two of the reader's filler words outrank the one that answers the question.

use super::eval::{words_mask, Scored};
use super::plan::Plan;

/// The rarity of each term of a query, towards coverage: 0 for stop words and repeats.
pub(crate) struct Coverage {
    weights: Vec<f32>,
    total: f32,
}

impl Coverage {
    /// The weights of `plan`'s words.
    pub(crate) fn of(plan: &Plan) -> Coverage {
        let words = words_mask(plan);
        let weights: Vec<f32> = (plan.terms.iter().enumerate())
            .map(|(i, term)| if words & 1 << i == 0 { 0.0 } else { term.rarity().max(0.0) })
            .collect();
        let total = weights.iter().sum();
        Coverage { weights, total }
    }

    /// The share of the query's rarity that the terms whose bits `covered` holds have (1 for a
    /// query without words that count).
    pub(crate) fn share(&self, covered: u32) -> f32 {
        let held: f32 = (self.weights.iter().enumerate()).filter(|&(i, _)| covered & 1 << i != 0).map(|(_, w)| w).sum();
        if self.total > 0.0 {
            held / self.total
        } else {
            1.0
        }
    }

    /// Marks `scored` a partial match and scales its score by the [`Coverage::share`] of its
    /// words.
    pub(crate) fn discount(&self, scored: &mut Scored) {
        scored.score *= self.share(scored.covered);
        scored.complete = false;
    }
}
