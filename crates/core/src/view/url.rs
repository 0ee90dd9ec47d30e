//! What the page shows, as a URL: `?q=` (the query), `?day=` (a day, a `from..to` range or a
//! month) and `#<entry id>`. Loading such a URL restores the view; the app writes it back on
//! every change. Pure string work, so it is tested natively.

use crate::date::{is_iso_day, is_iso_month};

/// The day filter chosen in the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayFilter {
    /// One day, `YYYY-MM-DD`.
    Day(String),
    /// An inclusive range of days, written `from..to` (from <= to).
    Range(String, String),
    /// A month, `YYYY-MM`.
    Month(String),
}

impl DayFilter {
    /// Reads `2026-02-24`, `2026-02-18..2026-02-24` (either order) or `2026-02`; anything else
    /// is no filter.
    pub fn parse(s: &str) -> Option<DayFilter> {
        let s = s.trim();
        if let Some((a, b)) = s.split_once("..") {
            if !(is_iso_day(a) && is_iso_day(b)) {
                return None;
            }
            let (from, to) = if a <= b { (a, b) } else { (b, a) };
            return Some(if from == to {
                DayFilter::Day(from.into())
            } else {
                DayFilter::Range(from.into(), to.into())
            });
        }
        if is_iso_day(s) {
            Some(DayFilter::Day(s.into()))
        } else if is_iso_month(s) {
            Some(DayFilter::Month(s.into()))
        } else {
            None
        }
    }

    /// The filter as written in the URL.
    pub fn to_param(&self) -> String {
        match self {
            DayFilter::Day(d) | DayFilter::Month(d) => d.clone(),
            DayFilter::Range(a, b) => format!("{a}..{b}"),
        }
    }

    /// The inclusive range of ISO days the filter covers.
    pub fn day_range(&self) -> (String, String) {
        match self {
            DayFilter::Day(d) => (d.clone(), d.clone()),
            DayFilter::Range(a, b) => (a.clone(), b.clone()),
            DayFilter::Month(m) => (format!("{m}-01"), format!("{m}-31")),
        }
    }

    /// Whether the ISO day `day` passes the filter.
    pub fn contains(&self, day: &str) -> bool {
        let (from, to) = self.day_range();
        from.as_str() <= day && day <= to.as_str()
    }
}

/// The view a URL describes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    /// The search query, empty for none.
    pub query: String,
    /// The timeline's day filter.
    pub day: Option<DayFilter>,
    /// The opened entry's id.
    pub entry: Option<String>,
    /// Set when the page is embedded in another site (`?embed=1`).
    pub embed: Option<Embed>,
    /// The open entry is shown on its own, as on its page (`e/<id>.html`, see [`crate::site`]),
    /// not within the list of days. Said by the URL's path, not its query.
    pub alone: bool,
}

/// The options of an embedded view, kept in its URL: `embed=1`, `search=0`, `theme=`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embed {
    /// Whether the compact view shows its search box (`search=0` hides it).
    pub search: bool,
    /// The host's theme choice: `light`, `dark` or `auto`.
    pub theme: Option<String>,
}

/// The longest query a host may set by message; longer ones are ignored, not cut.
pub const MAX_SET_QUERY: usize = 2_000;

/// A validated `learnings:set` message from the host page: each field present only when valid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetMessage {
    /// A new query.
    pub query: Option<String>,
    /// A new day filter; `Some(None)` clears it (an empty `day`).
    pub day: Option<Option<DayFilter>>,
    /// A new theme: `light`, `dark` or `auto`.
    pub theme: Option<String>,
}

impl SetMessage {
    /// Validates the fields of a message whose `type` was `learnings:set`; `None` when no field
    /// is valid, so the page ignores the message. A field of the wrong type arrives as `None`.
    pub fn validate(query: Option<String>, day: Option<String>, theme: Option<String>) -> Option<SetMessage> {
        let message = SetMessage {
            query: query.filter(|q| q.chars().count() <= MAX_SET_QUERY),
            day: day.and_then(|d| if d.is_empty() { Some(None) } else { DayFilter::parse(&d).map(Some) }),
            theme: theme.filter(|t| is_theme(t)),
        };
        (message != SetMessage::default()).then_some(message)
    }
}

fn is_theme(name: &str) -> bool {
    matches!(name, "light" | "dark" | "auto")
}

