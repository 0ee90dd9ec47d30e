//! The query language, parsed leniently: every input is a query.
//!
//! - Terms are separated by spaces and must all match (AND).
//! - The last term is matched as a prefix too while it is being typed, that is when the
//!   query does not end with a space.
//! - `"exact phrase"` matches its words in sequence, exactly (no prefix, no typo).
//! - `-term` or `-"a phrase"` excludes entries that contain it exactly. Only a `-` followed
//!   by a letter and at least one more character excludes: `-p` (as in `git add -p`),
//!   `--workers`, `->`, `-1` and a bare `-` are literal terms.
//! - `day:2026-02-24` keeps that day, `day:2026-02` that month; several `day:` filters keep
//!   any of their days. While the last term is still being typed, a partial date such as
//!   `day:2026-0` filters by what is typed so far.
//! - Malformed syntax degrades to plain terms: an unclosed quote is dropped, a bad date is
//!   searched as text.
//! - Trailing sentence punctuation is not part of a term (`chi-square?` is `chi-square`).
//! - At most [`MAX_TERMS`] terms (and as many exclusions and day filters) of at most
//!   [`MAX_TERM_CHARS`] characters are considered, so any input answers quickly.

use std::ops::Range;

use crate::date::{is_iso_day, is_iso_month};

/// Most terms, exclusions and day filters considered each; the rest is ignored.
pub(crate) const MAX_TERMS: usize = 16;
/// Longest term considered, in characters; the rest of it is ignored.
pub(crate) const MAX_TERM_CHARS: usize = 128;

/// A term as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    /// The text, without quotes or a leading `-`.
    pub text: String,
    /// Where `text` is in the query, in bytes.
    pub span: Range<usize>,
    /// Written as `"a phrase"`: matched exactly.
    pub quoted: bool,
    /// Still being typed: its last word also matches as a prefix.
    pub open: bool,
}

/// A parsed query.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Query {
    /// Terms that must all match.
    pub terms: Vec<Term>,
    /// Terms that must not match.
    pub excluded: Vec<Term>,
    /// Day filters: an entry's day must start with one of them (a day, a month, or a partial
    /// date being typed).
    pub days: Vec<String>,
}

/// Parses `input`; never fails.
pub(crate) fn parse(input: &str) -> Query {
    let mut query = Query::default();
    let mut i = 0;
    let mut last_was_term = false;
    while i < input.len() {
        let rest = &input[i..];
        let Some(c) = rest.chars().next() else { break };
        if c.is_whitespace() || c.is_control() {
            i += c.len_utf8();
            continue;
        }
        last_was_term = false;
        let exclude = rest.starts_with("-\"");
        if exclude || rest.starts_with('"') {
            let open_quote = i + if exclude { 2 } else { 1 };
            match input[open_quote..].find('"') {
                Some(len) => {
                    if len > 0 {
                        let term = make_term(input, open_quote..open_quote + len, true);
                        push_capped(if exclude { &mut query.excluded } else { &mut query.terms }, term);
                    }
                    i = open_quote + len + 1;
                }
                // Unclosed: drop the quote (and its `-`); the words after it are plain terms.
                None => i = open_quote,
            }
            continue;
        }
        let end = rest.find(|c: char| c.is_whitespace() || c.is_control()).map_or(input.len(), |n| i + n);
        let word = &input[i..end];
        let at_end = end == input.len();
        if let Some(day) = day_filter(word, at_end) {
            if !day.is_empty() && query.days.len() < MAX_TERMS {
                query.days.push(day.to_string());
            }
        } else if is_exclusion(word) {
            if let Some(term) = plain_term(input, i + 1..end) {
                push_capped(&mut query.excluded, term);
            }
        } else if let Some(term) = plain_term(input, i..end) {
            last_was_term = push_capped(&mut query.terms, term);
        }
        i = end;
    }
    let ends_open = !input.ends_with(|c: char| c.is_whitespace() || c.is_control());
    if let (true, true, Some(last)) = (last_was_term, ends_open, query.terms.last_mut()) {
        last.open = true;
    }
    query
}

impl Query {
    /// The same query with every unquoted term that joins words with punctuation
    /// (`pnpm-workspace.yaml`, `bufio.Scanner`) and that `split` picks split into those
    /// words, as separate terms; `None` if it has no such term. A file or identifier the
    /// collection writes otherwise still finds the entries with its words.
    pub(crate) fn in_words(&self, split: impl Fn(&Term) -> bool) -> Option<Query> {
        let mut terms = Vec::new();
        let mut changed = false;
        for term in &self.terms {
            let words = word_runs(&term.text);
            if term.quoted || words.len() < 2 || !split(term) {
                terms.push(term.clone());
                continue;
            }
            changed = true;
            let last = words.len() - 1;
            for (i, run) in words.into_iter().enumerate() {
                let span = term.span.start + run.start..term.span.start + run.end;
                let open = term.open && i == last && run.end == term.text.len();
                push_capped(&mut terms, Term { text: term.text[run].to_string(), span, quoted: false, open });
            }
        }
        changed.then(|| Query { terms, ..self.clone() })
    }
}

/// The byte ranges of the runs of letters and digits of `text`.
fn word_runs(text: &str) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (at, c) in text.char_indices() {
        if !c.is_alphanumeric() {
            continue;
        }
        match runs.last_mut() {
            Some(run) if run.end == at => run.end = at + c.len_utf8(),
            _ => runs.push(at..at + c.len_utf8()),
        }
    }
    runs
}

fn push_capped(terms: &mut Vec<Term>, term: Term) -> bool {
    let fits = terms.len() < MAX_TERMS;
    if fits {
        terms.push(term);
    }
    fits
}

