//! Learnings, the app: a thin Yew shell over `learnings-core`.
//!
//! It only builds for the browser (`wasm32`); on the host the binary just says so, which keeps
//! `cargo test --workspace` and clippy working natively for everything else.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod hooks;
#[cfg(target_arch = "wasm32")]
mod load;
#[cfg(target_arch = "wasm32")]
mod state;

#[cfg(target_arch = "wasm32")]
fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_message();
    }));
    yew::Renderer::<app::App>::new().render();
}

/// After a panic the app cannot run any more: say so on the page instead of leaving a dead UI.
/// Plain DOM calls only, and a link to reload (a button would need the stopped app).
#[cfg(target_arch = "wasm32")]
fn show_crash_message() {
    let document = gloo_utils::document();
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

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Learnings app runs in the browser: start it with `cargo xtask serve`.");
}
