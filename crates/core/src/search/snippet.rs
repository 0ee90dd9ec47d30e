//! The snippet under a result: about [`SNIPPET_CHARS`] characters of the answer's
//! best-matching paragraph or code line, cut at word boundaries, with its highlights.

use std::ops::Range;

use crate::model::Entry;
use crate::text::{visit_block_text, TextKind};

use super::highlight::{Found, Highlighter};

/// About how many characters a snippet shows.
pub(crate) const SNIPPET_CHARS: usize = 160;
/// Characters of context kept before the first highlight when a text is cut.
const CONTEXT_CHARS: usize = 40;
/// What marks a cut.
const ELLIPSIS: &str = "…";

/// A piece of an answer with the query's matches in it, for display under a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The text, with [`ELLIPSIS`] where it was cut.
    pub text: String,
    /// Byte ranges of `text` to highlight, sorted, on character boundaries.
    pub highlights: Vec<Range<usize>>,
    /// Whether it comes from a paragraph or a code block.
    pub kind: TextKind,
}

/// The snippet of `entry`: its best-matching paragraph or code line (most terms, then best
/// matches, then first), or its first one when nothing matches; `None` for an empty answer.
pub(crate) fn snippet(entry: &Entry, highlighter: &Highlighter) -> Option<Snippet> {
    let mut best: Option<(String, TextKind, Found)> = None;
    let mut first: Option<(String, TextKind)> = None;
    visit_block_text(&entry.answer, &mut |kind, text| {
        let units: Vec<String> = match kind {
            TextKind::Prose => vec![text.replace('\n', " ").trim().to_string()],
            TextKind::Code => text.lines().map(|l| l.trim().to_string()).collect(),
        };
        for unit in units.into_iter().filter(|u| !u.is_empty()) {
            let found = highlighter.find(&unit, false);
            let better = best
                .as_ref()
                .is_none_or(|(_, _, b)| (found.terms.count_ones(), found.weight) > (b.terms.count_ones(), b.weight));
            if found.terms != 0 && better {
                best = Some((unit.clone(), kind, found));
            }
            if first.as_ref().is_none_or(|(_, k)| *k == TextKind::Code && kind == TextKind::Prose) {
                first = Some((unit, kind));
            }
        }
    });
    let (text, kind, ranges) = match (best, first) {
        (Some((text, kind, found)), _) => (text, kind, found.ranges),
        (None, Some((text, kind))) => (text, kind, Vec::new()),
        (None, None) => return None,
    };
    let (text, highlights) = cut(&text, &ranges);
    Some(Snippet { text, highlights, kind })
}

/// Cuts `text` (trimmed) to about [`SNIPPET_CHARS`] characters around the densest run of
/// `ranges`, at word boundaries, and moves the ranges along.
fn cut(text: &str, ranges: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    if text.chars().count() <= SNIPPET_CHARS {
        return (text.to_string(), ranges.to_vec());
    }
    let byte_at = |chars: usize| text.char_indices().nth(chars).map_or(text.len(), |(at, _)| at);
    let window = |anchor: &Range<usize>| {
        let first = text[..anchor.start].chars().count().saturating_sub(CONTEXT_CHARS);
        (byte_at(first), byte_at(first + SNIPPET_CHARS).max(anchor.end))
    };
    // The highlight whose window holds the most highlights (the first of equals).
    let mut best: Option<(usize, &Range<usize>)> = None;
    for anchor in ranges {
        let (start, end) = window(anchor);
        let count = ranges.iter().filter(|r| r.start >= start && r.end <= end).count();
        if best.is_none_or(|(most, _)| count > most) {
            best = Some((count, anchor));
        }
    }
    let anchor = best.map_or(0..0, |(_, anchor)| anchor.clone());
    let (mut start, mut end) = if ranges.is_empty() { (0, byte_at(SNIPPET_CHARS)) } else { window(&anchor) };
    if start > 0 && !text[..start].ends_with(char::is_whitespace) {
        if let Some(at) = text[start..anchor.start].find(char::is_whitespace) {
            start += at + 1;
        }
    }
    if end < text.len() && !text[end..].starts_with(char::is_whitespace) {
        let from = anchor.end.max(start);
        if let Some(at) = text[from..end].rfind(char::is_whitespace) {
            end = from + at;
        }
    }
    let body = &text[start..end];
    let start = start + (body.len() - body.trim_start().len());
    let end = start + body.trim().len();
    let mut out = String::new();
    if start > 0 {
        out.push_str(ELLIPSIS);
    }
    let shift = out.len();
    out.push_str(&text[start..end]);
    if end < text.len() {
        out.push_str(ELLIPSIS);
    }
    let moved = ranges
        .iter()
        .filter(|r| r.start < end && r.end > start)
        .map(|r| r.start.max(start) - start + shift..r.end.min(end) - start + shift)
        .collect();
    (out, moved)
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // One highlighted range is what these tests mean.
mod tests {
    use super::*;

    #[test]
    fn short_texts_are_whole() {
        assert_eq!(cut("short text", &[0..5]), ("short text".to_string(), vec![0..5]));
    }

    #[test]
    fn long_texts_are_cut_at_words_around_the_highlights() {
        let words: Vec<String> = (0..100).map(|i| format!("word{i}")).collect();
        let text = words.join(" ");
        let at = text.find("word50").unwrap_or(0);
        let (snippet, ranges) = cut(&text, &[at..at + 6]);
        assert!(snippet.starts_with("…word") && snippet.ends_with('…'), "{snippet}");
        assert!(snippet.chars().count() <= SNIPPET_CHARS + 2);
        assert_eq!(ranges.len(), 1);
        assert_eq!(&snippet[ranges[0].clone()], "word50");
        let inner = snippet.trim_start_matches('…').trim_end_matches('…');
        assert!(inner.split(' ').all(|w| w.starts_with("word") && w.len() >= 5), "{snippet}");
    }

    #[test]
    fn a_text_without_highlights_shows_its_start() {
        let text = "é".repeat(300);
        let (snippet, ranges) = cut(&text, &[]);
        assert!(snippet.starts_with('é') && snippet.ends_with('…'));
        assert!(ranges.is_empty());
    }
}
