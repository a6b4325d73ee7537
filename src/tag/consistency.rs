//! One document, one reading of a name. Within a document: one-word model mentions that are
//! also common words there are dropped; an acronym in brackets after a name names the same
//! entity; a company's name without its legal form names the company; and occurrences of a
//! tagged name that the model missed (often in capitals, in a headline), a surname alone, or a
//! misspelt surname are tagged like the tagged name.

use std::cell::OnceCell;

use rustc_hash::{FxHashMap, FxHashSet};

use super::acronyms::name_defined_acronyms;
use super::canonical::{deletion_variants, each_deletion_variant, name_key, similar_token};
use super::document::Document;
use super::mention::{Label, Link, Mention, Source};
use super::tokenize::Token;
use crate::text::fold::{fold_quote, with_lowercase};
use crate::text::lexicon::{
    calendar_words_never_names, industry_words, legal_forms, organisation_heads,
};

/// Below this confidence a one-word name that also occurs as a common word is dropped.
const COMMON_WORD_CONFIDENCE: f32 = 0.9;

/// Settles a document's mentions (sorted by position) into one reading per name.
pub fn settle_document_consistency(document: &Document<'_>, mentions: &mut Vec<Mention>) {
    if mentions.is_empty() {
        return;
    }
    let words = DocumentWords::new(document);
    drop_common_words(document, &words, mentions);
    name_defined_acronyms(document, mentions);
    let short_names = short_company_names(document, &words, mentions);
    name_by_short_company_names(document.text, &short_names, mentions);
    tag_missed_occurrences(document, &words, mentions, short_names);
}

/// Lookups of a document's words and tokens.
struct DocumentWords<'a> {
    /// Words the document writes starting in lowercase ("sales", "union").
    lowercase: FxHashSet<&'a str>,
    /// Pairs of adjacent words the document writes in lowercase ("general election"), filed
    /// when first asked: most documents never ask.
    lowercase_pairs: OnceCell<FxHashSet<(&'a str, &'a str)>>,
    words: &'a [&'a str],
    /// The document's tokens, in text order (their starts and ends both ascending).
    tokens: &'a [Token],
}

impl<'a> DocumentWords<'a> {
    fn new(document: &'a Document<'a>) -> Self {
        // Sized for every word at once: growing it rehashed each word several times.
        let mut lowercase =
            FxHashSet::with_capacity_and_hasher(document.words.len(), Default::default());
        lowercase.extend(
            document
                .words
                .iter()
                .copied()
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase)),
        );
        DocumentWords {
            lowercase,
            lowercase_pairs: OnceCell::new(),
            words: &document.words,
            tokens: &document.tokens,
        }
    }

    /// Whether the document also writes `word` in lowercase.
    fn also_lowercase(&self, word: &str) -> bool {
        with_lowercase(word, |lower| self.lowercase.contains(lower))
    }

    /// Whether the document also writes the phrase of `words` in lowercase ("a general
    /// election" beside "the General Election").
    fn also_lowercase_phrase(&self, words: &[&str]) -> bool {
        if words.len() < 2 {
            return false;
        }
        let pairs = self.lowercase_pairs.get_or_init(|| {
            self.words
                .windows(2)
                .filter(|pair| pair.iter().all(|w| w.starts_with(char::is_lowercase)))
                .map(|pair| (pair[0], pair[1]))
                .collect()
        });
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        lower
            .windows(2)
            .all(|pair| pairs.contains(&(pair[0].as_str(), pair[1].as_str())))
    }

    /// The first and last token of a mention.
    fn tokens_of(&self, m: &Mention) -> Option<(usize, usize)> {
        let s = self
            .tokens
            .partition_point(|t| t.start <= m.start)
            .checked_sub(1)?;
        let e = self
            .tokens
            .partition_point(|t| t.end <= m.end)
            .checked_sub(1)?;
        (self.tokens[s].start == m.start && self.tokens[e].end == m.end).then_some((s, e))
    }
}

/// A model mention whose words the document also uses as common words ("Sales", "Commerce",
/// "July" in a table, "General Election") is dropped unless the model is sure of it; month and
/// day names are dropped always.
fn drop_common_words(
    document: &Document<'_>,
    words: &DocumentWords<'_>,
    mentions: &mut Vec<Mention>,
) {
    mentions.retain(|m| {
        let surface = &document.text[m.start..m.end];
        if m.source != Source::Model || m.label == Label::Date {
            return true;
        }
        if surface.contains(char::is_whitespace) {
            // "General Election": every word a common word here, none an organisation's; the
            // phrase itself in lowercase too and the model's confidence is no defence.
            let parts: Vec<&str> = surface.split_whitespace().collect();
            let named = parts
                .iter()
                .any(|w| organisation_heads().contains(w) || legal_forms().contains(w));
            // The phrase in lowercase has each of its words in lowercase: asked only then.
            let common = parts.iter().all(|w| words.also_lowercase(w));
            return named
                || !(common
                    && (m.score < COMMON_WORD_CONFIDENCE || words.also_lowercase_phrase(&parts)));
        }
        let common = words.also_lowercase(surface);
        !(is_month_or_day(surface) || (common && m.score < COMMON_WORD_CONFIDENCE))
    });
}

