//! The page template: Trunk's finished `index.html` (its stylesheet, module loader and preload
//! links carry the build's hashed file names), made into any page of the site: its own head
//! tags, its prerendered app, and for pages one directory down (`e/`, `m/`) every relative URL
//! one level up.

/// Where the app's element starts in the template; the renderer fills it.
const ROOT_OPEN: &str = "<div id=\"app\">";

/// Trunk's `index.html`, split where pages differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Up to where the title was (its `<title>` and description removed).
    head: String,
    /// After the title, up to the app's element.
    rest_of_head: String,
    /// What the app's element holds before the app runs (without prerendering).
    placeholder: String,
    /// After the app's element.
    tail: String,
}

impl Template {
    /// Splits `html`, which must hold a `<title>` and `<div id="app">…</div>` (with no `<div>`
    /// inside), and makes its `<html lang>` say `lang`.
    pub fn parse(html: &str, lang: &str) -> Result<Template, String> {
        let html = set_lang(&remove_tag(html, "<meta name=\"description\""), lang);
        let title = html.find("<title>").ok_or("the template has no <title>")?;
        let title_end = html[title..].find("</title>").map(|i| title + i + "</title>".len());
        let title_end = title_end.ok_or("the template's <title> is never closed")?;
        let root = html.find(ROOT_OPEN).ok_or_else(|| format!("the template has no {ROOT_OPEN}"))?;
        let inner = root + ROOT_OPEN.len();
        let close = html[inner..].find("</div>").map(|i| inner + i).ok_or("the app's <div> is never closed")?;
        if root < title_end {
            return Err("the app's <div> comes before the <title>".into());
        }
        Ok(Template {
            head: html[..title].to_string(),
            rest_of_head: html[title_end..root].to_string(),
            placeholder: html[inner..close].to_string(),
            tail: html[close + "</div>".len()..].to_string(),
        })
    }

    /// A page whose directory is `root` away from the site's root (`""` or `"../"`), with
    /// `head_tags` where the title was, and the app's element holding `body` (prerendered from
    /// the bundle with this fingerprint, to be hydrated) or, without one, the placeholder (the
    /// app renders from scratch).
    pub fn page(&self, root: &str, head_tags: &str, body: Option<(&str, &str)>) -> String {
        let (head, rest, tail) =
            (relocate(&self.head, root), relocate(&self.rest_of_head, root), relocate(&self.tail, root));
        let app = match body {
            Some((body, fingerprint)) => format!("<div id=\"app\" data-prerendered=\"{fingerprint}\">{body}</div>"),
            None => format!("{ROOT_OPEN}{}</div>", self.placeholder),
        };
        format!("{head}{head_tags}{rest}{app}{tail}")
    }
}

/// `html` without the first tag starting with `start` (and the line's indentation before it).
fn remove_tag(html: &str, start: &str) -> String {
    let Some(at) = html.find(start) else { return html.to_string() };
    let Some(end) = html[at..].find('>').map(|i| at + i + 1) else { return html.to_string() };
    let line_start = html[..at].trim_end_matches([' ', '\t']).len();
    let end = if html[end..].starts_with('\n') && line_start < at { end + 1 } else { end };
    format!("{}{}", &html[..line_start], &html[end..])
}

/// `html` whose `<html>` tag has `lang="{lang}"`, replacing the template's own.
fn set_lang(html: &str, lang: &str) -> String {
    set_attribute(html, "<html", "lang", lang)
}

/// `html` whose feed link (`<link rel="alternate" type="application/atom+xml" …>`) is titled
/// as the site (`learnings.toml`'s title), so a feed reader's "subscribe" names it rightly.
pub fn name_feed_link(html: &str, title: &str) -> String {
    set_attribute(html, "<link rel=\"alternate\" type=\"application/atom+xml\"", "title", title)
}

/// `html` whose first tag starting with `tag` has `name="{value}"` (escaped): the tag's own
/// value replaced, or the attribute added at the tag's end when it has none. Unchanged without the tag.
fn set_attribute(html: &str, tag: &str, name: &str, value: &str) -> String {
    let Some(open) = html.find(tag) else { return html.to_string() };
    let tag_end = html[open..].find('>').map_or(html.len(), |i| open + i);
    let attr = format!(" {name}=\"{}\"", super::head::escape(value));
    let key = format!(" {name}=\"");
    match html[open..tag_end].find(&key).map(|i| open + i + key.len()) {
        Some(value_start) => {
            let value_end = html[value_start..tag_end].find('"').map_or(tag_end, |i| value_start + i + 1);
            format!("{}{attr}{}", &html[..value_start - key.len()], &html[value_end..])
        }
        None => format!("{}{attr}{}", &html[..tag_end], &html[tag_end..]),
    }
}

