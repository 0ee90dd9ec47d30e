//! Interning words while building the index: each distinct word gets a number, in order of
//! first sight. An open-addressing table over one text arena (no allocation per word, short
//! comparisons inline) because this lookup runs once per token of the collection.

use super::vocab::to_u32;

/// Distinct words and their numbers.
#[derive(Debug)]
pub(crate) struct Interner {
    /// Slot → word number + 1 (0: empty); a power of two long, at most half full.
    table: Vec<u32>,
    /// Word number → its hash, to compare words only when hashes agree.
    hashes: Vec<u32>,
    /// All words, one after the other.
    text: String,
    starts: Vec<u32>,
    /// Numbers of one-byte words (punctuation, single letters), found without hashing.
    bytes: [u32; 128],
}

impl Default for Interner {
    fn default() -> Interner {
        Interner { table: vec![0; 1024], hashes: Vec::new(), text: String::new(), starts: vec![0], bytes: [0; 128] }
    }
}

impl Interner {
    /// The number of `word`, given it if it is new.
    #[inline]
    pub(crate) fn intern(&mut self, word: &str) -> u32 {
        if let [b] = word.as_bytes() {
            if let Some(&id) = self.bytes.get(usize::from(*b)).filter(|&&id| id != 0) {
                return id - 1;
            }
        }
        self.intern_hashed(word)
    }

    fn intern_hashed(&mut self, word: &str) -> u32 {
        let hash = hash(word.as_bytes());
        let mask = self.table.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            let found = self.table[slot];
            if found == 0 {
                break;
            }
            let id = found - 1;
            if self.hashes[id as usize] == hash && self.bytes_of(id) == word.as_bytes() {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        let id = to_u32(self.hashes.len());
        self.table[slot] = id + 1;
        self.hashes.push(hash);
        self.text.push_str(word);
        self.starts.push(to_u32(self.text.len()));
        if let [b] = word.as_bytes() {
            if let Some(one) = self.bytes.get_mut(usize::from(*b)) {
                *one = id + 1;
            }
        }
        if 2 * self.hashes.len() > self.table.len() {
            self.grow();
        }
        id
    }

    #[inline]
    fn bytes_of(&self, id: u32) -> &[u8] {
        let i = id as usize;
        &self.text.as_bytes()[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// How many distinct words there are.
    pub(crate) fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Word number `id`.
    pub(crate) fn word(&self, id: u32) -> &str {
        let i = id as usize;
        &self.text[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    fn grow(&mut self) {
        let size = self.table.len() * 2;
        let mut table = vec![0u32; size];
        for (id, &hash) in self.hashes.iter().enumerate() {
            let mut slot = hash as usize & (size - 1);
            while table[slot] != 0 {
                slot = (slot + 1) & (size - 1);
            }
            table[slot] = to_u32(id + 1);
        }
        self.table = table;
    }
}

/// The Fx hash of `bytes`, eight at a time.
fn hash(bytes: &[u8]) -> u32 {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut hash = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
    }
    let tail = chunks.remainder().iter().rev().fold(0u64, |tail, &b| tail << 8 | u64::from(b));
    hash = (hash.rotate_left(5) ^ tail).wrapping_mul(SEED);
    (hash >> 32) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_words_in_order_of_first_sight() {
        let mut interner = Interner::default();
        let words: Vec<String> = (0..5000).map(|i| format!("w{}", i % 2500)).collect();
        let ids: Vec<u32> = words.iter().map(|w| interner.intern(w)).collect();
        assert_eq!(interner.len(), 2500);
        assert_eq!(&ids[..3], [0, 1, 2]);
        assert_eq!(ids[2500], 0);
        assert_eq!(interner.word(1234), "w1234");
        assert_eq!(interner.intern("-"), 2500);
        assert_eq!(interner.intern("-"), 2500);
        assert_eq!(interner.intern("é"), 2501);
        assert_eq!(interner.word(2501), "é");
    }
}
