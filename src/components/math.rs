//! A formula: the MathML the build converted it to, created as elements in the MathML
//! namespace (Yew puts `<math>` and everything inside it there), so the browser lays it out
//! natively and the app ships no math library.

use learnings_core::mathml::{mathml_attribute, mathml_tag};
use learnings_core::MathNode;
use yew::prelude::*;
use yew::virtual_dom::VTag;

/// The node and its children; elements or attributes outside the allow-list are left out.
pub fn math_html(node: &MathNode) -> Html {
    match node {
        MathNode::Text(text) => html! { { text.clone() } },
        MathNode::Element { tag, attrs, children } => {
            let Some(tag) = mathml_tag(tag) else { return Html::default() };
            let mut element = VTag::new(tag);
            for (name, value) in attrs {
                if let Some(name) = mathml_attribute(name) {
                    element.add_attribute(name, value.clone());
                }
            }
            element.add_children(children.iter().map(math_html));
            element.into()
        }
    }
}
