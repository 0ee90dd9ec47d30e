//! Parses one day's Markdown file into entries, validating as it goes.
//!
//! A day file is `content/YYYY-MM-DD.md`: optional front matter (`date:` only), then entries,
//! each a `## Question?` heading followed by its answer. "Sources:" (or "References:") followed
//! by a list of links, and "Source: <link>" paragraphs, become the entry's sources.
//!
//! Inside an answer: paragraphs, lists (task lists too), code blocks, `###`-and-deeper
//! sub-headings, block quotes, GFM tables, strikethrough, footnotes, math (`$...$`, `$$...$$`)
//! and images stored beside the Markdown (`![alt](media/x.png)`). Anything else is refused
//! by name with its line, so nothing is ever silently shown differently from what was written.

use std::path::Path;

use learnings_core::date::is_iso_day;
use learnings_core::text::inline_text;
use learnings_core::{Align, Block, Inline, Source};
use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::error::Error;
use crate::highlight::Highlighter;
use crate::image::{Asset, Image};
use crate::math::to_mathml;

/// One entry as written in a day file.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedEntry {
    /// The question as plain text.
    pub question: String,
    /// The question as inline runs.
    pub question_inlines: Vec<Inline>,
    /// The 1-based line of the question's heading, for error messages.
    pub line: usize,
    /// The answer's blocks, sources removed.
    pub answer: Vec<Block>,
    /// The cited links.
    pub sources: Vec<Source>,
}

/// A parsed day file.
#[derive(Debug, Clone, PartialEq)]
pub struct DayFile {
    /// The ISO date of the day.
    pub date: String,
    /// Its entries in file order.
    pub entries: Vec<ParsedEntry>,
    /// The images its entries show, to be copied into the build.
    pub assets: Vec<Asset>,
}

/// Parses the day file at `path` whose raw content is `bytes`.
pub fn parse_day(path: &Path, bytes: &[u8], highlighter: &Highlighter) -> Result<DayFile, Error> {
    let date = date_from_file_name(path)?;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count();
        Error::at(path, line, "the file is not valid UTF-8 text")
    })?;
    let lines = LineIndex::new(text);
    let body_start = front_matter_end(path, text, &date)?;
    let mut parser = DayParser::new(path, &lines, highlighter);
    let body = &text[body_start..];
    for (event, range) in Parser::new_ext(body, RECOGNISED).into_offset_iter() {
        parser.event(event, body_start + range.start)?;
    }
    let (entries, assets) = parser.finish()?;
    if entries.is_empty() {
        return Err(Error::file(path, "the day has no entries; expected `## Question?` headings"));
    }
    Ok(DayFile { date, entries, assets })
}

/// The Markdown extensions the parser recognises: what authors write in GitHub Markdown, so
/// that a construct this site cannot show is refused by name instead of left as literal text.
const RECOGNISED: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_MATH);

/// What to tell an author about a construct the site does not show, in their words.
fn unsupported_tag(tag: &Tag<'_>) -> &'static str {
    match tag {
        Tag::HtmlBlock => RAW_HTML,
        Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
            "definition lists are not supported"
        }
        Tag::Superscript | Tag::Subscript => "superscript and subscript are not supported",
        Tag::MetadataBlock(_) => "a metadata block is only allowed as the front matter at the top of the file",
        _ => "this Markdown construct is not supported here",
    }
}

/// What to tell an author about an event the site does not show.
fn unsupported_event(event: &Event<'_>) -> &'static str {
    match event {
        Event::Html(_) | Event::InlineHtml(_) => RAW_HTML,
        Event::Rule => "horizontal rules are not allowed inside entries",
        _ => "this Markdown construct is not supported here",
    }
}

const RAW_HTML: &str = "raw HTML is not allowed; put code in backticks or escape `<` as `\\<`";

fn date_from_file_name(path: &Path) -> Result<String, Error> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    if is_iso_day(stem) && path.extension().is_some_and(|e| e == "md") {
        Ok(stem.to_string())
    } else {
        Err(Error::file(path, "a day file must be named after a real date, as YYYY-MM-DD.md"))
    }
}

