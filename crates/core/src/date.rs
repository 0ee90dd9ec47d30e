//! Calendar dates as the collection uses them: ISO `YYYY-MM-DD` days and `YYYY-MM` months.
//!
//! Days are kept as strings everywhere (ISO dates sort as text); this module only says
//! whether a string is a real date, for the bundle's validation and the query's `day:` filter.

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
    fn accepts_months() {
        assert!(is_iso_month("2026-02"));
        assert!(!is_iso_month("2026-00"));
        assert!(!is_iso_month("2026-2"));
    }
}
