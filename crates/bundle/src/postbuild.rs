//! After Trunk's build (`[[hooks]] stage = "post_build"` in Trunk.toml), the two things only the
//! finished build can provide:
//!
//! - a Content-Security-Policy `<meta>` in every page (`index.html` and the prerendered `m/`
//!   and `e/` pages) that allows its inline scripts (Trunk's module loader) by their SHA-256
//!   hashes, so the policy needs no `'unsafe-inline'`; the page's preload links go first, before
//!   the policy: Chromium's preload scanner holds back every request it finds after a policy
//!   `<meta>` until the parser has applied it, which on a slow phone delays the wasm by a few
//!   hundred milliseconds (the preloads are of the site's own files, which the policy allows);
//! - the service worker's precache list: every file of the build a reader's visit may need,
//!   with its SHA-256 as a Subresource Integrity string, embedded into `sw.js` (the browser
//!   notices a new build by comparing `sw.js` byte for byte, so the list has to live in it). The
//!   list's own hash is the cache's version.
//!
//! The output is deterministic and the tool is idempotent: run again on its own output it changes
//! nothing, so a changed build can be made by rerunning it after the bundle builder.

use std::fs;
use std::path::Path;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::Error;

/// The page Trunk builds; its inline loader script is what the policy hashes.
pub const INDEX_FILE: &str = "index.html";
/// The service worker; it holds the precache list, so it is the one file not in it.
pub const SW_FILE: &str = "sw.js";
/// The entry pages' directory: one page per entry is too many to precache (the worker caches
/// them as they are visited), but for its shell, which stands in for any page not yet cached.
pub const ENTRY_DIR: &str = "e/";
/// The stand-in for entry pages the worker has not cached (written by `learnings-render`).
pub const ENTRY_SHELL: &str = "e/_shell.html";
/// Files for other clients than a reader's browser (feed readers, crawlers), and the stylesheet
/// of pages without JavaScript (where no service worker runs): never precached, so that a first
/// visit does not download them.
const NOT_PRECACHED: [&str; 4] = ["feed.xml", "nojs.css", "robots.txt", "sitemap.xml"];
/// The line of `sw.js` that the precache list replaces (everything after it on that line).
const PRECACHE_LINE: &str = "const PRECACHE = ";
/// How the policy `<meta>` starts, on its own line: found again to replace it on a rerun.
const CSP_META_START: &str = "\n  <meta http-equiv=\"Content-Security-Policy\" content=\"";

/// One file the service worker precaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrecacheFile {
    /// Path relative to the site root, `/`-separated: also its URL relative to the worker's scope.
    pub url: String,
    /// `sha256-<base64>`: the worker fetches with it, so a file of another build is refused.
    pub integrity: String,
}

/// The precache list embedded into `sw.js`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Precache {
    /// Hash of the file list: names the cache, so every build gets its own.
    pub version: String,
    /// Every file of the build but `sw.js`, hidden ones, entry pages and [`NOT_PRECACHED`],
    /// sorted by URL.
    pub files: Vec<PrecacheFile>,
}

/// Rewrites every page with its policy, then embeds the precache list into `sw.js`.
pub fn run(dir: &Path) -> Result<Precache, Error> {
    let mut files = Vec::new();
    collect(dir, "", &mut files)?;
    for page in files.iter().filter(|f| f.url.ends_with(".html")) {
        let path = dir.join(&page.url);
        let html = read_text(&path)?;
        let html = with_csp(&html).map_err(|message| Error::file(&path, message))?;
        fs::write(&path, html).map_err(|e| Error::file(&path, format!("cannot write: {e}")))?;
    }
    if !files.iter().any(|f| f.url == INDEX_FILE) {
        return Err(Error::file(&dir.join(INDEX_FILE), "cannot read: the build has no index.html"));
    }
    // Hashed after the policy went in, as the worker will fetch them.
    let mut kept = Vec::new();
    for file in files {
        if file.url.starts_with(ENTRY_DIR) && file.url != ENTRY_SHELL || NOT_PRECACHED.contains(&file.url.as_str()) {
            continue;
        }
        let path = dir.join(&file.url);
        let bytes = fs::read(&path).map_err(|e| Error::file(&path, format!("cannot read: {e}")))?;
        kept.push(PrecacheFile { integrity: integrity(&bytes), ..file });
    }
    let precache = precache(kept);

    let sw = dir.join(SW_FILE);
    let script = read_text(&sw)?;
    let script = embed(&script, &precache).map_err(|message| Error::file(&sw, message))?;
    fs::write(&sw, script).map_err(|e| Error::file(&sw, format!("cannot write: {e}")))?;
    Ok(precache)
}

