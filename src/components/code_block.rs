//! A code block with its build-time highlighting and a copy button.

use learnings_core::text::code_text;
use learnings_core::Block;
use yew::prelude::*;

use crate::components::highlighted::Marker;
use crate::hooks::use_clipboard::use_clipboard;
use crate::parts::BlockAt;

/// Props of [`CodeBlock`].
#[derive(Properties, PartialEq)]
pub struct CodeBlockProps {
    /// The code block: the fence's language tag and the highlighted spans.
    pub block: BlockAt,
    /// Marks the current query's matches.
    #[prop_or_default]
    pub marker: Option<Marker>,
}

/// `<pre class="code">` whose highlighted spans carry `tok-*` classes, with a Copy button.
#[component]
pub fn CodeBlock(props: &CodeBlockProps) -> Html {
    let (copied, copy) = use_clipboard();
    let Some(Block::Code { lang, spans }) = props.block.get() else { return Html::default() };
    let onclick = {
        let code = code_text(spans);
        copy.reform(move |_: MouseEvent| code.clone())
    };
    html! {
        <div class="code-block">
            <button type="button" class="copy-code needs-app" {onclick} aria-label="Copy code">
                { if copied { "Copied" } else { "Copy" } }
            </button>
            <pre class="code" data-lang={lang.clone()} tabindex="0"><code>
                { for spans.iter().map(|span| match span.class() {
                    "" => Marker::render(&props.marker, span.text()),
                    class => html! { <span class={format!("tok-{class}")}>{ Marker::render(&props.marker, span.text()) }</span> },
                }) }
            </code></pre>
        </div>
    }
}
