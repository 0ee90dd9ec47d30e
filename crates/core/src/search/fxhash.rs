//! A fast hasher for interning the collection's words while building the index (the std
//! SipHash costs a third of the build time; the keys are the bundle's own words, so hash
//! flooding is not a concern).

use std::hash::{BuildHasherDefault, Hasher};

/// The Firefox/rustc multiplicative hash.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

/// Builds [`FxHasher`]s for `HashMap`s.
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn interns_words() {
        let mut ids: HashMap<Box<str>, usize, FxBuild> = HashMap::default();
        for word in ["a", "ab", "abcdefgh", "abcdefghi", "a"] {
            let next = ids.len();
            ids.entry(word.into()).or_insert(next);
        }
        assert_eq!(ids.len(), 4);
        assert_eq!(ids.get("abcdefghi"), Some(&3));
    }
}
