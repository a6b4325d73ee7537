//! Names written side by side that are one name: a legal form left after a company's name
//! ("Jones Medical Industries" "Inc"), and a nationality that starts an organisation's name
//! ("British" "Chambers of Commerce", "American" "Express"). A nationality before a state's
//! institution ("the Iranian Foreign Ministry") or before an organisation known by itself
//! ("West German" "Bundesbank") says whose it is, and stays apart; so does one before an event
//! ("Australian Open"). A name of partners cut before its head word, when the head is
//! lowercased or misspelt ("Securities and Exchange" "commission", "Comission"), takes it
//! back. A firm named after its partners ("Standard and Poor's", "Gill and
//! Duffus") is one organisation, not a person's surname after a word. An agreement's name
//! keeps its topic ("General Agreement" "on Tariffs and Trade").

use std::collections::HashSet;

use super::canonical::similar_token;
use super::document::Document;
use super::mention::{Label, Link, Mention, Source};
use super::sources::word_shapes::capitalised;
use crate::text::lexicon::quote_words::organisation_kind_nouns;
use crate::text::lexicon::{
    agreement_words, calendar_words_never_names, connectors_before_head, event_words, legal_forms,
    national_bodies, organisation_heads, phrase_openers, stopwords, title_words, topic_connectors,
};

/// Joins the adjoining names of a document's mentions, sorted by position (and kept so).
pub fn join_adjoining_names(document: &Document<'_>, mentions: &mut Vec<Mention>) {
    extend_by_legal_forms(document, mentions);
    extend_by_miswritten_heads(document, mentions);
    join_nationalities_to_organisations(document, mentions);
    join_partners_firms(document, mentions);
    extend_agreements_by_topic(document, mentions);
}

/// The token index at which a mention starting at byte `start` starts.
fn token_at(document: &Document<'_>, start: usize) -> usize {
    document.tokens.partition_point(|t| t.start < start)
}

/// Only spaces between two spans, no line break.
fn same_line_gap(text: &str, from: usize, to: usize) -> bool {
    from <= to && text[from..to].chars().all(|c| c == ' ' || c == '\u{a0}')
}

fn extend_by_legal_forms(document: &Document<'_>, mentions: &mut [Mention]) {
    let (tokens, words) = (&document.tokens, &document.words);
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.label != Label::Org || m.source == Source::User {
            continue;
        }
        let next_start = mentions.get(k + 1).map_or(usize::MAX, |n| n.start);
        let mut e = token_at(document, m.end);
        let mut end = m.end;
        while e < tokens.len()
            && !tokens[e].sentence_start
            && tokens[e].start < next_start
            && legal_forms().contains(words[e])
            && same_line_gap(document.text, end, tokens[e].start)
        {
            end = tokens[e].end;
            e += 1;
        }
        mentions[k].end = end;
    }
}

/// A one-word person after "and" and a capitalised word is the second partner of a firm's
/// name ("Standard and Poor's", "Gill and Duffus") when the first word is no name the model
/// read (a person named first is read as one: "Reagan and Shultz"); when the first is a
/// one-word person or organisation, only where a firm's description introduces them
/// ("London-based dealer Gill and Duffus", "the firm Smith and Jones") or where the
/// firm's possessive follows an organisation's word ("Standard" "and Poor 's"). Never where
/// the document names a person by either word elsewhere ("Both Arafat and Netanyahu" beside
/// "Arafat said"). The two become one organisation.
fn join_partners_firms(document: &Document<'_>, mentions: &mut Vec<Mention>) {
    let seconds: Vec<(usize, usize)> = (0..mentions.len())
        .filter_map(|k| second_partner(document, &mentions[k]).map(|y| (k, y)))
        .collect();
    if seconds.is_empty() {
        return;
    }
    let firsts: Vec<Option<usize>> = seconds
        .iter()
        .map(|&(k, y)| {
            let x_start = document.tokens[y - 2].start;
            k.checked_sub(1).filter(|&j| mentions[j].end > x_start)
        })
        .collect();
    let elsewhere = people_elsewhere(document, mentions, &seconds, &firsts);
    let mut dropped = vec![false; mentions.len()];
    for (&(k, y), &first) in seconds.iter().zip(&firsts) {
        let words = &document.words;
        if elsewhere.contains(words[y]) || elsewhere.contains(words[y - 2]) {
            continue;
        }
        if let Some(j) = first {
            if !first_partner(document, &mentions[j], y) {
                continue;
            }
            dropped[j] = true;
        }
        let m = &mut mentions[k];
        m.start = document.tokens[y - 2].start;
        m.label = Label::Org;
        m.link = Link::Surface;
        m.title = None;
        m.country = None;
    }
    let mut keep = dropped.into_iter().map(|d| !d);
    mentions.retain(|_| keep.next().unwrap_or(true));
}

