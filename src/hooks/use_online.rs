//! Whether the browser is online, following its `online` and `offline` events. Rendering
//! starts online (as the build rendered the page) and turns to the truth once the app runs.

use gloo_events::EventListener;
use yew::prelude::*;

/// `false` while the browser says it is offline.
#[hook]
pub fn use_online() -> bool {
    let online = use_state(|| true);
    {
        let online = online.setter();
        use_effect_with((), move |()| {
            let window = gloo_utils::window();
            online.set(window.navigator().on_line());
            let listeners = ["online", "offline"].map(|name| {
                let (online, window) = (online.clone(), window.clone());
                EventListener::new(&gloo_utils::window(), name, move |_| online.set(window.navigator().on_line()))
            });
            move || drop(listeners)
        });
    }
    *online
}
