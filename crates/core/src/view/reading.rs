//! The reading list's arithmetic: which entries it shows, how they fall into days, and the
//! entries around the open one.

use std::ops::Range;

use crate::model::Entry;

/// The positions of the entries before and after one entry in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Around {
    /// The entry above (newer, or earlier the same day).
    pub previous: Option<usize>,
    /// The entry below.
    pub next: Option<usize>,
}

/// The entries around the one with `id` in `entries`; `None` when no entry has that id.
pub fn neighbours(entries: &[Entry], id: &str) -> Option<Around> {
    let at = entries.iter().position(|e| e.id == id)?;
    Some(Around { previous: at.checked_sub(1), next: (at + 1 < entries.len()).then_some(at + 1) })
}

/// Consecutive items of the same day, as each day and the range of its items (`days` gives
/// one day per item, in order).
pub fn day_runs<'a>(days: impl IntoIterator<Item = &'a str>) -> Vec<(&'a str, Range<usize>)> {
    let mut runs: Vec<(&'a str, Range<usize>)> = Vec::new();
    for (at, day) in days.into_iter().enumerate() {
        match runs.last_mut() {
            Some((current, range)) if *current == day => range.end = at + 1,
            _ => runs.push((day, at..at + 1)),
        }
    }
    runs
}

/// How many of `len` entries the list shows: the `first` it starts with and the `extra` that
/// "Show more" added, and always as far as the open entry (at `open_at`), however far down.
pub fn shown_len(len: usize, first: usize, extra: usize, open_at: Option<usize>) -> usize {
    (first + extra).max(open_at.map_or(0, |at| at + 1)).min(len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Inline;

    fn entry(id: &str) -> Entry {
        Entry {
            id: id.into(),
            day: "2026-02-24".into(),
            question: format!("{id}?"),
            question_inlines: vec![Inline::Text(format!("{id}?"))],
            answer: Vec::new(),
            sources: Vec::new(),
        }
    }

    #[test]
    fn neighbours_are_the_entries_above_and_below() {
        let entries = [entry("a"), entry("b"), entry("c")];
        assert_eq!(neighbours(&entries, "b"), Some(Around { previous: Some(0), next: Some(2) }));
        assert_eq!(neighbours(&entries, "a"), Some(Around { previous: None, next: Some(1) }));
        assert_eq!(neighbours(&entries, "c"), Some(Around { previous: Some(1), next: None }));
        assert_eq!(neighbours(&entries, "gone"), None);
    }

    #[test]
    fn items_of_a_day_run_together() {
        let days = ["2026-02-24", "2026-02-24", "2026-02-23", "2026-02-24"];
        assert_eq!(day_runs(days), vec![("2026-02-24", 0..2), ("2026-02-23", 2..3), ("2026-02-24", 3..4)]);
        assert!(day_runs([]).is_empty());
    }

    #[test]
    fn the_list_reaches_the_open_entry_but_not_past_the_end() {
        assert_eq!(shown_len(500, 120, 0, None), 120);
        assert_eq!(shown_len(500, 120, 120, None), 240);
        assert_eq!(shown_len(500, 120, 0, Some(300)), 301, "the open entry is on the page");
        assert_eq!(shown_len(100, 120, 120, Some(30)), 100);
    }
}
