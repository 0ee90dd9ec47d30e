//! What a reader types: the searches timed keystroke by keystroke.

/// Realistic queries over the collection's topics, one of them misspelt ("condtion").
pub const QUERIES: [&str; 8] = [
    "asyncio.to_thread",
    "bk tree",
    "condtion variable",
    "git add -p",
    "event sourcing",
    "async generator close",
    "httpx stream lines",
    "p99 latency",
];

/// Every non-empty prefix of `query`, shortest first: what the search box holds after each
/// keystroke.
pub fn prefixes(query: &str) -> impl Iterator<Item = &str> {
    query.char_indices().map(move |(i, c)| &query[..i + c.len_utf8()])
}

/// A query of exactly `len` bytes made of the queries' words: a reader pasting a whole page.
pub fn long_query(len: usize) -> String {
    let words = QUERIES.iter().flat_map(|q| q.split(' ')).cycle();
    let mut out = String::with_capacity(len + 32);
    for word in words {
        if out.len() >= len {
            break;
        }
        out.push_str(word);
        out.push(' ');
    }
    out.truncate(len);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_follow_keystrokes() {
        assert_eq!(prefixes("bk é").collect::<Vec<_>>(), ["b", "bk", "bk ", "bk é"]);
    }

    #[test]
    fn long_query_has_the_asked_length() {
        let q = long_query(10_000);
        assert_eq!(q.len(), 10_000);
        assert!(q.starts_with("asyncio.to_thread bk tree"));
    }
}
