//! Building the index: tokenize every entry once, sort the vocabulary, then lay out the
//! postings in two counting passes (no per-token allocation, no sorting of postings).

use std::cell::RefCell;

use crate::model::{Block, Entry};
use crate::text::push_inline_text;

use super::fuzzy::QuestionGroups;
use super::index::{Index, Posting, MAX_ENTRIES, SEPARATOR};
use super::intern::Interner;
use super::order::sort_by_u64_key;
use super::score::{field_score, ANSWER, CODE, FIELDS, QUESTION, SOURCES};
use super::tokenize::{for_each_chunk, tokenize, Kind};
use super::vocab::{to_u32, Vocab};
use super::IsoDay;

/// Builds the index of `entries` (see [`Index::new`]).
pub(crate) fn build(entries: &[Entry]) -> Index {
    let entries = &entries[..entries.len().min(MAX_ENTRIES)];
    let mut interner = Interner::default();
    let mut tokens = Vec::new();
    let mut field_starts = Vec::with_capacity(FIELDS * entries.len() + 1);
    let (mut compounds, mut compound_starts) = (Vec::new(), vec![0u32]);
    let mut fields: [Vec<u32>; FIELDS] = Default::default();
    let mut buffer = String::new();
    let mut chunks = ChunkCache::default();
    // Entries per provisional id, counted as ids are seen (`seen` holds the last entry + 1).
    let (mut df, mut seen) = (Vec::new(), Vec::new());
    for (e, entry) in entries.iter().enumerate() {
        let stamp = to_u32(e + 1);
        for_each_unit(entry, &mut buffer, &mut |field, text| {
            let out = &mut fields[field];
            for_each_chunk(text, &mut |_, chunk| {
                for &token in chunks.tokens(chunk, &mut interner) {
                    let id = token & !COMPOUND;
                    let i = id as usize;
                    if i == df.len() {
                        df.push(0);
                        seen.push(0);
                    }
                    if seen[i] != stamp {
                        seen[i] = stamp;
                        df[i] += 1;
                    }
                    if token & COMPOUND != 0 {
                        compounds.push((id, field as u8));
                    } else {
                        out.push(id);
                    }
                }
            });
            out.push(SEPARATOR);
        });
        for field in &mut fields {
            field_starts.push(to_u32(tokens.len()));
            if field.last() == Some(&SEPARATOR) {
                field.pop();
            }
            tokens.append(field);
        }
        compound_starts.push(to_u32(compounds.len()));
    }
    field_starts.push(to_u32(tokens.len()));

    let (vocab, remap) = sort_vocabulary(&interner);
    let mut post_starts = vec![0u32; vocab.len() + 1];
    for (provisional, &count) in df.iter().enumerate() {
        post_starts[remap[provisional] as usize + 1] = count;
    }
    for i in 1..post_starts.len() {
        post_starts[i] += post_starts[i - 1];
    }
    for id in tokens.iter_mut().filter(|id| **id != SEPARATOR) {
        *id = remap[*id as usize];
    }
    for (id, _) in &mut compounds {
        *id = remap[*id as usize];
    }

    let mut index = Index {
        vocab,
        post_starts: Vec::new(),
        postings: Vec::new(),
        tokens,
        field_starts,
        avg_len: [1.0; FIELDS],
        entry_day: Vec::new(),
        days: Vec::new(),
        order: Vec::new(),
        tie_rank: Vec::new(),
        groups: QuestionGroups::build(entries.iter().map(|e| e.question.as_str())),
        scratch: RefCell::default(),
    };
    index.avg_len = average_lengths(&index, entries.len());
    lay_out_postings(&mut index, post_starts, &compounds, &compound_starts);
    sort_days(&mut index, entries);
    index
}

/// Calls `visit` with each piece of text of `entry` and its field: the question, each
/// paragraph and code block of the answer, each source's title and URL. `buffer` is reused
/// to join runs, so that indexing allocates nothing per block.
fn for_each_unit(entry: &Entry, buffer: &mut String, visit: &mut impl FnMut(usize, &str)) {
    visit(QUESTION, &entry.question);
    for_each_block(&entry.answer, buffer, visit);
    for source in &entry.sources {
        visit(SOURCES, &source.title);
        if source.url != source.title {
            visit(SOURCES, &source.url);
        }
    }
}

