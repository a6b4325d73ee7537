//! Common nouns written in capitals ("sales of DVDs", "GNP growth"): products, technologies
//! and economic measures read as organisations. They are no entity.

use super::document::Document;
use super::mention::{Label, Mention, Source};
use crate::text::lexicon::common_terms;

/// Drops the mentions written as common terms, and cuts them off the end of a person's name,
/// which never ends in one ("Ray DVD" → "Ray"); an organisation keeps them ("Press TV").
/// `mentions` are sorted by position, and stay so.
pub fn drop_common_terms(document: &Document<'_>, mentions: &mut Vec<Mention>) {
    let (tokens, words) = (&document.tokens, &document.words);
    let named = |m: &Mention| matches!(m.source, Source::User | Source::Gazetteer);
    for m in mentions.iter_mut().filter(|m| !named(m)) {
        let first = tokens.partition_point(|t| t.start < m.start);
        let last = tokens.partition_point(|t| t.start < m.end);
        let mut e = last;
        while e > first && common_terms().contains(words[e - 1]) {
            e -= 1;
        }
        if e == first {
            m.end = m.start;
        } else if e < last && m.label == Label::Person {
            m.end = tokens[e - 1].end;
            m.fixed_entity = false;
        }
    }
    mentions.retain(|m| m.end > m.start);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::corpus_join::tests::mention as model_mention;

    fn mention(text: &str, start: usize, end: usize, label: Label) -> Mention {
        Mention {
            start,
            end,
            ..model_mention(label, &text[start..end])
        }
    }

    #[test]
    fn terms_are_no_entities() {
        let text = "Ray DVD sales and GNP rose at Sony Corp and Press TV";
        let document = Document::new(text);
        let mut mentions = vec![
            mention(text, 0, 7, Label::Person),
            mention(text, 18, 21, Label::Org),
            mention(text, 30, 39, Label::Org),
            mention(text, 44, 52, Label::Org),
        ];
        drop_common_terms(&document, &mut mentions);
        let spans: Vec<&str> = mentions.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(spans, ["Ray", "Sony Corp", "Press TV"]);
    }
}
