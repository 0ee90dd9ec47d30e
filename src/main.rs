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
    console_error_panic_hook::set_once();
    yew::Renderer::<app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Learnings app runs in the browser: start it with `cargo xtask serve`.");
}
