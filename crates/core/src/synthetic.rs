//! Synthetic collections of any size, made from the real entries, for benchmarks and
//! load tests of search: the same shapes and lengths as the real ones, with words and
//! sentences mixed across entries and some new words, so that the vocabulary keeps growing
//! with the collection as real text does.
//!
//! Deterministic: the same input, size and seed give the same collection on every platform.

use crate::date::iso_day_from_unix_days;
use crate::model::{Block, CodeSpan, Entry, Inline};
use crate::text::{inline_text, visit_block_text, TextKind};

/// Share of words replaced by a word from elsewhere in the collection.
const MIX: f64 = 0.25;
/// Share of words replaced by a new word (made of the halves of two real ones).
const NOVEL: f64 = 0.02;
/// Share of code identifiers replaced.
const CODE_MIX: f64 = 0.15;
/// How many entries a synthetic day has: usually a few, sometimes a burst (the real days
/// have 1 to 88), about 12 on average.
fn entries_on_a_day(rng: &mut SplitMix64) -> u64 {
    match rng.below(10) {
        0..=4 => 1 + rng.below(5),
        5..=8 => 6 + rng.below(15),
        _ => 21 + rng.below(70),
    }
}

/// `n` entries made from `real` (empty if `real` is), newest day first, with unique ids,
/// spread over days going back from the newest real day.
pub fn collection(real: &[Entry], n: usize, seed: u64) -> Vec<Entry> {
    if real.is_empty() {
        return Vec::new();
    }
    let pools = Pools::new(real);
    let mut rng = SplitMix64(seed);
    let newest = real.iter().map(|e| e.day.as_str()).max().and_then(day_number).unwrap_or(20_508);
    let (mut day, mut left_today) = (newest, entries_on_a_day(&mut rng));
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        if left_today == 0 {
            day -= 1;
            left_today = entries_on_a_day(&mut rng);
        }
        left_today -= 1;
        let base = &real[rng.below(real.len() as u64) as usize];
        out.push(make_entry(base, &pools, &mut rng, i, &iso_day_from_unix_days(day)));
    }
    out
}

fn make_entry(base: &Entry, pools: &Pools, rng: &mut SplitMix64, i: usize, day: &str) -> Entry {
    let question = pools.mix_words(&base.question, &pools.question_words, rng);
    let answer = base.answer.iter().map(|block| make_block(block, pools, rng)).collect();
    let sources = if rng.chance(0.5) {
        base.sources.clone()
    } else {
        pools.sources.get(rng.below(pools.sources.len().max(1) as u64) as usize).cloned().into_iter().collect()
    };
    let slug: String = question
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .take(10)
        .collect::<Vec<_>>()
        .join("-");
    Entry {
        id: format!("{slug}-{i}"),
        day: day.to_string(),
        question_inlines: vec![Inline::Text(question.clone())],
        question,
        answer,
        sources,
    }
}

fn make_block(block: &Block, pools: &Pools, rng: &mut SplitMix64) -> Block {
    match block {
        Block::Paragraph(inlines) => {
            let sentences = split_sentences(&inline_text(inlines)).len().max(1);
            Block::Paragraph(vec![Inline::Text(pools.paragraph(sentences, rng))])
        }
        Block::List { start, items } => Block::List {
            start: *start,
            items: items.iter().map(|item| item.iter().map(|b| make_block(b, pools, rng)).collect()).collect(),
        },
        Block::Code { lang, spans } => {
            let source = if rng.chance(0.5) { spans } else { &pools.code[rng.below(pools.code.len() as u64) as usize] };
            let spans = source
                .iter()
                .map(|span| {
                    let text = span.text();
                    let identifier = !text.is_empty() && text.chars().all(|c| c.is_alphanumeric() || c == '_');
                    if identifier && rng.chance(CODE_MIX) {
                        CodeSpan(span.class().to_string(), pools.pick(&pools.identifiers, rng))
                    } else {
                        span.clone()
                    }
                })
                .collect();
            Block::Code { lang: lang.clone(), spans }
        }
        Block::Quote(blocks) => Block::Quote(blocks.iter().map(|b| make_block(b, pools, rng)).collect()),
        other @ (Block::Heading { .. } | Block::Table { .. } | Block::Footnotes(_)) => other.clone(),
    }
}

/// What entries are made of.
struct Pools {
    question_words: Vec<String>,
    prose_words: Vec<String>,
    sentences: Vec<String>,
    identifiers: Vec<String>,
    code: Vec<Vec<CodeSpan>>,
    sources: Vec<crate::model::Source>,
}

impl Pools {
    fn new(real: &[Entry]) -> Pools {
        let mut pools = Pools {
            question_words: Vec::new(),
            prose_words: Vec::new(),
            sentences: Vec::new(),
            identifiers: Vec::new(),
            code: Vec::new(),
            sources: Vec::new(),
        };
        for entry in real {
            pools.question_words.extend(entry.question.split_whitespace().map(String::from));
            visit_block_text(&entry.answer, &mut |kind, text| {
                if kind == TextKind::Prose {
                    pools.prose_words.extend(text.split_whitespace().map(String::from));
                    pools.sentences.extend(split_sentences(&text));
                }
            });
            collect_code(&entry.answer, &mut pools);
            pools.sources.extend(entry.sources.iter().cloned());
        }
        if pools.prose_words.is_empty() {
            pools.prose_words.clone_from(&pools.question_words);
        }
        if pools.sentences.is_empty() {
            pools.sentences.extend(real.iter().map(|e| e.question.clone()));
        }
        if pools.identifiers.is_empty() {
            pools.identifiers.clone_from(&pools.prose_words);
        }
        if pools.code.is_empty() {
            pools.code.push(vec![CodeSpan(String::new(), "pass".into())]);
        }
        pools
    }

