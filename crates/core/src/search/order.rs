//! One sort for the engine's many small lists.
//!
//! std instantiates its sort once per element type and comparator, at 2 to 15 KB of wasm each
//! (more at `opt-level = 3`). The engine sorts a dozen short lists (terms by cost, typo matches,
//! highlight ranges, ...), so they all sort `(key, position)` pairs, one instantiation shared
//! by every call site, and then move their items into that order.

/// Sorts `items` by `key`, keeping items with equal keys in their order (a stable sort).
pub(crate) fn sort_by_u64_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut keyed: Vec<(u64, usize)> = items.iter().map(key).zip(0..).collect();
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keyed.into_iter().filter_map(|(_, at)| slots[at].take()));
}

/// Packs a tuple key into one `u64` that orders the same way: `hi` first, then `lo`.
pub(crate) fn pair(hi: u32, lo: u32) -> u64 {
    (u64::from(hi) << 32) | u64::from(lo)
}

/// A count or offset as a key part; beyond `u32::MAX` all compare equal, which no text or
/// collection here comes near.
pub(crate) fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_key() {
        let mut words = vec!["pear", "fig", "apple", "kiwi", "plum", "date"];
        sort_by_u64_key(&mut words, |w| w.len() as u64);
        assert_eq!(words, ["fig", "pear", "kiwi", "plum", "date", "apple"]);
    }

    #[test]
    fn pairs_order_like_tuples() {
        let mut keys = [(2, 0), (1, u32::MAX), (1, 3), (0, 9)];
        let mut packed: Vec<u64> = keys.iter().map(|&(a, b)| pair(a, b)).collect();
        keys.sort();
        packed.sort();
        assert_eq!(packed, keys.iter().map(|&(a, b)| pair(a, b)).collect::<Vec<_>>());
    }
}
