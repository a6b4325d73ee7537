//! Canonical entities. Within a document, a surname or partial name links to the full name it
//! abbreviates ("Putin" → "Vladimir Putin", "Jaberi Ansari" → "Hossein Jaberi Ansari"), the
//! nearest earlier full name first. Across the corpus, spelling variants join when the names are
//! one edit apart token by token ("Rowhani"/"Rouhani", "Jaber Ansari"/"Jaberi Ansari") and the
//! documents share evidence (another entity in common); a lone surname joins a full name only
//! when exactly one full name in the corpus ends with it, so two people with one surname stay
//! apart. Gazetteer and user canonical names (aliases such as "Daesh" → "Islamic State") are
//! fixed and never rewritten.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Label, Mention};
use crate::text::fold::fold_quote;
use crate::text::lexicon::name_prefixes;

/// Comparison form of a name token: lowercase, typographic quotes made ASCII, and an article
/// prefix ("al-", "el-") dropped when three letters or more remain.
pub fn name_key(token: &str) -> String {
    let lower: String = token
        .chars()
        .map(|c| fold_quote(c).unwrap_or(c))
        .flat_map(char::to_lowercase)
        .collect();
    for prefix in name_prefixes().iter() {
        if let Some(rest) = lower.strip_prefix(prefix) {
            if rest.chars().count() >= 3 {
                return rest.to_string();
            }
        }
    }
    lower
}

fn name_keys(name: &str) -> Vec<String> {
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
/// enough for a typo to be told from a different name (≥ 5 chars; ≥ 4 when one contains the
/// other, "Jaber"/"Jaberi").
pub fn similar_token(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let shortest = la.min(lb);
    if shortest < 4 || (shortest < 5 && !(a.starts_with(b) || b.starts_with(a))) {
        return false;
    }
    // The first letter of a name is rarely mistyped; requiring it cuts false joins.
    a.chars().next() == b.chars().next() && osa_distance(a, b, 1) <= 1
}

fn similar_names(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| similar_token(x, y)) && a != b
}

/// A distinct full person name in a document: its comparison tokens, the name, and the
/// indices of the mentions naming it.
type FullName = (Vec<String>, String, Vec<usize>);

/// Links partial person names to full names within one document; also relabels a one-word
/// ORG/LOC mention as PERSON when it is the surname of a person named in full there.
pub fn link_within_document(mentions: &mut [Mention]) {
    let full_names = full_person_names(mentions);
    if full_names.is_empty() {
        return;
    }
    // Which full names a (label, name) can abbreviate; computed once per distinct name.
    let mut memo: HashMap<(bool, String), Vec<usize>> = HashMap::new();
    for (i, m) in mentions.iter_mut().enumerate() {
        if m.fixed_entity || !matches!(m.label, Label::Person | Label::Org | Label::Loc) {
            continue;
        }
        let person = m.label == Label::Person;
        let candidates = memo.entry((person, m.entity.clone())).or_insert_with(|| {
            let keys = name_keys(&m.entity);
            if !person && keys.len() != 1 {
                return Vec::new();
            }
            (0..full_names.len())
                .filter(|&d| abbreviates(&keys, &full_names[d].0, person))
                .collect()
        });
        if let Some(d) = nearest(&full_names, candidates, i) {
            m.entity = full_names[d].1.clone();
            m.label = Label::Person;
        }
    }
}

