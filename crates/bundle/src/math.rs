//! Formulas: TeX (`$...$`, `$$...$$`) converted to MathML at build time with `pulldown-latex`,
//! then read into the bundle's [`MathNode`] tree, keeping only the MathML Core the site allows.
//! The TeX source stays in the formula as its `<annotation encoding="application/x-tex">`.

use learnings_core::mathml::{mathml_attribute, mathml_tag};
use learnings_core::MathNode;
use pulldown_latex::config::DisplayMode;
use pulldown_latex::{push_mathml, Parser, RenderConfig, Storage};

/// The `<math>` element of `tex`, or what is wrong with the formula in an author's words.
pub fn to_mathml(tex: &str, display: bool) -> Result<MathNode, String> {
    let storage = Storage::new();
    let events: Vec<_> = Parser::new(tex, &storage).collect();
    if let Some(Err(error)) = events.iter().find(|event| event.is_err()) {
        let reason = error.to_string();
        let reason = reason.lines().next().unwrap_or_default();
        let reason = reason.strip_prefix("parsing error: ").unwrap_or(reason);
        return Err(format!("the formula `{tex}` does not parse: {reason}"));
    }
    let display_mode = if display { DisplayMode::Block } else { DisplayMode::Inline };
    // The annotation is added here: the converter writes it unescaped.
    let config = RenderConfig { display_mode, annotation: None, ..RenderConfig::default() };
    let mut xml = String::new();
    push_mathml(&mut xml, events.into_iter(), config)
        .map_err(|e| format!("the formula `{tex}` cannot be converted to MathML: {e}"))?;
    let math = parse(&xml).map_err(|reason| format!("the formula `{tex}` {reason}"))?;
    Ok(annotated(math, tex))
}

/// `<math>` with its content and the TeX source inside `<semantics>`.
fn annotated(math: MathNode, tex: &str) -> MathNode {
    let MathNode::Element { tag, attrs, mut children } = math else { return math };
    let content = if children.len() == 1 {
        children.remove(0)
    } else {
        MathNode::Element { tag: "mrow".into(), attrs: Vec::new(), children }
    };
    let annotation = MathNode::Element {
        tag: "annotation".into(),
        attrs: vec![("encoding".into(), "application/x-tex".into())],
        children: vec![MathNode::Text(tex.into())],
    };
    let semantics =
        MathNode::Element { tag: "semantics".into(), attrs: Vec::new(), children: vec![content, annotation] };
    MathNode::Element { tag, attrs, children: vec![semantics] }
}

/// An element being read: its name, attributes and children so far.
type Open = (&'static str, Vec<(String, String)>, Vec<MathNode>);

/// Reads the converter's MathML (without comments or declarations) into a tree. It writes
/// operators unescaped (`<mo><</mo>`), so a `<` that starts no tag name is text.
fn parse(xml: &str) -> Result<MathNode, String> {
    let mut stack: Vec<Open> = vec![("", Vec::new(), Vec::new())];
    let mut rest = xml;
    while !rest.is_empty() {
        let tag =
            rest.strip_prefix('<').filter(|after| after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/'));
        if let Some(after) = tag {
            let end = tag_end(after).ok_or("converts to unreadable MathML (an unclosed tag)")?;
            let (inner, next) = (&after[..end], &after[end + 1..]);
            rest = next;
            if let Some(name) = inner.strip_prefix('/') {
                let (tag, attrs, children) = stack.pop().ok_or("converts to unreadable MathML")?;
                if tag != name.trim() || stack.is_empty() {
                    return Err(format!("converts to unreadable MathML (`</{name}>` closes `<{tag}>`)"));
                }
                push_child(&mut stack, MathNode::Element { tag: tag.into(), attrs, children });
            } else {
                let (inner, empty) = inner.strip_suffix('/').map_or((inner, false), |inner| (inner, true));
                let open = open_tag(inner)?;
                if empty {
                    let (tag, attrs, children) = open;
                    push_child(&mut stack, MathNode::Element { tag: tag.into(), attrs, children });
                } else {
                    stack.push(open);
                }
            }
        } else {
            // At least one character: text may start with a `<` that starts no tag.
            let first = rest.chars().next().map_or(0, char::len_utf8);
            let end = rest[first..].find('<').map_or(rest.len(), |i| i + first);
            push_child(&mut stack, MathNode::Text(unescape(&rest[..end])?));
            rest = &rest[end..];
        }
    }
    match stack.pop() {
        Some(("", _, mut children)) if stack.is_empty() && children.len() == 1 => {
            children.pop().ok_or_else(|| "converts to no MathML".to_string())
        }
        _ => Err("converts to unreadable MathML (unbalanced elements)".into()),
    }
}

fn push_child(stack: &mut [Open], child: MathNode) {
    if let Some((_, _, children)) = stack.last_mut() {
        children.push(child);
    }
}

/// The index of the `>` that ends the tag starting at `text`, outside quoted values.
fn tag_end(text: &str) -> Option<usize> {
    let mut quoted = false;
    text.char_indices().find_map(|(i, c)| match c {
        '"' => {
            quoted = !quoted;
            None
        }
        '>' if !quoted => Some(i),
        _ => None,
    })
}

/// An opening tag's name and allowed attributes: `mo stretchy="true"`.
fn open_tag(inner: &str) -> Result<Open, String> {
    let (name, mut rest) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    let tag = mathml_tag(name).ok_or_else(|| format!("needs MathML `<{name}>`, which the site does not allow"))?;
    let mut attrs = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return Ok((tag, attrs, Vec::new()));
        }
        let (key, after) = rest.split_once("=\"").ok_or("converts to unreadable MathML (an attribute)")?;
        let (value, after) = after.split_once('"').ok_or("converts to unreadable MathML (an attribute)")?;
        rest = after;
        match key.trim() {
            // A hook for pulldown-latex's own stylesheet, which the site does not use.
            "class" => {}
            "style" => return Err("uses colours or styles (`\\color`, `\\style`), which are not supported".into()),
            key => {
                let key = mathml_attribute(key)
                    .ok_or_else(|| format!("needs the MathML attribute `{key}`, which the site does not allow"))?;
                attrs.push((key.to_string(), unescape(value)?));
            }
        }
    }
}

