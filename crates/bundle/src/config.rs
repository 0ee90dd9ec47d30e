//! The site's one config file, `learnings.toml` at the project root: the title, tagline,
//! language, URL and author that every page, the feed and the manifest show, and the folder the
//! entries live in. Without the file a site gets the defaults; a file with a mistake is an error
//! naming the file, the line and what was expected.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use learnings_core::{SiteInfo, DEFAULT_TAGLINE};
use serde::Deserialize;
use toml::Spanned;

use crate::error::Error;

/// The config file's name, at the project root.
pub const CONFIG_FILE: &str = "learnings.toml";
/// The content folder of a config that names none.
pub const DEFAULT_CONTENT: &str = "content";

/// The settings, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// What the pages, the feed and the manifest say about the site.
    pub site: SiteInfo,
    /// The folder of the day files, relative to the config file's folder.
    pub content: PathBuf,
}

/// The file as written: every key it may hold, and nothing else.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    title: Spanned<String>,
    tagline: Option<Spanned<String>>,
    language: Option<Spanned<String>>,
    site_url: Option<Spanned<String>>,
    author: Option<Spanned<String>>,
    content: Option<Spanned<String>>,
}

/// Reads the config at `path`; a missing file gives the defaults (content in `content/` next
/// to where the file would be).
pub fn load(path: &Path) -> Result<Config, Error> {
    let folder = path.parent().unwrap_or(Path::new(""));
    match fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|_| Error::file(path, "is not UTF-8 text"))?;
            parse(path, &text)
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {
            Ok(Config { site: SiteInfo::default(), content: folder.join(DEFAULT_CONTENT) })
        }
        Err(e) => Err(Error::file(path, format!("cannot read: {e}"))),
    }
}

/// Parses and validates the text of the config at `path`.
pub fn parse(path: &Path, text: &str) -> Result<Config, Error> {
    let at = |span: std::ops::Range<usize>, message: String| Error::at(path, line_of(text, span.start), message);
    let file: File = toml::from_str(text).map_err(|e| {
        let message = e.message().trim_end().to_string();
        match e.span() {
            Some(span) => at(span, message),
            None => Error::file(path, message),
        }
    })?;
    let text_value = |value: &Spanned<String>, key: &str| {
        if value.get_ref().trim().is_empty() {
            Err(at(value.span(), format!("`{key}` is empty: expected some text")))
        } else {
            Ok(value.get_ref().trim().to_string())
        }
    };
    let title = text_value(&file.title, "title")?;
    let tagline = file.tagline.as_ref().map(|t| text_value(t, "tagline")).transpose()?;
    let author = file.author.as_ref().map(|a| text_value(a, "author")).transpose()?;
    let lang = match &file.language {
        Some(lang) if is_language_tag(lang.get_ref()) => lang.get_ref().clone(),
        Some(lang) => {
            let message = format!(
                "`language = \"{}\"` is not a language tag: expected one like \"en\" or \"pt-BR\"",
                lang.get_ref()
            );
            return Err(at(lang.span(), message));
        }
        None => SiteInfo::default().lang,
    };
    let url = match &file.site_url {
        Some(url) => Some(site_url(url.get_ref()).map_err(|message| at(url.span(), message))?),
        None => None,
    };
    let content = match &file.content {
        Some(content) => PathBuf::from(text_value(content, "content")?),
        None => PathBuf::from(DEFAULT_CONTENT),
    };
    let folder = path.parent().unwrap_or(Path::new(""));
    Ok(Config {
        site: SiteInfo { title, tagline: tagline.unwrap_or_else(|| DEFAULT_TAGLINE.to_string()), lang, author, url },
        content: folder.join(content),
    })
}

/// `url` if it is an absolute `http(s)` URL of a site's folder (ending in `/`), else what is
/// wrong with it. Also checks the `--site-url` override.
pub fn site_url(url: &str) -> Result<String, String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let host = rest.and_then(|r| r.split('/').next()).unwrap_or_default();
    if host.is_empty() || url.contains(char::is_whitespace) {
        Err(format!(
            "the site URL `{url}` is not an absolute http(s) URL: expected one like \"https://example.org/learnings/\""
        ))
    } else if !url.ends_with('/') {
        Err(format!("the site URL `{url}` must end in `/` (the site's folder): expected \"{url}/\""))
    } else {
        Ok(url.to_string())
    }
}

