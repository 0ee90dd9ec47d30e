//! A small JSON reader, just what [`crate::decode_bundle`] needs: strings, non-negative
//! integers, booleans, `null`, arrays, objects, and skipping whatever a reader does not know.
//!
//! It exists for the app's weight: serde_json's deserializer, instantiated for every type of the
//! bundle model, cost the wasm about 88 KB before wasm-opt; this reader is one non-generic
//! parser that the model's readers (`decode.rs`) call directly. It follows RFC 8259 as strictly
//! as serde_json does (no trailing commas, no leading zeros, no raw control characters in
//! strings) and, like it, refuses nesting deeper than [`MAX_DEPTH`] rather than overflow the stack.

use std::borrow::Cow;

/// How deep arrays and objects may nest (serde_json's own limit).
pub const MAX_DEPTH: u32 = 128;

/// Why reading stopped: what was wrong and the byte offset where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fail {
    /// What was expected or found, in words (`expected a string`, `missing field `id``).
    pub what: String,
    /// Byte offset into the text.
    pub at: usize,
}

impl Fail {
    /// The message with the place it refers to: a line and column (1-based, columns counted in
    /// characters), or the end of the text.
    pub fn describe(&self, text: &str) -> String {
        let Some(before) = text.get(..self.at).filter(|_| self.at < text.len()) else {
            return format!("{} at the end of the text", self.what);
        };
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
        format!("{} at line {line}, column {column}", self.what)
    }
}

/// What every read returns.
pub type Read<T> = Result<T, Fail>;