/// `html` with every relative `href`/`src` and every `'./` module path in an inline script
/// prefixed by `root`, for a page that is not at the site's root.
fn relocate(html: &str, root: &str) -> String {
    if root.is_empty() {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = ["href=\"", "src=\""].iter().filter_map(|a| rest.find(a).map(|i| i + a.len())).min() {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if is_relative(rest.split('"').next().unwrap_or_default()) {
            out.push_str(root);
            rest = rest.strip_prefix("./").unwrap_or(rest);
        }
    }
    out.push_str(rest);
    // Trunk's loader imports `'./learnings-<hash>.js'` and fetches `'./learnings-<hash>_bg.wasm'`.
    out.replace("'./", &format!("'{root}"))
}

/// Whether a URL is relative to the page (not absolute, not rooted, not a fragment or query).
fn is_relative(url: &str) -> bool {
    let scheme = url.find(':').is_some_and(|colon| !url[..colon].contains(['/', '?', '#']));
    !(url.is_empty() || url.starts_with(['/', '#', '?']) || scheme)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  \
        <meta name=\"description\" content=\"generic\">\n  <title>Learnings</title>\n  \
        <link rel=\"icon\" href=\"icon.svg\">\n  <link rel=\"stylesheet\" href=\"./styles-1.css\">\n  \
        <link rel=\"alternate\" href=\"https://example.org/x\">\n  \
        <script type=\"module\">import init from './learnings-1.js';init({ module_or_path: './learnings-1_bg.wasm' });</script>\n\
        </head>\n<body>\n  <div id=\"app-status\"></div>\n  <div id=\"app\"><p>Loading…</p></div>\n</body>\n</html>\n";

    #[test]
    fn the_home_page_keeps_its_urls_and_gets_its_head_and_body() {
        let page = Template::parse(TRUNK, "en").expect("a template").page(
            "",
            "<title>T</title>",
            Some(("<main>M</main>", "f1")),
        );
        assert!(page.contains("<title>T</title>") && !page.contains("Learnings</title>") && !page.contains("generic"));
        assert!(page.contains("<div id=\"app\" data-prerendered=\"f1\"><main>M</main></div>"), "{page}");
        assert!(page.contains("href=\"./styles-1.css\"") && page.contains("'./learnings-1.js'"));
    }

    #[test]
    fn a_page_one_level_down_reaches_up_for_every_relative_url() {
        let page = Template::parse(TRUNK, "en").expect("a template").page("../", "<title>T</title>", None);
        for expected in [
            "href=\"../icon.svg\"",
            "href=\"../styles-1.css\"",
            "href=\"https://example.org/x\"",
            "import init from '../learnings-1.js'",
            "module_or_path: '../learnings-1_bg.wasm'",
            "<div id=\"app\"><p>Loading…</p></div>",
        ] {
            assert!(page.contains(expected), "{expected} in\n{page}");
        }
    }

    #[test]
    fn the_pages_language_is_the_sites() {
        let page = Template::parse(TRUNK, "pt-BR").expect("a template").page("", "<title>T</title>", None);
        assert!(page.starts_with("<!doctype html>\n<html lang=\"pt-BR\">\n<head>"), "{page}");
        let bare = Template::parse("<html><title>x</title><div id=\"app\"></div>", "de").expect("a template");
        assert!(bare.page("", "", None).starts_with("<html lang=\"de\">"));
    }

    #[test]
    fn the_feed_link_is_titled_as_the_site() {
        let head = "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Learnings\" href=\"feed.xml\">";
        assert_eq!(
            name_feed_link(head, "Ada's <notes>"),
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Ada&#39;s &lt;notes&gt;\" href=\"feed.xml\">"
        );
        let untitled = "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\">";
        assert_eq!(
            name_feed_link(untitled, "Notes"),
            "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\" title=\"Notes\">"
        );
    }

    #[test]
    fn a_template_without_the_app_element_is_an_error() {
        assert!(Template::parse("<title>x</title><body></body>", "en").is_err());
    }
}
