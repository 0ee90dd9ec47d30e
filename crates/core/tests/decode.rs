//! The bundle's reader and writer agree: whatever bundle `learnings-bundle` writes (the model's
//! `Serialize` derives through serde_json, compact or pretty), `decode_bundle` reads back equal,
//! every block, inline and MathML node included.

use learnings_core::text::inline_text;
use learnings_core::{
    decode_bundle, Align, Block, Bundle, CodeSpan, Day, Entry, Inline, MathNode, SiteInfo, Source, SCHEMA_VERSION,
};
use proptest::prelude::*;

/// Any text: quotes, backslashes, control characters, astral planes.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[a-z \"\\\\/\n\t\u{1}é😀]{0,12}"]
}

fn math_node() -> impl Strategy<Value = MathNode> {
    text().prop_map(MathNode::Text).prop_recursive(3, 12, 3, |inner| {
        (text(), prop::collection::vec((text(), text()), 0..2), prop::collection::vec(inner, 0..3))
            .prop_map(|(tag, attrs, children)| MathNode::Element { tag, attrs, children })
    })
}

fn inline() -> impl Strategy<Value = Inline> {
    let leaf = prop_oneof![
        text().prop_map(Inline::Text),
        text().prop_map(Inline::Code),
        Just(Inline::Break),
        any::<bool>().prop_map(Inline::Task),
        any::<u32>().prop_map(Inline::Note),
        (text(), math_node()).prop_map(|(tex, mathml)| Inline::Math { tex, mathml }),
        (text(), text(), any::<u32>(), any::<u32>()).prop_map(|(src, alt, width, height)| Inline::Image {
            src,
            alt,
            width,
            height
        }),
    ];
    leaf.prop_recursive(3, 16, 3, |inner| {
        let runs = prop::collection::vec(inner, 0..3);
        prop_oneof![
            runs.clone().prop_map(Inline::Emphasis),
            runs.clone().prop_map(Inline::Strong),
            runs.clone().prop_map(Inline::Strike),
            (text(), runs).prop_map(|(href, children)| Inline::Link { href, children }),
        ]
    })
}

fn inlines() -> impl Strategy<Value = Vec<Inline>> {
    prop::collection::vec(inline(), 0..3)
}

fn block() -> impl Strategy<Value = Block> {
    let align = prop_oneof![Just(Align::None), Just(Align::Left), Just(Align::Center), Just(Align::Right)];
    let leaf = prop_oneof![
        inlines().prop_map(Block::Paragraph),
        (text(), prop::collection::vec((text(), text()).prop_map(|(c, t)| CodeSpan(c, t)), 0..3))
            .prop_map(|(lang, spans)| Block::Code { lang, spans }),
        (any::<u8>(), inlines()).prop_map(|(level, children)| Block::Heading { level, children }),
        (
            prop::collection::vec(align, 0..3),
            prop::collection::vec(inlines(), 0..2),
            prop::collection::vec(prop::collection::vec(inlines(), 0..2), 0..2)
        )
            .prop_map(|(align, head, rows)| Block::Table { align, head, rows }),
    ];
    leaf.prop_recursive(3, 12, 3, |inner| {
        let blocks = prop::collection::vec(inner, 0..3);
        prop_oneof![
            (prop::option::of(any::<u64>()), prop::collection::vec(blocks.clone(), 0..3))
                .prop_map(|(start, items)| Block::List { start, items }),
            blocks.clone().prop_map(Block::Quote),
            prop::collection::vec(blocks, 0..3).prop_map(Block::Footnotes),
        ]
    })
}

fn entry() -> impl Strategy<Value = Entry> {
    let source = (text(), text()).prop_map(|(title, url)| Source { title, url });
    (text(), text(), inlines(), prop::collection::vec(block(), 0..3), prop::collection::vec(source, 0..2)).prop_map(
        |(id, day, question_inlines, answer, sources)| Entry {
            id,
            day,
            question: inline_text(&question_inlines).trim().to_string(),
            question_inlines,
            answer,
            sources,
        },
    )
}

fn bundle() -> impl Strategy<Value = Bundle> {
    let site = (text(), text(), text(), prop::option::of(text()), prop::option::of(text()))
        .prop_map(|(title, tagline, lang, author, url)| SiteInfo { title, tagline, lang, author, url });
    let day = (text(), any::<u32>()).prop_map(|(date, count)| Day { date, count });
    (site, prop::collection::vec(day, 0..3), prop::collection::vec(entry(), 0..4))
        .prop_map(|(site, days, entries)| Bundle { schema_version: SCHEMA_VERSION, site, days, entries })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn what_the_writer_writes_the_reader_reads_back(bundle in bundle()) {
        let compact = serde_json::to_string(&bundle).expect("encode");
        prop_assert_eq!(decode_bundle(&compact), Ok(bundle.clone()));
        let pretty = serde_json::to_string_pretty(&bundle).expect("encode");
        prop_assert_eq!(decode_bundle(&pretty), Ok(bundle));
    }

    #[test]
    fn it_accepts_exactly_the_json_serde_json_accepts(
        value in r#"[\[\]{}",:0-9a-z .eE+\-]{0,30}"#,
        string in r#"[a-f0-9\\u"/nDd]{0,16}"#,
    ) {
        for text in [
            format!(r#"{{"schema_version":{SCHEMA_VERSION},"days":[],"entries":[],"unknown":{value}}}"#),
            format!(r#"{{"schema_version":{SCHEMA_VERSION},"days":[],"entries":[],"unknown":"{string}"}}"#),
        ] {
            let valid = serde_json::from_str::<serde_json::Value>(&text).is_ok();
            prop_assert_eq!(decode_bundle(&text).is_ok(), valid, "{}", text);
        }
    }
}
