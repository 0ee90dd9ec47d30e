//! Footnotes: the numbered citation in the text and the notes at the end of the answer, linked
//! both ways. Their ids start with the entry's id, so they stay unique on a page of entries.

use learnings_core::Block;
use yew::prelude::*;

use crate::components::answer::Blocks;
use crate::components::highlighted::Marker;
use crate::parts::BlockAt;

/// The id of the entry whose answer is being rendered, provided by the entry's view.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteScope(pub AttrValue);

/// The id of footnote `number` of the entry `scope`.
fn note_id(scope: &str, number: usize) -> String {
    format!("{scope}--note-{number}")
}

/// The id of the citation of footnote `number` of the entry `scope`.
fn cite_id(scope: &str, number: usize) -> String {
    format!("{scope}--cite-{number}")
}

#[hook]
fn use_scope() -> AttrValue {
    use_context::<NoteScope>().map(|scope| scope.0).unwrap_or_default()
}

/// A link that moves to the element `target` on the page. In the app it scrolls and focuses
/// the target without changing the URL, whose fragment names the open entry; without the app
/// it is a plain fragment link.
fn jump_link(target: String, class: &'static str, label: String, text: String, id: Option<String>) -> Html {
    let onclick = {
        let target = target.clone();
        Callback::from(move |event: MouseEvent| jump(&target, &event))
    };
    html! { <a {id} {class} href={format!("#{target}")} aria-label={label} {onclick}>{ text }</a> }
}

/// Scrolls to and focuses the element `target` instead of following the link.
#[cfg(target_arch = "wasm32")]
fn jump(target: &str, event: &MouseEvent) {
    use wasm_bindgen::JsCast;
    let found = gloo_utils::document().get_element_by_id(target);
    if let Some(element) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        event.prevent_default();
        element.scroll_into_view();
        drop(element.focus());
    }
}

/// Natively the page is only rendered, never clicked.
#[cfg(not(target_arch = "wasm32"))]
fn jump(_target: &str, _event: &MouseEvent) {}

/// Props of [`NoteRef`].
#[derive(Properties, PartialEq)]
pub struct NoteRefProps {
    /// The footnote's number.
    pub number: u32,
}

/// The citation: a superscript number linking to its note.
#[component]
pub fn NoteRef(props: &NoteRefProps) -> Html {
    let scope = use_scope();
    let number = props.number as usize;
    html! {
        <sup class="footnote-ref">
            { jump_link(note_id(&scope, number), "", format!("Footnote {number}"), number.to_string(), Some(cite_id(&scope, number))) }
        </sup>
    }
}

/// Props of [`Footnotes`].
#[derive(Properties, PartialEq)]
pub struct FootnotesProps {
    /// The answer's footnotes block: the notes, numbered from 1.
    pub block: BlockAt,
    /// Marks the current query's matches.
    #[prop_or_default]
    pub marker: Option<Marker>,
}

/// The notes, each with a link back to its citation.
#[component]
pub fn Footnotes(props: &FootnotesProps) -> Html {
    let scope = use_scope();
    let Some(Block::Footnotes(notes)) = props.block.get() else { return Html::default() };
    html! {
        // Not a landmark: a page of entries would hold many with one name.
        <div class="footnotes">
            <ol>
                { for (0..notes.len()).map(|index| {
                    let number = index + 1;
                    html! {
                        <li id={note_id(&scope, number)} tabindex="-1">
                            <Blocks blocks={props.block.child(index)} marker={props.marker.clone()} />
                            { jump_link(cite_id(&scope, number), "footnote-back", format!("Back to citation {number}"), "↩".into(), None) }
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
