//! A document as quote extraction reads it: tokens, their lowercase forms, the named mentions
//! over them, the quoted spans and the sentences (which never end before a closing mark).

use std::ops::Range;

use rustc_hash::FxHashSet;

use super::marks::{pair_quotation_marks, Quoted};
use super::Named;
use crate::tag::tokenize::{tokenize, Token};
use crate::tag::Label;

/// A named mention over tokens `start..end`.
#[derive(Debug, Clone)]
pub(crate) struct NamedTokens<'n> {
    pub start: usize,
    pub end: usize,
    pub named: &'n Named,
}

pub(crate) struct Document<'a, 'n> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// Each token lowercased.
    pub lower: Vec<String>,
    pub quoted: Vec<Quoted>,
    /// For each token, the quoted span it lies in (its marks included).
    pub quote_of: Vec<Option<usize>>,
    pub sentences: Vec<Range<usize>>,
    pub sentence_of: Vec<usize>,
    pub named: Vec<NamedTokens<'n>>,
    /// For each token, the named mention covering it.
    pub named_at: Vec<Option<usize>>,
    /// The capitalised words that appear somewhere not at a sentence start.
    pub capitalised_mid_sentence: FxHashSet<&'a str>,
}

impl<'a, 'n> Document<'a, 'n> {
    pub fn new(text: &'a str, named: &'n [Named]) -> Self {
        let tokens = tokenize(text);
        let lower = tokens
            .iter()
            .map(|t| text[t.start..t.end].to_lowercase())
            .collect();
        let quoted = pair_quotation_marks(text, &tokens);
        let mut quote_of = vec![None; tokens.len()];
        for (q, span) in quoted.iter().enumerate() {
            for slot in &mut quote_of[span.open..=span.close] {
                *slot = Some(q);
            }
        }
        let sentences = split_sentences(text, &tokens, &quoted);
        let mut sentence_of = vec![0; tokens.len()];
        for (s, range) in sentences.iter().enumerate() {
            for slot in &mut sentence_of[range.clone()] {
                *slot = s;
            }
        }
        let capitalised_mid_sentence = sentences
            .iter()
            .flat_map(|s| s.clone().skip(1))
            .map(|k| &text[tokens[k].start..tokens[k].end])
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        let named = named_tokens(&tokens, named);
        let mut named_at = vec![None; tokens.len()];
        for (n, m) in named.iter().enumerate() {
            for slot in &mut named_at[m.start..m.end] {
                *slot = Some(n);
            }
        }
        Document {
            text,
            tokens,
            lower,
            quoted,
            quote_of,
            sentences,
            sentence_of,
            named,
            named_at,
            capitalised_mid_sentence,
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn word(&self, i: usize) -> &'a str {
        let t = self.tokens[i];
        &self.text[t.start..t.end]
    }

    pub fn lower(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// The text of tokens `range`, as written.
    pub fn span_text(&self, range: Range<usize>) -> &'a str {
        if range.is_empty() {
            return "";
        }
        &self.text[self.tokens[range.start].start..self.tokens[range.end - 1].end]
    }

    /// Byte span of tokens `range`.
    pub fn byte_span(&self, range: Range<usize>) -> (usize, usize) {
        (
            self.tokens[range.start].start,
            self.tokens[range.end - 1].end,
        )
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.word(i)
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    }

    pub fn is_capitalised(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_lowercase_word(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_lowercase)
    }

    /// Whether token `i` is one punctuation token among `marks`.
    pub fn is(&self, i: usize, marks: &[&str]) -> bool {
        marks.contains(&self.word(i))
    }

    /// A possessive ending: "’s", "'s", or a lone apostrophe after a plural ("Yukos'").
    pub fn is_possessive(&self, i: usize) -> bool {
        matches!(self.lower(i), "'s" | "’s")
            || (self.is(i, &["'", "’"])
                && self.quote_of[i].is_none()
                && i > 0
                && self.tokens[i - 1].end == self.tokens[i].start)
    }

    /// The named mention over token `i`, unless it is a date or a nationality.
    pub fn name_at(&self, i: usize) -> Option<&NamedTokens<'n>> {
        self.named_at[i]
            .map(|n| &self.named[n])
            .filter(|m| !matches!(m.named.label, Label::Date | Label::Norp))
    }

    pub fn date_at(&self, i: usize) -> Option<&NamedTokens<'n>> {
        self.named_at[i]
            .map(|n| &self.named[n])
            .filter(|m| m.named.label == Label::Date)
    }

    pub fn is_nationality(&self, i: usize) -> bool {
        self.named_at[i].is_some_and(|n| self.named[n].named.label == Label::Norp)
    }
}

/// The mentions over whole tokens, in text order.
fn named_tokens<'n>(tokens: &[Token], named: &'n [Named]) -> Vec<NamedTokens<'n>> {
    let mut out: Vec<NamedTokens<'n>> = named
        .iter()
        .filter_map(|m| {
            let start = tokens.partition_point(|t| t.start < m.start);
            let end = tokens.partition_point(|t| t.end <= m.end);
            (start < end).then_some(NamedTokens {
                start,
                end,
                named: m,
            })
        })
        .collect();
    out.sort_by_key(|m| (m.start, m.end));
    // Overlapping mentions (none from the tagger): the first one wins.
    out.dedup_by(|later, earlier| later.start < earlier.end);
    out
}

fn ends_sentence(word: &str) -> bool {
    matches!(word, "." | "!" | "?" | "…" | "...")
}

/// Sentences as token ranges: a sentence ends after `. ! ?` and any closing marks and brackets
/// after it, when the next token opens a sentence, and at every line break.
fn split_sentences(text: &str, tokens: &[Token], quoted: &[Quoted]) -> Vec<Range<usize>> {
    let closing: FxHashSet<usize> = quoted.iter().map(|q| q.close).collect();
    let word = |i: usize| &text[tokens[i].start..tokens[i].end];
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let mut end = i + 1;
        if ends_sentence(word(i)) {
            while end < tokens.len() && (closing.contains(&end) || matches!(word(end), ")" | "]")) {
                end += 1;
            }
        }
        let next_opens = end < tokens.len()
            && word(end).chars().next().is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(')
            });
        let line_break =
            end < tokens.len() && text[tokens[end - 1].end..tokens[end].start].contains('\n');
        if line_break || (ends_sentence(word(i)) && next_opens) {
            out.push(start..end);
            start = end;
        }
        i = end;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let doc = Document::new(text, &[]);
        doc.sentences
            .iter()
            .map(|s| doc.span_text(s.clone()).to_string())
            .collect()
    }

    #[test]
    fn sentences_end_after_closing_marks() {
        assert_eq!(
            sentences("\"It was good.\" Moya said: \"Fine.\" He left.\n\nNext one"),
            [
                "\"It was good.\"",
                "Moya said: \"Fine.\"",
                "He left.",
                "Next one"
            ]
        );
        assert_eq!(
            sentences("Mr. Smith said it. U.S. talks went on."),
            ["Mr. Smith said it.", "U.S. talks went on."]
        );
    }

    #[test]
    fn names_map_to_tokens() {
        let text = "Iran’s President Hassan Rowhani said so.";
        let named = [Named {
            start: text.find("Hassan").unwrap(),
            end: text.find(" said").unwrap(),
            label: Label::Person,
            entity: "Hassan Rowhani".into(),
        }];
        let doc = Document::new(text, &named);
        let name = doc.name_at(4).unwrap();
        assert_eq!(doc.span_text(name.start..name.end), "Hassan Rowhani");
        assert!(doc.is_possessive(1));
    }
}
