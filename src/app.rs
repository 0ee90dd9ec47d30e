//! The root component: keeps the view in the URL and lays out the page. It starts with the
//! entries loaded and the view of the page it runs on, exactly as the build rendered that page
//! (see `start.rs`), then turns to what the URL says.

use std::collections::HashMap;
use std::rc::Rc;

use learnings_core::count::count;
use learnings_core::date::human_date;
use learnings_core::search::{Index, SearchOptions, SearchResults};
use learnings_core::site::Page;
use learnings_core::view::{embed_snippet, DayFilter, Embed, SetMessage, View};
use learnings_core::{Bundle, Entry};
use yew::prelude::*;

use crate::components::day_section::DaySection;
use crate::components::entry_link::SiteLinks;
use crate::components::entry_view::{EntryView, Neighbours};
use crate::components::help_panel::HelpPanel;
use crate::components::highlighted::Marker;
use crate::components::listing::Listing;
use crate::components::related::{BuiltRelated, RelatedSource};
use crate::components::results::Results;
use crate::components::search_box::SearchBox;
use crate::components::timeline::Timeline;
use crate::components::update_banner::UpdateBanner;
use crate::hooks::use_clipboard::use_clipboard;
use crate::hooks::use_embed::use_embed;
use crate::hooks::use_online::use_online;
use crate::hooks::use_service_worker::use_service_worker;
use crate::hooks::use_shortcuts::{use_shortcuts, Shortcut};
use crate::hooks::use_theme::{use_theme, Theme};
use crate::hooks::use_url_sync::{current_view, url_for, use_url_sync};
use crate::state::{Action, AppState};
use crate::takeover::mark_taken_over;

/// How many search results a query shows first (a screenful and a little more): each keystroke
/// renders them, and 20 of them kept keystroke-to-paint p95 near its 50 ms budget, 10 at 35 ms.
const RESULTS_PAGE: usize = 10;
/// How many more results each "Show more" adds.
const RESULTS_MORE: usize = 30;

/// Props of [`App`].
#[derive(Properties)]
pub struct AppProps {
    /// The entries.
    pub bundle: Rc<Bundle>,
    /// The page the app runs on; its view is the first render's.
    pub page: Page,
    /// What the reader typed into the prerendered search box before the app ran.
    pub typed: Option<String>,
    /// On an entry page, its entry's related entries as the build rendered them.
    pub related: Option<Rc<BuiltRelated>>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bundle, &other.bundle)
            && self.page == other.page
            && self.typed == other.typed
            && self.related == other.related
    }
}

