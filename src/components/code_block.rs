//! A code block with its build-time highlighting.

use learnings_core::CodeSpan;
use yew::prelude::*;

/// Props of [`CodeBlock`].
#[derive(Properties, PartialEq)]
pub struct CodeBlockProps {
    /// The fence's language tag.
    pub lang: AttrValue,
    /// The highlighted spans.
    pub spans: Vec<CodeSpan>,
}

/// `<pre class="code">` whose highlighted spans carry `tok-*` classes.
#[component]
pub fn CodeBlock(props: &CodeBlockProps) -> Html {
    html! {
        <pre class="code" data-lang={props.lang.clone()}><code>
            { for props.spans.iter().map(|span| match span.class() {
                "" => html! { { span.text().to_string() } },
                class => html! { <span class={format!("tok-{class}")}>{ span.text().to_string() }</span> },
            }) }
        </code></pre>
    }
}
