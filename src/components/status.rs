//! What the page shows when the entries cannot be loaded.

use yew::prelude::*;

/// Props of [`ErrorPanel`].
#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    /// What went wrong, in words.
    pub message: AttrValue,
    /// Called when the reader asks to try again.
    pub retry: Callback<MouseEvent>,
}

/// Says why the entries could not be loaded and offers a retry; never a blank page.
#[component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    html! {
        <div class="error-panel" role="alert">
            <p>{ props.message.clone() }</p>
            <button type="button" onclick={props.retry.clone()}>{ "Retry" }</button>
        </div>
    }
}
