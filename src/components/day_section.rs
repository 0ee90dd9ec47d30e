//! One day: its date as a heading, then its entries.

use std::rc::Rc;

use learnings_core::date::human_date;
use learnings_core::Entry;
use yew::prelude::*;

use crate::components::day_island::{islands, IslandProps};
use crate::components::entry_view::{EntryView, Neighbours};

/// Props of [`DaySection`].
#[derive(Properties, PartialEq)]
pub struct DaySectionProps {
    /// The ISO date of the day.
    pub date: AttrValue,
    /// The day's entries to show, in order.
    pub entries: Vec<Rc<Entry>>,
    /// The open entry's id, if it is among them.
    #[prop_or_default]
    pub open: Option<AttrValue>,
    /// The open entry's neighbours.
    #[prop_or_default]
    pub neighbours: Option<Neighbours>,
    /// On a prerendered list, the day's entries as islands (see day_island.rs) instead.
    #[prop_or_default]
    pub islands: Option<Vec<IslandProps>>,
}

/// A day with its entries.
#[component]
pub fn DaySection(props: &DaySectionProps) -> Html {
    html! {
        <section class="day" data-day={props.date.clone()} aria-labelledby={format!("day-{}", props.date)}>
            <h2 id={format!("day-{}", props.date)}>
                <time datetime={props.date.clone()}>{ human_date(&props.date) }</time>
            </h2>
            if let Some(runs) = &props.islands {
                { islands(runs) }
            } else {
                { entry_views(&props.entries, props.open.as_ref(), props.neighbours.as_ref()) }
            }
        </section>
    }
}

/// `entries` as articles, `open` the open one's id.
pub fn entry_views(entries: &[Rc<Entry>], open: Option<&AttrValue>, neighbours: Option<&Neighbours>) -> Html {
    entries
        .iter()
        .map(|entry| {
            html! {
                <EntryView key={entry.id.clone()} entry={entry.clone()}
                    open={open.map(AttrValue::as_str) == Some(entry.id.as_str())} neighbours={neighbours.cloned()} />
            }
        })
        .collect()
}
