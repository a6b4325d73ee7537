//! Quotes in quotation marks: direct or partial, which cue attributes them, and scare quotes
//! and titles told apart from quotes.
//!
//! A quoted span that opens its sentence, or follows a colon or a comma, is direct; its cue is
//! the first one after the closing mark in the same sentence (`"…," he said`), else the nearest
//! one before the opening mark (`he said: "…"`); a direct quote opening its sentence without
//! either continues the last speaker. Any other quoted span is partial, attributed by the
//! nearest cue before it in its sentence, else the first one after it (`"…", X said`), else by
//! a possessor (`William Hill's "overwhelming evidence"`); without any of them the marks set off
//! a term, a title or displayed words, not a quote.

use super::cues::{cue_at, Cue};
use std::ops::Range;

use super::document::Document;
use super::marks::Quoted;
use super::sources::{source_of, Source};
use super::{Found, QuoteKind};
use crate::text::lexicon::quote_words::{
    clause_boundaries, phrase_prepositions, speech_verbs, term_words,
};

/// How far after a closing mark its cue may be.
const CUE_AFTER_REACH: usize = 16;

/// A quoted span read in its sentences: the last token before its opening mark (outside other
/// quotes), and the cues before and after it.
struct Context {
    quoted: Quoted,
    opening: Range<usize>,
    closing: Range<usize>,
    lead: Option<usize>,
    cue_before: Option<Cue>,
    cue_after: Option<Cue>,
}

impl Context {
    fn new(doc: &Document<'_, '_>, index: usize) -> Self {
        let q = doc.quoted[index];
        let opening = doc.sentences[doc.sentence_of[q.open]].clone();
        let closing = doc.sentences[doc.sentence_of[q.close]].clone();
        let lead = (opening.start..q.open)
            .rev()
            .find(|&k| doc.quote_of[k].is_none());
        let cue_after = (q.close + 1..closing.end.min(q.close + 1 + CUE_AFTER_REACH))
            .take_while(|&k| doc.quote_of[k].is_none())
            .find_map(|k| cue_at(doc, k));
        let cue_before = (opening.start..q.open)
            .rev()
            .filter(|&k| doc.quote_of[k].is_none())
            .find_map(|k| cue_at(doc, k).filter(|c| c.end <= q.open));
        Context {
            quoted: q,
            opening,
            closing,
            lead,
            cue_before,
            cue_after,
        }
    }

    fn found(&self, kind: QuoteKind, cue: Option<Cue>, source: Source) -> Found {
        Found {
            start: self.quoted.start,
            end: self.quoted.end,
            kind,
            cue,
            source,
            at: self.quoted.open,
        }
    }

    /// The quote attributed by the cue before the opening mark, else the one after the closing
    /// mark.
    fn attributed(&self, doc: &Document<'_, '_>, kind: QuoteKind) -> Option<Found> {
        let (cue, floor, limit) = match (&self.cue_before, &self.cue_after) {
            (Some(cue), _) => (cue.clone(), self.opening.start, self.quoted.open),
            (None, Some(cue)) => (cue.clone(), self.quoted.close + 1, self.closing.end),
            (None, None) => return None,
        };
        let source = source_of(doc, &cue, floor, limit).unwrap_or(Source::Continuing);
        let mut quote = self.found(kind, Some(cue), source);
        if let Source::Phrase(p) = &quote.source {
            quote.at = p.start;
        }
        Some(quote)
    }
}

/// The quote that the quoted span `index` is, if it is one.
pub(crate) fn quoted_quote(doc: &Document<'_, '_>, index: usize) -> Option<Found> {
    let mut context = Context::new(doc, index);
    let lead = context.lead;
    if is_term(doc, lead) {
        return None;
    }
    match lead {
        // Opening its sentence: attributed after it, or continuing the last speaker.
        None => {
            context.cue_before = None;
            context
                .attributed(doc, QuoteKind::Direct)
                .or_else(|| Some(context.found(QuoteKind::Direct, None, Source::Continuing)))
        }
        Some(k) if doc.is(k, &[",", ":"]) => context.attributed(doc, QuoteKind::Direct),
        Some(k) => {
            if is_title(doc, index) {
                return None;
            }
            context.attributed(doc, QuoteKind::Partial).or_else(|| {
                possessor(doc, k)
                    .map(|name| context.found(QuoteKind::Partial, None, Source::Phrase(name)))
            })
        }
    }
}