/// A cursor over one JSON text.
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    depth: u32,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Reader { text, pos: 0, depth: 0 }
    }

    /// Fails here with `what`.
    pub fn fail<T>(&self, what: impl Into<String>) -> Read<T> {
        Err(Fail { what: what.into(), at: self.pos })
    }

    /// The next byte after any whitespace, without taking it.
    pub fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(self.pos) {
            self.pos += 1;
        }
        bytes.get(self.pos).copied()
    }

    /// Takes `byte` (after whitespace), or fails saying `what` was expected.
    fn expect(&mut self, byte: u8, what: &str) -> Read<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            self.fail(format!("expected {what}"))
        }
    }

    /// Takes the literal `word` (`true`, `false`, `null`) if it comes next.
    fn literal(&mut self, word: &str) -> bool {
        let found = self.peek().is_some() && self.text[self.pos..].starts_with(word);
        if found {
            self.pos += word.len();
        }
        found
    }

    /// Checks that nothing but whitespace follows the value read.
    pub fn end(&mut self) -> Read<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => self.fail("unexpected text after the end of the JSON value"),
        }
    }

    /// A string, borrowed from the text unless it holds escapes.
    pub fn string(&mut self) -> Read<Cow<'a, str>> {
        self.expect(b'"', "a string")?;
        let text = self.text;
        let bytes = text.as_bytes();
        let start = self.pos;
        self.pos += plain_run(&bytes[start..]);
        if bytes.get(self.pos) == Some(&b'"') {
            self.pos += 1;
            return Ok(Cow::Borrowed(&text[start..self.pos - 1]));
        }
        let mut out = String::from(&text[start..self.pos]);
        loop {
            match bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    out.push(self.escape()?);
                }
                Some(_) => {
                    let run = self.pos;
                    self.pos += plain_run(&bytes[run..]);
                    if self.pos == run {
                        return self.fail("expected no raw control character in a string");
                    }
                    out.push_str(&text[run..self.pos]);
                }
                None => return self.fail("expected the end of a string"),
            }
        }
    }

    /// A string, owned.
    pub fn owned(&mut self) -> Read<String> {
        self.string().map(Cow::into_owned)
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self) -> Read<char> {
        let byte = self.text.as_bytes().get(self.pos).copied();
        self.pos += 1;
        Ok(match byte {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) && self.text[self.pos..].starts_with("\\u") {
                    self.pos += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return self.fail("expected a low surrogate after a high one in a \\u escape");
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                match char::from_u32(code) {
                    Some(c) => c,
                    None => return self.fail("expected a \\u escape of a character, not a lone surrogate"),
                }
            }
            _ => {
                self.pos -= 1;
                return self.fail("expected a valid escape after a backslash");
            }
        })
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Read<u32> {
        let digits = self.text.get(self.pos..self.pos + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        match digits.and_then(|d| u32::from_str_radix(d, 16).ok()) {
            Some(code) => {
                self.pos += 4;
                Ok(code)
            }
            None => self.fail("expected four hex digits in a \\u escape"),
        }
    }

    /// A non-negative integer up to `max`, the largest value of its type.
    pub fn integer<T: TryFrom<u64> + Into<u64> + Copy>(&mut self, max: T) -> Read<T> {
        self.peek();
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut value: Option<u64> = Some(0);
        while let Some(digit @ b'0'..=b'9') = bytes.get(self.pos) {
            value = value.and_then(|v| v.checked_mul(10)?.checked_add(u64::from(digit - b'0')));
            self.pos += 1;
        }
        let digits = &bytes[start..self.pos];
        let whole = !digits.is_empty() && (digits[0] != b'0' || digits.len() == 1);
        let fraction = matches!(bytes.get(self.pos), Some(b'.' | b'e' | b'E'));
        match value.filter(|_| whole && !fraction).and_then(|v| T::try_from(v).ok()) {
            Some(value) => Ok(value),
            None => {
                self.pos = start;
                self.fail(format!("expected an integer from 0 to {}", max.into()))
            }
        }
    }

    /// `true` or `false`.
    pub fn boolean(&mut self) -> Read<bool> {
        if self.literal("true") {
            Ok(true)
        } else if self.literal("false") {
            Ok(false)
        } else {
            self.fail("expected true or false")
        }
    }

    /// Takes a `null` if one comes next (an absent optional value).
    pub fn null(&mut self) -> bool {
        self.literal("null")
    }

    /// One level deeper into arrays and objects, within [`MAX_DEPTH`].
    fn enter(&mut self) -> Read<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.fail(format!("expected arrays and objects nested at most {MAX_DEPTH} deep"));
        }
        Ok(())
    }

    /// `open`, then items read by `item` and separated by commas, then `close`: the body of an
    /// array or an object (`what` names it).
    fn delimited(
        &mut self,
        [open, close]: [u8; 2],
        what: &str,
        item: &mut dyn FnMut(&mut Self) -> Read<()>,
    ) -> Read<()> {
        self.expect(open, what)?;
        self.enter()?;
        if self.peek() == Some(close) {
            self.pos += 1;
        } else {
            loop {
                item(self)?;
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(byte) if byte == close => {
                        self.pos += 1;
                        break;
                    }
                    _ => return self.fail(format!("expected `,` or `{}`", char::from(close))),
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// An array, each element read by `item`.
    pub fn each(&mut self, item: &mut dyn FnMut(&mut Self) -> Read<()>) -> Read<()> {
        self.delimited(*b"[]", "an array", item)
    }

    /// An array of values each read by `read`.
    pub fn list<T>(&mut self, read: fn(&mut Self) -> Read<T>) -> Read<Vec<T>> {
        let mut out = Vec::new();
        self.each(&mut |r| {
            out.push(read(r)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// An object: `field` reads the value of each key (and skips those it does not know).
    pub fn object(&mut self, field: &mut dyn FnMut(&mut Self, &str) -> Read<()>) -> Read<()> {
        self.delimited(*b"{}", "an object", &mut |r| {
            if r.peek() != Some(b'"') {
                return r.fail("expected a field name");
            }
            let key = r.string()?;
            r.expect(b':', "`:`")?;
            field(r, &key)
        })
    }

    /// A field's value, or a failure naming the field if the object had none.
    pub fn required<T>(&self, value: Option<T>, name: &str) -> Read<T> {
        match value {
            Some(value) => Ok(value),
            None => self.fail(format!("missing field `{name}`")),
        }
    }

    /// Any value, checked and dropped.
    pub fn skip(&mut self) -> Read<()> {
        match self.peek() {
            Some(b'"') => self.string().map(drop),
            Some(b'[') => self.each(&mut Self::skip),
            Some(b'{') => self.object(&mut |r, _| r.skip()),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ if self.literal("true") || self.literal("false") || self.null() => Ok(()),
            _ => self.fail("expected a JSON value"),
        }
    }

    /// Any JSON number, checked and dropped.
    fn number(&mut self) -> Read<()> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let digits = |pos: &mut usize| {
            let from = *pos;
            while bytes.get(*pos).is_some_and(u8::is_ascii_digit) {
                *pos += 1;
            }
            *pos - from
        };
        let mut pos = start + usize::from(bytes[start] == b'-');
        let whole = pos;
        let mut valid = match digits(&mut pos) {
            0 => false,
            n => bytes[whole] != b'0' || n == 1,
        };
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            valid &= digits(&mut pos) > 0;
        }
        if let Some(b'e' | b'E') = bytes.get(pos) {
            pos += 1;
            pos += usize::from(matches!(bytes.get(pos), Some(b'+' | b'-')));
            valid &= digits(&mut pos) > 0;
        }
        if !valid {
            return self.fail("expected a valid number");
        }
        self.pos = pos;
        Ok(())
    }
}

/// How many bytes from the start of `bytes` a string copies as they are: up to a quote, a
/// backslash or a control character.
fn plain_run(bytes: &[u8]) -> usize {
    bytes.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(bytes.len())
}
