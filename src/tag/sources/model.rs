//! The model's spans: the averaged perceptron's BILOU labels read as entity spans, with titles
//! split off, edges trimmed, initials attached, and gazetteer names taking over where they
//! name the span exactly.

use super::word_shapes::{capitalised, has_alphanumeric, is_initial};
use super::{Candidate, CandidateSource, SentenceContext};
use crate::tag::gazetteer::Entry;
use crate::tag::mention::Label;
use crate::tag::model_input::Decoding;
use crate::tag::perceptron::{split_label, Part};
use crate::tag::titles::{
    is_title_domain, is_title_domain_word_run, opens_with_title_domain, split_title,
};
use crate::text::lexicon::{
    industry_words, legal_forms, name_particles, organisation_heads, sentence_openers, stopwords,
};

/// The model source offers the spans read when the sentence's context was built.
pub fn candidates(sentence: &SentenceContext<'_>) -> Vec<Candidate> {
    sentence.model_spans.clone()
}

/// A span as decoded: tokens `[start, end)`, the model's label and its lowest token confidence.
struct DecodedSpan {
    start: usize,
    end: usize,
    label: Label,
    confidence: f32,
}

/// The model's spans in one sentence, in the order it decoded them. `sentence.model_spans` is
/// not read (it is what this fills).
pub fn read_spans(
    sentence: &SentenceContext<'_>,
    decoding: &Decoding,
    model_labels: &[Label],
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for mut span in decoded_spans(decoding, model_labels) {
        if opens_with_title_domain(sentence.words, span.start, span.end) {
            // "Secretary of State George Shultz" read as the organisation "State George
            // Shultz": what follows a title is the person who holds it.
            span.label = Label::Person;
        }
        let (start, title) = split_title(sentence.words, span.start, span.end, span.label);
        for (k, (from, to)) in name_pieces(sentence.words, start, span.end, span.label)
            .into_iter()
            .enumerate()
        {
            // A piece after the first that is only a title's domain ("Commerce" of "Shultz
            // and Commerce Secretary Malcolm Baldrige") names no one.
            if k > 0 && is_title_domain_word_run(&sentence.words[from..to]) {
                continue;
            }
            let title = if k == 0 { title } else { None };
            read_piece(sentence, &span, (from, to), title, &mut out);
        }
    }
    out
}

/// A decoded person's span cut where a name cannot go on: at a number or punctuation (never
/// at a stop) and at a lowercase word other than a name particle ("C. Cairns b Saqlain" in a
/// scorecard, "Fernando Redondo 9-1 Giovanni" in a list of odds, "Kesers and Karabuluts").
/// Other spans stay whole ("Bank of England", "Schalke 04").
fn name_pieces(words: &[&str], start: usize, end: usize, label: Label) -> Vec<(usize, usize)> {
    if label != Label::Person {
        return vec![(start, end)];
    }
    let breaks = |w: &str| {
        let lowercase = w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_uppercase);
        let no_letters = !w.chars().any(char::is_alphabetic) && w != ".";
        no_letters || (lowercase && !name_particles().contains(w))
    };
    let mut pieces = Vec::new();
    let mut from = start;
    for (k, word) in words.iter().enumerate().take(end).skip(start) {
        if breaks(word) {
            if from < k {
                pieces.push((from, k));
            }
            from = k + 1;
        }
    }
    if from < end {
        pieces.push((from, end));
    }
    if pieces.is_empty() {
        pieces.push((start, end));
    }
    pieces
}

/// One piece `[from, to)` of a decoded span, read as a name: edges trimmed, and kept unless it
/// names nothing (a title's domain, a legal form alone, a competition's group, part of a longer
/// gazetteer name, no capital letter).
fn read_piece(
    sentence: &SentenceContext<'_>,
    span: &DecodedSpan,
    (from, to): (usize, usize),
    title: Option<(usize, usize)>,
    out: &mut Vec<Candidate>,
) {
    let words = sentence.words;
    let (s, e) = name_bounds(words, from, to, span.label);
    if s >= e
        || is_title_domain(words, s, e)
        || only_company_words(&words[s..e])
        || competition_group(&words[s..e])
        || inside_longer_gazetteer_name(sentence, s, e)
        || !words[s..e]
            .iter()
            .any(|w| w.chars().any(char::is_uppercase))
    {
        return;
    }
    if adjacent_countries(sentence, s, e) {
        // "Japan Spain" in a results line: each country is a place of its own.
        out.extend(
            sentence
                .gazetteer_matches
                .iter()
                .filter(|g| s <= g.start && g.end <= e)
                .map(|g| {
                    let entry = sentence.gazetteer.entry(g.entry);
                    let mut country =
                        Candidate::new(CandidateSource::Model, g.start, g.end, entry.label)
                            .named_by(entry);
                    country.confidence = span.confidence;
                    country
                }),
        );
        return;
    }
    let label = if given_name_and_surname(sentence, s, e, span.label) {
        Label::Person
    } else if span.label == Label::Person && company_name(&words[s..e]) {
        Label::Org
    } else {
        span.label
    };
    let mut candidate = Candidate::new(CandidateSource::Model, s, e, label);
    candidate.confidence = span.confidence;
    candidate.title = title;
    name_from_gazetteer(sentence, &mut candidate);
    out.push(candidate);
}

