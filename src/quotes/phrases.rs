//! Where the source's noun phrase is, around a speech cue: before it ("Putin also said",
//! "Nigel Marson, head of marketing at TfL, said"), after it ("said Rick Krim, VH1's vice
//! president"), or at the start of the clause a participle hangs on ("Araghchi rejected the
//! accusations, saying …").

use std::ops::Range;

use super::document::Document;
use crate::tag::Label;
use crate::text::lexicon::quote_words::{
    clause_boundaries, definite_determiners, finite_verbs, group_pronouns, indefinite_determiners,
    person_pronouns, person_role_nouns, phrase_prepositions, thing_pronouns,
    words_before_speech_verbs,
};

/// Longest phrase, in tokens.
const MAX_PHRASE: usize = 14;

/// Sentence openers skipped before a clause's subject.
const OPENERS: &[&str] = &[
    "but",
    "and",
    "however",
    "meanwhile",
    "also",
    "so",
    "yet",
    "still",
];

/// Whether token `i` may belong to a source's noun phrase: words (not verbs, clause openers or
/// "to"), possessive endings, hyphens inside names.
fn in_phrase(doc: &Document<'_, '_>, i: usize) -> bool {
    if doc.is_possessive(i) {
        return true;
    }
    if !doc.is_word(i) {
        return doc.name_at(i).is_some() || doc.is(i, &["-", "&", "%"]);
    }
    if doc.name_at(i).is_some() {
        return true;
    }
    let word = doc.lower(i);
    let verb_like = finite_verbs().contains(word)
        || (doc.is_lowercase_word(i) && word.len() >= 5 && word.ends_with("ed"));
    !(verb_like || clause_boundaries().contains(word) || word == "to")
}

/// Skips, leftwards from `j`, the adverbs and auxiliaries that may stand between a source
/// and its verb ("Putin has also said").
fn skip_words_before_verb(doc: &Document<'_, '_>, mut j: usize, floor: usize) -> usize {
    loop {
        if j > floor && words_before_speech_verbs().contains(doc.lower(j - 1)) {
            j -= 1;
        } else if j > floor && doc.is(j - 1, &[")"]) {
            // An acronym or aside in brackets: "the Office … (OCHA) says".
            match (floor..j - 1).rev().find(|&k| doc.is(k, &["("])) {
                Some(open) if j - 1 - open <= 6 => j = open,
                _ => return j,
            }
        } else {
            return j;
        }
    }
}

/// The phrase before a speech cue at `cue`, within tokens `floor..cue`; `None` when the cue
/// has no subject there (it follows a comma or a closing mark: "…, said X") or stands after a
/// verb (an infinitive "to say", or a noun: "could dent Lycos claims").
pub(crate) fn phrase_before(
    doc: &Document<'_, '_>,
    cue: usize,
    floor: usize,
) -> Option<Range<usize>> {
    let mut j = skip_words_before_verb(doc, cue, floor);
    if j == floor {
        return None;
    }
    let mut parenthetical = None;
    if doc.is(j - 1, &[","]) {
        let aside = parenthetical_before(doc, cue, j - 1, floor)?;
        j = skip_words_before_verb(doc, aside.start - 1, floor);
        parenthetical = Some(aside);
    }
    let end = j;
    let mut start = end;
    while start > floor && end - start < MAX_PHRASE && in_phrase(doc, start - 1) {
        start -= 1;
    }
    if start == end {
        return None;
    }
    if let Some(apposition) = parenthetical
        .clone()
        .filter(|a| names_in_apposition(doc, a, start..end))
    {
        return Some(apposition);
    }
    let start = past_opening_preposition(doc, start, end);
    if start > floor {
        let before = doc.lower(start - 1);
        if finite_verbs().contains(before) || before == "to" {
            return None;
        }
        if let Some(outer) = name_before_apposition(doc, start..end, parenthetical.is_some(), floor)
        {
            return Some(outer);
        }
    }
    Some(start..end)
}

/// The parenthetical that ends at the comma `comma` before a cue ("X[, for his part,] said"),
/// its commas excluded; `None` when the source follows the cue instead ("…, said industry
/// officials", "…, said the operators of the site, were …") or no earlier comma opens it.
fn parenthetical_before(
    doc: &Document<'_, '_>,
    cue: usize,
    comma: usize,
    floor: usize,
) -> Option<Range<usize>> {
    let sentence_end = doc.sentences[doc.sentence_of[cue]].end;
    let inverts = super::cues::cue_at(doc, cue).is_some_and(|c| c.inverts());
    if let Some(after) = phrase_after(doc, cue + 1, sentence_end).filter(|_| inverts) {
        if closes_inverted_source(doc, after.end, sentence_end) {
            return None;
        }
    }
    let earlier = (floor..comma)
        .rev()
        .find(|&k| doc.is(k, &[","]) || doc.quote_of[k].is_some())?;
    (doc.is(earlier, &[","]) && earlier > floor).then_some(earlier + 1..comma)
}