fn read_text(path: &Path) -> Result<String, Error> {
    fs::read_to_string(path).map_err(|e| Error::file(path, format!("cannot read: {e}")))
}

/// Whether `name` is a precompressed copy of another file (`index.html.gz`, `….br`): those are
/// written after this step (`cargo xtask build`), from the final files, for hosts that serve them.
fn is_precompressed(name: &str) -> bool {
    name.ends_with(".gz") || name.ends_with(".br")
}

/// Adds every file under `dir` (URL prefix `prefix`) to `out`, but `sw.js` and hidden files;
/// their integrity is filled in later. Precompressed copies are not the site's own files, and
/// would be stale once this step rewrites their originals: they are deleted (the build writes
/// them again).
fn collect(dir: &Path, prefix: &str, out: &mut Vec<PrecacheFile>) -> Result<(), Error> {
    let entries = fs::read_dir(dir).map_err(|e| Error::file(dir, format!("cannot list: {e}")))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::file(dir, format!("cannot list: {e}")))?;
        let path = entry.path();
        let name = entry.file_name();
        // Hidden entries (Trunk's `.stage` left by an interrupted build) are not the site's.
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let name = name.to_str().filter(|n| is_url_safe(n)).ok_or_else(|| {
            Error::file(&path, "cannot precache a file whose name is not plain ASCII letters, digits, `.`, `-` or `_`")
        })?;
        let url = format!("{prefix}{name}");
        let kind = entry.file_type().map_err(|e| Error::file(&path, format!("cannot stat: {e}")))?;
        if !kind.is_dir() && is_precompressed(name) {
            fs::remove_file(&path).map_err(|e| Error::file(&path, format!("cannot delete a stale copy: {e}")))?;
        } else if kind.is_dir() {
            collect(&path, &format!("{url}/"), out)?;
        } else if url != SW_FILE {
            out.push(PrecacheFile { url, integrity: String::new() });
        }
    }
    Ok(())
}