/// The token of a one-word person `m` written after a capitalised word and "and" on one line
/// ("Gill and" "Duffus"), which may be a firm's second partner.
fn second_partner(document: &Document<'_>, m: &Mention) -> Option<usize> {
    let (tokens, words) = (&document.tokens, &document.words);
    let y = token_at(document, m.start);
    let shape = m.label == Label::Person
        && m.source != Source::User
        && !m.fixed_entity
        && y >= 2
        && token_at(document, m.end) == y + 1
        && !tokens[y].sentence_start
        && !tokens[y - 1].sentence_start
        && connectors_before_head().contains(words[y - 1])
        && partner_word(words[y - 2])
        && same_line_gap(document.text, tokens[y - 2].end, tokens[y - 1].start)
        && same_line_gap(document.text, tokens[y - 1].end, tokens[y].start);
    shape.then_some(y)
}

/// Whether `x`, a mention on the word before "and" of the second partner at token `y`, is the
/// firm's first partner (see [`join_partners_firms`]).
fn first_partner(document: &Document<'_>, x: &Mention, y: usize) -> bool {
    let words = &document.words;
    let possessive = words.get(y + 1).is_some_and(|w| matches!(*w, "'s" | "’s"));
    x.start == document.tokens[y - 2].start
        && token_at(document, x.end) == y - 1
        && matches!(x.label, Label::Person | Label::Org)
        && x.source != Source::User
        && !x.fixed_entity
        && (introduced_as_firm(words, y - 2) || (x.label == Label::Org && possessive))
}

/// The last words of the document's person mentions other than the partners' own
/// (`seconds`, and the mentions `firsts` on the words before their "and").
fn people_elsewhere<'a>(
    document: &Document<'a>,
    mentions: &[Mention],
    seconds: &[(usize, usize)],
    firsts: &[Option<usize>],
) -> HashSet<&'a str> {
    let partners: HashSet<usize> = seconds
        .iter()
        .map(|s| s.0)
        .chain(firsts.iter().flatten().copied())
        .collect();
    mentions
        .iter()
        .enumerate()
        .filter(|(i, m)| m.label == Label::Person && !partners.contains(i))
        .filter_map(|(_, m)| {
            let last = token_at(document, m.end).checked_sub(1)?;
            document.words.get(last).copied()
        })
        .collect()
}

/// A word that may be a partner's name in a firm's: capitalised letters, not a function word,
/// a title or a word opening sentences.
fn partner_word(word: &str) -> bool {
    capitalised(word)
        && word.chars().all(char::is_alphabetic)
        && !stopwords().contains(word.to_lowercase().as_str())
        && !title_words().contains(word)
        && !phrase_openers().contains(word)
}

/// One of the two words before token `x` describes a firm: a kind of organisation ("the
/// firm", "the bank") or where it is based ("London-based dealer").
fn introduced_as_firm(words: &[&str], x: usize) -> bool {
    words[x.saturating_sub(2)..x].iter().any(|w| {
        let lower = w.to_lowercase();
        organisation_kind_nouns().contains(lower.as_str()) || lower.ends_with("-based")
    })
}

/// An organisation of words joined by "and" that ends without its head ("Securities and
/// Exchange") takes the next word when that word is a head written in the wrong case or
/// misspelt ("commission", "COmmission", "Commmission"), but not a kind of firm in lowercase
/// ("Procter and Gamble company").
fn extend_by_miswritten_heads(document: &Document<'_>, mentions: &mut [Mention]) {
    let (tokens, words) = (&document.tokens, &document.words);
    for k in 0..mentions.len() {
        let m = &mentions[k];
        let (first, e) = (token_at(document, m.start), token_at(document, m.end));
        let next_start = mentions.get(k + 1).map_or(usize::MAX, |n| n.start);
        if m.label != Label::Org
            || m.source == Source::User
            || e >= tokens.len()
            || tokens[e].sentence_start
            || tokens[e].start >= next_start
            || !words[first..e]
                .iter()
                .any(|w| connectors_before_head().contains(w))
            || !miswritten_head(words[e])
            || !same_line_gap(document.text, m.end, tokens[e].start)
        {
            continue;
        }
        let m = &mut mentions[k];
        m.end = tokens[e].end;
        m.fixed_entity = false;
        m.link = Link::Surface;
    }
}

/// A head word in the wrong case or with a typo, not the head as written.
fn miswritten_head(word: &str) -> bool {
    if organisation_heads().contains(word) || word.chars().count() < 6 {
        return false;
    }
    let lower = word.to_lowercase();
    if lower == word && organisation_kind_nouns().contains(word) {
        return false;
    }
    organisation_heads()
        .iter()
        .filter(|h| h.chars().count() >= 6)
        .any(|h| {
            let head = h.to_lowercase();
            head == lower || similar_token(&head, &lower)
        })
}

