//! The page's components, one per file.

pub mod answer;
pub mod code_block;
pub mod day_island;
pub mod day_section;
pub mod entry_link;
pub mod entry_view;
pub mod footnotes;
pub mod help_panel;
pub mod highlighted;
pub mod listing;
pub mod math;
pub mod related;
pub mod results;
pub mod search_box;
pub mod status;
pub mod table;
pub mod timeline;
pub mod update_banner;
