//! Parts of an entry (a list of blocks, one block, a run of inlines) handed to the components
//! that render them without copying them: the shared entry and the way from it to the part.
//! Compared as such, so that an entry rendered again compares a few numbers, not its text.

use std::ops::Range;
use std::rc::Rc;

use learnings_core::{Block, Inline};

use crate::shared::EntryRef;

/// A list of blocks: the entry's answer, or one nested in it.
#[derive(Clone, PartialEq)]
pub struct BlocksAt {
    entry: EntryRef,
    /// From the answer down: a block's position and which of its block lists (see [`child`]).
    path: Rc<[(usize, usize)]>,
}

/// One block of a list of blocks.
#[derive(Clone, PartialEq)]
pub struct BlockAt {
    list: BlocksAt,
    at: usize,
}

/// A run of inlines: the entry's question or one in a block, perhaps nested in another
/// inline's children, perhaps a slice of it.
#[derive(Clone, PartialEq)]
pub struct InlinesAt {
    base: RunsBase,
    /// Positions of the inlines whose children lead down to the run.
    nested: Rc<[usize]>,
    /// The slice of the run meant (clamped to its length).
    range: Range<usize>,
}

/// Where a run of inlines starts.
#[derive(Clone, PartialEq)]
enum RunsBase {
    /// The entry's question.
    Question(EntryRef),
    /// A block's run (see [`runs`]) with this position.
    Block(BlockAt, usize),
}

impl BlocksAt {
    /// The entry's answer.
    pub fn answer(entry: EntryRef) -> BlocksAt {
        BlocksAt { entry, path: Rc::new([]) }
    }

    /// The blocks (none if the path has no blocks at its end, which the constructors rule out).
    pub fn get(&self) -> &[Block] {
        let mut blocks: &[Block] = &self.entry.answer;
        for &(at, k) in self.path.iter() {
            blocks = blocks.get(at).and_then(|block| child(block, k)).unwrap_or_default();
        }
        blocks
    }

    /// The block at position `at` of the list.
    pub fn block(&self, at: usize) -> BlockAt {
        BlockAt { list: self.clone(), at }
    }
}

impl BlockAt {
    /// The block.
    pub fn get(&self) -> Option<&Block> {
        self.list.get().get(self.at)
    }

    /// The block's `k`th list of blocks (see [`child`]).
    pub fn child(&self, k: usize) -> BlocksAt {
        let path = self.list.path.iter().copied().chain([(self.at, k)]).collect();
        BlocksAt { entry: self.list.entry.clone(), path }
    }

    /// The block's `k`th run of inlines (see [`runs`]).
    pub fn runs(&self, k: usize) -> InlinesAt {
        InlinesAt::new(RunsBase::Block(self.clone(), k))
    }
}

impl InlinesAt {
    fn new(base: RunsBase) -> InlinesAt {
        InlinesAt { base, nested: Rc::new([]), range: 0..usize::MAX }
    }

    /// The entry's question.
    pub fn question(entry: EntryRef) -> InlinesAt {
        InlinesAt::new(RunsBase::Question(entry))
    }

    /// The inlines.
    pub fn get(&self) -> &[Inline] {
        let mut runs: &[Inline] = match &self.base {
            RunsBase::Question(entry) => &entry.question_inlines,
            RunsBase::Block(block, k) => block.get().and_then(|b| self::runs(b, *k)).unwrap_or_default(),
        };
        for &at in self.nested.iter() {
            runs = runs.get(at).and_then(children).unwrap_or_default();
        }
        let end = self.range.end.min(runs.len());
        runs.get(self.range.start.min(end)..end).unwrap_or_default()
    }

    /// The children of the inline at position `at` of the run.
    pub fn children(&self, at: usize) -> InlinesAt {
        let nested = self.nested.iter().copied().chain([self.range.start + at]).collect();
        InlinesAt { base: self.base.clone(), nested, range: 0..usize::MAX }
    }

    /// The inlines from position `from` of the run, up to `to` (exclusive) when given.
    pub fn slice(&self, from: usize, to: Option<usize>) -> InlinesAt {
        let start = self.range.start + from;
        let end = to.map_or(self.range.end, |to| self.range.start.saturating_add(to).min(self.range.end));
        InlinesAt { range: start..end, ..self.clone() }
    }
}

/// A block's `k`th list of blocks: a list's item `k`, a quote's blocks (`k` = 0), footnote
/// `k` + 1.
fn child(block: &Block, k: usize) -> Option<&[Block]> {
    match block {
        Block::List { items, .. } | Block::Footnotes(items) => items.get(k).map(Vec::as_slice),
        Block::Quote(blocks) if k == 0 => Some(blocks),
        _ => None,
    }
}