/// Whether `tag` looks like a BCP 47 language tag: a language of 2-3 letters, then subtags of
/// 1-8 letters or digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Config, String> {
        parse(Path::new("site/learnings.toml"), text).map_err(|e| e.to_string())
    }

    #[test]
    fn a_full_config_gives_every_setting() {
        let config = parsed(
            "title = \"My notes\"\ntagline = \"Daily tidbits.\"\nlanguage = \"pt-BR\"\n\
             site_url = \"https://example.org/notes/\"\nauthor = \"Ada\"\ncontent = \"entries\"\n",
        )
        .expect("a good config");
        assert_eq!(
            config,
            Config {
                site: SiteInfo {
                    title: "My notes".into(),
                    tagline: "Daily tidbits.".into(),
                    lang: "pt-BR".into(),
                    author: Some("Ada".into()),
                    url: Some("https://example.org/notes/".into()),
                },
                content: PathBuf::from("site/entries"),
            }
        );
    }

    #[test]
    fn only_the_title_is_required() {
        let config = parsed("title = \"Learnings\"\n").expect("a minimal config");
        assert_eq!(config.site, SiteInfo::default());
        assert_eq!(config.content, PathBuf::from("site/content"));
    }

    #[test]
    fn a_project_without_the_file_gets_the_defaults() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let config = load(&dir.path().join(CONFIG_FILE)).expect("the defaults");
        assert_eq!(config.site, SiteInfo::default());
        assert_eq!(config.content, dir.path().join("content"));
    }

    #[test]
    fn an_unknown_key_names_the_file_the_line_and_the_keys() {
        let error = parsed("title = \"Learnings\"\n\ntagilne = \"x\"\n").expect_err("an unknown key");
        assert!(error.starts_with("site/learnings.toml:3: "), "{error}");
        assert!(error.contains("tagilne") && error.contains("`tagline`"), "{error}");
    }

    #[test]
    fn a_missing_title_is_an_error() {
        let error = parsed("tagline = \"x\"\n").expect_err("no title");
        assert!(error.starts_with("site/learnings.toml") && error.contains("missing field `title`"), "{error}");
    }

    #[test]
    fn a_value_of_the_wrong_type_names_its_line() {
        let error = parsed("title = \"Learnings\"\nauthor = 42\n").expect_err("a number for a name");
        assert!(error.starts_with("site/learnings.toml:2: ") && error.contains("string"), "{error}");
    }

    #[test]
    fn a_bad_site_url_names_its_line_and_the_shape_expected() {
        for (url, expected) in [
            ("example.org/notes/", "not an absolute http(s) URL"),
            ("ftp://example.org/", "not an absolute http(s) URL"),
            ("https:///notes/", "not an absolute http(s) URL"),
            ("https://example.org/notes", "must end in `/`"),
        ] {
            let error = parsed(&format!("title = \"T\"\nsite_url = \"{url}\"\n")).expect_err(url);
            assert!(error.starts_with("site/learnings.toml:2: ") && error.contains(expected), "{url}: {error}");
        }
    }

    #[test]
    fn empty_text_and_bad_language_tags_are_errors() {
        assert!(parsed("title = \"  \"\n").expect_err("an empty title").contains("`title` is empty"));
        let error = parsed("title = \"T\"\nlanguage = \"English\"\n").expect_err("a language name");
        assert!(error.starts_with("site/learnings.toml:2: ") && error.contains("\"pt-BR\""), "{error}");
    }

    #[test]
    fn toml_syntax_errors_name_their_line() {
        let error = parsed("title = \"T\"\ntagline = \n").expect_err("no value");
        assert!(error.starts_with("site/learnings.toml:2: "), "{error}");
    }
}
