//! A prerendered list's entries as islands: a few entries at a time hydrated on their own, after
//! the take-over.
//!
//! Yew hydrates a tree in one go: its scheduler yields to the browser only once every component
//! has had its first render, so the home page's 116 entries were one task of about 70 ms here
//! (four times that on Lighthouse's slow phone: its Total Blocking Time). A `Suspense` does not
//! split it either: one that suspends while hydrating renders its children into clones of the
//! page's nodes and swaps the clones in when it resumes, removing every prerendered element.
//!
//! So the build writes each run of up to [`ISLAND_ENTRIES`] entries of a day as a render of its
//! own ([`EntryIsland`]) inside a `<div class="day-island">` (`display: contents`), given to the
//! day's section as raw HTML. The app's first render adopts that HTML as it is (Yew hydrates raw
//! HTML without looking into it), then [`use_day_islands`] hydrates the islands one per task, in
//! page order, each with the props it was built with and then brought up to date. Until its
//! island is hydrated an entry is the prerendered page: readable, its links plain links. A list
//! whose entries change (a day filter) is rendered by the list itself again, and its islands are
//! let go.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::day_section::entry_views;
use crate::components::entry_link::SiteLinks;
use crate::components::entry_view::Neighbours;
use crate::components::related::RelatedSource;
use crate::shared::EntryRef;

/// The class of an island's element (see styles.css: it takes no box of its own).
const ISLAND_CLASS: &str = "day-island";

/// Set on the list once all its islands are hydrated.
#[cfg(target_arch = "wasm32")]
const HYDRATED_ATTR: &str = "data-islands";

/// How many entries an island holds at most: hydrating one costs about 0.6 ms here, 2.4 ms on
/// Lighthouse's slow phone, where a task over 50 ms counts as blocking.
pub const ISLAND_ENTRIES: usize = 4;

/// Props of [`EntryIsland`]: a few entries of a day and the contexts the list sees in the app.
#[derive(Properties, PartialEq, Clone)]
pub struct IslandProps {
    /// A day's entries (some of them), in order.
    pub entries: Vec<EntryRef>,
    /// The open entry's id, if it is among them.
    pub open: Option<AttrValue>,
    /// The open entry's neighbours.
    pub neighbours: Option<Neighbours>,
    /// The page's links.
    pub links: SiteLinks,
    /// Where Related links come from.
    pub related: RelatedSource,
}

/// A few entries of a list as an app of their own, with the contexts of the page's app.
#[component]
pub fn EntryIsland(props: &IslandProps) -> Html {
    html! {
        <ContextProvider<SiteLinks> context={props.links.clone()}>
            <ContextProvider<RelatedSource> context={props.related.clone()}>
                { entry_views(&props.entries, props.open.as_ref(), props.neighbours.as_ref()) }
            </ContextProvider<RelatedSource>>
        </ContextProvider<SiteLinks>>
    }
}

/// Islands, each as its element holding its entries as the build rendered them (natively), or
/// taken as it is from the page (in the browser).
pub fn islands(islands: &[IslandProps]) -> Html {
    islands.iter().map(|island| Html::from_html_unchecked(island_html(island).into())).collect()
}

/// A day's entries cut into islands, with what they all see; only the island holding the open
/// entry is told of it and its neighbours (as in the list: opening one re-renders no other).
pub fn cut(entries: &[EntryRef], like: &IslandProps) -> Vec<IslandProps> {
    entries
        .chunks(ISLAND_ENTRIES)
        .map(|run| {
            let holds_open = like.open.as_ref().is_some_and(|open| run.iter().any(|e| e.id == open.as_str()));
            IslandProps {
                entries: run.to_vec(),
                open: like.open.clone().filter(|_| holds_open),
                neighbours: like.neighbours.clone().filter(|_| holds_open),
                ..like.clone()
            }
        })
        .collect()
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    /// The islands of the page being built, by their first entry, each inside its element.
    static BUILT: RefCell<std::collections::HashMap<String, String>> = RefCell::default();
    /// The islands the page's list asked for that were not built yet.
    static WANTED: RefCell<Vec<IslandProps>> = const { RefCell::new(Vec::new()) };
}

/// What the list holds for a day it renders as an island: the island as built (see
/// [`render_with_islands`]), or nothing yet.
#[cfg(not(target_arch = "wasm32"))]
fn island_html(island: &IslandProps) -> String {
    BUILT.with(|built| built.borrow().get(&island_key(island)).cloned()).unwrap_or_else(|| {
        WANTED.with(|wanted| wanted.borrow_mut().push(island.clone()));
        String::new()
    })
}

/// An island of a page, known by its first entry.
#[cfg(not(target_arch = "wasm32"))]
fn island_key(island: &IslandProps) -> String {
    island.entries.first().map(|e| e.id.clone()).unwrap_or_default()
}

/// For the build: the page that `render` writes, with its list's islands. Yew's server renderer
/// cannot run inside a render, so a page with a list is rendered twice: once to learn which
/// islands its list shows, then, with those rendered, for good.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_with_islands(render: impl Fn() -> String) -> String {
    BUILT.with(|built| built.borrow_mut().clear());
    WANTED.with(|wanted| wanted.borrow_mut().clear());
    let page = render();
    let wanted = WANTED.with(|wanted| std::mem::take(&mut *wanted.borrow_mut()));
    if wanted.is_empty() {
        return page;
    }
    for island in wanted {
        let key = island_key(&island);
        let inner = futures::executor::block_on(yew::LocalServerRenderer::<EntryIsland>::with_props(island).render());
        BUILT.with(|built| built.borrow_mut().insert(key, format!("<div class=\"{ISLAND_CLASS}\">{inner}</div>")));
    }
    let page = render();
    BUILT.with(|built| built.borrow_mut().clear());
    page
}

