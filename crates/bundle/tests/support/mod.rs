//! What the bundle's integration tests share: building a content directory, with every error
//! in the failure message.

use std::path::Path;

use learnings_bundle::build::Output;
use learnings_core::SiteInfo;

/// Builds the content directory at `dir` (relative to this crate) for `site`, failing the test
/// with every error the build reports.
pub fn build(dir: &str, site: &SiteInfo) -> Output {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    learnings_bundle::build(&dir, site).unwrap_or_else(|errors| {
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{} does not build:\n{}", dir.display(), messages.join("\n"))
    })
}