impl View {
    /// Reads a view from a URL's `search` (`?q=...&day=...`, leading `?` optional) and `hash`
    /// (`#id`, leading `#` optional). Unknown parameters are ignored.
    pub fn from_url(search: &str, hash: &str) -> View {
        let mut view = View::default();
        for pair in search.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match key {
                "q" => view.query = value,
                "day" => view.day = DayFilter::parse(&value),
                "entry" if view.entry.is_none() && !value.is_empty() => view.entry = Some(value),
                "embed" if value == "1" => {
                    view.embed.get_or_insert(Embed { search: true, theme: None });
                }
                _ => {}
            }
        }
        if let Some(embed) = &mut view.embed {
            for pair in search.trim_start_matches('?').split('&') {
                match pair.split_once('=') {
                    Some(("search", "0")) => embed.search = false,
                    Some(("theme", theme)) if is_theme(theme) => embed.theme = Some(theme.to_string()),
                    _ => {}
                }
            }
        }
        let hash = percent_decode(hash.trim_start_matches('#'));
        if !hash.is_empty() {
            view.entry = Some(hash);
        }
        view
    }

    /// The URL's `?...` part for this view (empty when there is nothing to say).
    pub fn search_string(&self) -> String {
        let mut params = Vec::new();
        if !self.query.is_empty() {
            params.push(format!("q={}", percent_encode(&self.query)));
        }
        if let Some(day) = &self.day {
            params.push(format!("day={}", percent_encode(&day.to_param())));
        }
        if let Some(embed) = &self.embed {
            params.push("embed=1".to_string());
            if !embed.search {
                params.push("search=0".to_string());
            }
            if let Some(theme) = &embed.theme {
                params.push(format!("theme={theme}"));
            }
        }
        if params.is_empty() {
            String::new()
        } else {
            format!("?{}", params.join("&"))
        }
    }

    /// The URL's `#...` part for this view (empty when no entry is open).
    pub fn hash_string(&self) -> String {
        self.entry.as_ref().map_or_else(String::new, |id| format!("#{}", percent_encode(id)))
    }
}

/// Decodes `%XX` escapes and `+` (a space in query strings); invalid escapes stay as written.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Escapes everything but unreserved characters, so any query round-trips through a URL.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_query_day_and_entry() {
        let view = View::from_url("?q=git%20add+-p&day=2026-02-20", "#how-do-you-stage");
        assert_eq!(view.query, "git add -p");
        assert_eq!(view.day, Some(DayFilter::Day("2026-02-20".into())));
        assert_eq!(view.entry.as_deref(), Some("how-do-you-stage"));
    }

    #[test]
    fn ranges_and_months() {
        assert_eq!(
            DayFilter::parse("2026-02-24..2026-02-18"),
            Some(DayFilter::Range("2026-02-18".into(), "2026-02-24".into()))
        );
        assert_eq!(DayFilter::parse("2026-02"), Some(DayFilter::Month("2026-02".into())));
        assert!(DayFilter::Month("2026-02".into()).contains("2026-02-28"));
        assert!(!DayFilter::Range("2026-02-18".into(), "2026-02-20".into()).contains("2026-02-22"));
        assert_eq!(DayFilter::parse("2026-02-30"), None);
        assert_eq!(DayFilter::parse("yesterday"), None);
    }

    #[test]
    fn views_round_trip_through_the_url() {
        let view = View {
            query: "\"exact phrase\" -term día 日本 & = # ?".into(),
            day: Some(DayFilter::Range("2026-02-18".into(), "2026-02-24".into())),
            entry: Some("what-is-x".into()),
            embed: None,
            alone: false,
        };
        assert_eq!(View::from_url(&view.search_string(), &view.hash_string()), view);
        assert_eq!(View::default().search_string(), "");
    }

    #[test]
    fn embed_options_round_trip() {
        let view = View::from_url("?embed=1&search=0&theme=dark&q=git&entry=x", "");
        assert_eq!(view.embed, Some(Embed { search: false, theme: Some("dark".into()) }));
        assert_eq!(view.entry.as_deref(), Some("x"));
        assert_eq!(View::from_url(&view.search_string(), &view.hash_string()), view);
        assert_eq!(View::from_url("?search=0&theme=dark", "").embed, None, "only with embed=1");
        assert_eq!(View::from_url("?embed=1&theme=purple", "").embed, Some(Embed { search: true, theme: None }));
    }

    #[test]
    fn set_messages_keep_only_valid_fields() {
        let s = |v: &str| Some(v.to_string());
        assert_eq!(
            SetMessage::validate(s("bk tree"), s("2026-02"), s("dark")),
            Some(SetMessage {
                query: s("bk tree"),
                day: Some(Some(DayFilter::Month("2026-02".into()))),
                theme: s("dark")
            })
        );
        assert_eq!(SetMessage::validate(None, s(""), None), Some(SetMessage { day: Some(None), ..Default::default() }));
        assert_eq!(SetMessage::validate(None, s("yesterday"), s("purple")), None);
        assert_eq!(SetMessage::validate(Some("x".repeat(MAX_SET_QUERY + 1)), None, None), None);
    }

    #[test]
    fn bad_escapes_do_not_panic() {
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%E6%97%A5"), "日");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }
}

/// The HTML a host page pastes to embed `page_url` (an `?embed=1` URL): the iframe and a few
/// lines that size it to the height the embedded page posts.
pub fn embed_snippet(page_url: &str) -> String {
    let src = page_url.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        r#"<iframe src="{src}" title="Learnings" loading="lazy" style="width:100%;height:480px;border:0"></iframe>
<script>
addEventListener("message", (e) => {{
  const frame = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === e.source);
  if (frame && e.data && e.data.type === "learnings:resize") frame.style.height = e.data.height + "px";
}});
</script>"#
    )
}

#[cfg(test)]
mod snippet_tests {
    use super::embed_snippet;

    #[test]
    fn snippet_escapes_the_url_and_sizes_the_frame() {
        let snippet = embed_snippet("https://x.org/l/?q=a&embed=1\"");
        assert!(snippet.starts_with(r#"<iframe src="https://x.org/l/?q=a&amp;embed=1&quot;""#), "{snippet}");
        assert!(snippet.contains("learnings:resize") && snippet.contains("e.source"));
    }
}
