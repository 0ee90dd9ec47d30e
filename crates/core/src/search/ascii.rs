//! The tokenizer's fast path for ASCII text (nearly all of a technical collection): the same
//! tokens as [`super::tokenize::tokenize_unicode`], found byte by byte, and borrowed from the
//! text itself when no lowercasing is needed.

use super::tokenize::{capped, emit_punct, is_joiner, push_capped, Kind, Token};

/// Tokenizes ASCII `text` (see [`super::tokenize`] for the rules).
pub(crate) fn tokenize(text: &str, sink: &mut impl FnMut(Token<'_>)) {
    let b = text.as_bytes();
    let mut buffers = Buffers::default();
    let (mut parts, mut run_start) = (0, 0);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if parts == 0 {
                run_start = start;
            }
            parts += buffers.parts(text, start, i, sink);
            if i + 1 < b.len() && is_joiner(char::from(b[i])) && b[i + 1].is_ascii_alphanumeric() {
                emit_punct(char::from(b[i]), i, i + 1, sink);
                i += 1;
                continue;
            }
            if parts >= 2 {
                sink(Token { kind: Kind::Compound, text: &buffers.compound, start: run_start, end: i });
            }
            parts = 0;
            buffers.compound.clear();
        } else {
            if c > b' ' && c != 0x7f {
                emit_punct(char::from(c), i, i + 1, sink);
            }
            i += 1;
        }
    }
}

#[derive(Default)]
struct Buffers {
    lower: String,
    compound: String,
}

impl Buffers {
    /// Emits the camelCase parts of the letters and digits `text[start..end]`; returns how many.
    fn parts(&mut self, text: &str, start: usize, end: usize, sink: &mut impl FnMut(Token<'_>)) -> usize {
        let b = text.as_bytes();
        let mut count = 0;
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
                self.part(text, part_start, at, sink);
                count += 1;
                part_start = at;
            }
        }
        self.part(text, part_start, end, sink);
        count + 1
    }

    fn part(&mut self, text: &str, start: usize, end: usize, sink: &mut impl FnMut(Token<'_>)) {
        let raw = capped(&text[start..end]);
        let folded = if raw.bytes().any(|c| c.is_ascii_uppercase()) {
            self.lower.clear();
            self.lower.push_str(raw);
            self.lower.make_ascii_lowercase();
            &self.lower
        } else {
            raw
        };
        sink(Token { kind: Kind::Word, text: folded, start, end });
        push_capped(&mut self.compound, folded);
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
        let fast = all(text, |t, sink| tokenize(t, &mut |tok| sink(tok)));
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
