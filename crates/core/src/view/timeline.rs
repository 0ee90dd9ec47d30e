//! The timeline's picture of the days: the counts it shows, the heatmap's cells and shades,
//! the days grouped by month, the month in focus, and the filter a click makes.

use std::collections::HashMap;

use crate::date::{days_between, weekday};
use crate::model::Day;
use crate::search::DayCount;
use crate::view::DayFilter;

/// A day and how many entries it has (or how many match the query): what the timeline shows.
pub type DayTally = (String, u32);

/// How many days the heatmap spans: 53 weeks.
pub const HEATMAP_DAYS: i64 = 53 * 7;

/// Every day of the collection, newest first, with its entry count; while searching
/// (`matched` given) with how many of its entries match instead, 0 for days without a match.
pub fn day_counts(days: &[Day], matched: Option<&[DayCount]>) -> Vec<DayTally> {
    let matched: Option<HashMap<&str, u32>> =
        matched.map(|counts| counts.iter().map(|c| (c.day.as_str(), c.count as u32)).collect());
    let count = |day: &Day| match &matched {
        Some(matched) => matched.get(day.date.as_str()).copied().unwrap_or(0),
        None => day.count,
    };
    days.iter().map(|d| (d.date.clone(), count(d))).collect()
}

/// Shade level 0-4 of a count relative to the busiest day.
pub fn level(count: u32, max: u32) -> u32 {
    if count == 0 || max == 0 {
        0
    } else {
        1 + (count * 3).div_ceil(max).min(3)
    }
}

/// The day the timeline centres on: the filter's last day, else the newest day (`days` are
/// newest first); empty for an empty collection.
pub fn focus_day(days: &[DayTally], filter: Option<&DayFilter>) -> String {
    filter.map(|f| f.day_range().1).or_else(|| days.first().map(|(d, _)| d.clone())).unwrap_or_default()
}

/// The filter a click on `day` makes: shift extends a selected day into a range, a click on
/// the selected day clears it.
pub fn clicked(day: &str, shift: bool, current: Option<&DayFilter>) -> Option<DayFilter> {
    match (shift, current) {
        (true, Some(DayFilter::Day(from))) => DayFilter::parse(&format!("{from}..{day}")),
        (true, Some(DayFilter::Range(from, _))) => DayFilter::parse(&format!("{from}..{day}")),
        (_, Some(DayFilter::Day(selected))) if selected == day => None,
        _ => Some(DayFilter::Day(day.to_string())),
    }
}

/// The heatmap's cells in calendar order, Monday first, from the week of the oldest day shown
/// to `last`: a grid flowing in columns of seven places each day by itself. `None` is a day
/// without entries.
pub fn heatmap_cells(days: &[DayTally], last: &str) -> Vec<Option<DayTally>> {
    let mut in_window: Vec<(i64, &DayTally)> = days
        .iter()
        .filter_map(|d| days_between(&d.0, last).filter(|n| (0..HEATMAP_DAYS).contains(n)).map(|n| (n, d)))
        .collect();
    in_window.reverse();
    let Some(&(span, (oldest, _))) = in_window.first() else { return Vec::new() };
    let lead = weekday(oldest).unwrap_or(0) as usize;
    let mut cells = vec![None; lead + span as usize + 1];
    for (back, day) in in_window {
        cells[lead + (span - back) as usize] = Some(day.clone());
    }
    cells
}

/// Days grouped by `YYYY-MM`, newest month first.
pub fn group_by_month(days: &[DayTally]) -> Vec<(String, Vec<DayTally>)> {
    let mut months: Vec<(String, Vec<DayTally>)> = Vec::new();
    for (day, count) in days {
        let month = day.get(..7).unwrap_or(day).to_string();
        match months.last_mut() {
            Some((m, list)) if *m == month => list.push((day.clone(), *count)),
            _ => months.push((month, vec![(day.clone(), *count)])),
        }
    }
    months
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(days: &[(&str, u32)]) -> Vec<DayTally> {
        days.iter().map(|(d, c)| (d.to_string(), *c)).collect()
    }

    #[test]
    fn counts_follow_the_query_while_searching() {
        let days = vec![Day { date: "2026-02-24".into(), count: 5 }, Day { date: "2026-02-23".into(), count: 2 }];
        assert_eq!(day_counts(&days, None), tally(&[("2026-02-24", 5), ("2026-02-23", 2)]));
        let matched = [DayCount { day: "2026-02-23".into(), count: 1 }];
        assert_eq!(day_counts(&days, Some(&matched)), tally(&[("2026-02-24", 0), ("2026-02-23", 1)]));
    }

    #[test]
    fn shades_rise_with_the_count_up_to_the_busiest_day() {
        assert_eq!((level(0, 9), level(5, 0)), (0, 0), "no entries, no shade");
        assert_eq!([1, 3, 4, 9].map(|c| level(c, 9)), [2, 2, 3, 4]);
    }

    #[test]
    fn clicks_select_extend_and_clear() {
        let day = |d: &str| DayFilter::Day(d.into());
        assert_eq!(clicked("2026-02-20", false, None), Some(day("2026-02-20")));
        assert_eq!(clicked("2026-02-20", false, Some(&day("2026-02-20"))), None, "the selected day again clears");
        assert_eq!(
            clicked("2026-02-18", true, Some(&day("2026-02-20"))),
            Some(DayFilter::Range("2026-02-18".into(), "2026-02-20".into()))
        );
        let range = DayFilter::Range("2026-02-18".into(), "2026-02-20".into());
        assert_eq!(
            clicked("2026-02-24", true, Some(&range)),
            Some(DayFilter::Range("2026-02-18".into(), "2026-02-24".into()))
        );
        assert_eq!(clicked("2026-02-24", true, Some(&DayFilter::Month("2026-02".into()))), Some(day("2026-02-24")));
    }

    #[test]
    fn the_focus_is_the_filters_last_day_or_the_newest() {
        let days = tally(&[("2026-02-24", 1), ("2026-01-03", 1)]);
        assert_eq!(focus_day(&days, None), "2026-02-24");
        assert_eq!(focus_day(&days, Some(&DayFilter::Month("2026-01".into()))), "2026-01-31");
        assert_eq!(focus_day(&[], None), "");
    }

    #[test]
    fn the_heatmap_starts_on_the_oldest_days_monday_and_leaves_gaps_for_empty_days() {
        // 2026-02-18 is a Wednesday: two empty places (Monday, Tuesday) lead.
        let days = tally(&[("2026-02-22", 2), ("2026-02-20", 4), ("2026-02-18", 1)]);
        let cells = heatmap_cells(&days, "2026-02-22");
        let shown: Vec<Option<&str>> = cells.iter().map(|c| c.as_ref().map(|(d, _)| d.as_str())).collect();
        assert_eq!(
            shown,
            [None, None, Some("2026-02-18"), None, Some("2026-02-20"), None, Some("2026-02-22")],
            "{cells:?}"
        );
        assert!(heatmap_cells(&days, "2027-06-01").is_empty(), "every day older than 53 weeks is left out");
        assert!(heatmap_cells(&[], "2026-02-22").is_empty());
    }

    #[test]
    fn days_group_into_months_newest_first() {
        let days = tally(&[("2026-02-24", 1), ("2026-02-01", 2), ("2026-01-31", 3)]);
        assert_eq!(
            group_by_month(&days),
            vec![
                ("2026-02".to_string(), tally(&[("2026-02-24", 1), ("2026-02-01", 2)])),
                ("2026-01".to_string(), tally(&[("2026-01-31", 3)])),
            ]
        );
    }
}
