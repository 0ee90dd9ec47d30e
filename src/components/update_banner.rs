//! The "new version" notice: the service worker keeps serving the build the page was loaded
//! with, so the reader is told when a new one is ready and switches with one click.

use yew::prelude::*;

/// Props of [`UpdateBanner`].
#[derive(Properties, PartialEq)]
pub struct UpdateBannerProps {
    /// Whether a new build is waiting.
    pub available: bool,
    /// Switches to the new build and reloads.
    pub on_reload: Callback<()>,
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
            }
        </div>
    }
}
