//! Companies the model read as people, named across the corpus: a one- or two-word "person"
//! ("Drexel", "Shearson", "Eastman Kodak") that begins the full names of companies with a
//! legal form or a trade ("Drexel Burnham Lambert Inc", "Eastman Kodak Co") is that company's
//! short name when the corpus says so: the companies' documents are at least as many as the
//! short name's, one company's line ("Shearson Lehman ...") holds twice the documents of the
//! others beginning with the word, and no person's full name ends with it, or the companies
//! are in ten times the documents of those people ("Shell" of "Shell Oil Co" beside one
//! "Peter Shell"). A word several companies share evenly ("Western") stays as it is.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::canonical::name_keys;
use super::mention::Label;
use crate::text::lexicon::{industry_words, legal_forms};

/// One distinct (label, entity) of the corpus, as the join counts it.
pub struct NameCount<'a> {
    pub label: Label,
    pub entity: &'a str,
    /// Words of the name (its `name_keys`, which [`NameCount::tokens`] gives: computed where
    /// needed, not kept for every name of the corpus).
    pub words: u32,
    pub mentions: u32,
    pub documents: u32,
    /// Named by the gazetteer or the caller, or settled in a document: not renamed here.
    pub fixed: bool,
    /// Named by the gazetteer or the caller somewhere: never renamed.
    pub named: bool,
}

/// Companies need this many times the documents of people with the same surname.
const OVER_PEOPLE: u64 = 10;
/// One company's line needs this many times the documents of the other companies.
const OVER_OTHER_COMPANIES: u64 = 2;
/// The longest short name, in words.
const SHORT_WORDS: usize = 2;

/// (person name, company name) pairs, indexes into `names`, sorted: each such person name
/// names that company.
pub fn company_short_names(names: &[NameCount<'_>]) -> Vec<(u32, u32)> {
    // Keyed by the hash of the words, not the words, so a corpus's names are not copied.
    let mut companies: HashMap<u64, Vec<u32>> = HashMap::new();
    let mut people: HashMap<u64, u64> = HashMap::new();
    for (id, name) in names.iter().enumerate() {
        let n = name.words as usize;
        let company = name.label == Label::Org && is_company(name.entity);
        if n < 2 || !(company || name.label == Label::Person) {
            continue;
        }
        let tokens = name.tokens();
        for k in 1..=SHORT_WORDS.min(n - 1) {
            if company {
                let words = words_hash(&tokens[..k]);
                companies.entry(words).or_default().push(id as u32);
            } else {
                let words = words_hash(&tokens[n - k..]);
                *people.entry(words).or_default() += u64::from(name.documents);
            }
        }
    }
    let mut out: Vec<(u32, u32)> = names
        .iter()
        .enumerate()
        .filter(|(_, p)| p.label == Label::Person && !p.fixed)
        .filter_map(|(id, p)| {
            let tokens = p.tokens();
            let words = words_hash(&tokens);
            let found = companies.get(&words)?;
            let others = people.get(&words).copied().unwrap_or(0);
            named_company(names, p, &tokens, found, others).map(|c| (id as u32, c))
        })
        .collect();
    out.sort_unstable();
    out
}

impl NameCount<'_> {
    /// The words of the name, folded as `name_keys` folds them.
    pub fn tokens(&self) -> Vec<String> {
        name_keys(self.entity)
    }
}

/// The hash of a run of words, which the companies and people are found by.
fn words_hash(words: &[String]) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for word in words {
        hasher.update(word.as_bytes());
        hasher.update(b"\0");
    }
    hasher.digest()
}

/// An organisation name ending in a legal form or a trade ("Pennzoil Co", "Dome Petroleum").
fn is_company(entity: &str) -> bool {
    entity
        .split_whitespace()
        .last()
        .is_some_and(|w| legal_forms().contains(w) || industry_words().contains(w))
}

/// The company a short name `p` stands for, among the `found` companies beginning with it,
/// when the counts agree (see the module docs); `people` counts the documents of persons
/// whose names end with it.
fn named_company(
    names: &[NameCount<'_>],
    p: &NameCount<'_>,
    short: &[String],
    found: &[u32],
    people: u64,
) -> Option<u32> {
    let docs = |c: &u32| u64::from(names[*c as usize].documents);
    let total: u64 = found.iter().map(docs).sum();
    if total < u64::from(p.documents) || (people > 0 && total < OVER_PEOPLE * people) {
        return None;
    }
    let best = *found.iter().max_by_key(|&&c| {
        let x = &names[c as usize];
        (x.mentions, x.words, Reverse(x.entity))
    })?;
    let best_tokens = names[best as usize].tokens();
    let line = &best_tokens[..=short.len()];
    let in_line: u64 = found
        .iter()
        .filter(|&&c| names[c as usize].tokens().starts_with(line))
        .map(docs)
        .sum();
    (in_line >= OVER_OTHER_COMPANIES * (total - in_line)).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(rows: &[(Label, &str, u32)]) -> Vec<(String, String)> {
        let names: Vec<NameCount<'_>> = rows
            .iter()
            .map(|&(label, entity, docs)| NameCount {
                label,
                entity,
                words: name_keys(entity).len() as u32,
                mentions: docs,
                documents: docs,
                fixed: false,
                named: false,
            })
            .collect();
        company_short_names(&names)
            .into_iter()
            .map(|(p, c)| {
                (
                    rows[p as usize].1.to_string(),
                    rows[c as usize].1.to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_person_beginning_companies_names_the_company() {
        let found = joined(&[
            (Label::Person, "Drexel", 5),
            (Label::Org, "Drexel Burnham Lambert Inc", 9),
            (Label::Org, "Drexel Burnham Lambert Inc.", 2),
            (Label::Person, "Eastman Kodak", 3),
            (Label::Org, "Eastman Kodak Co", 4),
        ]);
        assert_eq!(
            found,
            [
                ("Drexel".into(), "Drexel Burnham Lambert Inc".into()),
                ("Eastman Kodak".into(), "Eastman Kodak Co".into())
            ]
        );
    }

    #[test]
    fn people_rare_companies_and_shared_words_stay() {
        // A surname of people the corpus names in full; a word rarer as a company than alone;
        // a word several companies share; an organisation without legal form or trade.
        let found = joined(&[
            (Label::Person, "Brown", 5),
            (Label::Person, "Gordon Brown", 8),
            (Label::Org, "Brown Group Inc", 9),
            (Label::Person, "Oscar", 9),
            (Label::Org, "Oscar Mayer and Co Inc", 1),
            (Label::Person, "Western", 3),
            (Label::Org, "Western Digital Corp", 3),
            (Label::Org, "Western Mining Corp", 3),
            (Label::Person, "Volcker", 3),
            (Label::Org, "Volcker Committee", 9),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn companies_far_more_common_than_the_people_win() {
        let found = joined(&[
            (Label::Person, "Shell", 4),
            (Label::Person, "Peter Shell", 1),
            (Label::Org, "Shell Oil Co", 10),
            (Label::Org, "Shell Canada Ltd", 2),
        ]);
        assert_eq!(found, [("Shell".into(), "Shell Oil Co".into())]);
    }
}
