//! One company, one name across the corpus: organisation names that differ only in their legal
//! form ("Dome Petroleum", "Dome Petroleum Ltd", "Dome Petroleum Ltd."), in a possessive the
//! name keeps before its form ("Standard and Poor's Corp" beside "Standard and Poor", the
//! tagger's reading of "Standard and Poor's"), in "&" for "and" ("Standard & Poor's") or in
//! case ("ComFed Mortgage Co Inc", "COMFED Mortgage Co Inc") are one company. Each joins the
//! gazetteer's or caller's name among them, else the most mentioned. The name left must keep
//! two words, or its legal form spelt another way ("Texaco Inc", "Texaco Inc."): "CPI" and
//! "CPI Corp", "Continental" and "Continental Corp" may be two things. A
//! word naming a part of a group stays ("Citicorp International Ltd" is not "Citicorp Ltd").

use std::cmp::Reverse;

use super::canonical::name_key;
use super::company_names::NameCount;
use super::mention::Label;
use crate::text::lexicon::{group_parts, legal_forms};

/// The fewest words a company's name keeps without its legal form.
const FORM_FREE_WORDS: usize = 2;

/// (name, company name) pairs, indexes into `names`, sorted: each such name is a spelling of
/// that company's name (see the module docs).
pub fn company_form_joins(names: &[NameCount<'_>]) -> Vec<(u32, u32)> {
    // One flat key and id per organisation name, sorted so that a company's spellings are
    // neighbours: no map of word lists, whose allocations grew with the corpus's names.
    let mut keyed: Vec<(Box<[u8]>, u32)> = names
        .iter()
        .enumerate()
        .filter(|(_, name)| name.label == Label::Org)
        .filter_map(|(id, name)| Some((flat_key(&form_free_key(name.entity)?), id as u32)))
        .collect();
    keyed.sort_unstable();
    let mut out = Vec::new();
    let mut members: Vec<u32> = Vec::new();
    for group in keyed.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
        members.clear();
        members.extend(group.iter().map(|&(_, id)| id));
        let rank = |&id: &u32| {
            let n = &names[id as usize];
            (
                Reverse(n.named),
                Reverse(n.mentions),
                Reverse(n.words),
                n.entity,
            )
        };
        let Some(&company) = members.iter().min_by_key(|id| rank(id)) else {
            continue;
        };
        out.extend(
            members
                .iter()
                .filter(|&&id| id != company && !names[id as usize].named)
                .map(|&id| (id, company)),
        );
    }
    out.sort_unstable();
    out
}

/// `words` as one byte string, each word after its length: equal for equal word lists only.
fn flat_key(words: &[String]) -> Box<[u8]> {
    let mut key = Vec::with_capacity(words.iter().map(|w| w.len() + 4).sum());
    for word in words {
        key.extend_from_slice(&(word.len() as u32).to_le_bytes());
        key.extend_from_slice(word.as_bytes());
    }
    key.into_boxed_slice()
}

/// The comparison words of a company's name without its legal forms, a possessive at its end
/// and with "&" read as "and". A one-word name keeps its legal forms, compared without case or
/// full stop ("Texaco Inc" and "Texaco Inc.", "Allied-Lyons PLC" and "Plc" are one company;
/// "Continental" and "Continental Corp" may be two); `None` for a name of one word alone.
fn form_free_key(entity: &str) -> Option<Vec<String>> {
    let all: Vec<&str> = entity.split_whitespace().collect();
    let mut kept = all.len();
    while kept > 0
        && legal_forms().contains(all[kept - 1])
        && !group_parts().contains(all[kept - 1])
    {
        kept -= 1;
    }
    if kept == 0 || (kept < FORM_FREE_WORDS && kept == all.len()) {
        return None;
    }
    let words = &all[..kept];
    let last = words.len() - 1;
    let mut key: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, &w)| match w {
            "&" => "and".to_string(),
            _ if i == last => name_key(possessive_stem(w)),
            _ => name_key(w),
        })
        .collect();
    if kept < FORM_FREE_WORDS {
        // Marked so that no word of a longer name's key reads as a legal form.
        key.extend(
            all[kept..]
                .iter()
                .map(|form| format!("\0{}", form.trim_end_matches('.').to_lowercase())),
        );
    }
    Some(key)
}

/// A word without its possessive ending ("Poor's" → "Poor").
fn possessive_stem(word: &str) -> &str {
    ["'s", "\u{2019}s"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .filter(|stem| !stem.is_empty())
        .unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::canonical::name_keys;

    fn joined(rows: &[(&str, u32, bool)]) -> Vec<(String, String)> {
        let names: Vec<NameCount<'_>> = rows
            .iter()
            .map(|&(entity, mentions, named)| NameCount {
                label: Label::Org,
                entity,
                words: name_keys(entity).len() as u32,
                mentions,
                documents: mentions,
                fixed: false,
                named,
            })
            .collect();
        company_form_joins(&names)
            .into_iter()
            .map(|(n, c)| (rows[n as usize].0.into(), rows[c as usize].0.into()))
            .collect()
    }

    #[test]
    fn legal_forms_possessives_and_ampersands_name_one_company() {
        let mut found = joined(&[
            ("Dome Petroleum Ltd", 20, false),
            ("Dome Petroleum", 2, false),
            ("Dome Petroleum Ltd.", 1, false),
            ("Standard and Poor", 129, false),
            ("Standard and Poor's Corp", 125, false),
            ("Standard & Poor's", 18, true),
            ("Deutsche Bank", 29, false),
            ("Deutsche Bank AG", 49, false),
            ("Texaco Inc", 74, false),
            ("Texaco Inc.", 2, false),
            ("Allied-Lyons PLC", 3, false),
            ("Allied-Lyons Plc", 1, false),
        ]);
        found.sort();
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            found,
            pairs(&[
                ("Allied-Lyons Plc", "Allied-Lyons PLC"),
                ("Deutsche Bank", "Deutsche Bank AG"),
                ("Dome Petroleum", "Dome Petroleum Ltd"),
                ("Dome Petroleum Ltd.", "Dome Petroleum Ltd"),
                ("Standard and Poor", "Standard & Poor's"),
                ("Standard and Poor's Corp", "Standard & Poor's"),
                ("Texaco Inc.", "Texaco Inc"),
            ])
        );
    }

    #[test]
    fn one_word_names_and_parts_of_groups_stay_apart() {
        let found = joined(&[
            ("CPI", 12, false),
            ("CPI Corp", 3, false),
            ("Continental", 36, false),
            ("Continental Corp", 3, false),
            ("Citicorp International Ltd", 2, false),
            ("Citicorp Ltd", 3, false),
            ("Bank of Tokyo International Ltd", 11, false),
            ("Bank of Tokyo Ltd", 9, false),
            ("Midland Corp", 4, false),
            ("Midland Inc.", 2, false),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }
}
