//! Ranking arithmetic: BM25 with field weights, rarity (idf), and how much each kind of
//! match is worth. Kept in one place so that ranking and its explanation cannot disagree.

/// The fields of an entry, in the order the index stores them.
pub(crate) const FIELDS: usize = 4;
/// The question.
pub(crate) const QUESTION: usize = 0;
/// Paragraphs and list items of the answer.
pub(crate) const ANSWER: usize = 1;
/// Code blocks of the answer.
pub(crate) const CODE: usize = 2;
/// Titles and URLs of the sources.
pub(crate) const SOURCES: usize = 3;

/// BM25 term-frequency saturation and length normalisation.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// The question is short and says what the entry is about: one occurrence there outweighs
/// any number in the body (whose saturated score stays below `K1 + 1`).
const QUESTION_WEIGHT: f32 = 2.5;
/// Body fields are mixed BM25F-style: answer > code > sources.
const BODY_WEIGHTS: [f32; FIELDS] = [0.0, 1.0, 0.6, 0.3];

/// Multiplier when every term matched in the question.
pub(crate) const ALL_IN_QUESTION: f32 = 1.3;
/// Multiplier when every pair of consecutive terms is adjacent in order somewhere (scaled
/// down for fewer pairs).
pub(crate) const ADJACENT: f32 = 0.3;
/// Share of rarity that a punctuation part adds to a phrase (`asyncio.to_thread`).
pub(crate) const PUNCT_SHARE: f32 = 0.25;
/// What a phrase match is worth when the punctuation between two of its words is not the
/// typed one (`ctrl-c` finding `Ctrl+C` or `ctrl c`).
pub(crate) const OTHER_PUNCTUATION: f32 = 0.8;

/// What a term occurring `tf[f]` times in fields of `len[f]` tokens is worth before rarity
/// and match quality: saturated in each part, the question counting most.
pub(crate) fn field_score(tf: [u32; FIELDS], len: [u32; FIELDS], avg: [f32; FIELDS]) -> f32 {
    let norm = |f: usize| 1.0 - B + B * len[f] as f32 / avg[f];
    let saturate = |x: f32| x * (K1 + 1.0) / (x + K1);
    let question =
        if tf[QUESTION] > 0 { QUESTION_WEIGHT * saturate(tf[QUESTION] as f32 / norm(QUESTION)) } else { 0.0 };
    let body: f32 = (ANSWER..FIELDS).map(|f| BODY_WEIGHTS[f] * tf[f] as f32 / norm(f)).sum();
    question + saturate(body)
}

/// What a match in the question alone is worth (fuzzy matches only look at questions).
pub(crate) fn question_only_score() -> f32 {
    QUESTION_WEIGHT
}

/// Rarity: BM25's inverse document frequency of a term found in `df` of `n` entries.
pub(crate) fn idf(df: usize, n: usize) -> f32 {
    let (df, n) = (df as f32, n as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// How a typed word matched a vocabulary word; better kinds are worth more.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Tier {
    /// The same word.
    Exact,
    /// The typed word starts the vocabulary word (`typed` of `word` characters).
    Prefix { typed: usize, word: usize },
    /// Within `edits` edits of the whole word.
    Typo { edits: u8 },
    /// Within `edits` edits of the start of the word (typed with a typo and unfinished).
    PrefixTypo { edits: u8 },
    /// Another form of the word: the same English stem (`sorting` for `sort`).
    Stem,
    /// A word of the same meaning (`speed` for `performance`, `js` for `javascript`).
    Synonym,
    /// One of two typed words that the entry writes as one (`time out` for `timeout`).
    Joined,
    /// A typed word that the entry writes as two (`wakeups` for `wake up`).
    Split,
    /// A short command-line flag with the same option letters (`-it` for `-ti`, `-t` in `-ti`).
    Flag,
    /// A subsequence of a question group, with the matcher's quality (0..1).
    Fuzzy { quality: f32 },
}

impl Tier {
    /// The multiplier: exact 1, prefix 0.6–0.9 (more for more of the word typed), another
    /// form of the word 0.55, a synonym, typed as two words or one, or flag letters 0.5, typo 0.45 /
    /// 0.3, unfinished typo 0.4 / 0.25, fuzzy up to 0.25.
    pub(crate) fn weight(self) -> f32 {
        match self {
            Tier::Exact => 1.0,
            Tier::Prefix { typed, word } => 0.6 + 0.3 * typed as f32 / word.max(1) as f32,
            Tier::Typo { edits } => {
                if edits <= 1 {
                    0.45
                } else {
                    0.3
                }
            }
            Tier::PrefixTypo { edits } => {
                if edits <= 1 {
                    0.4
                } else {
                    0.25
                }
            }
            Tier::Stem => 0.55,
            Tier::Synonym | Tier::Joined | Tier::Split | Tier::Flag => 0.5,
            Tier::Fuzzy { quality } => 0.25 * quality,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_beats_prefix_beats_typo_beats_fuzzy() {
        let prefix = Tier::Prefix { typed: 9, word: 10 }.weight();
        assert!(Tier::Exact.weight() > prefix);
        assert!(Tier::Prefix { typed: 1, word: 10 }.weight() > Tier::Stem.weight());
        assert!(Tier::Stem.weight() > Tier::Typo { edits: 1 }.weight());
        assert!(Tier::Typo { edits: 2 }.weight() > Tier::Fuzzy { quality: 1.0 }.weight());
    }

    #[test]
    fn question_outweighs_body_and_rare_outweighs_common() {
        let avg = [10.0, 100.0, 50.0, 5.0];
        let in_question = field_score([1, 0, 0, 0], [10, 100, 50, 5], avg);
        let often_in_answer = field_score([0, 20, 0, 0], [10, 100, 50, 5], avg);
        assert!(in_question > often_in_answer);
        let answer = field_score([0, 1, 0, 0], [10, 100, 50, 5], avg);
        let code = field_score([0, 0, 1, 0], [10, 100, 50, 5], avg);
        let sources = field_score([0, 0, 0, 1], [10, 100, 50, 5], avg);
        assert!(answer > code && code > sources);
        assert!(idf(1, 100) > idf(50, 100));
    }
}
