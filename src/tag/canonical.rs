//! Canonical names: how names are compared (tokens, spelling variants, transliterations), and
//! linking within one document: a surname or partial name links to the full name it
//! abbreviates ("Putin" → "Vladimir Putin", "Jaberi Ansari" → "Hossein Jaberi Ansari"), the
//! nearest earlier full name first. Names are joined across the corpus by
//! [`super::corpus_join`]. Gazetteer and user canonical names (aliases such as "Daesh" →
//! "Islamic State") are fixed and never rewritten.

use rustc_hash::FxHashMap;

use super::{Label, Link, Mention};
use crate::text::fold::fold_quote;
use crate::text::lexicon::name_prefixes;

/// Comparison form of a name token: lowercase, typographic quotes made ASCII, and an article
/// prefix ("al-", "el-") dropped when three letters or more remain.
pub fn name_key(token: &str) -> String {
    // ASCII has no typographic quotes to fold and lowercases byte by byte.
    let mut lower: String = if token.is_ascii() {
        token.to_ascii_lowercase()
    } else {
        token
            .chars()
            .map(|c| fold_quote(c).unwrap_or(c))
            .flat_map(char::to_lowercase)
            .collect()
    };
    // Most tokens start with no prefix's first letter: answered without comparing them.
    let prefixes = name_prefixes();
    if !lower
        .as_bytes()
        .first()
        .is_some_and(|&b| prefixes.has_word_starting_with(b))
    {
        return lower;
    }
    for prefix in prefixes.iter() {
        if let Some(rest) = lower.strip_prefix(prefix) {
            if rest.chars().count() >= 3 {
                lower.drain(..prefix.len());
                return lower;
            }
        }
    }
    lower
}

/// The comparison tokens ([`name_key`]) of a name.
pub fn name_keys(name: &str) -> Vec<String> {
    name.split_whitespace().map(name_key).collect()
}

/// Optimal-string-alignment distance (edits plus adjacent swaps), stopping early above `limit`.
pub fn osa_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// Whether two name tokens are spelling variants: equal, or one edit apart when both are long
/// enough for a typo to be told from a different name (5 letters or more: "Dome" and "Domer"
/// are two names).
pub fn similar_token(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let shortest = a.chars().count().min(b.chars().count());
    // The first letter of a name is rarely mistyped; requiring it cuts false joins.
    shortest >= 5 && a.chars().next() == b.chars().next() && osa_distance(a, b, 1) <= 1
}

/// The spelling of a name token with the letters that transliterations of one name swap made
/// one ("Araghchi" and "Araqchi", "Khamenei" and "Hamenei", "Rouhani" and "Ruhani").
pub fn transliteration_key(token: &str) -> String {
    let mut key = token.to_string();
    // In turn, each on the result of the last; most tokens hold few of them, and a
    // replacement of what is not there would only copy the key.
    for (from, to) in [
        ("kh", "h"),
        ("gh", "q"),
        ("ou", "u"),
        ("ee", "i"),
        ("y", "i"),
    ] {
        if key.contains(from) {
            key = key.replace(from, to);
        }
    }
    key
}

/// Whether two names of comparison tokens are spellings of one name: as many words, each a
/// spelling variant of the other's ([`similar_token`]), or the same but for transliterations
/// of the last word.
pub fn similar_names(a: &[String], b: &[String]) -> bool {
    if a.len() != b.len() || a == b || a.is_empty() {
        return false;
    }
    let last = a.len() - 1;
    a.iter().zip(b).all(|(x, y)| similar_token(x, y))
        || (a[..last] == b[..last]
            && a[last].chars().count() >= 5
            && transliteration_key(&a[last]) == transliteration_key(&b[last]))
}

/// A distinct full person name in a document: its comparison tokens, the name, and the
/// indices of the mentions naming it.
type FullName = (Vec<String>, String, Vec<usize>);