/// A block's `k`th run of inlines: a paragraph's or a heading's (`k` = 0), a table's cell `k`
/// counting the header cells first, then the rows' cells row by row.
fn runs(block: &Block, k: usize) -> Option<&[Inline]> {
    match block {
        Block::Paragraph(inlines) | Block::Heading { children: inlines, .. } if k == 0 => Some(inlines),
        Block::Table { head, rows, .. } => head.iter().chain(rows.iter().flatten()).nth(k).map(Vec::as_slice),
        _ => None,
    }
}

/// The runs an inline holds.
fn children(inline: &Inline) -> Option<&[Inline]> {
    match inline {
        Inline::Emphasis(children)
        | Inline::Strong(children)
        | Inline::Strike(children)
        | Inline::Link { children, .. } => Some(children),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use learnings_core::{Bundle, Entry};

    use crate::shared::SharedBundle;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    /// An entry whose answer nests each kind of part: a list item with a quote, a task, a
    /// table, footnotes and emphasis inside a link.
    fn entry() -> EntryRef {
        let answer = vec![
            Block::List {
                start: None,
                items: vec![
                    vec![Block::Paragraph(vec![text("one")])],
                    vec![Block::Quote(vec![Block::Paragraph(vec![text("quoted")])])],
                ],
            },
            Block::Paragraph(vec![Inline::Task(true), text("done")]),
            Block::Table {
                align: Vec::new(),
                head: vec![vec![text("h1")], vec![text("h2")]],
                rows: vec![vec![vec![text("a")], vec![text("b")]], vec![vec![text("c")], vec![text("d")]]],
            },
            Block::Paragraph(vec![Inline::Link {
                href: "https://example.org".into(),
                children: vec![text("see "), Inline::Emphasis(vec![text("this")])],
            }]),
            Block::Footnotes(vec![vec![Block::Paragraph(vec![text("note")])]]),
        ];
        let entry = Entry {
            id: "e".into(),
            day: "2026-02-24".into(),
            question: "Q?".into(),
            question_inlines: vec![text("Q?")],
            answer,
            sources: Vec::new(),
        };
        let bundle = Bundle { schema_version: 0, site: Default::default(), days: Vec::new(), entries: vec![entry] };
        SharedBundle(Rc::new(bundle)).entry(0).expect("the entry")
    }

    #[test]
    fn every_part_resolves_to_the_entrys_own_content() {
        let entry = entry();
        let answer = BlocksAt::answer(entry.clone());
        assert_eq!(answer.get(), &entry.answer[..]);
        let list = answer.block(0);
        assert_eq!(list.child(0).block(0).runs(0).get(), [text("one")]);
        assert_eq!(list.child(1).block(0).child(0).block(0).runs(0).get(), [text("quoted")], "a quote in an item");
        let task = answer.block(1).runs(0);
        assert_eq!(
            (task.slice(0, Some(1)).get(), task.slice(1, None).get()),
            (&[Inline::Task(true)][..], &[text("done")][..])
        );
        let cells: Vec<Vec<Inline>> = (0..6).map(|k| answer.block(2).runs(k).get().to_vec()).collect();
        assert_eq!(cells, ["h1", "h2", "a", "b", "c", "d"].map(|c| vec![text(c)]), "header cells, then row by row");
        assert_eq!(answer.block(3).runs(0).children(0).children(1).get(), [text("this")], "emphasis in a link");
        assert_eq!(answer.block(4).child(0).block(0).runs(0).get(), [text("note")]);
        assert_eq!(InlinesAt::question(entry).get(), [text("Q?")]);
    }

    #[test]
    fn a_part_that_is_not_there_is_empty() {
        let answer = BlocksAt::answer(entry());
        assert!(answer.block(9).child(0).get().is_empty());
        assert!(answer.block(1).child(0).get().is_empty(), "a paragraph holds no blocks");
        assert!(answer.block(2).runs(6).get().is_empty(), "past the last cell");
        assert!(answer.block(1).runs(0).slice(5, None).get().is_empty());
    }

    #[test]
    fn parts_compare_by_place_not_by_text() {
        let answer = BlocksAt::answer(entry());
        assert!(answer.block(0).child(1) == answer.block(0).child(1));
        assert!(answer.block(0).child(0) != answer.block(0).child(1));
        assert!(BlocksAt::answer(entry()) != answer, "another bundle is another place");
    }
}