/// The distinct full names (two words or more) of people, not fixed by a gazetteer.
fn full_person_names(mentions: &[Mention]) -> Vec<FullName> {
    let mut distinct: Vec<FullName> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
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

/// The distinct (label, entity) keys of the corpus's linkable mentions (not fixed, not
/// dates), numbered in sorted order so ids do not depend on document order.
struct CorpusKeys {
    keys: Vec<(Label, String)>,
    id_of: BTreeMap<(Label, String), usize>,
    /// Each key's entity as comparison tokens ([`name_key`]).
    tokens: Vec<Vec<String>>,
}

impl CorpusKeys {
    fn of(docs: &[Vec<Mention>]) -> Self {
        let keys: Vec<(Label, String)> = docs
            .iter()
            .flatten()
            .filter(|m| !m.fixed_entity && m.label != Label::Date)
            .map(|m| (m.label, m.entity.clone()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let id_of = keys
            .iter()
            .cloned()
            .enumerate()
            .map(|(id, k)| (k, id))
            .collect();
        let tokens = keys.iter().map(|(_, e)| name_keys(e)).collect();
        CorpusKeys {
            keys,
            id_of,
            tokens,
        }
    }

    fn len(&self) -> usize {
        self.keys.len()
    }

    fn is_person(&self, id: usize) -> bool {
        self.keys[id].0 == Label::Person
    }
}

/// How often each key is mentioned, and the entities its documents mention.
struct Evidence {
    /// Mentions of each key.
    mentions: Vec<usize>,
    /// For each key, the entities (ids in `entities`) of the documents mentioning it.
    contexts: Vec<BTreeSet<usize>>,
    /// Every (label, entity) of the corpus, fixed ones and dates included, numbered in order
    /// of first mention.
    entities: BTreeMap<(Label, String), usize>,
}

impl Evidence {
    fn gather(docs: &[Vec<Mention>], keys: &CorpusKeys) -> Self {
        let mut evidence = Evidence {
            mentions: vec![0; keys.len()],
            contexts: vec![BTreeSet::new(); keys.len()],
            entities: BTreeMap::new(),
        };
        for doc in docs {
            let mut in_doc: BTreeSet<usize> = BTreeSet::new();
            let mut context: BTreeSet<usize> = BTreeSet::new();
            for m in doc {
                let len = evidence.entities.len();
                let any = *evidence
                    .entities
                    .entry((m.label, m.entity.clone()))
                    .or_insert(len);
                context.insert(any);
                if let Some(&id) = keys.id_of.get(&(m.label, m.entity.clone())) {
                    evidence.mentions[id] += 1;
                    in_doc.insert(id);
                }
            }
            for &id in &in_doc {
                evidence.contexts[id].extend(context.iter().copied());
            }
        }
        evidence
    }

    /// Whether two keys' documents mention a third entity in common.
    fn shares_context(&self, keys: &CorpusKeys, a: usize, b: usize) -> bool {
        let (own_a, own_b) = (self.entities[&keys.keys[a]], self.entities[&keys.keys[b]]);
        self.contexts[a]
            .intersection(&self.contexts[b])
            .any(|&c| c != own_a && c != own_b)
    }
}

/// The token and every form of it with one char deleted (symmetric-delete blocking).
fn deletion_variants(token: &str) -> BTreeSet<String> {
    let chars: Vec<char> = token.chars().collect();
    let mut out = BTreeSet::new();
    out.insert(token.to_string());
    if chars.len() >= 4 {
        for skip in 0..chars.len() {
            out.insert(
                chars
                    .iter()
                    .enumerate()
                    .filter(|&(k, _)| k != skip)
                    .map(|(_, c)| *c)
                    .collect(),
            );
        }
    }
    out
}

/// Clusters of keys (union-find); a cluster's root is its smallest id.
struct Clusters {
    parent: Vec<usize>,
}

impl Clusters {
    fn new(n: usize) -> Self {
        Clusters {
            parent: (0..n).collect(),
        }
    }

    fn root(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        self.parent[ra.max(rb)] = ra.min(rb);
    }
}

/// Joins spelling variants and lone surnames across all documents, in place.
pub fn join_across_corpus(docs: &mut [Vec<Mention>]) {
    let keys = CorpusKeys::of(docs);
    let evidence = Evidence::gather(docs, &keys);
    let mut clusters = Clusters::new(keys.len());
    join_spelling_variants(&keys, &evidence, &mut clusters);
    join_partial_names(&keys, &evidence, &mut clusters);
    let best = representatives(&keys, &evidence, &mut clusters);
    for m in docs.iter_mut().flatten() {
        if let Some(&id) = keys.id_of.get(&(m.label, m.entity.clone())) {
            let root = clusters.root(id);
            m.entity = keys.keys[best[&root]].1.clone();
        }
    }
}

/// Joins keys of one label whose names are one edit apart token by token ("Rowhani" /
/// "Rouhani") when their documents share evidence.
fn join_spelling_variants(keys: &CorpusKeys, evidence: &Evidence, clusters: &mut Clusters) {
    // Candidate pairs share a deletion variant of their last token (symmetric-delete blocking).
    let mut blocks: HashMap<(Label, usize, String), Vec<usize>> = HashMap::new();
    for (id, tokens) in keys.tokens.iter().enumerate() {
        let Some(last) = tokens.last() else { continue };
        if last.chars().count() < 4 {
            continue;
        }
        for v in deletion_variants(last) {
            blocks
                .entry((keys.keys[id].0, tokens.len(), v))
                .or_default()
                .push(id);
        }
    }
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for ids in blocks.values() {
        if ids.len() > 64 {
            continue; // a crowded block is a common stem, not a typo
        }
        for (x, &a) in ids.iter().enumerate() {
            for &b in &ids[x + 1..] {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    for (a, b) in pairs {
        if similar_names(&keys.tokens[a], &keys.tokens[b]) && evidence.shares_context(keys, a, b) {
            clusters.join(a, b);
        }
    }
}

/// A surname or partial name joins the only longer person name (cluster) ending with it
/// ("Putin" → "Vladimir Putin", "Jaberi Ansari" → "Hossein Jaber Ansari"); a spelling
/// variant needs shared evidence, as above. Two candidates (two Bushes) leave it alone.
fn join_partial_names(keys: &CorpusKeys, evidence: &Evidence, clusters: &mut Clusters) {
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
    for (id, tokens) in keys.tokens.iter().enumerate() {
        if keys.is_person(id) && tokens.len() >= 2 {
            for v in deletion_variants(&tokens[tokens.len() - 1]) {
                by_last.entry(v).or_default().push(id);
            }
        }
    }
    for (id, tokens) in keys.tokens.iter().enumerate() {
        if !keys.is_person(id) || tokens.is_empty() || tokens.len() > 2 {
            continue;
        }
        let mut candidates: BTreeSet<usize> = BTreeSet::new();
        for v in deletion_variants(&tokens[tokens.len() - 1]) {
            if let Some(ids) = by_last.get(&v) {
                candidates.extend(ids.iter().copied());
            }
        }
        let mut roots: BTreeSet<usize> = BTreeSet::new();
        for long in candidates {
            let full = &keys.tokens[long];
            if full.len() <= tokens.len() {
                continue;
            }
            let suffix = &full[full.len() - tokens.len()..];
            let exact = suffix == tokens.as_slice();
            let variant = suffix.iter().zip(tokens).all(|(x, y)| similar_token(x, y));
            if exact || (variant && evidence.shares_context(keys, id, long)) {
                roots.insert(clusters.root(long));
            }
        }
        // One candidate cluster only: with two (two Bushes) the name stays apart.
        if let (1, Some(&root)) = (roots.len(), roots.first()) {
            clusters.join(id, root);
        }
    }
}

/// Each cluster's representative key, by root: most mentions, then most words, then
/// alphabetical.
fn representatives(
    keys: &CorpusKeys,
    evidence: &Evidence,
    clusters: &mut Clusters,
) -> HashMap<usize, usize> {
    let rank = |k: usize| {
        (
            std::cmp::Reverse(evidence.mentions[k]),
            std::cmp::Reverse(keys.tokens[k].len()),
            &keys.keys[k].1,
        )
    };
    let mut best: HashMap<usize, usize> = HashMap::new();
    for id in 0..keys.len() {
        let root = clusters.root(id);
        let entry = best.entry(root).or_insert(id);
        if rank(id) < rank(*entry) {
            *entry = id;
        }
    }
    best
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
    fn across_corpus() {
        let mut docs = vec![
            vec![
                person("Hassan Rowhani"),
                person("Vladimir Putin"),
                person("Hossein Jaber Ansari"),
            ],
            vec![
                person("Hassan Rouhani"),
                person("Vladimir Putin"),
                person("Hossein Jaberi Ansari"),
            ],
            vec![person("Hassan Rowhani"), person("Vladimir Putin")],
            vec![person("George Bush"), person("Tony Blair")],
            vec![person("Jeb Bush"), person("Marco Rubio")],
            vec![person("Bush")],
            vec![person("Rubio")],
            vec![person("Jaberi Ansari"), person("Vladimir Putin")],
        ];
        join_across_corpus(&mut docs);
        assert_eq!(docs[1][0].entity, "Hassan Rowhani");
        assert_eq!(docs[0][2].entity, docs[1][2].entity);
        assert_eq!(docs[3][0].entity, "George Bush");
        assert_eq!(docs[4][0].entity, "Jeb Bush");
        assert_eq!(docs[5][0].entity, "Bush");
        assert_eq!(docs[6][0].entity, "Marco Rubio");
        assert_eq!(docs[7][0].entity, docs[0][2].entity);
    }
}
