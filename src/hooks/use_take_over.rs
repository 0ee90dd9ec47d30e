//! Taking the page over: the first render matched the page as the build rendered it; then the
//! app turns to what the URL says and to what the reader typed before it ran.

use learnings_core::view::View;
use yew::prelude::*;

use crate::hooks::use_url_sync::current_view;
use crate::state::{Action, AppState};
use crate::takeover::mark_taken_over;

/// Once, after the first render: marks the page taken over (and shows the controls that need
/// the app), then restores the URL's view when it is not `built`, the page's own, and applies
/// `typed`.
#[hook]
pub fn use_take_over(dispatch: UseReducerDispatcher<AppState>, built: View, typed: Option<String>) {
    use_effect_with((), move |()| {
        mark_taken_over();
        crate::selection::restore();
        if let Some(root) = gloo_utils::document().document_element() {
            // Shows the controls that need the app (see styles.css, `.needs-app`).
            drop(root.set_attribute("data-app", "ready"));
        }
        let view = current_view();
        if view != built {
            dispatch.dispatch(Action::Restore(view));
        }
        if let Some(query) = typed {
            dispatch.dispatch(Action::SetQuery(query));
        }
    });
}
