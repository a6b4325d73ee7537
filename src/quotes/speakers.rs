//! Who a source's phrase names: a mention of a person or organisation (its canonical entity),
//! a pronoun or a description ("the minister", "the company") standing for someone the article
//! named before, or nobody named ("an analyst", "the Iranian navy").
//!
//! [`Salience`] remembers, in text order, who the article last spoke of: each quote's source
//! and each sentence's subject. A pronoun stands for the latest compatible one; a description
//! of a person for the person whose earlier mentions share its words ("the Iranian president"
//! after "Iranian President Hassan Rouhani"), else the latest person.

use std::ops::Range;

use super::document::Document;
use super::phrases::opens_with;
use crate::tag::Label;
use crate::text::lexicon::quote_words::{
    document_nouns, group_pronouns, institution_nouns, organisation_kind_nouns, person_pronouns,
    person_role_nouns, phrase_prepositions, possessive_determiners, thing_pronouns,
};
use crate::text::lexicon::title_words;

/// What kind of source a phrase refers to, for pronouns to find it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Person,
    Organisation,
    Group,
    Thing,
}

/// A resolved source: its canonical name (empty when the article never names it), the tokens
/// of the mention that refers to it, and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Speaker {
    pub name: String,
    pub mention: Option<Range<usize>>,
    pub kind: Kind,
}

impl Speaker {
    fn unnamed(mention: Range<usize>, kind: Kind) -> Self {
        Speaker {
            name: String::new(),
            mention: Some(mention),
            kind,
        }
    }
}

/// How many sources back a pronoun or description may reach.
const SALIENCE_REACH: usize = 200;

/// Who the article spoke of, in text order.
#[derive(Debug, Default)]
pub(crate) struct Salience {
    entries: Vec<(usize, Speaker)>,
}

impl Salience {
    /// Records `speaker` as spoken of at token `at` (entries arrive in text order).
    pub fn push(&mut self, at: usize, speaker: Speaker) {
        self.entries.push((at, speaker));
    }

    /// The latest source before token `before` that `accept` takes, among the last
    /// [`SALIENCE_REACH`] spoken of.
    pub fn latest(&self, before: usize, accept: impl Fn(&Speaker) -> bool) -> Option<&Speaker> {
        let end = self.entries.partition_point(|(at, _)| *at < before);
        self.entries[end.saturating_sub(SALIENCE_REACH)..end]
            .iter()
            .rev()
            .map(|(_, s)| s)
            .find(|s| accept(s))
    }
}

/// Resolves the phrase `phrase` (tokens) to its speaker.
pub(crate) fn resolve(
    doc: &Document<'_, '_>,
    phrase: Range<usize>,
    salience: &Salience,
) -> Speaker {
    // "Big Brother's spokeswoman", "Ms Clarkson's legal action": possessor and head.
    let possessive = phrase.clone().rev().find(|&k| doc.is_possessive(k));
    let head = possessive.map_or(phrase.start, |p| p + 1)..phrase.end;
    let head = head_of(doc, head);
    if head.is_empty() {
        return Speaker::unnamed(phrase, Kind::Thing);
    }
    let noun = doc.lower(head.end - 1).to_string();
    if let Some(named) = name_heading(doc, head.clone()) {
        return named;
    }
    // "a Deloitte report", "the Hefce report": a document speaks for the organisation it names.
    if document_nouns().contains(&noun) {
        let publisher = head
            .clone()
            .filter_map(|k| doc.name_at(k))
            .find(|m| m.named.label == Label::Org);
        if let Some(m) = publisher {
            return Speaker {
                name: m.named.entity.clone(),
                mention: Some(m.start..m.end),
                kind: Kind::Organisation,
            };
        }
    }
    if let Some(p) = possessive {
        let possessor = phrase.start..p;
        if document_nouns().contains(&noun) {
            if let Some(named) = name_heading(doc, head_of(doc, possessor)) {
                return named;
            }
        }
        return Speaker::unnamed(phrase, kind_of_noun(&noun));
    }
    if head.len() == 1 {
        if let Some(speaker) = pronoun(doc, head.start, salience) {
            return speaker;
        }
    }
    if let Some(name) = unlisted_name(doc, head.clone()) {
        return Speaker {
            name,
            mention: Some(head),
            kind: Kind::Organisation,
        };
    }
    let definite = opens_with(doc, &head) == Some(true)
        && !possessive_determiners().contains(doc.lower(head.start));
    if !definite {
        return Speaker::unnamed(phrase, kind_of_noun(&noun));
    }
    description(doc, phrase, head, &noun, salience)
}

