//! Custom hooks: the app's links to the browser (URL, storage, keyboard), one per file.

pub mod use_clipboard;
pub mod use_embed;
pub mod use_online;
pub mod use_service_worker;
pub mod use_shortcuts;
pub mod use_theme;
pub mod use_url_sync;
