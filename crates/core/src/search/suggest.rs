//! "Did you mean": when a query finds nothing, the same query with misspelled words
//! replaced by close words of the collection's own vocabulary, if that finds something.

use super::index::Index;
use super::order::{pair, saturate, sort_by_u64_key};
use super::query::{parse, Term};
use super::stopwords::is_stop_word;
use super::tokenize::{tokenize, Kind};
use super::typo;
use super::SearchOptions;

/// Corrections tried per word.
const MAX_SUGGESTIONS: usize = 5;

/// A corrected version of `input` that some entry matches whole, or `None` when one does
/// already or no correction helps. Words are corrected one more edit further than search
/// tolerates (so `gti` suggests `git`), preferring fewer edits, then more common words.
pub(crate) fn did_you_mean(index: &Index, input: &str) -> Option<String> {
    let query = parse(input);
    let probe = SearchOptions { limit: Some(1), ..SearchOptions::default() };
    let finds = |q: &str| index.search(q, &probe).complete > 0;
    if query.terms.is_empty() || finds(input) {
        return None;
    }
    let filters: String = query.days.iter().map(|d| format!(" day:{d}")).collect();
    let mut chosen: Vec<String> = Vec::new();
    let mut changed = false;
    for term in &query.terms {
        let mut options = vec![term.text.clone()];
        // Only a word that matches nothing, in any form, is taken for a misspelling.
        if !finds(&format!("{}{filters} ", quote_all(&[term.text.as_str()]))) {
            options.extend(corrections(index, term));
        }
        let pick = options.into_iter().enumerate().find(|(_, option)| {
            let words: Vec<&str> = chosen.iter().map(String::as_str).chain([option.as_str()]).collect();
            finds(&format!("{}{filters} ", quote_all(&words)))
        })?;
        changed |= pick.0 > 0;
        chosen.push(pick.1);
    }
    if !changed {
        return None;
    }
    let mut corrected = input.to_string();
    for (term, word) in query.terms.iter().zip(&chosen).rev() {
        if *word != term.text {
            corrected.replace_range(term.span.clone(), word);
        }
    }
    finds(&corrected).then_some(corrected)
}

/// Terms joined for probing, phrases kept as phrases.
fn quote_all(words: &[&str]) -> String {
    words.iter().map(|w| if w.contains(' ') { format!("\"{w}\"") } else { w.to_string() }).collect::<Vec<_>>().join(" ")
}

/// Vocabulary words close to a single-word term, best first.
fn corrections(index: &Index, term: &Term) -> Vec<String> {
    let mut parts = Vec::new();
    tokenize(&term.text, &mut |t| {
        if t.kind != Kind::Compound {
            parts.push((t.kind, t.text.to_string()));
        }
    });
    let [(Kind::Word, word)] = parts.as_slice() else { return Vec::new() };
    let chars = word.chars().count();
    if term.quoted || chars < 3 {
        return Vec::new();
    }
    let mut found = typo::candidates(&index.vocab, word, typo::max_edits(chars) + 1, false);
    // A stop word is never required, so it would "correct" any word into a match.
    found.retain(|m| !is_stop_word(index.vocab.word(m.id)));
    sort_by_u64_key(&mut found, |m| pair(u32::from(m.edits), u32::MAX - saturate(index.df(m.id))));
    found.into_iter().take(MAX_SUGGESTIONS).map(|m| index.vocab.word(m.id).to_string()).collect()
}
