//! One document, one reading of a name. Within a document: one-word model mentions that are
//! also common words there are dropped; an acronym in brackets after a name names the same
//! entity; a company's name without its legal form names the company; and occurrences of a
//! tagged name that the model missed (often in capitals, in a headline), a surname alone, or a
//! misspelt surname are tagged like the tagged name.

use std::collections::{HashMap, HashSet};

use super::canonical::{name_key, similar_token};
use super::document::Document;
use super::mention::{Label, Mention, Source};
use super::tokenize::Token;
use crate::text::fold::fold_quote;
use crate::text::lexicon::{calendar_words_never_names, legal_forms};

/// Below this confidence a one-word name that also occurs as a common word is dropped.
const COMMON_WORD_CONFIDENCE: f32 = 0.9;

/// Settles a document's mentions (sorted by position) into one reading per name.
pub fn settle_document_consistency(document: &Document<'_>, mentions: &mut Vec<Mention>) {
    if mentions.is_empty() {
        return;
    }
    let words = DocumentWords::new(document);
    drop_common_words(document, &words, mentions);
    name_bracketed_acronyms(document, &words, mentions);
    let short_names = short_company_names(document, &words, mentions);
    name_by_short_company_names(document.text, &short_names, mentions);
    tag_missed_occurrences(document, &words, mentions, short_names);
}

/// Lookups of a document's words and tokens.
struct DocumentWords<'a> {
    /// Words the document writes starting in lowercase ("sales", "union").
    lowercase: HashSet<&'a str>,
    token_starting_at: HashMap<usize, usize>,
    token_ending_at: HashMap<usize, usize>,
}

impl<'a> DocumentWords<'a> {
    fn new(document: &Document<'a>) -> Self {
        let tokens = &document.tokens;
        DocumentWords {
            lowercase: document
                .words
                .iter()
                .copied()
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                .collect(),
            token_starting_at: tokens
                .iter()
                .enumerate()
                .map(|(i, t)| (t.start, i))
                .collect(),
            token_ending_at: tokens.iter().enumerate().map(|(i, t)| (t.end, i)).collect(),
        }
    }

    /// Whether the document also writes `word` in lowercase.
    fn also_lowercase(&self, word: &str) -> bool {
        self.lowercase.contains(word.to_lowercase().as_str())
    }

    /// The first and last token of a mention.
    fn tokens_of(&self, m: &Mention) -> Option<(usize, usize)> {
        let s = self.token_starting_at.get(&m.start)?;
        let e = self.token_ending_at.get(&m.end)?;
        Some((*s, *e))
    }
}

/// A one-word model mention that the document also uses as a common word ("Sales",
/// "Commerce", "July" in a table) is dropped unless the model is sure of it; month and day
/// names are dropped always.
fn drop_common_words(
    document: &Document<'_>,
    words: &DocumentWords<'_>,
    mentions: &mut Vec<Mention>,
) {
    mentions.retain(|m| {
        let single = &document.text[m.start..m.end];
        if m.source != Source::Model
            || single.contains(char::is_whitespace)
            || m.label == Label::Date
        {
            return true;
        }
        let common = words.also_lowercase(single);
        !(is_month_or_day(single) || (common && m.score < COMMON_WORD_CONFIDENCE))
    });
}

fn is_month_or_day(word: &str) -> bool {
    let word = word.to_lowercase();
    calendar_words_never_names().contains(word.trim_end_matches('.'))
}

/// "Dhaka Stock Exchange (DSE)": the acronym in brackets names the same entity, and so do
/// other mentions spelled like it.
fn name_bracketed_acronyms(
    document: &Document<'_>,
    words: &DocumentWords<'_>,
    mentions: &mut Vec<Mention>,
) {
    let acronyms = bracketed_acronyms(document, words, mentions);
    if acronyms.is_empty() {
        return;
    }
    let text = document.text;
    let named: HashMap<String, (Label, String)> = acronyms
        .iter()
        .map(|a| {
            (
                text[a.start..a.end].to_string(),
                (a.label, a.entity.clone()),
            )
        })
        .collect();
    for m in mentions
        .iter_mut()
        .filter(|m| !m.fixed_entity && m.source != Source::User)
    {
        if let Some((label, entity)) = named.get(&text[m.start..m.end]) {
            m.label = *label;
            m.entity = entity.clone();
        }
    }
    mentions.extend(acronyms);
    mentions.sort_by_key(|m| (m.start, m.end));
}