/// Whether the apposition `apposition` names the source that the phrase `phrase` before it
/// only describes: "The Bishop of Durham, [the Rt Rev Dr Tom Wright], described …", "The group
/// which represents vice-chancellors, [Universities UK], said …".
fn names_in_apposition(
    doc: &Document<'_, '_>,
    apposition: &Range<usize>,
    phrase: Range<usize>,
) -> bool {
    let names = |range: Range<usize>| {
        range.into_iter().any(|k| {
            doc.name_at(k)
                .is_some_and(|m| matches!(m.named.label, Label::Person | Label::Org))
        })
    };
    let all_capitalised = apposition
        .clone()
        .all(|k| doc.is_capitalised(k) && doc.name_at(k).is_none());
    !names(phrase) && (names(apposition.clone()) || all_capitalised)
}

/// Past an opening prepositional phrase ("In his New Year message the Liberal Democrat leader
/// said"), the subject starts at its last determiner or pronoun.
fn past_opening_preposition(doc: &Document<'_, '_>, start: usize, end: usize) -> usize {
    if !phrase_prepositions().contains(doc.lower(start)) {
        return start;
    }
    (start + 1..end)
        .rev()
        .find(|&k| opens_with(doc, &(k..k + 1)).is_some() || subject_pronouns(doc.lower(k)))
        .unwrap_or(start)
}

/// The name before a comma that the phrase `phrase` stands in apposition to: "Rabbi Marvin
/// Hier, [founder of the centre,] said", "Tony Lloyd, [the Manchester Central MP], whose …,
/// has pledged" (a description, when a parenthetical followed it).
fn name_before_apposition(
    doc: &Document<'_, '_>,
    phrase: Range<usize>,
    after_parenthetical: bool,
    floor: usize,
) -> Option<Range<usize>> {
    let start = phrase.start;
    if !doc.is(start - 1, &[","]) || start - 1 <= floor {
        return None;
    }
    let bare_role = doc.is_lowercase_word(start) && person_role_nouns().contains(doc.lower(start));
    let unnamed = !phrase.clone().any(|k| {
        doc.name_at(k)
            .is_some_and(|m| m.named.label == Label::Person)
    });
    let described = after_parenthetical && unnamed && opens_with(doc, &phrase) == Some(true);
    if !(bare_role || described) {
        return None;
    }
    phrase_ending_at(doc, start - 1, floor).filter(|p| p.clone().any(|k| doc.name_at(k).is_some()))
}

/// Whether a source phrase after its cue may end at `k`: at the sentence's end, or at a comma
/// before an apposition ("said Ms Armistead, chair of the judges"), a relative clause or the
/// rest of the content ("said the operators, were the forums").
fn closes_inverted_source(doc: &Document<'_, '_>, k: usize, sentence_end: usize) -> bool {
    if k >= sentence_end || doc.is(k, &[".", "!", "?", ";", ":"]) {
        return true;
    }
    if !doc.is(k, &[","]) || k + 1 >= sentence_end {
        return false;
    }
    let next = doc.lower(k + 1);
    opens_with(doc, &(k + 1..k + 2)).is_some()
        || possessive_determiners_or_who(next)
        || (doc.is_lowercase_word(k + 1)
            && (person_role_nouns().contains(next) || finite_verbs().contains(next)))
}

fn possessive_determiners_or_who(word: &str) -> bool {
    matches!(word, "who" | "which" | "his" | "her" | "its" | "their")
}

fn subject_pronouns(word: &str) -> bool {
    person_pronouns().contains(word)
        || thing_pronouns().contains(word)
        || group_pronouns().contains(word)
}

/// The phrase ending just before token `end` (a comma, "who").
pub(crate) fn phrase_ending_at(
    doc: &Document<'_, '_>,
    end: usize,
    floor: usize,
) -> Option<Range<usize>> {
    let mut start = end;
    while start > floor && end - start < MAX_PHRASE && in_phrase(doc, start - 1) {
        start -= 1;
    }
    (start < end).then_some(start..end)
}

