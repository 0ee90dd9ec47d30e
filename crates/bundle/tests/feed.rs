//! The Atom feed, read back by a feed parser, over the frozen seed days (more than the feed's
//! 50 entries, so its cap shows).

mod support;

use atom_syndication::Feed;

fn feed(site_url: Option<&str>) -> (Feed, learnings_core::Bundle) {
    let output = support::build("tests/fixtures/seed-content", site_url);
    (output.feed.parse::<Feed>().expect("the feed parses as Atom"), output.bundle)
}

#[test]
fn feed_holds_the_newest_50_entries_linking_to_their_pages() {
    let (feed, bundle) = feed(Some("https://example.org/learnings/"));
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
    let (feed, bundle) = feed(None);
    assert_eq!(feed.entries()[0].links()[0].href(), format!("./e/{}.html", bundle.entries[0].id));
    assert!(feed.entries()[0].id().starts_with("urn:learnings:entry:"));
}