/// Checks the optional front matter and returns the byte offset where the Markdown starts.
fn front_matter_end(path: &Path, text: &str, date: &str) -> Result<usize, Error> {
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return Ok(0);
    }
    let mut offset = text.split_inclusive('\n').next().map_or(0, str::len);
    for (index, line) in lines.enumerate() {
        let line_no = index + 2;
        offset += line.len();
        let content = line.trim_end();
        if content == "---" {
            return Ok(offset);
        }
        match content.split_once(':') {
            Some(("date", value)) => {
                let value = value.trim();
                if !is_iso_day(value) {
                    return Err(Error::at(
                        path,
                        line_no,
                        format!("front matter date `{value}` is not a real date written YYYY-MM-DD"),
                    ));
                }
                if value != date {
                    return Err(Error::at(
                        path,
                        line_no,
                        format!("front matter date {value} differs from the file name's {date}"),
                    ));
                }
            }
            _ if content.is_empty() => {}
            _ => {
                return Err(Error::at(
                    path,
                    line_no,
                    format!("unknown front matter line `{content}`; only `date: YYYY-MM-DD` is allowed"),
                ))
            }
        }
    }
    Err(Error::at(path, 1, "front matter opened with `---` is never closed by a `---` line"))
}

/// Maps byte offsets to 1-based line numbers.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

/// A block container being built.
enum Container {
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>),
    Quote(Vec<Block>),
    /// A footnote's definition: its label, line and blocks.
    Note(String, usize, Vec<Block>),
}

/// A table being built; `row` collects the cells of the header or of the current row.
struct TableBuilder {
    align: Vec<Align>,
    head: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
    row: Vec<Vec<Inline>>,
}

/// An inline container being built: the paragraph or heading itself, or a nested run.
enum Frame {
    Root,
    Emphasis,
    Strong,
    Strike,
    Link(String),
    /// An image: its alt text is what the frame collects.
    Image(String),
}

/// The entry being built.
struct EntryBuilder {
    question: String,
    question_inlines: Vec<Inline>,
    line: usize,
    blocks: Vec<Block>,
    /// Footnote labels in the order first cited, with the line of the citation.
    cited: Vec<(String, usize)>,
    /// Footnote definitions: label, line, blocks.
    notes: Vec<(String, usize, Vec<Block>)>,
}

/// Turns pulldown-cmark events into entries.
struct DayParser<'a> {
    path: &'a Path,
    lines: &'a LineIndex,
    highlighter: &'a Highlighter,
    entries: Vec<ParsedEntry>,
    current: Option<EntryBuilder>,
    containers: Vec<Container>,
    /// Open inline frames with their runs; empty when no paragraph or heading is open.
    inlines: Vec<(Frame, Vec<Inline>)>,
    /// Whether the open paragraph is implied by a tight list item (no Paragraph event).
    implicit_paragraph: bool,
    /// The open heading's level and line.
    heading: Option<(HeadingLevel, usize)>,
    table: Option<TableBuilder>,
    code: Option<(String, String)>,
    assets: Vec<Asset>,
}

impl<'a> DayParser<'a> {
    fn new(path: &'a Path, lines: &'a LineIndex, highlighter: &'a Highlighter) -> Self {
        DayParser {
            path,
            lines,
            highlighter,
            entries: Vec::new(),
            current: None,
            containers: Vec::new(),
            inlines: Vec::new(),
            implicit_paragraph: false,
            heading: None,
            table: None,
            code: None,
            assets: Vec::new(),
        }
    }

    fn error(&self, offset: usize, message: impl Into<String>) -> Error {
        Error::at(self.path, self.lines.line(offset), message)
    }

