//! Full-text search over the collection, fast enough to run on every keystroke.
//!
//! Build an [`Index`] once per bundle with [`Index::new`], then call [`Index::search`] as the
//! user types.
//!
//! - **Query language.** Terms are separated by spaces and must all match (AND), but for
//!   English stop words (`how`, `the`, `my`, ...), which only rank; the last term also
//!   matches as a prefix while it is being typed (the query does not end with a space).
//!   `"exact phrase"` matches words in sequence, exactly. `-term` and `-"a phrase"` exclude;
//!   only a `-` followed by a letter and at least one more character excludes, so `-p` (as
//!   in `git add -p`), `--workers`, `->`, `-1` and a lone `-` are literal terms.
//!   `day:2026-02-24` keeps a day and `day:2026-02` a month (several `day:` keep any of
//!   them; a partial date being typed filters by its prefix). Malformed syntax never fails:
//!   an unclosed quote is dropped, a bad date is searched as text. Trailing sentence
//!   punctuation is not part of a term. At most 16 terms of at most 128 characters count.
//! - **Partial matches.** When fewer than ten entries have every term, the entries with some
//!   of them follow, each one's score cut by the share of the query's rarity it lacks (so
//!   lacking a common extra word costs little, lacking the rare topic word much; a word
//!   repeated in another form counts once); [`SearchResults::complete`] says how many have
//!   them all and [`Hit::missing`] which words each of the others lacks. Quoted phrases,
//!   exclusions and `day:` filters stay strict. A query of which no entry has every word is
//!   searched again with its punctuated terms that no entry has as their words
//!   (`pnpm-workspace.yaml`, `3000/tcp` for `tcp:3000`).
//!
//! - **Matching.** Each term is matched against each entry's question, answer text, code and
//!   sources: as the exact word; as a word prefix (the last term, while it is being typed);
//!   with typos (one edit for words of 4–7 characters, two from 8; a transposition is one
//!   edit; not for stop words nor towards them, and for a word the collection holds only
//!   towards words ten times as common); in another English form (`sorting` finds `sort`,
//!   `libraries` finds `library`: Snowball stems; a possessive the collection never writes,
//!   its owner: `go's` finds `Go`); by a common synonym or abbreviation (`speed` finds
//!   `performance`, `js` finds `javascript`); written as one word or two (`wakeups` finds
//!   `wake up`, `time out` finds `timeout`); with other punctuation between its words
//!   (`ctrl-c` finds `Ctrl+C` and `ctrl c`); a short flag by its option letters (`-it` finds
//!   `-ti`); and, when the word itself is not in the collection and has five letters or more,
//!   as a fuzzy subsequence of a question (`bktree`, `asyncctxmgr`). Matching ignores case
//!   and accents (`cafe` finds `café`). Identifiers are split into their camelCase and snake_case parts and also kept
//!   whole; a term with punctuation (`asyncio.to_thread`, `__enter__`, `Generator[str]`, `-p`)
//!   matches that exact sequence. Text without spaces (Chinese, Japanese) is indexed
//!   character by character and a run of such characters matches as a sequence.
//! - **Ranking.** BM25 with field weights (question > answer > code > sources), so rarer terms
//!   weigh more; exact beats prefix beats another form beats typo beats fuzzy; all terms in
//!   the question and terms next to each other in order rank higher. Ties go to the newest day, then to
//!   collection order.
//! - **Results.** Entry positions in rank order with scores, the total, per-day counts for the
//!   timeline, and on demand ([`SearchResults::highlight`]) highlights of the question and a
//!   snippet of the best-matching paragraph or code line, for the hits on screen only.

mod ascii;
mod build;
mod coverage;
mod eval;
#[cfg(feature = "explain")]
mod explain;
mod fold_table;
mod fuzzy;
mod highlight;
mod index;
mod intern;
mod normalize;
mod order;
mod phrase;
mod plan;
mod query;
mod related;
mod score;
mod snippet;
mod stem;
mod stopwords;
mod suggest;
mod synonyms;
#[cfg(test)]
mod test_support;
mod tokenize;
mod typo;
mod vocab;

use std::ops::Range;
use std::sync::Arc;

use crate::model::Entry;

pub use crate::text::TextKind;
pub use index::Index;
pub use snippet::Snippet;

use highlight::Highlighter;

/// What a search should return besides the ranking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchOptions {
    /// Keep only entries whose day is in this inclusive range of ISO days (the UI's day
    /// filter); combined with the query's own `day:` filters.
    pub day_range: Option<(String, String)>,
    /// Fill [`Hit::explain`] with why each hit scored as it did (feature `explain`: a tuning
    /// aid that the app leaves out, since its float formatting costs 10 KB of gzipped wasm).
    #[cfg(feature = "explain")]
    pub explain: bool,
    /// Return at most this many hits (the total is counted regardless).
    pub limit: Option<usize>,
}

/// One matching entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Position of the entry in the slice the index was built from.
    pub entry: usize,
    /// Relevance (higher is better; 0 for a query without terms).
    pub score: f32,
    /// The query's words this entry lacks (as typed; stop words aside): empty for the hits
    /// that have them all, which come first.
    pub missing: Vec<String>,
    /// With [`SearchOptions::explain`], human-readable lines saying why it scored so.
    #[cfg(feature = "explain")]
    pub explain: Vec<String>,
}

