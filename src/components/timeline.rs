//! The day filter: a compact calendar heatmap (weeks by weekday, darker = more entries) and a
//! list of days grouped by month. Counts follow the current query. Click selects a day,
//! shift-click a range from the selected day, a month label the month.

use learnings_core::date::{days_between, weekday};
use learnings_core::view::DayFilter;
use yew::prelude::*;

use crate::components::day_section::human_date;

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Every day of the collection, newest first, with how many entries match the query.
    pub days: Vec<(String, u32)>,
    /// The current filter.
    pub filter: Option<DayFilter>,
    /// Called with the new filter (or `None` to clear it).
    pub on_select: Callback<Option<DayFilter>>,
}

/// The filter a click on `day` makes: shift extends a selected day into a range.
fn clicked(day: &str, shift: bool, current: &Option<DayFilter>) -> Option<DayFilter> {
    match (shift, current) {
        (true, Some(DayFilter::Day(from))) => DayFilter::parse(&format!("{from}..{day}")),
        (true, Some(DayFilter::Range(from, _))) => DayFilter::parse(&format!("{from}..{day}")),
        _ if current == &Some(DayFilter::Day(day.to_string())) => None,
        _ => Some(DayFilter::Day(day.to_string())),
    }
}

/// Shade level 0-4 of a count relative to the busiest day.
fn level(count: u32, max: u32) -> u32 {
    if count == 0 || max == 0 {
        0
    } else {
        1 + (count * 3).div_ceil(max).min(3)
    }
}

/// The timeline: heatmap, then the list.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let max = props.days.iter().map(|(_, c)| *c).max().unwrap_or(0);
    let day_button = |day: &String, count: u32, label: Html, class: &'static str| {
        let on_select = props.on_select.clone();
        let current = props.filter.clone();
        let day_owned = day.clone();
        let onclick = Callback::from(move |e: MouseEvent| on_select.emit(clicked(&day_owned, e.shift_key(), &current)));
        let selected = props.filter.as_ref().is_some_and(|f| f.contains(day));
        html! {
            <button type="button" {class} data-day={day.clone()} data-level={level(count, max).to_string()}
                aria-pressed={selected.to_string()}
                aria-label={format!("{}: {} {}", human_date(day), count, if count == 1 { "entry" } else { "entries" })}
                {onclick}>{ label }</button>
        }
    };
    let heatmap = heatmap_cells(&props.days);
    let months = group_by_month(&props.days);
    html! {
        <nav class="timeline" aria-label="Days">
            <div class="heatmap" role="group" aria-label="Calendar of days">
                { for heatmap.iter().map(|cell| html! {
                    <span class="cell" style={format!("grid-row:{};grid-column:{}", cell.weekday + 1, cell.week + 1)}>
                        { day_button(&cell.day, cell.count, html! {}, "heat") }
                    </span>
                }) }
            </div>
            { for months.iter().map(|(month, days)| {
                let on_select = props.on_select.clone();
                let month_owned = month.clone();
                let onclick = Callback::from(move |_| on_select.emit(DayFilter::parse(&month_owned)));
                let month_name = human_date(&format!("{month}-01")).replace(" 1,", "");
                html! {
                    <div class="month">
                        <button type="button" class="month-label" data-month={month.clone()}
                            aria-pressed={(props.filter == Some(DayFilter::Month(month.clone()))).to_string()}
                            {onclick}>{ month_name }</button>
                        <ul class="day-list">
                            { for days.iter().map(|(day, count)| html! {
                                <li>{ day_button(day, *count, html! {
                                    <><span class="day-name">{ human_date(day) }</span>
                                    <span class="count">{ count.to_string() }</span></>
                                }, "day-pick") }</li>
                            }) }
                        </ul>
                    </div>
                }
            }) }
        </nav>
    }
}

/// A day's place in the heatmap.
struct Cell {
    day: String,
    count: u32,
    weekday: u32,
    week: i64,
}

/// Days laid out as columns of weeks (oldest week first) and rows of weekdays.
fn heatmap_cells(days: &[(String, u32)]) -> Vec<Cell> {
    let Some((oldest, _)) = days.last() else { return Vec::new() };
    let Some(first_weekday) = weekday(oldest) else { return Vec::new() };
    days.iter()
        .filter_map(|(day, count)| {
            let offset = days_between(oldest, day)? + i64::from(first_weekday);
            Some(Cell { day: day.clone(), count: *count, weekday: weekday(day)?, week: offset / 7 })
        })
        .collect()
}

/// Days grouped by `YYYY-MM`, newest month first.
fn group_by_month(days: &[(String, u32)]) -> Vec<(String, Vec<(String, u32)>)> {
    let mut months: Vec<(String, Vec<(String, u32)>)> = Vec::new();
    for (day, count) in days {
        let month = day.get(..7).unwrap_or(day).to_string();
        match months.last_mut() {
            Some((m, list)) if *m == month => list.push((day.clone(), *count)),
            _ => months.push((month, vec![(day.clone(), *count)])),
        }
    }
    months
}
