//! Plain text of the structured content: what search indexes and what snippets quote.

use crate::model::{Block, CodeSpan, Inline};

/// Appends the visible text of `inlines` to `out`.
pub fn push_inline_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Emphasis(children) | Inline::Strong(children) | Inline::Link { children, .. } => {
                push_inline_text(children, out)
            }
            Inline::Break => out.push('\n'),
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
    /// A paragraph, in the answer or in a list item.
    Prose,
    /// A code block.
    Code,
}

/// Calls `visit` with the text of every paragraph (list items included) and every code block,
/// in document order.
pub fn visit_block_text(blocks: &[Block], visit: &mut impl FnMut(TextKind, String)) {
    for block in blocks {
        match block {
            Block::Paragraph(inlines) => visit(TextKind::Prose, inline_text(inlines)),
            Block::List { items, .. } => {
                for item in items {
                    visit_block_text(item, visit);
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
}
