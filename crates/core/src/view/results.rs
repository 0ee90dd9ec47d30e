//! The result list's paging and keyboard cursor.

/// How many search results a query shows first (a screenful and a little more): each keystroke
/// renders them, and 20 of them kept keystroke-to-paint p95 near its 50 ms budget, 10 at 35 ms.
pub const RESULTS_PAGE: usize = 10;
/// How many more results each "Show more" adds.
pub const RESULTS_MORE: usize = 30;

/// The result the cursor moves to by `delta` among `len` shown results: from no cursor, Down
/// goes to the first and Up to the last; it stops at either end, and there is none without
/// results.
pub fn move_cursor(cursor: Option<usize>, delta: isize, len: usize) -> Option<usize> {
    match (cursor, len) {
        (_, 0) => None,
        (None, _) if delta < 0 => Some(len - 1),
        (None, _) => Some(0),
        (Some(at), _) => Some((at as isize + delta).clamp(0, len as isize - 1) as usize),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_enters_at_either_end_and_stops_there() {
        assert_eq!(move_cursor(None, 1, 5), Some(0));
        assert_eq!(move_cursor(None, -1, 5), Some(4));
        assert_eq!(move_cursor(Some(4), 1, 5), Some(4));
        assert_eq!(move_cursor(Some(0), -1, 5), Some(0));
        assert_eq!(move_cursor(Some(2), 1, 5), Some(3));
        assert_eq!(move_cursor(Some(7), -1, 5), Some(4), "a cursor past fewer results comes back to the last");
        assert_eq!(move_cursor(Some(2), 1, 0), None);
    }
}
