//! One sort for the engine's lists, from a dozen short ones to the ranking of every hit.
//!
//! std instantiates its sort once per element type and comparator, at 2 to 15 KB of wasm each
//! (more at `opt-level = 3`), and the release wasm's std is built with `optimize_for_size`,
//! whose `sort_unstable` is a heapsort and whose `select_nth_unstable` is median of medians:
//! ranking 10,000 hits that way took a third of a keystroke. So every list sorts by a `u64`
//! key, one instantiation shared by every call site: a radix sort of `(key, position)` pairs,
//! whose speed is the same whatever std is built with, then the items are moved into that
//! order.

/// Lists up to this long are sorted by insertion: a radix sort's 256-bucket counts cost more.
const INSERTION_MAX: usize = 32;

/// Sorts `items` by `key`, keeping items with equal keys in their order (a stable sort).
pub(crate) fn sort_by_u64_key<T>(items: &mut [T], key: impl Fn(&T) -> u64) {
    let mut keyed: Vec<(u64, usize)> = items.iter().map(key).zip(0..).collect();
    sort_keyed(&mut keyed);
    permute(items, &mut keyed);
}

/// Sorts `(key, position)` pairs by key, stably: by insertion when short, else least
/// significant byte first, skipping the bytes that every key shares.
fn sort_keyed(keyed: &mut Vec<(u64, usize)>) {
    if keyed.len() <= INSERTION_MAX {
        for i in 1..keyed.len() {
            let mut j = i;
            while j > 0 && keyed[j - 1].0 > keyed[j].0 {
                keyed.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut counts = vec![[0usize; 256]; 8];
    for &(key, _) in keyed.iter() {
        for (byte, count) in counts.iter_mut().enumerate() {
            count[(key >> (8 * byte)) as usize & 0xff] += 1;
        }
    }
    let mut other = vec![(0u64, 0usize); keyed.len()];
    for (byte, count) in counts.iter_mut().enumerate() {
        if count.contains(&keyed.len()) {
            continue;
        }
        let mut next = 0;
        for slot in count.iter_mut() {
            let n = *slot;
            *slot = next;
            next += n;
        }
        for &item in keyed.iter() {
            let slot = &mut count[(item.0 >> (8 * byte)) as usize & 0xff];
            other[*slot] = item;
            *slot += 1;
        }
        std::mem::swap(keyed, &mut other);
    }
}

/// Moves `items` into the order of `keyed`'s positions (item `keyed[i].1` goes to `i`),
/// following each cycle of the permutation; the positions are used up.
fn permute<T>(items: &mut [T], keyed: &mut [(u64, usize)]) {
    const DONE: usize = usize::MAX;
    for start in 0..keyed.len() {
        let mut at = start;
        while keyed[at].1 != DONE {
            let from = std::mem::replace(&mut keyed[at].1, DONE);
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
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
    fn long_lists_sort_stably_by_every_byte_of_the_key() {
        // Keys differing in low, middle and top bytes, with repeats, in a scrambled order.
        let keys: Vec<u64> = (0..1_000u64).map(|i| (i * 7919 % 1_000 / 3) << ((i % 3) * 24) | (i % 2) << 63).collect();
        let mut items: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
        sort_by_u64_key(&mut items, |&(key, _)| key);
        let mut expected: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
        expected.sort();
        assert_eq!(items, expected, "by key, then in their first order");
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
