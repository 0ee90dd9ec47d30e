//! Learnings, the app: a thin Yew shell over `learnings-core`.
//!
//! The same components run in two places: natively at build time, where `learnings-render`
//! renders them into the site's static pages (Yew's `ssr`), and in the browser, where the app
//! takes those pages over (hydration) once the entries are loaded. Browser calls live in
//! effects, callbacks and hooks only, so rendering needs no browser.
//!
//! Code map:
//! - `start.rs`: in the browser, loads the entries (`load.rs`) and takes the built page over;
//!   `takeover.rs` says whether it has, `selection.rs` keeps the text selection across it.
//! - `app.rs`: the root component, sole owner of the page's state (`state.rs`, one reducer):
//!   it wires the hooks and hands the rest down as values and callbacks.
//! - `components/`: what the page shows, one component or view function per file; `reader.rs`
//!   is the page below the header (`header.rs`).
//! - `hooks/`: the search (`use_search.rs`) and the app's links to the browser, one per file.
//! - `shared.rs`: the loaded entries as components share them, compared by identity;
//!   `parts.rs`: the parts of an entry (its answer's blocks, a run of text) likewise.
//! - `marks.rs`: performance marks at the start-up steps, read by `cargo xtask bench search`.
//! - `prerender/` (native only): the site's static pages, rendered from `App` by
//!   `bin/learnings-render.rs`.
//!
//! The view logic that needs no Yew (the timeline's cells and shades, the reading list's days
//! and neighbours, the result cursor) is `learnings_core::view`, tested natively.

pub mod app;
pub mod components;
pub mod hooks;
pub mod load;
pub mod marks;
pub mod parts;
pub mod selection;
pub mod shared;
pub mod state;
pub mod takeover;

#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
#[cfg(target_arch = "wasm32")]
pub mod start;
