//! The search box: results as you type; Up/Down move, Enter opens, Esc clears then leaves.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::hooks::use_shortcuts::SEARCH_INPUT_ID;

/// Props of [`SearchBox`].
#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The current query.
    pub query: AttrValue,
    /// Called with the new query on every input.
    pub on_query: Callback<String>,
    /// Called with -1 / +1 for Up / Down.
    pub on_move: Callback<isize>,
    /// Called on Enter.
    pub on_enter: Callback<()>,
}

/// A labelled `<input type="search">`.
#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let oninput = props.on_query.reform(|e: InputEvent| {
        e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
    });
    let onkeydown = {
        let (on_query, on_move, on_enter, empty) =
            (props.on_query.clone(), props.on_move.clone(), props.on_enter.clone(), props.query.is_empty());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" => {
                e.prevent_default();
                on_move.emit(1);
            }
            "ArrowUp" => {
                e.prevent_default();
                on_move.emit(-1);
            }
            "Enter" => on_enter.emit(()),
            "Escape" if !empty => {
                e.prevent_default();
                on_query.emit(String::new());
            }
            "Escape" => {
                if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
                    drop(input.blur());
                }
            }
            _ => {}
        })
    };
    html! {
        <div class="search" role="search">
            <label for={SEARCH_INPUT_ID} class="visually-hidden">{ "Search entries" }</label>
            <input id={SEARCH_INPUT_ID} type="search" value={props.query.clone()} {oninput} {onkeydown}
                placeholder="Search (press /)" autocomplete="off" spellcheck="false"
                aria-describedby="search-hint" />
            <span id="search-hint" class="visually-hidden">{ "Up and Down move through results, Enter opens one, Escape clears." }</span>
        </div>
    }
}
