//! A link to another of the site's stories under a label that says so ("Read more: Looted
//! colonial art …", "Related: The 15 Weirdest Galaxies", "Czytaj też: …"), or to the topics it
//! is filed under ("Tags: …"), in the languages the lexicon holds its labels in. It is the
//! site's wherever it stands, inside the article too.

use std::sync::OnceLock;

use regex::Regex;

use super::sentence::ends_sentence;
use crate::text::lexicon::{news_agencies, related_labels, tag_labels};
use crate::text::words::count_words;

/// A paragraph that opens with the label of a link to another story and a separator, then
/// the story's headline; or with a label of topics, then their list, with no separator where a
/// converter joined the label's line to the list's ("Tags calendario stock car 2018, stock car
/// brasil, …").
pub fn related_link(text: &str) -> bool {
    label_end(text).is_some_and(|end| end < text.trim_end().len()) || tag_list(text)
}

/// A headline of another story tagged with its kind in capitals between brackets, as sites
/// list them in any language ("… amid China turmoil [VIDEO]", "… mocarstw? [WYWIAD]").
pub fn tagged_headline(text: &str) -> bool {
    let text = text.trim_end().trim_end_matches('|').trim_end();
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
    let label = label.trim_end_matches([':', '»', '›', '|']);
    label.len() <= MAX_TAG_LABEL_BYTES
        && tag_label(label)
        && rest.matches(',').count() + 1 >= MIN_TAGS
        && !ends_sentence(rest.trim_end())
}

/// The fewest topics of a list after a label of topics ([`related_link`]).
const MIN_TAGS: usize = 3;

/// A paragraph that is only the label of a link to another story (a converter put the
/// headline on the next line: "Read more:"), or of the topics it is filed under, whose list
/// follows with or without a separator ("Tags", "Filed Under:").
pub fn related_label(text: &str) -> bool {
    let label = text
        .trim()
        .trim_end_matches([':', '»', '›', '|'])
        .trim_end();
    label_end(text).is_some_and(|end| end >= text.trim_end().len())
        || (label.len() <= MAX_TAG_LABEL_BYTES && tag_label(label))
}

/// `label` is a label of topics: one word looked up as it is, more with `_` between.
fn tag_label(label: &str) -> bool {
    if label.is_ascii() && !label.contains(' ') {
        return tag_labels().contains_ignore_ascii_case(label);
    }
    tag_labels().contains(&label.to_lowercase().replace(' ', "_"))
}

/// The longest label of topics (in bytes) looked up.
const MAX_TAG_LABEL_BYTES: usize = 24;

/// Where the label and its separator end, when the paragraph opens with one.
fn label_end(text: &str) -> Option<usize> {
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
            assert!(related_link(s) && !related_label(s), "{s}");
        }
        assert!(related_label("Read more:") && related_label("Lesen Sie auch: "));
        assert!(related_label("Tags") && related_label("Filed Under:") && !related_label("More"));
        assert!(related_link(
            "Filed Under: Eastern Equine Encephalitis, EEE, health"
        ));
        for s in [
            "Related stories were published on Monday.",
            "Moreover: the minister said",
            "Watching: a new film",
            "He said: read more books.",
        ] {
            assert!(!related_link(s) && !related_label(s), "{s}");
        }
    }
}
