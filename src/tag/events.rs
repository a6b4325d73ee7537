//! Event names: "U.S. Open", "Davis Cup", "Atlanta Games" name events, not the organisations
//! or places inside them.

use super::document::Document;
use super::mention::{Label, Mention, Source};

/// Words that make a name before them an event: "U.S. Open", "Davis Cup", "Atlanta Games".
const EVENT_WORDS: &[&str] = &[
    "Open",
    "OPEN",
    "Cup",
    "CUP",
    "Games",
    "GAMES",
    "Olympics",
    "Championships",
    "Championship",
    "Masters",
    "Trophy",
    "Marathon",
    "Grand",
    "Invitational",
    "Classic",
];

const LEAGUE_TABLE_WORDS: &[&str] = &[
    "DIVISION",
    "LEAGUE",
    "CONFERENCE",
    "NATIONAL",
    "AMERICAN",
    "EASTERN",
    "WESTERN",
    "CENTRAL",
    "NORTHERN",
    "SOUTHERN",
    "ATLANTIC",
    "PACIFIC",
    "MIDWEST",
];

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
            && EVENT_WORDS.contains(&words[next])
            && words.get(next + 1) != Some(&"of");
        let last = next.checked_sub(1).map(|k| words[k]);
        let event_itself = m.label == Label::Org
            && last.is_some_and(|w| EVENT_WORDS.contains(&w) && w != "Grand" && w != "Open");
        // Parts of a league table: "NATIONAL LEAGUE", "EASTERN DIVISION".
        let span = &words[tokens.partition_point(|t| t.start < m.start)..next];
        let table_heading = span.iter().any(|w| {
            ["DIVISION", "LEAGUE", "CONFERENCE"]
                .iter()
                .any(|h| h.eq_ignore_ascii_case(w))
        }) && span
            .iter()
            .all(|w| LEAGUE_TABLE_WORDS.iter().any(|h| h.eq_ignore_ascii_case(w)));
        !(before_event || event_itself || table_heading)
    });
}