/// An ISO day (`YYYY-MM-DD`) shared by the index and its results, so that per-day counts
/// cost no allocation per keystroke. Compares with `String` and `str`, derefs to `str`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDay(Arc<str>);

impl IsoDay {
    /// The day as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for IsoDay {
    fn from(day: &str) -> IsoDay {
        IsoDay(Arc::from(day))
    }
}

impl std::ops::Deref for IsoDay {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<String> for IsoDay {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<str> for IsoDay {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for IsoDay {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl std::fmt::Display for IsoDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// How many matching entries a day has, for the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayCount {
    /// ISO date.
    pub day: IsoDay,
    /// Matching entries on that day.
    pub count: usize,
}

/// The answer to a query.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// Matching entries, best first, at most [`SearchOptions::limit`].
    pub hits: Vec<Hit>,
    /// How many entries match (within the day range), regardless of the limit: those with
    /// every word and, when they are few, those with some.
    pub total: usize,
    /// How many of the `total` have every word of the query (stop words aside): the first
    /// hits. Fewer than `total` means the rest are partial matches, each with its
    /// [`Hit::missing`] words; 0 means no entry has them all.
    pub complete: usize,
    /// Matching entries per day, newest first, days without any left out. They ignore
    /// [`SearchOptions::day_range`] (so the timeline can show the other days) but follow
    /// the query's own `day:` filters.
    pub day_counts: Vec<DayCount>,
    highlighter: Highlighter,
}

/// Where the query matched in an entry, for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlights {
    /// Byte ranges of the entry's question to highlight, sorted, on character boundaries.
    pub question: Vec<Range<usize>>,
    /// The snippet to show under the question (`None` for an entry without answer text).
    pub snippet: Option<Snippet>,
}

impl SearchResults {
    /// Highlights of `entry` (one of the hits) for this query: computed on demand so that
    /// only the hits on screen cost anything.
    pub fn highlight(&self, entry: &Entry) -> Highlights {
        Highlights {
            question: self.highlighter.find(&entry.question, true).ranges,
            snippet: snippet::snippet(entry, &self.highlighter),
        }
    }

    /// Byte ranges of the query's matches in any displayed `text` (a paragraph or code run of
    /// an opened entry), on character boundaries.
    pub fn marks(&self, text: &str) -> Vec<Range<usize>> {
        self.highlighter.find(text, false).ranges
    }
}

impl Index {
    /// Runs `query` (see [`query`] for its syntax; any input is valid).
    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResults {
        let query = query::parse(query);
        let (results, nowhere) = self.run(plan::compile(self, &query), options);
        // A punctuated term that no entry has as written (`pnpm-workspace.yaml`, `3000/tcp`
        // for `tcp:3000`) is searched as its words, when no entry has every word: only then,
        // so that this costs nothing on a keystroke that finds all its words, and only for
        // typed words, not pasted text (which would pay twice).
        let typed = query.terms.len() <= plan::MAX_REWORDED_TERMS;
        if results.complete > 0 || !typed {
            return results;
        }
        match query.in_words(|term| nowhere.contains(&term.text)) {
            Some(words) => self.run(plan::compile(self, &words), options).0,
            None => results,
        }
    }

    /// Runs `plan`: the results and the terms (as typed) that no entry has.
    fn run(&self, plan: plan::Plan, options: &SearchOptions) -> (SearchResults, Vec<String>) {
        let in_range: Vec<bool> = match &options.day_range {
            Some((from, to)) => {
                let (from, to) = if from <= to { (from, to) } else { (to, from) };
                self.days.iter().map(|d| d.as_str() >= from.as_str() && d.as_str() <= to.as_str()).collect()
            }
            None => vec![true; self.days.len()],
        };
        let outcome = eval::run(self, &plan, &in_range, options.limit.unwrap_or(usize::MAX));
        let words = eval::words_mask(&plan);
        let hits = outcome
            .ranked
            .iter()
            .map(|scored| Hit {
                entry: scored.entry as usize,
                score: scored.score,
                missing: match words & !scored.covered {
                    0 => Vec::new(),
                    lacks => (plan.terms.iter().enumerate())
                        .filter(|&(i, _)| lacks & 1 << i != 0)
                        .map(|(_, t)| t.label.clone())
                        .collect(),
                },
                #[cfg(feature = "explain")]
                explain: if options.explain { explain::explain(self, &plan, scored) } else { Vec::new() },
            })
            .collect();
        let day_counts = outcome
            .per_day
            .iter()
            .enumerate()
            .filter(|(_, &count)| count > 0)
            .map(|(rank, &count)| DayCount { day: self.days[rank].clone(), count: count as usize })
            .collect();
        let nowhere = (plan.terms.iter().enumerate())
            .filter(|&(i, _)| outcome.found & 1 << i == 0)
            .map(|(_, t)| t.label.clone())
            .collect();
        let results = SearchResults {
            hits,
            total: outcome.total,
            complete: outcome.complete,
            day_counts,
            highlighter: Highlighter::new(&plan, self),
        };
        (results, nowhere)
    }

    /// For a query that no entry matches whole, the same query with misspelled words
    /// replaced by words of the collection so that some entry does ("did you mean …?");
    /// `None` when the query matches whole or no correction helps.
    pub fn did_you_mean(&self, query: &str) -> Option<String> {
        suggest::did_you_mean(self, query)
    }
}
