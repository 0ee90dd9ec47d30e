//! Folding text so that matching ignores case, accents and typographic variants.
//!
//! Every character goes through NFKD (compatibility decomposition: `ﬁ` → `fi`, `①` → `1`,
//! `…` → `...`), combining marks and invisible format characters are dropped (`é` → `e`),
//! typographic quotes and dashes become their ASCII forms, and letters are lowercased. The
//! index, the query and the highlighter all fold through here, so they always agree.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Calls `out` with the characters `c` stands for when matching, before lowercasing (the
/// tokenizer still needs the case to split camelCase). Marks and format characters vanish.
pub(crate) fn decompose(c: char, out: &mut impl FnMut(char)) {
    if c.is_ascii() {
        out(c);
        return;
    }
    decompose_compatible(c, |d| {
        if !is_combining_mark(d) && !is_invisible(d) {
            out(unify_punctuation(d));
        }
    });
}

/// Appends the lowercase form of an already decomposed character.
pub(crate) fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(c.to_lowercase());
    }
}

/// The folded form of a whole string (what the index stores for it).
pub(crate) fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        decompose(c, &mut |d| push_lower(d, &mut out));
    }
    out
}

/// The folded form of `text` with, for each folded character, the byte range of the original
/// character it came from: what maps a fuzzy match on folded text back to the displayed text.
pub(crate) fn fold_with_origins(text: &str) -> (String, Vec<(usize, usize)>) {
    let mut folded = String::with_capacity(text.len());
    let mut origins = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        decompose(c, &mut |d| {
            for lower in d.to_lowercase() {
                folded.push(lower);
                origins.push((start, end));
            }
        });
    }
    (folded, origins)
}

/// Characters that render as nothing (soft hyphen, zero-width space and joiners, BOM): they
/// must not split `foo\u{200B}bar` into two words.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Typographic quotes and dashes as typed on a keyboard, so `don't` finds `don’t`.
fn unify_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_compatibility_forms() {
        assert_eq!(fold("Café"), "cafe");
        assert_eq!(fold("CAFE\u{301}"), "cafe");
        assert_eq!(fold("ﬁle①"), "file1");
        assert_eq!(fold("Ａｓｙｎｃ"), "async");
        assert_eq!(fold("wait…"), "wait...");
        assert_eq!(fold("don’t – “x”"), "don't - \"x\"");
        assert_eq!(fold("zero\u{200B}width"), "zerowidth");
    }

    #[test]
    fn origins_point_at_the_displayed_characters() {
        let text = "Éa…";
        let (folded, origins) = fold_with_origins(text);
        assert_eq!(folded, "ea...");
        assert_eq!(origins, vec![(0, 2), (2, 3), (3, 6), (3, 6), (3, 6)]);
        for (start, end) in origins {
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        }
    }
}
