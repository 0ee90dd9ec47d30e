//! `sitemap.xml` (every page, absolute URLs, so only with the site's URL) and `robots.txt`.

use learnings_core::site::Page;

use crate::prerender::head::escape;

/// The sitemap of `pages` on the site at `site_url` (ending in `/`).
pub fn sitemap_xml(site_url: &str, pages: &[Page]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for page in pages {
        let path = if *page == Page::Home { String::new() } else { page.path() };
        xml.push_str(&format!("  <url><loc>{}</loc></url>\n", escape(&format!("{site_url}{path}"))));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Everything may be crawled; the sitemap is named when there is one.
pub fn robots_txt(site_url: Option<&str>) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(url) = site_url {
        text.push_str(&format!("Sitemap: {url}sitemap.xml\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sitemap_lists_every_page_absolutely() {
        let pages = [Page::Home, Page::Month("2026-01".into()), Page::Entry("a-b".into())];
        let xml = sitemap_xml("https://example.org/til/", &pages);
        assert!(xml.contains("<loc>https://example.org/til/</loc>"));
        assert!(xml.contains("<loc>https://example.org/til/m/2026-01.html</loc>"));
        assert!(xml.contains("<loc>https://example.org/til/e/a-b.html</loc>"));
        assert_eq!(robots_txt(None), "User-agent: *\nAllow: /\n");
        assert!(
            robots_txt(Some("https://example.org/til/")).ends_with("Sitemap: https://example.org/til/sitemap.xml\n")
        );
    }
}
