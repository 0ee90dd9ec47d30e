//! Plain text of the structured content: what search indexes and what snippets quote.

use crate::model::{Block, CodeSpan, Inline};

/// Appends the visible text of `inlines` to `out`.
pub fn push_inline_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Emphasis(children)
            | Inline::Strong(children)
            | Inline::Strike(children)
            | Inline::Link { children, .. } => push_inline_text(children, out),
            Inline::Break => out.push('\n'),
            // Read by its source: `\frac{a}{b}` is found by `frac`, `a` and `b`.
            Inline::Math { tex, .. } => out.push_str(tex),
            Inline::Image { alt, .. } => out.push_str(alt),
            Inline::Task(_) | Inline::Note(_) => {}
        }
    }
}

/// The visible text of `inlines`.
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_inline_text(inlines, &mut out);
    out
}

/// The code text of a code block: its spans joined.
pub fn code_text(spans: &[CodeSpan]) -> String {
    spans.iter().map(CodeSpan::text).collect()
}

/// Whether a piece of an answer's text is prose or code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// A paragraph, heading or table cell, in the answer, a list item, a quote or a footnote.
    Prose,
    /// A code block.
    Code,
}

/// Calls `visit` with the text of every paragraph, heading and table cell (inside lists,
/// quotes and footnotes too) and every code block, in document order.
pub fn visit_block_text(blocks: &[Block], visit: &mut impl FnMut(TextKind, String)) {
    for block in blocks {
        match block {
            Block::Paragraph(inlines) | Block::Heading { children: inlines, .. } => {
                visit(TextKind::Prose, inline_text(inlines))
            }
            Block::List { items, .. } | Block::Footnotes(items) => {
                for item in items {
                    visit_block_text(item, visit);
                }
            }
            Block::Quote(blocks) => visit_block_text(blocks, visit),
            Block::Table { head, rows, .. } => {
                for cell in head.iter().chain(rows.iter().flatten()) {
                    visit(TextKind::Prose, inline_text(cell));
                }
            }
            Block::Code { spans, .. } => visit(TextKind::Code, code_text(spans)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn inline_text_flattens_nested_runs() {
        let inlines = vec![
            text("Use "),
            Inline::Code("git add -p".into()),
            text(" and "),
            Inline::Strong(vec![Inline::Link { href: "https://x.org".into(), children: vec![text("docs")] }]),
        ];
        assert_eq!(inline_text(&inlines), "Use git add -p and docs");
    }

    #[test]
    fn block_visit_separates_prose_and_code_in_order() {
        let blocks = vec![
            Block::Paragraph(vec![text("a")]),
            Block::List { start: None, items: vec![vec![Block::Paragraph(vec![text("b")])]] },
            Block::Code {
                lang: "rust".into(),
                spans: vec![CodeSpan("k".into(), "fn".into()), CodeSpan(String::new(), " f()".into())],
            },
        ];
        let mut seen = vec![];
        visit_block_text(&blocks, &mut |kind, t| seen.push((kind, t)));
        let expected = [(TextKind::Prose, "a"), (TextKind::Prose, "b"), (TextKind::Code, "fn f()")];
        assert_eq!(seen, expected.map(|(k, t)| (k, t.to_string())));
    }

    #[test]
    fn quotes_tables_footnotes_math_and_images_give_their_text() {
        let math = Inline::Math { tex: r"\frac{a}{b}".into(), mathml: crate::MathNode::Text("ignored".into()) };
        let image = Inline::Image { src: "media/x.png".into(), alt: "A chart".into(), width: 1, height: 1 };
        let blocks = vec![
            Block::Heading { level: 3, children: vec![text("Head")] },
            Block::Quote(vec![Block::Paragraph(vec![Inline::Strike(vec![text("quoted")]), Inline::Note(1)])]),
            Block::Table {
                align: vec![crate::Align::None],
                head: vec![vec![text("th")]],
                rows: vec![vec![vec![text("td")]]],
            },
            Block::List { start: None, items: vec![vec![Block::Paragraph(vec![Inline::Task(true), text("task")])]] },
            Block::Paragraph(vec![math, text(" "), image]),
            Block::Footnotes(vec![vec![Block::Paragraph(vec![text("note")])]]),
        ];
        let mut seen = vec![];
        visit_block_text(&blocks, &mut |_, t| seen.push(t));
        assert_eq!(seen, ["Head", "quoted", "th", "td", "task", r"\frac{a}{b} A chart", "note"]);
    }
}