fn is_month_or_day(word: &str) -> bool {
    with_lowercase(word, |word| {
        calendar_words_never_names().contains(word.trim_end_matches('.'))
    })
}

/// A folded name (see [`fold`]) and the index of the mention it copies.
type NamedKey = (Vec<String>, usize);

/// Companies' names without their legal forms ("Ruch" for "Ruch SA", "Magna" for "Magna
/// International Inc") or also without their trade ("Dome" for "Dome Petroleum Ltd"), each
/// with the mention of the full name; one per spelling, the first met.
fn short_company_names(
    document: &Document<'_>,
    words: &DocumentWords<'_>,
    mentions: &[Mention],
) -> Vec<ShortName> {
    let w = &document.words;
    let mut short_names: Vec<ShortName> = Vec::new();
    let mut seen: FxHashSet<Vec<String>> = FxHashSet::default();
    for (k, m) in mentions.iter().enumerate() {
        let Some((s, e)) = words.tokens_of(m) else {
            continue;
        };
        if m.label != Label::Org || m.source == Source::User || e == s {
            continue;
        }
        let mut short_end = e;
        while short_end > s && legal_forms().contains(w[short_end]) {
            short_end -= 1;
        }
        let mut ends = vec![(short_end, false)];
        // A gazetteer's company cut of its trade is another word ("World" of "World Bank").
        if short_end > s && industry_words().contains(w[short_end]) && m.link != Link::Gazetteer {
            ends.push((short_end - 1, true));
        }
        for (short_end, by_trade) in ends {
            let short = &w[s..=short_end];
            let usable = short_end < e
                && short.len() <= 3
                && short
                    .iter()
                    .all(|w| w.starts_with(char::is_uppercase) && w.chars().count() >= 2)
                && !(by_trade && short.iter().all(|w| words.also_lowercase(w)));
            if !usable {
                continue;
            }
            let key: Vec<String> = short.iter().map(|w| fold(w)).collect();
            if seen.insert(key.clone()) {
                short_names.push(ShortName {
                    key,
                    full: k,
                    by_trade,
                });
            }
        }
    }
    short_names
}

/// A company's short name: its folded words, the mention of its full name, and whether the
/// trade word was cut too ("Dome" of "Dome Petroleum Ltd").
struct ShortName {
    key: Vec<String>,
    full: usize,
    by_trade: bool,
}

/// Other mentions spelled like a company's short name name the company. A short name cut of
/// its trade leaves the gazetteer's names alone ("British" of "British Petroleum" stays a
/// nationality).
fn name_by_short_company_names(text: &str, short_names: &[ShortName], mentions: &mut [Mention]) {
    if short_names.is_empty() {
        return;
    }
    let relabel: Vec<(usize, usize)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.source != Source::User && m.label != Label::Date)
        .filter_map(|(k, m)| {
            // Short names are filed once per spelling: at most one is spelled by the mention.
            let surface = &text[m.start..m.end];
            let short = short_names.iter().find(|n| spells(surface, &n.key))?;
            let keep = short.by_trade && m.link == Link::Gazetteer;
            (short.full != k && !keep).then_some((k, short.full))
        })
        .collect();
    for (k, full) in relabel {
        mentions[k].label = mentions[full].label;
        mentions[k].entity = mentions[full].entity.clone();
        mentions[k].fixed_entity = true;
        mentions[k].link = Link::ShortName;
        mentions[k].country = None;
    }
}

/// Names to look for, filed by their first folded word.
#[derive(Default)]
struct NameTable {
    by_first: FxHashMap<String, Vec<NamedKey>>,
}