/// Names that need no percent-encoding in a URL, so the list's URLs are the file names as they are.
fn is_url_safe(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

/// `sha256-<base64>`, the form both Subresource Integrity and CSP source hashes use.
fn integrity(bytes: &[u8]) -> String {
    format!("sha256-{}", BASE64.encode(Sha256::digest(bytes)))
}

/// Sorts the files and names the list by its hash.
pub fn precache(mut files: Vec<PrecacheFile>) -> Precache {
    files.sort_by(|a, b| a.url.cmp(&b.url));
    let mut hasher = Sha256::new();
    for file in &files {
        hasher.update(file.url.as_bytes());
        hasher.update(b"\n");
        hasher.update(file.integrity.as_bytes());
        hasher.update(b"\n");
    }
    let version = hasher.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
    Precache { version, files }
}

/// Replaces the `const PRECACHE = …` line of the worker's script with the list.
pub fn embed(script: &str, precache: &Precache) -> Result<String, String> {
    let json = serde_json::to_string(precache).map_err(|e| format!("cannot encode the precache list: {e}"))?;
    let mut found = 0;
    let mut out = String::with_capacity(script.len() + json.len());
    for line in script.split_inclusive('\n') {
        if line.starts_with(PRECACHE_LINE) {
            found += 1;
            out.push_str(&format!("{PRECACHE_LINE}{json};"));
            if line.ends_with('\n') {
                out.push('\n');
            }
        } else {
            out.push_str(line);
        }
    }
    match found {
        1 => Ok(out),
        0 => Err(format!("no line starts with `{PRECACHE_LINE}` to put the precache list on")),
        n => Err(format!("{n} lines start with `{PRECACHE_LINE}`; keep exactly one")),
    }
}

/// The URLs of the precache list [`embed`] put into `script` (a built `sw.js`), in its order.
pub fn embedded_urls(script: &str) -> Result<Vec<String>, String> {
    let line = script
        .lines()
        .find_map(|line| line.strip_prefix(PRECACHE_LINE))
        .ok_or_else(|| format!("no line starts with `{PRECACHE_LINE}`"))?;
    let list: serde_json::Value = serde_json::from_str(line.trim_end_matches(';'))
        .map_err(|e| format!("the precache list is not JSON (is this a release build?): {e}"))?;
    let files = list["files"].as_array().ok_or("the precache list has no `files`")?;
    files
        .iter()
        .map(|f| f["url"].as_str().map(str::to_string).ok_or_else(|| "a precached file has no `url`".into()))
        .collect()
}

/// The policy: same-origin everything, WebAssembly compilation, and the inline scripts by hash.
pub fn policy(script_hashes: &[String]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        script_src.push_str(&format!(" '{hash}'"));
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; img-src 'self' data:; connect-src 'self'; \
         manifest-src 'self'; worker-src 'self'; base-uri 'self'; form-action 'none'"
    )
}

/// `html` with its preload links right after `<meta charset>`, then the policy `<meta>` (before
/// anything it governs), replacing the one an earlier run put there.
pub fn with_csp(html: &str) -> Result<String, String> {
    let html = without_csp(html);
    let hashes = inline_script_hashes(&html)?;
    let lower = html.to_ascii_lowercase();
    let charset =
        lower.find("<meta charset").ok_or("no `<meta charset=…>` to put the Content-Security-Policy after")?;
    let at =
        lower[charset..].find('>').map(|end| charset + end + 1).ok_or("the `<meta charset` tag is never closed")?;
    let (preloads, rest) = take_preloads(&html[at..])?;
    Ok(format!("{}{preloads}{CSP_META_START}{}\">{rest}", &html[..at], policy(&hashes)))
}

/// The preload links of the head that starts `html` (`rel="preload"` and `rel="modulepreload"`,
/// Trunk's and index.html's), each on its own line, and `html` without them (nor the whitespace
/// before each).
fn take_preloads(html: &str) -> Result<(String, String), String> {
    let head_end = html.to_ascii_lowercase().find("</head").unwrap_or(html.len());
    let (head, body) = html.split_at(head_end);
    let (mut preloads, mut rest) = (String::new(), String::new());
    let mut from = 0;
    for (start, _) in head.match_indices("<link ") {
        let end = head[start..].find('>').map(|i| start + i + 1).ok_or("a <link> tag is never closed")?;
        let tag = &head[start..end];
        if start >= from && (tag.contains(" rel=\"preload\"") || tag.contains(" rel=\"modulepreload\"")) {
            rest.push_str(head[from..start].trim_end_matches([' ', '\n']));
            preloads.push_str(&format!("\n  {tag}"));
            from = end;
        }
    }
    rest.push_str(&head[from..]);
    rest.push_str(body);
    Ok((preloads, rest))
}

fn without_csp(html: &str) -> String {
    let Some(start) = html.find(CSP_META_START) else { return html.to_string() };
    match html[start..].find('>') {
        Some(end) => format!("{}{}", &html[..start], &html[start + end + 1..]),
        None => html.to_string(),
    }
}

