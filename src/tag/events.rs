//! Event names: "U.S. Open", "Davis Cup", "Atlanta Games" name events, not the organisations
//! or places inside them.

use super::document::Document;
use super::mention::{Label, Mention, Source};
use crate::text::lexicon::{
    event_words, event_words_opening_names, league_table_headings, league_table_words,
};

/// Events are not organisations or places: a place or organisation named as part of an event
/// ("U.S. Open", "Atlanta Games") and an organisation ending in an event word ("Fed Cup",
/// "U.S. Amateur Championship") are dropped.
pub fn drop_event_names(document: &Document<'_>, mentions: &mut Vec<Mention>) {
    let (tokens, words) = (&document.tokens, &document.words);
    mentions.retain(|m| {
        if !matches!(m.label, Label::Org | Label::Loc) || m.source == Source::User {
            return true;
        }
        let next = tokens.partition_point(|t| t.start < m.end);
        let before_event = next < tokens.len()
            && !tokens[next].sentence_start
            && event_words().contains(words[next])
            && words.get(next + 1) != Some(&"of");
        let last = next.checked_sub(1).map(|k| words[k]);
        let event_itself = m.label == Label::Org
            && last.is_some_and(|w| {
                event_words().contains(w) && !event_words_opening_names().contains(w)
            });
        // Parts of a league table: "NATIONAL LEAGUE", "EASTERN DIVISION".
        let span = &words[tokens.partition_point(|t| t.start < m.start)..next];
        let table_heading = span
            .iter()
            .any(|w| league_table_headings().contains_ignore_ascii_case(w))
            && span
                .iter()
                .all(|w| league_table_words().contains_ignore_ascii_case(w));
        !(before_event || event_itself || table_heading)
    });
}