/// A term from `input[span]`, capped in length.
fn make_term(input: &str, span: Range<usize>, quoted: bool) -> Term {
    let text = &input[span.clone()];
    let end = text.char_indices().nth(MAX_TERM_CHARS).map_or(span.end, |(at, _)| span.start + at);
    Term { text: input[span.start..end].to_string(), span: span.start..end, quoted, open: false }
}

/// A plain term, without trailing sentence punctuation (kept when the term is nothing else).
fn plain_term(input: &str, span: Range<usize>) -> Option<Term> {
    let text = &input[span.clone()];
    let trimmed = text.trim_end_matches(['?', '!', ',', ';', ':', '.']);
    let text = if trimmed.chars().any(char::is_alphanumeric) { trimmed } else { text };
    (!text.is_empty()).then(|| make_term(input, span.start..span.start + text.len(), false))
}

/// `-` then a letter and at least one more character.
fn is_exclusion(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next() == Some('-') && chars.next().is_some_and(char::is_alphabetic) && chars.next().is_some()
}

/// The value of a `day:` filter, if `word` is one: a valid day or month, or (for the word
/// being typed, `at_end`) a prefix of a date, possibly empty.
fn day_filter(word: &str, at_end: bool) -> Option<&str> {
    let value = word.get(..4).filter(|p| p.eq_ignore_ascii_case("day:")).map(|_| &word[4..])?;
    (is_iso_day(value) || is_iso_month(value) || (at_end && is_partial_date(value))).then_some(value)
}

/// Whether `value` is how a `YYYY-MM-DD` date starts (with a plausible month).
fn is_partial_date(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() < 10
        && b.iter().enumerate().all(|(i, &c)| if i == 4 || i == 7 { c == b'-' } else { c.is_ascii_digit() })
        && (b.len() < 6 || b[5] <= b'1')
        && (b.len() < 7 || is_iso_month(&value[..7]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(terms: &[Term]) -> Vec<&str> {
        terms.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn plain_terms_and_the_open_last_one() {
        let q = parse("async  with");
        assert_eq!(texts(&q.terms), ["async", "with"]);
        assert!(!q.terms[0].open && q.terms[1].open);
        assert_eq!(q.terms[1].span, 7..11);
        assert!(!parse("async with ").terms[1].open, "a trailing space ends the word");
    }

    #[test]
    fn short_dashes_and_arrows_are_literal_terms() {
        let q = parse("git add -p --workers -> - -1");
        assert_eq!(texts(&q.terms), ["git", "add", "-p", "--workers", "->", "-", "-1"]);
        assert!(q.excluded.is_empty());
    }

    #[test]
    fn exclusions_need_a_letter_and_more() {
        let q = parse("stream -httpx -\"async for\"");
        assert_eq!(texts(&q.terms), ["stream"]);
        assert_eq!(texts(&q.excluded), ["httpx", "async for"]);
        assert!(q.excluded[1].quoted);
    }

    #[test]
    fn phrases_and_unclosed_quotes() {
        let q = parse("\"event sourcing\" log");
        assert_eq!(texts(&q.terms), ["event sourcing", "log"]);
        assert!(q.terms[0].quoted && !q.terms[0].open);
        let q = parse("\"event sourcing");
        assert_eq!(texts(&q.terms), ["event", "sourcing"]);
        assert!(q.terms.iter().all(|t| !t.quoted));
        assert!(parse("\"\"").terms.is_empty());
    }

    #[test]
    fn day_filters_and_bad_dates() {
        let q = parse("day:2026-02-24 day:2026-02 Day:2025-12 x");
        assert_eq!(q.days, ["2026-02-24", "2026-02", "2025-12"]);
        assert_eq!(texts(&q.terms), ["x"]);
        let q = parse("day:2026-13 day:soon x");
        assert!(q.days.is_empty());
        assert_eq!(texts(&q.terms), ["day:2026-13", "day:soon", "x"]);
        assert_eq!(parse("x day:2026-0").days, ["2026-0"], "a date being typed filters by its prefix");
        assert!(parse("day:2026-0 x").days.is_empty());
        let q = parse("x day:");
        assert!(q.days.is_empty() && texts(&q.terms) == ["x"]);
    }

    #[test]
    fn trailing_sentence_punctuation_is_dropped() {
        assert_eq!(texts(&parse("what is chi-square?").terms), ["what", "is", "chi-square"]);
        assert_eq!(texts(&parse("... ?").terms), ["...", "?"]);
        assert_eq!(texts(&parse("client.post()").terms), ["client.post()"]);
    }

    #[test]
    fn punctuated_terms_split_into_their_words() {
        let q = parse("pnpm-workspace.yaml \"a.b\" x").in_words(|_| true).unwrap_or_default();
        assert_eq!(texts(&q.terms), ["pnpm", "workspace", "yaml", "a.b", "x"]);
        assert_eq!(q.terms[2].span, 15..19);
        assert!(q.terms[3].quoted, "quoted phrases stay whole");
        let q = parse("bufio.Sc").in_words(|_| true).unwrap_or_default();
        assert!(q.terms[1].open, "the word being typed stays open");
        assert!(parse("plain words -p").in_words(|_| true).is_none());
    }

    #[test]
    fn work_is_capped() {
        let long = "x".repeat(10_000);
        let q = parse(&format!("{long} {}", "a ".repeat(100)));
        assert_eq!(q.terms.len(), MAX_TERMS);
        assert_eq!(q.terms[0].text.len(), MAX_TERM_CHARS);
    }
}
