//! Keeps the URL and the view in step: the view is written to the URL on every change
//! (replaceState while typing, pushState when choosing), and Back/Forward restore it.
//!
//! Typing writes the URL once it pauses: Chromium fetches and decodes the favicon again after
//! every history change, which cost each keystroke about 8 ms.

use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use learnings_core::site;
use learnings_core::view::View;
use yew::prelude::*;

use crate::state::{Action, AppState, HistoryMode};

/// The view the current URL describes (its path names the page, see `learnings_core::site`).
pub fn current_view() -> View {
    let location = gloo_utils::window().location();
    let path = location.pathname().unwrap_or_default();
    site::view_at(&path, &location.search().unwrap_or_default(), &location.hash().unwrap_or_default())
}

/// The URL path of `view` on this site: an entry shown alone at its own page, anything else
/// at the home page with the view's query and fragment.
pub fn url_for(view: &View) -> String {
    let path = gloo_utils::window().location().pathname().unwrap_or_default();
    site::url_for(&site::root_path(&path), view)
}

/// The absolute URL of `view` on this site.
pub fn absolute_url(view: &View) -> String {
    let origin = gloo_utils::window().location().origin().unwrap_or_default();
    format!("{origin}{}", url_for(view))
}

/// How long typing must pause before the URL follows the query.
const TYPING_PAUSE_MS: u32 = 300;

/// A replaceState waiting for typing to pause: its URL and the timer that will write it.
type PendingReplace = Option<(String, Timeout)>;

/// Writes `url` to the current history entry, or a new one with `push`.
fn write_url(url: &str, push: bool) {
    if let Ok(history) = gloo_utils::window().history() {
        let null = wasm_bindgen::JsValue::NULL;
        let result = if push {
            history.push_state_with_url(&null, "", Some(url))
        } else {
            history.replace_state_with_url(&null, "", Some(url))
        };
        // A sandboxed iframe may refuse history changes; the view still works without them.
        drop(result);
    }
}

/// Writes view changes to the history and restores views on Back/Forward.
#[hook]
pub fn use_url_sync(state: &UseReducerHandle<AppState>) {
    let pending = use_mut_ref(PendingReplace::default);
    {
        let (view, mode) = (state.view.clone(), state.history);
        use_effect_with(view, move |view| {
            let url = url_for(view);
            let earlier = pending.borrow_mut().take();
            match mode {
                HistoryMode::Replace => {
                    // The earlier query is superseded: dropping its timer cancels it.
                    drop(earlier);
                    let slot = Rc::clone(&pending);
                    let timer = Timeout::new(TYPING_PAUSE_MS, move || {
                        if let Some((url, _)) = slot.borrow_mut().take() {
                            write_url(&url, false);
                        }
                    });
                    *pending.borrow_mut() = Some((url, timer));
                }
                HistoryMode::Push => {
                    // The entry being left keeps the query typed into it, so Back returns to it.
                    if let Some((typed, _)) = earlier {
                        write_url(&typed, false);
                    }
                    write_url(&url, true);
                }
                HistoryMode::None => {}
            }
        });
    }
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo_utils::window(), "popstate", move |_| {
            dispatch.dispatch(Action::Restore(current_view()));
        });
        move || drop(listener)
    });
}
