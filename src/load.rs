//! Fetches the bundle at the site's root (a relative URL, so the site works under any sub-path).

use gloo_net::http::Request;
use learnings_core::site::fingerprint;
use learnings_core::{decode_bundle, Bundle, DecodeError};

/// The bundle's URL relative to the page.
const BUNDLE_URL: &str = "learnings.json";

/// Why the entries could not be loaded; each says what happened in words a reader understands.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The server has no bundle (404).
    Missing,
    /// The server answered with another error status.
    Status(u16),
    /// The request never got an answer (offline, DNS, refused).
    Network(String),
    /// The answer was not a bundle this app can read.
    Decode(DecodeError),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Missing => write!(f, "The entries file ({BUNDLE_URL}) was not found on the server (404)."),
            LoadError::Status(code) => write!(f, "The server answered {code} when asked for the entries."),
            LoadError::Network(detail) => write!(f, "The entries could not be downloaded: a network error ({detail})."),
            LoadError::Decode(error) => write!(f, "The entries could not be read: {error}."),
        }
    }
}

/// Downloads and decodes the bundle; `root` leads from the page to the site's root (`""` or
/// `"../"`, see [`learnings_core::site::Page::root`]). Returns it with its text's
/// [`fingerprint`].
pub async fn fetch_bundle(root: &str) -> Result<(Bundle, String), LoadError> {
    let response =
        Request::get(&format!("{root}{BUNDLE_URL}")).send().await.map_err(|e| LoadError::Network(e.to_string()))?;
    match response.status() {
        200..=299 => {}
        404 => return Err(LoadError::Missing),
        code => return Err(LoadError::Status(code)),
    }
    let text = response.text().await.map_err(|e| LoadError::Network(e.to_string()))?;
    let bundle = decode_bundle(&text).map_err(LoadError::Decode)?;
    Ok((bundle, fingerprint(&text)))
}
