//! The search: the index, built just after the first paint, and the current query's results
//! and "Did you mean", each worked out once per query and day filter.

use std::rc::Rc;

use learnings_core::search::{Index, SearchOptions, SearchResults};
use learnings_core::view::{DayFilter, View};
use learnings_core::Bundle;
use yew::prelude::*;

/// What the search knows of the current view; `None`s until the index is built.
#[derive(Clone)]
pub struct Search {
    /// The index of the loaded entries.
    pub index: Option<Rc<Index>>,
    /// The ranked results of the view's query within its day filter.
    pub results: Option<Rc<SearchResults>>,
    /// The query with its misspellings mended, for a query that no entry matches whole.
    pub suggestion: Rc<Option<String>>,
}

impl PartialEq for Search {
    /// The same index and results are the same allocations.
    fn eq(&self, other: &Self) -> bool {
        self.index.as_ref().map(Rc::as_ptr) == other.index.as_ref().map(Rc::as_ptr)
            && self.results.as_ref().map(Rc::as_ptr) == other.results.as_ref().map(Rc::as_ptr)
            && self.suggestion == other.suggestion
    }
}

impl Search {
    /// How many results are shown when at most `limit` may be.
    pub fn shown(&self, limit: usize) -> usize {
        self.results.as_ref().map_or(0, |r| r.hits.len()).min(limit)
    }
}

/// Searches `bundle` for `view`'s query within its day filter.
#[hook]
pub fn use_search(bundle: &Rc<Bundle>, view: &View) -> Search {
    let index = use_deferred_index(bundle);
    let results = {
        let index = (*index).clone();
        let ready = index.is_some();
        use_memo((ready, view.query.clone(), view.day.clone()), move |(_, q, day)| {
            let options =
                SearchOptions { day_range: day.as_ref().map(DayFilter::day_range), ..SearchOptions::default() };
            index.map(|index| Rc::new(index.search(q, &options)))
        })
    }
    .as_ref()
    .clone();
    // "Did you mean": only for a query that no entry matches whole, once per query.
    let suggestion = {
        let (index, whole) = ((*index).clone(), results.as_ref().map(|r| r.complete > 0));
        use_memo((whole, view.query.clone()), move |(whole, q)| match (index, whole) {
            (Some(index), Some(false)) => index.did_you_mean(q),
            _ => None,
        })
    };
    Search { index: (*index).clone(), results, suggestion }
}

/// The search index, built just after the first paint so the entries show before indexing
/// starts; `None` until then.
#[hook]
fn use_deferred_index(bundle: &Rc<Bundle>) -> UseStateHandle<Option<Rc<Index>>> {
    let index = use_state(|| None);
    {
        let (index, bundle) = (index.clone(), bundle.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                // The browser paints the entries first.
                crate::takeover::next_task().await;
                let built = Index::new(&bundle.entries);
                crate::marks::mark("indexed");
                // And another for the render it brings: two short tasks rather than a long one.
                crate::takeover::next_task().await;
                index.set(Some(Rc::new(built)));
            });
        });
    }
    index
}