    fn event(&mut self, event: Event<'_>, offset: usize) -> Result<(), Error> {
        match event {
            Event::Start(tag) => self.start(tag, offset),
            Event::End(tag) => self.end(tag, offset),
            Event::Text(text) => {
                if let Some((_, code)) = &mut self.code {
                    code.push_str(&text);
                    Ok(())
                } else {
                    self.push_inline(Inline::Text(text.into_string()), offset)
                }
            }
            Event::Code(text) => self.push_inline(Inline::Code(text.into_string()), offset),
            Event::SoftBreak => self.push_inline(Inline::Text(" ".into()), offset),
            Event::HardBreak => self.push_inline(Inline::Break, offset),
            Event::TaskListMarker(done) => self.push_inline(Inline::Task(done), offset),
            Event::FootnoteReference(label) => self.cite(label.into_string(), offset),
            Event::InlineMath(tex) => self.math(tex.into_string(), false, offset),
            Event::DisplayMath(tex) => self.math(tex.into_string(), true, offset),
            other => Err(self.error(offset, unsupported_event(&other))),
        }
    }

    fn start(&mut self, tag: Tag<'_>, offset: usize) -> Result<(), Error> {
        match tag {
            Tag::Heading { level, .. } => {
                if level > HeadingLevel::H2 {
                    self.require_entry(offset)?;
                    if !self.containers.is_empty() {
                        return Err(self.error(offset, "a sub-heading cannot be inside a list, quote or footnote"));
                    }
                } else if level != HeadingLevel::H2 || !self.containers.is_empty() {
                    return Err(self.error(offset, "a heading must be an entry's question: `## Question?` at level 2"));
                } else {
                    self.finish_entry()?;
                }
                self.heading = Some((level, self.lines.line(offset)));
                self.inlines.push((Frame::Root, Vec::new()));
                Ok(())
            }
            Tag::Paragraph => {
                self.require_entry(offset)?;
                // A loose task item's checkbox comes before its paragraph: it opens it.
                if self.implicit_paragraph
                    && matches!(self.inlines.as_slice(), [(Frame::Root, runs)] if matches!(runs.as_slice(), [Inline::Task(_)]))
                {
                    self.implicit_paragraph = false;
                    return Ok(());
                }
                self.close_implicit_paragraph();
                self.inlines.push((Frame::Root, Vec::new()));
                Ok(())
            }
            Tag::BlockQuote(_) => {
                self.require_entry(offset)?;
                self.close_implicit_paragraph();
                self.containers.push(Container::Quote(Vec::new()));
                Ok(())
            }
            Tag::FootnoteDefinition(label) => {
                self.require_entry(offset)?;
                self.containers.push(Container::Note(label.into_string(), self.lines.line(offset), Vec::new()));
                Ok(())
            }
            Tag::Table(alignments) => {
                self.require_entry(offset)?;
                self.close_implicit_paragraph();
                let align = alignments.iter().map(|a| align(*a)).collect();
                self.table = Some(TableBuilder { align, head: Vec::new(), rows: Vec::new(), row: Vec::new() });
                Ok(())
            }
            Tag::TableHead | Tag::TableRow => Ok(()),
            Tag::TableCell => {
                self.inlines.push((Frame::Root, Vec::new()));
                Ok(())
            }
            Tag::Strikethrough => self.open_frame(Frame::Strike, offset),
            Tag::Image { dest_url, .. } => self.open_frame(Frame::Image(dest_url.into_string()), offset),
            Tag::List(start) => {
                self.require_entry(offset)?;
                self.close_implicit_paragraph();
                self.containers.push(Container::List { start, items: Vec::new() });
                Ok(())
            }
            Tag::Item => {
                self.containers.push(Container::Item(Vec::new()));
                Ok(())
            }
            Tag::CodeBlock(kind) => {
                self.require_entry(offset)?;
                self.close_implicit_paragraph();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("text").to_string(),
                    CodeBlockKind::Indented => "text".to_string(),
                };
                self.code = Some((lang, String::new()));
                Ok(())
            }
            Tag::Emphasis => self.open_frame(Frame::Emphasis, offset),
            Tag::Strong => self.open_frame(Frame::Strong, offset),
            Tag::Link { dest_url, .. } => {
                let lower = dest_url.to_ascii_lowercase();
                if !(lower.starts_with("https://") || lower.starts_with("http://")) {
                    return Err(self.error(offset, format!("link `{dest_url}` is not an http(s) URL")));
                }
                self.open_frame(Frame::Link(dest_url.into_string()), offset)
            }
            other => Err(self.error(offset, unsupported_tag(&other))),
        }
    }

    fn end(&mut self, tag: TagEnd, offset: usize) -> Result<(), Error> {
        match tag {
            TagEnd::Heading(level) if level > HeadingLevel::H2 => {
                self.heading = None;
                let children = self.close_inlines();
                self.push_block(Block::Heading { level: level as u8, children });
            }
            TagEnd::Heading(_) => {
                let inlines = self.close_inlines();
                let question = inline_text(&inlines).trim().to_string();
                let line = self.heading.take().map_or_else(|| self.lines.line(offset), |(_, line)| line);
                if !question.ends_with('?') {
                    return Err(Error::at(
                        self.path,
                        line,
                        format!("heading `{question}` is not a question entry: it must end with `?`"),
                    ));
                }
                self.current = Some(EntryBuilder {
                    question,
                    question_inlines: inlines,
                    line,
                    blocks: Vec::new(),
                    cited: Vec::new(),
                    notes: Vec::new(),
                });
            }
            TagEnd::Paragraph => {
                let inlines = self.close_inlines();
                self.push_block(Block::Paragraph(inlines));
            }
            TagEnd::Item => {
                self.close_implicit_paragraph();
                if let Some(Container::Item(blocks)) = self.containers.pop() {
                    if let Some(Container::List { items, .. }) = self.containers.last_mut() {
                        items.push(blocks);
                    }
                }
            }
            TagEnd::List(_) => {
                if let Some(Container::List { start, items }) = self.containers.pop() {
                    self.push_block(Block::List { start, items });
                }
            }
            TagEnd::CodeBlock => {
                if let Some((lang, mut code)) = self.code.take() {
                    if code.ends_with('\n') {
                        code.pop();
                    }
                    let spans =
                        self.highlighter.highlight(&lang, &code).map_err(|message| self.error(offset, message))?;
                    self.push_block(Block::Code { lang, spans });
                }
            }
            TagEnd::BlockQuote(_) => {
                self.close_implicit_paragraph();
                if let Some(Container::Quote(blocks)) = self.containers.pop() {
                    self.push_block(Block::Quote(blocks));
                }
            }
            TagEnd::FootnoteDefinition => {
                self.close_implicit_paragraph();
                if let (Some(Container::Note(label, line, blocks)), Some(entry)) =
                    (self.containers.pop(), self.current.as_mut())
                {
                    entry.notes.push((label, line, blocks));
                }
            }
            TagEnd::TableCell => {
                let cell = self.close_inlines();
                if let Some(table) = &mut self.table {
                    table.row.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(table) = &mut self.table {
                    table.head = std::mem::take(&mut table.row);
                }
            }
            TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    let row = std::mem::take(&mut table.row);
                    table.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(TableBuilder { align, head, rows, .. }) = self.table.take() {
                    self.push_block(Block::Table { align, head, rows });
                }
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => self.close_frame(),
            TagEnd::Image => self.close_image(offset)?,
            _ => {}
        }
        Ok(())
    }

    fn require_entry(&self, offset: usize) -> Result<(), Error> {
        if self.current.is_none() {
            return Err(self.error(offset, BEFORE_FIRST_ENTRY));
        }
        Ok(())
    }

    fn open_frame(&mut self, frame: Frame, offset: usize) -> Result<(), Error> {
        self.ensure_inline_open(offset)?;
        self.inlines.push((frame, Vec::new()));
        Ok(())
    }

    fn close_frame(&mut self) {
        if let Some((frame, children)) = self.inlines.pop() {
            let inline = match frame {
                Frame::Emphasis => Inline::Emphasis(children),
                Frame::Strong => Inline::Strong(children),
                Frame::Strike => Inline::Strike(children),
                Frame::Link(href) => Inline::Link { href, children },
                // Not closed by an inline's end: put back.
                frame @ (Frame::Root | Frame::Image(_)) => {
                    self.inlines.push((frame, children));
                    return;
                }
            };
            append_inline(&mut self.inlines, inline);
        }
    }

    /// Opens the paragraph a tight list item implies, when inline content arrives outside one.
    fn ensure_inline_open(&mut self, offset: usize) -> Result<(), Error> {
        if self.inlines.is_empty() {
            self.require_entry(offset)?;
            self.inlines.push((Frame::Root, Vec::new()));
            self.implicit_paragraph = true;
        }
        Ok(())
    }

    fn push_inline(&mut self, inline: Inline, offset: usize) -> Result<(), Error> {
        self.ensure_inline_open(offset)?;
        append_inline(&mut self.inlines, inline);
        Ok(())
    }

    fn close_inlines(&mut self) -> Vec<Inline> {
        self.implicit_paragraph = false;
        let mut root = self.inlines.pop().map(|(_, runs)| runs).unwrap_or_default();
        trim_runs(&mut root);
        root
    }

    fn close_implicit_paragraph(&mut self) {
        if self.implicit_paragraph {
            let inlines = self.close_inlines();
            self.push_block(Block::Paragraph(inlines));
        }
    }

    fn push_block(&mut self, block: Block) {
        match self.containers.last_mut() {
            Some(Container::Item(blocks) | Container::Quote(blocks) | Container::Note(_, _, blocks)) => {
                blocks.push(block)
            }
            _ => {
                if let Some(entry) = &mut self.current {
                    entry.blocks.push(block);
                }
            }
        }
    }

    fn math(&mut self, tex: String, display: bool, offset: usize) -> Result<(), Error> {
        let mathml = to_mathml(&tex, display).map_err(|message| self.error(offset, message))?;
        self.push_inline(Inline::Math { tex, mathml }, offset)
    }

    /// Closes an image's frame: the file is read, sized and kept for the build.
    fn close_image(&mut self, offset: usize) -> Result<(), Error> {
        let Some((Frame::Image(dest), children)) = self.inlines.pop() else { return Ok(()) };
        let alt = inline_text(&children).trim().to_string();
        let image = Image::load(self.path, &dest, alt).map_err(|message| self.error(offset, message))?;
        let inline = image.inline();
        self.assets.push(image.asset);
        append_inline(&mut self.inlines, inline);
        Ok(())
    }

    /// Cites a footnote of the current entry, numbering it in citation order.
    fn cite(&mut self, label: String, offset: usize) -> Result<(), Error> {
        let line = self.lines.line(offset);
        let Some(entry) = &mut self.current else { return Err(self.error(offset, BEFORE_FIRST_ENTRY)) };
        if entry.cited.iter().any(|(cited, _)| *cited == label) {
            return Err(self.error(offset, format!("footnote `[^{label}]` is cited twice; cite each footnote once")));
        }
        entry.cited.push((label, line));
        let number = entry.cited.len() as u32;
        self.push_inline(Inline::Note(number), offset)
    }

    fn finish_entry(&mut self) -> Result<(), Error> {
        if let Some(entry) = self.current.take() {
            let (mut answer, sources) = split_sources(entry.blocks);
            let notes = footnotes(self.path, entry.cited, entry.notes)?;
            if !notes.is_empty() {
                answer.push(Block::Footnotes(notes));
            }
            if answer.is_empty() {
                return Err(Error::at(
                    self.path,
                    entry.line,
                    format!("entry `{}` has an empty answer", entry.question),
                ));
            }
            self.entries.push(ParsedEntry {
                question: entry.question,
                question_inlines: entry.question_inlines,
                line: entry.line,
                answer,
                sources,
            });
        }
        Ok(())
    }

    fn finish(mut self) -> Result<(Vec<ParsedEntry>, Vec<Asset>), Error> {
        self.finish_entry()?;
        Ok((self.entries, self.assets))
    }
}

