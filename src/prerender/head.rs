//! Each page's `<head>`: its title, description, and the Open Graph and Twitter card tags that
//! link previews read. Every value is escaped: content never becomes markup.

use learnings_core::count::count;
use learnings_core::date::{human_date, human_month};
use learnings_core::site::{description, Page};
use learnings_core::Bundle;

/// What a page's head says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageMeta {
    /// `<title>` and `og:title`.
    pub title: String,
    /// The meta description and `og:description`: plain text.
    pub description: String,
    /// The site's name (`og:site_name`).
    pub site_name: String,
    /// `og:type`: `article` for an entry, `website` otherwise.
    pub kind: &'static str,
    /// The entry's day (`article:published_time`).
    pub published: Option<String>,
    /// The page's absolute URL, only when the site's URL is known.
    pub url: Option<String>,
}

impl PageMeta {
    /// The head of `page`, named as the bundle's site; `site_url` (ending in `/`) makes its
    /// canonical URL.
    pub fn of(bundle: &Bundle, page: &Page, site_url: Option<&str>) -> PageMeta {
        let site = &bundle.site;
        let site_name = site.title.clone();
        let url = site_url.map(|base| match page {
            Page::Home => base.to_string(),
            _ => format!("{base}{}", page.path()),
        });
        let entry = match page {
            Page::Entry(id) => bundle.entries.iter().find(|e| &e.id == id),
            _ => None,
        };
        match (page, entry) {
            (Page::Entry(_), Some(entry)) => PageMeta {
                title: entry.question.clone(),
                description: description(entry),
                site_name,
                kind: "article",
                published: Some(entry.day.clone()),
                url,
            },
            (Page::Month(month), _) => {
                let n = bundle.entries.iter().filter(|e| e.day.starts_with(month.as_str())).count();
                PageMeta {
                    title: format!("{} · {}", human_month(month), site.title),
                    description: format!("{} from {}.", count(n, "entry", "entries"), human_month(month)),
                    site_name,
                    kind: "website",
                    published: None,
                    url,
                }
            }
            _ => PageMeta {
                title: site.title.clone(),
                description: match bundle.days.first() {
                    Some(day) => format!("{} Newest: {}.", site.tagline, human_date(&day.date)),
                    None => site.tagline.clone(),
                },
                site_name,
                kind: "website",
                published: None,
                url,
            },
        }
    }
}

/// The head tags of a page, one per line: title, description, canonical (with a URL), Open
/// Graph and Twitter card.
pub fn head_tags(meta: &PageMeta) -> String {
    let mut tags =
        vec![format!("<title>{}</title>", escape(&meta.title)), meta_tag("name", "description", &meta.description)];
    if let Some(url) = &meta.url {
        tags.push(format!("<link rel=\"canonical\" href=\"{}\">", escape(url)));
        tags.push(meta_tag("property", "og:url", url));
    }
    tags.push(meta_tag("property", "og:title", &meta.title));
    tags.push(meta_tag("property", "og:description", &meta.description));
    tags.push(meta_tag("property", "og:type", meta.kind));
    tags.push(meta_tag("property", "og:site_name", &meta.site_name));
    if let Some(day) = &meta.published {
        tags.push(meta_tag("property", "article:published_time", day));
    }
    tags.push(meta_tag("name", "twitter:card", "summary"));
    tags.push(meta_tag("name", "twitter:title", &meta.title));
    tags.push(meta_tag("name", "twitter:description", &meta.description));
    tags.join("\n  ")
}

fn meta_tag(attr: &str, key: &str, content: &str) -> String {
    format!("<meta {attr}=\"{key}\" content=\"{}\">", escape(content))
}

/// `text` safe inside an element or a double-quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use learnings_core::{Block, Day, Entry, Inline};

    fn bundle(question: &str, answer: &str) -> Bundle {
        Bundle {
            schema_version: learnings_core::SCHEMA_VERSION,
            site: learnings_core::SiteInfo { title: "Ada's <notes>".into(), ..Default::default() },
            days: vec![Day { date: "2026-02-24".into(), count: 1 }],
            entries: vec![Entry {
                id: "x".into(),
                day: "2026-02-24".into(),
                question: question.into(),
                question_inlines: vec![Inline::Text(question.into())],
                answer: vec![Block::Paragraph(vec![Inline::Text(answer.into())])],
                sources: Vec::new(),
            }],
        }
    }

    #[test]
    fn an_entry_page_has_its_card() {
        let b = bundle("Does `x` work?", "Yes, it does.");
        let tags = head_tags(&PageMeta::of(&b, &Page::Entry("x".into()), Some("https://example.org/til/")));
        for expected in [
            "<title>Does `x` work?</title>",
            "<meta name=\"description\" content=\"Yes, it does.\">",
            "<link rel=\"canonical\" href=\"https://example.org/til/e/x.html\">",
            "<meta property=\"og:url\" content=\"https://example.org/til/e/x.html\">",
            "<meta property=\"og:type\" content=\"article\">",
            "<meta property=\"og:site_name\" content=\"Ada&#39;s &lt;notes&gt;\">",
            "<meta property=\"article:published_time\" content=\"2026-02-24\">",
            "<meta name=\"twitter:card\" content=\"summary\">",
        ] {
            assert!(tags.contains(expected), "{expected} in\n{tags}");
        }
    }

    #[test]
    fn the_home_page_is_titled_and_described_as_the_site() {
        let mut b = bundle("Q?", "A.");
        b.site.tagline = "Daily tidbits and small discoveries.".into();
        let meta = PageMeta::of(&b, &Page::Home, None);
        assert_eq!(meta.title, "Ada's <notes>");
        assert_eq!(meta.description, "Daily tidbits and small discoveries. Newest: February 24, 2026.");
    }

    #[test]
    fn without_a_site_url_nothing_is_guessed() {
        let tags = head_tags(&PageMeta::of(&bundle("Q?", "A."), &Page::Entry("x".into()), None));
        assert!(!tags.contains("canonical") && !tags.contains("og:url"), "{tags}");
    }

    #[test]
    fn content_never_becomes_markup() {
        let b = bundle("Is </title><script>alert(1)</script> \"quoted\"?", "<img src=x onerror=alert(1)> & more");
        let tags = head_tags(&PageMeta::of(&b, &Page::Entry("x".into()), None));
        assert!(!tags.contains("<script") && !tags.contains("<img"), "{tags}");
        assert!(
            tags.contains("<title>Is &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;?</title>")
        );
        assert!(tags.contains("content=\"&lt;img src=x onerror=alert(1)&gt; &amp; more\""), "{tags}");
    }
}
