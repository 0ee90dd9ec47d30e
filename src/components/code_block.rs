//! A code block with its build-time highlighting and a copy button.

use learnings_core::text::code_text;
use learnings_core::CodeSpan;
use yew::prelude::*;

use crate::components::highlighted::Marker;
use crate::hooks::use_clipboard::use_clipboard;

/// Props of [`CodeBlock`].
#[derive(Properties, PartialEq)]
pub struct CodeBlockProps {
    /// The fence's language tag.
    pub lang: AttrValue,
    /// The highlighted spans.
    pub spans: Vec<CodeSpan>,
    /// Marks the current query's matches.
    #[prop_or_default]
    pub marker: Option<Marker>,
}

/// `<pre class="code">` whose highlighted spans carry `tok-*` classes, with a Copy button.
#[component]
pub fn CodeBlock(props: &CodeBlockProps) -> Html {
    let (copied, copy) = use_clipboard();
    let onclick = {
        let code = code_text(&props.spans);
        copy.reform(move |_: MouseEvent| code.clone())
    };
    html! {
        <div class="code-block">
            <button type="button" class="copy-code needs-app" {onclick} aria-label="Copy code">
                { if copied { "Copied" } else { "Copy" } }
            </button>
            <pre class="code" data-lang={props.lang.clone()} tabindex="0"><code>
                { for props.spans.iter().map(|span| match span.class() {
                    "" => Marker::render(&props.marker, span.text()),
                    class => html! { <span class={format!("tok-{class}")}>{ Marker::render(&props.marker, span.text()) }</span> },
                }) }
            </code></pre>
        </div>
    }
}
