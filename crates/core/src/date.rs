//! Calendar dates as the collection uses them: ISO `YYYY-MM-DD` days and `YYYY-MM` months.
//!
//! Days are kept as strings everywhere (ISO dates sort as text); this module only says
//! whether a string is a real date, for the bundle's validation and the query's `day:` filter.

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month name of `YYYY-MM…`, when its month is 01-12.
fn month_name(iso: &str) -> Option<&'static str> {
    iso.get(5..7).and_then(|m| m.parse::<usize>().ok()).and_then(|m| MONTHS.get(m.wrapping_sub(1))).copied()
}

/// `2026-02-24` as `February 24, 2026`, for headings and labels; anything else as given.
pub fn human_date(iso: &str) -> String {
    let month = month_name(iso);
    match (iso.get(0..4), month, iso.get(8..10).and_then(|d| d.parse::<u32>().ok())) {
        (Some(year), Some(month), Some(day)) => format!("{month} {day}, {year}"),
        _ => iso.to_string(),
    }
}

/// `2026-02` as `February 2026`, for the timeline's month labels; anything else as given.
pub fn human_month(iso: &str) -> String {
    let month = month_name(iso);
    match (iso.get(0..4), month) {
        (Some(year), Some(month)) if iso.len() == 7 => format!("{month} {year}"),
        _ => iso.to_string(),
    }
}

/// Whether `s` is a real calendar day written `YYYY-MM-DD` (leap years included).
pub fn is_iso_day(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (digits(&s[0..4]), digits(&s[5..7]), digits(&s[8..10])) else {
        return false;
    };
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// Whether `s` is a month written `YYYY-MM`.
pub fn is_iso_month(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && digits(&s[0..4]).is_some()
        && digits(&s[5..7]).is_some_and(|m| (1..=12).contains(&m))
}

fn digits(s: &str) -> Option<u32> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_days_only() {
        assert!(is_iso_day("2026-02-24"));
        assert!(is_iso_day("2024-02-29"));
        assert!(!is_iso_day("2026-02-29"));
        assert!(!is_iso_day("2026-13-01"));
        assert!(!is_iso_day("2026-1-01"));
        assert!(!is_iso_day("2026-02-2x"));
        assert!(!is_iso_day("+026-02-24"));
    }

    #[test]
    fn human_dates_read_naturally() {
        assert_eq!(human_date("2026-02-04"), "February 4, 2026");
        assert_eq!(human_date("2026-13-04"), "2026-13-04");
        assert_eq!(human_date("soon"), "soon");
        assert_eq!(human_month("2026-02"), "February 2026");
        assert_eq!(human_month("2026-02-01"), "2026-02-01");
    }

    #[test]
    fn days_since_the_epoch_are_iso_days_and_back() {
        assert_eq!(iso_day_from_unix_days(0), "1970-01-01");
        assert_eq!(iso_day_from_unix_days(-1), "1969-12-31");
        for day in ["2024-02-29", "2026-02-24", "2000-03-01", "2100-12-31"] {
            let n = days_between("1970-01-01", day).expect("a valid day");
            assert_eq!(iso_day_from_unix_days(n), day);
        }
    }

    #[test]
    fn accepts_months() {
        assert!(is_iso_month("2026-02"));
        assert!(!is_iso_month("2026-00"));
        assert!(!is_iso_month("2026-2"));
    }
}

/// Day of the week of a valid ISO day, 0 = Monday … 6 = Sunday (for the timeline's calendar).
pub fn weekday(day: &str) -> Option<u32> {
    if !is_iso_day(day) {
        return None;
    }
    let (y, m, d) = (digits(&day[0..4])? as i64, digits(&day[5..7])? as i64, digits(&day[8..10])? as i64);
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    Some(((days_from_civil(y, m, d) + 3).rem_euclid(7)) as u32)
}

/// Whole days from `from` to `to` (negative when `to` is earlier), for laying out weeks.
pub fn days_between(from: &str, to: &str) -> Option<i64> {
    let parse = |s: &str| -> Option<i64> {
        if !is_iso_day(s) {
            return None;
        }
        Some(days_from_civil(digits(&s[0..4])? as i64, digits(&s[5..7])? as i64, digits(&s[8..10])? as i64))
    };
    Some(parse(to)? - parse(from)?)
}

/// The ISO day `days` after 1970-01-01 (negative before it): today's day file from the clock.
pub fn iso_day_from_unix_days(days: i64) -> String {
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod calendar_tests {
    use super::*;

    #[test]
    fn weekdays_are_right() {
        assert_eq!(weekday("2026-02-24"), Some(1)); // a Tuesday
        assert_eq!(weekday("1970-01-01"), Some(3)); // a Thursday
        assert_eq!(weekday("2024-02-29"), Some(3));
        assert_eq!(weekday("nope"), None);
    }

    #[test]
    fn days_between_counts_calendar_days() {
        assert_eq!(days_between("2026-02-18", "2026-02-24"), Some(6));
        assert_eq!(days_between("2026-02-28", "2026-03-01"), Some(1));
        assert_eq!(days_between("2024-02-28", "2024-03-01"), Some(2));
        assert_eq!(days_between("2026-02-24", "2026-02-18"), Some(-6));
    }
}
