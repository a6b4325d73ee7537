//! Acronyms defined in the text: "the Securities and Exchange Commission (SEC)". The acronym in
//! brackets names the entity of the name before it, and so do its other mentions in the
//! document; the corpus join ([`super::canonical`]) carries the definition to documents that
//! use the acronym alone.
//!
//! The name must spell the acronym: its capitalised words give the acronym's letters in order
//! (each its first letter or first few letters, "Petroleos de Venezuela" for "PDVSA"), small
//! connectors ("of", "and", "the") may give theirs or not. Where the mention before the bracket
//! does not spell it, the name is looked for further left ("Employers Confederation of the
//! Philippines (ECOP)", where only "Philippines" was tagged) and becomes the mention; where no
//! name spells it, nothing is joined.

use std::collections::HashMap;

use super::document::Document;
use super::mention::{Label, Link, Mention, Source};
use super::tokenize::Token;
use crate::text::lexicon::{common_terms, organisation_connectors};

/// Longest name, in tokens, an acronym may stand for.
const LONGEST_EXPANSION: usize = 10;
/// Score of a name found only because it spells an acronym.
const SPELLED_NAME_SCORE: f32 = 0.7;

/// Names each acronym defined in brackets after its expansion, and the acronym's other
/// mentions in the document, like the expansion. `mentions` are sorted by position, and stay
/// so.
pub fn name_defined_acronyms(document: &Document<'_>, mentions: &mut Vec<Mention>) {
    let (tokens, words) = (&document.tokens, &document.words);
    let mut by_end: HashMap<usize, usize> = HashMap::new();
    let mut by_start: HashMap<usize, usize> = HashMap::new();
    for (k, m) in mentions.iter().enumerate() {
        by_end.insert(m.end, k);
        by_start.insert(m.start, k);
    }
    // acronym surface → (label, entity) of its expansion
    let mut defined: HashMap<String, (Label, String)> = HashMap::new();
    let mut added: Vec<Mention> = Vec::new();
    let mut dropped = vec![false; mentions.len()];
    for p in 1..tokens.len().saturating_sub(2) {
        if words[p] != "(" || words[p + 2] != ")" || !is_acronym(words[p + 1]) {
            continue;
        }
        let acronym = words[p + 1];
        if defined.contains_key(acronym)
            || tokens[p + 1].sentence_start
            || common_terms().contains(acronym)
        {
            continue;
        }
        let before = by_end.get(&tokens[p - 1].end).copied();
        let Some(expansion) = expansion(document, mentions, before, p, acronym) else {
            continue;
        };
        let (label, entity) = match expansion {
            Expansion::Mention(k) => (mentions[k].label, mentions[k].entity.clone()),
            Expansion::Spelled(s) => {
                let name = spelled_name(document, s, p);
                for (k, m) in mentions.iter().enumerate() {
                    if m.start >= tokens[s].start && m.end <= tokens[p - 1].end {
                        dropped[k] = true;
                    }
                }
                let named = (name.label, name.entity.clone());
                added.push(name);
                named
            }
        };
        match by_start.get(&tokens[p + 1].start) {
            Some(&k) if mentions[k].end == tokens[p + 1].end => {
                if mentions[k].source != Source::User {
                    rename(&mut mentions[k], label, &entity, acronym);
                }
            }
            Some(_) => continue,
            None => {
                let mut m = new_mention(tokens, p + 1, p + 2, label, &entity);
                m.link = Link::Acronym;
                m.acronym = Some(acronym.to_string());
                added.push(m);
            }
        }
        defined.insert(acronym.to_string(), (label, entity));
    }
    if defined.is_empty() {
        return;
    }
    let mut keep = dropped.iter().map(|d| !d);
    mentions.retain(|_| keep.next().unwrap_or(true));
    let text = document.text;
    for m in mentions.iter_mut() {
        let surface = &text[m.start..m.end];
        if let Some((label, entity)) = defined.get(surface) {
            if m.source != Source::User && m.link != Link::Acronym {
                rename(m, *label, entity, surface);
            }
        }
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| (m.start, m.end));
}

fn rename(m: &mut Mention, label: Label, entity: &str, acronym: &str) {
    m.label = label;
    m.entity = entity.to_string();
    m.fixed_entity = true;
    m.link = Link::Acronym;
    m.acronym = Some(acronym.to_string());
}

/// What an acronym in brackets at token `p + 1` stands for.
enum Expansion {
    /// The mention before the bracket.
    Mention(usize),
    /// The words from token `s` to the bracket, which no single mention covers.
    Spelled(usize),
}

