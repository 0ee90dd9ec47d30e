//! Renders the bundle's structured answer: every string becomes a text node, never HTML.

use learnings_core::{is_http_url, Block, Inline};
use yew::prelude::*;

use crate::components::code_block::CodeBlock;
use crate::components::entry_link::SiteLinks;
use crate::components::footnotes::{Footnotes, NoteRef};
use crate::components::highlighted::Marker;
use crate::components::math::math_html;
use crate::components::table::Table;
use crate::parts::{BlockAt, BlocksAt, InlinesAt};

/// Props of [`Blocks`].
#[derive(Properties, PartialEq)]
pub struct BlocksProps {
    /// The blocks to render.
    pub blocks: BlocksAt,
    /// Marks the current query's matches, in an opened search result.
    #[prop_or_default]
    pub marker: Option<Marker>,
}

/// Paragraphs, lists, code blocks, sub-headings, quotes, tables and footnotes.
#[component]
pub fn Blocks(props: &BlocksProps) -> Html {
    let marker = &props.marker;
    let list_item =
        |block: &BlockAt, k: usize| html! { <li><Blocks blocks={block.child(k)} marker={marker.clone()} /></li> };
    let runs = |inlines: InlinesAt| html! { <Inlines {inlines} marker={marker.clone()} /> };
    html! {
        { for props.blocks.get().iter().enumerate().map(|(at, block)| {
            let here = props.blocks.block(at);
            match block {
                // A task item's checkbox is labelled by the item's text.
                Block::Paragraph(inlines) => match inlines.first() {
                    Some(Inline::Task(_)) => html! {
                        <p class="task"><label>{ runs(here.runs(0).slice(0, Some(1))) }{ " " }{ runs(here.runs(0).slice(1, None)) }</label></p>
                    },
                    _ => html! { <p>{ runs(here.runs(0)) }</p> },
                },
                Block::List { start: Some(start), items } => html! {
                    <ol start={start.to_string()}>{ for (0..items.len()).map(|k| list_item(&here, k)) }</ol>
                },
                Block::List { start: None, items } => html! { <ul>{ for (0..items.len()).map(|k| list_item(&here, k)) }</ul> },
                Block::Code { .. } => html! { <CodeBlock block={here} marker={marker.clone()} /> },
                // The entry's question is an `<h3>`: `###` is the level below it.
                Block::Heading { level, .. } => html! {
                    <@{format!("h{}", level.saturating_add(1).clamp(4, 6))} class="subheading">{ runs(here.runs(0)) }</@>
                },
                Block::Quote(_) => html! { <blockquote><Blocks blocks={here.child(0)} marker={marker.clone()} /></blockquote> },
                Block::Table { .. } => html! { <Table block={here} marker={marker.clone()} /> },
                Block::Footnotes(_) => html! { <Footnotes block={here} marker={marker.clone()} /> },
            }
        }) }
    }
}

/// Props of [`Inlines`].
#[derive(Properties, PartialEq)]
pub struct InlinesProps {
    /// The runs to render.
    pub inlines: InlinesAt,
    /// Marks the current query's matches.
    #[prop_or_default]
    pub marker: Option<Marker>,
}

/// Text, inline code, emphasis, strikethrough, links, checkboxes, footnote citations, math
/// and images.
#[component]
pub fn Inlines(props: &InlinesProps) -> Html {
    let marker = &props.marker;
    let root = use_context::<SiteLinks>().map_or("", |links| links.root);
    let nested = |at: usize| html! { <Inlines inlines={props.inlines.children(at)} marker={marker.clone()} /> };
    html! {
        { for props.inlines.get().iter().enumerate().map(|(at, inline)| match inline {
            Inline::Text(text) => Marker::render(marker, text),
            Inline::Code(text) => html! { <code>{ Marker::render(marker, text) }</code> },
            Inline::Emphasis(_) => html! { <em>{ nested(at) }</em> },
            Inline::Strong(_) => html! { <strong>{ nested(at) }</strong> },
            Inline::Link { href, .. } if is_http_url(href) => html! {
                <a href={href.clone()} target="_blank" rel="noopener noreferrer">{ nested(at) }</a>
            },
            Inline::Link { .. } => nested(at),
            Inline::Break => html! { <br /> },
            Inline::Strike(_) => html! { <del>{ nested(at) }</del> },
            Inline::Task(done) => html! { <input type="checkbox" disabled=true checked={*done} /> },
            Inline::Note(number) => html! { <NoteRef number={*number} /> },
            Inline::Math { mathml, .. } => math_html(mathml),
            // The size is known before the file loads, so nothing below it moves.
            Inline::Image { src, alt, width, height } => html! {
                <img src={format!("{root}{src}")} alt={alt.clone()} width={width.to_string()}
                    height={height.to_string()} loading="lazy" decoding="async" />
            },
        }) }
    }
}
