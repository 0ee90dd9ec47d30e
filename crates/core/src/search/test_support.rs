//! Small collections for the search module's unit tests.

use crate::model::{Block, Entry, Inline};

use super::vocab::Vocab;

/// A vocabulary of `words`, in any order.
pub(crate) fn vocab(words: &[&str]) -> Vocab {
    let mut words = words.to_vec();
    words.sort();
    Vocab::from_sorted(words.into_iter())
}

/// Entries made of `(question, answer)` pairs, all on one day, with ids `e0`, `e1`, ...
pub(crate) fn entries(pairs: &[(&str, &str)]) -> Vec<Entry> {
    pairs.iter().enumerate().map(|(i, (q, a))| entry(&format!("e{i}"), "2026-02-24", q, a)).collect()
}

/// One entry with a single-paragraph answer.
pub(crate) fn entry(id: &str, day: &str, question: &str, answer: &str) -> Entry {
    Entry {
        id: id.into(),
        day: day.into(),
        question: question.into(),
        question_inlines: vec![Inline::Text(question.into())],
        answer: vec![Block::Paragraph(vec![Inline::Text(answer.into())])],
        sources: vec![],
    }
}
