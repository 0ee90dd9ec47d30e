//! The app in the browser: see [`learnings::start`]. Natively this binary only says how to
//! start the site; the native side of the app is `learnings-render`.

#[cfg(target_arch = "wasm32")]
fn main() {
    learnings::start::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Learnings app runs in the browser: start it with `cargo xtask serve`.");
}
