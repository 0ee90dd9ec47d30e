//! The Atom feed of the newest entries, each linking to its own page (`e/<id>.html`).

use atom_syndication::{Content, Entry as AtomEntry, Feed, FixedDateTime, Link, Person, Text};
use learnings_core::site::entry_path;
use learnings_core::text::visit_block_text;
use learnings_core::Bundle;

/// How many entries the feed carries.
pub const FEED_LEN: usize = 50;

/// The Atom XML for `bundle`, titled and signed as its site says. With the site's absolute URL
/// (ending in `/`) links are absolute; without it, they are relative to the feed, which sits
/// next to the app's index.html.
pub fn atom_feed(bundle: &Bundle) -> String {
    let site = &bundle.site;
    let site_url = site.url.as_deref();
    let base = site_url.unwrap_or("./");
    let updated = bundle.days.first().map_or_else(|| day_time("1970-01-01"), |d| day_time(&d.date));
    let entries = bundle
        .entries
        .iter()
        .take(FEED_LEN)
        .map(|entry| {
            let permalink = format!("{base}{}", entry_path(&entry.id));
            let mut text = Vec::new();
            visit_block_text(&entry.answer, &mut |_, t| text.push(t));
            AtomEntry {
                id: site_url.map_or_else(|| format!("urn:learnings:entry:{}", entry.id), |_| permalink.clone()),
                title: Text::plain(entry.question.clone()),
                updated: day_time(&entry.day),
                links: vec![Link { href: permalink, rel: "alternate".into(), ..Link::default() }],
                content: Some(Content {
                    value: Some(text.join("\n\n")),
                    content_type: Some("text".into()),
                    ..Content::default()
                }),
                ..AtomEntry::default()
            }
        })
        .collect();
    let feed = Feed {
        title: Text::plain(site.title.clone()),
        subtitle: Some(Text::plain(site.tagline.clone())),
        lang: Some(site.lang.clone()),
        authors: site.author.iter().map(|name| Person { name: name.clone(), ..Person::default() }).collect(),
        id: site_url.map_or_else(|| "urn:learnings:feed".to_string(), str::to_string),
        updated,
        links: vec![
            Link { href: format!("{base}feed.xml"), rel: "self".into(), ..Link::default() },
            Link { href: base.to_string(), rel: "alternate".into(), ..Link::default() },
        ],
        entries,
        ..Feed::default()
    };
    feed.to_string()
}

/// Midnight UTC of an ISO day that the bundle has already validated.
fn day_time(day: &str) -> FixedDateTime {
    FixedDateTime::parse_from_rfc3339(&format!("{day}T00:00:00Z")).unwrap_or_default()
}