/// A name ending in an agreement's or a body's head ("General Agreement", "Committee") takes
/// its topic written after "on", "of" or "for" on the same line: capitalised words, two of them
/// joined by "and" ("on Tariffs and Trade"), never a day or month ("the Commission on
/// Monday"). The names the model read inside the topic ("Tariffs") go.
fn extend_agreements_by_topic(document: &Document<'_>, mentions: &mut Vec<Mention>) {
    let mut inside = vec![false; mentions.len()];
    for k in 0..mentions.len() {
        let m = &mentions[k];
        let e = token_at(document, m.end);
        if inside[k]
            || !matches!(m.label, Label::Org | Label::Loc)
            || m.source == Source::User
            || e == 0
            || !agreement_words().contains(document.words[e - 1])
        {
            continue;
        }
        let Some(topic_end) = topic_end(document, e) else {
            continue;
        };
        let end = document.tokens[topic_end - 1].end;
        let mut j = k + 1;
        while j < mentions.len() && mentions[j].start < end {
            inside[j] = mentions[j].end <= end;
            j += 1;
        }
        if (k + 1..j).any(|j| !inside[j] || mentions[j].source == Source::User) {
            inside[k + 1..j].fill(false);
            continue;
        }
        let m = &mut mentions[k];
        m.end = end;
        m.fixed_entity = false;
        m.link = Link::Surface;
        m.country = None;
    }
    let mut keep = inside.into_iter().map(|i| !i);
    mentions.retain(|_| keep.next().unwrap_or(true));
}

/// The end token of an agreement's topic starting with the connector at token `c`, if one
/// follows it (see [`extend_agreements_by_topic`]).
fn topic_end(document: &Document<'_>, c: usize) -> Option<usize> {
    let (tokens, words) = (&document.tokens, &document.words);
    let topic_word = |t: usize| {
        t < tokens.len()
            && !tokens[t].sentence_start
            && capitalised(words[t])
            && !phrase_openers().contains(words[t])
            && !calendar_words_never_names().contains(words[t].to_lowercase().as_str())
            && same_line_gap(document.text, tokens[t - 1].end, tokens[t].start)
    };
    if c >= tokens.len() || !topic_connectors().contains(words[c]) || !topic_word(c + 1) {
        return None;
    }
    let mut e = c + 1;
    while e - c <= 6 {
        if topic_word(e) {
            e += 1;
        } else if e < tokens.len()
            && connectors_before_head().contains(words[e])
            && topic_word(e + 1)
        {
            e += 2;
        } else {
            break;
        }
    }
    same_line_gap(document.text, tokens[c - 1].end, tokens[c].start).then_some(e)
}

fn join_nationalities_to_organisations(document: &Document<'_>, mentions: &mut Vec<Mention>) {
    let words = &document.words;
    let mut joined = vec![false; mentions.len()];
    for k in 1..mentions.len() {
        let (a, b) = (&mentions[k - 1], &mentions[k]);
        if a.label != Label::Norp
            || b.label != Label::Org
            || a.source == Source::User
            || matches!(b.link, Link::Gazetteer | Link::User)
            || joined[k - 1]
            || !same_line_gap(document.text, a.end, b.start)
        {
            continue;
        }
        let (first, last) = (token_at(document, b.start), token_at(document, b.end) - 1);
        if document.tokens[first].sentence_start
            || national_bodies().contains(words[first])
            || title_words().contains(words[first])
            || event_words().contains(words[last])
        {
            continue;
        }
        let start = a.start;
        let score = a.score.min(b.score);
        let b = &mut mentions[k];
        b.start = start;
        b.score = score;
        b.fixed_entity = false;
        b.link = Link::Surface;
        b.country = None;
        b.acronym = None;
        joined[k - 1] = true;
    }
    let mut keep = joined.into_iter().map(|j| !j);
    mentions.retain(|_| keep.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_written_wrong_and_partners() {
        for word in ["commission", "COmmission", "Commmission", "Comission"] {
            assert!(miswritten_head(word), "{word}");
        }
        for word in ["Commission", "company", "Monday", "Law"] {
            assert!(!miswritten_head(word), "{word}");
        }
        assert!(partner_word("Standard") && partner_word("Gill"));
        assert!(!partner_word("The") && !partner_word("President") && !partner_word("and"));
        assert!(introduced_as_firm(&["London-based", "dealer", "Gill"], 2));
        assert!(introduced_as_firm(&["the", "firm", "Smith"], 2));
        assert!(!introduced_as_firm(&["said", "that", "Reagan"], 2));
    }
}