/// The head of a noun phrase: up to its first preposition outside a name ("the head [of the
/// delegation]", but "Court of Justice of the European Union" whole).
fn head_of(doc: &Document<'_, '_>, phrase: Range<usize>) -> Range<usize> {
    // "of" and "for" between capitalised words join one name ("Committee of the Red Cross").
    let joins_name = |k: usize| {
        let next = if k + 1 < phrase.end && doc.lower(k + 1) == "the" {
            k + 2
        } else {
            k + 1
        };
        matches!(doc.lower(k), "of" | "for")
            && doc.is_capitalised(k - 1)
            && next < phrase.end
            && doc.is_capitalised(next)
    };
    let cut = phrase.clone().skip(1).find(|&k| {
        doc.name_at(k).is_none() && phrase_prepositions().contains(doc.lower(k)) && !joins_name(k)
    });
    phrase.start..cut.unwrap_or(phrase.end)
}

/// The speaker a name in the head gives: the last person named in it ("Police Federation
/// chairman Jan Berry"), else an organisation or place that ends it ("Iraq’s Joint Operations
/// Command", "Kazakhstan"); a name that only modifies a role ("the Labour leader") gives none.
fn name_heading(doc: &Document<'_, '_>, head: Range<usize>) -> Option<Speaker> {
    let names: Vec<_> = head.clone().filter_map(|k| doc.name_at(k)).collect();
    let person = names.iter().rev().find(|m| m.named.label == Label::Person);
    let last = names.last().filter(|m| m.end == head.end);
    let chosen = person.or(last)?;
    // A name inside a longer one the tagger missed: "[International Committee of the [Red
    // Cross]]" speaks as the whole.
    if chosen.named.label != Label::Person {
        let run = name_run(doc, head.start, chosen.end);
        if run.start < chosen.start {
            return Some(Speaker {
                name: doc.span_text(run.clone()).to_string(),
                mention: Some(run),
                kind: Kind::Organisation,
            });
        }
    }
    // "company Envisional": the kind of organisation said before the name outranks a label.
    let organisation_word = chosen.start > head.start && {
        let before = doc.lower(chosen.start - 1);
        organisation_kind_nouns().contains(before) || institution_nouns().contains(before)
    };
    Some(Speaker {
        name: chosen.named.entity.clone(),
        mention: Some(chosen.start..chosen.end),
        kind: match chosen.named.label {
            Label::Person if !organisation_word => Kind::Person,
            _ => Kind::Organisation,
        },
    })
}

/// The capitalised words ending at `end` (no further back than `floor`), with the "of", "for",
/// "and" and "the" that join them ("Court of Justice of the European Union").
fn name_run(doc: &Document<'_, '_>, floor: usize, end: usize) -> Range<usize> {
    let mut start = end;
    while start > floor {
        let k = start - 1;
        let capital = doc.is_capitalised(k) && opens_with(doc, &(k..k + 1)).is_none();
        let joins = k > floor
            && start < end
            && match doc.lower(k) {
                "of" | "for" | "and" | "&" => doc.is_capitalised(k - 1),
                "the" => matches!(doc.lower(k - 1), "of" | "for") && doc.is_capitalised(start),
                _ => false,
            };
        if !(capital || joins) {
            break;
        }
        start = k;
    }
    while start < end && !doc.is_capitalised(start) {
        start += 1;
    }
    start..end
}

/// A name the tagger did not mark: capitalised words ending the head, without titles, role
/// words or a lone nationality ("the Kremlin", "the Indian Government"). A word opening the
/// sentence counts only when the article also capitalises it elsewhere mid-sentence.
fn unlisted_name(doc: &Document<'_, '_>, head: Range<usize>) -> Option<String> {
    let last = head.end - 1;
    let common = |k: usize| {
        let lower = doc.lower(k);
        title_words().contains(doc.word(k))
            || person_role_nouns().contains(lower)
            || institution_nouns().contains(lower)
            || organisation_kind_nouns().contains(lower)
            || opens_with(doc, &(k..k + 1)).is_some()
    };
    let mut start = last + 1;
    while start > head.start
        && doc.is_capitalised(start - 1)
        && doc.name_at(start - 1).is_none()
        && !common(start - 1)
    {
        start -= 1;
    }
    // A nationality may open the name ("Indian Government"), never make it alone.
    while start > head.start && doc.is_nationality(start - 1) && start <= last {
        start -= 1;
    }
    if start > last || (start..=last).all(|k| doc.is_nationality(k)) {
        return None;
    }
    // A lone word opening the sentence may be a common plural ("Analysts said").
    let sentence_start = doc.sentences[doc.sentence_of[start]].start == start;
    let plural = doc.lower(start).ends_with('s');
    if start == last && sentence_start && plural && !capitalised_elsewhere(doc, start) {
        return None;
    }
    Some(doc.span_text(start..last + 1).to_string())
}