fn for_each_block(blocks: &[Block], buffer: &mut String, visit: &mut impl FnMut(usize, &str)) {
    for block in blocks {
        buffer.clear();
        match block {
            Block::Paragraph(inlines) | Block::Heading { children: inlines, .. } => {
                push_inline_text(inlines, buffer);
                visit(ANSWER, buffer);
            }
            Block::List { items, .. } | Block::Footnotes(items) => {
                items.iter().for_each(|item| for_each_block(item, buffer, visit))
            }
            Block::Quote(blocks) => for_each_block(blocks, buffer, visit),
            Block::Table { head, rows, .. } => {
                for cell in head.iter().chain(rows.iter().flatten()) {
                    buffer.clear();
                    push_inline_text(cell, buffer);
                    visit(ANSWER, buffer);
                }
            }
            Block::Code { spans, .. } => {
                spans.iter().for_each(|span| buffer.push_str(span.text()));
                visit(CODE, buffer);
            }
        }
    }
}

/// Marks a compound among a chunk's token ids (provisional ids stay far below it).
const COMPOUND: u32 = 1 << 31;

/// The tokens of each distinct run of text between ASCII spaces, worked out once: tokens
/// never span such a space, and most runs (common words, repeated identifiers) recur, so
/// this saves most of the tokenizing and interning.
#[derive(Default)]
struct ChunkCache {
    chunks: Interner,
    starts: Vec<u32>,
    tokens: Vec<u32>,
}

impl ChunkCache {
    /// The provisional ids of the tokens of `chunk` (compounds flagged with [`COMPOUND`]),
    /// interning them in `words` the first time the chunk is seen.
    fn tokens(&mut self, chunk: &str, words: &mut Interner) -> &[u32] {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        let n = self.chunks.intern(chunk) as usize;
        if n + 1 == self.starts.len() {
            let tokens = &mut self.tokens;
            tokenize(chunk, &mut |token| {
                let id = words.intern(token.text);
                tokens.push(if token.kind == Kind::Compound { id | COMPOUND } else { id });
            });
            self.starts.push(to_u32(self.tokens.len()));
        }
        &self.tokens[self.starts[n] as usize..self.starts[n + 1] as usize]
    }
}

/// The sorted vocabulary of the words `interner` numbered and, for each of their numbers,
/// their id in it.
fn sort_vocabulary(interner: &Interner) -> (Vocab, Vec<u32>) {
    // Sorting (&str, u32) pairs shares one instantiation of std's sort with `sort_days`.
    let mut order: Vec<(&str, u32)> = (0..to_u32(interner.len())).map(|id| (interner.word(id), id)).collect();
    order.sort_unstable();
    let mut remap = vec![0; order.len()];
    for (rank, &(_, provisional)) in order.iter().enumerate() {
        remap[provisional as usize] = to_u32(rank);
    }
    (Vocab::from_sorted(order.iter().map(|&(word, _)| word)), remap)
}

fn average_lengths(index: &Index, entries: usize) -> [f32; FIELDS] {
    let mut total = [0u64; FIELDS];
    for e in 0..entries {
        for (f, len) in index.field_lens(to_u32(e)).into_iter().enumerate() {
            total[f] += u64::from(len);
        }
    }
    total.map(|t| (t as f32 / entries.max(1) as f32).max(1.0))
}

/// Writes the postings: each token's slice (sized by `starts`, from the entry counts) is
/// filled in entry order with the entry's field counts of the token.
fn lay_out_postings(index: &mut Index, starts: Vec<u32>, compounds: &[(u32, u8)], compound_starts: &[u32]) {
    let mut counter = TermCounter::new(index.vocab.len());
    let mut cursor = starts.clone();
    let mut postings = vec![Posting::new(0, 0, 0.0); starts.last().copied().unwrap_or(0) as usize];
    for (e, bounds) in compound_starts.windows(2).enumerate() {
        let entry = to_u32(e);
        counter.count(index, entry, &compounds[bounds[0] as usize..bounds[1] as usize]);
        let lens = index.field_lens(entry);
        for &(id, tf) in &counter.touched {
            let fields = (0..FIELDS).filter(|&f| tf[f] > 0).fold(0, |bits, f| bits | 1 << f);
            let slot = &mut cursor[id as usize];
            postings[*slot as usize] = Posting::new(entry, fields, field_score(tf, lens, index.avg_len));
            *slot += 1;
        }
    }
    index.post_starts = starts;
    index.postings = postings;
}

