//! The "Related" links under the opened entry: other entries that share its rarest words
//! ([`Index::related`]), so a reader can go on to what else was learned on the topic.
//!
//! An entry's own page has them from the start: the build works them out (natively, from the
//! same index) and renders them, and the page carries their ids for the app's take-over, whose
//! first render must match the page while the app's index is not built yet. Entries opened in
//! the app get theirs from the app's index.

use std::rc::Rc;

use learnings_core::search::Index;
use learnings_core::Bundle;
use yew::prelude::*;

use crate::components::entry_link::EntryLink;

/// How many related entries an opened entry links to.
const SHOWN: usize = 3;

/// The attribute of the Related links' `<nav>` that lists their entries' ids, space-separated
/// (ids are slugs): what an entry page carries for the take-over.
pub const RELATED_ATTR: &str = "data-related";

/// The related entries of a page's own entry as the build worked them out: the app's first
/// render on that page shows the same, and keeps them (its own index could only agree).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltRelated {
    /// The id of the page's entry.
    pub entry: String,
    /// The ids of its related entries, most related first.
    pub related: Vec<String>,
}

impl BuiltRelated {
    /// The related entries of the entry with id `entry`, from `index` (built from `bundle`).
    pub fn of(bundle: &Bundle, index: &Index, entry: &str) -> BuiltRelated {
        BuiltRelated { entry: entry.to_string(), related: related_ids(bundle, index, entry) }
    }

    /// What a page carries in [`RELATED_ATTR`] for its entry `entry`.
    pub fn from_attr(entry: &str, ids: &str) -> BuiltRelated {
        BuiltRelated { entry: entry.to_string(), related: ids.split_whitespace().map(str::to_string).collect() }
    }
}

/// The ids of up to [`SHOWN`] entries related to the one with id `entry`, most related first.
fn related_ids(bundle: &Bundle, index: &Index, entry: &str) -> Vec<String> {
    let Some(at) = bundle.entries.iter().position(|e| e.id == entry) else {
        return Vec::new();
    };
    index.related(at, SHOWN).into_iter().filter_map(|i| bundle.entries.get(i)).map(|e| e.id.clone()).collect()
}

/// What the Related links need from the page, given as a context so that the components
/// between the page and the opened entry do not carry it: the entries, their search index
/// once it is built after the first paint, and the page's own entry's links as built.
#[derive(Clone)]
pub struct RelatedSource {
    /// The loaded entries, which the index's positions refer to.
    pub bundle: Rc<Bundle>,
    /// The index, `None` until it is built.
    pub index: Option<Rc<Index>>,
    /// The related entries of the page's entry, on an entry page rendered by the build.
    pub built: Option<Rc<BuiltRelated>>,
}

impl PartialEq for RelatedSource {
    /// The same bundle and index are the same allocations.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bundle, &other.bundle)
            && self.index.as_ref().map(Rc::as_ptr) == other.index.as_ref().map(Rc::as_ptr)
            && self.built == other.built
    }
}

impl RelatedSource {
    /// The ids related to `entry`: as built for the page's entry, else from the index.
    fn related(&self, entry: &str) -> Vec<String> {
        match (&self.built, &self.index) {
            (Some(built), _) if built.entry == entry => built.related.clone(),
            (_, Some(index)) => related_ids(&self.bundle, index, entry),
            _ => Vec::new(),
        }
    }
}

/// Props of [`Related`].
#[derive(Properties, PartialEq)]
pub struct RelatedProps {
    /// The id of the opened entry.
    pub id: AttrValue,
}

/// Links to up to three related entries, by question; nothing until they are known or when
/// no entry shares a word with this one. Rendered for the opened entry only, and worked out
/// once per entry and source.
#[component]
pub fn Related(props: &RelatedProps) -> Html {
    let source = use_context::<RelatedSource>();
    let links = use_memo((props.id.clone(), source), |(id, source)| {
        let Some(source) = source else { return Vec::new() };
        let related = source.related(id);
        related
            .iter()
            .filter_map(|related| source.bundle.entries.iter().find(|e| &e.id == related))
            .map(|e| (AttrValue::from(e.id.clone()), e.question.clone()))
            .collect::<Vec<_>>()
    });
    if links.is_empty() {
        return Html::default();
    }
    let ids = links.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>().join(" ");
    html! {
        <nav class="related" aria-label="Related entries" data-related={ids}>
            <h4>{ "Related" }</h4>
            <ul>
                { for links.iter().map(|(id, question)| html! {
                    <li><EntryLink id={id.clone()}>{ question.clone() }</EntryLink></li>
                }) }
            </ul>
        </nav>
    }
}