/// Whether the word at `at` appears capitalised elsewhere, not at a sentence start.
fn capitalised_elsewhere(doc: &Document<'_, '_>, at: usize) -> bool {
    doc.capitalised_mid_sentence.contains(doc.word(at))
}

/// A pronoun's speaker: the latest person for "he"/"she", the latest organisation (or
/// document) for "it", the latest source of any kind for "they".
fn pronoun(doc: &Document<'_, '_>, at: usize, salience: &Salience) -> Option<Speaker> {
    let word = doc.lower(at);
    let accept: fn(&Speaker) -> bool = if person_pronouns().contains(word) {
        |s| s.kind == Kind::Person
    } else if thing_pronouns().contains(word) {
        |s| s.kind == Kind::Organisation
    } else if group_pronouns().contains(word) {
        |s| s.kind != Kind::Thing
    } else {
        return None;
    };
    let name = salience
        .latest(at, accept)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let kind = if person_pronouns().contains(word) {
        Kind::Person
    } else if thing_pronouns().contains(word) {
        Kind::Organisation
    } else {
        Kind::Group
    };
    Some(Speaker {
        name,
        mention: Some(at..at + 1),
        kind,
    })
}

/// The kind of source a noun names; a document ("the message") speaks like an organisation,
/// and "it" may stand for it.
fn kind_of_noun(noun: &str) -> Kind {
    if person_role_nouns().contains(noun) || noun.ends_with("year-old") {
        Kind::Person
    } else if organisation_kind_nouns().contains(noun)
        || institution_nouns().contains(noun)
        || document_nouns().contains(noun)
    {
        Kind::Organisation
    } else if noun.ends_with('s') && !noun.ends_with("ss") {
        Kind::Group
    } else {
        Kind::Thing
    }
}

/// A definite description: "the minister" (a person named before), "the company" (the latest
/// organisation), "the federation" (an organisation whose name ends in it), "the message"
/// (nobody named).
fn description(
    doc: &Document<'_, '_>,
    phrase: Range<usize>,
    head: Range<usize>,
    noun: &str,
    salience: &Salience,
) -> Speaker {
    let mut kind = kind_of_noun(noun);
    // A source described by a noun of no known kind ("the two-time Academy Award winner") is
    // taken for a person.
    if kind == Kind::Thing {
        kind = Kind::Person;
    }
    let name = if kind == Kind::Person {
        person_described(doc, head.clone(), salience)
    } else if organisation_kind_nouns().contains(noun) {
        organisation_described(doc, head.start, noun, salience)
    } else if institution_nouns().contains(noun) {
        organisation_ending_in(doc, noun)
    } else {
        None
    };
    Speaker {
        name: name.unwrap_or_default(),
        mention: Some(phrase),
        kind,
    }
}

/// The organisation "the company", "the group" refers to: one named with that word after it
/// before ("the OPEC+ group"), else the latest organisation spoken of, else the latest named.
fn organisation_described(
    doc: &Document<'_, '_>,
    before: usize,
    noun: &str,
    salience: &Salience,
) -> Option<String> {
    let organisations = || {
        doc.named
            .iter()
            .filter(move |m| m.named.label == Label::Org && m.end <= before)
    };
    organisations()
        .rfind(|m| m.end < doc.len() && doc.lower(m.end) == noun)
        .map(|m| m.named.entity.clone())
        .or_else(|| {
            salience
                .latest(before, |s| {
                    s.kind == Kind::Organisation && !s.name.is_empty()
                })
                .map(|s| s.name.clone())
        })
        .or_else(|| organisations().next_back().map(|m| m.named.entity.clone()))
}

/// The organisation named anywhere in the article whose name ends in `noun`.
fn organisation_ending_in(doc: &Document<'_, '_>, noun: &str) -> Option<String> {
    doc.named
        .iter()
        .filter(|m| m.named.label == Label::Org)
        .find(|m| doc.lower(m.end - 1) == noun)
        .map(|m| m.named.entity.clone())
}

/// The person a description refers to: among the people named before it, the one whose
/// mentions are preceded by most of the description's words (nationalities compared by their
/// entity), the latest one on a tie; else the latest person spoken of.
fn person_described(
    doc: &Document<'_, '_>,
    head: Range<usize>,
    salience: &Salience,
) -> Option<String> {
    let words: Vec<String> = head
        .clone()
        .filter(|&k| doc.is_word(k) && opens_with(doc, &(k..k + 1)).is_none())
        .map(|k| describing_word(doc, k))
        .collect();
    let mut best: Option<(usize, usize, &str)> = None; // (score, position, entity)
    for m in doc
        .named
        .iter()
        .filter(|m| m.named.label == Label::Person && m.end <= head.start)
    {
        let context = m.start.saturating_sub(6)..m.start;
        let score = context
            .filter(|&k| words.contains(&describing_word(doc, k)))
            .count();
        let better = best.is_none_or(|(s, _, _)| score >= s);
        if score > 0 && better {
            best = Some((score, m.start, &m.named.entity));
        }
    }
    if let Some((_, _, entity)) = best {
        return Some(entity.to_string());
    }
    salience
        .latest(head.start, |s| s.kind == Kind::Person && !s.name.is_empty())
        .map(|s| s.name.clone())
}