/// Untagged acronyms in brackets right after an organisation, place or nationality, as copies
/// of its mention.
fn bracketed_acronyms(
    document: &Document<'_>,
    words: &DocumentWords<'_>,
    mentions: &[Mention],
) -> Vec<Mention> {
    let (tokens, w) = (&document.tokens, &document.words);
    let starts: HashSet<usize> = mentions.iter().map(|m| m.start).collect();
    let mut acronyms = Vec::new();
    for m in mentions
        .iter()
        .filter(|m| matches!(m.label, Label::Org | Label::Loc | Label::Norp))
    {
        let Some(&e) = words.token_ending_at.get(&m.end) else {
            continue;
        };
        if e + 3 < tokens.len()
            && w[e + 1] == "("
            && w[e + 3] == ")"
            && !starts.contains(&tokens[e + 2].start)
            && is_acronym(w[e + 2])
        {
            acronyms.push(propagated(m, tokens, e + 2, e + 3));
        }
    }
    acronyms
}

/// Two to eight letters, all capitals (digits, stops and hyphens allowed).
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters)
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '-')
}

/// A folded name (see [`fold`]) and the index of the mention it copies.
type NamedKey = (Vec<String>, usize);

/// Companies' names without their legal forms ("Ruch" for "Ruch SA", "Magna" for "Magna
/// International Inc"), each with the mention of the full name; one per spelling.
fn short_company_names(
    document: &Document<'_>,
    words: &DocumentWords<'_>,
    mentions: &[Mention],
) -> Vec<NamedKey> {
    let w = &document.words;
    let mut short_names: Vec<NamedKey> = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        let Some((s, e)) = words.tokens_of(m) else {
            continue;
        };
        if m.label != Label::Org || m.source == Source::User || e == s {
            continue;
        }
        let mut short_end = e;
        while short_end > s && legal_forms().contains(w[short_end]) {
            short_end -= 1;
        }
        if short_end < e
            && short_end + 1 - s <= 3
            && w[s..=short_end]
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) && w.chars().count() >= 2)
        {
            let key: Vec<String> = w[s..=short_end].iter().map(|w| fold(w)).collect();
            if !short_names.iter().any(|(other, _)| other == &key) {
                short_names.push((key, k));
            }
        }
    }
    short_names
}

/// Other mentions spelled like a company's short name name the company.
fn name_by_short_company_names(text: &str, short_names: &[NamedKey], mentions: &mut [Mention]) {
    if short_names.is_empty() {
        return;
    }
    let relabel: Vec<(usize, Label, String)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.source != Source::User && m.label != Label::Date)
        .filter_map(|(k, m)| {
            let key: Vec<String> = text[m.start..m.end].split_whitespace().map(fold).collect();
            let (_, full) = short_names.iter().find(|(short, _)| *short == key)?;
            (*full != k).then(|| (k, mentions[*full].label, mentions[*full].entity.clone()))
        })
        .collect();
    for (k, label, entity) in relabel {
        mentions[k].label = label;
        mentions[k].entity = entity;
        mentions[k].fixed_entity = true;
    }
}

/// Names to look for, filed by their first folded word.
#[derive(Default)]
struct NameTable(HashMap<String, Vec<NamedKey>>);

impl NameTable {
    /// Files a name unless it is there already (the first mention of a spelling is copied).
    fn add(&mut self, key: Vec<String>, mention: usize) {
        let list = self.0.entry(key[0].clone()).or_default();
        if !list.iter().any(|(other, _)| other == &key) {
            list.push((key, mention));
        }
    }
}

/// Occurrences of a tagged name, a short company name or a person's surname that no mention
/// covers are tagged like the name; so is a misspelt surname ("Asasd" for "Assad").
fn tag_missed_occurrences(
    document: &Document<'_>,
    words: &DocumentWords<'_>,
    mentions: &mut Vec<Mention>,
    short_names: Vec<NamedKey>,
) {
    let mut taken = vec![false; document.tokens.len()];
    for (s, e) in mentions.iter().filter_map(|m| words.tokens_of(m)) {
        taken[s..=e].iter_mut().for_each(|t| *t = true);
    }
    let mut names = NameTable::default();
    file_tagged_names(document, words, mentions, &mut names);
    let surnames = file_surnames(words, mentions, &mut names);
    for (key, k) in short_names {
        names.add(key, k);
    }
    if names.0.is_empty() {
        return;
    }
    let added = find_missed_occurrences(document, words, mentions, &names, &surnames, &mut taken);
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.start, m.end));
    }
}

