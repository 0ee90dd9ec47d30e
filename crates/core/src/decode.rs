//! Reading a bundle's JSON into the model, the inverse of the model's `Serialize` derives that
//! `learnings-bundle` writes it with (crates/core/tests/decode.rs checks that the two agree on
//! any bundle). Hand-written over [`crate::json`] to keep serde_json's deserializer out of the
//! app's wasm; like serde's derives it ignores fields it does not know, so a newer bundle of the
//! same schema still reads.

use crate::json::{Read, Reader};
use crate::model::{Align, Block, Bundle, CodeSpan, Day, Entry, Inline, MathNode, SiteInfo, Source, SCHEMA_VERSION};

/// Why a bundle's text could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The text is not JSON of the bundle's shape.
    Malformed(String),
    /// The bundle was written for a format version this app does not know.
    UnknownVersion(u64),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Malformed(detail) => write!(f, "the bundle is not valid Learnings JSON ({detail})"),
            DecodeError::UnknownVersion(v) => {
                write!(f, "the bundle has schema version {v}, but this app reads version {SCHEMA_VERSION}")
            }
        }
    }
}

/// Reads a bundle. A bundle of another schema version gets a message saying so rather than a
/// parse error, however different its shape: the version alone is read again (every other
/// field skipped) only when the whole bundle did not read, so a good bundle is read once.
pub fn decode_bundle(json: &str) -> Result<Bundle, DecodeError> {
    let malformed = |fail: crate::json::Fail| DecodeError::Malformed(fail.describe(json));
    let mut bundle = match whole(json, bundle) {
        Ok(bundle) => bundle,
        Err(fail) => {
            let version = whole(json, schema_version).map_err(malformed)?;
            return Err(if version == u64::from(SCHEMA_VERSION) {
                malformed(fail)
            } else {
                DecodeError::UnknownVersion(version)
            });
        }
    };
    if bundle.schema_version != SCHEMA_VERSION {
        return Err(DecodeError::UnknownVersion(bundle.schema_version.into()));
    }
    for entry in &mut bundle.entries {
        entry.question = crate::text::inline_text(&entry.question_inlines).trim().to_string();
    }
    Ok(bundle)
}

/// `json` read by `read`, with nothing after it.
fn whole<T>(json: &str, read: fn(&mut Reader) -> Read<T>) -> Read<T> {
    let mut r = Reader::new(json);
    let value = read(&mut r)?;
    r.end()?;
    Ok(value)
}

