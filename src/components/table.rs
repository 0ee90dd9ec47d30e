//! A GFM table. It scrolls sideways inside the entry when it is wider than the screen, rather
//! than widening the page.

use learnings_core::{Align, Block};
use yew::prelude::*;

use crate::components::answer::Inlines;
use crate::components::highlighted::Marker;
use crate::parts::BlockAt;

/// Props of [`Table`].
#[derive(Properties, PartialEq)]
pub struct TableProps {
    /// The table block: each column's alignment, the header cells and the body rows.
    pub block: BlockAt,
    /// Marks the current query's matches.
    #[prop_or_default]
    pub marker: Option<Marker>,
}

/// `<table>` in a focusable scrolling region, so that keyboard users can scroll it too.
#[component]
pub fn Table(props: &TableProps) -> Html {
    let Some(Block::Table { align, head, rows }) = props.block.get() else { return Html::default() };
    // Cell `k` counts the header cells first, then the rows' cells row by row.
    let cell = |column: usize, k: usize, header: bool| {
        let class = match align.get(column) {
            Some(Align::Left) => Some("align-left"),
            Some(Align::Center) => Some("align-center"),
            Some(Align::Right) => Some("align-right"),
            Some(Align::None) | None => None,
        };
        let content = html! { <Inlines inlines={props.block.runs(k)} marker={props.marker.clone()} /> };
        if header {
            html! { <th scope="col" {class}>{ content }</th> }
        } else {
            html! { <td {class}>{ content }</td> }
        }
    };
    html! {
        <div class="table-scroll" role="region" aria-label="Table" tabindex="0">
            <table>
                <thead><tr>{ for (0..head.len()).map(|i| cell(i, i, true)) }</tr></thead>
                <tbody>
                    { for rows.iter().scan(head.len(), |first, row| {
                        let cells = (0..row.len()).map(|i| cell(i, *first + i, false)).collect::<Html>();
                        *first += row.len();
                        Some(html! { <tr>{ cells }</tr> })
                    }) }
                </tbody>
            </table>
        </div>
    }
}