/// A quoted name of a work or campaign: capitalised words followed by a common noun
/// (`the "Make love not spam" campaign`).
fn is_title(doc: &Document<'_, '_>, index: usize) -> bool {
    let q = doc.quoted[index];
    let capitalised = doc.text[q.start..q.end]
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    let next = q.close + 1;
    capitalised
        && next < doc.len()
        && doc.is_lowercase_word(next)
        && !speech_verbs().contains(doc.lower(next))
        && !clause_boundaries().contains(doc.lower(next))
        && !phrase_prepositions().contains(doc.lower(next))
        && !super::clauses::is_finite(doc, next)
}

/// Quoted words presented as a term or a name: `the term "time-shifting"`, `the words, "Stay
/// tuned"`.
fn is_term(doc: &Document<'_, '_>, lead: Option<usize>) -> bool {
    let Some(mut k) = lead else { return false };
    if doc.is(k, &[","]) && k > 0 {
        k -= 1;
    }
    term_words().contains(doc.lower(k))
}

/// The name owning a quoted fragment: `William Hill's "overwhelming evidence"`.
fn possessor(doc: &Document<'_, '_>, lead: usize) -> Option<std::ops::Range<usize>> {
    if !doc.is_possessive(lead) || lead == 0 {
        return None;
    }
    doc.name_at(lead - 1).map(|m| m.start..m.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Row = (String, QuoteKind, Option<String>, Option<String>);

    fn quotes(text: &str) -> Vec<Row> {
        quotes_naming(text, &[])
    }

    fn quotes_naming(text: &str, named: &[crate::quotes::Named]) -> Vec<Row> {
        let doc = Document::new(text, named);
        (0..doc.quoted.len())
            .filter_map(|i| quoted_quote(&doc, i))
            .map(|f| {
                let source = match &f.source {
                    Source::Phrase(p) => Some(doc.span_text(p.clone()).to_string()),
                    _ => None,
                };
                (
                    doc.text[f.start..f.end].to_string(),
                    f.kind,
                    f.cue.map(|c| c.form),
                    source,
                )
            })
            .collect()
    }

    #[test]
    fn direct_partial_and_continuing() {
        let got = quotes("\"We won,\" Kompany told reporters. \"It is half-time.\" Novak said the market was \"balanced\".");
        assert_eq!(
            got[0],
            (
                "We won,".into(),
                QuoteKind::Direct,
                Some("told".into()),
                Some("Kompany".into())
            )
        );
        assert_eq!(
            got[1],
            ("It is half-time.".into(), QuoteKind::Direct, None, None)
        );
        assert_eq!(
            got[2],
            (
                "balanced".into(),
                QuoteKind::Partial,
                Some("said".into()),
                Some("Novak".into())
            )
        );
    }

    #[test]
    fn colon_before_and_content_first() {
        let got = quotes("Mr Cutler said: \"Phil did not do it.\" Harry should see \"the results\", Rabbi Hier said.");
        assert_eq!(got[0].1, QuoteKind::Direct);
        assert_eq!(got[0].3.as_deref(), Some("Mr Cutler"));
        assert_eq!(
            got[1],
            (
                "the results".into(),
                QuoteKind::Partial,
                Some("said".into()),
                Some("Rabbi Hier".into())
            )
        );
    }

    #[test]
    fn scare_quotes_titles_and_displayed_words() {
        assert!(quotes("Iran sent frontline \"volunteer\" fighters.").is_empty());
        assert!(quotes("Lycos Europe's \"Make love not spam\" campaign was run.").is_empty());
        assert!(quotes("The site shows the words, \"Stay tuned\".").is_empty());
        let text = "William Hill's \"overwhelming evidence\" came on Friday.";
        let named = [crate::quotes::Named {
            start: 0,
            end: "William Hill".len(),
            label: crate::tag::Label::Org,
            entity: "William Hill".into(),
        }];
        let got = quotes_naming(text, &named);
        assert_eq!(got[0].3.as_deref(), Some("William Hill"));
    }
}
