//! Starting the app in the browser: load the entries, then take the page over.
//!
//! A prerendered page (written at build time by `learnings-render`) stays as it is, readable and
//! scrollable, while the bundle downloads. Once it is here the app *hydrates* that page: Yew
//! adopts the elements the build wrote instead of replacing them, so nothing on screen moves.
//! The first render sees exactly what the build saw (the same entries, the page's own view);
//! the URL's query or fragment and anything typed into the search box meanwhile are applied
//! right after. A page without prerendered content (a debug build, the offline shell) is
//! rendered from scratch. When loading fails the page stays readable and an error panel with
//! Retry appears above it, the only place that needs the app.

use std::cell::RefCell;
use std::rc::Rc;

use learnings_core::site::Page;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::AppHandle;

use crate::app::{App, AppProps};
use crate::components::related::{BuiltRelated, RELATED_ATTR};
use crate::components::status::{ErrorPanel, ErrorPanelProps};
use crate::hooks::use_shortcuts::SEARCH_INPUT_ID;
use crate::load::fetch_bundle;

/// The element the app runs in; the renderer fills it with the page.
pub const ROOT_ID: &str = "app";
/// Where a loading error is shown, outside the app's element.
pub const STATUS_ID: &str = "app-status";
/// Set on the app's element when it holds a prerendered page: the fingerprint of the bundle it
/// was rendered from.
pub const PRERENDERED_ATTR: &str = "data-prerendered";

thread_local! {
    /// The error panel while one is shown, so that Retry can take it away.
    static ERROR_PANEL: RefCell<Option<AppHandle<ErrorPanel>>> = const { RefCell::new(None) };
}

/// The app's entry point.
pub fn start() {
    // Debug builds log the panic's message and location; the release wasm is built with panics
    // as immediate traps (see xtask/src/tools.rs), so it has no message to log and runs no hook.
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
    listen_for_traps();
    wasm_bindgen_futures::spawn_local(load_and_run());
}

/// Every panic ends in a WebAssembly trap, which the browser reports as an uncaught
/// `WebAssembly.RuntimeError` (`error` when it came from an event handler, `unhandledrejection`
/// from a promise callback): the app is stopped from then on, so the page says so.
fn listen_for_traps() {
    let window = gloo_utils::window();
    for (event, field) in [("error", "error"), ("unhandledrejection", "reason")] {
        gloo_events::EventListener::new(&window, event, move |event| {
            let error = js_sys::Reflect::get(event, &field.into()).unwrap_or_default();
            if error.is_instance_of::<js_sys::WebAssembly::RuntimeError>() {
                show_crash_message();
            }
        })
        .forget();
    }
}

/// Loads the bundle, then runs the app, or shows why it cannot.
async fn load_and_run() {
    let path = gloo_utils::window().location().pathname().unwrap_or_default();
    let page = Page::from_path(&path);
    match fetch_bundle(page.root()).await {
        Ok((bundle, fingerprint)) => {
            crate::marks::mark("decoded");
            // Hydrating is a task of its own, apart from reading the bundle (two short tasks).
            crate::takeover::next_task().await;
            run(page, Rc::new(bundle), &fingerprint);
        }
        Err(error) => show_error(&error.to_string()),
    }
}

/// Hydrates the page when it was prerendered from this very bundle, or else renders the app
/// from scratch.
fn run(page: Page, bundle: Rc<learnings_core::Bundle>, fingerprint: &str) {
    let document = gloo_utils::document();
    let Some(root) = document.get_element_by_id(ROOT_ID) else { return };
    // Read before hydrating: hydration sets the box to the page's (empty) query.
    let typed = document
        .get_element_by_id(SEARCH_INPUT_ID)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|input| input.value())
        .filter(|value| !value.is_empty());
    let prerendered = root.get_attribute(PRERENDERED_ATTR).as_deref() == Some(fingerprint);
    let related = match &page {
        Page::Entry(id) if prerendered => Some(Rc::new(built_related(&document, id))),
        _ => None,
    };
    let props = AppProps { bundle, page, typed, related };
    let renderer = yew::Renderer::<App>::with_root_and_props(root.clone(), props);
    if prerendered {
        crate::selection::save();
        crate::takeover::start_hydrating();
        renderer.hydrate();
    } else {
        root.set_inner_html("");
        renderer.render();
    }
}

/// The related entries an entry page was built with (none if it shows no Related links).
fn built_related(document: &web_sys::Document, entry: &str) -> BuiltRelated {
    let selector = format!("#{ROOT_ID} nav[{RELATED_ATTR}]");
    let ids = document.query_selector(&selector).ok().flatten().and_then(|nav| nav.get_attribute(RELATED_ATTR));
    BuiltRelated::from_attr(entry, &ids.unwrap_or_default())
}

/// The error panel with the reason and Retry, which tries loading again.
fn show_error(message: &str) {
    let Some(slot) = gloo_utils::document().get_element_by_id(STATUS_ID) else { return };
    let retry = yew::Callback::from(|_| {
        if let Some(panel) = ERROR_PANEL.with(|p| p.borrow_mut().take()) {
            panel.destroy();
        }
        wasm_bindgen_futures::spawn_local(load_and_run());
    });
    let props = ErrorPanelProps { message: message.to_string().into(), retry };
    let panel = yew::Renderer::<ErrorPanel>::with_root_and_props(slot, props).render();
    ERROR_PANEL.with(|p| *p.borrow_mut() = Some(panel));
}

/// After a panic the app cannot run any more: say so on the page (once) instead of leaving a
/// dead UI. Plain DOM calls only, and a link to reload (a button would need the stopped app).
fn show_crash_message() {
    let document = gloo_utils::document();
    if document.query_selector(".crash").ok().flatten().is_some() {
        return;
    }
    let (Ok(panel), Ok(link), Some(body)) =
        (document.create_element("div"), document.create_element("a"), document.body())
    else {
        return;
    };
    panel.set_class_name("error-panel crash");
    drop(panel.set_attribute("role", "alert"));
    panel.set_text_content(Some("Learnings stopped because of an internal error. "));
    link.set_text_content(Some("Reload the page"));
    drop(link.set_attribute("href", ""));
    drop(panel.append_child(&link));
    drop(body.prepend_with_node_1(&panel));
}
