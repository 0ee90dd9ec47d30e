//! Assembles the bundle from a content directory and writes it, all or nothing.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use learnings_core::{Bundle, Day, Entry, SiteInfo, SCHEMA_VERSION};

use crate::error::Error;
use crate::feed::atom_feed;
use crate::highlight::Highlighter;
use crate::image::Asset;
use crate::markdown::{parse_day, DayFile};
use crate::slug::slug;

/// The bundle's file name in the output directory; the app fetches it by this relative URL.
pub const BUNDLE_FILE: &str = "learnings.json";
/// The feed's file name in the output directory.
pub const FEED_FILE: &str = "feed.xml";

/// What one build produces, before anything is written.
pub struct Output {
    /// The bundle.
    pub bundle: Bundle,
    /// The bundle as JSON text.
    pub json: String,
    /// The Atom feed.
    pub feed: String,
    /// The images the entries show, each once, sorted by name.
    pub assets: Vec<Asset>,
}

/// Reads every `*.md` file in `content_dir` and builds the bundle (carrying `site`) and feed;
/// every file with a problem contributes one error.
pub fn build(content_dir: &Path, site: &SiteInfo) -> Result<Output, Vec<Error>> {
    let files = markdown_files(content_dir).map_err(|e| vec![e])?;
    let highlighter = Highlighter::default();
    let mut days = Vec::new();
    let mut errors = Vec::new();
    for path in &files {
        let parsed = fs::read(path)
            .map_err(|e| Error::file(path, format!("cannot read: {e}")))
            .and_then(|bytes| parse_day(path, &bytes, &highlighter));
        match parsed {
            Ok(day) => days.push((path.clone(), day)),
            Err(e) => errors.push(e),
        }
    }
    if files.is_empty() {
        errors.push(Error::file(content_dir, "no day files (YYYY-MM-DD.md) found"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut assets: Vec<Asset> = days.iter_mut().flat_map(|(_, day)| std::mem::take(&mut day.assets)).collect();
    assets.sort_by(|a, b| a.name.cmp(&b.name));
    assets.dedup_by(|a, b| a.name == b.name);
    let bundle = assemble(site, days)?;
    let json = serde_json::to_string(&bundle)
        .map_err(|e| vec![Error::file(content_dir, format!("cannot encode the bundle: {e}"))])?;
    let feed = atom_feed(&bundle);
    Ok(Output { bundle, json, feed, assets })
}

/// Orders days newest first, gives each entry its id and rejects duplicate ids.
fn assemble(site: &SiteInfo, mut days: Vec<(PathBuf, DayFile)>) -> Result<Bundle, Vec<Error>> {
    days.sort_by(|a, b| b.1.date.cmp(&a.1.date));
    let mut seen: HashMap<String, (PathBuf, usize)> = HashMap::new();
    let mut errors = Vec::new();
    let mut bundle =
        Bundle { schema_version: SCHEMA_VERSION, site: site.clone(), days: Vec::new(), entries: Vec::new() };
    for (path, day) in days {
        bundle.days.push(Day { date: day.date.clone(), count: day.entries.len() as u32 });
        for parsed in day.entries {
            let id = slug(&parsed.question);
            if id.is_empty() {
                errors.push(Error::at(&path, parsed.line, "the question has no letters or digits to make an id from"));
            } else if let Some((other, line)) = seen.get(&id) {
                errors.push(Error::at(
                    &path,
                    parsed.line,
                    format!(
                        "duplicate id `{id}`: the question gives the same id as {}:{line}; reword one of them",
                        other.display()
                    ),
                ));
            } else {
                seen.insert(id.clone(), (path.clone(), parsed.line));
            }
            bundle.entries.push(Entry {
                id,
                day: day.date.clone(),
                question: parsed.question,
                question_inlines: parsed.question_inlines,
                answer: parsed.answer,
                sources: parsed.sources,
            });
        }
    }
    if errors.is_empty() {
        Ok(bundle)
    } else {
        Err(errors)
    }
}

/// The day files of `dir`, sorted by name.
fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let read = fs::read_dir(dir).map_err(|e| Error::file(dir, format!("cannot read the content directory: {e}")))?;
    let mut files = Vec::new();
    for item in read {
        let path = item.map_err(|e| Error::file(dir, format!("cannot list the content directory: {e}")))?.path();
        if path.extension().is_some_and(|e| e == "md") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Writes the images, then the bundle and feed into `out_dir`, each through a temporary file
/// renamed into place, so a reader never sees a half-written file or a bundle naming an image
/// not yet there, and a failed build leaves old output untouched.
pub fn write(output: &Output, out_dir: &Path) -> Result<(), Error> {
    let assets = output.assets.iter().map(|asset| (asset.name.as_str(), asset.bytes.as_slice()));
    let texts = [(BUNDLE_FILE, output.json.as_bytes()), (FEED_FILE, output.feed.as_bytes())];
    for (name, bytes) in assets.chain(texts) {
        let target = out_dir.join(name);
        let dir = target.parent().unwrap_or(out_dir);
        fs::create_dir_all(dir).map_err(|e| Error::file(dir, format!("cannot create the output directory: {e}")))?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir)
            .map_err(|e| Error::file(dir, format!("cannot create a temporary file: {e}")))?;
        tmp.write_all(bytes).map_err(|e| Error::file(&target, format!("cannot write: {e}")))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // Temporary files are private; the site's files must be readable by a web server.
            tmp.as_file()
                .set_permissions(fs::Permissions::from_mode(0o644))
                .map_err(|e| Error::file(&target, format!("cannot set permissions: {e}")))?;
        }
        tmp.persist(&target).map_err(|e| Error::file(&target, format!("cannot move into place: {e}")))?;
    }
    Ok(())
}
