//! The root component: loads the bundle, keeps the view in the URL, and lays out the page.

use std::rc::Rc;

use learnings_core::view::DayFilter;
use learnings_core::{Bundle, Entry};
use yew::prelude::*;

use crate::components::day_section::DaySection;
use crate::components::help_panel::HelpPanel;
use crate::components::status::{ErrorPanel, LoadingNote};
use crate::components::timeline::Timeline;
use crate::hooks::use_shortcuts::{use_shortcuts, Shortcut};
use crate::hooks::use_theme::use_theme;
use crate::hooks::use_url_sync::{current_view, use_url_sync};
use crate::load::fetch_bundle;
use crate::state::{Action, AppState, Loading};

/// How many entries the reader shows before "Show more": keeps 10,000 entries smooth.
const PAGE: usize = 60;

/// The whole page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| AppState::new(current_view()));
    {
        let dispatch = state.dispatcher();
        use_effect_with(state.attempt, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match fetch_bundle().await {
                    Ok(bundle) => dispatch.dispatch(Action::Loaded(Rc::new(bundle))),
                    Err(error) => dispatch.dispatch(Action::Failed(error)),
                }
            });
        });
    }
    use_url_sync(&state);
    let (theme, toggle_theme) = use_theme();
    {
        let dispatch = state.dispatcher();
        use_shortcuts(Callback::from(move |shortcut| match shortcut {
            Shortcut::ToggleHelp => dispatch.dispatch(Action::ToggleHelp),
            Shortcut::CloseHelp => dispatch.dispatch(Action::CloseHelp),
            Shortcut::Move(delta) => dispatch.dispatch(Action::MoveCursor { delta, len: 0 }),
        }));
    }
    let body = match &state.loading {
        Loading::Pending => html! { <main id="main"><LoadingNote /></main> },
        Loading::Failed(error) => {
            let dispatch = state.dispatcher();
            let retry = Callback::from(move |_| dispatch.dispatch(Action::Retry));
            html! { <main id="main"><ErrorPanel message={error.to_string()} {retry} /></main> }
        }
        Loading::Ready(bundle) => html! { <Reader bundle={bundle.clone()} state={state.clone()} /> },
    };
    let help = state.help_open.then(|| {
        let dispatch = state.dispatcher();
        html! { <HelpPanel on_close={Callback::from(move |()| dispatch.dispatch(Action::ToggleHelp))} /> }
    });
    let on_theme = toggle_theme.reform(|_: MouseEvent| ());
    let on_help = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ToggleHelp))
    };
    html! {
        <>
            <a class="skip-link" href="#main">{ "Skip to entries" }</a>
            <header class="site-header">
                <h1><a href="./">{ "Learnings" }</a></h1>
                <div class="tools">
                    <button type="button" class="theme-toggle" onclick={on_theme}
                        aria-label={format!("Theme: {} (change)", theme.name())}>{ theme.name() }</button>
                    <button type="button" class="help-toggle" onclick={on_help} aria-label="Keyboard shortcuts"
                        aria-expanded={state.help_open.to_string()}>{ "?" }</button>
                </div>
            </header>
            { body }
            { for help }
        </>
    }
}

/// Props of [`Reader`].
#[derive(Properties, PartialEq)]
struct ReaderProps {
    bundle: Rc<Bundle>,
    state: UseReducerHandle<AppState>,
}

/// The loaded page: the timeline and the days of the current filter.
#[component]
fn Reader(props: &ReaderProps) -> Html {
    let view = &props.state.view;
    let shown = use_state(|| PAGE);
    let entries: Vec<Rc<Entry>> = use_memo((props.bundle.clone(), view.day.clone()), |(bundle, day)| {
        bundle
            .entries
            .iter()
            .filter(|e| day.as_ref().is_none_or(|d| d.contains(&e.day)))
            .map(|e| Rc::new(e.clone()))
            .collect::<Vec<_>>()
    })
    .to_vec();
    // The open entry is always on the page, however far down it is.
    let open_at = view.entry.as_ref().and_then(|id| entries.iter().position(|e| &e.id == id));
    let limit = (*shown).max(open_at.map_or(0, |at| at + 1));
    let days: Vec<(String, u32)> = props.bundle.days.iter().map(|d| (d.date.clone(), d.count)).collect();
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
                <button type="button" onclick={clear} aria-label="Clear the day filter">{ "×" }</button>
            </p>
        }
    });
    let more = (entries.len() > limit).then(|| {
        let shown = shown.clone();
        let onclick = Callback::from(move |_: MouseEvent| shown.set(limit + PAGE));
        html! { <button type="button" class="show-more" {onclick}>{ format!("Show more ({} left)", entries.len() - limit) }</button> }
    });
    let open = view.entry.clone().map(AttrValue::from);
    html! {
        <div class="layout">
            <aside class="sidebar"><Timeline {days} filter={view.day.clone()} {on_select} /></aside>
            <main id="main">
                { for chip }
                { for group_by_day(&entries[..limit.min(entries.len())]).into_iter().map(|(day, entries)| html! {
                    <DaySection key={day.clone()} date={day.clone()} {entries} open={open.clone()} />
                }) }
                { for more }
            </main>
        </div>
    }
}

/// Consecutive entries of the same day, grouped.
fn group_by_day(entries: &[Rc<Entry>]) -> Vec<(String, Vec<Rc<Entry>>)> {
    let mut days: Vec<(String, Vec<Rc<Entry>>)> = Vec::new();
    for entry in entries {
        match days.last_mut() {
            Some((day, list)) if *day == entry.day => list.push(entry.clone()),
            _ => days.push((entry.day.clone(), vec![entry.clone()])),
        }
    }
    days
}
