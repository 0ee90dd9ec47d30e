//! Custom hooks, one per file: the search (`use_search`) and the app's links to the browser
//! (URL, storage, keyboard, clipboard, embedding, service worker, connection).

pub mod use_clipboard;
pub mod use_copy_view;
pub mod use_embed;
pub mod use_online;
pub mod use_search;
pub mod use_service_worker;
pub mod use_shortcuts;
pub mod use_take_over;
pub mod use_theme;
pub mod use_url_sync;
