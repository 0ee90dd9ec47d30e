//! The static site's layout: which pages the build writes, at which relative paths, and what
//! each shows. Shared by the build-time renderer (which writes the pages) and the app (which
//! reads its page from the URL), so that the two cannot disagree. Pure string work.
//!
//! Every page is a plain file: the home page `index.html`, one page per month not wholly on
//! the home page (`m/YYYY-MM.html`) and one per entry (`e/<id>.html`). All links between them
//! are relative, so the site works on any static host, under any sub-path, without rewrites.

use crate::model::Entry;
use crate::text::visit_block_text;
use crate::view::{DayFilter, View};

/// How many entries the home page shows at most; it stops at the day boundary before.
pub const HOME_LIMIT: usize = 200;

/// How long a page's description is at most, in characters (what link previews show).
pub const DESCRIPTION_LEN: usize = 160;

/// One page of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// `index.html`: the newest entries.
    Home,
    /// `m/YYYY-MM.html`: every entry of one month.
    Month(String),
    /// `e/<id>.html`: one entry on its own.
    Entry(String),
}

impl Page {
    /// The page's file, relative to the site's root.
    pub fn path(&self) -> String {
        match self {
            Page::Home => "index.html".to_string(),
            Page::Month(month) => month_path(month),
            Page::Entry(id) => entry_path(id),
        }
    }

    /// The way from the page's directory back to the site's root: `""` or `"../"`.
    pub fn root(&self) -> &'static str {
        match self {
            Page::Home => "",
            Page::Month(_) | Page::Entry(_) => "../",
        }
    }

    /// The page a URL path names (`/learnings/e/some-id.html`, `/m/2026-02.html`); anything
    /// else is the home page, wherever the site lives.
    pub fn from_path(path: &str) -> Page {
        let mut segments = path.rsplit('/');
        let (Some(file), Some(dir)) = (segments.next(), segments.next()) else { return Page::Home };
        let Some(name) = file.strip_suffix(".html").filter(|n| !n.is_empty()) else { return Page::Home };
        match dir {
            "e" if is_entry_id(name) => Page::Entry(name.to_string()),
            "m" if crate::date::is_iso_month(name) => Page::Month(name.to_string()),
            _ => Page::Home,
        }
    }

    /// What the app shows on the page, before the URL's query or fragment say more.
    pub fn view(&self) -> View {
        match self {
            Page::Home => View::default(),
            Page::Month(month) => View { day: Some(DayFilter::Month(month.clone())), ..View::default() },
            Page::Entry(id) => View { entry: Some(id.clone()), alone: true, ..View::default() },
        }
    }
}

/// The view a full URL describes: the page its path names, then what its query and fragment
/// say (`e/<id>.html` opens that entry on its own; `?q=` or `#id` on any page win over it).
pub fn view_at(path: &str, search: &str, hash: &str) -> View {
    let view = View::from_url(search, hash);
    let plain = view.query.is_empty() && view.day.is_none() && view.entry.is_none();
    match Page::from_path(path) {
        Page::Entry(_) | Page::Month(_) if plain => View { embed: view.embed, ..Page::from_path(path).view() },
        _ => view,
    }
}

/// The site's root directory as a URL path (`/learnings/`), from the path of any of its pages.
pub fn root_path(path: &str) -> String {
    let dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let dir = match Page::from_path(path) {
        Page::Home => dir,
        Page::Month(_) | Page::Entry(_) => dir.rsplit_once('/').map_or("", |(up, _)| up),
    };
    format!("{dir}/")
}

/// The URL path of `view` on the site whose root is `root` (a [`root_path`]): the entry's own
/// page for an entry shown alone, else the home page with the view's query and fragment.
pub fn url_for(root: &str, view: &View) -> String {
    match &view.entry {
        Some(id) if view.alone && view.query.is_empty() && view.day.is_none() && view.embed.is_none() => {
            format!("{root}{}", entry_path(id))
        }
        _ => format!("{root}{}{}", view.search_string(), view.hash_string()),
    }
}

/// A short fingerprint of the bundle's JSON text (64-bit FNV-1a, hex). The build stamps it on
/// each prerendered page; the app hydrates a page only when its bundle has the same one, since
/// a page rendered from other entries (an older build's page, a deploy half done) would not
/// match what the app renders.
pub fn fingerprint(json: &str) -> String {
    let hash = json.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}

/// Entry ids are slugs (`[a-z0-9-]`, see the bundle builder), so they are file names as they are.
fn is_entry_id(name: &str) -> bool {
    name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b >= 0x80)
}

/// The page of the entry `id`, relative to the site's root.
pub fn entry_path(id: &str) -> String {
    format!("e/{id}.html")
}

/// The page of the month `YYYY-MM`, relative to the site's root.
pub fn month_path(month: &str) -> String {
    format!("m/{month}.html")
}

/// How many entries the home page shows, given the days of all entries (newest first, one
/// item per entry): whole days, as many as fit in [`HOME_LIMIT`], and at least the newest day
/// however long it is.
pub fn home_len<'a>(days: impl IntoIterator<Item = &'a str>) -> usize {
    let (mut shown, mut run, mut current) = (0, 0, None);
    for day in days {
        if current != Some(day) {
            if shown > 0 && shown + run > HOME_LIMIT {
                return shown;
            }
            (shown, run, current) = (shown + run, 0, Some(day));
        }
        run += 1;
    }
    if shown > 0 && shown + run > HOME_LIMIT {
        shown
    } else {
        shown + run
    }
}

