//! Build-time syntax highlighting: code becomes spans with a small set of classes, so the app
//! ships no highlighter and the bundle stays structured data.

use learnings_core::CodeSpan;
use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxSet};
use syntect::util::LinesWithEndings;

/// Languages shown as plain text, without highlighting.
const PLAIN: [&str; 3] = ["text", "plain", "txt"];

/// Highlights code with the syntaxes bat uses (syntect's plus TypeScript, TOML, Dockerfile, ...).
pub struct Highlighter {
    syntaxes: SyntaxSet,
}

impl Default for Highlighter {
    fn default() -> Self {
        Highlighter { syntaxes: two_face::syntax::extra_newlines() }
    }
}

impl Highlighter {
    /// The spans of `code` in language `lang` (a fence tag such as `python`, `tsx` or `bash`);
    /// an error names a language no syntax knows.
    pub fn highlight(&self, lang: &str, code: &str) -> Result<Vec<CodeSpan>, String> {
        if PLAIN.contains(&lang) {
            return Ok(vec![CodeSpan(String::new(), code.to_string())]);
        }
        let syntax = self.syntaxes.find_syntax_by_token(lang).ok_or_else(|| {
            format!(
                "unknown code language `{lang}`; use a common tag such as python, rust, go, tsx, bash, json or text"
            )
        })?;
        let mut state = ParseState::new(syntax);
        let mut stack = ScopeStack::new();
        let mut spans: Vec<CodeSpan> = Vec::new();
        for line in LinesWithEndings::from(code) {
            let ops =
                state.parse_line(line, &self.syntaxes).map_err(|e| format!("cannot highlight {lang} code: {e}"))?;
            let mut pos = 0;
            for (at, op) in ops {
                push_span(&mut spans, class_of(&stack), &line[pos..at]);
                pos = at;
                stack.apply(&op).map_err(|e| format!("cannot highlight {lang} code: {e}"))?;
            }
            push_span(&mut spans, class_of(&stack), &line[pos..]);
        }
        Ok(spans)
    }
}

/// Appends `text` with `class`, merging it into the previous span when the class is the same.
fn push_span(spans: &mut Vec<CodeSpan>, class: &str, text: &str) {
    if text.is_empty() {
        return;
    }
    // White space takes whatever class comes before it, so spans merge more.
    match spans.last_mut() {
        Some(last) if last.0 == class || text.trim().is_empty() => last.1.push_str(text),
        _ => spans.push(CodeSpan(class.to_string(), text.to_string())),
    }
}

/// The highlight class of the innermost scope that has one.
fn class_of(stack: &ScopeStack) -> &'static str {
    stack.as_slice().iter().rev().find_map(scope_class).unwrap_or("")
}

/// Maps a TextMate scope to a highlight class (see [`CodeSpan`] for the classes).
fn scope_class(scope: &Scope) -> Option<&'static str> {
    let name = scope.build_string();
    const RULES: [(&str, &str); 14] = [
        ("comment", "c"),
        ("string", "s"),
        ("constant.numeric", "n"),
        ("constant.language", "n"),
        ("constant.character", "s"),
        ("keyword.operator", "o"),
        ("keyword", "k"),
        ("storage.type", "k"),
        ("storage.modifier", "k"),
        ("entity.name.function", "f"),
        ("variable.function", "f"),
        ("support.function", "f"),
        ("entity.name.type", "t"),
        ("support.type", "t"),
    ];
    RULES
        .iter()
        .find(|(prefix, _)| name.starts_with(prefix))
        .map(|(_, class)| *class)
        .or_else(|| (name.starts_with("entity.name.class") || name.starts_with("support.class")).then_some("t"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(lang: &str, code: &str) -> Vec<(String, String)> {
        Highlighter::default().highlight(lang, code).unwrap().into_iter().map(|s| (s.0, s.1)).collect()
    }

    #[test]
    fn spans_cover_the_code_exactly() {
        let code = "def f(x):\n    return \"hi\"  # done\n";
        let joined: String = classes("python", code).into_iter().map(|(_, t)| t).collect();
        assert_eq!(joined, code);
    }

    #[test]
    fn python_keywords_strings_and_comments_are_classed() {
        let spans = classes("python", "def f():\n    return 'a'  # c");
        assert!(spans.iter().any(|(c, t)| c == "k" && t.trim() == "def"), "{spans:?}");
        assert!(spans.iter().any(|(c, t)| c == "s" && t.contains("'a'")), "{spans:?}");
        assert!(spans.iter().any(|(c, t)| c == "c" && t.contains("# c")), "{spans:?}");
    }

    #[test]
    fn typescript_and_tsx_are_known() {
        assert!(classes("typescript", "const x: number = 1;").iter().any(|(c, _)| c == "k"));
        assert!(classes("tsx", "const a = <Html />;").iter().any(|(c, _)| c == "k"));
    }

    #[test]
    fn text_is_one_plain_span() {
        assert_eq!(classes("text", "a -> b"), vec![(String::new(), "a -> b".to_string())]);
    }

    #[test]
    fn unknown_languages_are_errors() {
        assert!(Highlighter::default().highlight("pyhton", "x").unwrap_err().contains("pyhton"));
    }
}
