//! The header's two copy buttons: the link to the current view, and the snippet that embeds it.

use learnings_core::view::{embed_snippet, Embed, View};
use yew::prelude::*;

use crate::hooks::use_clipboard::use_clipboard;
use crate::hooks::use_url_sync::absolute_url;

/// The copy buttons' labels' state and their click handlers.
pub struct CopyView {
    /// Whether the link was just copied.
    pub link_copied: bool,
    /// Copies the view's absolute URL.
    pub copy_link: Callback<MouseEvent>,
    /// Whether the snippet was just copied.
    pub snippet_copied: bool,
    /// Copies the HTML that embeds the view in another page.
    pub copy_embed: Callback<MouseEvent>,
}

/// Copying `view`, not location.href: the URL catches up with typing only once it pauses.
#[hook]
pub fn use_copy_view(view: &View) -> CopyView {
    let (link_copied, copy_link) = use_clipboard();
    let (snippet_copied, copy_snippet) = use_clipboard();
    let copy_link = {
        let view = view.clone();
        copy_link.reform(move |_: MouseEvent| absolute_url(&view))
    };
    let copy_embed = {
        let view = view.clone();
        copy_snippet.reform(move |_: MouseEvent| {
            let embedded = View { embed: Some(Embed { search: true, theme: None }), ..view.clone() };
            embed_snippet(&absolute_url(&embedded))
        })
    };
    CopyView { link_copied, copy_link, snippet_copied, copy_embed }
}