/// The whole page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| AppState::new(props.page.view()));
    {
        // The first render matched the page as built; now the URL's own view and the typing.
        let (dispatch, typed, built) = (state.dispatcher(), props.typed.clone(), props.page.view());
        use_effect_with((), move |()| {
            mark_taken_over();
            crate::selection::restore();
            if let Some(root) = gloo_utils::document().document_element() {
                // Shows the controls that need the app (see styles.css, `.needs-app`).
                drop(root.set_attribute("data-app", "ready"));
            }
            let view = current_view();
            if view != built {
                dispatch.dispatch(Action::Restore(view));
            }
            if let Some(query) = typed {
                dispatch.dispatch(Action::SetQuery(query));
            }
        });
    }
    use_url_sync(&state);
    let embed = state.view.embed.clone();
    let (theme, set_theme) = use_theme(embed.as_ref().and_then(|e| e.theme.as_deref()).map(Theme::from_name));
    {
        let (dispatch, set_theme) = (state.dispatcher(), set_theme.clone());
        use_embed(
            embed.is_some(),
            Callback::from(move |message: SetMessage| {
                if let Some(query) = message.query {
                    dispatch.dispatch(Action::SetQuery(query));
                }
                if let Some(day) = message.day {
                    dispatch.dispatch(Action::SetDay(day));
                }
                if let Some(theme) = message.theme {
                    set_theme.emit(Theme::from_name(&theme));
                }
            }),
        );
    }
    let root = props.page.root();
    let service_worker = use_service_worker(root);
    let online = use_online();
    let offline_as_of =
        (!online).then(|| props.bundle.days.first().map(|d| AttrValue::from(human_date(&d.date)))).flatten();
    let links = {
        let dispatch = state.dispatcher();
        let open = use_callback((), move |id: String, ()| dispatch.dispatch(Action::Open(id)));
        SiteLinks { root, open }
    };
    let body = html! { <Reader bundle={props.bundle.clone()} state={state.clone()} related={props.related.clone()} /> };
    let help = state.help_open.then(|| {
        let dispatch = state.dispatcher();
        html! { <HelpPanel on_close={Callback::from(move |()| dispatch.dispatch(Action::ToggleHelp))} /> }
    });
    let on_theme = set_theme.reform(move |_: MouseEvent| theme.next());
    let (link_copied, copy_link) = use_clipboard();
    // The view, not location.href: the URL catches up with typing only once it pauses.
    let on_copy_link = {
        let view = state.view.clone();
        copy_link.reform(move |_: MouseEvent| absolute_url(&view))
    };
    let (snippet_copied, copy_snippet) = use_clipboard();
    let on_copy_embed = {
        let view = state.view.clone();
        copy_snippet.reform(move |_: MouseEvent| {
            let embedded = View { embed: Some(Embed { search: true, theme: None }), ..view.clone() };
            embed_snippet(&absolute_url(&embedded))
        })
    };
    let on_help = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ToggleHelp))
    };
    if embed.is_some() {
        let full = View { embed: None, ..state.view.clone() };
        return html! {
            <ContextProvider<SiteLinks> context={links}>
            <div class="embedded">
                <a class="open-full" href={absolute_url(&full)} target="_blank" rel="noopener noreferrer">{ format!("Open in {} ↗", props.bundle.site.title) }</a>
                { body }
            </div>
            </ContextProvider<SiteLinks>>
        };
    }
    let home = links.home();
    html! {
        <ContextProvider<SiteLinks> context={links}>
            <a class="skip-link" href="#main">{ "Skip to entries" }</a>
            <header class="site-header">
                <h1><a href={home}>{ props.bundle.site.title.clone() }</a></h1>
                <p class="tagline">{ props.bundle.site.tagline.clone() }</p>
                <div class="tools needs-app">
                    <button type="button" class="theme-toggle" onclick={on_theme}
                        aria-label={format!("Theme: {} (change)", theme.name())}>{ theme.name() }</button>
                    <button type="button" class="copy-link" onclick={on_copy_link}>
                        { if link_copied { "Link copied" } else { "Copy link" } }
                    </button>
                    <button type="button" class="copy-embed" onclick={on_copy_embed}>
                        { if snippet_copied { "Snippet copied" } else { "Embed" } }
                    </button>
                    <button type="button" class="help-toggle" onclick={on_help} aria-label="Keyboard shortcuts"
                        aria-expanded={state.help_open.to_string()}>{ "?" }</button>
                </div>
            </header>
            { body }
            { for help }
            <UpdateBanner available={service_worker.update_available} on_reload={service_worker.apply_update.clone()} {offline_as_of} />
        </ContextProvider<SiteLinks>>
    }
}

/// The absolute URL of `view` on this site.
fn absolute_url(view: &View) -> String {
    let origin = gloo_utils::window().location().origin().unwrap_or_default();
    format!("{origin}{}", url_for(view))
}

/// Props of [`Reader`].
#[derive(Properties)]
struct ReaderProps {
    bundle: Rc<Bundle>,
    state: UseReducerHandle<AppState>,
    related: Option<Rc<BuiltRelated>>,
}

impl PartialEq for ReaderProps {
    /// The same bundle is the same allocation: comparing 10,000 entries per render would not do.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bundle, &other.bundle) && self.state == other.state && self.related == other.related
    }
}

