//! Performance marks (`learnings:<step>`) at the start-up steps that lead to a first search
//! result, so that `cargo xtask bench search` can show where that time goes.

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = mark)]
    fn performance_mark(name: &str);
}

/// Marks `step` as reached now: `decoded` or `indexed`.
pub fn mark(step: &str) {
    performance_mark(&format!("learnings:{step}"));
}
