//! The site's header: its title linking home, the tagline, and the tools that need the app
//! (theme, copy link, embed, keyboard shortcuts).
//!
//! A view function, not a component: a component adds its own markers to the markup the build
//! renders for every page, and the header needs no state of its own (its hooks are the root's).

use learnings_core::SiteInfo;
use yew::prelude::*;

use crate::hooks::use_copy_view::CopyView;
use crate::hooks::use_theme::Theme;

/// What the header shows and what its buttons do.
pub struct Header<'a> {
    /// The site's title and tagline.
    pub site: &'a SiteInfo,
    /// The link to the home page from this page.
    pub home: &'static str,
    /// The current theme, which the theme button names.
    pub theme: Theme,
    /// Switches to the next theme.
    pub on_theme: Callback<MouseEvent>,
    /// The copy buttons.
    pub copy: CopyView,
    /// Whether the shortcuts panel is open.
    pub help_open: bool,
    /// Opens or closes the shortcuts panel.
    pub on_help: Callback<MouseEvent>,
}

/// The skip link and the `<header>`.
pub fn site_header(header: Header) -> Html {
    let Header { site, home, theme, on_theme, copy, help_open, on_help } = header;
    html! {
        <>
            <a class="skip-link" href="#main">{ "Skip to entries" }</a>
            <header class="site-header">
                <h1><a href={home}>{ site.title.clone() }</a></h1>
                <p class="tagline">{ site.tagline.clone() }</p>
                <div class="tools needs-app">
                    <button type="button" class="theme-toggle" onclick={on_theme}
                        aria-label={format!("Theme: {} (change)", theme.name())}>{ theme.name() }</button>
                    <button type="button" class="copy-link" onclick={copy.copy_link}>
                        { if copy.link_copied { "Link copied" } else { "Copy link" } }
                    </button>
                    <button type="button" class="copy-embed" onclick={copy.copy_embed}>
                        { if copy.snippet_copied { "Snippet copied" } else { "Embed" } }
                    </button>
                    <button type="button" class="help-toggle" onclick={on_help} aria-label="Keyboard shortcuts"
                        aria-expanded={help_open.to_string()}>{ "?" }</button>
                </div>
            </header>
        </>
    }
}
