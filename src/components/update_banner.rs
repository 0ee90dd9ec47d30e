//! The "new version" notice: the service worker keeps serving the build the page was loaded
//! with, so the reader is told when a new one is ready and switches with one click. Offline,
//! the same corner says how old the content is.

use yew::prelude::*;

/// Props of [`UpdateBanner`].
#[derive(Properties, PartialEq)]
pub struct UpdateBannerProps {
    /// Whether a new build is waiting.
    pub available: bool,
    /// Switches to the new build and reloads.
    pub on_reload: Callback<()>,
    /// Offline: the day of the newest entry the page has, to say how old its content is.
    #[prop_or_default]
    pub offline_as_of: Option<AttrValue>,
}

/// A status region, always in the page so screen readers announce the notice when it appears.
#[component]
pub fn UpdateBanner(props: &UpdateBannerProps) -> Html {
    let onclick = props.on_reload.reform(|_: MouseEvent| ());
    html! {
        <div class="update-banner" role="status">
            if props.available {
                <p>{ "A new version is available" }</p>
                <button type="button" {onclick}>{ "Reload" }</button>
            } else if let Some(day) = &props.offline_as_of {
                <p class="offline-note">{ format!("Offline: content as of {day}") }</p>
            }
        </div>
    }
}
