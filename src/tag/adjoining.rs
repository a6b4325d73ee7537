//! Names written side by side that are one name: a legal form left after a company's name
//! ("Jones Medical Industries" "Inc"), and a nationality that starts an organisation's name
//! ("British" "Chambers of Commerce", "American" "Express"). A nationality before a state's
//! institution ("the Iranian Foreign Ministry") or before an organisation known by itself
//! ("West German" "Bundesbank") says whose it is, and stays apart; so does one before an event
//! ("Australian Open").

use super::document::Document;
use super::mention::{Label, Link, Mention, Source};
use crate::text::lexicon::{event_words, legal_forms, national_bodies, title_words};

/// Joins the adjoining names of a document's mentions, sorted by position (and kept so).
pub fn join_adjoining_names(document: &Document<'_>, mentions: &mut Vec<Mention>) {
    extend_by_legal_forms(document, mentions);
    join_nationalities_to_organisations(document, mentions);
}

/// The token index at which a mention starting at byte `start` starts.
fn token_at(document: &Document<'_>, start: usize) -> usize {
    document.tokens.partition_point(|t| t.start < start)
}

/// Only spaces between two spans, no line break.
fn same_line_gap(text: &str, from: usize, to: usize) -> bool {
    from <= to && text[from..to].chars().all(|c| c == ' ' || c == '\u{a0}')
}

fn extend_by_legal_forms(document: &Document<'_>, mentions: &mut [Mention]) {
    let (tokens, words) = (&document.tokens, &document.words);
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.label != Label::Org || m.source == Source::User {
            continue;
        }
        let next_start = mentions.get(k + 1).map_or(usize::MAX, |n| n.start);
        let mut e = token_at(document, m.end);
        let mut end = m.end;
        while e < tokens.len()
            && !tokens[e].sentence_start
            && tokens[e].start < next_start
            && legal_forms().contains(words[e])
            && same_line_gap(document.text, end, tokens[e].start)
        {
            end = tokens[e].end;
            e += 1;
        }
        mentions[k].end = end;
    }
}

fn join_nationalities_to_organisations(document: &Document<'_>, mentions: &mut Vec<Mention>) {
    let words = &document.words;
    let mut joined = vec![false; mentions.len()];
    for k in 1..mentions.len() {
        let (a, b) = (&mentions[k - 1], &mentions[k]);
        if a.label != Label::Norp
            || b.label != Label::Org
            || a.source == Source::User
            || matches!(b.link, Link::Gazetteer | Link::User)
            || joined[k - 1]
            || !same_line_gap(document.text, a.end, b.start)
        {
            continue;
        }
        let (first, last) = (token_at(document, b.start), token_at(document, b.end) - 1);
        if document.tokens[first].sentence_start
            || national_bodies().contains(words[first])
            || title_words().contains(words[first])
            || event_words().contains(words[last])
        {
            continue;
        }
        let start = a.start;
        let score = a.score.min(b.score);
        let b = &mut mentions[k];
        b.start = start;
        b.score = score;
        b.fixed_entity = false;
        b.link = Link::Surface;
        b.country = None;
        b.acronym = None;
        joined[k - 1] = true;
    }
    let mut keep = joined.into_iter().map(|j| !j);
    mentions.retain(|_| keep.next().unwrap_or(true));
}