fn expansion(
    document: &Document<'_>,
    mentions: &[Mention],
    before: Option<usize>,
    p: usize,
    acronym: &str,
) -> Option<Expansion> {
    let (tokens, words) = (&document.tokens, &document.words);
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    let named_by_mention = before.filter(|&k| {
        matches!(mentions[k].label, Label::Org | Label::Loc | Label::Norp)
            && mentions[k].source != Source::User
    });
    if let Some(k) = named_by_mention {
        let s = tokens.partition_point(|t| t.start < mentions[k].start);
        if spells(&words[s..p], &letters) {
            return Some(Expansion::Mention(k));
        }
    }
    if let Some(k) = spelled_further_left(document, p, &letters) {
        return Some(Expansion::Spelled(k));
    }
    // An organisation's name abbreviated loosely ("London International Financial Futures and
    // Options Exchange (LIFFE)"): the same first letter will do; a place will not.
    named_by_mention
        .filter(|&k| {
            let first = words[tokens.partition_point(|t| t.start < mentions[k].start)];
            mentions[k].label == Label::Org
                && first.chars().next().and_then(|c| c.to_uppercase().next())
                    == letters.first().copied()
        })
        .map(Expansion::Mention)
}

/// The shortest run of name words ending at the bracket at token `p` that spells `letters`:
/// its first token.
fn spelled_further_left(document: &Document<'_>, p: usize, letters: &[char]) -> Option<usize> {
    let (tokens, words) = (&document.tokens, &document.words);
    let mut s = p;
    while s > 0 && p - s < LONGEST_EXPANSION && !tokens[s].sentence_start {
        let w = words[s - 1];
        if !(starts_uppercase(w) || organisation_connectors().contains(w) || w == "the") {
            break;
        }
        s -= 1;
        if starts_uppercase(words[s]) && spells(&words[s..p], letters) {
            return Some(s);
        }
    }
    None
}

/// Whether `name` spells the acronym `letters` (see the module docs).
fn spells(name: &[&str], letters: &[char]) -> bool {
    let parts: Vec<&str> = name
        .iter()
        .flat_map(|w| w.split('-'))
        .filter(|w| !w.is_empty())
        .collect();
    if parts.is_empty() || !starts_uppercase(parts[0]) {
        return false;
    }
    spells_from(&parts, letters)
}

fn spells_from(parts: &[&str], letters: &[char]) -> bool {
    let Some((word, rest)) = parts.split_first() else {
        return letters.is_empty();
    };
    let upper: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect();
    let optional = !starts_uppercase(word);
    if optional && spells_from(rest, letters) {
        return true;
    }
    // A word gives its first letter, or its first few ("Petroleos" for "P", "Ex" of "Exim").
    (1..=upper.len().min(letters.len()))
        .take_while(|&n| upper[..n] == letters[..n])
        .any(|n| spells_from(rest, &letters[n..]))
}

fn starts_uppercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Two to eight letters, all capitals (digits, stops and hyphens allowed).
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters)
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '-')
}

/// The organisation named by tokens `[s, p)`, spelled out before its acronym.
fn spelled_name(document: &Document<'_>, s: usize, p: usize) -> Mention {
    let mut s = s;
    while document.words[s] == "the" {
        s += 1;
    }
    let entity = document.words[s..p].join(" ");
    let mut m = new_mention(&document.tokens, s, p, Label::Org, &entity);
    m.fixed_entity = false;
    m.link = Link::Surface;
    m.acronym = None;
    m
}

fn new_mention(tokens: &[Token], s: usize, e: usize, label: Label, entity: &str) -> Mention {
    Mention {
        start: tokens[s].start,
        end: tokens[e - 1].end,
        label,
        source: Source::Rule,
        score: SPELLED_NAME_SCORE,
        entity: entity.to_string(),
        fixed_entity: true,
        link: Link::Surface,
        country: None,
        acronym: None,
        title: None,
        sentence: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelled(name: &str, acronym: &str) -> bool {
        let words: Vec<&str> = name.split(' ').collect();
        spells(&words, &acronym.chars().collect::<Vec<_>>())
    }

    #[test]
    fn names_spell_acronyms() {
        assert!(spelled("Securities and Exchange Commission", "SEC"));
        assert!(spelled("European Community", "EC"));
        assert!(spelled(
            "Organisation of Petroleum Exporting Countries",
            "OPEC"
        ));
        assert!(spelled("Department of Energy", "DOE"));
        assert!(spelled("Exim Bank", "EXIMB"));
        assert!(spelled(
            "Employers Confederation of the Philippines",
            "ECOP"
        ));
        assert!(!spelled("Philippines", "ECOP"));
        assert!(!spelled("the Philippines", "P"));
        assert!(spelled("Anglo-American Corp", "AAC"));
    }
}