/// The CSP hash of each inline `<script>` (one without `src`), in document order.
pub fn inline_script_hashes(html: &str) -> Result<Vec<String>, String> {
    // ASCII lowercasing keeps byte offsets, so positions found in `lower` index `html`.
    let lower = html.to_ascii_lowercase();
    let mut hashes = Vec::new();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<script") {
        let start = from + found;
        let after_name = start + "<script".len();
        from = after_name;
        if !lower[after_name..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace()) {
            continue;
        }
        let open_end = lower[after_name..]
            .find('>')
            .map(|i| after_name + i)
            .ok_or_else(|| format!("the <script> tag at byte {start} is never closed"))?;
        let close = lower[open_end..]
            .find("</script")
            .map(|i| open_end + i)
            .ok_or_else(|| format!("the <script> at byte {start} has no </script>"))?;
        let has_src = lower[after_name..open_end].split_ascii_whitespace().any(|a| a == "src" || a.starts_with("src="));
        if !has_src {
            hashes.push(integrity(&html.as_bytes()[open_end + 1..close]));
        }
        from = close;
    }
    Ok(hashes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html>\n<html>\n<head>\n  <meta charset=\"utf-8\">\n  <title>t</title>\n\
                        <script type=\"module\">alert(1)</script>\n<script src=\"./x.js\"></script>\n</head>\n</html>\n";
    /// `printf 'alert(1)' | openssl dgst -sha256 -binary | base64`
    const ALERT_HASH: &str = "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=";

    #[test]
    fn hashes_inline_scripts_only() {
        assert_eq!(inline_script_hashes(PAGE), Ok(vec![ALERT_HASH.to_string()]));
    }

    #[test]
    fn an_unclosed_script_is_an_error() {
        assert!(inline_script_hashes("<script>alert(1)").is_err());
    }

    #[test]
    fn the_policy_follows_the_charset_and_allows_the_loader_by_hash() {
        let html = with_csp(PAGE).expect("a page with a charset");
        let expected = format!(
            "<meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; \
             script-src 'self' 'wasm-unsafe-eval' '{ALERT_HASH}'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'self'; form-action 'none'\">\n  <title>"
        );
        assert!(html.contains(&expected), "{html}");
        assert!(!html.contains("unsafe-inline"));
    }

    #[test]
    fn adding_the_policy_twice_changes_nothing() {
        let once = with_csp(PAGE).expect("a page with a charset");
        assert_eq!(with_csp(&once).as_ref(), Ok(&once));
    }

    #[test]
    fn preloads_come_first_and_stay_there_on_a_rerun() {
        let page = PAGE.replace(
            "</script>\n</head>",
            "</script>\n<link rel=\"modulepreload\" href=\"./x.js\"><link rel=\"preload\" href=\"./x_bg.wasm\" as=\"fetch\"></head>",
        );
        let once = with_csp(&page).expect("a page with a charset");
        let expected = "<meta charset=\"utf-8\">\n  <link rel=\"modulepreload\" href=\"./x.js\">\n  \
                        <link rel=\"preload\" href=\"./x_bg.wasm\" as=\"fetch\">\n  <meta http-equiv=\"Content-Security-Policy\"";
        assert!(once.contains(expected), "{once}");
        assert!(once.contains("<script src=\"./x.js\"></script></head>"), "{once}");
        assert_eq!(with_csp(&once).as_ref(), Ok(&once));
    }

    #[test]
    fn a_page_without_charset_is_an_error() {
        assert!(with_csp("<html><head></head></html>").is_err());
    }

    fn file(url: &str, integrity: &str) -> PrecacheFile {
        PrecacheFile { url: url.into(), integrity: integrity.into() }
    }

    #[test]
    fn the_version_depends_on_every_file_not_on_order() {
        let a = precache(vec![file("b.js", "sha256-1"), file("a.css", "sha256-2")]);
        let b = precache(vec![file("a.css", "sha256-2"), file("b.js", "sha256-1")]);
        let c = precache(vec![file("a.css", "sha256-2"), file("b.js", "sha256-3")]);
        assert_eq!(a, b);
        assert_eq!(a.files[0].url, "a.css");
        assert_eq!(a.version.len(), 16);
        assert_ne!(a.version, c.version);
    }

    #[test]
    fn embedding_replaces_the_marked_line_and_can_be_repeated() {
        let script = "// w\nconst PRECACHE = { version: 'unbuilt', files: [] };\nuse(PRECACHE);\n";
        let list = precache(vec![file("index.html", "sha256-x")]);
        let once = embed(script, &list).expect("a marked line");
        let expected = format!(
            "// w\nconst PRECACHE = {{\"version\":\"{}\",\"files\":[{{\"url\":\"index.html\",\"integrity\":\"sha256-x\"}}]}};\nuse(PRECACHE);\n",
            list.version
        );
        assert_eq!(once, expected);
        assert_eq!(embed(&once, &list).as_ref(), Ok(&once));
        assert_eq!(embedded_urls(&once), Ok(vec!["index.html".to_string()]));
        assert!(embedded_urls(script).is_err(), "the unbuilt worker has no list");
    }

    #[test]
    fn embedding_needs_exactly_one_marked_line() {
        let list = precache(Vec::new());
        assert!(embed("self.x = 1;\n", &list).is_err());
        assert!(embed("const PRECACHE = 1;\nconst PRECACHE = 2;\n", &list).is_err());
    }

    #[test]
    fn run_lists_every_file_a_reader_needs_and_is_idempotent() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let root = dir.path();
        fs::write(root.join(INDEX_FILE), PAGE).expect("write index");
        fs::write(root.join(SW_FILE), "const PRECACHE = null;\n").expect("write sw");
        fs::write(root.join("learnings.json"), "{}").expect("write bundle");
        fs::write(root.join("feed.xml"), "<feed/>").expect("write feed");
        fs::write(root.join("robots.txt"), "").expect("write robots");
        fs::create_dir(root.join("icons")).expect("mkdir");
        fs::write(root.join("icons").join("icon-192.png"), [1, 2, 3]).expect("write icon");
        fs::create_dir(root.join(".stage")).expect("mkdir");
        fs::write(root.join(".stage").join("index.html"), "").expect("write a leftover");
        fs::create_dir(root.join("e")).expect("mkdir");
        fs::write(root.join("e").join("some-entry.html"), PAGE).expect("write an entry page");
        fs::write(root.join("e").join("_shell.html"), PAGE).expect("write the shell");
        fs::write(root.join("index.html.gz"), [31, 139]).expect("write a precompressed copy");
        fs::write(root.join("e").join("some-entry.html.br"), [1]).expect("write a precompressed copy");

        let first = run(root).expect("a complete build");
        let urls: Vec<&str> = first.files.iter().map(|f| f.url.as_str()).collect();
        assert_eq!(urls, ["e/_shell.html", "icons/icon-192.png", "index.html", "learnings.json"]);
        assert!(!root.join("index.html.gz").exists(), "a copy of the page before its policy is stale");
        assert!(!root.join("e").join("some-entry.html.br").exists());
        let entry_page = fs::read_to_string(root.join("e").join("some-entry.html")).expect("read a page");
        assert!(entry_page.contains(ALERT_HASH), "every page gets its policy");
        let index = fs::read_to_string(root.join(INDEX_FILE)).expect("read index");
        let sw = fs::read_to_string(root.join(SW_FILE)).expect("read sw");
        assert!(index.contains(ALERT_HASH));
        assert!(sw.contains(&first.version));

        assert_eq!(run(root).expect("a second run"), first);
        assert_eq!(fs::read_to_string(root.join(INDEX_FILE)).expect("read index"), index);
        assert_eq!(fs::read_to_string(root.join(SW_FILE)).expect("read sw"), sw);

        fs::write(root.join("learnings.json"), "{\"changed\":1}").expect("write bundle");
        assert_ne!(run(root).expect("a changed build").version, first.version);
    }

    #[test]
    fn names_that_need_encoding_are_refused() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        fs::write(dir.path().join(INDEX_FILE), PAGE).expect("write index");
        fs::write(dir.path().join(SW_FILE), "const PRECACHE = null;\n").expect("write sw");
        fs::write(dir.path().join("a b.css"), "").expect("write file");
        let error = run(dir.path()).expect_err("a name with a space").to_string();
        assert!(error.contains("a b.css"), "{error}");
    }
}