/// Entity spans of the BILOU labels, each with its lowest token confidence.
fn decoded_spans(decoding: &Decoding, model_labels: &[Label]) -> Vec<DecodedSpan> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &y) in decoding.labels.iter().enumerate() {
        match split_label(y) {
            Some((_, Part::Begin)) => start = i,
            Some((t, part @ (Part::Last | Part::Unit))) => {
                let s = if part == Part::Unit { i } else { start };
                out.push(DecodedSpan {
                    start: s,
                    end: i + 1,
                    label: model_labels[t],
                    confidence: decoding.confidence[s..=i]
                        .iter()
                        .copied()
                        .fold(1.0f32, f32::min),
                });
            }
            _ => {}
        }
    }
    out
}

/// Whether a word at the edge of a model span should be trimmed off (a lowercase word, unless a
/// name particle starts the name: "al-", "de Gaulle", "van der Sar").
fn edge_word(word: &str, leading: bool) -> bool {
    let lowercase = word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_uppercase);
    let score = word.contains('-') && word.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    (lowercase && !(leading && name_particles().contains(word))) || (!leading && score)
}

/// The name inside a decoded span `[start, end)` (`start < end`): edges trimmed, and a person's
/// initials attached.
fn name_bounds(words: &[&str], start: usize, end: usize, label: Label) -> (usize, usize) {
    let last = end - 1;
    // Punctuation at the edges is never part of a name.
    let e = (start..=last)
        .rev()
        .find(|&k| has_alphanumeric(words[k]))
        .map_or(start, |k| k + 1);
    let s = (start..e)
        .find(|&k| has_alphanumeric(words[k]))
        .unwrap_or(e);
    // Lowercase words at the edges ("the Netherlands", "south Lebanon", "Stansted airport")
    // and scores ("San Marino 6-0") are not part of a name.
    let e = (s..e)
        .rev()
        .find(|&k| !edge_word(words[k], false))
        .map_or(s, |k| k + 1);
    let mut s = (s..e).find(|&k| !edge_word(words[k], true)).unwrap_or(e);
    // A sentence's opening conjunction or adverb is capitalised but names nothing: "Besides
    // Reagan", "Meanwhile Baker".
    if s + 1 < e
        && sentence_openers().contains(words[s])
        && !words[..s].iter().any(|w| has_alphanumeric(w))
    {
        s += 1;
    }
    let mut e = e;
    if label == Label::Person {
        // Initials before a surname belong to the name: "C. Lewis", "J.R. Smith".
        while s > 0 && s < e && is_initial(words[s - 1]) {
            s -= 1;
        }
        // An initial alone is the start of a name: "P." in "P. Johnson".
        if e == s + 1 && is_initial(words[s]) {
            while e < words.len()
                && e - s < 3
                && capitalised(words[e])
                && has_alphanumeric(words[e])
                && !words[e].ends_with('.')
            {
                e += 1;
            }
        }
    }
    (s, e)
}

/// A legal form or a trade alone ("Corp", "Inc") names nothing.
fn only_company_words(words: &[&str]) -> bool {
    words
        .iter()
        .all(|w| legal_forms().contains(w) || industry_words().contains(w))
}

