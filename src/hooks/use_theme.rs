//! The colour theme: follows the system unless the reader picks one, remembered in
//! localStorage (when storage is available: a sandboxed iframe has none).

use yew::prelude::*;

const STORAGE_KEY: &str = "learnings-theme";

/// The reader's theme choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The name stored and set as `data-theme` on `<html>`.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The next theme in the toggle's cycle.
    pub fn next(self) -> Theme {
        match self {
            Theme::Auto => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Auto,
        }
    }

    /// The theme called `name` (`light`, `dark`; anything else is `auto`).
    pub fn from_name(name: &str) -> Theme {
        match name {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }
}

/// The page's localStorage; none at build time, where the page is rendered for every reader.
fn storage() -> Option<web_sys::Storage> {
    if cfg!(target_arch = "wasm32") {
        gloo_utils::window().local_storage().ok().flatten()
    } else {
        None
    }
}

/// The theme and a callback that sets it. A `preset` (an embedding page's choice) wins over
/// the stored one and is not stored: the reader's own choice stays theirs.
#[hook]
pub fn use_theme(preset: Option<Theme>) -> (Theme, Callback<Theme>) {
    let persist = preset.is_none();
    let theme = use_state(|| {
        preset.unwrap_or_else(|| {
            storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()).map_or(Theme::Auto, |n| Theme::from_name(&n))
        })
    });
    {
        // The app's first render is the page as built (never embedded): a preset can come later.
        let theme = theme.clone();
        use_effect_with(preset, move |preset| {
            if let Some(preset) = preset {
                theme.set(*preset);
            }
        });
    }
    use_effect_with(*theme, move |theme| {
        if let Some(root) = gloo_utils::document().document_element() {
            // Setting an attribute on <html> cannot fail in practice; a failure only loses the theme.
            drop(root.set_attribute("data-theme", theme.name()));
        }
        if let Some(storage) = storage().filter(|_| persist) {
            drop(storage.set_item(STORAGE_KEY, theme.name()));
        }
    });
    let set = {
        let theme = theme.clone();
        Callback::from(move |next| theme.set(next))
    };
    (*theme, set)
}
