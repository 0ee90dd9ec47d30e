//! What a query shows under the result count: its results and "Show more", or the help when
//! nothing matches (drop the day filter, "Did you mean"), or that the search is being prepared.

use yew::prelude::*;

use crate::components::results::Results;
use crate::hooks::use_search::Search;
use crate::shared::SharedBundle;

/// Props of [`SearchPanel`].
#[derive(Properties, PartialEq)]
pub struct SearchPanelProps {
    /// The loaded entries.
    pub bundle: SharedBundle,
    /// The query.
    pub query: AttrValue,
    /// Whether a day filter narrows the search.
    pub filtered: bool,
    /// The query's search.
    pub search: Search,
    /// How many results are shown.
    pub shown: usize,
    /// The result the keyboard cursor is on.
    pub cursor: Option<usize>,
    /// Searches a corrected query.
    pub on_query: Callback<String>,
    /// Drops the day filter.
    pub on_all_days: Callback<()>,
    /// Shows more results.
    pub on_show_more: Callback<()>,
}

/// The results of the query, or why there are none.
#[component]
pub fn SearchPanel(props: &SearchPanelProps) -> Html {
    let (Some(results), Some(_)) = (&props.search.results, &props.search.index) else {
        return html! { <p class="status">{ "Preparing search…" }</p> };
    };
    let suggestion = props.search.suggestion.as_ref().as_ref().map(|q| did_you_mean(q, &props.on_query));
    if results.hits.is_empty() {
        let drop_day = props.filtered.then(|| {
            let onclick = props.on_all_days.reform(|_: MouseEvent| ());
            html! { <button type="button" class="drop-day" {onclick}>{ "Search all days" }</button> }
        });
        return html! {
            <div class="no-results">
                <p>{ format!("No entries match “{}”.", props.query) }</p>
                { for suggestion }
                { for drop_day }
            </div>
        };
    }
    let more = (results.hits.len() > props.shown).then(|| {
        let onclick = props.on_show_more.reform(|_: MouseEvent| ());
        html! { <button type="button" class="show-more" {onclick}>{ format!("Show more ({} left)", results.hits.len() - props.shown) }</button> }
    });
    html! {
        <>
            { for suggestion }
            <Results bundle={props.bundle.clone()} results={results.clone()} shown={props.shown} cursor={props.cursor} />
            { for more }
        </>
    }
}

/// Offers `corrected`, the query with its misspellings mended, as a button that searches it.
fn did_you_mean(corrected: &str, on_query: &Callback<String>) -> Html {
    let q = corrected.to_string();
    let onclick = on_query.reform(move |_: MouseEvent| q.clone());
    html! { <p class="did-you-mean">{ "Did you mean " }<button type="button" class="suggestion" {onclick}>{ corrected.to_string() }</button>{ "?" }</p> }
}