/// A group of a competition, "Group B", "Pool 4", names no organisation.
fn competition_group(words: &[&str]) -> bool {
    let marker = |w: &str| {
        (w.len() == 1 && w.starts_with(|c: char| c.is_ascii_uppercase()))
            || (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
    };
    matches!(words, [group, marker_word] if matches!(*group, "Group" | "GROUP" | "Pool" | "POOL") && marker(marker_word))
}

/// A name ending in a legal form, an organisation word or a trade is a company's or an
/// organisation's, never a person's ("Dome Petroleum", "Salomon Brothers Inc").
fn company_name(words: &[&str]) -> bool {
    words.len() >= 2
        && words.last().is_some_and(|w| {
            legal_forms().contains(w)
                || organisation_heads().contains(w)
                || industry_words().contains(w)
        })
}

/// A longer unambiguous gazetteer name around the span wins ("Sri" in "Sri Lanka").
fn inside_longer_gazetteer_name(sentence: &SentenceContext<'_>, s: usize, e: usize) -> bool {
    sentence.gazetteer_matches.iter().any(|g| {
        g.end - g.start >= 2
            && g.start <= s
            && e <= g.end
            && e - s < g.end - g.start
            && !sentence.gazetteer.entry(g.entry).ambiguous
    })
}

/// "Astrid Kumbernuss ( Germany )": a given name and a surname make a person, whatever the
/// model thought of the context. The span, read as ORG or LOC, has two or three title-case
/// words, no organisation word, starts with a gazetteer given name and holds no other kind of
/// gazetteer name.
fn given_name_and_surname(
    sentence: &SentenceContext<'_>,
    s: usize,
    e: usize,
    label: Label,
) -> bool {
    let words = &sentence.words[s..e];
    let entry_label = |g: &crate::tag::gazetteer::Match| sentence.gazetteer.entry(g.entry).label;
    (2..=3).contains(&(e - s))
        && matches!(label, Label::Org | Label::Loc)
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase))
        && !words.iter().any(|w| organisation_heads().contains(w))
        && sentence
            .gazetteer_matches
            .iter()
            .any(|g| g.start == s && g.end == s + 1 && entry_label(g) == Label::Person)
        && !sentence
            .gazetteer_matches
            .iter()
            .any(|g| g.start < e && s < g.end && entry_label(g) != Label::Person)
}

/// A gazetteer entry on exactly this span names the entity and gives its label. An ambiguous
/// alias ("Fed" for the Federal Reserve) names it only where the model read the span with the
/// entry's label; an ambiguous name of its own ("Chad", a given name) only informs the model.
fn name_from_gazetteer(sentence: &SentenceContext<'_>, candidate: &mut Candidate) {
    let Some(g) = sentence
        .gazetteer_matches
        .iter()
        .find(|g| g.start == candidate.start && g.end == candidate.end)
    else {
        return;
    };
    let entry = sentence.gazetteer.entry(g.entry);
    let alias = entry.canonical != sentence.words[g.start..g.end].join(" ");
    let agreed = alias && entry.label == candidate.label && entry.label != Label::Person;
    if entry.label != Label::Date
        && (!entry.ambiguous || agreed || group_before_noun(sentence, entry, candidate))
    {
        candidate.name_by(entry);
    }
}

/// A group's word the model read as a person or an organisation describes the word after it,
/// a lowercase noun ("Western tourists", "Republican senators"), not a function word or "said"
/// ("Western said", where a company of that name speaks), and ends no longer name ("Liberal
/// Democrat peer", "Pacific Western bankers").
fn group_before_noun(sentence: &SentenceContext<'_>, entry: &Entry, candidate: &Candidate) -> bool {
    let next = sentence.words.get(candidate.end).copied().unwrap_or("");
    let before = candidate.start.checked_sub(1).map(|k| sentence.words[k]);
    entry.label == Label::Norp
        && matches!(candidate.label, Label::Person | Label::Org)
        && candidate.end == candidate.start + 1
        && next.chars().all(char::is_lowercase)
        && !next.is_empty()
        && !stopwords().contains(next)
        && !before
            .is_some_and(|w| capitalised(w) && !stopwords().contains(w.to_lowercase().as_str()))
}

/// Two or more gazetteer countries exactly tile the span ("Japan Spain" in a results line).
fn adjacent_countries(sentence: &SentenceContext<'_>, s: usize, e: usize) -> bool {
    let mut covered = s;
    let mut count = 0;
    let tiled = sentence
        .gazetteer_matches
        .iter()
        .filter(|g| s <= g.start && g.end <= e)
        .all(|g| {
            let next = g.start == covered && sentence.gazetteer.entry(g.entry).is_country;
            covered = g.end;
            count += 1;
            next
        });
    tiled && count >= 2 && covered == e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_is_cut_where_a_name_cannot_go_on() {
        let words = ["C.", "Cairns", "b", "Saqlain", "10"];
        assert_eq!(name_pieces(&words, 0, 5, Label::Person), [(0, 2), (3, 4)]);
        let words = ["Fernando", "Redondo", "9-1", "Giovanni"];
        assert_eq!(name_pieces(&words, 0, 4, Label::Person), [(0, 2), (3, 4)]);
        let words = ["Kengo", "wa", "Dondo", "and", "Ludwig", "van", "Beethoven"];
        assert_eq!(name_pieces(&words, 0, 7, Label::Person), [(0, 3), (4, 7)]);
        // Organisations keep their connectors and numbers.
        let words = ["Bank", "of", "England", "Schalke", "04"];
        assert_eq!(name_pieces(&words, 0, 5, Label::Org), [(0, 5)]);
        assert!(competition_group(&["Group", "B"]));
        assert!(!competition_group(&["Group", "Bank"]));
    }
}
