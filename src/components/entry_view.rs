//! One entry: the question as a heading with a permalink, the answer and the sources.

use std::rc::Rc;

use learnings_core::{is_http_url, Entry};
use yew::prelude::*;

use crate::components::answer::{Blocks, Inlines};

/// Props of [`EntryView`].
#[derive(Properties, PartialEq)]
pub struct EntryViewProps {
    /// The entry to show.
    pub entry: Rc<Entry>,
}

/// An entry as an `<article>` whose id is the entry's permalink fragment.
#[component]
pub fn EntryView(props: &EntryViewProps) -> Html {
    let entry = &props.entry;
    html! {
        <article class="entry" id={entry.id.clone()} aria-labelledby={format!("q-{}", entry.id)}>
            <h3 id={format!("q-{}", entry.id)}>
                <a class="permalink" href={format!("#{}", entry.id)}><Inlines inlines={entry.question_inlines.clone()} /></a>
            </h3>
            <Blocks blocks={entry.answer.clone()} />
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
        </article>
    }
}
