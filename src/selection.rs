//! Keeps the reader's text selection across the take-over: Yew's hydration rewrites the value
//! of every prerendered text node (the same nodes, the same text), which collapses a selection
//! inside them. The selection is noted before hydrating and put back right after.

use std::cell::RefCell;

use web_sys::Node;

/// A selection's two ends, as (node, offset).
type Ends = ((Node, u32), (Node, u32));

thread_local! {
    static SAVED: RefCell<Option<Ends>> = const { RefCell::new(None) };
}

/// Notes the current selection, if there is one that selects something.
pub fn save() {
    let selection = gloo_utils::window().get_selection().ok().flatten().filter(|s| !s.is_collapsed());
    let ends =
        selection.and_then(|s| Some(((s.anchor_node()?, s.anchor_offset()), (s.focus_node()?, s.focus_offset()))));
    SAVED.with(|saved| *saved.borrow_mut() = ends);
}

/// Puts the noted selection back, when its nodes are still in the page.
pub fn restore() {
    let Some(((anchor, anchor_at), (focus, focus_at))) = SAVED.with(|saved| saved.borrow_mut().take()) else { return };
    let (Some(selection), true, true) =
        (gloo_utils::window().get_selection().ok().flatten(), anchor.is_connected(), focus.is_connected())
    else {
        return;
    };
    // An offset beyond a node that hydration split is refused; the selection is then lost, as before.
    drop(selection.set_base_and_extent(&anchor, anchor_at, &focus, focus_at));
}
