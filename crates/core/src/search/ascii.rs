//! The tokenizer's fast path for ASCII text (nearly all of a technical collection): the same
//! tokens as [`super::tokenize::tokenize_unicode`], found byte by byte, and borrowed from the
//! text itself when no lowercasing is needed.

use super::tokenize::{capped, push_capped, Kind, Token};

const ALNUMERIC: u8 = 1;
const UPPER: u8 = 2;
const SEPARATOR: u8 = 4;
const JOINER: u8 = 8;

/// The class bits of every ASCII byte, so that the scanning loop does one lookup per byte.
const CLASSES: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        table[c] = if b.is_ascii_uppercase() {
            ALNUMERIC | UPPER
        } else if b.is_ascii_alphanumeric() {
            ALNUMERIC
        } else if b <= b' ' || b == 0x7f {
            SEPARATOR
        } else if b == b'_' || b == b'-' || b == b'\'' {
            JOINER
        } else {
            0
        };
        c += 1;
    }
    table
};

fn class_of(byte: u8) -> u8 {
    CLASSES[usize::from(byte & 0x7f)]
}

/// Reusable buffers of the ASCII tokenizer.
#[derive(Debug, Default)]
pub(crate) struct AsciiTokenizer {
    lower: String,
    compound: String,
    /// Byte ranges of the parts of the identifier being read.
    parts: Vec<(usize, usize)>,
}

impl AsciiTokenizer {
    /// Tokenizes ASCII `text` (see [`super::tokenize`] for the rules), reporting ranges
    /// shifted by `base`.
    pub(crate) fn run(&mut self, text: &str, base: usize, sink: &mut impl FnMut(Token<'_>)) {
        let b = text.as_bytes();
        self.parts.clear();
        let mut i = 0;
        while i < b.len() {
            let class = class_of(b[i]);
            if class & ALNUMERIC == 0 {
                if class & SEPARATOR == 0 {
                    sink(Token { kind: Kind::Punct, text: &text[i..i + 1], start: base + i, end: base + i + 1 });
                }
                i += 1;
                continue;
            }
            let start = i;
            let mut seen = class;
            i += 1;
            while i < b.len() {
                let class = class_of(b[i]);
                if class & ALNUMERIC == 0 {
                    break;
                }
                seen |= class;
                i += 1;
            }
            if seen & UPPER != 0 {
                self.split_camel_case(text, start, i, base, sink);
            } else {
                self.parts.push((start, i));
                let word = capped(&text[start..i]);
                sink(Token { kind: Kind::Word, text: word, start: base + start, end: base + i });
            }
            if i + 1 < b.len() && class_of(b[i]) & JOINER != 0 && class_of(b[i + 1]) & ALNUMERIC != 0 {
                sink(Token { kind: Kind::Punct, text: &text[i..i + 1], start: base + i, end: base + i + 1 });
                i += 1;
                continue;
            }
            self.end_identifier(text, base, sink);
        }
    }

    /// Emits the whole identifier made of the parts read, if there are several.
    fn end_identifier(&mut self, text: &str, base: usize, sink: &mut impl FnMut(Token<'_>)) {
        if let (Some(&(start, _)), Some(&(_, end)), true) =
            (self.parts.first(), self.parts.last(), self.parts.len() > 1)
        {
            self.compound.clear();
            for &(from, to) in &self.parts {
                let before = self.compound.len();
                push_capped(&mut self.compound, capped(&text[from..to]));
                self.compound[before..].make_ascii_lowercase();
            }
            sink(Token { kind: Kind::Compound, text: &self.compound, start: base + start, end: base + end });
        }
        self.parts.clear();
    }

    /// Emits the camelCase parts of the letters and digits `text[start..end]`.
    fn split_camel_case(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        base: usize,
        sink: &mut impl FnMut(Token<'_>),
    ) {
        let b = text.as_bytes();
        let mut part_start = start;
        for j in start + 1..end {
            let (last, c) = (b[j - 1], b[j]);
            let split = if last.is_ascii_lowercase() && c.is_ascii_uppercase() {
                Some(j)
            } else if last.is_ascii_uppercase()
                && c.is_ascii_lowercase()
                && j - 1 > part_start
                && b[j - 2].is_ascii_uppercase()
            {
                Some(j - 1)
            } else {
                None
            };
            if let Some(at) = split {
                self.part(text, part_start, at, base, sink);
                part_start = at;
            }
        }
        self.part(text, part_start, end, base, sink);
    }

    fn part(&mut self, text: &str, start: usize, end: usize, base: usize, sink: &mut impl FnMut(Token<'_>)) {
        self.parts.push((start, end));
        self.lower.clear();
        self.lower.push_str(capped(&text[start..end]));
        self.lower.make_ascii_lowercase();
        sink(Token { kind: Kind::Word, text: &self.lower, start: base + start, end: base + end });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tokenize::tokenize_unicode;
    use proptest::prelude::*;

    fn all(text: &str, f: impl Fn(&str, &mut dyn FnMut(Token<'_>))) -> Vec<(Kind, String, usize, usize)> {
        let mut out = vec![];
        f(text, &mut |t| out.push((t.kind, t.text.to_string(), t.start, t.end)));
        out
    }

    fn same_as_unicode(text: &str) {
        let fast = all(text, |t, sink| AsciiTokenizer::default().run(t, 0, &mut |tok| sink(tok)));
        let slow = all(text, |t, sink| tokenize_unicode(t, &mut |tok| sink(tok)));
        assert_eq!(fast, slow, "{text:?}");
    }

    #[test]
    fn agrees_with_the_unicode_tokenizer_on_tricky_text() {
        for text in [
            "HTTPServer asyncio.to_thread() __enter__ a_b__c BK-tree don't -p --x -> x-",
            "getHTTPResponseCode ABCd aB Ab 3D p99 x86_64 _private trailing_ x--y",
            &format!("{}Tail {}", "a".repeat(70), "B".repeat(70)),
            "\t\x0b\x7f\x00 tab\x0bsep",
        ] {
            same_as_unicode(text);
        }
    }

    proptest! {
        #[test]
        fn agrees_with_the_unicode_tokenizer(text in "[ -~\\t\\n]{0,200}") {
            same_as_unicode(&text);
        }

        #[test]
        fn agrees_on_identifier_soup(text in "([a-zA-Z0-9]{1,80}|[_'. -]){0,12}") {
            same_as_unicode(&text);
        }
    }
}