/// The top-level object's `schema_version`, every other field skipped.
fn schema_version(r: &mut Reader) -> Read<u64> {
    let mut version = None;
    r.object(&mut |r, key| {
        match key {
            "schema_version" => version = Some(r.integer(u64::MAX)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    r.required(version, "schema_version")
}

fn bundle(r: &mut Reader) -> Read<Bundle> {
    let (mut schema_version, mut site, mut days, mut entries) = (None, None, None, None);
    r.object(&mut |r, key| {
        match key {
            "schema_version" => schema_version = Some(r.integer(u32::MAX)?),
            "site" => site = Some(site_info(r)?),
            "days" => days = Some(r.list(day)?),
            "entries" => entries = Some(r.list(entry)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Bundle {
        schema_version: r.required(schema_version, "schema_version")?,
        site: site.unwrap_or_default(),
        days: r.required(days, "days")?,
        entries: r.required(entries, "entries")?,
    })
}

fn site_info(r: &mut Reader) -> Read<SiteInfo> {
    let (mut title, mut tagline, mut lang, mut author, mut url) = (None, None, None, None, None);
    r.object(&mut |r, key| {
        match key {
            "title" => title = Some(r.owned()?),
            "tagline" => tagline = Some(r.owned()?),
            "lang" => lang = Some(r.owned()?),
            "author" => author = optional(r, |r| r.owned())?,
            "url" => url = optional(r, |r| r.owned())?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(SiteInfo {
        title: r.required(title, "title")?,
        tagline: r.required(tagline, "tagline")?,
        lang: r.required(lang, "lang")?,
        author,
        url,
    })
}

/// A value that may be `null`.
fn optional<T>(r: &mut Reader, read: fn(&mut Reader) -> Read<T>) -> Read<Option<T>> {
    if r.null() {
        Ok(None)
    } else {
        read(r).map(Some)
    }
}

fn day(r: &mut Reader) -> Read<Day> {
    let (mut date, mut count) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "date" => date = Some(r.owned()?),
            "count" => count = Some(r.integer(u32::MAX)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Day { date: r.required(date, "date")?, count: r.required(count, "count")? })
}

fn entry(r: &mut Reader) -> Read<Entry> {
    let (mut id, mut day, mut question_inlines, mut answer, mut sources) = (None, None, None, None, None);
    r.object(&mut |r, key| {
        match key {
            "id" => id = Some(r.owned()?),
            "day" => day = Some(r.owned()?),
            "question_inlines" => question_inlines = Some(inlines(r)?),
            "answer" => answer = Some(blocks(r)?),
            "sources" => sources = Some(r.list(source)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Entry {
        id: r.required(id, "id")?,
        day: r.required(day, "day")?,
        question: String::new(),
        question_inlines: r.required(question_inlines, "question_inlines")?,
        answer: r.required(answer, "answer")?,
        sources: sources.unwrap_or_default(),
    })
}

fn source(r: &mut Reader) -> Read<Source> {
    let (mut title, mut url) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "title" => title = Some(r.owned()?),
            "url" => url = Some(r.owned()?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Source { title: r.required(title, "title")?, url: r.required(url, "url")? })
}

/// An externally tagged enum value: `{"tag": value}`, its one key read by `variant`.
fn tagged<T>(r: &mut Reader, kind: &str, variant: &mut dyn FnMut(&mut Reader, &str) -> Read<T>) -> Read<T> {
    let mut value = None;
    r.object(&mut |r, tag| {
        if value.is_some() {
            return r.fail(format!("expected one key in the object of a {kind}"));
        }
        value = Some(variant(r, tag)?);
        Ok(())
    })?;
    match value {
        Some(value) => Ok(value),
        None => r.fail(format!("expected a {kind}, found an empty object")),
    }
}

/// The failure for a tag no variant has.
fn unknown<T>(r: &Reader, kind: &str, tag: &str) -> Read<T> {
    r.fail(format!("unknown {kind} `{tag}`"))
}

fn blocks(r: &mut Reader) -> Read<Vec<Block>> {
    r.list(block)
}

fn block(r: &mut Reader) -> Read<Block> {
    tagged(r, "block", &mut |r, tag| {
        Ok(match tag {
            "paragraph" => Block::Paragraph(inlines(r)?),
            "list" => {
                let (mut start, mut items) = (None, None);
                r.object(&mut |r, key| {
                    match key {
                        "start" => start = optional(r, |r| r.integer(u64::MAX))?,
                        "items" => items = Some(r.list(blocks)?),
                        _ => r.skip()?,
                    }
                    Ok(())
                })?;
                Block::List { start, items: r.required(items, "items")? }
            }
            "code" => {
                let (mut lang, mut spans) = (None, None);
                r.object(&mut |r, key| {
                    match key {
                        "lang" => lang = Some(r.owned()?),
                        "spans" => spans = Some(r.list(code_span)?),
                        _ => r.skip()?,
                    }
                    Ok(())
                })?;
                Block::Code { lang: r.required(lang, "lang")?, spans: r.required(spans, "spans")? }
            }
            "heading" => {
                let (mut level, mut children) = (None, None);
                r.object(&mut |r, key| {
                    match key {
                        "level" => level = Some(r.integer(u8::MAX)?),
                        "children" => children = Some(inlines(r)?),
                        _ => r.skip()?,
                    }
                    Ok(())
                })?;
                Block::Heading { level: r.required(level, "level")?, children: r.required(children, "children")? }
            }
            "quote" => Block::Quote(blocks(r)?),
            "table" => {
                let (mut align, mut head, mut rows) = (None, None, None);
                r.object(&mut |r, key| {
                    match key {
                        "align" => align = Some(r.list(alignment)?),
                        "head" => head = Some(r.list(inlines)?),
                        "rows" => rows = Some(r.list(|r| r.list(inlines))?),
                        _ => r.skip()?,
                    }
                    Ok(())
                })?;
                Block::Table {
                    align: r.required(align, "align")?,
                    head: r.required(head, "head")?,
                    rows: r.required(rows, "rows")?,
                }
            }
            "footnotes" => Block::Footnotes(r.list(blocks)?),
            other => return unknown(r, "block", other),
        })
    })
}

fn alignment(r: &mut Reader) -> Read<Align> {
    match &*r.string()? {
        "none" => Ok(Align::None),
        "left" => Ok(Align::Left),
        "center" => Ok(Align::Center),
        "right" => Ok(Align::Right),
        other => unknown(r, "alignment", other),
    }
}

/// `[first, second]`: two strings (a code span, a MathML attribute).
fn pair(r: &mut Reader) -> Read<(String, String)> {
    let mut strings = Vec::with_capacity(2);
    r.each(&mut |r| {
        strings.push(r.owned()?);
        Ok(())
    })?;
    let mut strings = strings.into_iter();
    match (strings.next(), strings.next(), strings.next()) {
        (Some(first), Some(second), None) => Ok((first, second)),
        _ => r.fail("expected an array of two strings"),
    }
}

fn code_span(r: &mut Reader) -> Read<CodeSpan> {
    pair(r).map(|(class, text)| CodeSpan(class, text))
}

fn inlines(r: &mut Reader) -> Read<Vec<Inline>> {
    r.list(inline)
}

fn inline(r: &mut Reader) -> Read<Inline> {
    if r.peek() == Some(b'"') {
        return match &*r.string()? {
            "break" => Ok(Inline::Break),
            other => unknown(r, "inline", other),
        };
    }
    tagged(r, "inline", &mut |r, tag| {
        Ok(match tag {
            "text" => Inline::Text(r.owned()?),
            "code" => Inline::Code(r.owned()?),
            "emphasis" => Inline::Emphasis(inlines(r)?),
            "strong" => Inline::Strong(inlines(r)?),
            "strike" => Inline::Strike(inlines(r)?),
            "task" => Inline::Task(r.boolean()?),
            "note" => Inline::Note(r.integer(u32::MAX)?),
            "link" => {
                let (mut href, mut children) = (None, None);
                r.object(&mut |r, key| {
                    match key {
                        "href" => href = Some(r.owned()?),
                        "children" => children = Some(inlines(r)?),
                        _ => r.skip()?,
                    }
                    Ok(())
                })?;
                Inline::Link { href: r.required(href, "href")?, children: r.required(children, "children")? }
            }
            "math" => {
                let (mut tex, mut mathml) = (None, None);
                r.object(&mut |r, key| {
                    match key {
                        "tex" => tex = Some(r.owned()?),
                        "mathml" => mathml = Some(math_node(r)?),
                        _ => r.skip()?,
                    }
                    Ok(())
                })?;
                Inline::Math { tex: r.required(tex, "tex")?, mathml: r.required(mathml, "mathml")? }
            }
            "image" => {
                let (mut src, mut alt, mut width, mut height) = (None, None, None, None);
                r.object(&mut |r, key| {
                    match key {
                        "src" => src = Some(r.owned()?),
                        "alt" => alt = Some(r.owned()?),
                        "width" => width = Some(r.integer(u32::MAX)?),
                        "height" => height = Some(r.integer(u32::MAX)?),
                        _ => r.skip()?,
                    }
                    Ok(())
                })?;
                Inline::Image {
                    src: r.required(src, "src")?,
                    alt: r.required(alt, "alt")?,
                    width: r.required(width, "width")?,
                    height: r.required(height, "height")?,
                }
            }
            other => return unknown(r, "inline", other),
        })
    })
}

fn math_node(r: &mut Reader) -> Read<MathNode> {
    tagged(r, "MathML node", &mut |r, tag| {
        Ok(match tag {
            "t" => MathNode::Text(r.owned()?),
            "e" => {
                let (mut name, mut attrs, mut children) = (None, None, None);
                r.object(&mut |r, key| {
                    match key {
                        "tag" => name = Some(r.owned()?),
                        "attrs" => attrs = Some(r.list(pair)?),
                        "children" => children = Some(r.list(math_node)?),
                        _ => r.skip()?,
                    }
                    Ok(())
                })?;
                MathNode::Element {
                    tag: r.required(name, "tag")?,
                    attrs: attrs.unwrap_or_default(),
                    children: children.unwrap_or_default(),
                }
            }
            other => return unknown(r, "MathML node", other),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_a_current_bundle() {
        let json = r#"{"schema_version":3,"days":[{"date":"2026-02-24","count":1}],"entries":[{"id":"q","day":"2026-02-24","question_inlines":[{"text":"Q?"}],"answer":[{"code":{"lang":"rust","spans":[["k","fn"]]}},{"paragraph":["break",{"link":{"href":"https://x.org","children":[{"code":"x"}]}}]}]}]}"#;
        let bundle = decode_bundle(json).unwrap();
        assert_eq!(bundle.entries[0].question, "Q?", "derived from the question's runs");
        assert_eq!(
            bundle.entries[0].answer[0],
            Block::Code { lang: "rust".into(), spans: vec![CodeSpan("k".into(), "fn".into())] }
        );
        assert_eq!(
            bundle.entries[0].answer[1],
            Block::Paragraph(vec![
                Inline::Break,
                Inline::Link { href: "https://x.org".into(), children: vec![Inline::Code("x".into())] }
            ])
        );
        assert_eq!(bundle.site, SiteInfo::default(), "a bundle without `site` reads as the defaults");
    }

    #[test]
    fn reports_unknown_versions_before_shape() {
        assert_eq!(decode_bundle(r#"{"schema_version":1,"whatever":true}"#), Err(DecodeError::UnknownVersion(1)));
        assert_eq!(
            decode_bundle(r#"{"entries":[{"deep":[1.5e3,-2,null,{"x":"\u00e9"}]}],"schema_version":99}"#),
            Err(DecodeError::UnknownVersion(99)),
            "wherever the version is and whatever the rest holds"
        );
    }

    /// The detail of a malformed bundle's error.
    fn malformed(json: &str) -> String {
        match decode_bundle(json) {
            Err(DecodeError::Malformed(detail)) => detail,
            other => panic!("{json}: expected a malformed bundle, got {other:?}"),
        }
    }

    #[test]
    fn says_what_is_wrong_and_where() {
        assert_eq!(malformed("{not json"), "expected a field name at line 1, column 2");
        assert_eq!(malformed(r#"{"schema_version": 3, "#), "expected a field name at the end of the text");
        assert_eq!(malformed(r#"{"schema_version":3}"#), "missing field `days` at the end of the text");
        assert_eq!(
            malformed("{\"schema_version\": 3,\n \"days\": [{\"date\": \"d\", \"count\": -1}]}"),
            "expected an integer from 0 to 4294967295 at line 2, column 34"
        );
        let bad_inline = r#"{"schema_version":3,"days":[],"entries":[{"id":"q","day":"d","question_inlines":["brake"],"answer":[]}]}"#;
        assert!(malformed(bad_inline).starts_with("unknown inline `brake` at line 1"));
        assert!(malformed(r#"{"schema_version":3,"days":[]} x"#).starts_with("unexpected text after"));
        assert!(malformed(r#"{"schema_version":3,"days":[],}"#).starts_with("expected a field name"));
        assert!(malformed(r#"{"schema_version":03}"#).starts_with("expected an integer"));
        assert!(malformed("{\"schema_version\":3,\"days\":[{\"date\":\"a\tb\"}]}").contains("control character"));
    }

    #[test]
    fn refuses_nesting_deeper_than_the_limit_instead_of_overflowing() {
        let deep = format!(r#"{{"schema_version":3,"x":{}{}}}"#, "[".repeat(100_000), "]".repeat(100_000));
        assert!(malformed(&deep).starts_with("expected arrays and objects nested at most 128 deep"));
    }

    #[test]
    fn reads_escapes_nulls_and_unknown_fields() {
        let json = r#"{"schema_version":3,"future":{"a":[true,false,null,-0.5E+2]},
            "site":{"title":"T \"q\" \\ \/ \u00e9 \ud83d\ude00 \n","tagline":"","lang":"en","author":null},
            "days":[],"entries":[]}"#;
        let bundle = decode_bundle(json).unwrap();
        assert_eq!(bundle.site.title, "T \"q\" \\ / é 😀 \n");
        assert_eq!(bundle.site.author, None);
        assert!(malformed(r#"{"schema_version":3,"days":[],"site":{"title":"\ud83d"}}"#).contains("lone surrogate"));
    }
}