impl NameTable {
    /// Files a name unless it is there already (the first mention of a spelling is copied).
    fn add(&mut self, key: Vec<String>, mention: usize) {
        // A spelling already filed is in the list of its first word.
        match self.by_first.get_mut(&key[0]) {
            Some(list) if list.iter().any(|(filed, _)| *filed == key) => {}
            Some(list) => list.push((key, mention)),
            None => {
                self.by_first.insert(key[0].clone(), vec![(key, mention)]);
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    fn starting_with(&self, first: &str) -> Option<&Vec<NamedKey>> {
        self.by_first.get(first)
    }
}

/// Surnames long enough to be recognised misspelt, each with its mention, filed by every
/// one-deletion form so that a word finds the surnames one edit from it without reading all.
#[derive(Default)]
struct Surnames {
    by_form: FxHashMap<String, Vec<usize>>,
    names: Vec<(String, usize)>,
}

impl Surnames {
    fn add(&mut self, surname: String, mention: usize) {
        for form in deletion_variants(&surname) {
            self.by_form.entry(form).or_default().push(self.names.len());
        }
        self.names.push((surname, mention));
    }

    fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The mention of the first filed surname that `key` may misspell.
    fn misspelt(&self, key: &str) -> Option<usize> {
        // A misspelling keeps the first letter and the length within one (`similar_token`):
        // most words are near no surname, and are answered without their deletion forms.
        let (first, length) = (key.chars().next(), key.chars().count());
        let near =
            |name: &str| name.chars().next() == first && name.chars().count().abs_diff(length) <= 1;
        if !self.names.iter().any(|(name, _)| near(name)) {
            return None;
        }
        let mut first_similar: Option<usize> = None;
        each_deletion_variant(key, |form| {
            let filed = self.by_form.get(form).into_iter().flatten().copied();
            for n in filed.filter(|&n| similar_token(&self.names[n].0, key)) {
                first_similar = Some(first_similar.map_or(n, |m| m.min(n)));
            }
        });
        first_similar.map(|n| self.names[n].1)
    }
}

/// Occurrences of a tagged name, a short company name or a person's surname that no mention
/// covers are tagged like the name; so is a misspelt surname ("Asasd" for "Assad").
fn tag_missed_occurrences(
    document: &Document<'_>,
    words: &DocumentWords<'_>,
    mentions: &mut Vec<Mention>,
    short_names: Vec<ShortName>,
) {
    let mut taken = vec![false; document.tokens.len()];
    for (s, e) in mentions.iter().filter_map(|m| words.tokens_of(m)) {
        taken[s..=e].iter_mut().for_each(|t| *t = true);
    }
    let mut names = NameTable::default();
    file_tagged_names(document, words, mentions, &mut names);
    let surnames = file_surnames(words, mentions, &mut names);
    for short in short_names {
        names.add(short.key, short.full);
    }
    if names.is_empty() {
        return;
    }
    let added = find_missed_occurrences(document, words, mentions, &names, &surnames, &mut taken);
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.start, m.end));
    }
}

/// Files each mention's own words: capitalised names of up to six words, not dates or the
/// caller's, and not written in lowercase elsewhere in the document.
fn file_tagged_names(
    document: &Document<'_>,
    words: &DocumentWords<'_>,
    mentions: &[Mention],
    names: &mut NameTable,
) {
    for (k, m) in mentions.iter().enumerate() {
        let Some((s, e)) = words.tokens_of(m) else {
            continue;
        };
        if m.label == Label::Date || m.source == Source::User || e + 1 - s > 6 {
            continue;
        }
        let span = &document.words[s..=e];
        if span.iter().any(|w| words.also_lowercase(w))
            || span.iter().all(|w| w.chars().count() < 3)
            || !span[0].chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        names.add(span.iter().map(|w| fold(w)).collect(), k);
    }
}

/// A surname alone, where a person was named in full: "Miqdad" after "Faisal al-Miqdad".
/// Files the surname with and without its "al-" prefix, and returns the comparison keys of
/// surnames long enough to be recognised misspelt, each with its mention.
fn file_surnames(
    words: &DocumentWords<'_>,
    mentions: &[Mention],
    names: &mut NameTable,
) -> Surnames {
    let mut surnames = Surnames::default();
    for (k, m) in mentions.iter().enumerate() {
        let parts: Vec<&str> = m.entity.split_whitespace().collect();
        if m.label != Label::Person || m.fixed_entity || parts.len() < 2 {
            continue;
        }
        let surname = parts[parts.len() - 1];
        let bare = name_key(surname);
        if bare.chars().count() >= 5 {
            surnames.add(bare.clone(), k);
        }
        let without_prefix = surname
            .len()
            .checked_sub(bare.len())
            .and_then(|cut| surname.get(cut..))
            .unwrap_or(surname);
        for form in [surname, without_prefix] {
            if form.chars().count() < 3
                || words.also_lowercase(form)
                || !form.chars().next().is_some_and(char::is_uppercase)
            {
                continue;
            }
            names.add(vec![fold(form)], k);
        }
    }
    surnames
}

