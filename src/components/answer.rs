//! Renders the bundle's structured answer: every string becomes a text node, never HTML.

use learnings_core::{is_http_url, Block, Inline};
use yew::prelude::*;

use crate::components::code_block::CodeBlock;
use crate::components::entry_link::SiteLinks;
use crate::components::footnotes::{Footnotes, NoteRef};
use crate::components::highlighted::Marker;
use crate::components::math::math_html;
use crate::components::table::Table;

/// Props of [`Blocks`].
#[derive(Properties, PartialEq)]
pub struct BlocksProps {
    /// The blocks to render.
    pub blocks: Vec<Block>,
    /// Marks the current query's matches, in an opened search result.
    #[prop_or_default]
    pub marker: Option<Marker>,
}

/// Paragraphs, lists, code blocks, sub-headings, quotes, tables and footnotes.
#[component]
pub fn Blocks(props: &BlocksProps) -> Html {
    let marker = &props.marker;
    let list_item = |item: &Vec<Block>| html! { <li><Blocks blocks={item.clone()} marker={marker.clone()} /></li> };
    let runs = |inlines: &[Inline]| html! { <Inlines inlines={inlines.to_vec()} marker={marker.clone()} /> };
    html! {
        { for props.blocks.iter().map(|block| match block {
            // A task item's checkbox is labelled by the item's text.
            Block::Paragraph(inlines) => match inlines.split_first() {
                Some((task @ Inline::Task(_), rest)) => html! {
                    <p class="task"><label>{ runs(std::slice::from_ref(task)) }{ " " }{ runs(rest) }</label></p>
                },
                _ => html! { <p>{ runs(inlines) }</p> },
            },
            Block::List { start: Some(start), items } => html! {
                <ol start={start.to_string()}>{ for items.iter().map(list_item) }</ol>
            },
            Block::List { start: None, items } => html! { <ul>{ for items.iter().map(list_item) }</ul> },
            Block::Code { lang, spans } => html! {
                <CodeBlock lang={lang.clone()} spans={spans.clone()} marker={marker.clone()} />
            },
            // The entry's question is an `<h3>`: `###` is the level below it.
            Block::Heading { level, children } => html! {
                <@{format!("h{}", level.saturating_add(1).clamp(4, 6))} class="subheading">{ runs(children) }</@>
            },
            Block::Quote(blocks) => html! { <blockquote><Blocks blocks={blocks.clone()} marker={marker.clone()} /></blockquote> },
            Block::Table { align, head, rows } => html! {
                <Table align={align.clone()} head={head.clone()} rows={rows.clone()} marker={marker.clone()} />
            },
            Block::Footnotes(notes) => html! { <Footnotes notes={notes.clone()} marker={marker.clone()} /> },
        }) }
    }
}

/// Props of [`Inlines`].
#[derive(Properties, PartialEq)]
pub struct InlinesProps {
    /// The runs to render.
    pub inlines: Vec<Inline>,
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
    let nested = |children: &Vec<Inline>| html! { <Inlines inlines={children.clone()} marker={marker.clone()} /> };
    html! {
        { for props.inlines.iter().map(|inline| match inline {
            Inline::Text(text) => Marker::render(marker, text),
            Inline::Code(text) => html! { <code>{ Marker::render(marker, text) }</code> },
            Inline::Emphasis(children) => html! { <em>{ nested(children) }</em> },
            Inline::Strong(children) => html! { <strong>{ nested(children) }</strong> },
            Inline::Link { href, children } if is_http_url(href) => html! {
                <a href={href.clone()} target="_blank" rel="noopener noreferrer">{ nested(children) }</a>
            },
            Inline::Link { children, .. } => nested(children),
            Inline::Break => html! { <br /> },
            Inline::Strike(children) => html! { <del>{ nested(children) }</del> },
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
