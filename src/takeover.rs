//! Whether the app has taken the page over: false during its first render, which adopts the
//! prerendered page and so must not move anything (no scrolling, no focus); and whether that
//! first render is a hydration of the page the build wrote.

use std::cell::Cell;

thread_local! {
    static TAKEN_OVER: Cell<bool> = const { Cell::new(false) };
    static HYDRATING: Cell<bool> = const { Cell::new(false) };
}

/// Notes that the first render hydrates the prerendered page (`start.rs`, before hydrating).
pub fn start_hydrating() {
    HYDRATING.with(|h| h.set(true));
}

/// Whether this is the first render and it hydrates the prerendered page.
pub fn hydrating() -> bool {
    HYDRATING.with(Cell::get) && !taken_over()
}

/// Marks the first render done; the root component calls it from its first effect, which Yew
/// runs after those of every component below it.
pub fn mark_taken_over() {
    TAKEN_OVER.with(|t| t.set(true));
}

/// Yields to the browser: a zero timeout is a new task, so the browser paints and handles input
/// before what follows. The take-over's steps (decoding, hydrating, each island, the index and
/// the render it brings) are tasks of their own, none long enough to block a reader.
pub async fn next_task() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Whether the first render is done.
pub fn taken_over() -> bool {
    TAKEN_OVER.with(Cell::get)
}
