//! The Atom feed, read back by a feed parser, over the frozen seed days (more than the feed's
//! 50 entries, so its cap shows).

mod support;

use std::path::Path;

use atom_syndication::Feed;
use learnings_bundle::config;
use learnings_core::SiteInfo;

fn feed(site: &SiteInfo) -> (Feed, learnings_core::Bundle, String) {
    let output = support::build("tests/fixtures/seed-content", site);
    (output.feed.parse::<Feed>().expect("the feed parses as Atom"), output.bundle, output.json)
}

#[test]
fn feed_holds_the_newest_50_entries_linking_to_their_pages() {
    let site = SiteInfo { url: Some("https://example.org/learnings/".into()), ..SiteInfo::default() };
    let (feed, bundle, _) = feed(&site);
    assert!(bundle.entries.len() > 50, "the fixture has more entries than the feed holds");
    assert_eq!(feed.title().as_str(), "Learnings");
    assert_eq!(feed.entries().len(), 50);
    for (atom, entry) in feed.entries().iter().zip(&bundle.entries) {
        assert_eq!(atom.title().as_str(), entry.question);
        assert_eq!(atom.links()[0].href(), format!("https://example.org/learnings/e/{}.html", entry.id));
        assert!(atom.updated().to_rfc3339().starts_with(&entry.day));
    }
    assert!(feed.updated().to_rfc3339().starts_with("2026-02-24"), "the newest day of the fixture");
}

#[test]
fn without_a_site_url_links_are_relative_to_the_feed() {
    let (feed, bundle, _) = feed(&SiteInfo::default());
    assert_eq!(feed.entries()[0].links()[0].href(), format!("./e/{}.html", bundle.entries[0].id));
    assert!(feed.entries()[0].id().starts_with("urn:learnings:entry:"));
}

#[test]
fn the_config_reaches_the_bundle_and_the_feed() {
    let text = "title = \"Ada's notes\"\ntagline = \"Daily tidbits and small discoveries.\"\n\
                language = \"en-GB\"\nauthor = \"Ada\"\nsite_url = \"https://example.org/ada/\"\n";
    let site = config::parse(Path::new("learnings.toml"), text).expect("a good config").site;
    let (feed, bundle, json) = feed(&site);
    assert_eq!(bundle.site, site);
    let read_back = learnings_core::decode_bundle(&json).expect("the bundle decodes");
    assert_eq!(read_back.site.title, "Ada's notes");
    assert_eq!(read_back.site.tagline, "Daily tidbits and small discoveries.");
    assert_eq!(feed.title().as_str(), "Ada's notes");
    assert_eq!(feed.subtitle().map(|s| s.as_str()), Some("Daily tidbits and small discoveries."));
    assert_eq!(feed.lang(), Some("en-GB"));
    assert_eq!(feed.authors().iter().map(|a| a.name()).collect::<Vec<_>>(), ["Ada"]);
    assert_eq!(feed.id(), "https://example.org/ada/");
    assert!(feed.entries()[0].links()[0].href().starts_with("https://example.org/ada/e/"));
}
