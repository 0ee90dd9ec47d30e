//! Splitting text into the tokens that the index stores and that queries match.
//!
//! Rules (the same for entries and queries, so both always agree):
//! - letters and digits form words; a word is split into parts at camelCase boundaries
//!   (`AsyncClient` → `async`, `client`; `HTTPServer` → `http`, `server`) and at the joiners
//!   `_`, `-` and `'` between letters or digits (`to_thread` → `to`, `_`, `thread`);
//! - a word made of several parts is also emitted whole, without its joiners, as a
//!   [`Kind::Compound`] (`aiter_lines` → `aiterlines`, `BK-tree` → `bktree`), so that an
//!   identifier typed whole or in parts both match;
//! - every other visible character is a [`Kind::Punct`] token of its own, so that `->`,
//!   `__enter__` or `Generator[str]` can be matched as typed;
//! - characters of scripts written without spaces (Chinese, Japanese, Thai, ...) are one
//!   token each; a query of several of them matches them in sequence, like a substring.
//!
//! All token text is folded (see [`super::normalize`]) and capped at [`MAX_TOKEN_BYTES`].

use super::ascii::AsciiTokenizer;
use super::normalize::{decompose, push_lower};

/// Longest token text kept, in bytes: longer words are cut at a character boundary, in the
/// index and in queries alike, so that a pasted blob costs bounded work and still matches.
pub(crate) const MAX_TOKEN_BYTES: usize = 64;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A word or a part of one (or a single character of a script without spaces).
    Word,
    /// A single punctuation or symbol character.
    Punct,
    /// A whole multi-part word without its joiners; it overlaps its parts, so it is never
    /// part of the token sequence.
    Compound,
}

/// A token: its folded text and the byte range of the original text it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub kind: Kind,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Calls `sink` with every token of `text`, in text order (a compound comes right after
/// its last part).
///
/// Tokens never span ASCII whitespace, so the text is cut there and each ASCII piece takes
/// a fast path (see [`super::ascii`]) while the others go through full Unicode folding.
pub(crate) fn tokenize(text: &str, sink: &mut impl FnMut(Token<'_>)) {
    let mut ascii = AsciiTokenizer::default();
    if text.is_ascii() {
        ascii.run(text, 0, sink);
        return;
    }
    for_each_chunk(text, &mut |start, piece| {
        if piece.is_ascii() {
            ascii.run(piece, start, sink);
        } else {
            tokenize_unicode(piece, &mut |t| sink(Token { start: t.start + start, end: t.end + start, ..t }));
        }
    });
}

/// Calls `visit` with each run of `text` between ASCII whitespace and control characters
/// and its start: tokens never span such a character, so runs tokenize independently.
pub(crate) fn for_each_chunk<'a>(text: &'a str, visit: &mut impl FnMut(usize, &'a str)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if is_ascii_separator(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !is_ascii_separator(bytes[i]) {
            i += 1;
        }
        visit(start, &text[start..i]);
    }
}

/// ASCII whitespace and control characters, which always separate tokens.
fn is_ascii_separator(byte: u8) -> bool {
    byte <= b' ' || byte == 0x7f
}

/// [`tokenize`] for any text, one character at a time through Unicode folding.
pub(crate) fn tokenize_unicode(text: &str, sink: &mut impl FnMut(Token<'_>)) {
    let mut tokenizer = Tokenizer::default();
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        decompose(c, &mut |d| tokenizer.feed(d, start, end, sink));
    }
    tokenizer.end_run(sink);
}

/// Whether `c` belongs to a script written without spaces between words, where each
/// character is indexed on its own.
pub(crate) fn is_unsegmented(c: char) -> bool {
    matches!(u32::from(c),
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x2E80..=0x2FDF // CJK radicals
        | 0x3005..=0x3007 | 0x3021..=0x3029 | 0x3031..=0x3035 | 0x303B..=0x303C
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF // Han
        | 0x20000..=0x3134F)
}

/// Whether `c` separates tokens without being one.
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Whether `c` joins two word parts into one identifier (`to_thread`, `BK-tree`, `don't`).
fn is_joiner(c: char) -> bool {
    matches!(c, '_' | '-' | '\'')
}

