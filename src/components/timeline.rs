//! The day filter: a compact calendar heatmap (weeks by weekday, darker = more entries) and a
//! list of days grouped by month. Counts follow the current query. Click selects a day,
//! shift-click a range from the selected day, a month label the month.
//!
//! It stays small however long the collection: the heatmap shows the year up to the filter's
//! last day (or the newest day), and the list opens only the month in focus.
//!
//! The heatmap is a picture for the pointer: hidden from assistive technology and the Tab key,
//! its cells carry only their shade and a date tooltip. The list offers every day with its
//! count to everyone. So a keystroke touches a heatmap cell only when its shade changes, not
//! the 371 labels a count in each would rewrite.
//!
//! On a narrow screen both sit in a closed `<details>` under a one-line summary, so the first
//! entry shows on the first screen; from the two-column width up the stylesheet shows them open
//! and hides the summary (`::details-content`). A disclosure needs no script, so the page the
//! build renders and the one the app takes over are the same.

use learnings_core::count::{count, noun};
use learnings_core::date::{human_date, human_month};
use learnings_core::view::timeline::{clicked, focus_day, group_by_month, heatmap_cells, level, DayTally};
use learnings_core::view::DayFilter;
use yew::prelude::*;

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Every day of the collection, newest first, with how many entries match the query.
    pub days: Vec<DayTally>,
    /// The current filter.
    pub filter: Option<DayFilter>,
    /// Called with the new filter (or `None` to clear it).
    pub on_select: Callback<Option<DayFilter>>,
}

/// The timeline: heatmap, then the list.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let max = props.days.iter().map(|(_, c)| *c).max().unwrap_or(0);
    let selected = |day: &str| props.filter.as_ref().is_some_and(|f| f.contains(day));
    // Clicks are handled once, on the <nav>: hundreds of cells re-render on every keystroke.
    let onclick = {
        let (on_select, current) = (props.on_select.clone(), props.filter.clone());
        Callback::from(move |e: MouseEvent| {
            let target = e.target_dyn_into::<web_sys::Element>();
            let Some(picked) = target.and_then(|t| t.closest("[data-day], [data-month]").ok().flatten()) else {
                return;
            };
            if let Some(day) = picked.get_attribute("data-day") {
                on_select.emit(clicked(&day, e.shift_key(), current.as_ref()));
            } else if let Some(month) = picked.get_attribute("data-month") {
                on_select.emit(DayFilter::parse(&month));
            }
        })
    };
    let focus = focus_day(&props.days, props.filter.as_ref());
    let heatmap = heatmap_cells(&props.days, &focus);
    let months = group_by_month(&props.days);
    let open_month = focus.get(..7).unwrap_or_default().to_string();
    html! {
        <nav class="timeline needs-app" aria-label="Days" {onclick}>
            <details class="timeline-days">
                <summary>{ "Browse by day" }<span class="count">{ count(props.days.len(), "day", "days") }</span></summary>
                <div class="heatmap" aria-hidden="true">
                    { for heatmap.iter().map(|cell| match cell {
                        Some((day, count)) => html! {
                            <span class={classes!("heat", selected(day).then_some("selected"))} data-day={day.clone()}
                                data-level={level(*count, max).to_string()} title={human_date(day)}></span>
                        },
                        None => html! { <span></span> },
                    }) }
                </div>
                { for months.iter().map(|(month, days)| {
                    let month_name = human_month(month);
                    let total: u32 = days.iter().map(|(_, c)| c).sum();
                    let open = *month == open_month;
                    html! {
                        <div class="month">
                            <button type="button" class="month-label" data-month={month.clone()}
                                aria-pressed={(props.filter == Some(DayFilter::Month(month.clone()))).to_string()}
                                aria-expanded={open.to_string()}><span>{ month_name }</span><span class="count">{ total.to_string() }</span></button>
                            if open {
                            <ul class="day-list">
                                { for days.iter().map(|(day, count)| html! {
                                    <li><button type="button" class="day-pick" data-day={day.clone()}
                                        data-level={level(*count, max).to_string()} aria-pressed={selected(day).to_string()}>
                                        <span class="day-name">{ human_date(day) }</span>
                                        <span class="count">{ count.to_string() }<span class="visually-hidden">{ format!(" {}", noun(*count as usize, "entry", "entries")) }</span></span>
                                    </button></li>
                                }) }
                            </ul>
                            }
                        </div>
                    }
                }) }
            </details>
        </nav>
    }
}
