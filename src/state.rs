//! The app's one state and its reducer: every change to what the page shows is an [`Action`].

use std::rc::Rc;

use learnings_core::Bundle;
use yew::Reducible;

use crate::load::LoadError;

/// Where loading the entries stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Loading {
    /// The bundle is on its way.
    Pending,
    /// The bundle is here.
    Ready(Rc<Bundle>),
    /// The bundle could not be loaded; the page says why and offers a retry.
    Failed(LoadError),
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The entries, once loaded.
    pub loading: Loading,
    /// Bumped by each retry, so the loading effect runs again.
    pub attempt: u32,
}

impl Default for AppState {
    fn default() -> Self {
        AppState { loading: Loading::Pending, attempt: 0 }
    }
}

/// A change to the page's state.
pub enum Action {
    /// The bundle arrived.
    Loaded(Rc<Bundle>),
    /// Loading failed.
    Failed(LoadError),
    /// The reader asked to try loading again.
    Retry,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Loaded(bundle) => next.loading = Loading::Ready(bundle),
            Action::Failed(error) => next.loading = Loading::Failed(error),
            Action::Retry => {
                next.loading = Loading::Pending;
                next.attempt += 1;
            }
        }
        Rc::new(next)
    }
}
