//! The JSON bundle's data model: what `learnings-bundle` writes and the app reads.
//!
//! The bundle is structured data, never HTML: the app renders every string as a text node.
//! Bump [`SCHEMA_VERSION`] on any change that an older app could misread.

use serde::{Deserialize, Serialize};

/// The bundle format version; the app refuses bundles whose version it does not know.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything the app needs: days newest first and their entries in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Format version of this file, see [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Days newest first, each with its entry count.
    pub days: Vec<Day>,
    /// All entries, newest day first and in file order within a day.
    pub entries: Vec<Entry>,
}

/// One day of the collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Day {
    /// ISO date, `YYYY-MM-DD`.
    pub date: String,
    /// How many entries the day holds.
    pub count: u32,
}

/// One "today I learned" entry: a question, its answer and its sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Stable id: the slug of the question, unique in the bundle; used as the URL fragment.
    pub id: String,
    /// ISO date of the day the entry belongs to.
    pub day: String,
    /// The question as plain text.
    pub question: String,
    /// The question as inline runs (it may hold inline code).
    pub question_inlines: Vec<Inline>,
    /// The answer as blocks.
    pub answer: Vec<Block>,
    /// Links the answer cites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// A cited link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The link's text (the URL itself for a bare link).
    pub title: String,
    /// An `http` or `https` URL.
    pub url: String,
}

/// A block of an answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph of inline runs.
    Paragraph { inlines: Vec<Inline> },
    /// A list; `start` is the first number of an ordered list, absent for bullets.
    List {
        #[serde(default, skip_serializing_if = "Option::is_none")]
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
}

/// A run of code text with a highlight class: `[class, text]` in JSON to keep bundles small.
///
/// Classes: `""` plain, `k` keyword, `s` string, `c` comment, `n` number or constant,
/// `f` function name, `t` type, `o` operator, `p` punctuation, `v` variable or property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// An inline run of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text.
    Text { text: String },
    /// Inline code.
    Code { text: String },
    /// Emphasised runs.
    Emphasis { children: Vec<Inline> },
    /// Strongly emphasised runs.
    Strong { children: Vec<Inline> },
    /// A link to an `http(s)` URL.
    Link { href: String, children: Vec<Inline> },
    /// A line break inside a paragraph.
    Break,
}
