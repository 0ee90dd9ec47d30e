//! Build time: renders the site's static pages with the app's own components (Yew's server
//! renderer), so that every entry is readable before, and without, the app. The app then takes
//! the page over without a visible change (see `start.rs`).
//!
//! Reads the built site (Trunk's `index.html` as the template, `learnings.json`), then writes:
//! the home page over `index.html`, `m/YYYY-MM.html` for each month not wholly on the home page,
//! `e/<id>.html` for each entry, `e/_shell.html` (the empty app at an entry page's depth, which
//! the service worker serves for entry pages it has not cached), `robots.txt`, and with a site
//! URL `sitemap.xml`; and it names the pages' language and the web manifest as the bundle's
//! site (from `learnings.toml`). Every link is relative; absolute URLs (canonical, `og:url`, the
//! sitemap) appear only when the site's URL is given, never guessed.

mod head;
mod manifest;
mod sitemap;
mod template;

use std::fs;
use std::path::Path;
use std::rc::Rc;

use learnings_core::search::Index;
use learnings_core::site::{fingerprint, home_len, older_months, Page};
use learnings_core::{decode_bundle, Bundle};
use yew::LocalServerRenderer;

use crate::app::{App, AppProps};
use crate::components::related::BuiltRelated;

pub use head::{head_tags, PageMeta};
pub use manifest::{named_manifest, MANIFEST_FILE};
pub use sitemap::{robots_txt, sitemap_xml};
pub use template::{name_feed_link, Template};

/// The offline stand-in for an entry page (a name no entry id can have: ids are slugs).
pub const SHELL_PAGE: &str = "e/_shell.html";

/// What [`render_site`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Month pages.
    pub months: usize,
    /// Entry pages.
    pub entries: usize,
}

/// Renders every page of the site in `dir` (a finished build). `site_url` is the site's
/// absolute URL ending in `/`, when known; without it, the bundle's site URL (if any) is used.
pub fn render_site(dir: &Path, site_url: Option<&str>) -> Result<Written, String> {
    let read = |name: &str| fs::read_to_string(dir.join(name)).map_err(|e| format!("cannot read {name}: {e}"));
    let json = read(BUNDLE_FILE)?;
    let bundle = Rc::new(decode_bundle(&json).map_err(|e| format!("{BUNDLE_FILE}: {e}"))?);
    let site_url = site_url.or(bundle.site.url.as_deref());
    let template = Template::parse(&name_feed_link(&read("index.html")?, &bundle.site.title), &bundle.site.lang)?;
    let fingerprint = fingerprint(&json);
    let days = || bundle.entries.iter().map(|e| e.day.as_str());
    let months = older_months(days(), home_len(days()));
    let mut pages = vec![Page::Home];
    pages.extend(months.iter().map(|m| Page::Month(m.clone())));
    pages.extend(bundle.entries.iter().map(|e| Page::Entry(e.id.clone())));
    for dir_name in ["m", "e"] {
        fs::create_dir_all(dir.join(dir_name)).map_err(|e| format!("cannot create {dir_name}/: {e}"))?;
    }
    let index = Index::new(&bundle.entries);
    for page in &pages {
        let meta = PageMeta::of(&bundle, page, site_url);
        let body = render(&bundle, &index, page);
        let html = template.page(page.root(), &head_tags(&meta), Some((&body, &fingerprint)));
        write(dir, &page.path(), &html)?;
    }
    let shell = PageMeta::of(&bundle, &Page::Home, None);
    write(dir, SHELL_PAGE, &template.page("../", &head_tags(&shell), None))?;
    write(dir, "robots.txt", &robots_txt(site_url))?;
    if dir.join(MANIFEST_FILE).exists() {
        write(dir, MANIFEST_FILE, &named_manifest(&read(MANIFEST_FILE)?, &bundle.site)?)?;
    }
    if let Some(url) = site_url {
        write(dir, "sitemap.xml", &sitemap_xml(url, &pages))?;
    }
    Ok(Written { months: months.len(), entries: bundle.entries.len() })
}

/// The bundle's file name (the one the app fetches).
const BUNDLE_FILE: &str = "learnings.json";

/// The app's markup for `page`, as its first render in the browser will see it: an entry
/// page with its entry's related entries, worked out from `index` (built from `bundle`).
pub fn render(bundle: &Rc<Bundle>, index: &Index, page: &Page) -> String {
    let related = match page {
        Page::Entry(id) => Some(Rc::new(BuiltRelated::of(bundle, index, id))),
        _ => None,
    };
    crate::components::day_island::render_with_islands(|| {
        let props = AppProps { bundle: bundle.clone(), page: page.clone(), typed: None, related: related.clone() };
        futures::executor::block_on(LocalServerRenderer::<App>::with_props(props).render())
    })
}

