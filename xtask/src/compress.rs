//! Precompressed siblings of the site's text files (`index.html.gz`, `index.html.br`, …), for
//! hosts that send a file's `.br` or `.gz` copy to clients that accept it instead of
//! compressing on every request (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`).

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

/// Extensions of the files worth compressing: text, and the wasm (it compresses like text).
const COMPRESSIBLE: [&str; 9] = ["html", "js", "css", "json", "svg", "xml", "txt", "webmanifest", "wasm"];

/// Brotli's densest setting; the build pays it once for every visit.
const BROTLI_QUALITY: u32 = 11;
const BROTLI_WINDOW: u32 = 22;

/// One compressed file and its sizes; a sibling that would not be smaller is not written.
pub struct Compressed {
    /// Path inside the site.
    pub path: String,
    /// Bytes as stored.
    pub raw: u64,
    /// Bytes of `path.gz` (gzip -9), when written.
    pub gzip: Option<u64>,
    /// Bytes of `path.br` (brotli quality 11), when written.
    pub brotli: Option<u64>,
}

/// Whether `path` is a precompressed sibling rather than a file of the site.
pub fn is_sibling(path: &str) -> bool {
    path.ends_with(".gz") || path.ends_with(".br")
}

/// Writes the `.gz` and `.br` siblings of every compressible file under `dist` and returns
/// their sizes, sorted by path.
pub fn precompress(dist: &Path) -> Result<Vec<Compressed>, String> {
    let mut out = Vec::new();
    for path in files_under(dist)? {
        let rel = path.strip_prefix(dist).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        let compressible = path.extension().and_then(|e| e.to_str()).is_some_and(|e| COMPRESSIBLE.contains(&e));
        if !compressible || is_sibling(&rel) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let gzip = write_if_smaller(&path, "gz", &bytes, gzip(&bytes)?)?;
        let brotli = write_if_smaller(&path, "br", &bytes, brotli(&bytes)?)?;
        out.push(Compressed { path: rel, raw: bytes.len() as u64, gzip, brotli });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// Every file under `dir`, depth first (also what the bench weighs a first visit from).
pub fn files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))? {
            let path = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                found.push(path);
            }
        }
    }
    Ok(found)
}

/// Writes `packed` as `path.<ext>` when it is smaller than `raw`; returns its size if written.
fn write_if_smaller(path: &Path, ext: &str, raw: &[u8], packed: Vec<u8>) -> Result<Option<u64>, String> {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{ext}"));
    let sibling = PathBuf::from(name);
    if packed.len() >= raw.len() {
        return Ok(None);
    }
    std::fs::write(&sibling, &packed).map_err(|e| format!("cannot write {}: {e}", sibling.display()))?;
    Ok(Some(packed.len() as u64))
}

/// `bytes` after gzip -9 (also what the bench weighs).
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).and_then(|_| encoder.finish()).map_err(|e| format!("gzip: {e}"))
}

/// `bytes` after brotli at quality 11 (also what the bench weighs).
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY as i32,
        lgwin: BROTLI_WINDOW as i32,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| format!("brotli: {e}"))?;
    Ok(out)
}

/// The compressed sizes of the files named by `wanted` (a predicate on the path) as a Markdown
/// table, with the share brotli saves over gzip.
pub fn table(files: &[Compressed], wanted: impl Fn(&str) -> bool) -> String {
    let mut out = String::from("| file | raw | gzip -9 | brotli 11 | brotli / gzip |\n|---|---:|---:|---:|---:|\n");
    let size =
        |bytes: Option<u64>| bytes.map_or("not smaller".to_string(), |b| format!("{:.1} KiB", b as f64 / 1024.0));
    for file in files.iter().filter(|f| wanted(&f.path)) {
        let ratio = match (file.gzip, file.brotli) {
            (Some(g), Some(b)) => format!("{:.2}", b as f64 / g as f64),
            _ => "n/a".to_string(),
        };
        out.push_str(&format!(
            "| {} | {:.1} KiB | {} | {} | {ratio} |\n",
            file.path,
            file.raw as f64 / 1024.0,
            size(file.gzip),
            size(file.brotli)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_smaller_siblings_of_text_files_only() {
        let dir = std::env::temp_dir().join(format!("xtask-compress-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("e")).unwrap();
        let page = "<p>the same words again and again</p>".repeat(100);
        std::fs::write(dir.join("e").join("a.html"), &page).unwrap();
        std::fs::write(dir.join("tiny.json"), "{}").unwrap();
        std::fs::write(dir.join("icon.png"), [7u8; 500]).unwrap();
        let files = precompress(&dir).unwrap();
        let again = precompress(&dir).unwrap();
        let gz = std::fs::read(dir.join("e").join("a.html.gz")).unwrap();
        let br = std::fs::read(dir.join("e").join("a.html.br")).unwrap();
        let tiny_has_siblings = dir.join("tiny.json.gz").exists() || dir.join("tiny.json.br").exists();
        let png_has_siblings = dir.join("icon.png.gz").exists();
        std::fs::remove_dir_all(&dir).unwrap();

        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["e/a.html", "tiny.json"]);
        assert_eq!(again.len(), 2, "siblings are not compressed again");
        let mut unpacked = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut unpacked).unwrap();
        assert_eq!(unpacked, page.as_bytes());
        let mut gunzipped = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut gunzipped).unwrap();
        assert_eq!(gunzipped, page);
        assert_eq!(files[0].gzip, Some(gz.len() as u64));
        assert!(!tiny_has_siblings, "a sibling bigger than its file is not written");
        assert!(!png_has_siblings, "images are not compressed");
        assert!(table(&files, |p| p.ends_with(".html")).contains("| e/a.html |"));
    }
}