const BEFORE_FIRST_ENTRY: &str = "text before the first entry; an entry starts with a `## Question?` heading";

fn align(alignment: Alignment) -> Align {
    match alignment {
        Alignment::None => Align::None,
        Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

/// An entry's footnotes in citation order: every citation must have its definition in the same
/// entry, and every definition must be cited.
fn footnotes(
    path: &Path,
    cited: Vec<(String, usize)>,
    mut notes: Vec<(String, usize, Vec<Block>)>,
) -> Result<Vec<Vec<Block>>, Error> {
    let mut ordered = Vec::new();
    for (label, line) in cited {
        let Some(index) = notes.iter().position(|(defined, _, _)| *defined == label) else {
            return Err(Error::at(
                path,
                line,
                format!("footnote `[^{label}]` has no `[^{label}]: ...` definition in this entry"),
            ));
        };
        ordered.push(notes.remove(index).2);
    }
    if let Some((label, line, _)) = notes.first() {
        return Err(Error::at(path, *line, format!("footnote `[^{label}]` is defined but never cited")));
    }
    Ok(ordered)
}

/// Appends `inline` to the innermost open frame, merging adjacent text.
fn append_inline(frames: &mut [(Frame, Vec<Inline>)], inline: Inline) {
    let Some((_, runs)) = frames.last_mut() else { return };
    if let (Some(Inline::Text(last)), Inline::Text(text)) = (runs.last_mut(), &inline) {
        last.push_str(text);
        return;
    }
    runs.push(inline);
}

/// Drops leading and trailing white space of a paragraph.
fn trim_runs(runs: &mut Vec<Inline>) {
    if let Some(Inline::Text(text)) = runs.first_mut() {
        *text = text.trim_start().to_string();
    }
    if let Some(Inline::Text(text)) = runs.last_mut() {
        *text = text.trim_end().to_string();
    }
    runs.retain(|r| !matches!(r, Inline::Text(text) if text.is_empty()));
}

/// Separates an answer's source citations from the rest of its blocks.
fn split_sources(blocks: Vec<Block>) -> (Vec<Block>, Vec<Source>) {
    let mut answer = Vec::new();
    let mut sources = Vec::new();
    let mut blocks = blocks.into_iter().peekable();
    while let Some(block) = blocks.next() {
        if let Block::Paragraph(inlines) = &block {
            let text = inline_text(inlines);
            let label = text.trim();
            if matches!(label, "Sources:" | "Source:" | "References:" | "Reference:") {
                if let Some(Block::List { items, .. }) = blocks.peek() {
                    if let Some(links) = items.iter().map(|item| single_link(item)).collect::<Option<Vec<_>>>() {
                        sources.extend(links);
                        blocks.next();
                        continue;
                    }
                }
            }
            if let [Inline::Text(text), link @ Inline::Link { .. }] = inlines.as_slice() {
                if matches!(text.trim(), "Source:" | "Reference:") {
                    sources.extend(link_source(link));
                    continue;
                }
            }
        }
        answer.push(block);
    }
    (answer, sources)
}

/// The source of a list item that holds exactly one link and nothing else.
fn single_link(item: &[Block]) -> Option<Source> {
    match item {
        [Block::Paragraph(inlines)] => match inlines.as_slice() {
            [link @ Inline::Link { .. }] => link_source(link),
            _ => None,
        },
        _ => None,
    }
}

fn link_source(link: &Inline) -> Option<Source> {
    match link {
        Inline::Link { href, children } => Some(Source { title: inline_text(children), url: href.clone() }),
        _ => None,
    }
}
