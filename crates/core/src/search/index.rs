//! The search index: what [`Index::new`] builds once per bundle and every keystroke reads.

use std::cell::RefCell;

use crate::model::Entry;

use super::eval::Accumulator;
use super::fuzzy::QuestionGroups;
use super::score::FIELDS;
use super::vocab::Vocab;
use super::IsoDay;

/// Marks the boundary between two paragraphs, code blocks or sources in the token
/// sequence, so that a phrase never matches across them.
pub(crate) const SEPARATOR: u32 = u32::MAX;

/// Most entries an index holds (a posting keeps the entry number in 28 bits); entries past
/// it are not searchable. Far beyond what a browser can load anyway.
pub(crate) const MAX_ENTRIES: usize = 1 << 28;

/// One entry containing one token: which entry, in which fields, and its BM25 field score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Posting {
    key: u32,
    /// [`super::score::field_score`] of the token in this entry.
    pub score: f32,
}

impl Posting {
    /// A posting for `entry` with field bits `fields` (bit `f` set if the token is in field `f`).
    pub(crate) fn new(entry: u32, fields: u32, score: f32) -> Posting {
        Posting { key: entry << FIELDS | fields, score }
    }

    /// The entry's position in the indexed slice.
    pub(crate) fn entry(self) -> u32 {
        self.key >> FIELDS
    }

    /// Whether the token occurs in field `field`.
    pub(crate) fn in_field(self, field: usize) -> bool {
        self.key & (1 << field) != 0
    }
}

/// An inverted index over a collection's entries, for searching them as the user types.
///
/// It holds no text of its own beyond the vocabulary: results name entries by their position
/// in the slice given to [`Index::new`], and highlighting reads the entries themselves (see
/// [`super::SearchResults::highlight`]).
pub struct Index {
    pub(crate) vocab: Vocab,
    /// Postings of token `id`: `postings[post_starts[id]..post_starts[id + 1]]`, by entry.
    pub(crate) post_starts: Vec<u32>,
    pub(crate) postings: Vec<Posting>,
    /// Every entry's token ids field by field, for phrases and adjacency;
    /// field `f` of entry `e` is `tokens[field_starts[FIELDS * e + f]..field_starts[FIELDS * e + f + 1]]`.
    pub(crate) tokens: Vec<u32>,
    pub(crate) field_starts: Vec<u32>,
    /// Average field lengths in tokens, for BM25's length normalisation.
    pub(crate) avg_len: [f32; FIELDS],
    /// Each entry's day as a rank in `days` (0 = newest).
    pub(crate) entry_day: Vec<u32>,
    /// The distinct days, newest first.
    pub(crate) days: Vec<IsoDay>,
    /// Entries newest day first, in slice order within a day: the order of an empty query
    /// and of ties.
    pub(crate) order: Vec<u32>,
    /// Each entry's position in `order`: its place among hits of equal score.
    pub(crate) tie_rank: Vec<u32>,
    /// Question groups for fuzzy matching.
    pub(crate) groups: QuestionGroups,
    /// Per-entry scratch of the last search, kept to reuse its memory.
    pub(crate) scratch: RefCell<Accumulator>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("entries", &self.entry_count())
            .field("days", &self.days.len())
            .field("vocabulary", &self.vocab.len())
            .field("tokens", &self.tokens.len())
            .field("postings", &self.postings.len())
            .field("heap_bytes", &self.heap_bytes())
            .finish()
    }
}

impl Index {
    /// Indexes `entries` (the bundle's, in bundle order). Results refer to entries by their
    /// position in this slice.
    pub fn new(entries: &[Entry]) -> Index {
        super::build::build(entries)
    }

    /// An estimate of the heap memory the index holds, in bytes (capacities of its buffers),
    /// to compare with the size of the bundle it indexes.
    pub fn heap_bytes(&self) -> usize {
        self.vocab.heap_bytes()
            + self.groups.heap_bytes()
            + self.scratch.try_borrow().map_or(0, |scratch| scratch.heap_bytes())
            + std::mem::size_of::<Posting>() * self.postings.capacity()
            + 4 * (self.post_starts.capacity()
                + self.tokens.capacity()
                + self.field_starts.capacity()
                + self.entry_day.capacity()
                + self.order.capacity()
                + self.tie_rank.capacity())
            + self.days.iter().map(|d| d.len() + 2 * std::mem::size_of::<usize>()).sum::<usize>()
            + std::mem::size_of::<IsoDay>() * self.days.capacity()
    }

    /// Number of entries indexed.
    pub(crate) fn entry_count(&self) -> usize {
        self.entry_day.len()
    }

    /// The postings of token `id`.
    pub(crate) fn postings(&self, id: u32) -> &[Posting] {
        let i = id as usize;
        &self.postings[self.post_starts[i] as usize..self.post_starts[i + 1] as usize]
    }

    /// In how many entries token `id` occurs.
    pub(crate) fn df(&self, id: u32) -> usize {
        let i = id as usize;
        (self.post_starts[i + 1] - self.post_starts[i]) as usize
    }

    /// The token ids of field `field` of entry `entry`.
    pub(crate) fn field(&self, entry: u32, field: usize) -> &[u32] {
        let i = FIELDS * entry as usize + field;
        &self.tokens[self.field_starts[i] as usize..self.field_starts[i + 1] as usize]
    }

    /// The lengths of entry `entry`'s fields, in tokens.
    pub(crate) fn field_lens(&self, entry: u32) -> [u32; FIELDS] {
        let i = FIELDS * entry as usize;
        std::array::from_fn(|f| self.field_starts[i + f + 1] - self.field_starts[i + f])
    }
}
