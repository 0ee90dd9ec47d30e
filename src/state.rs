//! The app's one state and its reducer: every change to what the page shows is an [`Action`].

use std::rc::Rc;

use learnings_core::view::{DayFilter, View};
use yew::Reducible;

/// How a view change reaches the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryMode {
    /// Typing: the current history entry is replaced.
    Replace,
    /// Choosing a day or an entry: a new history entry, so Back returns.
    Push,
    /// The view came from the history (Back/Forward or the first load): write nothing.
    None,
}

/// Everything the page shows but the entries (the app starts once they are loaded).
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The query, day filter and open entry: what the URL says.
    pub view: View,
    /// How the last view change should be written to the history.
    pub history: HistoryMode,
    /// The result the keyboard cursor is on, as an index into the shown results.
    pub cursor: Option<usize>,
    /// Whether the keyboard shortcuts panel is open.
    pub help_open: bool,
}

impl AppState {
    /// The state for a page opened at `view`.
    pub fn new(view: View) -> Self {
        AppState { view, history: HistoryMode::None, cursor: None, help_open: false }
    }
}

/// A change to the page's state.
pub enum Action {
    /// The reader typed a query.
    SetQuery(String),
    /// The reader chose (or cleared) a day filter.
    SetDay(Option<DayFilter>),
    /// The reader opened a search result.
    Open(String),
    /// Back/Forward restored a view.
    Restore(View),
    /// Moves the result cursor by `delta` within `len` results.
    MoveCursor { delta: isize, len: usize },
    /// Opens or closes the shortcuts panel.
    ToggleHelp,
    /// Closes the shortcuts panel.
    CloseHelp,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetQuery(query) => {
                next.view.query = query;
                next.view.entry = None;
                next.view.alone = false;
                next.cursor = None;
                next.history = HistoryMode::Replace;
            }
            Action::SetDay(day) => {
                next.view.day = day;
                next.view.entry = None;
                next.view.alone = false;
                next.cursor = None;
                next.history = HistoryMode::Push;
            }
            Action::Open(entry) => {
                next.view.entry = Some(entry);
                next.history = HistoryMode::Push;
            }
            Action::Restore(view) => {
                next.view = view;
                next.cursor = None;
                next.history = HistoryMode::None;
            }
            Action::MoveCursor { delta, len } => {
                next.cursor = match (self.cursor, len) {
                    (_, 0) => None,
                    (None, _) if delta < 0 => Some(len - 1),
                    (None, _) => Some(0),
                    (Some(at), _) => Some((at as isize + delta).clamp(0, len as isize - 1) as usize),
                };
            }
            Action::ToggleHelp => next.help_open = !next.help_open,
            Action::CloseHelp => next.help_open = false,
        }
        Rc::new(next)
    }
}
