//! A link to another of the site's stories under a label that says so ("Read more: Looted
//! colonial art …", "Related: The 15 Weirdest Galaxies", "Czytaj też: …"), or to the topics it
//! is filed under ("Tags: …"), in the languages the lexicon holds its labels in. It is the
//! site's wherever it stands, inside the article too.

use std::sync::OnceLock;

use regex::Regex;

use super::sentence::ends_sentence;
use crate::text::lexicon::{news_agencies, related_labels, tag_labels};
use crate::text::words::count_words;

/// How a paragraph points elsewhere on the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Related {
    /// It does not.
    No,
    /// A link: a label of a link to another story and a separator, then the story's headline
    /// ("Read more: Looted colonial art …"); a label of topics, then their list, with no
    /// separator where a converter joined the label's line to the list's ("Tags calendario
    /// stock car 2018, stock car brasil, …"); a [`tagged_headline`].
    Link,
    /// Only the label of a link to another story (a converter put the headline on the next line:
    /// "Read more:"), or of the topics it is filed under, whose list follows with or without a
    /// separator ("Tags", "Filed Under:").
    Label,
}

/// How `text` points elsewhere on the site ([`Related`]).
pub fn related(text: &str) -> Related {
    match label_end(text) {
        Some(end) if end < text.trim_end().len() => Related::Link,
        Some(_) => Related::Label,
        None if tag_list(text) || tagged_headline(text) => Related::Link,
        None if tag_label_alone(text) => Related::Label,
        None => Related::No,
    }
}

/// A [`Related::Link`].
pub fn related_link(text: &str) -> bool {
    related(text) == Related::Link
}

/// A headline of another story tagged with its kind in capitals between brackets, as sites
/// list them in any language ("… amid China turmoil [VIDEO]", "… mocarstw? [WYWIAD]").
fn tagged_headline(text: &str) -> bool {
    let text = text.trim_end().trim_end_matches('|').trim_end();
    if !text.ends_with(']') {
        return false;
    }
    let Some(inner) = text
        .strip_suffix(']')
        .and_then(|head| head.rsplit_once('['))
        .map(|(headline, kind)| (headline.trim(), kind))
    else {
        return false;
    };
    let (headline, kind) = inner;
    // A paragraph of the article ends on a full stop before an agency's credit ("… on Monday.
    // [AFP]"); a headline ends on no full stop.
    !headline.is_empty()
        && !headline.ends_with('.')
        && !news_agencies().contains_ignore_ascii_case(kind)
        && count_words(headline) <= MAX_TAGGED_HEADLINE_WORDS
        && (MIN_KIND_CHARS..=MAX_KIND_CHARS).contains(&kind.chars().count())
        && kind.chars().all(char::is_uppercase)
}

/// Whether the paragraph's first letter (after at most three marks, as the pattern allows)
/// can open a label: an ASCII letter some label opens with, or any other letter.
fn opens_like_a_label(text: &str) -> bool {
    static FIRST: OnceLock<[bool; 128]> = OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut first = [false; 128];
        for label in related_labels().iter() {
            match label.chars().next() {
                Some(c) if c.is_ascii() => first[c.to_ascii_lowercase() as usize] = true,
                _ => {}
            }
        }
        first
    });
    match text.chars().take(4).find(|c| c.is_alphanumeric()) {
        Some(c) if c.is_ascii() => first[c.to_ascii_lowercase() as usize],
        Some(_) => true,
        None => false,
    }
}

/// The marks between a label and what it labels (as the pattern reads them).
const SEPARATORS: [char; 4] = [':', '»', '›', '|'];

/// The bytes from a paragraph's start a label and its separator end within (the longest label,
/// "das könnte Sie auch interessieren:", with room for a bullet and spaces).
const LABEL_HEAD_BYTES: usize = 64;

/// The most words of a [`tagged_headline`], and the fewest and most letters of its kind.
const MAX_TAGGED_HEADLINE_WORDS: usize = 30;
const MIN_KIND_CHARS: usize = 2;
const MAX_KIND_CHARS: usize = 12;

/// A label of topics, then a list of them: [`MIN_TAGS`] at least, separated by commas, with no
/// sentence's end.
fn tag_list(text: &str) -> bool {
    let Some((label, rest)) = text.trim_start().split_once(char::is_whitespace) else {
        return false;
    };
    let label = label.trim_end_matches(SEPARATORS);
    label.len() <= MAX_TAG_LABEL_BYTES
        && tag_label(label)
        && rest.matches(',').count() + 1 >= MIN_TAGS
        && !ends_sentence(rest.trim_end())
}

/// The fewest topics of a list after a label of topics ([`related_link`]).
const MIN_TAGS: usize = 3;

/// Only a label of topics ("Tags", "Filed Under:").
fn tag_label_alone(text: &str) -> bool {
    let label = text.trim().trim_end_matches(SEPARATORS).trim_end();
    label.len() <= MAX_TAG_LABEL_BYTES && tag_label(label)
}

/// `label` is a label of topics, its words as the lexicon's (`_` between), ignoring case;
/// compared without building a string, as most short lines are no label.
fn tag_label(label: &str) -> bool {
    let spaced = |c: char| if c == '_' { ' ' } else { c };
    tag_labels().iter().any(|entry| {
        entry.len() == label.len()
            && entry
                .chars()
                .map(spaced)
                .eq(label.chars().flat_map(char::to_lowercase))
    })
}

/// The longest label of topics (in bytes) looked up.
const MAX_TAG_LABEL_BYTES: usize = 24;

/// Where the label and its separator end, when the paragraph opens with one.
fn label_end(text: &str) -> Option<usize> {
    // A label is short: most paragraphs hold no separator near their start ("»" and "›" end
    // with the bytes 0xBB and 0xBA), and are answered by a byte scan before the pattern runs.
    let head = &text.as_bytes()[..text.len().min(LABEL_HEAD_BYTES)];
    if !opens_like_a_label(text) || !head.iter().any(|&b| matches!(b, b':' | b'|' | 0xbb | 0xba)) {
        return None;
    }
    static LABEL: OnceLock<Regex> = OnceLock::new();
    let label = LABEL.get_or_init(|| {
        let labels = related_labels().regex_alternation().replace('_', r"\s+");
        Regex::new(&format!(r"^[\W_]{{0,3}}(?i:{labels})\s*[:»›|]\s*"))
            .expect("the related-link labels form a valid pattern")
    });
    label.find(text).map(|m| m.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_links() {
        for s in [
            "Read more: Looted colonial art: Germany to set up new contact office",
            "READ MORE: China plague outbreak confirmed",
            "[Related: Salesforce Dreamforce Keynote]",
            "Lesen Sie auch: Die neue Regierung",
            "Weiterlesen » Wohncontainer – Gedanken über das minimalistische Wohnen",
            "Czytaj też: Czy grozi nam wojna atomowa?",
        ] {
            assert_eq!(related(s), Related::Link, "{s}");
        }
        for s in ["Read more:", "Lesen Sie auch: ", "Tags", "Filed Under:"] {
            assert_eq!(related(s), Related::Label, "{s}");
        }
        assert_eq!(related("More"), Related::No);
        assert!(related_link(
            "Filed Under: Eastern Equine Encephalitis, EEE, health"
        ));
        for s in [
            "Related stories were published on Monday.",
            "Moreover: the minister said",
            "Watching: a new film",
            "He said: read more books.",
        ] {
            assert_eq!(related(s), Related::No, "{s}");
        }
    }
}
