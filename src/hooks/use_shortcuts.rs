//! Page-wide keyboard shortcuts: `/` and Ctrl/Cmd-K focus the search box, `?` toggles the
//! shortcuts panel, `j`/`k` move through results, Esc closes the panel.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// The id of the search box, which the shortcuts focus.
pub const SEARCH_INPUT_ID: &str = "search";

/// What a shortcut asks the app to do (besides focusing the search box, done here).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// `?`: open or close the shortcuts panel.
    ToggleHelp,
    /// Esc outside the search box: close the panel.
    CloseHelp,
    /// `j` (+1) or `k` (-1): move the result cursor.
    Move(isize),
}

/// Whether the key event comes from a text field, where letters are typing, not shortcuts.
fn in_text_field(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable())
}

/// Listens for shortcuts on the document and reports them to the latest `on_shortcut`.
#[hook]
pub fn use_shortcuts(on_shortcut: Callback<Shortcut>) {
    // The listener lives as long as the page; it calls whatever callback the last render gave.
    let latest = use_mut_ref(|| on_shortcut.clone());
    *latest.borrow_mut() = on_shortcut;
    use_effect_with((), move |_| {
        // Not passive: `/` and Ctrl-K must not also type or open the browser's search.
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&gloo_utils::document(), "keydown", options, move |event| {
            let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
            let key = event.key();
            let typing = in_text_field(event);
            if (key == "k" || key == "K") && (event.ctrl_key() || event.meta_key()) || (key == "/" && !typing) {
                event.prevent_default();
                if let Some(input) = gloo_utils::document().get_element_by_id(SEARCH_INPUT_ID) {
                    if let Ok(input) = input.dyn_into::<HtmlElement>() {
                        drop(input.focus());
                    }
                }
                return;
            }
            if typing || event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            let shortcut = match key.as_str() {
                "?" => Shortcut::ToggleHelp,
                "Escape" => Shortcut::CloseHelp,
                "j" => Shortcut::Move(1),
                "k" => Shortcut::Move(-1),
                _ => return,
            };
            let callback = latest.borrow().clone();
            callback.emit(shortcut);
        });
        move || drop(listener)
    });
}
