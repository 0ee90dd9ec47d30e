//! One entry: the question as a heading linking to the entry's page, the answer and the sources.

use learnings_core::is_http_url;
use yew::prelude::*;

use crate::components::answer::{Blocks, Inlines};
use crate::components::entry_link::EntryLink;
use crate::components::footnotes::NoteScope;
use crate::components::highlighted::Marker;
use crate::components::related::Related;
use crate::parts::{BlocksAt, InlinesAt};
use crate::shared::EntryRef;
use crate::takeover::taken_over;

/// The entries before and after the open one in reading order, as `(id, question)`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Neighbours {
    /// The entry above (newer, or earlier the same day).
    pub previous: Option<(String, String)>,
    /// The entry below.
    pub next: Option<(String, String)>,
}

/// Props of [`EntryView`].
#[derive(Properties, PartialEq)]
pub struct EntryViewProps {
    /// The entry to show.
    pub entry: EntryRef,
    /// Whether the entry is the open one: scrolled into view and focused, with its related
    /// entries.
    #[prop_or_default]
    pub open: bool,
    /// Links to the neighbouring entries, given to the open entry only.
    #[prop_or_default]
    pub neighbours: Option<Neighbours>,
    /// Marks the search's matches (an entry opened from the results).
    #[prop_or_default]
    pub marker: Option<Marker>,
}

/// An entry as an `<article>` whose id is the entry's permalink fragment.
#[component]
pub fn EntryView(props: &EntryViewProps) -> Html {
    let entry = &props.entry;
    let node = use_node_ref();
    use_effect_with((props.open, node.clone()), |(open, node)| {
        // Taking over the prerendered page moves nothing: the reader may have scrolled already.
        if let (true, true, Some(article)) = (*open, taken_over(), node.cast::<web_sys::HtmlElement>()) {
            article.scroll_into_view();
            drop(article.focus());
        }
    });
    html! {
        <article ref={node} class={classes!("entry", props.open.then_some("open"))} id={entry.id.clone()}
            tabindex="-1" aria-labelledby={format!("q-{}", entry.id)}>
            <h3 id={format!("q-{}", entry.id)}>
                <EntryLink class="permalink" id={entry.id.clone()}><Inlines inlines={InlinesAt::question(entry.clone())} marker={props.marker.clone()} /></EntryLink>
            </h3>
            <ContextProvider<NoteScope> context={NoteScope(entry.id.clone().into())}>
                <Blocks blocks={BlocksAt::answer(entry.clone())} marker={props.marker.clone()} />
            </ContextProvider<NoteScope>>
            if !entry.sources.is_empty() {
                <ul class="sources" aria-label="Sources">
                    { for entry.sources.iter().map(|s| html! {
                        <li>{ if is_http_url(&s.url) {
                            html! { <a href={s.url.clone()} target="_blank" rel="noopener noreferrer">{ s.title.clone() }</a> }
                        } else {
                            html! { { s.title.clone() } }
                        } }</li>
                    }) }
                </ul>
            }
            if props.open {
                <Related id={entry.id.clone()} />
            }
            if let Some(neighbours) = props.neighbours.as_ref().filter(|_| props.open) {
                <nav class="entry-nav" aria-label="Neighbouring entries">
                    if let Some((id, question)) = &neighbours.previous {
                        <EntryLink id={id.clone()} rel="prev">{ format!("← {question}") }</EntryLink>
                    }
                    if let Some((id, question)) = &neighbours.next {
                        <EntryLink id={id.clone()} rel="next">{ format!("{question} →") }</EntryLink>
                    }
                </nav>
            }
        </article>
    }
}