/// Files each mention's own words: capitalised names of up to six words, not dates or the
/// caller's, and not written in lowercase elsewhere in the document.
fn file_tagged_names(
    document: &Document<'_>,
    words: &DocumentWords<'_>,
    mentions: &[Mention],
    names: &mut NameTable,
) {
    for (k, m) in mentions.iter().enumerate() {
        let Some((s, e)) = words.tokens_of(m) else {
            continue;
        };
        if m.label == Label::Date || m.source == Source::User || e + 1 - s > 6 {
            continue;
        }
        let span = &document.words[s..=e];
        if span.iter().any(|w| words.also_lowercase(w))
            || span.iter().all(|w| w.chars().count() < 3)
            || !span[0].chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        names.add(span.iter().map(|w| fold(w)).collect(), k);
    }
}

/// A surname alone, where a person was named in full: "Miqdad" after "Faisal al-Miqdad".
/// Files the surname with and without its "al-" prefix, and returns the comparison keys of
/// surnames long enough to be recognised misspelt, each with its mention.
fn file_surnames(
    words: &DocumentWords<'_>,
    mentions: &[Mention],
    names: &mut NameTable,
) -> Vec<(String, usize)> {
    let mut surnames = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        let parts: Vec<&str> = m.entity.split_whitespace().collect();
        if m.label != Label::Person || m.fixed_entity || parts.len() < 2 {
            continue;
        }
        let surname = parts[parts.len() - 1];
        let bare = name_key(surname);
        if bare.chars().count() >= 5 {
            surnames.push((bare.clone(), k));
        }
        let without_prefix = surname
            .len()
            .checked_sub(bare.len())
            .and_then(|cut| surname.get(cut..))
            .unwrap_or(surname);
        for form in [surname, without_prefix] {
            if form.chars().count() < 3
                || words.also_lowercase(form)
                || !form.chars().next().is_some_and(char::is_uppercase)
            {
                continue;
            }
            names.add(vec![fold(form)], k);
        }
    }
    surnames
}

/// Walks the document's tokens and copies a mention onto each untaken occurrence of a filed
/// name (the longest that fits), or of a misspelt surname.
fn find_missed_occurrences(
    document: &Document<'_>,
    words: &DocumentWords<'_>,
    mentions: &[Mention],
    names: &NameTable,
    surnames: &[(String, usize)],
    taken: &mut [bool],
) -> Vec<Mention> {
    let (tokens, w) = (&document.tokens, &document.words);
    let mut added = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let first = w[i];
        let capitalised = first.chars().next().is_some_and(char::is_uppercase);
        let filed = if taken[i] || !capitalised {
            None
        } else {
            names.0.get(&fold(first))
        };
        let mut step = 1;
        if let Some(list) = filed {
            if let Some((key, k)) = longest_fit(list, document, taken, i) {
                // Same spelling, or the same in capitals: same name, same entity.
                added.push(propagated(&mentions[*k], tokens, i, i + key.len()));
                taken[i..i + key.len()].iter_mut().for_each(|t| *t = true);
                step = key.len();
            }
        } else if !taken[i] && first.chars().count() >= 5 && capitalised {
            // A misspelt surname ("Asasd" for "Assad") of a person named in full here.
            let key = name_key(first);
            let lower_too = words.also_lowercase(first);
            if let Some(&(_, k)) = surnames
                .iter()
                .find(|(surname, _)| !lower_too && similar_token(surname, &key))
            {
                added.push(propagated(&mentions[k], tokens, i, i + 1));
                taken[i] = true;
            }
        }
        i += step;
    }
    added
}

/// The longest of `list` spelled by the untaken tokens from `i`, within one sentence.
fn longest_fit<'n>(
    list: &'n [NamedKey],
    document: &Document<'_>,
    taken: &[bool],
    i: usize,
) -> Option<&'n NamedKey> {
    let (tokens, words) = (&document.tokens, &document.words);
    list.iter()
        .filter(|(key, _)| {
            i + key.len() <= tokens.len()
                && !taken[i..i + key.len()].iter().any(|&t| t)
                && key.iter().zip(&words[i..]).all(|(k, w)| *k == fold(w))
                && (key.len() == 1
                    || tokens[i + 1..i + key.len()]
                        .iter()
                        .all(|t| !t.sentence_start))
        })
        .max_by_key(|(key, _)| key.len())
}

/// Case-folded key of a word for matching within a document, typographic quotes made ASCII.
fn fold(word: &str) -> String {
    word.chars()
        .map(|c| fold_quote(c).unwrap_or(c))
        .flat_map(char::to_uppercase)
        .collect()
}

/// A copy of `source` on tokens `[s, e)`.
fn propagated(source: &Mention, tokens: &[Token], s: usize, e: usize) -> Mention {
    Mention {
        start: tokens[s].start,
        end: tokens[e - 1].end,
        label: source.label,
        source: source.source,
        score: source.score * 0.8,
        entity: source.entity.clone(),
        fixed_entity: source.fixed_entity,
        title: None,
        sentence: 0,
    }
}