/// The loaded page: the search box, the timeline, and the results or the days of the filter.
#[component]
fn Reader(props: &ReaderProps) -> Html {
    let view = &props.state.view;
    // How many results to show, for the query that asked: a new query starts at one page.
    let shown_results = use_state(|| (String::new(), RESULTS_PAGE));
    let index = use_deferred_index(&props.bundle);
    let results: Option<Rc<SearchResults>> = {
        let index = (*index).clone();
        let ready = index.is_some();
        use_memo((ready, view.query.clone(), view.day.clone()), move |(_, q, day)| {
            let options =
                SearchOptions { day_range: day.as_ref().map(DayFilter::day_range), ..SearchOptions::default() };
            index.map(|index| Rc::new(index.search(q, &options)))
        })
    }
    .as_ref()
    .clone();
    // "Did you mean": only for a query that no entry matches whole, once per query.
    let suggestion: Rc<Option<String>> = {
        let (index, whole) = ((*index).clone(), results.as_ref().map(|r| r.complete > 0));
        use_memo((whole, view.query.clone()), move |(whole, q)| match (index, whole) {
            (Some(index), Some(false)) => index.did_you_mean(q),
            _ => None,
        })
    };
    let searching = !view.query.trim().is_empty();
    let hit_count = results.as_ref().map_or(0, |r| r.hits.len());
    let results_limit = if shown_results.0 == view.query { shown_results.1 } else { RESULTS_PAGE };
    let shown_hits = hit_count.min(results_limit);
    {
        let dispatch = props.state.dispatcher();
        use_shortcuts(Callback::from(move |shortcut| match shortcut {
            Shortcut::ToggleHelp => dispatch.dispatch(Action::ToggleHelp),
            Shortcut::CloseHelp => dispatch.dispatch(Action::CloseHelp),
            Shortcut::Move(delta) => dispatch.dispatch(Action::MoveCursor { delta, len: shown_hits }),
        }));
    }
    let bundle = props.bundle.clone();
    // An entry shown alone needs no list (the build renders thousands of such pages).
    let entries: Rc<Vec<Rc<Entry>>> = use_memo((view.day.clone(), view.alone), move |(day, alone)| {
        let entries = bundle.entries.iter().filter(|_| !alone);
        entries.filter(|e| day.as_ref().is_none_or(|d| d.contains(&e.day))).map(|e| Rc::new(e.clone())).collect()
    });
    let matched: HashMap<&str, u32> = match (&results, searching) {
        (Some(results), true) => results.day_counts.iter().map(|c| (c.day.as_str(), c.count as u32)).collect(),
        _ => HashMap::new(),
    };
    let days: Vec<(String, u32)> = props
        .bundle
        .days
        .iter()
        .map(|d| (d.date.clone(), if searching { matched.get(d.date.as_str()).copied().unwrap_or(0) } else { d.count }))
        .collect();
    let on_select = {
        let dispatch = props.state.dispatcher();
        Callback::from(move |filter: Option<DayFilter>| dispatch.dispatch(Action::SetDay(filter)))
    };
    let chip = view.day.as_ref().map(|filter| {
        let dispatch = props.state.dispatcher();
        let clear = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetDay(None)));
        html! {
            <p class="filter-chip">
                { format!("Showing {}", filter.to_param()) }
                <button type="button" class="needs-app" onclick={clear} aria-label="Clear the day filter">{ "×" }</button>
            </p>
        }
    });
    let home = use_context::<SiteLinks>().map_or("./", |s| s.home());
    let open = view.entry.clone().map(AttrValue::from);
    let neighbours = view.entry.as_ref().and_then(|id| neighbours(&props.bundle, id));
    let search_box = {
        let dispatch = props.state.dispatcher();
        let on_query = Callback::from(move |q: String| dispatch.dispatch(Action::SetQuery(q)));
        let dispatch = props.state.dispatcher();
        let on_move = Callback::from(move |delta| dispatch.dispatch(Action::MoveCursor { delta, len: shown_hits }));
        let dispatch = props.state.dispatcher();
        let (bundle, results, cursor) = (props.bundle.clone(), results.clone(), props.state.cursor);
        let on_enter = Callback::from(move |()| {
            let hit = results.as_ref().and_then(|r| r.hits.get(cursor.unwrap_or(0)));
            if let Some(entry) = hit.and_then(|h| bundle.entries.get(h.entry)) {
                dispatch.dispatch(Action::Open(entry.id.clone()));
            }
        });
        html! { <SearchBox query={view.query.clone()} {on_query} {on_move} {on_enter} /> }
    };
    // An entry opened from the results replaces the list, so that no id is on the page twice.
    let listing = if view.alone {
        Some(alone(&props.bundle, view.entry.as_deref().unwrap_or_default(), neighbours.clone(), home))
    } else {
        (!searching || view.entry.is_none()).then(|| {
            let neighbours = neighbours.clone();
            let whole = view.day.is_some();
            html! { <Listing entries={entries.clone()} open={open.clone()} {neighbours} hidden={searching} {whole} /> }
        })
    };
    let content = if !searching {
        Html::default()
    } else if let Some(entry) = view.entry.as_ref().and_then(|id| props.bundle.entries.iter().find(|e| &e.id == id)) {
        let back = Callback::from(|_: MouseEvent| {
            if let Ok(history) = gloo_utils::window().history() {
                drop(history.back());
            }
        });
        html! {
            <>
                <button type="button" class="back" onclick={back}>{ "← Back to results" }</button>
                <EntryView entry={Rc::new(entry.clone())} open=true {neighbours} marker={results.clone().map(Marker)} />
            </>
        }
    } else if let (Some(results), Some(_)) = (&results, index.as_ref()) {
        let suggestion = suggestion.as_ref().as_ref().map(|q| did_you_mean(&props.state, q));
        if results.hits.is_empty() {
            no_results(&props.state, suggestion)
        } else {
            let more = (results.hits.len() > shown_hits).then(|| {
                let (shown, query) = (shown_results.clone(), view.query.clone());
                let onclick = Callback::from(move |_: MouseEvent| shown.set((query.clone(), shown_hits + RESULTS_MORE)));
                html! { <button type="button" class="show-more" {onclick}>{ format!("Show more ({} left)", results.hits.len() - shown_hits) }</button> }
            });
            html! {
                <>
                    { for suggestion }
                    <Results bundle={props.bundle.clone()} results={results.clone()} shown={shown_hits} cursor={props.state.cursor} />
                    { for more }
                </>
            }
        }
    } else {
        html! { <p class="status">{ "Preparing search…" }</p> }
    };
    let announcement = if view.alone {
        String::new()
    } else if searching {
        match results.as_ref().map(|r| r.total) {
            None => "Preparing search…".to_string(),
            Some(n) => count(n, "result", "results"),
        }
    } else {
        count(entries.len(), "entry", "entries")
    };
    let related = RelatedSource { bundle: props.bundle.clone(), index: (*index).clone(), built: props.related.clone() };
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
                            <Timeline {days} filter={view.day.clone()} {on_select} />
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