/// Raw HTML is hydrated without reading it: the browser's list keeps the build's element.
#[cfg(target_arch = "wasm32")]
fn island_html(_: &IslandProps) -> String {
    String::new()
}

/// The islands of a list, from its first render in the browser on.
struct Islands {
    /// The list's entries at that render: another list is not these islands' any more.
    entries: Rc<Vec<EntryRef>>,
    /// How many of the list's days they hold, from the first.
    days: usize,
    /// Each island's props as built, then as last given.
    #[cfg(target_arch = "wasm32")]
    built: Vec<IslandProps>,
    /// The props each island should have now.
    latest: Vec<IslandProps>,
    /// The islands hydrated so far, in page order, with the props they were last given.
    #[cfg(target_arch = "wasm32")]
    handles: Vec<(yew::AppHandle<EntryIsland>, IslandProps)>,
}

/// Shared between the list's renders and the task that hydrates its islands.
#[derive(Clone, Default)]
pub struct IslandState(Rc<RefCell<Option<Islands>>>);

impl PartialEq for IslandState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl IslandState {
    /// How many of the list's days (now, for `entries`, each cut into islands) are islands: on
    /// a prerendered page, its first render's days, for as long as the list shows the same
    /// entries.
    pub fn days(&self, entries: &Rc<Vec<EntryRef>>, days: &[Vec<IslandProps>], first_render: bool) -> usize {
        let flat = |n: usize| days[..n].iter().flatten().cloned().collect::<Vec<_>>();
        let mut state = self.0.borrow_mut();
        if first_render && hydrating() && state.is_none() {
            *state = Some(Islands {
                entries: entries.clone(),
                days: days.len(),
                #[cfg(target_arch = "wasm32")]
                built: flat(days.len()),
                latest: flat(days.len()),
                #[cfg(target_arch = "wasm32")]
                handles: Vec::new(),
            });
        }
        match state.as_mut() {
            Some(islands) if Rc::ptr_eq(&islands.entries, entries) && days.len() >= islands.days => {
                islands.latest = flat(islands.days);
                islands.days
            }
            Some(islands) => {
                // Another list: the islands go (see `use_day_islands`).
                islands.latest.clear();
                0
            }
            None => 0,
        }
    }
}

/// Whether the app is hydrating a prerendered page (its first render in the browser).
#[cfg(target_arch = "wasm32")]
fn hydrating() -> bool {
    crate::takeover::hydrating()
}

/// The build renders every list's days as islands.
#[cfg(not(target_arch = "wasm32"))]
fn hydrating() -> bool {
    true
}

/// Keeps a list's islands going: after its first render hydrates them one per task; after
/// every render gives them their props, or lets them go once the list is another.
#[hook]
pub fn use_day_islands(state: &IslandState, root: &NodeRef) {
    {
        let (state, root) = (state.clone(), root.clone());
        use_effect_with((), move |()| {
            #[cfg(target_arch = "wasm32")]
            if state.0.borrow().is_some() {
                wasm_bindgen_futures::spawn_local(hydrate_islands(state, root));
            }
            #[cfg(not(target_arch = "wasm32"))]
            drop((state, root));
        });
    }
    let state = state.clone();
    use_effect(move || update_islands(&state));
}

/// After a render of the list: gives the hydrated islands their props now, or lets them all go
/// when the list rendered its days itself (their elements are then out of the page).
#[cfg(target_arch = "wasm32")]
fn update_islands(state: &IslandState) {
    let mut slot = state.0.borrow_mut();
    if slot.as_ref().is_some_and(|islands| islands.latest.is_empty()) {
        if let Some(islands) = slot.take() {
            islands.handles.into_iter().for_each(|(handle, _)| handle.destroy());
        }
    } else if let Some(islands) = slot.as_mut() {
        for ((handle, given), latest) in islands.handles.iter_mut().zip(&islands.latest) {
            if given != latest {
                *given = latest.clone();
                handle.update(latest.clone());
            }
        }
    }
}

/// The build runs no effects.
#[cfg(not(target_arch = "wasm32"))]
fn update_islands(_: &IslandState) {}

/// Hydrates the islands under `root` one per task, each with its props as built, then those it
/// should have now; stops if the list lets them go meanwhile. Marks the list when all are.
#[cfg(target_arch = "wasm32")]
async fn hydrate_islands(state: IslandState, root: NodeRef) {
    use wasm_bindgen::JsCast;
    let Some(list) = root.cast::<web_sys::Element>() else { return };
    let Ok(elements) = list.query_selector_all(&format!(".{ISLAND_CLASS}")) else { return };
    for at in 0..elements.length() {
        crate::takeover::next_task().await;
        {
            let mut slot = state.0.borrow_mut();
            let Some(islands) = slot.as_mut().filter(|islands| islands.handles.len() == at as usize) else { return };
            let (Some(element), Some(built), Some(latest)) = (
                elements.get(at).and_then(|node| node.dyn_into::<web_sys::Element>().ok()),
                islands.built.get(at as usize),
                islands.latest.get(at as usize),
            ) else {
                return;
            };
            // Hydrating rewrites the day's text nodes, which collapses a selection in them.
            crate::selection::save();
            let mut handle = yew::Renderer::<EntryIsland>::with_root_and_props(element, built.clone()).hydrate();
            if latest != built {
                handle.update(latest.clone());
            }
            islands.handles.push((handle, latest.clone()));
        }
        // Yew hydrates in this task's microtasks; a resolved promise resumes after them, so the
        // selection is back before the browser paints.
        drop(wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::UNDEFINED)).await);
        crate::selection::restore();
    }
    // Every entry of the list now works as in the app.
    drop(list.set_attribute(HYDRATED_ATTR, "hydrated"));
}
