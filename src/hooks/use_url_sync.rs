//! Keeps the URL and the view in step: the view is written to the URL on every change
//! (replaceState while typing, pushState when choosing), and Back/Forward restore it.

use gloo_events::EventListener;
use learnings_core::view::View;
use yew::prelude::*;

use crate::state::{Action, AppState, HistoryMode};

/// The view the current URL describes.
pub fn current_view() -> View {
    let location = gloo_utils::window().location();
    View::from_url(&location.search().unwrap_or_default(), &location.hash().unwrap_or_default())
}

/// The current page URL for `view`: same path, the view's query and fragment.
pub fn url_for(view: &View) -> String {
    let path = gloo_utils::window().location().pathname().unwrap_or_default();
    format!("{path}{}{}", view.search_string(), view.hash_string())
}

/// Writes view changes to the history and restores views on Back/Forward.
#[hook]
pub fn use_url_sync(state: &UseReducerHandle<AppState>) {
    {
        let (view, mode) = (state.view.clone(), state.history);
        use_effect_with(view, move |view| {
            let history = gloo_utils::window().history();
            if let Ok(history) = history {
                let url = url_for(view);
                let result = match mode {
                    HistoryMode::Replace => {
                        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                    }
                    HistoryMode::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
                    HistoryMode::None => Ok(()),
                };
                // A sandboxed iframe may refuse history changes; the view still works without them.
                drop(result);
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
