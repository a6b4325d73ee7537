//! Reading clauses around a speech cue: where the content after a cue starts (past the hearer,
//! the adverbials and "that"), where it ends, and whether tokens make a finite clause.

use std::ops::Range;

use super::cues::Cue;
use super::document::Document;
use crate::text::lexicon::quote_words::{
    auxiliary_verbs, clause_boundaries, definite_determiners, document_nouns, finite_verbs,
    group_pronouns, indefinite_determiners, person_pronouns, phrase_prepositions,
    possessive_determiners, speech_participles, speech_verbs, thing_pronouns,
    words_before_speech_verbs,
};

/// Words that may open an adverbial between a cue and its "that" ("said after the meeting that").
const ADVERBIAL_OPENERS: &[&str] = &[
    "on",
    "in",
    "at",
    "after",
    "following",
    "during",
    "before",
    "last",
    "this",
    "earlier",
    "later",
    "yesterday",
    "today",
    "separately",
    "also",
    "previously",
    "again",
    "repeatedly",
];
/// Nouns of a speech event skipped after a cue ("said in a statement", "told in an interview").
const SPEECH_EVENTS: &[&str] = &["interview", "speech", "briefing", "conference"];
/// How far after a cue its "that" may be.
const THAT_REACH: usize = 12;

fn is_pronoun(word: &str) -> bool {
    person_pronouns().contains(word)
        || thing_pronouns().contains(word)
        || group_pronouns().contains(word)
}

fn is_determiner(word: &str) -> bool {
    definite_determiners().contains(word)
        || indefinite_determiners().contains(word)
        || possessive_determiners().contains(word)
}

/// Whether token `k` is a finite verb: an auxiliary, a modal, an irregular past, a regular past
/// ("-ed"), or a present "-s" form after a pronoun ("it strongly opposes").
pub(crate) fn is_finite(doc: &Document<'_, '_>, k: usize) -> bool {
    let word = doc.lower(k);
    if !doc.is_lowercase_word(k) || doc.name_at(k).is_some() {
        return false;
    }
    if finite_verbs().contains(word) {
        return true;
    }
    // "-ed" after a determiner is an adjective: "the planned sale".
    if word.len() >= 5 && word.ends_with("ed") {
        return k == 0 || !is_determiner(doc.lower(k - 1));
    }
    let after_pronoun = (k.saturating_sub(2)..k)
        .any(|j| matches!(doc.lower(j), "he" | "she" | "it" | "who" | "that" | "which"));
    word.len() >= 4 && word.ends_with('s') && !word.ends_with("ss") && after_pronoun
}

/// A past verb that starts a second verb phrase of the subject ("… and called on the UN").
fn starts_verb_phrase(doc: &Document<'_, '_>, k: usize) -> bool {
    doc.is_lowercase_word(k)
        && !auxiliary_verbs().contains(doc.lower(k))
        && (is_finite(doc, k) || speech_verbs().contains(doc.lower(k)))
}

/// Whether tokens `range` hold a passive participle ("would be based"), which a participle after
/// "and" continues ("… and staffed by officers").
fn has_passive(doc: &Document<'_, '_>, range: Range<usize>) -> bool {
    range.into_iter().skip(1).any(|k| {
        doc.lower(k).ends_with("ed")
            && matches!(
                doc.lower(k - 1),
                "be" | "been" | "being" | "was" | "were" | "is" | "are"
            )
    })
}

/// Whether tokens `range` hold a finite verb.
pub(crate) fn has_finite_verb(doc: &Document<'_, '_>, range: Range<usize>) -> bool {
    range.into_iter().any(|k| is_finite(doc, k))
}