/// A word of a description as compared with a mention's context: a nationality by its entity
/// ("Iranian" → "Iran"), any other word lowercased.
fn describing_word(doc: &Document<'_, '_>, k: usize) -> String {
    match doc.named_at[k].map(|n| &doc.named[n]) {
        Some(m) if m.named.label == Label::Norp => m.named.entity.to_lowercase(),
        _ => doc.lower(k).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::Named;

    fn named(text: &str, spans: &[(&str, Label, &str)]) -> Vec<Named> {
        spans
            .iter()
            .map(|&(surface, label, entity)| {
                let start = text.find(surface).unwrap();
                Named {
                    start,
                    end: start + surface.len(),
                    label,
                    entity: entity.into(),
                }
            })
            .collect()
    }

    fn phrase(doc: &Document<'_, '_>, words: &str) -> Range<usize> {
        let first = words.split_whitespace().next().unwrap();
        let n = words.split_whitespace().count();
        let start = (0..doc.len())
            .rev()
            .find(|&k| doc.word(k) == first)
            .unwrap();
        start..start + n
    }

    #[test]
    fn names_pronouns_and_descriptions() {
        let text = "Iranian President Hassan Rouhani met his Russian counterpart Vladimir Putin. The Iranian president spoke.";
        let names = named(
            text,
            &[
                ("Iranian", Label::Norp, "Iran"),
                ("Hassan Rouhani", Label::Person, "Hassan Rouhani"),
                ("Russian", Label::Norp, "Russia"),
                ("Vladimir Putin", Label::Person, "Vladimir Putin"),
            ],
        );
        let doc = Document::new(text, &names);
        let mut salience = Salience::default();
        let putin = resolve(
            &doc,
            phrase(&doc, "his Russian counterpart Vladimir Putin"),
            &salience,
        );
        assert_eq!(putin.name, "Vladimir Putin");
        salience.push(8, putin);
        // "Iranian" is a nationality token too: the description's words find Rouhani.
        let described = resolve(&doc, phrase(&doc, "The Iranian president"), &salience);
        assert_eq!(described.name, "Hassan Rouhani");
        assert_eq!(described.kind, Kind::Person);
    }

    #[test]
    fn unnamed_sources_and_possessors() {
        let text = "An energy analyst spoke. Big Brother's spokeswoman spoke. Ms Clarkson's legal action spoke. The Iranian navy spoke. She spoke.";
        let names = named(
            text,
            &[
                ("Big Brother", Label::Org, "Big Brother"),
                ("Clarkson", Label::Person, "Donna Clarkson"),
                ("Iranian", Label::Norp, "Iran"),
            ],
        );
        let doc = Document::new(text, &names);
        let mut salience = Salience::default();
        let analyst = resolve(&doc, phrase(&doc, "An energy analyst"), &salience);
        assert_eq!((analyst.name.as_str(), analyst.kind), ("", Kind::Person));
        salience.push(0, analyst);
        assert_eq!(
            resolve(&doc, phrase(&doc, "Big Brother 's spokeswoman"), &salience).name,
            ""
        );
        assert_eq!(
            resolve(&doc, phrase(&doc, "Ms Clarkson 's legal action"), &salience).name,
            "Donna Clarkson"
        );
        assert_eq!(
            resolve(&doc, phrase(&doc, "The Iranian navy"), &salience).name,
            ""
        );
        let she = resolve(&doc, phrase(&doc, "She"), &salience);
        assert_eq!((she.name.as_str(), she.kind), ("", Kind::Person));
    }

    #[test]
    fn organisations_by_kind_and_unlisted_names() {
        let text = "Police Federation leaders met. The federation spoke. Then the Kremlin spoke.";
        let names = named(
            text,
            &[("Police Federation", Label::Org, "Police Federation")],
        );
        let doc = Document::new(text, &names);
        let salience = Salience::default();
        assert_eq!(
            resolve(&doc, phrase(&doc, "The federation"), &salience).name,
            "Police Federation"
        );
        assert_eq!(
            resolve(&doc, phrase(&doc, "the Kremlin"), &salience).name,
            "Kremlin"
        );
    }
}
