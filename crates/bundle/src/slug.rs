//! Entry ids: the slug of the question, stable across builds so permalinks keep working.

use unicode_normalization::UnicodeNormalization;

/// Longest id, in bytes; longer slugs are cut at a hyphen.
const MAX_LEN: usize = 80;

/// The id of an entry whose question is `question`: lowercase words joined by hyphens, accents
/// folded (`café` gives `cafe`), punctuation dropped; letters of any script are kept.
pub fn slug(question: &str) -> String {
    let mut out = String::new();
    let mut pending_hyphen = false;
    for c in question.nfkd() {
        if c.is_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.extend(c.to_lowercase());
        } else if unicode_normalization::char::is_combining_mark(c) || c == '\'' || c == '’' {
            // Accents fold into their letter and apostrophes join their word: "can't" -> "cant".
        } else {
            pending_hyphen = true;
        }
    }
    if out.len() > MAX_LEN {
        let mut end = MAX_LEN;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        let cut = out[..end].rfind('-').unwrap_or(end);
        out.truncate(cut);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_lowercase_hyphenated_words() {
        assert_eq!(slug("Does random.choice accept any iterable?"), "does-random-choice-accept-any-iterable");
        assert_eq!(slug("Why can't you use __iter__?"), "why-cant-you-use-iter");
        assert_eq!(slug("Où est le café?"), "ou-est-le-cafe");
    }

    #[test]
    fn long_slugs_are_cut_at_a_word() {
        let s = slug(&"word ".repeat(40));
        assert!(s.len() <= 80 && s.ends_with("word"), "{s}");
    }

    #[test]
    fn letters_of_any_script_are_kept() {
        assert_eq!(slug("什么是 BK-tree?"), "什么是-bk-tree");
        assert_eq!(slug("?!"), "");
    }
}
