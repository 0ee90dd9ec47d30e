//! An entry on its own, as on its page: its day, the entry with its neighbours, a link home.
//!
//! A view function, not a component, so the markup of the thousands of entry pages the build
//! renders holds no component of its own around it.

use yew::prelude::*;

use crate::components::day_section::DaySection;
use crate::components::entry_view::Neighbours;
use crate::shared::SharedBundle;

/// The entry with id `id` alone, or a note that it is gone; then the link `home`.
pub fn alone(bundle: &SharedBundle, id: &str, neighbours: Option<Neighbours>, home: &'static str) -> Html {
    let home = html! { <p class="all-entries"><a href={home}>{ "← All entries" }</a></p> };
    match bundle.find(id) {
        Some(entry) => html! {
            <>
                <DaySection date={entry.day.clone()} open={Some(AttrValue::from(entry.id.clone()))} entries={vec![entry]} {neighbours} />
                { home }
            </>
        },
        None => html! { <><p class="status">{ "This entry is not in the collection (any more)." }</p>{ home }</> },
    }
}
