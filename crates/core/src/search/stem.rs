//! Other forms of a typed word: the vocabulary words that share its English stem
//! (`sorting` finds `sort`, `sorted`; `libraries` finds `library`; `pythons` finds `python`).
//!
//! Stems come from the Snowball English stemmer and are worked out at query time, for the
//! typed word and the few vocabulary words that could share its stem, so the index stores
//! nothing extra and building it costs nothing more. Snowball stems are a start of the word,
//! but for a final `e` or a `y` turned `i` (`make` ← `making`, `librari` ← `library`), so the
//! words sharing a stem all start with the stem less its last letter: that prefix range of
//! the sorted vocabulary is the only place to look.

use rust_stemmers::{Algorithm, Stemmer};

use super::vocab::Vocab;

/// Shortest typed word (in characters) that is stemmed: shorter ones have no suffix to drop.
pub(crate) const MIN_STEM_CHARS: usize = 3;

/// Most vocabulary words looked at per typed word, so that a short stem (`us`, `st`) in a
/// large vocabulary costs bounded work on every keystroke.
const MAX_SCANNED: usize = 160;

/// Longest suffix the stemmer removes (`generalizations` → `general`), in letters: longer
/// words of the prefix range cannot share the stem and are not stemmed.
const MAX_SUFFIX: usize = 8;

/// The English stemmer.
pub(crate) struct English(Stemmer);

impl Default for English {
    fn default() -> English {
        English(Stemmer::create(Algorithm::English))
    }
}

impl English {
    /// The stem of the folded word `word`, if it is one the stemmer understands (ASCII
    /// letters, [`MIN_STEM_CHARS`] or more).
    pub(crate) fn stem(&self, word: &str) -> Option<String> {
        (word.len() >= MIN_STEM_CHARS && word.bytes().all(|b| b.is_ascii_lowercase()))
            .then(|| self.0.stem(word).into_owned())
    }

    /// Ids of the vocabulary words other than `word` itself that share its stem, ascending.
    /// A word of two letters is its own stem (`up` finds `ups`).
    pub(crate) fn variants(&self, vocab: &Vocab, word: &str) -> Vec<u32> {
        let short = word.len() == 2 && word.bytes().all(|b| b.is_ascii_lowercase());
        let Some(stem) = self.stem(word).or_else(|| short.then(|| word.to_string())) else { return Vec::new() };
        let mut out = Vec::new();
        self.for_each_sharing(vocab, &stem, &mut |id| {
            if vocab.word(id) != word {
                out.push(id);
            }
        });
        out
    }

    /// Calls `found` with the id of every vocabulary word whose stem is `stem`, ascending.
    fn for_each_sharing(&self, vocab: &Vocab, stem: &str, found: &mut impl FnMut(u32)) {
        let base = if stem.len() > MIN_STEM_CHARS { &stem[..stem.len() - 1] } else { stem };
        for id in vocab.prefix_range(base).take(MAX_SCANNED) {
            let candidate = vocab.word(id);
            let plausible = candidate.len() + 1 >= stem.len() && candidate.len() <= stem.len() + MAX_SUFFIX;
            if candidate == stem || (plausible && self.stem(candidate).as_deref() == Some(stem)) {
                found(id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::test_support::vocab;

    #[test]
    fn finds_the_other_forms_of_a_word() {
        let v = vocab(&["sort", "sorted", "sorting", "sorts", "sore", "library", "libraries", "make", "making", "up"]);
        let english = English::default();
        let forms = |w: &str| english.variants(&v, w).into_iter().map(|id| v.word(id)).collect::<Vec<_>>();
        assert_eq!(forms("sorting"), ["sort", "sorted", "sorts"]);
        assert_eq!(forms("library"), ["libraries"]);
        assert_eq!(forms("makes"), ["make", "making"]);
        assert_eq!(forms("ups"), ["up"]);
        assert!(forms("s").is_empty(), "too short to stem");
        assert!(forms("café").is_empty(), "only ASCII words are stemmed");
    }

    #[test]
    fn possessives_lose_their_s() {
        let english = English::default();
        assert_eq!(english.stem("pythons").as_deref(), Some("python"));
        assert_eq!(english.stem("wakeups").as_deref(), Some("wakeup"));
    }
}
