//! Links to an entry's own page. Without the app (or opened in a new tab) they are plain links
//! to `e/<id>.html`; with the app a click opens the entry in place instead.

use learnings_core::site::entry_path;
use yew::prelude::*;

/// What links need to know about the page they are on, provided by the root component.
#[derive(Clone, PartialEq)]
pub struct SiteLinks {
    /// From the page to the site's root: `""` or `"../"`.
    pub root: &'static str,
    /// Opens the entry with this id in the app.
    pub open: Callback<String>,
}

impl SiteLinks {
    /// The link to the home page from this page.
    pub fn home(&self) -> &'static str {
        if self.root.is_empty() {
            "./"
        } else {
            self.root
        }
    }
}

/// Props of [`EntryLink`].
#[derive(Properties, PartialEq)]
pub struct EntryLinkProps {
    /// The entry's id.
    pub id: AttrValue,
    /// Classes of the `<a>`.
    #[prop_or_default]
    pub class: Classes,
    /// The link's relation (`prev`, `next`).
    #[prop_or_default]
    pub rel: Option<AttrValue>,
    /// The link's content.
    pub children: Html,
}

/// `<a href="e/<id>.html">`, relative to the page.
#[component]
pub fn EntryLink(props: &EntryLinkProps) -> Html {
    let site = use_context::<SiteLinks>();
    let root = site.as_ref().map_or("", |s| s.root);
    let onclick = site.map(|site| {
        let id = props.id.to_string();
        Callback::from(move |e: MouseEvent| {
            // Modified and middle clicks keep their meaning: a new tab or window gets the page.
            if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
                e.prevent_default();
                site.open.emit(id.clone());
            }
        })
    });
    html! {
        <a class={props.class.clone()} href={format!("{root}{}", entry_path(&props.id))} rel={props.rel.clone()} {onclick}>
            { props.children.clone() }
        </a>
    }
}
