//! Where a speech cue gives its source: the phrase before it ("Putin said"), after it ("said
//! Putin"), after "according to", the subject of the clause a participle or a second verb hangs
//! on ("Araghchi rejected the claims, saying …", "Putin welcomed it and said …"), or nobody
//! ("it has been announced").

use std::ops::Range;

use super::cues::Cue;
use super::document::Document;
use super::phrases::{clause_subject, phrase_after, phrase_before, phrase_ending_at};
use crate::tag::Label;
use crate::text::lexicon::quote_words::{
    phrase_prepositions, words_before_speech_verbs, writer_pronouns,
};

/// Where a quote's source is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    /// The tokens of a phrase naming the source.
    Phrase(Range<usize>),
    /// No attribution of its own (a quoted paragraph continuing the last speaker).
    Continuing,
    /// An attribution without a source ("it has been announced").
    Nobody,
}

/// How far back "quoted" may stand before "as saying".
const QUOTED_AS_REACH: usize = 10;

/// The source of the cue `cue`, reading tokens `floor..limit` (the cue's sentence, or the part
/// of it after a quote's closing mark).
pub(crate) fn source_of(
    doc: &Document<'_, '_>,
    cue: &Cue,
    floor: usize,
    limit: usize,
) -> Option<Source> {
    if cue.is_according_to() {
        return according_to_source(doc, cue, limit).map(Source::Phrase);
    }
    if is_passive(doc, cue, floor) {
        return Some(passive_agent(doc, cue).map_or(Source::Nobody, Source::Phrase));
    }
    let mut j = cue.start;
    while j > floor && words_before_speech_verbs().contains(doc.lower(j - 1)) {
        j -= 1;
    }
    if j > floor && doc.lower(j - 1) == "who" {
        return antecedent(doc, j - 1, floor).map(Source::Phrase);
    }
    // "… and said", "… to congratulate him": the verb shares its clause's subject.
    let coordinated = j > floor && matches!(doc.word(j - 1), "and" | "but" | "or" | "to");
    if cue.is_participle() {
        return participle_source(doc, cue, j, floor).map(Source::Phrase);
    }
    if coordinated {
        return subject_of_clause(doc, cue, floor).map(Source::Phrase);
    }
    let inverted = || phrase_after(doc, cue.end, limit).filter(|_| cue.inverts());
    let phrase = phrase_before(doc, cue.start, floor).or_else(inverted)?;
    // "I say", "we said": the writer, outside quotation marks, is no source.
    if phrase.len() == 1 && writer_pronouns().contains(doc.lower(phrase.start)) {
        return None;
    }
    Some(Source::Phrase(phrase))
}

/// The subject of the clause a cue stands in, from the start of its sentence (or `floor`).
fn subject_of_clause(doc: &Document<'_, '_>, cue: &Cue, floor: usize) -> Option<Range<usize>> {
    let sentence = doc.sentences[doc.sentence_of[cue.start]].clone();
    clause_subject(doc, floor.max(sentence.start)..sentence.end)
}

/// A passive cue: "it has been announced", "have been described as … by Downing Street" (a
/// participle is no passive: "was quoted as saying").
fn is_passive(doc: &Document<'_, '_>, cue: &Cue, floor: usize) -> bool {
    cue.start > floor
        && !cue.is_participle()
        && matches!(
            doc.lower(cue.start - 1),
            "been" | "be" | "being" | "was" | "were" | "is" | "are"
        )
}

/// The agent of a passive cue: the phrase after its "by" in the same clause, past any quoted
/// words ("described as "idle speculation" by Downing Street").
fn passive_agent(doc: &Document<'_, '_>, cue: &Cue) -> Option<Range<usize>> {
    let end = doc.sentences[doc.sentence_of[cue.start]].end;
    (cue.end..end)
        .take_while(|&k| doc.quote_of[k].is_some() || !doc.is(k, &[".", ";", ","]))
        .find(|&k| doc.quote_of[k].is_none() && doc.lower(k) == "by")
        .and_then(|by| phrase_after(doc, by + 1, end))
}

/// The antecedent of the relative pronoun at `who`: the last noun phrase before it
/// ("Putin, who said", "given by [minister Heizo Takenaka] who said").
fn antecedent(doc: &Document<'_, '_>, who: usize, floor: usize) -> Option<Range<usize>> {
    let end = if who > floor && doc.is(who - 1, &[","]) {
        who - 1
    } else {
        who
    };
    let phrase = phrase_ending_at(doc, end, floor)?;
    let after_preposition = phrase.clone().rev().find(|&k| {
        doc.name_at(k).is_none()
            && doc.is_lowercase_word(k)
            && phrase_prepositions().contains(doc.lower(k))
    });
    let start = after_preposition.map_or(phrase.start, |k| k + 1);
    (start < phrase.end).then_some(start..phrase.end)
}

