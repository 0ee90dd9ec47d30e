//! One day: its date as a heading, then its entries.

use learnings_core::date::human_date;
use yew::prelude::*;

use crate::components::entry_view::{EntryView, Neighbours};
use crate::shared::EntryRef;

/// Props of [`DaySection`].
#[derive(Properties, PartialEq)]
pub struct DaySectionProps {
    /// The ISO date of the day.
    pub date: AttrValue,
    /// The day's entries to show, in order.
    pub entries: Vec<EntryRef>,
    /// The open entry's id, if it is among them.
    #[prop_or_default]
    pub open: Option<AttrValue>,
    /// The open entry's neighbours.
    #[prop_or_default]
    pub neighbours: Option<Neighbours>,
}

/// A day with its entries.
#[component]
pub fn DaySection(props: &DaySectionProps) -> Html {
    html! {
        <section class="day" data-day={props.date.clone()} aria-labelledby={format!("day-{}", props.date)}>
            <h2 id={format!("day-{}", props.date)}>
                <time datetime={props.date.clone()}>{ human_date(&props.date) }</time>
            </h2>
            { for props.entries.iter().map(|entry| {
                // Only the open entry gets the neighbours: opening one re-renders no other.
                let open = props.open.as_deref() == Some(entry.id.as_str());
                let neighbours = props.neighbours.clone().filter(|_| open);
                html! { <EntryView key={entry.id.clone()} entry={entry.clone()} {open} {neighbours} /> }
            }) }
        </section>
    }
}
