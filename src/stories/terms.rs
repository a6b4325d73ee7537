//! The terms of an article: its words and the canonical names of the entities it mentions.
//!
//! - Words come from the one word scanner (`text::words`), lower-cased with typographic quotes
//!   folded (`text::fold`), as dedup reads them; stopwords of the shared lexicon and numbers
//!   (words of digits only) are dropped.
//! - Each mention of a person, organisation, place or nationality adds the term
//!   `LABEL:canonical name` (`PERSON:Tara Reid`); dates are left out (they say when, not what).
//!   No word contains `:`, so the two kinds never collide.
//!
//! Terms are identified by the xxh3 hash of their text ([`term_hash`]); the background table
//! of document frequencies is keyed the same way.

use xxhash_rust::xxh3::xxh3_64;

use crate::tag::Label;
use crate::text::fold::lowercase_folded;
use crate::text::lexicon::stopwords;
use crate::text::words::words;

/// The hash that identifies a term.
pub fn term_hash(term: &str) -> u64 {
    xxh3_64(term.as_bytes())
}

/// Calls `found` with every kept word of `text`, lower-cased, in text order (with repeats).
/// `buffer` is scratch space.
pub fn for_each_word(text: &str, buffer: &mut String, mut found: impl FnMut(&str)) {
    for word in words(text) {
        let raw = word.text(text);
        if word.ascii_digit && raw.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if word.ascii {
            buffer.clear();
            buffer.push_str(raw);
            buffer.make_ascii_lowercase();
        } else {
            lowercase_folded(raw, buffer);
            if buffer.chars().all(char::is_numeric) {
                continue;
            }
        }
        if !stopwords().contains(buffer) {
            found(buffer);
        }
    }
}

/// The term of an entity mention, or `None` for labels that name no entity (dates) and for
/// unknown labels.
pub fn entity_term(label: &str, name: &str, buffer: &mut String) -> Option<()> {
    let label = Label::parse(label).filter(|l| *l != Label::Date)?;
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    buffer.clear();
    buffer.push_str(label.as_str());
    buffer.push(':');
    buffer.push_str(name);
    Some(())
}

/// The distinct terms of an article (words of `text`, then the terms of `entities` as
/// `(label, canonical name)`), sorted: what the background table counts per document.
pub fn distinct_terms(text: &str, entities: &[(&str, &str)]) -> Vec<String> {
    let mut buffer = String::new();
    let mut terms = Vec::new();
    for_each_word(text, &mut buffer, |word| terms.push(word.to_string()));
    for (label, name) in entities {
        if entity_term(label, name, &mut buffer).is_some() {
            terms.push(buffer.clone());
        }
    }
    terms.sort_unstable();
    terms.dedup();
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, &mut String::new(), |w| out.push(w.to_string()));
        out
    }

    #[test]
    fn words_without_stopwords_and_numbers() {
        assert_eq!(
            kept("The Quake killed 1,200 people in mid-2012; Iran’s ÉCOLE said it."),
            ["quake", "killed", "people", "mid-2012", "iran's", "école"]
        );
        assert_eq!(kept("٣٤ and 2024"), Vec::<String>::new());
        assert!(kept("").is_empty());
    }

    #[test]
    fn entity_terms_skip_dates() {
        let mut buffer = String::new();
        assert!(entity_term("PERSON", " Tara Reid ", &mut buffer).is_some());
        assert_eq!(buffer, "PERSON:Tara Reid");
        assert!(entity_term("gpe", "Iran", &mut buffer).is_some());
        assert_eq!(buffer, "LOC:Iran");
        assert!(entity_term("DATE", "Monday", &mut buffer).is_none());
        assert!(entity_term("FOOD", "Pie", &mut buffer).is_none());
        assert!(entity_term("ORG", "  ", &mut buffer).is_none());
    }

    #[test]
    fn distinct_terms_are_sorted_and_unique() {
        let terms = distinct_terms(
            "Reid entered rehab. Reid left rehab.",
            &[
                ("PERSON", "Tara Reid"),
                ("PERSON", "Tara Reid"),
                ("DATE", "May"),
            ],
        );
        assert_eq!(
            terms,
            ["PERSON:Tara Reid", "entered", "left", "rehab", "reid"]
        );
    }
}
