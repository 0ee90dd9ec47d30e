//! Search results: the matching questions and snippets with their matches marked, and the
//! entries that have only some of the query's words, each saying which words it lacks.

use std::rc::Rc;

use learnings_core::date::human_date;
use learnings_core::search::{SearchResults, TextKind};
use yew::prelude::*;

use crate::components::highlighted::Highlighted;
use crate::shared::SharedBundle;

/// Props of [`Results`].
#[derive(Properties)]
pub struct ResultsProps {
    /// The loaded bundle.
    pub bundle: SharedBundle,
    /// The ranked results of the current query.
    pub results: Rc<SearchResults>,
    /// How many results to show.
    pub shown: usize,
    /// The result the keyboard cursor is on.
    pub cursor: Option<usize>,
}

impl PartialEq for ResultsProps {
    fn eq(&self, other: &Self) -> bool {
        self.bundle == other.bundle
            && Rc::ptr_eq(&self.results, &other.results)
            && self.shown == other.shown
            && self.cursor == other.cursor
    }
}

/// The result list; each result links to its entry's permalink. Partial matches follow the
/// complete ones under a note, each with the words it lacks struck through.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let hits = props.results.hits.iter().take(props.shown).enumerate();
    let complete = props.results.complete;
    let closest = (complete == 0).then(|| {
        html! { <p class="partial-note">{ "No entry has every word; showing the closest." }</p> }
    });
    html! {
        <>
        { for closest }
        <ol class="results">
            { for hits.filter_map(|(at, hit)| {
                let entry = props.bundle.entries.get(hit.entry)?;
                let marks = props.results.highlight(entry);
                let selected = props.cursor == Some(at);
                let snippet = marks.snippet.map(|s| {
                    let text = html! { <Highlighted text={s.text} ranges={s.highlights} /> };
                    match s.kind {
                        TextKind::Code => html! { <code class="snippet">{ text }</code> },
                        TextKind::Prose => html! { <span class="snippet">{ text }</span> },
                    }
                });
                let divider = (at == complete && complete > 0).then(|| {
                    html! { <p class="partial-note">{ "Entries with some of the words:" }</p> }
                });
                let missing = (!hit.missing.is_empty()).then(|| html! {
                    <span class="result-missing">
                        { "Missing: " }
                        { for hit.missing.iter().map(|word| html! { <s>{ word.clone() }</s> }) }
                    </span>
                });
                Some(html! {
                    <li key={entry.id.clone()} class={classes!("result", selected.then_some("selected"))}>
                        { for divider }
                        <a href={format!("#{}", entry.id)} aria-current={selected.then_some("true")}>
                            <span class="result-q"><Highlighted text={entry.question.clone()} ranges={marks.question} /></span>
                            <span class="result-day">{ human_date(&entry.day) }</span>
                            { for snippet }
                            { for missing }
                        </a>
                    </li>
                })
            }) }
        </ol>
        </>
    }
}
