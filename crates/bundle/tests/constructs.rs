//! Each Markdown construct an author writes comes out as structure, and search finds its text.
//! The fixture day (`fixtures/constructs/`) is also what the browser tests render.

mod support;

use learnings_core::{Align, Block, Entry, Index, Inline, MathNode, SearchOptions};

fn text(s: &str) -> Inline {
    Inline::Text(s.into())
}

fn entries() -> Vec<Entry> {
    support::build("tests/fixtures/constructs", &learnings_core::SiteInfo::default()).bundle.entries
}

/// The ids of the entries a query finds.
fn found(entries: &[Entry], query: &str) -> Vec<String> {
    let index = Index::new(entries);
    let results = index.search(query, &SearchOptions::default());
    results.hits.iter().map(|hit| entries[hit.entry].id.clone()).collect()
}

fn first(entries: &[Entry]) -> &Entry {
    entries.iter().find(|e| e.question.starts_with("How do the Markdown")).expect("the constructs entry")
}

#[test]
fn strikethrough_is_a_run() {
    let entries = entries();
    let Block::Paragraph(runs) = &first(&entries).answer[0] else { panic!("a paragraph first") };
    assert_eq!(
        runs[..3],
        [text("A paragraph with a "), Inline::Strike(vec![text("struck")]), text(" word and a citation")]
    );
}

#[test]
fn sub_headings_belong_to_the_entry() {
    let entries = entries();
    assert_eq!(entries.len(), 2, "only `##` starts an entry");
    let answer = &first(&entries).answer;
    assert_eq!(answer[1], Block::Heading { level: 3, children: vec![text("Tables of bins")] });
    assert!(answer.contains(&Block::Heading { level: 4, children: vec![text("A deeper heading")] }));
    assert!(found(&entries, "deeper").contains(&first(&entries).id));
}

#[test]
fn tables_keep_alignment_and_cells() {
    let entries = entries();
    let Block::Table { align, head, rows } = &first(&entries).answer[2] else { panic!("a table third") };
    assert_eq!(align, &[Align::Left, Align::Center, Align::Right]);
    assert_eq!(head[1], vec![text("Expected count")]);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][2], vec![Inline::Code("code".into()), text(" cell")]);
    assert_eq!(found(&entries, "quartzite"), [first(&entries).id.as_str()]);
}

#[test]
fn quotes_hold_blocks() {
    let entries = entries();
    let Block::Quote(blocks) = &first(&entries).answer[3] else { panic!("a quote fourth") };
    assert_eq!(
        blocks,
        &[
            Block::Paragraph(vec![text("A quoted line about marmalade.")]),
            Block::Paragraph(vec![text("Its second paragraph.")])
        ]
    );
    assert_eq!(found(&entries, "marmalade"), [first(&entries).id.as_str()]);
}

#[test]
fn task_lists_carry_their_checkboxes() {
    let entries = entries();
    let Block::List { items, .. } = &first(&entries).answer[4] else { panic!("a list fifth") };
    assert_eq!(items[0], [Block::Paragraph(vec![Inline::Task(true), text("Checked task")])]);
    assert_eq!(items[1], [Block::Paragraph(vec![Inline::Task(false), text("Open task")])]);
}

#[test]
fn footnotes_are_numbered_per_entry_and_searchable() {
    let entries = entries();
    let answer = &first(&entries).answer;
    let Block::Paragraph(runs) = &answer[0] else { panic!("a paragraph first") };
    assert_eq!(runs[runs.len() - 2..], [Inline::Note(1), text(".")]);
    let Some(Block::Footnotes(notes)) = answer.last() else { panic!("footnotes last") };
    assert_eq!(notes, &[vec![Block::Paragraph(vec![text("The footnote's text mentions zeppelins.")])]]);
    assert_eq!(found(&entries, "zeppelins"), [first(&entries).id.as_str()]);
    let second = entries.iter().find(|e| e.id != first(&entries).id).expect("the second entry");
    assert_eq!(found(&entries, "kumquats"), [second.id.as_str()], "the same label in another entry is its own note");
}

#[test]
fn math_is_mathml_with_its_tex_and_found_by_its_words() {
    let entries = entries();
    let entry = first(&entries);
    let math: Vec<(&String, &MathNode)> = paragraphs(&entry.answer)
        .flatten()
        .filter_map(|inline| match inline {
            Inline::Math { tex, mathml } => Some((tex, mathml)),
            _ => None,
        })
        .collect();
    assert_eq!(math.len(), 2);
    assert_eq!(math[0].0, r"N \gtrsim 5 \times k");
    let MathNode::Element { tag, attrs, .. } = math[1].1 else { panic!("an element") };
    assert_eq!((tag.as_str(), attrs.as_slice()), ("math", &[("display".to_string(), "block".to_string())][..]));
    assert!(format!("{:?}", math[1].1).contains("application/x-tex"), "the TeX source is kept as an annotation");
    assert_eq!(found(&entries, "gtrsim"), [entry.id.as_str()]);
}

#[test]
fn images_are_copied_under_their_hash_with_their_size() {
    let output = support::build("tests/fixtures/constructs", &learnings_core::SiteInfo::default());
    let image = paragraphs(&first(&output.bundle.entries).answer)
        .flatten()
        .find_map(|inline| match inline {
            Inline::Image { src, alt, width, height } => Some((src.clone(), alt.clone(), *width, *height)),
            _ => None,
        })
        .expect("an image");
    let (src, alt, width, height) = image;
    assert_eq!((alt.as_str(), width, height), ("A blue rectangle of bars", 24, 16));
    assert!(src.starts_with("media/") && src.ends_with(".png") && src.len() == "media/".len() + 16 + 4, "{src}");
    assert_eq!(output.assets.len(), 1);
    assert_eq!(output.assets[0].name, src);
    let file = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/constructs/media/bars.png")).unwrap();
    assert_eq!(output.assets[0].bytes, file);
    assert_eq!(
        found(&output.bundle.entries, "rectangle"),
        [first(&output.bundle.entries).id.as_str()],
        "alt text is searched"
    );
    let out = tempfile::tempdir().unwrap();
    learnings_bundle::write(&output, out.path()).unwrap();
    assert_eq!(std::fs::read(out.path().join(&src)).unwrap(), file, "the build holds the image");
}

/// The inline runs of every paragraph of `blocks`, at any depth.
fn paragraphs(blocks: &[Block]) -> impl Iterator<Item = &Vec<Inline>> {
    let mut found = Vec::new();
    fn walk<'a>(blocks: &'a [Block], found: &mut Vec<&'a Vec<Inline>>) {
        for block in blocks {
            match block {
                Block::Paragraph(inlines) => found.push(inlines),
                Block::List { items, .. } | Block::Footnotes(items) => items.iter().for_each(|b| walk(b, found)),
                Block::Quote(blocks) => walk(blocks, found),
                _ => {}
            }
        }
    }
    walk(blocks, &mut found);
    found.into_iter()
}
