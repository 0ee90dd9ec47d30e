//! What a first visit downloads from the release site, raw, gzipped and brotli-compressed.

use std::path::Path;

use crate::compress;
use crate::size::{self, FileWeight};

/// Extensions of the files a first visit fetches: the page, its script, module, styles,
/// bundle, icons and manifest. Everything else (the Atom feed) is fetched by other clients.
const FIRST_VISIT: [&str; 9] = ["html", "js", "wasm", "css", "json", "svg", "png", "ico", "webmanifest"];

/// The site's files a first visit downloads, largest first, and the paths of those it does not.
pub fn first_visit(dist: &Path) -> Result<(Vec<FileWeight>, Vec<String>), String> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for path in compress::files_under(dist)? {
        let rel = path.strip_prefix(dist).unwrap_or(&path).to_string_lossy().into_owned();
        let downloaded = path.extension().and_then(|e| e.to_str()).is_some_and(|e| FIRST_VISIT.contains(&e));
        if downloaded {
            files.push(FileWeight::read(&path, rel)?);
        } else {
            skipped.push(rel);
        }
    }
    files.sort_by(|a, b| b.raw.cmp(&a.raw).then_with(|| a.path.cmp(&b.path)));
    skipped.sort();
    Ok((files, skipped))
}

/// The weights as a Markdown table with a total row, and a note naming the files left out.
pub fn table(files: &[FileWeight], skipped: &[String]) -> String {
    let mut out = size::table(files, "total");
    if !skipped.is_empty() {
        out.push_str(&format!("\nNot downloaded by a visit, so not counted: {}.\n", skipped.join(", ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_what_a_visit_downloads() {
        let dir = std::env::temp_dir().join(format!("xtask-weight-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("icons")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>".repeat(100)).unwrap();
        std::fs::write(dir.join("icons").join("a.png"), [0u8; 10]).unwrap();
        std::fs::write(dir.join("feed.xml"), "<feed/>").unwrap();
        let (files, skipped) = first_visit(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["index.html", "icons/a.png"]);
        assert_eq!(skipped, ["feed.xml"]);
        assert_eq!(files[0].raw, 1500);
        assert!(files[0].gzip < 100 && files[0].brotli < 100);
        assert!(table(&files, &skipped).contains("| **total** | **1.5 KiB** |"));
    }
}
