//! Renders the bundle's structured answer: every string becomes a text node, never HTML.

use learnings_core::{is_http_url, Block, Inline};
use yew::prelude::*;

use crate::components::code_block::CodeBlock;
use crate::components::highlighted::Marker;

/// Props of [`Blocks`].
#[derive(Properties, PartialEq)]
pub struct BlocksProps {
    /// The blocks to render.
    pub blocks: Vec<Block>,
    /// Marks the current query's matches, in an opened search result.
    #[prop_or_default]
    pub marker: Option<Marker>,
}

/// Paragraphs, lists and code blocks.
#[component]
pub fn Blocks(props: &BlocksProps) -> Html {
    let marker = &props.marker;
    let list_item = |item: &Vec<Block>| html! { <li><Blocks blocks={item.clone()} marker={marker.clone()} /></li> };
    html! {
        { for props.blocks.iter().map(|block| match block {
            Block::Paragraph(inlines) => html! { <p><Inlines inlines={inlines.clone()} marker={marker.clone()} /></p> },
            Block::List { start: Some(start), items } => html! {
                <ol start={start.to_string()}>{ for items.iter().map(list_item) }</ol>
            },
            Block::List { start: None, items } => html! { <ul>{ for items.iter().map(list_item) }</ul> },
            Block::Code { lang, spans } => html! {
                <CodeBlock lang={lang.clone()} spans={spans.clone()} marker={marker.clone()} />
            },
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

/// Text, inline code, emphasis and links.
#[component]
pub fn Inlines(props: &InlinesProps) -> Html {
    let marker = &props.marker;
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
        }) }
    }
}
