//! Copying text to the clipboard, with a short-lived "copied" flag for the button's label.

use yew::prelude::*;

/// How long a button says "Copied" after a successful copy.
const COPIED_MS: u32 = 1500;

/// Whether the last copy just succeeded, and a callback that copies its text.
#[hook]
pub fn use_clipboard() -> (bool, Callback<String>) {
    let copied = use_state(|| false);
    let copy = {
        let copied = copied.clone();
        Callback::from(move |text: String| {
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let clipboard = gloo_utils::window().navigator().clipboard();
                // Denied or unavailable (an insecure page, a sandboxed iframe): the label stays.
                if wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await.is_ok() {
                    copied.set(true);
                    gloo_timers::future::TimeoutFuture::new(COPIED_MS).await;
                    copied.set(false);
                }
            });
        })
    };
    (*copied, copy)
}
