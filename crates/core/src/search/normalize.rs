//! Folding text so that matching ignores case, accents and typographic variants.
//!
//! Every character goes to its base character (its canonical decomposition without the
//! combining marks: `é` → `e`, `Ω` → `Ω`), plus the compatibility mappings people meet when
//! typing: fullwidth forms (`ｆｏｏ` → `foo`), ligatures (`ﬁ` → `fi`), circled and superscript
//! digits (`①` → `1`, `²` → `2`), `…` → `...` and wide spaces. Full NFKD would bring these too,
//! but its tables cost 30 KB of gzipped wasm for characters nobody types; the base characters
//! come from two small generated tables (`fold_table.rs`) instead of unicode-normalization's,
//! which cost 29 KB more. Combining marks and invisible format characters are dropped,
//! typographic quotes and dashes become their ASCII forms, and letters are lowercased. The
//! index, the query and the highlighter all fold through here, so they always agree.

use super::fold_table::{ASTRAL_BASES, BMP_BASES, MARKS};

/// Calls `out` with the characters `c` stands for when matching, before lowercasing (the
/// tokenizer still needs the case to split camelCase). Marks and format characters vanish.
pub(crate) fn decompose(c: char, out: &mut impl FnMut(char)) {
    if c.is_ascii() {
        out(c);
        return;
    }
    if let Some(typed) = compatibility_form(c) {
        typed.chars().for_each(&mut *out);
        return;
    }
    if !is_mark(c) && !is_invisible(c) {
        out(unify_punctuation(base(c)));
    }
}

/// The character `c` is an accented or otherwise decorated form of, or `c` itself.
fn base(c: char) -> char {
    let found = match u16::try_from(u32::from(c)) {
        Ok(bmp) => BMP_BASES.binary_search_by_key(&bmp, |&(from, _)| from).map(|at| u32::from(BMP_BASES[at].1)),
        Err(_) => ASTRAL_BASES.binary_search_by_key(&u32::from(c), |&(from, _)| from).map(|at| ASTRAL_BASES[at].1),
    };
    found.ok().and_then(char::from_u32).unwrap_or(c)
}

/// Whether `c` is a combining mark (General Category M), which folding drops.
fn is_mark(c: char) -> bool {
    let c = u32::from(c);
    let at = MARKS.partition_point(|&(_, end)| end < c);
    MARKS.get(at).is_some_and(|&(start, _)| start <= c)
}

/// The compatibility forms that matter for typing, as the text they stand for.
fn compatibility_form(c: char) -> Option<std::borrow::Cow<'static, str>> {
    const DIGITS: [&str; 20] =
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"];
    let text: &'static str = match c {
        // Fullwidth ASCII sits 0xFEE0 above ASCII.
        '\u{FF01}'..='\u{FF5E}' => {
            return char::from_u32(c as u32 - 0xFEE0).map(|a| std::borrow::Cow::Owned(a.to_string()));
        }
        '\u{2460}'..='\u{2473}' => DIGITS[(c as u32 - 0x2460) as usize],
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        '¹' => "1",
        '²' => "2",
        '³' => "3",
        '…' => "...",
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        _ => return None,
    };
    Some(std::borrow::Cow::Borrowed(text))
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
        assert_eq!(fold("Ἀθῆναι Ёлка Đạo \u{2126}"), "αθηναι елка đao ω");
        assert_eq!(fold("\u{2F800}"), "\u{4E3D}", "a CJK compatibility ideograph is its unified one");
        assert_eq!(fold("한국어"), "한국어", "Hangul syllables stay whole");
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