/// Per-entry term frequencies without a map: a stamp per token says whether the current
/// entry has seen it, and where its counts are.
struct TermCounter {
    stamp: Vec<u32>,
    slot: Vec<u32>,
    touched: Vec<(u32, [u32; FIELDS])>,
}

impl TermCounter {
    fn new(vocab: usize) -> TermCounter {
        TermCounter { stamp: vec![0; vocab], slot: vec![0; vocab], touched: Vec::new() }
    }

    fn count(&mut self, index: &Index, entry: u32, compounds: &[(u32, u8)]) {
        self.touched.clear();
        let stamp = entry + 1;
        let mut add = |id: u32, field: usize| {
            let i = id as usize;
            if self.stamp[i] != stamp {
                self.stamp[i] = stamp;
                self.slot[i] = to_u32(self.touched.len());
                self.touched.push((id, [0; FIELDS]));
            }
            self.touched[self.slot[i] as usize].1[field] += 1;
        };
        for field in 0..FIELDS {
            for &id in index.field(entry, field) {
                if id != SEPARATOR {
                    add(id, field);
                }
            }
        }
        for &(id, field) in compounds {
            add(id, usize::from(field));
        }
    }
}

fn sort_days(index: &mut Index, entries: &[Entry]) {
    // Days with an entry of theirs: (&str, u32) pairs, sorted like the vocabulary.
    let mut days: Vec<(&str, u32)> = entries.iter().map(|e| e.day.as_str()).zip(0..).collect();
    days.sort_unstable();
    days.dedup_by_key(|&mut (day, _)| day);
    days.reverse();
    index.entry_day = entries.iter().map(|e| to_u32(days.partition_point(|&(d, _)| d > e.day.as_str()))).collect();
    index.days = days.into_iter().map(|(day, _)| IsoDay::from(day)).collect();
    let mut order: Vec<u32> = (0..to_u32(entries.len())).collect();
    sort_by_u64_key(&mut order, |&e| u64::from(index.entry_day[e as usize]));
    index.tie_rank = vec![0; order.len()];
    for (rank, &e) in order.iter().enumerate() {
        index.tie_rank[e as usize] = to_u32(rank);
    }
    index.order = order;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, CodeSpan, Inline};

    fn entry(day: &str, question: &str, answer: &str, code: &str) -> Entry {
        Entry {
            id: question.to_lowercase().replace(' ', "-"),
            day: day.into(),
            question: question.into(),
            question_inlines: vec![Inline::Text(question.into())],
            answer: vec![
                Block::Paragraph(vec![Inline::Text(answer.into())]),
                Block::Code { lang: "text".into(), spans: vec![CodeSpan(String::new(), code.into())] },
            ],
            sources: vec![],
        }
    }

    #[test]
    fn indexes_fields_separately_and_orders_days_newest_first() {
        let entries = [
            entry("2026-01-01", "Old question", "old answer", "old_code"),
            entry("2026-02-01", "New question", "new answer", "x"),
        ];
        let index = build(&entries);
        assert_eq!(index.days, ["2026-02-01", "2026-01-01"]);
        assert_eq!(index.entry_day, [1, 0]);
        assert_eq!(index.order, [1, 0]);
        let question = index.vocab.find("question").map(|id| index.postings(id).to_vec()).unwrap_or_default();
        assert_eq!(question.len(), 2);
        assert!(question.iter().all(|p| p.in_field(QUESTION) && !p.in_field(ANSWER)));
        let compound = index.vocab.find("oldcode").map(|id| index.postings(id).to_vec()).unwrap_or_default();
        assert_eq!(compound.iter().map(|p| (p.entry(), p.in_field(CODE))).collect::<Vec<_>>(), [(0, true)]);
        let words: Vec<&str> = index.field(0, ANSWER).iter().map(|&id| index.vocab.word(id)).collect();
        assert_eq!(words, ["old", "answer"]);
    }
}