/// Offers `corrected`, the query with its misspellings mended, as a button that searches it.
fn did_you_mean(state: &UseReducerHandle<AppState>, corrected: &str) -> Html {
    let dispatch = state.dispatcher();
    let (label, q) = (corrected.to_string(), corrected.to_string());
    let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetQuery(q.clone())));
    html! { <p class="did-you-mean">{ "Did you mean " }<button type="button" class="suggestion" {onclick}>{ label }</button>{ "?" }</p> }
}

/// What the page says when nothing matches: offers to drop the day filter, or a corrected query.
fn no_results(state: &UseReducerHandle<AppState>, suggestion: Option<Html>) -> Html {
    let drop_day = state.view.day.as_ref().map(|_| {
        let dispatch = state.dispatcher();
        let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetDay(None)));
        html! { <button type="button" class="drop-day" {onclick}>{ "Search all days" }</button> }
    });
    html! {
        <div class="no-results">
            <p>{ format!("No entries match “{}”.", state.view.query) }</p>
            { for suggestion }
            { for drop_day }
        </div>
    }
}

/// An entry on its own, as on its page: its day, the entry with its neighbours, a link home.
fn alone(bundle: &Bundle, id: &str, neighbours: Option<Neighbours>, home: &'static str) -> Html {
    let home = html! { <p class="all-entries"><a href={home}>{ "← All entries" }</a></p> };
    match bundle.entries.iter().find(|e| e.id == id) {
        Some(entry) => html! {
            <>
                <DaySection date={entry.day.clone()} entries={vec![Rc::new(entry.clone())]} open={Some(AttrValue::from(entry.id.clone()))} {neighbours} />
                { home }
            </>
        },
        None => html! { <><p class="status">{ "This entry is not in the collection (any more)." }</p>{ home }</> },
    }
}

/// The search index, built just after the first paint so the entries show before indexing
/// starts; `None` until then.
#[hook]
fn use_deferred_index(bundle: &Rc<Bundle>) -> UseStateHandle<Option<Rc<Index>>> {
    let index = use_state(|| None);
    {
        let (index, bundle) = (index.clone(), bundle.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                // A zero timeout is a new task: the browser paints the entries first.
                gloo_timers::future::TimeoutFuture::new(0).await;
                let built = Index::new(&bundle.entries);
                crate::marks::mark("indexed");
                index.set(Some(Rc::new(built)));
            });
        });
    }
    index
}

/// The entries around the one with `id`, in reading order.
fn neighbours(bundle: &Bundle, id: &str) -> Option<Neighbours> {
    let at = bundle.entries.iter().position(|e| e.id == id)?;
    let pair = |e: &Entry| (e.id.clone(), e.question.clone());
    Some(Neighbours {
        previous: at.checked_sub(1).and_then(|i| bundle.entries.get(i)).map(pair),
        next: bundle.entries.get(at + 1).map(pair),
    })
}
