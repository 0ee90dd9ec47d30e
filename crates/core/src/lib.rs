//! The pure core of Learnings.
//!
//! Invariant: this crate knows nothing of the DOM, the network or the file system. It holds
//! the bundle's data model (shared by the bundle builder that writes it and the app that reads
//! it) and the search engine, so that all of it is tested natively with `cargo test`.

pub mod count;
pub mod date;
mod decode;
mod json;
pub mod mathml;
pub mod model;
pub mod search;
pub mod site;
pub mod synthetic;
pub mod text;
pub mod view;

pub use decode::{decode_bundle, DecodeError};
pub use model::{
    is_http_url, Align, Block, Bundle, CodeSpan, Day, Entry, Inline, MathNode, SiteInfo, Source, DEFAULT_TAGLINE,
    DEFAULT_TITLE, SCHEMA_VERSION,
};
pub use search::{DayCount, Highlights, Hit, Index, IsoDay, SearchOptions, SearchResults, Snippet};
