//! Reported speech: a speech cue governing a clause without quotation marks.
//!
//! Each sentence's cues are read together, since one attribution ends where the next begins.
//! A cue with its source before it reports the clause after it ("Putin said [the talks had
//! failed]", past the hearer, the adverbials and "that"); failing that, a cue whose source is set
//! off by a comma reports the clause before it ("[Turnout was high], officials said"), or the
//! whole sentence when the clause goes on after the attribution ("[If the site did return, the
//! message said, it would close]"). "According to X" reports the clause on the other side of
//! its comma. A clause holding quotation marks gives its quoted fragments instead (partial
//! quotes); a content-first clause holding another attribution is that attribution's.

use std::ops::Range;

use rustc_hash::FxHashSet;

use super::clauses::{
    clause_end, content_start, is_content, is_finite, past_adverbials, past_hearer, trim_end,
};
use super::cues::{cues_in, Cue};
use super::document::Document;
use super::sources::{attribution_start, source_of, Source};
use super::{Found, QuoteKind};
use crate::text::lexicon::quote_words::{
    clause_boundaries, group_pronouns, person_pronouns, phrase_prepositions, thing_pronouns,
};

/// A cue of the sentence with its source, where its attribution begins and whether a comma or
/// a conjunction sets it off.
struct Attribution {
    cue: Cue,
    source: Source,
    start: usize,
    set_off: bool,
}

/// The reported quotes of sentence `sentence`; cues at `used` (token indices) already attribute
/// quoted spans.
pub(crate) fn reported_quotes(
    doc: &Document<'_, '_>,
    sentence: Range<usize>,
    used: &FxHashSet<usize>,
) -> Vec<Found> {
    let attributions = attributions_in(doc, &sentence);
    let stops: Vec<usize> = attributions
        .iter()
        .filter(|a| a.set_off)
        .map(|a| a.start)
        .collect();
    let free = |a: &Attribution| !used.contains(&a.cue.start) && a.cue.reports();
    let after: Vec<Option<Range<usize>>> = attributions
        .iter()
        .map(|a| {
            let cue_first = free(a) && !a.cue.is_according_to();
            cue_first
                .then(|| content_after(doc, a, &sentence, &stops))
                .flatten()
        })
        .collect();
    // The cues that attribute something of their own: a quoted span or a clause after them;
    // a content-first clause holding one of them is theirs.
    let speaking: Vec<&Attribution> = attributions
        .iter()
        .zip(&after)
        .filter(|(a, after)| used.contains(&a.cue.start) || after.is_some())
        .map(|(a, _)| a)
        .collect();
    let mut out = Vec::new();
    for (a, after) in attributions.iter().zip(after) {
        if !free(a) {
            continue;
        }
        let others: Vec<&Attribution> = speaking
            .iter()
            .copied()
            .filter(|o| o.cue.start != a.cue.start)
            .collect();
        let content = if a.cue.is_according_to() {
            according_to_content(doc, a, &sentence, &stops, &others)
        } else {
            after.or_else(|| content_before(doc, a, &sentence, &others))
        };
        if let Some(content) = content {
            out.push(reported(doc, a, content));
        }
    }
    out
}

/// The cues of a sentence that have a source, with their attributions.
fn attributions_in(doc: &Document<'_, '_>, sentence: &Range<usize>) -> Vec<Attribution> {
    cues_in(doc, sentence.clone())
        .into_iter()
        .filter_map(|cue| {
            let source = source_of(doc, &cue, sentence.start, sentence.end)?;
            let (start, set_off) = attribution_start(doc, &cue, &source, sentence.start);
            Some(Attribution {
                cue,
                source,
                start,
                set_off,
            })
        })
        .collect()
}

/// The reported quote of attribution `a` over the tokens `content`.
fn reported(doc: &Document<'_, '_>, a: &Attribution, content: Range<usize>) -> Found {
    let (start, end) = doc.byte_span(content);
    let at = match &a.source {
        Source::Phrase(p) => p.start,
        _ => a.cue.start,
    };
    Found {
        start,
        end,
        kind: QuoteKind::Reported,
        cue: Some(a.cue.clone()),
        source: a.source.clone(),
        at,
    }
}

/// The clause after a cue whose source stands before it (or is a participle's or a second
/// verb's subject).
fn content_after(
    doc: &Document<'_, '_>,
    a: &Attribution,
    sentence: &Range<usize>,
    stops: &[usize],
) -> Option<Range<usize>> {
    let source_first = match &a.source {
        Source::Phrase(p) => p.end <= a.cue.start,
        _ => false,
    };
    if !source_first {
        return None;
    }
    let (start, after_that) = content_start(doc, &a.cue, sentence.end);
    let end = clause_end(doc, start, sentence.end, stops);
    (start < end && is_content(doc, &a.cue, start..end, after_that, true)).then_some(start..end)
}