/// The longest start of `text` that fits in [`MAX_TOKEN_BYTES`], cut at a character boundary.
pub(crate) fn capped(text: &str) -> &str {
    let mut end = text.len().min(MAX_TOKEN_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Appends to `dst` as much of `src` as fits in [`MAX_TOKEN_BYTES`].
pub(crate) fn push_capped(dst: &mut String, src: &str) {
    let mut end = src.len().min(MAX_TOKEN_BYTES.saturating_sub(dst.len()));
    while !src.is_char_boundary(end) {
        end -= 1;
    }
    dst.push_str(&src[..end]);
}

#[derive(Default)]
struct Tokenizer {
    /// The folded word part being read, its original range, and what camelCase needs to know
    /// about its last two characters.
    part: String,
    part_start: usize,
    part_end: usize,
    last: Option<char>,
    before_last: Option<char>,
    last_start: usize,
    last_len: usize,
    /// The multi-part word being read: its parts joined, its range and how many parts it has.
    compound: String,
    run_start: usize,
    run_end: usize,
    parts: usize,
    /// A joiner seen right after a part: it joins only if a letter or digit follows.
    joiner: Option<(char, usize, usize)>,
    scratch: String,
}

impl Tokenizer {
    fn feed(&mut self, c: char, start: usize, end: usize, sink: &mut impl FnMut(Token<'_>)) {
        if is_separator(c) {
            self.end_run(sink);
        } else if c.is_alphanumeric() {
            if is_unsegmented(c) {
                self.end_run(sink);
                self.scratch.clear();
                push_lower(c, &mut self.scratch);
                sink(Token { kind: Kind::Word, text: &self.scratch, start, end });
            } else {
                self.alphanumeric(c, start, end, sink);
            }
        } else if is_joiner(c) && !self.part.is_empty() {
            self.end_part(sink);
            self.joiner = Some((c, start, end));
        } else {
            self.end_run(sink);
            emit_punct(c, start, end, sink);
        }
    }

    fn alphanumeric(&mut self, c: char, start: usize, end: usize, sink: &mut impl FnMut(Token<'_>)) {
        if let Some((joiner, j_start, j_end)) = self.joiner.take() {
            emit_punct(joiner, j_start, j_end, sink);
        } else if let Some(last) = self.last {
            if last.is_lowercase() && c.is_uppercase() {
                self.end_part(sink);
            } else if last.is_uppercase() && c.is_lowercase() && self.before_last.is_some_and(char::is_uppercase) {
                self.split_last(sink);
            }
        }
        if self.part.is_empty() {
            self.part_start = start;
            if self.parts == 0 {
                self.run_start = start;
            }
        }
        let before = self.part.len();
        push_lower(c, &mut self.part);
        self.last_len = self.part.len() - before;
        self.last_start = start;
        self.before_last = self.last;
        self.last = Some(c);
        self.part_end = end;
        self.run_end = end;
    }

    /// `HTTPServer`: at the `e`, the `S` before it starts the next part.
    fn split_last(&mut self, sink: &mut impl FnMut(Token<'_>)) {
        let tail = self.part.split_off(self.part.len() - self.last_len);
        let (tail_start, tail_end, tail_char) = (self.last_start, self.part_end, self.last);
        self.part_end = tail_start;
        self.end_part(sink);
        self.part = tail;
        self.part_start = tail_start;
        self.part_end = tail_end;
        self.last = tail_char;
    }

    fn end_part(&mut self, sink: &mut impl FnMut(Token<'_>)) {
        if self.part.is_empty() {
            return;
        }
        let text = capped(&self.part);
        sink(Token { kind: Kind::Word, text, start: self.part_start, end: self.part_end });
        push_capped(&mut self.compound, text);
        self.parts += 1;
        self.part.clear();
        self.last = None;
        self.before_last = None;
    }

    fn end_run(&mut self, sink: &mut impl FnMut(Token<'_>)) {
        self.end_part(sink);
        if self.parts >= 2 {
            sink(Token { kind: Kind::Compound, text: &self.compound, start: self.run_start, end: self.run_end });
        }
        self.compound.clear();
        self.parts = 0;
        if let Some((joiner, start, end)) = self.joiner.take() {
            emit_punct(joiner, start, end, sink);
        }
    }
}

/// Emits the punctuation token `c`.
fn emit_punct(c: char, start: usize, end: usize, sink: &mut impl FnMut(Token<'_>)) {
    let mut buf = [0u8; 4];
    sink(Token { kind: Kind::Punct, text: c.encode_utf8(&mut buf), start, end });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(Kind, String, &str)> {
        let mut out = vec![];
        tokenize(text, &mut |t| out.push((t.kind, t.text.to_string(), &text[t.start..t.end])));
        out
    }

    fn words(text: &str) -> Vec<String> {
        tokens(text).into_iter().filter(|t| t.0 != Kind::Compound).map(|t| t.1).collect()
    }

    fn compounds(text: &str) -> Vec<String> {
        tokens(text).into_iter().filter(|t| t.0 == Kind::Compound).map(|t| t.1).collect()
    }

    #[test]
    fn splits_identifiers_into_parts_and_keeps_them_whole() {
        assert_eq!(words("asyncio.to_thread()"), ["asyncio", ".", "to", "_", "thread", "(", ")"]);
        assert_eq!(compounds("asyncio.to_thread()"), ["tothread"]);
        assert_eq!(words("_AsyncGeneratorContextManager"), ["_", "async", "generator", "context", "manager"]);
        assert_eq!(compounds("_AsyncGeneratorContextManager"), ["asyncgeneratorcontextmanager"]);
        assert_eq!(words("HTTPServer p99"), ["http", "server", "p99"]);
        assert_eq!(compounds("a BK-tree"), ["bktree"]);
    }

    #[test]
    fn leading_and_trailing_joiners_are_punctuation() {
        assert_eq!(words("__enter__"), ["_", "_", "enter", "_", "_"]);
        assert!(compounds("__enter__").is_empty());
        assert_eq!(words("git add -p --workers ->"), ["git", "add", "-", "p", "-", "-", "workers", "-", ">"]);
    }

    #[test]
    fn folds_accents_and_maps_back_to_the_original_text() {
        let t = tokens("Café Déjà");
        assert_eq!(t[0], (Kind::Word, "cafe".to_string(), "Café"));
        assert_eq!(t[1], (Kind::Word, "deja".to_string(), "Déjà"));
    }

    #[test]
    fn scripts_without_spaces_are_one_token_per_character() {
        assert_eq!(words("東京タワーabc"), ["東", "京", "タ", "ワ", "ー", "abc"]);
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_fast_path_changes_nothing(text in "([a-zA-Z_'. -]{1,9}|[éÉ东京\u{301}…’ ]{1,3}|[\t\n]){0,20}") {
            let mut fast = vec![];
            tokenize(&text, &mut |t| fast.push((t.kind, t.text.to_string(), t.start, t.end)));
            let mut slow = vec![];
            tokenize_unicode(&text, &mut |t| slow.push((t.kind, t.text.to_string(), t.start, t.end)));
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn long_words_are_capped_at_a_character_boundary() {
        let long = "é".repeat(100);
        let t = tokens(&long);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].1, "e".repeat(MAX_TOKEN_BYTES));
        assert_eq!(t[0].2, long);
    }
}
