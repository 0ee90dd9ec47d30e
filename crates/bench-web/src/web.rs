//! The JavaScript face of the crate: what the bench page calls.
//!
//! `cargo xtask bench` builds it like the release wasm, panics as bare traps: a panic reaches
//! the page as `RuntimeError: unreachable`, which the bench reports as a failed run.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: the page's monotonic clock in milliseconds.
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
}

/// Builds `n` synthetic entries from the real bundle, then decodes, indexes and searches them;
/// returns the [`crate::Report`] as JSON.
#[wasm_bindgen]
pub fn bench(real_json: &str, n: usize, seed: u32) -> Result<String, JsError> {
    let bundle = crate::synthetic_bundle(real_json, n, seed.into()).map_err(|e| JsError::new(&e))?;
    let report = crate::measure(bundle, &now).map_err(|e| JsError::new(&e))?;
    serde_json::to_string(&report).map_err(|e| JsError::new(&e.to_string()))
}

/// The synthetic bundle as JSON, so the app itself can be timed on a large collection.
#[wasm_bindgen]
pub fn synthetic_bundle_json(real_json: &str, n: usize, seed: u32) -> Result<String, JsError> {
    let bundle = crate::synthetic_bundle(real_json, n, seed.into()).map_err(|e| JsError::new(&e))?;
    serde_json::to_string(&bundle).map_err(|e| JsError::new(&e.to_string()))
}
