//! What a first visit downloads from the release site, raw and gzipped.

use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

/// Extensions of the files a first visit fetches: the page, its script, module, styles,
/// bundle, icons and manifest. Everything else (the Atom feed) is fetched by other clients.
const FIRST_VISIT: [&str; 9] = ["html", "js", "wasm", "css", "json", "svg", "png", "ico", "webmanifest"];

/// One downloaded file and its size.
pub struct FileWeight {
    /// Path inside the site.
    pub path: String,
    /// Bytes as stored.
    pub raw: u64,
    /// Bytes after gzip at level 9, what a compressing server sends at best with gzip.
    pub gzip: u64,
}

/// The site's files a first visit downloads, largest first, and the paths of those it does not.
pub fn first_visit(dist: &Path) -> Result<(Vec<FileWeight>, Vec<String>), String> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    walk(dist, dist, &mut |path, rel| {
        let downloaded = path.extension().and_then(|e| e.to_str()).is_some_and(|e| FIRST_VISIT.contains(&e));
        if !downloaded {
            skipped.push(rel);
            return Ok(());
        }
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        files.push(FileWeight { path: rel, raw: bytes.len() as u64, gzip: gzip_len(&bytes)? });
        Ok(())
    })?;
    files.sort_by(|a, b| b.raw.cmp(&a.raw).then_with(|| a.path.cmp(&b.path)));
    skipped.sort();
    Ok((files, skipped))
}

/// Calls `visit` with every file under `dir` and its path relative to `base`.
fn walk(base: &Path, dir: &Path, visit: &mut dyn FnMut(&Path, String) -> Result<(), String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?.path();
        if path.is_dir() {
            walk(base, &path, visit)?;
        } else {
            let rel = path.strip_prefix(base).unwrap_or(&path).to_string_lossy().into_owned();
            visit(&path, rel)?;
        }
    }
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> Result<u64, String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|_| encoder.finish())
        .map(|out| out.len() as u64)
        .map_err(|e| format!("gzip: {e}"))
}

/// The weights as a Markdown table with a total row, and a note naming the files left out.
pub fn table(files: &[FileWeight], skipped: &[String]) -> String {
    let mut out = String::from("| file | raw | gzip -9 |\n|------|----:|--------:|\n");
    for file in files {
        out.push_str(&format!("| {} | {} | {} |\n", file.path, kib(file.raw), kib(file.gzip)));
    }
    let (raw, gzip) = files.iter().fold((0, 0), |(r, g), f| (r + f.raw, g + f.gzip));
    out.push_str(&format!("| **total** | **{}** | **{}** |\n", kib(raw), kib(gzip)));
    if !skipped.is_empty() {
        out.push_str(&format!("\nNot downloaded by a visit, so not counted: {}.\n", skipped.join(", ")));
    }
    out
}

/// `bytes` in KiB with one decimal, and exact below 1 KiB.
fn kib(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    }
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
        assert!(files[0].gzip < 100);
        assert!(table(&files, &skipped).contains("| **total** | **1.5 KiB** |"));
    }
}
