//! `learnings-bundle`: turns the Markdown in `content/` into the JSON bundle the app loads
//! and an Atom feed, validating everything on the way.
//!
//! Invariant: the output is a pure function of the content (byte-identical on every build), and
//! invalid content writes nothing.

pub mod build;
pub mod config;
pub mod error;
pub mod feed;
pub mod highlight;
pub mod image;
pub mod markdown;
pub mod math;
pub mod postbuild;
pub mod slug;

pub use build::{build, write, BUNDLE_FILE, FEED_FILE};
pub use error::Error;