fn write(dir: &Path, name: &str, text: &str) -> Result<(), String> {
    fs::write(dir.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use learnings_core::{Block, Day, Entry, Inline, SCHEMA_VERSION};

    fn entry(id: &str, day: &str, text: &str) -> Entry {
        Entry {
            id: id.into(),
            day: day.into(),
            question: format!("{text}?"),
            question_inlines: vec![Inline::Text(format!("{text}?"))],
            answer: vec![Block::Paragraph(vec![
                Inline::Text(text.into()),
                Inline::Link { href: "javascript:alert(1)".into(), children: vec![Inline::Text("click".into())] },
            ])],
            sources: Vec::new(),
        }
    }

    fn bundle() -> Bundle {
        let mut entries = vec![entry("hostile", "2026-03-01", "<script>alert(1)</script> & <b>bold</b>")];
        // 250 entries on one older day: the home page stops before it, so February gets a page.
        entries.extend((0..250).map(|i| entry(&format!("old-{i}"), "2026-02-01", "old")));
        Bundle {
            schema_version: SCHEMA_VERSION,
            site: learnings_core::SiteInfo {
                title: "Ada's notes".into(),
                tagline: "Daily tidbits and small discoveries.".into(),
                lang: "en-GB".into(),
                url: Some("https://example.org/".into()),
                ..Default::default()
            },
            days: vec![Day { date: "2026-03-01".into(), count: 1 }, Day { date: "2026-02-01".into(), count: 250 }],
            entries,
        }
    }

    #[test]
    fn content_renders_as_text_and_links_only_to_http() {
        let bundle = Rc::new(bundle());
        let html = render(&bundle, &Index::new(&bundle.entries), &Page::Entry("hostile".into()));
        assert!(!html.contains("<script") && !html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("href=\"../e/old-0.html\""), "the next entry, relative to the page: {html}");
    }

    #[test]
    fn an_entry_page_links_to_its_related_entries_and_carries_their_ids() {
        let mut entries = vec![
            entry("tune", "2026-03-01", "How do you tune a bktree with levenshtein radius"),
            entry("bread", "2026-03-01", "How do you bake bread"),
        ];
        entries.extend((0..20).map(|i| entry(&format!("filler-{i}"), "2026-02-01", &format!("What is filler{i}"))));
        entries.push(entry("fast", "2026-01-01", "Why is a bktree fast with levenshtein distance"));
        let bundle = Rc::new(Bundle {
            schema_version: SCHEMA_VERSION,
            days: vec![
                Day { date: "2026-03-01".into(), count: 2 },
                Day { date: "2026-02-01".into(), count: 20 },
                Day { date: "2026-01-01".into(), count: 1 },
            ],
            entries,
            site: learnings_core::SiteInfo::default(),
        });
        let index = Index::new(&bundle.entries);
        let html = render(&bundle, &index, &Page::Entry("tune".into()));
        assert!(
            html.contains("<nav aria-label=\"Related entries\" data-related=\"fast\" class=\"related\">"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"../e/fast.html\">Why is a bktree fast with levenshtein distance?</a>"),
            "{html}"
        );
        let html = render(&bundle, &index, &Page::Entry("bread".into()));
        assert!(!html.contains("data-related"), "nothing shared, nothing related: {html}");
        assert!(!render(&bundle, &index, &Page::Home).contains("data-related"), "only an opened entry has them");
    }

    #[test]
    fn the_site_has_a_page_for_each_entry_and_each_month_beyond_home() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let template = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Learnings</title>\
                        <link rel=\"stylesheet\" href=\"./s.css\"></head><body><div id=\"app\"></div></body></html>";
        fs::write(dir.path().join("index.html"), template).expect("write the template");
        let json = serde_json::to_string(&bundle()).expect("encode");
        fs::write(dir.path().join(BUNDLE_FILE), &json).expect("write the bundle");
        fs::write(dir.path().join(MANIFEST_FILE), r#"{"name":"Learnings","display":"standalone"}"#).expect("manifest");
        // The site's URL comes from the bundle when no `--site-url` overrides it.
        let written = render_site(dir.path(), None).expect("the site renders");
        assert_eq!(written, Written { months: 1, entries: 251 });
        let read = |name: &str| fs::read_to_string(dir.path().join(name)).expect(name);
        let home = read("index.html");
        assert_eq!(home.matches("<article ").count(), 1, "the older day is not on the home page");
        assert!(home.contains("href=\"m/2026-02.html\"") && home.contains(&fingerprint(&json)));
        assert!(home.starts_with("<!doctype html><html lang=\"en-GB\">"), "{home}");
        assert!(home.contains("<title>Ada&#39;s notes</title>"), "{home}");
        assert!(home.contains("Ada's notes</a></h1>"), "the header's title: {home}");
        assert!(home.contains("<p class=\"tagline\">Daily tidbits and small discoveries.</p>"), "its tagline: {home}");
        let manifest: serde_json::Value = serde_json::from_str(&read(MANIFEST_FILE)).expect("the manifest");
        assert_eq!(
            (&manifest["name"], &manifest["description"]),
            (&"Ada's notes".into(), &"Daily tidbits and small discoveries.".into())
        );
        assert_eq!(read("m/2026-02.html").matches("<article ").count(), 250);
        let page = read("e/old-7.html");
        assert!(
            page.contains("href=\"../s.css\"")
                && page.contains("<link rel=\"canonical\" href=\"https://example.org/e/old-7.html\">")
        );
        assert!(!read(SHELL_PAGE).contains("data-prerendered"));
        assert!(read("sitemap.xml").contains("<loc>https://example.org/e/hostile.html</loc>"));
        assert!(read("robots.txt").contains("Sitemap: https://example.org/sitemap.xml"));
    }
}
