//! The app's one state and its reducer: every change to what the page shows is an [`Action`].

use std::rc::Rc;

use learnings_core::view::results::{move_cursor, RESULTS_MORE, RESULTS_PAGE};
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
    /// How many results "Show more" asked for, and for which query.
    more_results: (String, usize),
}

impl AppState {
    /// The state for a page opened at `view`.
    pub fn new(view: View) -> Self {
        AppState {
            view,
            history: HistoryMode::None,
            cursor: None,
            help_open: false,
            more_results: (String::new(), RESULTS_PAGE),
        }
    }

    /// How many results to show at most: one page for a new query, more once asked for.
    pub fn results_limit(&self) -> usize {
        match &self.more_results {
            (query, limit) if *query == self.view.query => *limit,
            _ => RESULTS_PAGE,
        }
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
    /// Shows more of the current query's results.
    ShowMoreResults,
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
            Action::MoveCursor { delta, len } => next.cursor = move_cursor(self.cursor, delta, len),
            Action::ShowMoreResults => {
                next.more_results = (self.view.query.clone(), self.results_limit() + RESULTS_MORE);
            }
            Action::ToggleHelp => next.help_open = !next.help_open,
            Action::CloseHelp => next.help_open = false,
        }
        Rc::new(next)
    }
}