/// The first token after a cue's hearer ("told [reporters] the centre …", "told [the BBC
/// programme Go Digital] he hoped …").
pub(crate) fn past_hearer(doc: &Document<'_, '_>, from: usize, limit: usize) -> usize {
    if from >= limit || doc.lower(from) == "that" || is_pronoun(doc.lower(from)) {
        return from;
    }
    let mut j = from;
    if is_determiner(doc.lower(j)) {
        j += 1;
    }
    while j < limit && j - from < 8 && (doc.is_word(j) || doc.is_possessive(j)) {
        let word = doc.lower(j);
        let stops = word == "that"
            || is_pronoun(word)
            || is_determiner(word)
            || phrase_prepositions().contains(word)
            || finite_verbs().contains(word);
        if stops && !doc.is_possessive(j) {
            break;
        }
        j += 1;
    }
    j
}

/// The first token of the content after a cue, within `..limit`, and whether a "that" led
/// to it: past the hearer of "told" and [`past_adverbials`].
pub(crate) fn content_start(doc: &Document<'_, '_>, cue: &Cue, limit: usize) -> (usize, bool) {
    let mut i = cue.end;
    if cue.has_hearer() {
        i = past_hearer(doc, i, limit);
    }
    past_adverbials(doc, i, limit)
}

/// The first token from `i` past the adverbials of a speech event ("on Monday", "in a
/// statement", "separately") and a "that" they lead to, and whether there was a "that".
pub(crate) fn past_adverbials(doc: &Document<'_, '_>, mut i: usize, limit: usize) -> (usize, bool) {
    if i < limit && doc.lower(i) == "that" {
        return (i + 1, true);
    }
    if i < limit && (ADVERBIAL_OPENERS.contains(&doc.lower(i)) || doc.date_at(i).is_some()) {
        let reach = (i..limit.min(i + THAT_REACH)).take_while(|&k| {
            !doc.is(k, &[",", ";", ":"]) && doc.quote_of[k].is_none() && !is_finite(doc, k)
        });
        if let Some(that) = reach.filter(|&k| doc.lower(k) == "that").last() {
            return (that + 1, true);
        }
    }
    loop {
        if i >= limit {
            return (i, false);
        }
        let word = doc.lower(i);
        if let Some(date) = doc.date_at(i) {
            i = date.end;
        } else if matches!(word, "on" | "in" | "at" | "since")
            && i + 1 < limit
            && doc.date_at(i + 1).is_some()
        {
            i = doc.date_at(i + 1).map_or(i + 1, |d| d.end);
        } else if let Some(end) = speech_event(doc, i, limit) {
            i = end;
        } else if words_before_speech_verbs().contains(word) && !finite_verbs().contains(word) {
            i += 1;
        } else if word == "that" {
            return (i + 1, true);
        } else {
            return (i, false);
        }
    }
}

/// The end of "in a (written) statement", "in an interview" starting at `i`.
fn speech_event(doc: &Document<'_, '_>, i: usize, limit: usize) -> Option<usize> {
    if !matches!(doc.lower(i), "in" | "during") {
        return None;
    }
    (i + 1..limit.min(i + 5))
        .take_while(|&k| doc.is_word(k))
        .find(|&k| document_nouns().contains(doc.lower(k)) || SPEECH_EVENTS.contains(&doc.lower(k)))
        .map(|k| k + 1)
}

/// The end of a clause starting at `start` within `..limit`: before a following ", saying …",
/// ", according to …", a second verb phrase of the speaker ("… and called on the UN"), or the
/// first of `stops` (where another attribution begins), without final punctuation.
pub(crate) fn clause_end(
    doc: &Document<'_, '_>,
    start: usize,
    limit: usize,
    stops: &[usize],
) -> usize {
    let mut end = stops
        .iter()
        .copied()
        .filter(|&s| s > start)
        .min()
        .unwrap_or(limit)
        .min(limit);
    for k in start..end {
        let next = k + 1;
        if next >= end {
            break;
        }
        let attribution_follows = doc.is(k, &[","])
            && (speech_participles().contains(doc.lower(next)) || doc.lower(next) == "according");
        let second_verb = matches!(doc.lower(k), "and" | "but")
            && !doc.is_capitalised(k)
            && starts_verb_phrase(doc, next)
            && !(doc.lower(next).ends_with("ed") && has_passive(doc, start..k));
        if attribution_follows || second_verb {
            end = k;
            break;
        }
    }
    trim_end(doc, start, end)
}