/// Text with the converter's character references replaced by their characters; an `&` that
/// starts none is itself (operators are written unescaped).
fn unescape(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let reference = rest[start..].find(';').map(|end| end + start).filter(|&end| {
            let name = &rest[start + 1..end];
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '#')
        });
        let Some(end) = reference else {
            out.push('&');
            rest = &rest[start + 1..];
            continue;
        };
        let name = &rest[start + 1..end];
        let c = match name {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => name
                .strip_prefix("#x")
                .map(|hex| u32::from_str_radix(hex, 16))
                .or_else(|| name.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        out.push(c.ok_or_else(|| format!("converts to MathML with an unknown reference `&{name};`"))?);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn element(node: &MathNode) -> (&str, &[(String, String)], &[MathNode]) {
        match node {
            MathNode::Element { tag, attrs, children } => (tag, attrs, children),
            MathNode::Text(text) => panic!("expected an element, got text `{text}`"),
        }
    }

    #[test]
    fn a_formula_becomes_math_with_its_tex_annotation() {
        let math = to_mathml(r"\frac{a}{b} < 1 \& a<b", true).unwrap();
        let (tag, attrs, children) = element(&math);
        assert_eq!(tag, "math");
        assert_eq!(attrs, [("display".to_string(), "block".to_string())]);
        let (semantics, _, parts) = element(&children[0]);
        assert_eq!(semantics, "semantics");
        let (annotation, attrs, text) = element(parts.last().unwrap());
        assert_eq!(annotation, "annotation");
        assert_eq!(attrs, [("encoding".to_string(), "application/x-tex".to_string())]);
        assert_eq!(text, [MathNode::Text(r"\frac{a}{b} < 1 \& a<b".into())]);
        let tree = format!("{math:?}");
        assert!(tree.contains("\"mfrac\"") && tree.contains("Text(\"<\")") && tree.contains("Text(\"&\")"), "{tree}");
    }

    #[test]
    fn broken_or_styled_formulas_are_refused_in_words() {
        let broken = to_mathml(r"\frac{a", false).unwrap_err();
        assert!(broken.contains("does not parse: unbalanced group"), "{broken}");
        assert!(!broken.contains('\n'), "one line: {broken}");
        assert!(to_mathml(r"\foo", false).unwrap_err().contains("unknown"));
        assert!(to_mathml(r"\color{red}{x}", false).unwrap_err().contains("colours"));
    }

    #[test]
    fn references_are_read() {
        assert_eq!(unescape("a&nbsp;&lt;&#x3B1;&#946;").unwrap(), "a\u{a0}<αβ");
        assert!(unescape("&bogus;").is_err());
        assert_eq!(unescape("a & b;").unwrap(), "a & b;");
    }
}