/// The months (`YYYY-MM`, newest first) of the days after the first `shown` (one item per
/// entry, newest first): the months the home page links to, each of which gets its own page.
pub fn older_months<'a>(days: impl IntoIterator<Item = &'a str>, shown: usize) -> Vec<String> {
    let mut months: Vec<String> = Vec::new();
    for day in days.into_iter().skip(shown) {
        let month = day.get(..7).unwrap_or(day);
        if months.last().map(String::as_str) != Some(month) {
            months.push(month.to_string());
        }
    }
    months
}

/// The entry's answer as plain text, at most [`DESCRIPTION_LEN`] characters, cut at a word
/// with `…`: the page's meta description and link-preview text.
pub fn description(entry: &Entry) -> String {
    let mut text = String::new();
    visit_block_text(&entry.answer, &mut |_, part| {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&part);
    });
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::new();
    for word in words {
        let wanted = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if wanted > DESCRIPTION_LEN - 1 {
            if out.is_empty() {
                out = word.chars().take(DESCRIPTION_LEN - 1).collect();
            }
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Inline};

    fn entry(id: &str, day: &str, answer: &str) -> Entry {
        Entry {
            id: id.into(),
            day: day.into(),
            question: format!("{id}?"),
            question_inlines: vec![Inline::Text(format!("{id}?"))],
            answer: vec![Block::Paragraph(vec![Inline::Text(answer.into())])],
            sources: Vec::new(),
        }
    }

    fn days(counts: &[(&str, usize)]) -> Vec<Entry> {
        counts.iter().flat_map(|(day, n)| (0..*n).map(move |i| entry(&format!("{day}-{i}"), day, "a"))).collect()
    }

    fn home(counts: &[(&str, usize)]) -> usize {
        home_len(days(counts).iter().map(|e| e.day.as_str()))
    }

    #[test]
    fn the_home_page_stops_at_a_day_boundary() {
        assert_eq!(home(&[("2026-03-02", 150), ("2026-03-01", 40), ("2026-02-28", 20)]), 190);
        assert_eq!(home(&[("2026-03-02", 150), ("2026-03-01", 50)]), 200);
        assert_eq!(home(&[("2026-03-02", 250), ("2026-03-01", 5)]), 250, "the newest day always");
        assert_eq!(home(&[("2026-03-02", 3)]), 3);
        assert_eq!(home(&[]), 0);
    }

    #[test]
    fn older_months_are_those_not_wholly_shown() {
        let entries = days(&[("2026-03-02", 150), ("2026-03-01", 40), ("2026-02-28", 20), ("2026-01-05", 1)]);
        let days = || entries.iter().map(|e| e.day.as_str());
        let shown = home_len(days());
        assert_eq!(older_months(days(), shown), ["2026-02", "2026-01"]);
        assert!(older_months(days(), entries.len()).is_empty());
    }

    #[test]
    fn pages_round_trip_through_their_paths() {
        for page in [Page::Home, Page::Month("2026-02".into()), Page::Entry("what-is-x".into())] {
            assert_eq!(Page::from_path(&format!("/sub/path/{}", page.path())), page);
        }
        assert_eq!(Page::from_path("/"), Page::Home);
        assert_eq!(Page::from_path("/learnings/"), Page::Home);
        assert_eq!(Page::from_path("/e/.html"), Page::Home);
        assert_eq!(Page::from_path("/e/Not_A_Slug.html"), Page::Home);
        assert_eq!(Page::from_path("/m/2026-13.html"), Page::Home);
        assert_eq!(Page::Entry("x".into()).view().entry.as_deref(), Some("x"));
        assert!(Page::Entry("x".into()).view().alone);
    }

    #[test]
    fn urls_name_their_view_and_come_back_to_it() {
        assert_eq!(root_path("/sub/e/x.html"), "/sub/");
        assert_eq!(root_path("/sub/m/2026-02.html"), "/sub/");
        assert_eq!(root_path("/sub/index.html"), "/sub/");
        assert_eq!(root_path("/sub/"), "/sub/");
        assert_eq!(root_path("/e/x.html"), "/");
        let alone = Page::Entry("x".into()).view();
        assert_eq!(url_for("/sub/", &alone), "/sub/e/x.html");
        assert_eq!(view_at("/sub/e/x.html", "", ""), alone);
        assert_eq!(view_at("/sub/e/x.html", "?q=git", "").query, "git");
        assert!(!view_at("/sub/e/x.html", "", "#y").alone, "an old #id link opens that entry in the list");
        let listed = View { entry: Some("x".into()), ..View::default() };
        assert_eq!(url_for("/sub/", &listed), "/sub/#x");
        assert_eq!(view_at("/sub/", "", "#x"), listed);
        assert_eq!(view_at("/m/2026-02.html", "", ""), Page::Month("2026-02".into()).view());
    }

    #[test]
    fn fingerprints_tell_bundles_apart() {
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_eq!(fingerprint("{}").len(), 16);
        assert_ne!(fingerprint("{\"a\":1}"), fingerprint("{\"a\":2}"));
    }

    #[test]
    fn descriptions_are_plain_text_cut_at_a_word() {
        let long = "word ".repeat(100);
        let text = description(&entry("x", "2026-02-24", &long));
        assert!(text.chars().count() <= DESCRIPTION_LEN, "{text}");
        assert!(text.ends_with("word…"), "{text}");
        assert_eq!(description(&entry("x", "2026-02-24", "Use <b>it</b>.")), "Use <b>it</b>.");
        let one_word = "x".repeat(300);
        assert_eq!(description(&entry("x", "2026-02-24", &one_word)).chars().count(), DESCRIPTION_LEN);
    }
}
