//! A GFM table. It scrolls sideways inside the entry when it is wider than the screen, rather
//! than widening the page.

use learnings_core::{Align, Inline};
use yew::prelude::*;

use crate::components::answer::Inlines;
use crate::components::highlighted::Marker;

/// Props of [`Table`].
#[derive(Properties, PartialEq)]
pub struct TableProps {
    /// Each column's alignment.
    pub align: Vec<Align>,
    /// The header cells.
    pub head: Vec<Vec<Inline>>,
    /// The body rows.
    pub rows: Vec<Vec<Vec<Inline>>>,
    /// Marks the current query's matches.
    #[prop_or_default]
    pub marker: Option<Marker>,
}

/// `<table>` in a focusable scrolling region, so that keyboard users can scroll it too.
#[component]
pub fn Table(props: &TableProps) -> Html {
    let cell = |column: usize, inlines: &Vec<Inline>, header: bool| {
        let class = match props.align.get(column) {
            Some(Align::Left) => Some("align-left"),
            Some(Align::Center) => Some("align-center"),
            Some(Align::Right) => Some("align-right"),
            Some(Align::None) | None => None,
        };
        let content = html! { <Inlines inlines={inlines.clone()} marker={props.marker.clone()} /> };
        if header {
            html! { <th scope="col" {class}>{ content }</th> }
        } else {
            html! { <td {class}>{ content }</td> }
        }
    };
    html! {
        <div class="table-scroll" role="region" aria-label="Table" tabindex="0">
            <table>
                <thead><tr>{ for props.head.iter().enumerate().map(|(i, c)| cell(i, c, true)) }</tr></thead>
                <tbody>
                    { for props.rows.iter().map(|row| html! {
                        <tr>{ for row.iter().enumerate().map(|(i, c)| cell(i, c, false)) }</tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
