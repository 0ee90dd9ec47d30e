//! What the app shows, worked out without a browser: the view a URL describes ([`url`]) and the
//! pure logic of the app's components (the timeline's heatmap and month list, the reading
//! list's days and neighbours, the result cursor), so that all of it is tested natively.
//!
//! Invariant: plain data in, plain data out; the components only turn the answers into markup.

pub mod reading;
pub mod results;
pub mod timeline;
mod url;

pub use url::{embed_snippet, percent_decode, percent_encode, DayFilter, Embed, SetMessage, View, MAX_SET_QUERY};
