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
    /// Whether the entry is the open one: scrolled into view and focused.
    #[prop_or_default]
    pub open: bool,
}

/// An entry as an `<article>` whose id is the entry's permalink fragment.
#[component]
pub fn EntryView(props: &EntryViewProps) -> Html {
    let entry = &props.entry;
    let node = use_node_ref();
    use_effect_with((props.open, node.clone()), |(open, node)| {
        if let (true, Some(article)) = (*open, node.cast::<web_sys::HtmlElement>()) {
            article.scroll_into_view();
            drop(article.focus());
        }
    });
    html! {
        <article ref={node} class={classes!("entry", props.open.then_some("open"))} id={entry.id.clone()}
            tabindex="-1" aria-labelledby={format!("q-{}", entry.id)}>
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
