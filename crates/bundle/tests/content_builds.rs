//! The live content in `content/` builds cleanly and the app reads back exactly what was
//! written. Nothing here depends on what the entries say: an author adds, rewords and deletes
//! entries freely (the import is checked over a frozen copy, in `seed_content.rs`).

mod support;

#[test]
fn content_builds_and_the_app_reads_back_exactly_what_was_built() {
    let output = support::build("../../content", &learnings_core::SiteInfo::default());
    let read = learnings_core::decode_bundle(&output.json).expect("the written bundle decodes");
    assert!(!output.json.contains("\"question\":"), "each question is written once, as runs");
    assert_eq!(read, output.bundle, "questions derived from their runs equal the Markdown's");
}