/// The phrase right after a cue ending at `from`, up to `limit`: "said [the head of the ICRC
/// delegation]", "added [Putin]". It ends at punctuation, a clause opener or a verb.
pub(crate) fn phrase_after(
    doc: &Document<'_, '_>,
    from: usize,
    limit: usize,
) -> Option<Range<usize>> {
    if from >= limit
        || phrase_prepositions().contains(doc.lower(from))
        || possessive_determiners_or_who(doc.lower(from))
        || doc.date_at(from).is_some()
    {
        return None;
    }
    let mut end = from;
    while end < limit && end - from < MAX_PHRASE && in_phrase(doc, end) {
        end += 1;
    }
    (end > from).then_some(from..end)
}

/// The subject phrase of the clause that starts the sentence `sentence` (skipping "But",
/// "However," and an opening adverbial or participle phrase set off by a comma), ending before
/// its verb.
pub(crate) fn clause_subject(
    doc: &Document<'_, '_>,
    sentence: Range<usize>,
) -> Option<Range<usize>> {
    let mut i = sentence.start;
    while i < sentence.end && (OPENERS.contains(&doc.lower(i)) || doc.is(i, &[","])) {
        i += 1;
    }
    if i >= sentence.end {
        return None;
    }
    // "Speaking on Tuesday, President Putin said": an opening phrase before a comma that
    // starts with a preposition, a participle or an adverb.
    let opener = doc.lower(i);
    let adverbial = phrase_prepositions().contains(opener)
        || opener.ends_with("ing")
        || opener.ends_with("ly")
        || matches!(
            opener,
            "according" | "after" | "despite" | "during" | "following" | "earlier" | "last" | "in"
        );
    if adverbial {
        let comma = (i..sentence.end.min(i + 20)).find(|&k| doc.is(k, &[","]))?;
        i = comma + 1;
    }
    let mut end = i;
    while end < sentence.end && end - i < MAX_PHRASE && in_phrase(doc, end) {
        // A lowercase word right after a name is its verb, unless it names a role
        // ("Police Federation chairman Jan Berry").
        let after_name = end > i && doc.name_at(end - 1).is_some() && doc.name_at(end).is_none();
        if after_name
            && doc.is_lowercase_word(end)
            && !person_role_nouns().contains(doc.lower(end))
            && !doc.is_possessive(end)
        {
            break;
        }
        if words_before_speech_verbs().contains(doc.lower(end)) {
            break;
        }
        end += 1;
    }
    // "There was …": an expletive, no subject.
    (end > i && doc.lower(i) != "there").then_some(i..end)
}

/// Whether a phrase opens with a determiner of an unnamed source ("an analyst", "some
/// diplomats") or a definite one ("the minister").
pub(crate) fn opens_with(doc: &Document<'_, '_>, phrase: &Range<usize>) -> Option<bool> {
    let first = doc.lower(phrase.start);
    if definite_determiners().contains(first) {
        Some(true)
    } else if indefinite_determiners().contains(first) {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before(text: &str, cue: &str) -> Option<String> {
        let doc = Document::new(text, &[]);
        let k = (0..doc.len()).find(|&k| doc.word(k) == cue).unwrap();
        let floor = doc.sentences[doc.sentence_of[k]].start;
        phrase_before(&doc, k, floor).map(|p| doc.span_text(p).to_string())
    }

    #[test]
    fn subjects_before_cues() {
        assert_eq!(
            before("Putin has also said it failed.", "said").as_deref(),
            Some("Putin")
        );
        assert_eq!(
            before(
                "A senior Western diplomat, speaking on condition of anonymity, said so.",
                "said"
            )
            .as_deref(),
            Some("A senior Western diplomat")
        );
        assert_eq!(
            before("Talks failed, Russia's Defence Ministry said.", "said").as_deref(),
            Some("Russia's Defence Ministry")
        );
        assert_eq!(
            before("The only parts, said the operators, were", "said"),
            None
        );
        assert_eq!(before("He urged voters to say so.", "say"), None);
        assert_eq!(
            before("It could dent Lycos claims that it works.", "claims"),
            None
        );
        assert_eq!(
            before("Markets rose and consumer groups said so.", "said").as_deref(),
            Some("consumer groups")
        );
    }

    #[test]
    fn subjects_after_cues_and_of_clauses() {
        let text = "\"Fine,\" said the head of the ICRC delegation, an official. Speaking on Tuesday, President Putin also said no.";
        let doc = Document::new(text, &[]);
        let said = (0..doc.len()).find(|&k| doc.word(k) == "said").unwrap();
        let after = phrase_after(&doc, said + 1, doc.len()).unwrap();
        assert_eq!(doc.span_text(after), "the head of the ICRC delegation");
        let subject = clause_subject(&doc, doc.sentences[1].clone()).unwrap();
        assert_eq!(doc.span_text(subject), "President Putin");
    }
}