/// Links partial person names to full names within one document; also relabels a one-word
/// ORG/LOC mention as PERSON when it is the surname of a person named in full there. A
/// misspelling of a full name's words links only where no full name there is spelled as the
/// mention ("Reagan" beside "Ronald Reagan" and "Donald Regan" is Ronald Reagan), and never
/// from a name the gazetteer gives, which is spelled right ("Greece" beside "Maurice Greene").
pub fn link_within_document(mentions: &mut [Mention]) {
    let full_names = full_person_names(mentions);
    if full_names.is_empty() {
        return;
    }
    let index = FullNameIndex::new(&full_names);
    let written = names_written(mentions);
    // Which full names a (label, name, fixed) can abbreviate; once per distinct name.
    let mut memo: FxHashMap<(bool, String, bool), Vec<usize>> = FxHashMap::default();
    for (i, m) in mentions.iter_mut().enumerate() {
        let person = m.label == Label::Person;
        if !may_be_surname(m) {
            continue;
        }
        let memo_key = (person, m.entity.clone(), m.fixed_entity);
        let candidates = memo.entry(memo_key).or_insert_with(|| {
            let keys = name_keys(&m.entity);
            if !person && keys.len() != 1 {
                return Vec::new();
            }
            let (spelled_alike, misspelled): (Vec<usize>, Vec<usize>) = index
                .candidates(&keys, person)
                .into_iter()
                .filter(|&d| abbreviates(&keys, &full_names[d].0, person))
                .partition(|&d| !misspells(&keys, &full_names[d].0));
            if !spelled_alike.is_empty() || m.fixed_entity {
                return spelled_alike;
            }
            misspelled
                .into_iter()
                .filter(|&d| rarer_than(&written, &m.entity, &full_names[d]))
                .collect()
        });
        if let Some(d) = nearest(&full_names, candidates, i) {
            m.entity = full_names[d].1.clone();
            m.label = Label::Person;
            m.link = Link::Document;
            m.fixed_entity = false;
            m.country = None;
        }
    }
}

/// Whether a mention's name may be the surname of a person named in full in its document. A
/// place or firm the gazetteer names may be ("Washington" after "MaliVai Washington"), and so
/// may a word the model read as a nationality or a group with no country ("Meighan" after
/// "Tom Meighan", "Latino" after "Joseph Latino"); a country's demonym is not ("French" beside
/// "Dawn French"), nor a group written otherwise than its name: a surname takes no plural
/// ("Catholics" beside a "Roman Catholic" misread as a person).
fn may_be_surname(m: &Mention) -> bool {
    let named_by_gazetteer = m.link == Link::Gazetteer;
    let written_as_named = m.end - m.start == m.entity.len();
    match m.label {
        Label::Person => !m.fixed_entity,
        Label::Org | Label::Loc => !m.fixed_entity || named_by_gazetteer,
        Label::Norp => {
            !m.fixed_entity || (named_by_gazetteer && m.country.is_none() && written_as_named)
        }
        Label::Date => false,
    }
}

/// How many mentions of a document name each entity.
fn names_written(mentions: &[Mention]) -> FxHashMap<String, usize> {
    let mut written: FxHashMap<String, usize> = FxHashMap::default();
    for m in mentions {
        *written.entry(m.entity.clone()).or_default() += 1;
    }
    written
}

/// Whether `keys` abbreviate `full` only as a spelling variant of its last words.
fn misspells(keys: &[String], full: &[String]) -> bool {
    keys.len() < full.len()
        && full[full.len() - keys.len()..] != *keys
        && !(keys.len() == 2 && keys[0] == full[0] && keys[1] == full[full.len() - 1])
        && !(keys.len() == 1 && keys[0] == full[0])
}

/// A misspelling is written once in its document ("Asasd" once beside one "Assad"), or less
/// often than the name it misspells, in full or by its surname; "Reagan" written throughout a
/// document that names "Donald Regan" as often is another man.
fn rarer_than(written: &FxHashMap<String, usize>, name: &str, full: &FullName) -> bool {
    let count = |n: &str| written.get(n).copied().unwrap_or(0);
    let surname = full.1.split_whitespace().last().unwrap_or_default();
    let (variant, named) = (count(name), full.2.len() + count(surname));
    variant == 1 || variant < named
}

/// The full names of a document filed by every one-deletion form of their last word and by
/// their first word, so that a name finds the full names it may abbreviate without reading
/// them all.
struct FullNameIndex {
    by_last: FxHashMap<String, Vec<usize>>,
    by_first: FxHashMap<String, Vec<usize>>,
}

impl FullNameIndex {
    fn new(full_names: &[FullName]) -> Self {
        let mut index = FullNameIndex {
            by_last: FxHashMap::default(),
            by_first: FxHashMap::default(),
        };
        for (d, (keys, _, _)) in full_names.iter().enumerate() {
            if let (Some(first), Some(last)) = (keys.first(), keys.last()) {
                for v in deletion_variants(last) {
                    index.by_last.entry(v).or_default().push(d);
                }
                index.by_first.entry(first.clone()).or_default().push(d);
            }
        }
        index
    }