    fn pick(&self, pool: &[String], rng: &mut SplitMix64) -> String {
        if rng.chance(NOVEL) {
            return self.novel(pool, rng);
        }
        pool.get(rng.below(pool.len() as u64) as usize).cloned().unwrap_or_default()
    }

    /// A new word: the first half of one word and the second half of another.
    fn novel(&self, pool: &[String], rng: &mut SplitMix64) -> String {
        let a = pool.get(rng.below(pool.len() as u64) as usize).map_or("", String::as_str);
        let b = pool.get(rng.below(pool.len() as u64) as usize).map_or("", String::as_str);
        let head: String = a.chars().take(a.chars().count().div_ceil(2)).collect();
        let tail: String = b.chars().skip(b.chars().count() / 2).collect();
        head + &tail
    }

    /// `text` with some words swapped for words of `pool` or new ones.
    fn mix_words(&self, text: &str, pool: &[String], rng: &mut SplitMix64) -> String {
        text.split_whitespace()
            .map(|w| {
                if rng.chance(NOVEL) {
                    self.novel(pool, rng)
                } else if rng.chance(MIX) {
                    self.pick(pool, rng)
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn paragraph(&self, sentences: usize, rng: &mut SplitMix64) -> String {
        (0..sentences)
            .map(|_| {
                let sentence = &self.sentences[rng.below(self.sentences.len() as u64) as usize];
                self.mix_words(sentence, &self.prose_words, rng)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn collect_code(blocks: &[Block], pools: &mut Pools) {
    for block in blocks {
        match block {
            Block::Code { spans, .. } => {
                pools.code.push(spans.clone());
                pools.identifiers.extend(
                    spans
                        .iter()
                        .map(CodeSpan::text)
                        .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_alphanumeric() || c == '_'))
                        .map(String::from),
                );
            }
            Block::List { items, .. } | Block::Footnotes(items) => {
                items.iter().for_each(|item| collect_code(item, pools))
            }
            Block::Quote(blocks) => collect_code(blocks, pools),
            Block::Paragraph(..) | Block::Heading { .. } | Block::Table { .. } => {}
        }
    }
}

/// Sentences of a paragraph: split after `. `, `? ` and `! `.
fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(['.', '?', '!']) {
        if text[at + 1..].starts_with(' ') {
            out.push(text[start..=at].trim().to_string());
            start = at + 1;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

/// Days since 1970-01-01 of an ISO day (Howard Hinnant's `days_from_civil`).
fn day_number(day: &str) -> Option<i64> {
    if !crate::date::is_iso_day(day) {
        return None;
    }
    let (y, m, d): (i64, i64, i64) = (day[0..4].parse().ok()?, day[5..7].parse().ok()?, day[8..10].parse().ok()?);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// A tiny deterministic generator (SplitMix64): enough for shuffling words, no dependency.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }

    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn real() -> Vec<Entry> {
        let paragraph = |t: &str| Block::Paragraph(vec![Inline::Text(t.into())]);
        (0..5)
            .map(|i| Entry {
                id: format!("q{i}"),
                day: "2026-02-24".into(),
                question: format!("How does thing number {i} work?"),
                question_inlines: vec![],
                answer: vec![
                    paragraph("It works well. It is fast! Ask again."),
                    Block::Code { lang: "py".into(), spans: vec![CodeSpan("v".into(), format!("name_{i}"))] },
                ],
                sources: vec![],
            })
            .collect()
    }

    #[test]
    fn is_deterministic_unique_and_newest_first() {
        let a = collection(&real(), 500, 7);
        assert_eq!(a, collection(&real(), 500, 7));
        assert_ne!(a, collection(&real(), 500, 8));
        assert_eq!(a.len(), 500);
        assert_eq!(a.iter().map(|e| &e.id).collect::<HashSet<_>>().len(), 500);
        assert!(a.windows(2).all(|w| w[0].day >= w[1].day));
        assert_eq!(a[0].day, "2026-02-24");
        let days: HashSet<&str> = a.iter().map(|e| e.day.as_str()).collect();
        assert!(days.len() > 500 / 90 && days.len() < 500 / 3, "spread over many days: {}", days.len());
        assert!(days.iter().all(|d| crate::date::is_iso_day(d)));
    }

    #[test]
    fn keeps_the_shape_of_the_real_entries() {
        for entry in collection(&real(), 50, 1) {
            assert_eq!(entry.answer.len(), 2);
            assert!(matches!(entry.answer[1], Block::Code { .. }));
            assert!(!entry.question.is_empty());
        }
        assert!(collection(&[], 10, 1).is_empty());
    }

    #[test]
    fn dates_round_trip() {
        for day in ["1970-01-01", "2024-02-29", "2026-02-24", "2000-12-31"] {
            assert_eq!(day_number(day).map(iso_day_from_unix_days).as_deref(), Some(day));
        }
        assert_eq!(day_number("2026-03-01").zip(day_number("2026-02-28")).map(|(a, b)| a - b), Some(1));
    }
}
