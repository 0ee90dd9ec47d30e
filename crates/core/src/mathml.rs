//! The MathML a bundle may carry: MathML Core's presentation elements and attributes. The
//! builder refuses a formula whose conversion holds anything else, and the app creates only
//! these, so a hand-made bundle cannot smuggle scripts or styles in as math.

/// The allowed element names.
const TAGS: &[&str] = &[
    "math",
    "semantics",
    "annotation",
    "mrow",
    "mi",
    "mn",
    "mo",
    "ms",
    "mspace",
    "mtext",
    "mfrac",
    "msqrt",
    "mroot",
    "msub",
    "msup",
    "msubsup",
    "munder",
    "mover",
    "munderover",
    "mmultiscripts",
    "mprescripts",
    "none",
    "mtable",
    "mtr",
    "mtd",
    "mpadded",
    "mphantom",
    "mstyle",
];

/// The allowed attribute names.
const ATTRIBUTES: &[&str] = &[
    "display",
    "encoding",
    "mathvariant",
    "stretchy",
    "fence",
    "separator",
    "form",
    "lspace",
    "rspace",
    "minsize",
    "maxsize",
    "largeop",
    "movablelimits",
    "symmetric",
    "accent",
    "accentunder",
    "linethickness",
    "scriptlevel",
    "displaystyle",
    "width",
    "height",
    "depth",
    "voffset",
    "columnalign",
    "rowalign",
    "columnspan",
    "rowspan",
    "columnspacing",
    "rowspacing",
    "columnlines",
    "rowlines",
    "frame",
];

/// `name` as an allowed MathML element name.
pub fn mathml_tag(name: &str) -> Option<&'static str> {
    TAGS.iter().copied().find(|tag| *tag == name)
}

/// `name` as an allowed MathML attribute name.
pub fn mathml_attribute(name: &str) -> Option<&'static str> {
    ATTRIBUTES.iter().copied().find(|attribute| *attribute == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_presentation_math_is_allowed() {
        assert_eq!(mathml_tag("mfrac"), Some("mfrac"));
        assert_eq!(mathml_tag("script"), None);
        assert_eq!(mathml_attribute("mathvariant"), Some("mathvariant"));
        assert_eq!(mathml_attribute("style"), None);
        assert_eq!(mathml_attribute("onclick"), None);
    }
}
