//! English function words, which a query may hold without meaning to require them: when no
//! entry has all the terms of `how to kill a process on a port`, the search retries with
//! these words optional (they still rank entries that have them higher).

/// Sorted, folded.
const STOP_WORDS: [&str; 64] = [
    "a", "about", "an", "and", "are", "as", "at", "be", "between", "by", "can", "could", "did", "do", "does", "for",
    "from", "get", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "not", "of", "on",
    "or", "should", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "to",
    "use", "using", "vs", "was", "way", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with",
    "you", "your",
];

/// Whether the folded word `word` is a stop word.
pub(crate) fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_function_words_only() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]), "the list must stay sorted");
        assert!(is_stop_word("how") && is_stop_word("the") && is_stop_word("my"));
        assert!(!is_stop_word("kill") && !is_stop_word("How"));
    }
}
