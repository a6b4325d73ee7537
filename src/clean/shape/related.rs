//! A link to another of the site's stories under a label that says so ("Read more: Looted
//! colonial art …", "Related: The 15 Weirdest Galaxies", "Czytaj też: …"), in the languages
//! the lexicon holds its labels in. It is the site's wherever it stands, inside the article too.

use std::sync::OnceLock;

use regex::Regex;

use crate::text::lexicon::related_labels;

/// A paragraph that opens with the label of a link to another story and a separator, then
/// the story's headline.
pub fn related_link(text: &str) -> bool {
    label_end(text).is_some_and(|end| end < text.trim_end().len())
}

/// A paragraph that is only the label of a link to another story (a converter put the
/// headline on the next line: "Read more:").
pub fn related_label(text: &str) -> bool {
    label_end(text).is_some_and(|end| end >= text.trim_end().len())
}

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
