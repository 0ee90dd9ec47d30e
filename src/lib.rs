//! Learnings, the app: a thin Yew shell over `learnings-core`.
//!
//! The same components run in two places: natively at build time, where `learnings-render`
//! renders them into the site's static pages (Yew's `ssr`), and in the browser, where the app
//! takes those pages over (hydration) once the entries are loaded. Browser calls live in
//! effects, callbacks and hooks only, so rendering needs no browser.

pub mod app;
pub mod components;
pub mod hooks;
pub mod load;
pub mod marks;
pub mod selection;
pub mod state;
pub mod takeover;

#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
#[cfg(target_arch = "wasm32")]
pub mod start;
