//! The loaded page below the header: the search box and the timeline beside the reading list,
//! the results of a query, or an entry on its own. Its state is the root's: it shows what it is
//! given and reports what the reader does through its callbacks.

use std::rc::Rc;

use learnings_core::count::count;
use learnings_core::view::reading::neighbours;
use learnings_core::view::timeline::day_counts;
use learnings_core::view::{DayFilter, View};
use yew::prelude::*;

use crate::components::alone::alone;
use crate::components::entry_link::SiteLinks;
use crate::components::entry_view::{EntryView, Neighbours};
use crate::components::highlighted::Marker;
use crate::components::listing::Listing;
use crate::components::related::{BuiltRelated, RelatedSource};
use crate::components::search_box::SearchBox;
use crate::components::search_panel::SearchPanel;
use crate::components::timeline::Timeline;
use crate::hooks::use_search::Search;
use crate::shared::{EntryRef, SharedBundle};

/// Props of [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The loaded entries.
    pub bundle: SharedBundle,
    /// What the page shows.
    pub view: View,
    /// The search for the view's query.
    pub search: Search,
    /// The result the keyboard cursor is on.
    pub cursor: Option<usize>,
    /// How many results are shown.
    pub shown: usize,
    /// On an entry page, its entry's related entries as the build rendered them.
    pub related: Option<Rc<BuiltRelated>>,
    /// The reader typed a query.
    pub on_query: Callback<String>,
    /// The reader chose or cleared a day filter.
    pub on_day: Callback<Option<DayFilter>>,
    /// The reader opened the entry with this id.
    pub on_open: Callback<String>,
    /// The reader moved the result cursor by this much.
    pub on_move: Callback<isize>,
    /// The reader asked for more results.
    pub on_show_more: Callback<()>,
}

/// The search box, the timeline, and the results or the days of the filter.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let (view, bundle, search) = (&props.view, &props.bundle, &props.search);
    let searching = !view.query.trim().is_empty();
    // An entry shown alone needs no list (the build renders thousands of such pages).
    let entries: Rc<Vec<EntryRef>> = {
        let bundle = bundle.clone();
        use_memo((view.day.clone(), view.alone), move |(day, alone)| {
            let at = (0..bundle.entries.len()).filter(|_| !alone);
            let at = at.filter(|&at| day.as_ref().is_none_or(|d| d.contains(&bundle.entries[at].day)));
            at.filter_map(|at| bundle.entry(at)).collect()
        })
    };
    let matched = searching.then(|| search.results.as_ref().map_or(&[][..], |r| &r.day_counts[..]));
    let days = day_counts(&bundle.days, matched);
    let chip = view.day.as_ref().map(|filter| filter_chip(filter, props.on_day.reform(|_: MouseEvent| None)));
    let home = use_context::<SiteLinks>().map_or("./", |s| s.home());
    let open = view.entry.clone().map(AttrValue::from);
    let neighbours = view.entry.as_ref().and_then(|id| neighbours_of(bundle, id));
    let search_box = {
        let (bundle, results, cursor, on_open) =
            (bundle.clone(), search.results.clone(), props.cursor, props.on_open.clone());
        let on_enter = Callback::from(move |()| {
            let hit = results.as_ref().and_then(|r| r.hits.get(cursor.unwrap_or(0)));
            if let Some(entry) = hit.and_then(|h| bundle.entries.get(h.entry)) {
                on_open.emit(entry.id.clone());
            }
        });
        html! { <SearchBox query={view.query.clone()} on_query={props.on_query.clone()} on_move={props.on_move.clone()} {on_enter} /> }
    };
    // An entry opened from the results replaces the list, so that no id is on the page twice.
    let listing = if view.alone {
        Some(alone(bundle, view.entry.as_deref().unwrap_or_default(), neighbours.clone(), home))
    } else {
        (!searching || view.entry.is_none()).then(|| {
            let neighbours = neighbours.clone();
            let whole = view.day.is_some();
            html! { <Listing entries={entries.clone()} open={open.clone()} {neighbours} hidden={searching} {whole} /> }
        })
    };
    let content = if !searching {
        Html::default()
    } else if let Some(entry) = view.entry.as_ref().and_then(|id| bundle.find(id)) {
        opened_result(entry, neighbours, search.results.clone().map(Marker))
    } else {
        html! {
            <SearchPanel bundle={bundle.clone()} query={view.query.clone()} filtered={view.day.is_some()}
                search={search.clone()} shown={props.shown} cursor={props.cursor} on_query={props.on_query.clone()}
                on_all_days={props.on_day.reform(|()| None)} on_show_more={props.on_show_more.clone()} />
        }
    };
    let announcement = if view.alone {
        String::new()
    } else if searching {
        match search.results.as_ref().map(|r| r.total) {
            None => "Preparing search…".to_string(),
            Some(n) => count(n, "result", "results"),
        }
    } else {
        count(entries.len(), "entry", "entries")
    };
    let related = RelatedSource { bundle: bundle.0.clone(), index: search.index.clone(), built: props.related.clone() };
    html! {
        <ContextProvider<RelatedSource> context={related}>
            <div class="layout">
                if let Some(embed) = &view.embed {
                    if embed.search { { search_box } }
                } else {
                    <aside class="sidebar">
                        { search_box }
                        // An entry's page stays small: the timeline comes with the rest of the app.
                        if !view.alone {
                            <Timeline {days} filter={view.day.clone()} on_select={props.on_day.clone()} />
                        }
                    </aside>
                }
                <main id="main">
                    <p class="result-count" role="status" aria-live="polite">{ announcement }</p>
                    { for chip }
                    { for listing }
                    { content }
                </main>
            </div>
        </ContextProvider<RelatedSource>>
    }
}

/// The day filter in force, with a button that clears it.
fn filter_chip(filter: &DayFilter, clear: Callback<MouseEvent>) -> Html {
    html! {
        <p class="filter-chip">
            { format!("Showing {}", filter.to_param()) }
            <button type="button" class="needs-app" onclick={clear} aria-label="Clear the day filter">{ "×" }</button>
        </p>
    }
}

/// An entry opened from the results, its matches marked, with the way back to them.
fn opened_result(entry: EntryRef, neighbours: Option<Neighbours>, marker: Option<Marker>) -> Html {
    let back = Callback::from(|_: MouseEvent| {
        if let Ok(history) = gloo_utils::window().history() {
            drop(history.back());
        }
    });
    html! {
        <>
            <button type="button" class="back" onclick={back}>{ "← Back to results" }</button>
            <EntryView {entry} open=true {neighbours} {marker} />
        </>
    }
}

/// The entries around the one with `id`, in reading order, as their links need them.
fn neighbours_of(bundle: &SharedBundle, id: &str) -> Option<Neighbours> {
    let around = neighbours(&bundle.entries, id)?;
    let pair = |at: Option<usize>| at.and_then(|at| bundle.entries.get(at)).map(|e| (e.id.clone(), e.question.clone()));
    Some(Neighbours { previous: pair(around.previous), next: pair(around.next) })
}
