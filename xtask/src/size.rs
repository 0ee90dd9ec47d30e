//! What the site's files weigh as a server sends them: raw, gzip -9 (what a compressing server
//! or CDN sends at best with gzip) and brotli 11 (what hosts serving precompressed `.br` files
//! send), computed in pure Rust so that no `gzip` or `brotli` binary is needed.

use std::path::Path;

use crate::compress;

/// One file and its sizes.
pub struct FileWeight {
    /// Path inside the site.
    pub path: String,
    /// Bytes as stored.
    pub raw: u64,
    /// Bytes after gzip at level 9.
    pub gzip: u64,
    /// Bytes after brotli at quality 11.
    pub brotli: u64,
}

impl FileWeight {
    /// Weighs the file at `file`, shown as `path`.
    pub fn read(file: &Path, path: String) -> Result<Self, String> {
        let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        Ok(FileWeight { path, raw: bytes.len() as u64, gzip: gzip_len(&bytes)?, brotli: brotli_len(&bytes)? })
    }
}

/// The weights as a Markdown table with a total row.
pub fn table(files: &[FileWeight], total_label: &str) -> String {
    let mut out = String::from("| file | raw | gzip -9 | brotli 11 |\n|------|----:|--------:|----------:|\n");
    for file in files {
        out.push_str(&format!("| {} | {} | {} | {} |\n", file.path, kib(file.raw), kib(file.gzip), kib(file.brotli)));
    }
    let (raw, gzip, brotli) = total(files);
    out.push_str(&format!("| **{total_label}** | **{}** | **{}** | **{}** |\n", kib(raw), kib(gzip), kib(brotli)));
    out
}

/// Raw, gzip and brotli bytes of `files` together.
pub fn total(files: &[FileWeight]) -> (u64, u64, u64) {
    files.iter().fold((0, 0, 0), |(r, g, b), f| (r + f.raw, g + f.gzip, b + f.brotli))
}

/// `bytes` in KiB with one decimal, and exact below 1 KiB.
pub fn kib(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    }
}

fn gzip_len(bytes: &[u8]) -> Result<u64, String> {
    Ok(compress::gzip(bytes)?.len() as u64)
}

fn brotli_len(bytes: &[u8]) -> Result<u64, String> {
    Ok(compress::brotli(bytes)?.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_shrink_repetitive_text_and_brotli_more() {
        let text = "<li class=\"entry\">A short entry</li>\n".repeat(200);
        let (gzip, brotli) = (gzip_len(text.as_bytes()).unwrap(), brotli_len(text.as_bytes()).unwrap());
        assert!(gzip < text.len() as u64 / 10, "gzip {gzip}");
        assert!(brotli <= gzip, "brotli {brotli}, gzip {gzip}");
    }
}
