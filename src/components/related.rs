//! The "Related" links under the opened entry: other entries that share its rarest words
//! ([`Index::related`]), so a reader can go on to what else was learned on the topic.

use std::rc::Rc;

use learnings_core::search::Index;
use learnings_core::Bundle;
use yew::prelude::*;

use crate::components::entry_link::EntryLink;

/// How many related entries an opened entry links to.
const SHOWN: usize = 3;

/// What the Related links need from the page, given as a context so that the components
/// between the page and the opened entry do not carry it: the entries and, once it is built
/// after the first paint, their search index.
#[derive(Clone)]
pub struct RelatedSource {
    /// The loaded entries, which the index's positions refer to.
    pub bundle: Rc<Bundle>,
    /// The index, `None` until it is built.
    pub index: Option<Rc<Index>>,
}

impl PartialEq for RelatedSource {
    /// The same bundle and index are the same allocations.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bundle, &other.bundle)
            && self.index.as_ref().map(Rc::as_ptr) == other.index.as_ref().map(Rc::as_ptr)
    }
}

/// Props of [`Related`].
#[derive(Properties, PartialEq)]
pub struct RelatedProps {
    /// The id of the opened entry.
    pub id: AttrValue,
}

/// Links to up to three related entries, by question; nothing until the index is ready or
/// when no entry shares a word with this one. Rendered for the opened entry only, and
/// worked out once per entry and index.
#[component]
pub fn Related(props: &RelatedProps) -> Html {
    let source = use_context::<RelatedSource>();
    let links = use_memo((props.id.clone(), source), |(id, source)| {
        let Some(RelatedSource { bundle, index: Some(index) }) = source else {
            return Vec::new();
        };
        let Some(at) = bundle.entries.iter().position(|e| e.id == id.as_str()) else {
            return Vec::new();
        };
        index
            .related(at, SHOWN)
            .into_iter()
            .filter_map(|i| bundle.entries.get(i))
            .map(|e| (AttrValue::from(e.id.clone()), e.question.clone()))
            .collect::<Vec<_>>()
    });
    if links.is_empty() {
        return Html::default();
    }
    html! {
        <nav class="related" aria-label="Related entries">
            <h4>{ "Related" }</h4>
            <ul>
                { for links.iter().map(|(id, question)| html! {
                    <li><EntryLink id={id.clone()}>{ question.clone() }</EntryLink></li>
                }) }
            </ul>
        </nav>
    }
}