/// The source of a participle cue whose nearest word before it (past adverbs) is at `j - 1`:
/// the subject of "was quoted as saying", of "with nearly a fifth saying", or of the clause it
/// hangs on. A participle attributes only after a comma or a conjunction, or as "saying" does
/// right after its clause ("defended the move saying …"); elsewhere it is a modifier ("virus
/// writing group").
fn participle_source(
    doc: &Document<'_, '_>,
    cue: &Cue,
    j: usize,
    floor: usize,
) -> Option<Range<usize>> {
    let quoted_as = (cue.start.saturating_sub(QUOTED_AS_REACH).max(floor)..cue.start)
        .rev()
        .find(|&k| doc.lower(k) == "quoted");
    if let Some(quoted) = quoted_as {
        return phrase_before(doc, quoted, floor);
    }
    let clause_floor = floor.max(doc.sentences[doc.sentence_of[cue.start]].start);
    if let Some(p) = phrase_ending_at(doc, cue.start, clause_floor) {
        if p.start > clause_floor && doc.lower(p.start - 1) == "with" {
            return Some(p);
        }
    }
    let introduced = j > floor
        && (doc.is(j - 1, &[","])
            || matches!(
                doc.lower(j - 1),
                "as" | "while" | "when" | "after" | "before" | "by" | "without" | "and"
            ));
    if !introduced && cue.form != "saying" {
        return None;
    }
    subject_of_clause(doc, cue, floor)
}

/// The source after "according to": a person or organisation the document was published by
/// or comes from ("results published by the Ministry of …"), else the phrase itself.
fn according_to_source(doc: &Document<'_, '_>, cue: &Cue, limit: usize) -> Option<Range<usize>> {
    let end = (cue.end..limit)
        .find(|&k| doc.is(k, &[",", ".", ";", ":"]) || doc.quote_of[k].is_some())
        .unwrap_or(limit);
    let by = (cue.end..end).find(|&k| matches!(doc.lower(k), "by" | "from"));
    if let Some(by) = by {
        let named = (by + 1..end)
            .filter_map(|k| doc.name_at(k))
            .find(|m| matches!(m.named.label, Label::Person | Label::Org));
        if let Some(m) = named {
            return Some(m.start..m.end);
        }
    }
    phrase_after(doc, cue.end, end)
}

/// Where the attribution of a cue begins in its sentence (its source phrase, or the cue when
/// the source follows it), moved back over a comma and a conjunction before it, and whether
/// one of them sets it off: the content of an earlier cue ends at such an attribution ("…,
/// though he recognised"), not at one inside it ("… because it suggested").
pub(crate) fn attribution_start(
    doc: &Document<'_, '_>,
    cue: &Cue,
    source: &Source,
    floor: usize,
) -> (usize, bool) {
    let mut start = match source {
        Source::Phrase(p) if p.end <= cue.start => p.start.min(cue.start),
        Source::Nobody => (cue.start.saturating_sub(3).max(floor)..cue.start)
            .find(|&k| doc.lower(k) == "it")
            .unwrap_or(cue.start),
        _ => cue.start,
    };
    let bare = start;
    if start > floor
        && matches!(
            doc.lower(start - 1),
            "and" | "but" | "though" | "although" | "while" | "as"
        )
    {
        start -= 1;
    }
    if start > floor && doc.is(start - 1, &[","]) {
        start -= 1;
    }
    (start, start < bare)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::cues::cues_in;
    use crate::quotes::Named;

    fn sources(text: &str, named: &[Named]) -> Vec<Option<String>> {
        let doc = Document::new(text, named);
        cues_in(&doc, 0..doc.len())
            .iter()
            .map(|cue| {
                let sentence = doc.sentences[doc.sentence_of[cue.start]].clone();
                match source_of(&doc, cue, sentence.start, sentence.end) {
                    Some(Source::Phrase(p)) => Some(doc.span_text(p).to_string()),
                    Some(other) => Some(format!("{other:?}")),
                    None => None,
                }
            })
            .collect()
    }

    #[test]
    fn sources_of_cues() {
        assert_eq!(
            sources(
                "Araghchi rejected it, saying Iran was right. Putin welcomed it and said so.",
                &[]
            ),
            [
                Some("Araghchi".to_string()),
                Some("Putin".to_string()),
                Some("Putin".to_string())
            ]
        );
        assert_eq!(
            sources("\"We won,\" Gharibabadi was quoted as saying.", &[]),
            [Some("Gharibabadi".to_string())]
        );
        assert_eq!(
            sources("Straw will visit Auschwitz, it has been announced.", &[]),
            [Some("Nobody".to_string())]
        );
        assert_eq!(
            sources(
                "The only parts, said the operators of the site, were forums.",
                &[]
            ),
            [Some("the operators of the site".to_string())]
        );
    }

    #[test]
    fn according_to_a_publisher() {
        let text = "Voters will return, according to results published by the Ministry of Internal Administration on Monday.";
        let start = text.find("Ministry").unwrap();
        let named = [Named {
            start,
            end: start + "Ministry of Internal Administration".len(),
            label: Label::Org,
            entity: "Ministry of Internal Administration".into(),
        }];
        assert_eq!(
            sources(text, &named),
            [Some("Ministry of Internal Administration".to_string())]
        );
    }
}
