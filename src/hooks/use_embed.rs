//! The embedding protocol (version 1), active only in `?embed=1` views:
//!
//! - to the host: `{type: "learnings:resize", version: 1, height}` whenever the content's
//!   height changes, so the host can size the iframe to fit;
//! - from the host: `{type: "learnings:set", q?, day?, theme?}`, accepted only from the parent
//!   window, each field validated ([`SetMessage::validate`]); anything else is ignored.

use gloo_events::EventListener;
use js_sys::{Object, Reflect};
use learnings_core::view::SetMessage;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, ResizeObserver};
use yew::prelude::*;

/// The protocol version posted with every message.
pub const PROTOCOL_VERSION: u32 = 1;

/// Posts the content height to the parent on every change and reports valid `learnings:set`
/// messages from the parent to `on_set`. Does nothing when `embedded` is false.
#[hook]
pub fn use_embed(embedded: bool, on_set: Callback<SetMessage>) {
    let latest = use_mut_ref(|| on_set.clone());
    *latest.borrow_mut() = on_set;
    use_effect_with(embedded, move |&embedded| {
        let resources = embedded.then(|| (observe_height(), listen_for_set(latest)));
        move || drop(resources)
    });
}

/// Keeps the observer and its callback alive; disconnects when dropped.
struct HeightObserver {
    observer: Option<ResizeObserver>,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for HeightObserver {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
    }
}

fn observe_height() -> HeightObserver {
    let mut last = -1.0;
    let callback = Closure::<dyn FnMut()>::new(move || {
        let Some(root) = gloo_utils::document().document_element() else { return };
        let height = f64::from(root.scroll_height());
        if height != last {
            last = height;
            post_to_parent(&[
                ("type", "learnings:resize".into()),
                ("version", PROTOCOL_VERSION.into()),
                ("height", height.into()),
            ]);
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
    if let (Some(observer), Some(body)) = (&observer, gloo_utils::document().body()) {
        observer.observe(&body);
    }
    HeightObserver { observer, _callback: callback }
}

fn post_to_parent(fields: &[(&str, JsValue)]) {
    let message = Object::new();
    for (key, value) in fields {
        drop(Reflect::set(&message, &(*key).into(), value));
    }
    if let Ok(Some(parent)) = gloo_utils::window().parent() {
        // The height is no secret: any host may read it, so the target origin is "*".
        drop(parent.post_message(&message, "*"));
    }
}

fn listen_for_set(on_set: std::rc::Rc<std::cell::RefCell<Callback<SetMessage>>>) -> EventListener {
    EventListener::new(&gloo_utils::window(), "message", move |event| {
        let Some(event) = event.dyn_ref::<MessageEvent>() else { return };
        let window = gloo_utils::window();
        let from_parent = match (event.source(), window.parent()) {
            (Some(source), Ok(Some(parent))) => {
                let parent: &JsValue = parent.as_ref();
                source.is_object() && Object::is(source.as_ref(), parent) && !Object::is(parent, window.as_ref())
            }
            _ => false,
        };
        let data = event.data();
        let field = |name: &str| Reflect::get(&data, &name.into()).ok().and_then(|v| v.as_string());
        if !from_parent || !data.is_object() || field("type").as_deref() != Some("learnings:set") {
            return;
        }
        if let Some(message) = SetMessage::validate(field("q"), field("day"), field("theme")) {
            let callback = on_set.borrow().clone();
            callback.emit(message);
        }
    })
}