/// Walks the document's tokens and copies a mention onto each untaken occurrence of a filed
/// name (the longest that fits), or of a misspelt surname.
fn find_missed_occurrences(
    document: &Document<'_>,
    words: &DocumentWords<'_>,
    mentions: &[Mention],
    names: &NameTable,
    surnames: &Surnames,
    taken: &mut [bool],
) -> Vec<Mention> {
    let (tokens, w) = (&document.tokens, &document.words);
    let mut added = Vec::new();
    let mut folded = String::new();
    let mut i = 0;
    while i < tokens.len() {
        let first = w[i];
        let capitalised = first.chars().next().is_some_and(char::is_uppercase);
        let filed = if taken[i] || !capitalised {
            None
        } else {
            fold_into(first, &mut folded);
            names.starting_with(&folded)
        };
        let mut step = 1;
        if let Some(list) = filed {
            if let Some((key, k)) = longest_fit(list, document, taken, i) {
                // Same spelling, or the same in capitals: same name, same entity.
                added.push(propagated(&mentions[*k], tokens, i, i + key.len()));
                taken[i..i + key.len()].iter_mut().for_each(|t| *t = true);
                step = key.len();
            }
        } else if !taken[i] && !surnames.is_empty() && first.chars().count() >= 5 && capitalised {
            // A misspelt surname ("Asasd" for "Assad") of a person named in full here.
            let key = name_key(first);
            let lower_too = words.also_lowercase(first);
            if let Some(k) = surnames.misspelt(&key).filter(|_| !lower_too) {
                added.push(propagated(&mentions[k], tokens, i, i + 1));
                taken[i] = true;
            }
        }
        i += step;
    }
    added
}

/// The longest of `list` spelled by the untaken tokens from `i`, within one sentence.
fn longest_fit<'n>(
    list: &'n [NamedKey],
    document: &Document<'_>,
    taken: &[bool],
    i: usize,
) -> Option<&'n NamedKey> {
    let (tokens, words) = (&document.tokens, &document.words);
    list.iter()
        .filter(|(key, _)| {
            i + key.len() <= tokens.len()
                && !taken[i..i + key.len()].iter().any(|&t| t)
                && key.iter().zip(&words[i..]).all(|(k, w)| folds_to(w, k))
                && (key.len() == 1
                    || tokens[i + 1..i + key.len()]
                        .iter()
                        .all(|t| !t.sentence_start))
        })
        .max_by_key(|(key, _)| key.len())
}

/// Whether the words of `surface` fold to `key`, word by word, without building their folds.
fn spells(surface: &str, key: &[String]) -> bool {
    let mut words = surface.split_whitespace();
    key.iter()
        .all(|k| words.next().is_some_and(|w| folds_to(w, k)))
        && words.next().is_none()
}

/// Case-folded key of a word for matching within a document, typographic quotes made ASCII.
fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`] of `word` into `out`, reusing its buffer.
fn fold_into(word: &str, out: &mut String) {
    out.clear();
    // ASCII has no typographic quotes to fold and changes case byte by byte.
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_uppercase();
    } else {
        out.extend(folded_chars(word));
    }
}

/// Whether `key` is [`fold`] of `word`, without building it.
fn folds_to(word: &str, key: &str) -> bool {
    folded_chars(word).eq(key.chars())
}

fn folded_chars(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars()
        .map(|c| fold_quote(c).unwrap_or(c))
        .flat_map(char::to_uppercase)
}

/// A copy of `source` on tokens `[s, e)`.
fn propagated(source: &Mention, tokens: &[Token], s: usize, e: usize) -> Mention {
    Mention {
        start: tokens[s].start,
        end: tokens[e - 1].end,
        label: source.label,
        source: source.source,
        score: source.score * 0.8,
        entity: source.entity.clone(),
        fixed_entity: source.fixed_entity,
        link: source.link,
        country: source.country.clone(),
        acronym: source.acronym.clone(),
        title: None,
        sentence: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII path of [`fold`] gives what folding char by char gives.
    #[test]
    fn fold_is_folding_char_by_char() {
        for word in [
            "O'Neill",
            "al-Assad",
            "McDONALD",
            "Zürich",
            "O’Neill",
            "straße",
            "",
            "x1",
        ] {
            let by_char: String = folded_chars(word).collect();
            assert_eq!(fold(word), by_char, "{word:?}");
            assert!(folds_to(word, &by_char), "{word:?}");
        }
        assert_eq!(fold("O’Neill"), "O'NEILL");
        assert_eq!(fold("straße"), "STRASSE");
    }
}
