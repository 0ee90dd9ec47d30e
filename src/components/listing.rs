//! The reading list: the days of the filter, newest first, a page at a time.

use std::rc::Rc;

use learnings_core::Entry;
use yew::prelude::*;

use crate::components::day_section::DaySection;
use crate::components::entry_view::Neighbours;

/// How many entries show before "Show more": the real collection fits on one page, and
/// 10,000 entries paint fast.
const PAGE: usize = 120;

/// Props of [`Listing`].
#[derive(Properties)]
pub struct ListingProps {
    /// The entries of the day filter, in reading order.
    pub entries: Rc<Vec<Rc<Entry>>>,
    /// The open entry's id.
    pub open: Option<AttrValue>,
    /// The open entry's neighbours.
    pub neighbours: Option<Neighbours>,
    /// Kept in the page but hidden while a query shows results: taking 120 entries out of the
    /// page and back made the first and last keystroke of a query the slowest.
    pub hidden: bool,
}

impl PartialEq for ListingProps {
    /// The same entries are the same allocation (a memo of the day filter): a keystroke then
    /// leaves the list alone.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.entries, &other.entries)
            && self.open == other.open
            && self.neighbours == other.neighbours
            && self.hidden == other.hidden
    }
}

/// The list of days with their entries, and "Show more" while entries remain.
#[component]
pub fn Listing(props: &ListingProps) -> Html {
    let shown = use_state(|| PAGE);
    let entries = &props.entries;
    // The open entry is always on the page, however far down it is.
    let open_at = props.open.as_ref().and_then(|id| entries.iter().position(|e| e.id == id.as_str()));
    let limit = (*shown).max(open_at.map_or(0, |at| at + 1)).min(entries.len());
    let more = (entries.len() > limit).then(|| {
        let shown = shown.clone();
        let onclick = Callback::from(move |_: MouseEvent| shown.set(limit + PAGE));
        html! { <button type="button" class="show-more" {onclick}>{ format!("Show more ({} left)", entries.len() - limit) }</button> }
    });
    html! {
        <div class="listing" hidden={props.hidden}>
            { for group_by_day(&entries[..limit]).into_iter().map(|(day, entries)| html! {
                <DaySection key={day.clone()} date={day.clone()} {entries} open={props.open.clone()} neighbours={props.neighbours.clone()} />
            }) }
            { for more }
        </div>
    }
}

/// Consecutive entries of the same day, grouped.
fn group_by_day(entries: &[Rc<Entry>]) -> Vec<(String, Vec<Rc<Entry>>)> {
    let mut days: Vec<(String, Vec<Rc<Entry>>)> = Vec::new();
    for entry in entries {
        match days.last_mut() {
            Some((day, list)) if *day == entry.day => list.push(entry.clone()),
            _ => days.push((entry.day.clone(), vec![entry.clone()])),
        }
    }
    days
}
