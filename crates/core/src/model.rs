//! The JSON bundle's data model: what `learnings-bundle` writes and the app reads.
//!
//! The bundle is structured data, never HTML: the app renders every string as a text node.
//! Bump [`SCHEMA_VERSION`] on any change that an older app could misread.

use serde::Serialize;

/// The bundle format version; the app refuses bundles whose version it does not know.
pub const SCHEMA_VERSION: u32 = 3;

/// Everything the app needs: days newest first and their entries in reading order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bundle {
    /// Format version of this file, see [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The site's title, tagline and the rest of `learnings.toml` that pages show. Bundles
    /// written before it existed read as the defaults.
    pub site: SiteInfo,
    /// Days newest first, each with its entry count.
    pub days: Vec<Day>,
    /// All entries, newest day first and in file order within a day.
    pub entries: Vec<Entry>,
}

/// What the site says about itself (from `learnings.toml`), carried in the bundle so that the
/// pages the build renders and the app that takes them over show the same header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SiteInfo {
    /// The site's name: the page header, titles, the feed, the web manifest.
    pub title: String,
    /// One line under the title, and the home page's description.
    pub tagline: String,
    /// The pages' language, a BCP 47 tag (`en`, `pt-BR`).
    pub lang: String,
    /// Who writes the entries (the feed's author), when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The site's absolute URL ending in `/`, when known: absolute links in the feed, canonical
    /// links and the sitemap. Never guessed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The title of a site without `learnings.toml`.
pub const DEFAULT_TITLE: &str = "Learnings";
/// The tagline of a site whose `learnings.toml` gives none.
pub const DEFAULT_TAGLINE: &str = "Short today-I-learned entries, searchable as you type.";

impl Default for SiteInfo {
    fn default() -> Self {
        SiteInfo {
            title: DEFAULT_TITLE.to_string(),
            tagline: DEFAULT_TAGLINE.to_string(),
            lang: "en".to_string(),
            author: None,
            url: None,
        }
    }
}

/// One day of the collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Day {
    /// ISO date, `YYYY-MM-DD`.
    pub date: String,
    /// How many entries the day holds.
    pub count: u32,
}

/// One "today I learned" entry: a question, its answer and its sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Stable id: the slug of the question, unique in the bundle; used as the URL fragment.
    pub id: String,
    /// ISO date of the day the entry belongs to.
    pub day: String,
    /// The question as plain text. Not in the file: [`crate::decode_bundle`] derives it from
    /// `question_inlines`, so the bundle carries each question once.
    #[serde(skip)]
    pub question: String,
    /// The question as inline runs (it may hold inline code).
    pub question_inlines: Vec<Inline>,
    /// The answer as blocks.
    pub answer: Vec<Block>,
    /// Links the answer cites.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// A cited link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The link's text (the URL itself for a bare link).
    pub title: String,
    /// An `http` or `https` URL.
    pub url: String,
}

/// A block of an answer, externally tagged in JSON: `{"paragraph": [...]}`.
///
/// Schema 1 tagged blocks and inlines internally (`{"type": "paragraph", ...}`); serde decodes
/// such enums through a buffered copy of each object, which cost 42 KB of wasm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// A paragraph of inline runs.
    Paragraph(Vec<Inline>),
    /// A list; `start` is the first number of an ordered list, absent for bullets.
    List {
        #[serde(skip_serializing_if = "Option::is_none")]
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    /// A code block with its build-time highlighting.
    Code {
        /// The fence's language tag (`text` when none was given).
        lang: String,
        /// The code split into spans that cover it exactly, in order.
        spans: Vec<CodeSpan>,
    },
    /// A sub-heading inside an answer; `level` is the Markdown level (3 for `###`, up to 6).
    Heading { level: u8, children: Vec<Inline> },
    /// A block quote.
    Quote(Vec<Block>),
    /// A GFM table: one alignment per column, the header cells, then the rows of cells.
    Table { align: Vec<Align>, head: Vec<Vec<Inline>>, rows: Vec<Vec<Vec<Inline>>> },
    /// The answer's footnotes, numbered from 1 in the order they are first cited; always the
    /// answer's last block.
    Footnotes(Vec<Vec<Block>>),
}

/// How a table column's cells are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// As the reading direction has it.
    None,
    /// `:---`.
    Left,
    /// `:---:`.
    Center,
    /// `---:`.
    Right,
}

/// A formula converted to MathML at build time: an element or a text node.
///
/// Only the MathML Core elements and attributes the converter writes get into a bundle (the
/// builder checks an allow-list), and the app creates them as elements in the MathML namespace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum MathNode {
    /// Text inside a token element.
    #[serde(rename = "t")]
    Text(String),
    /// An element with its attributes and children.
    #[serde(rename = "e")]
    Element {
        /// The MathML tag name.
        tag: String,
        /// `[name, value]` pairs.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        attrs: Vec<(String, String)>,
        /// The element's children.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        children: Vec<MathNode>,
    },
}

/// A run of code text with a highlight class: `[class, text]` in JSON to keep bundles small.
///
/// Classes: `""` plain, `k` keyword, `s` string, `c` comment, `n` number or constant,
/// `f` function name, `t` type, `o` operator, `p` punctuation, `v` variable or property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeSpan(pub String, pub String);

impl CodeSpan {
    /// The highlight class (empty for plain text).
    pub fn class(&self) -> &str {
        &self.0
    }
    /// The code text of the span.
    pub fn text(&self) -> &str {
        &self.1
    }
}

/// An inline run of text, externally tagged in JSON: `{"text": "..."}`, `"break"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Inline code.
    Code(String),
    /// Emphasised runs.
    Emphasis(Vec<Inline>),
    /// Strongly emphasised runs.
    Strong(Vec<Inline>),
    /// A link to an `http(s)` URL.
    Link { href: String, children: Vec<Inline> },
    /// A line break inside a paragraph.
    Break,
    /// Struck-through runs (`~~text~~`).
    Strike(Vec<Inline>),
    /// A task list item's read-only checkbox, first in the item's paragraph; `true` when done.
    Task(bool),
    /// A citation of the answer's footnote with this number (1-based).
    Note(u32),
    /// A formula: its TeX source (what search indexes) and its MathML `<math>` element.
    Math { tex: String, mathml: MathNode },
    /// An image of the build: `src` is relative to the site's root.
    Image { src: String, alt: String, width: u32, height: u32 },
}

/// Whether `url` may be rendered as a link: only `http` and `https` URLs are, so content can
/// never carry a `javascript:` or `data:` link even in a hand-made bundle.
pub fn is_http_url(url: &str) -> bool {
    let lower = url.trim_start().get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_urls_are_links() {
        assert!(is_http_url("https://example.org/a"));
        assert!(is_http_url("HTTP://example.org"));
        assert!(!is_http_url("javascript:alert(1)"));
        assert!(!is_http_url("data:text/html,x"));
        assert!(!is_http_url("//example.org"));
        assert!(!is_http_url("ht"));
    }
}
