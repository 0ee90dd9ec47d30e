//! The reading list: the days of the filter, newest first. Unfiltered it shows what the home
//! page holds (whole days up to [`HOME_LIMIT`](learnings_core::site::HOME_LIMIT) entries), links
//! to the pages of the older months, and with the app "Show more".

use std::rc::Rc;

use learnings_core::date::human_month;
use learnings_core::site::{home_len, month_path, older_months};
use learnings_core::view::reading::{day_runs, shown_len};
use yew::prelude::*;

use crate::components::day_section::DaySection;
use crate::components::entry_link::SiteLinks;
use crate::components::entry_view::Neighbours;
use crate::shared::EntryRef;

/// How many more entries each "Show more" adds.
const PAGE: usize = 120;

/// Props of [`Listing`].
#[derive(Properties)]
pub struct ListingProps {
    /// The entries of the day filter, in reading order.
    pub entries: Rc<Vec<EntryRef>>,
    /// The open entry's id.
    pub open: Option<AttrValue>,
    /// The open entry's neighbours.
    pub neighbours: Option<Neighbours>,
    /// Kept in the page but hidden while a query shows results: taking 120 entries out of the
    /// page and back made the first and last keystroke of a query the slowest.
    pub hidden: bool,
    /// Every entry at once (a day filter, a month's page) rather than the home page's share.
    pub whole: bool,
}

impl PartialEq for ListingProps {
    /// The same entries are the same allocation (a memo of the day filter): a keystroke then
    /// leaves the list alone.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.entries, &other.entries)
            && self.open == other.open
            && self.neighbours == other.neighbours
            && self.hidden == other.hidden
            && self.whole == other.whole
    }
}

/// The list of days with their entries, and "Show more" while entries remain.
#[component]
pub fn Listing(props: &ListingProps) -> Html {
    let extra = use_state(|| 0);
    let entries = &props.entries;
    let days = || entries.iter().map(|e| e.day.as_str());
    let first = if props.whole { entries.len() } else { home_len(days()) };
    // The open entry is always on the page, however far down it is.
    let open_at = props.open.as_ref().and_then(|id| entries.iter().position(|e| e.id == id.as_str()));
    let limit = shown_len(entries.len(), first, *extra, open_at);
    let more = (entries.len() > limit).then(|| {
        let extra = extra.clone();
        let onclick = Callback::from(move |_: MouseEvent| extra.set(limit - first + PAGE));
        html! { <button type="button" class="show-more needs-app" {onclick}>{ format!("Show more ({} left)", entries.len() - limit) }</button> }
    });
    let site = use_context::<SiteLinks>();
    let root = site.as_ref().map_or("", |s| s.root);
    let months = older_months(days(), first);
    let older = (!months.is_empty()).then(|| html! {
        <nav class="older-months" aria-labelledby="older-title">
            <h2 id="older-title">{ "Older entries" }</h2>
            <ul>{ for months.iter().map(|m| html! { <li><a href={format!("{root}{}", month_path(m))}>{ human_month(m) }</a></li> }) }</ul>
        </nav>
    });
    html! {
        <div class="listing" hidden={props.hidden}>
            { for day_runs(days().take(limit)).into_iter().map(|(day, run)| html! {
                <DaySection key={day} date={day.to_string()} entries={entries[run].to_vec()} open={props.open.clone()} neighbours={props.neighbours.clone()} />
            }) }
            { for more }
            { for older }
        </div>
    }
}