    /// The full names whose last word is one edit or less from the name's last word, and for
    /// a person also those starting with its first word; sorted, each once.
    fn candidates(&self, keys: &[String], person: bool) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        if let Some(last) = keys.last() {
            each_deletion_variant(last, |v| {
                found.extend(self.by_last.get(v).into_iter().flatten());
            });
        }
        if person && keys.len() == 1 {
            found.extend(self.by_first.get(&keys[0]).into_iter().flatten());
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// The distinct full names (two words or more) of people, not fixed by a gazetteer.
fn full_person_names(mentions: &[Mention]) -> Vec<FullName> {
    let mut distinct: Vec<FullName> = Vec::new();
    let mut by_name: FxHashMap<String, usize> = FxHashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.label == Label::Person && !m.fixed_entity && m.entity.split_whitespace().count() >= 2 {
            let d = *by_name.entry(m.entity.clone()).or_insert_with(|| {
                distinct.push((name_keys(&m.entity), m.entity.clone(), Vec::new()));
                distinct.len() - 1
            });
            distinct[d].2.push(i);
        }
    }
    distinct
}

/// Whether a name of comparison tokens `keys` abbreviates the full name `full`: its last
/// words, spelled alike or one edit apart, or first and last words; for a person also a first
/// name or leading part used alone ("Jaberi" for "Jaberi Ansari").
fn abbreviates(keys: &[String], full: &[String], person: bool) -> bool {
    if keys.len() >= full.len() {
        return false;
    }
    let suffix = &full[full.len() - keys.len()..];
    suffix == keys
        || (keys.len() == 2 && keys[0] == full[0] && keys[1] == full[full.len() - 1])
        || suffix.iter().zip(keys).all(|(x, y)| similar_token(x, y))
        || (person && keys.len() == 1 && keys[0] == full[0] && keys[0].chars().count() >= 5)
}

/// Of the `candidates` full names, the one named nearest before mention `i`, else nearest
/// after it.
fn nearest(full_names: &[FullName], candidates: &[usize], i: usize) -> Option<usize> {
    let mut before: Option<(usize, usize)> = None;
    let mut after: Option<(usize, usize)> = None;
    for &d in candidates {
        let positions = &full_names[d].2;
        let split = positions.partition_point(|&p| p < i);
        if split > 0 && before.is_none_or(|(p, _)| positions[split - 1] > p) {
            before = Some((positions[split - 1], d));
        }
        let later = positions.partition_point(|&p| p <= i);
        if later < positions.len() && after.is_none_or(|(p, _)| positions[later] < p) {
            after = Some((positions[later], d));
        }
    }
    before.or(after).map(|(_, d)| d)
}

/// The token and every form of it with one char deleted (symmetric-delete blocking), sorted,
/// each once.
pub fn deletion_variants(token: &str) -> Vec<String> {
    let mut out = Vec::with_capacity(token.len() + 1);
    each_deletion_variant(token, |form| out.push(form.to_string()));
    out
}

/// `f` of each of [`deletion_variants`] in turn, in the same order, without building a
/// `String` for each.
///
/// In order without sorting: deleting any char of a run of equal chars gives one form, and
/// two forms of different runs first differ where the earlier run ends, so the earlier run's
/// form is the smaller exactly when the char after that run is smaller than the run's
/// ("descending"). Hence the forms of descending runs come first, in text order, then the
/// last run's (a prefix of the token), then the token, then the other runs' in reverse order.
pub fn each_deletion_variant(token: &str, mut f: impl FnMut(&str)) {
    if token.chars().count() < 4 {
        f(token);
        return;
    }
    let mut form = String::with_capacity(token.len());
    let mut without = |at: usize, c: char, f: &mut dyn FnMut(&str)| {
        form.clear();
        form.push_str(&token[..at]);
        form.push_str(&token[at + c.len_utf8()..]);
        f(&form);
    };
    let mut chars = token.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if chars.peek().is_none_or(|&(_, next)| next < c) {
            without(at, c, &mut f);
        }
    }
    f(token);
    let mut next = None;
    for (at, c) in token.char_indices().rev() {
        if next.is_some_and(|next| next > c) {
            without(at, c, &mut f);
        }
        next = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::Source;

    fn person(entity: &str) -> Mention {
        Mention {
            start: 0,
            end: 0,
            label: Label::Person,
            source: Source::Model,
            score: 1.0,
            entity: entity.to_string(),
            fixed_entity: false,
            link: Link::Surface,
            country: None,
            acronym: None,
            title: None,
            sentence: 0,
        }
    }

    fn entities(doc: &[Mention]) -> Vec<&str> {
        doc.iter().map(|m| m.entity.as_str()).collect()
    }

    #[test]
    fn distances() {
        assert_eq!(osa_distance("asasd", "assad", 3), 1);
        assert_eq!(osa_distance("rowhani", "rouhani", 3), 1);
        assert_eq!(osa_distance("jaber", "jaberi", 3), 1);
        assert!(similar_token("jaber", "jaberi"));
        assert!(!similar_token("bush", "busch"));
        assert!(!similar_token("george", "jeb"));
        assert!(!similar_token("dome", "domer"));
        let names = |a: &str, b: &str| similar_names(&name_keys(a), &name_keys(b));
        assert!(names("Abbas Araghchi", "Abbas Araqchi"));
        assert!(names("Hassan Rowhani", "Hassan Rouhani"));
        assert!(!names("Hoadley", "Harley"));
        assert!(!names("Abbas Araghchi", "Abbas Araghchi"));
        assert_eq!(name_key("al-Assad"), "assad");
    }

    #[test]
    fn within_document() {
        let mut doc = vec![
            person("Vladimir Putin"),
            person("Putin"),
            person("Jaberi Ansari"),
            person("Hossein Jaberi Ansari"),
            person("Asasd"),
            person("Bashar al-Assad"),
        ];
        link_within_document(&mut doc);
        assert_eq!(
            entities(&doc),
            [
                "Vladimir Putin",
                "Vladimir Putin",
                "Hossein Jaberi Ansari",
                "Hossein Jaberi Ansari",
                "Bashar al-Assad",
                "Bashar al-Assad"
            ]
        );
    }

    #[test]
    fn a_misspelling_links_only_where_no_name_is_spelled_alike() {
        // "President Ronald Reagan met Donald Regan at the White House. Reagan said ...".
        let mut doc = vec![
            person("Ronald Reagan"),
            person("Donald Regan"),
            person("Reagan"),
        ];
        link_within_document(&mut doc);
        assert_eq!(entities(&doc)[2], "Ronald Reagan");
        // "Maurice Greene won the 100 metres in Athens, Greece."
        let place = |entity: &str| Mention {
            label: Label::Loc,
            fixed_entity: true,
            link: Link::Gazetteer,
            ..person(entity)
        };
        let mut greece = vec![person("Maurice Greene"), place("Greece")];
        link_within_document(&mut greece);
        assert_eq!(
            (greece[1].label, greece[1].entity.as_str()),
            (Label::Loc, "Greece")
        );
    }

    #[test]
    fn a_nationality_word_may_be_a_surname_but_not_a_country_s_demonym() {
        let nationality = |entity: &str, country: Option<&str>| Mention {
            label: Label::Norp,
            fixed_entity: country.is_some(),
            link: if country.is_some() {
                Link::Gazetteer
            } else {
                Link::Surface
            },
            country: country.map(str::to_string),
            ..person(entity)
        };
        let mut doc = vec![
            person("Tom Meighan"),
            nationality("Meighan", None),
            person("Dawn French"),
            nationality("French", Some("France")),
        ];
        link_within_document(&mut doc);
        assert_eq!(doc[1].label, Label::Person);
        assert_eq!(entities(&doc)[1], "Tom Meighan");
        assert_eq!(
            (doc[3].label, doc[3].entity.as_str()),
            (Label::Norp, "French")
        );
    }

    /// The forms built in order are the sorted, distinct forms of every one-char deletion.
    #[test]
    fn deletion_variants_are_the_sorted_deletions() {
        let sorted = |token: &str| {
            let mut out = vec![token.to_string()];
            if token.chars().count() >= 4 {
                out.extend(
                    token
                        .char_indices()
                        .map(|(at, c)| format!("{}{}", &token[..at], &token[at + c.len_utf8()..])),
                );
            }
            out.sort_unstable();
            out.dedup();
            out
        };
        let alphabet: Vec<char> = "aabz\u{e9}\u{e8}\u{df}\u{4e2d}A".chars().collect();
        let mut seed = 7u64;
        for _ in 0..20_000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (seed >> 60) as usize % 9;
            let token: String = (0..len)
                .map(|k| alphabet[(seed >> (4 * k + 8)) as usize % alphabet.len()])
                .collect();
            assert_eq!(deletion_variants(&token), sorted(&token), "{token:?}");
        }
        for token in [
            "Assad",
            "Mississippi",
            "aaaa",
            "abcd",
            "dcba",
            "Zoë",
            "Müller",
        ] {
            assert_eq!(deletion_variants(token), sorted(token), "{token:?}");
        }
    }

    /// The key is the five replacements made in turn, each on the result of the last.
    #[test]
    fn transliteration_key_replaces_in_turn() {
        let chained = |t: &str| {
            t.replace("kh", "h")
                .replace("gh", "q")
                .replace("ou", "u")
                .replace("ee", "i")
                .replace('y', "i")
        };
        for token in [
            "araghchi", "khamenei", "rouhani", "gkh", "okhu", "yee", "kkhh", "assad", "",
        ] {
            assert_eq!(transliteration_key(token), chained(token), "{token:?}");
        }
        assert_eq!(
            transliteration_key("araghchi"),
            transliteration_key("araqchi")
        );
        assert_eq!(
            transliteration_key("rouhani"),
            transliteration_key("ruhani")
        );
    }
}
