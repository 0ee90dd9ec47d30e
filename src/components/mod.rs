//! The page's components, one per file. They get values and callbacks, never the reducer, and
//! keep at most a bit of state of their own (how far a list is shown).
//!
//! Each component puts hydration markers into the markup the build renders, so the parts of
//! the built pages that need no state of their own are view functions (`header.rs`,
//! `alone.rs`): the pages stay as they are and the app's first render still matches them.

pub mod alone;
pub mod answer;
pub mod code_block;
pub mod day_section;
pub mod entry_link;
pub mod entry_view;
pub mod footnotes;
pub mod header;
pub mod help_panel;
pub mod highlighted;
pub mod listing;
pub mod math;
pub mod reader;
pub mod related;
pub mod results;
pub mod search_box;
pub mod search_panel;
pub mod status;
pub mod table;
pub mod timeline;
pub mod update_banner;
