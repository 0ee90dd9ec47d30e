//! Text with search matches marked: text nodes and `<mark>` elements, never HTML.

use std::ops::Range;

use yew::prelude::*;

/// Props of [`Highlighted`].
#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    /// The displayed text.
    pub text: AttrValue,
    /// Byte ranges of `text` to mark, sorted and not overlapping.
    pub ranges: Vec<Range<usize>>,
}

/// `text` with its `ranges` wrapped in `<mark>`; ranges that do not fit the text are skipped.
#[component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    let text = props.text.as_str();
    let mut parts = Vec::new();
    let mut at = 0;
    for range in &props.ranges {
        let (Some(before), Some(marked)) = (text.get(at..range.start), text.get(range.clone())) else { continue };
        if range.start < at {
            continue;
        }
        parts.push(html! { { before.to_string() } });
        parts.push(html! { <mark>{ marked.to_string() }</mark> });
        at = range.end;
    }
    parts.push(html! { { text.get(at..).unwrap_or_default().to_string() } });
    html! { { for parts } }
}

/// The current query's matcher, handed down to an opened entry so that its text shows the
/// matches. Compared by identity: a new query is a new marker.
#[derive(Clone)]
pub struct Marker(pub std::rc::Rc<learnings_core::SearchResults>);

impl PartialEq for Marker {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Marker {
    /// `text` with the query's matches marked, or as plain text without a marker.
    pub fn render(marker: &Option<Marker>, text: &str) -> Html {
        match marker {
            Some(marker) => html! { <Highlighted text={text.to_string()} ranges={marker.0.marks(text)} /> },
            None => html! { { text.to_string() } },
        }
    }
}