/// `end` moved back over trailing punctuation (not closing brackets).
pub(crate) fn trim_end(doc: &Document<'_, '_>, start: usize, mut end: usize) -> usize {
    while end > start
        && !doc.is_word(end - 1)
        && !doc.is(end - 1, &[")", "]"])
        && doc.name_at(end - 1).is_none()
    {
        end -= 1;
    }
    end
}

/// Whether the tokens `range` can be the content of a reported quote of `cue`: some words, no
/// quotation marks (a quoted fragment makes it a partial quote instead), not an infinitive or
/// a prepositional phrase, and a finite verb unless a "that" led to it or it follows a light
/// cue (say, tell, add: "says [16.5 million people need aid]").
pub(crate) fn is_content(
    doc: &Document<'_, '_>,
    cue: &Cue,
    range: Range<usize>,
    after_that: bool,
    after_cue: bool,
) -> bool {
    let words = range.clone().filter(|&k| doc.is_word(k)).count();
    if words < 2 || range.clone().any(|k| doc.quote_of[k].is_some()) {
        return false;
    }
    if doc.is(range.start, &[",", ";", ":", ".", ")", "-", "—", "–"]) {
        return false;
    }
    let first = doc.lower(range.start);
    if first == "to" || (phrase_prepositions().contains(first) && !doc.is_capitalised(range.start))
    {
        return false;
    }
    if clause_boundaries().contains(first)
        && !matches!(
            first,
            "if" | "while"
                | "although"
                | "though"
                | "whether"
                | "when"
                | "as"
                | "because"
                | "since"
        )
    {
        return false;
    }
    if after_that {
        return true;
    }
    // "denied claims that he faked a crash": a noun and its clause, no reported speech.
    if let Some(that) = range
        .clone()
        .find(|&k| doc.lower(k) == "that")
        .filter(|_| after_cue)
    {
        if !has_finite_verb(doc, range.start..that) {
            return false;
        }
    }
    has_finite_verb(doc, range) || (after_cue && cue.is_light() && words >= 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::cues::cues_in;

    fn content(text: &str) -> String {
        let doc = Document::new(text, &[]);
        let cue = cues_in(&doc, 0..doc.len()).remove(0);
        let (start, _) = content_start(&doc, &cue, doc.len());
        let end = clause_end(&doc, start, doc.len(), &[]);
        doc.span_text(start..end).to_string()
    }

    #[test]
    fn content_after_hearer_adverbials_and_that() {
        assert_eq!(
            content("Lavrov told reporters the centre would open."),
            "the centre would open"
        );
        assert_eq!(
            content("He told the BBC programme Go Digital he hoped it would work."),
            "he hoped it would work"
        );
        assert_eq!(
            content("Novak said after the online meeting that the market was fragile."),
            "the market was fragile"
        );
        assert_eq!(
            content("Microsoft said in a statement it is investigating."),
            "it is investigating"
        );
    }

    #[test]
    fn content_ends_before_other_attributions() {
        assert_eq!(
            content("Araghchi said Tehran would help and called on the UN to act."),
            "Tehran would help"
        );
        assert_eq!(
            content("He said the plan was fine, saying it worked."),
            "the plan was fine"
        );
        assert_eq!(
            content("Sayeed said he lost and he intended to stay."),
            "he lost and he intended to stay"
        );
    }

    #[test]
    fn clauses_need_a_finite_verb() {
        let doc = Document::new(
            "The EU announced an 80m aid package. It announced it had won.",
            &[],
        );
        let cues = cues_in(&doc, 0..doc.len());
        let (first, _) = content_start(&doc, &cues[0], doc.sentences[0].end);
        assert!(!is_content(
            &doc,
            &cues[0],
            first..doc.sentences[0].end - 1,
            false,
            true
        ));
        let (second, _) = content_start(&doc, &cues[1], doc.len());
        assert!(is_content(
            &doc,
            &cues[1],
            second..doc.len() - 1,
            false,
            true
        ));
    }
}
