//! What a first visit to the home page downloads from the release site, raw, gzipped and
//! brotli-compressed: the service worker and the files it precaches, which hold everything the
//! page itself fetches (the page, its js, wasm and css, the bundle, the icons and manifest).
//! The rest of dist/ (entry pages, the feed, the precompressed siblings) is named, not counted.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use learnings_bundle::postbuild::{self, SW_FILE};

use crate::compress;
use crate::size::{self, FileWeight};

/// The files a first visit downloads, largest first, and a summary of those it does not: a
/// folder's files as `folder/ (n files)`.
pub fn first_visit(dist: &Path) -> Result<(Vec<FileWeight>, Vec<String>), String> {
    let sw = dist.join(SW_FILE);
    let script = std::fs::read_to_string(&sw).map_err(|e| format!("cannot read {}: {e}", sw.display()))?;
    let mut wanted: BTreeSet<String> =
        postbuild::embedded_urls(&script).map_err(|e| format!("{}: {e}", sw.display()))?.into_iter().collect();
    wanted.insert(SW_FILE.to_string());
    let mut files = Vec::new();
    let mut skipped = BTreeMap::<String, usize>::new();
    for path in compress::files_under(dist)? {
        let rel = path.strip_prefix(dist).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        if wanted.remove(&rel) {
            files.push(FileWeight::read(&path, rel)?);
        } else if !compress::is_sibling(&rel) {
            let group = rel.split_once('/').map_or(rel.clone(), |(folder, _)| format!("{folder}/"));
            *skipped.entry(group).or_default() += 1;
        }
    }
    if let Some(missing) = wanted.first() {
        return Err(format!("{} precaches {missing}, which is not in {}", sw.display(), dist.display()));
    }
    files.sort_by(|a, b| b.raw.cmp(&a.raw).then_with(|| a.path.cmp(&b.path)));
    let skipped = skipped
        .into_iter()
        .map(|(group, n)| if group.ends_with('/') { format!("{group} ({n} files)") } else { group })
        .collect();
    Ok((files, skipped))
}

/// The weights as a Markdown table with a total row, and a note naming the files left out.
pub fn table(files: &[FileWeight], skipped: &[String]) -> String {
    let mut out = size::table(files, "total");
    if !skipped.is_empty() {
        out.push_str(&format!(
            "\nThe service worker and its precache list (what a first visit to the home page downloads; the page \
             itself fetches a part of it). Not downloaded by that visit, so not counted: {}.\n",
            skipped.join(", ")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_worker_and_what_it_precaches() {
        let dir = tempfile::tempdir().unwrap();
        let dist = dir.path();
        std::fs::create_dir_all(dist.join("icons")).unwrap();
        std::fs::create_dir_all(dist.join("e")).unwrap();
        std::fs::write(dist.join("index.html"), "<!doctype html>".repeat(100)).unwrap();
        std::fs::write(dist.join("index.html.gz"), [31, 139]).unwrap();
        std::fs::write(dist.join("icons").join("a.png"), [0u8; 10]).unwrap();
        std::fs::write(dist.join("e").join("x.html"), "x").unwrap();
        std::fs::write(dist.join("e").join("y.html"), "y").unwrap();
        std::fs::write(dist.join("feed.xml"), "<feed/>").unwrap();
        let list = postbuild::precache(vec![
            postbuild::PrecacheFile { url: "index.html".into(), integrity: String::new() },
            postbuild::PrecacheFile { url: "icons/a.png".into(), integrity: String::new() },
        ]);
        let sw = postbuild::embed("const PRECACHE = null;\n", &list).unwrap();
        std::fs::write(dist.join(SW_FILE), sw).unwrap();
        let (files, skipped) = first_visit(dist).unwrap();
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["index.html", "sw.js", "icons/a.png"]);
        assert_eq!(skipped, ["e/ (2 files)", "feed.xml"]);
        assert_eq!(files[0].raw, 1500);
        assert!(files[0].gzip < 100 && files[0].brotli < 100);
        assert!(table(&files, &skipped).contains("feed.xml"));
    }

    #[test]
    fn a_precached_file_missing_from_dist_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let list =
            postbuild::precache(vec![postbuild::PrecacheFile { url: "gone.css".into(), integrity: String::new() }]);
        std::fs::write(dir.path().join(SW_FILE), postbuild::embed("const PRECACHE = null;\n", &list).unwrap()).unwrap();
        let error = first_visit(dir.path()).err().unwrap();
        assert!(error.contains("gone.css"), "{error}");
    }
}
