//! The shortcuts panel (`?`): keyboard shortcuts and the query syntax.

use yew::prelude::*;

/// Props of [`HelpPanel`].
#[derive(Properties, PartialEq)]
pub struct HelpPanelProps {
    /// Closes the panel.
    pub on_close: Callback<()>,
}

/// A dialog listing the shortcuts and the query syntax.
#[component]
pub fn HelpPanel(props: &HelpPanelProps) -> Html {
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let rows = [
        ("/ or Ctrl-K", "Focus the search box"),
        ("↑ ↓ (j k outside the box)", "Move through results"),
        ("Enter", "Open the result"),
        ("Esc", "Clear the query, then leave the box"),
        ("?", "Show or hide this panel"),
    ];
    let syntax = [
        ("git add", "Entries with every word (the last one may be unfinished)"),
        ("\"exact phrase\"", "The words together, in this order"),
        ("-term", "Entries without the word"),
        ("day:2026-02-24, day:2026-02", "Entries of a day or a month"),
    ];
    let table = |caption: &str, rows: &[(&str, &str)]| {
        html! {
            <table>
                <caption>{ caption.to_string() }</caption>
                <tbody>{ for rows.iter().map(|(k, v)| html! { <tr><th scope="row"><kbd>{ k.to_string() }</kbd></th><td>{ v.to_string() }</td></tr> }) }</tbody>
            </table>
        }
    };
    html! {
        <div class="help-panel" role="dialog" aria-modal="false" aria-labelledby="help-title">
            <h2 id="help-title">{ "Keyboard shortcuts and search syntax" }</h2>
            { table("Shortcuts", &rows) }
            { table("Query syntax", &syntax) }
            <button type="button" onclick={on_close}>{ "Close" }</button>
        </div>
    }
}