/// The clause before an attribution set off by a comma ("…, the Kremlin said"), or the whole
/// sentence when the clause goes on after it ("If the site did return, the message said, it
/// would …").
fn content_before(
    doc: &Document<'_, '_>,
    a: &Attribution,
    sentence: &Range<usize>,
    others: &[&Attribution],
) -> Option<Range<usize>> {
    let attribution = match &a.source {
        Source::Phrase(p) if p.end <= a.cue.start => p.start,
        Source::Phrase(_) => a.cue.start,
        Source::Nobody => a.start + usize::from(a.set_off),
        Source::Continuing => return None,
    };
    if attribution <= sentence.start + 1 || !doc.is(attribution - 1, &[","]) {
        return None;
    }
    let comma = attribution - 1;
    let start = sentence.start;
    let mut end = trim_end(doc, start, comma);
    // The attribution's own end: past the source when it follows the cue, and adverbials.
    let mut after = match &a.source {
        Source::Phrase(p) if p.start >= a.cue.end => p.end,
        _ => a.cue.end,
    };
    if a.cue.has_hearer() && after == a.cue.end {
        after = past_hearer(doc, after, sentence.end);
    }
    after = past_adverbials(doc, after, sentence.end).0;
    if after + 1 < sentence.end && doc.is(after, &[","]) && continues_clause(doc, after + 1) {
        end = clause_end(doc, after + 1, sentence.end, &[]);
    } else if !ends_attribution(doc, after, sentence.end) {
        return None; // the cue has an object: "Nokia, based in Espoo, announced an investment"
    }
    let nested = others
        .iter()
        .any(|o| o.cue.start >= start && o.cue.end <= end);
    (!nested && is_content(doc, &a.cue, start..end, false, false)).then_some(start..end)
}

/// Whether an attribution may end at token `k`: at the sentence's end, a comma, or an
/// adverbial ("Lavrov said [after talks in Moscow]"), not an object.
fn ends_attribution(doc: &Document<'_, '_>, k: usize, end: usize) -> bool {
    let word = doc.lower(k);
    trim_end(doc, k, end) <= k
        || doc.is(k, &[","])
        || phrase_prepositions().contains(word)
        || (clause_boundaries().contains(word) && !matches!(word, "and" | "that"))
        || doc.date_at(k).is_some()
}

/// Whether the tokens from `k` continue a clause: a finite verb, or a pronoun and one.
fn continues_clause(doc: &Document<'_, '_>, k: usize) -> bool {
    let word = doc.lower(k);
    let pronoun = person_pronouns().contains(word)
        || thing_pronouns().contains(word)
        || group_pronouns().contains(word);
    is_finite(doc, k) || (pronoun && k + 1 < doc.len() && is_finite(doc, k + 1))
}

/// The clause an "according to X" attributes: after X's comma when the attribution opens the
/// sentence or a clause ("According to Press TV, Assad made …", "that, according to reports,
/// let …"), else the clause before its comma ("…, according to the MDA").
fn according_to_content(
    doc: &Document<'_, '_>,
    a: &Attribution,
    sentence: &Range<usize>,
    stops: &[usize],
    others: &[&Attribution],
) -> Option<Range<usize>> {
    let source_end = (a.cue.end..sentence.end).find(|&k| doc.is(k, &[",", ".", ";", ":"]))?;
    let opens = a.cue.start == sentence.start || doc.is(a.cue.start - 1, &[","]);
    if opens && doc.is(source_end, &[","]) && source_end + 2 < sentence.end {
        let start = source_end + 1;
        let end = clause_end(doc, start, sentence.end, stops);
        if is_content(doc, &a.cue, start..end, true, true) {
            return Some(start..end);
        }
    }
    if a.cue.start <= sentence.start || !doc.is(a.cue.start - 1, &[","]) {
        return None;
    }
    let end = trim_end(doc, sentence.start, a.cue.start - 1);
    let nested = others.iter().any(|o| o.cue.start < end);
    (!nested && is_content(doc, &a.cue, sentence.start..end, false, false))
        .then_some(sentence.start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reported(text: &str) -> Vec<(String, String)> {
        let doc = Document::new(text, &[]);
        doc.sentences
            .iter()
            .flat_map(|s| reported_quotes(&doc, s.clone(), &FxHashSet::default()))
            .map(|f| (doc.text[f.start..f.end].to_string(), f.cue.unwrap().form))
            .collect()
    }

    fn pair(content: &str, cue: &str) -> (String, String) {
        (content.to_string(), cue.to_string())
    }

    #[test]
    fn cue_first_and_content_first() {
        assert_eq!(
            reported("Lavrov told reporters the centre would be in Aleppo. Russia and Iran agreed to set up a centre, Lavrov said after talks in Moscow."),
            [pair("the centre would be in Aleppo", "told"), pair("Russia and Iran agreed to set up a centre", "said")]
        );
        assert_eq!(
            reported("Iran began an exercise on Friday, the navy said, involving warships."),
            [pair("Iran began an exercise on Friday", "said")]
        );
    }

    #[test]
    fn inserted_attribution_and_according_to() {
        assert_eq!(
            reported("If the site did return, the message said, it would not host links."),
            [pair(
                "If the site did return, the message said, it would not host links",
                "said"
            )]
        );
        assert_eq!(
            reported("According to Press TV, Assad made the remarks in Damascus. Exports rose, according to the MDA."),
            [pair("Assad made the remarks in Damascus", "according_to"), pair("Exports rose", "according_to")]
        );
    }

    #[test]
    fn nested_and_quoted_clauses_give_no_reported_quote() {
        // The quoted fragment is the quote; the outer attribution adds none.
        assert!(
            reported("Jafari said \"the situation is good\" after the battle, Fars reported.")
                .is_empty()
        );
        assert_eq!(
            reported("Microsoft said it did not believe the program was widespread and recommended tools."),
            [pair("it did not believe the program was widespread", "said")]
        );
        // Not speech: an object, an infinitive, a noun.
        assert!(
            reported("Observers described the vote as orderly. He urged voters to say more.")
                .is_empty()
        );
        assert!(
            reported("The EU announced last week an additional 80 million euros in aid.")
                .is_empty()
        );
    }
}
