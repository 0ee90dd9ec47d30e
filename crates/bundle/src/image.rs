//! Images beside the Markdown: `![alt](media/x.png)` is read relative to the day file, sized,
//! and copied into the build as `media/<hash>.<ext>`, a name that changes whenever the file does.

use std::path::{Component, Path};

use learnings_core::Inline;
use sha2::{Digest, Sha256};

/// The build's folder of images, relative to the site's root.
pub const MEDIA_DIR: &str = "media";

/// The file types an image may have (lower-case extensions).
const EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "avif"];

/// A file to copy into the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Its path in the build, `/`-separated.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// An image an entry shows: its file for the build and what the bundle says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// The file.
    pub asset: Asset,
    /// Its alt text.
    pub alt: String,
    /// Its size in pixels.
    pub width: u32,
    /// Its size in pixels.
    pub height: u32,
}

impl Image {
    /// Reads the image `dest` of the day file `day_file`, or says why it cannot be shown.
    pub fn load(day_file: &Path, dest: &str, alt: String) -> Result<Image, String> {
        let lower = dest.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("//") {
            return Err(format!(
                "remote image `{dest}`: the site only loads images from itself (its Content-Security-Policy \
                 says `img-src 'self'`); save the file beside the Markdown, e.g. `media/`, and link it by \
                 its relative path"
            ));
        }
        if alt.is_empty() {
            return Err(format!("image `{dest}` has no alt text; describe it: `![A diagram of ...]({dest})`"));
        }
        let relative = Path::new(dest);
        if dest.contains(':') || !relative.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(format!(
                "image path `{dest}` must be relative to the Markdown file and stay inside its folder"
            ));
        }
        let extension = relative.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
        if !EXTENSIONS.contains(&extension.as_str()) {
            return Err(format!("image `{dest}` must be one of: {}", EXTENSIONS.join(", ")));
        }
        let path = day_file.parent().unwrap_or(Path::new(".")).join(relative);
        let bytes =
            std::fs::read(&path).map_err(|e| format!("image `{dest}` cannot be read ({}): {e}", path.display()))?;
        let size = imagesize::blob_size(&bytes)
            .map_err(|e| format!("image `{dest}` is not an image whose size can be read: {e}"))?;
        let (width, height) = (u32::try_from(size.width), u32::try_from(size.height));
        let (Ok(width), Ok(height)) = (width, height) else {
            return Err(format!("image `{dest}` is too large"));
        };
        let hash: String = Sha256::digest(&bytes)[..8].iter().map(|b| format!("{b:02x}")).collect();
        let name = format!("{MEDIA_DIR}/{hash}.{extension}");
        Ok(Image { asset: Asset { name, bytes }, alt, width, height })
    }

    /// The image as the bundle carries it.
    pub fn inline(&self) -> Inline {
        Inline::Image { src: self.asset.name.clone(), alt: self.alt.clone(), width: self.width, height: self.height }
    }
}
