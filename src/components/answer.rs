//! Renders the bundle's structured answer: every string becomes a text node, never HTML.

use learnings_core::{is_http_url, Block, Inline};
use yew::prelude::*;

use crate::components::code_block::CodeBlock;

/// Props of [`Blocks`].
#[derive(Properties, PartialEq)]
pub struct BlocksProps {
    /// The blocks to render.
    pub blocks: Vec<Block>,
}

/// Paragraphs, lists and code blocks.
#[component]
pub fn Blocks(props: &BlocksProps) -> Html {
    html! { { for props.blocks.iter().map(block) } }
}

fn block(block: &Block) -> Html {
    match block {
        Block::Paragraph { inlines } => html! { <p><Inlines inlines={inlines.clone()} /></p> },
        Block::List { start: Some(start), items } => html! {
            <ol start={start.to_string()}>{ for items.iter().map(|item| list_item(item)) }</ol>
        },
        Block::List { start: None, items } => html! { <ul>{ for items.iter().map(|item| list_item(item)) }</ul> },
        Block::Code { lang, spans } => html! { <CodeBlock lang={lang.clone()} spans={spans.clone()} /> },
    }
}

fn list_item(item: &[Block]) -> Html {
    html! { <li><Blocks blocks={item.to_vec()} /></li> }
}

/// Props of [`Inlines`].
#[derive(Properties, PartialEq)]
pub struct InlinesProps {
    /// The runs to render.
    pub inlines: Vec<Inline>,
}

/// Text, inline code, emphasis and links.
#[component]
pub fn Inlines(props: &InlinesProps) -> Html {
    html! { { for props.inlines.iter().map(inline) } }
}

fn inline(inline: &Inline) -> Html {
    match inline {
        Inline::Text { text } => html! { { text.clone() } },
        Inline::Code { text } => html! { <code>{ text.clone() }</code> },
        Inline::Emphasis { children } => html! { <em><Inlines inlines={children.clone()} /></em> },
        Inline::Strong { children } => html! { <strong><Inlines inlines={children.clone()} /></strong> },
        Inline::Link { href, children } if is_http_url(href) => html! {
            <a href={href.clone()} target="_blank" rel="noopener noreferrer"><Inlines inlines={children.clone()} /></a>
        },
        Inline::Link { children, .. } => html! { <Inlines inlines={children.clone()} /> },
        Inline::Break => html! { <br /> },
    }
}
