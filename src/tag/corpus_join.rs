//! Names joined across the corpus, once every document is tagged:
//!
//! 1. Spelling variants: names of as many words, each one edit apart, transliterated or
//!    written in another case ("Hassan Rowhani" / "Hassan Rouhani", "Abbas Araghchi" /
//!    "Abbas Araqchi", "Securities and Exchange commission"), whose
//!    documents share another entity that is not a hub. Each variant joins the most mentioned
//!    name it is a variant of, never a variant of a variant ("Hoadley" / "Hadley" / "Harley"
//!    stay three). A one-word name joins only as a rare misspelling of a name far more common.
//! 2. Acronyms: an acronym used alone ("EC") joins the expansion that the corpus's in-text
//!    definitions give it ("European Community (EC)"), when two thirds of them agree.
//! 3. Surnames and partial names: a lone "Reagan" joins the full name ending with it that
//!    its document's other entities point to. With one such person in the corpus it is that
//!    one; with several ("George Bush", "Jeb Bush"; "James Baker", "Howard Baker") the
//!    document must share at least two entities with one of them and twice as many as with
//!    any other. Where its evidence does not decide, the surname names the person the corpus
//!    uses it for, if one is dominant (in ten times the documents of all the others, counting
//!    the documents naming them in full and those whose evidence read the surname as them),
//!    else it stays apart. When the documents' publication days or outlets are known, the
//!    documents near it come first: those published within
//!    [`NEARBY_DAYS`](super::NEARBY_DAYS) of it, then those of its outlet (a document of
//!    unknown day or outlet may be near, and counts). The first of these that leaves out
//!    some document naming one of the people decides, counted the same way: one dominant
//!    person there is the one ("Bush" in 1990 is George Bush, in 2015 Jeb Bush), several keep
//!    the surname apart; the corpus as a whole decides only where neither does. `linked_by`
//!    tells which: `nearby dates`, `same outlet` or `surname`.
//!
//! 4. Companies read as people: a "person" beginning the names of companies with a legal form
//!    or trade ("Drexel" of "Drexel Burnham Lambert Inc") names the company, where the counts
//!    agree and no surname join named a person (`company_names.rs`).
//! 5. Companies' spellings: organisation names that differ only in their legal form, a
//!    possessive before it or "&" ("Standard and Poor's Corp", "Standard & Poor's") name one
//!    company (`company_forms.rs`), linked as short names.
//!
//! Evidence is what documents mention together. Hubs, the entities in more than one document
//! in fifty ("United States", "Reuters"), tell nothing and are left out. Each document
//! contributes a fixed-size sample of its entities (the [`SAMPLE`] with the smallest hashes),
//! so time and memory grow linearly with the mentions, however many entities one document
//! names. Every choice depends on the names and counts only, never on the order of the
//! documents. Gazetteer and user names (fixed) are never rewritten, but other names join them.

use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};

use super::canonical::{
    deletion_variants, name_keys, similar_names, similar_token, transliteration_key,
};
use super::company_forms::company_form_joins;
use super::company_names::{company_short_names, NameCount};
use super::mention::{Label, Link, Mention, Source};
use super::name_endings::NameEndings;
use super::publication::{Places, Publication, Reach, Spread};

/// An entity in more documents than this and than one in [`HUB_SHARE`] is a hub.
const HUB_MIN_DOCUMENTS: usize = 50;
const HUB_SHARE: usize = 50;
/// Entities of a document that count as its evidence.
const SAMPLE: usize = 32;
/// A block of more names than this is a common stem, not a typo.
const CROWDED_BLOCK: usize = 64;
/// Spelling blocks are gathered for a share of their hashes at a time, one share per this
/// many keys: ~8 forms of 16 bytes a key, ~130 MB at most.
const KEYS_PER_SHARE: usize = 1 << 20;
/// A surname shared by more full names than this is left alone.
const MAX_CANDIDATES: usize = 32;
/// A one-word name is a misspelling only in this many documents or fewer...
const RARE_DOCUMENTS: u32 = 2;
/// ...of a name in this many times more documents.
const COMMON_FACTOR: u32 = 5;
/// Entities a document must share with a person, and the factor over any other person with
/// that surname, to name them by a surname alone.
const SURNAME_EVIDENCE: usize = 2;
const SURNAME_MARGIN: usize = 2;
/// Where evidence does not decide, a surname names the one person with this many times the
/// documents of all the others with that surname together.
const DOMINANT_FACTOR: u64 = 10;
/// Documents near a surname must name its person in at least this many documents, and in one
/// for every this many documents there that write the surname alone: one "Rio Grande Western"
/// does not name the "Western" of eighty documents.
const NEARBY_MIN_DOCUMENTS: u64 = 4;
/// A word read as a place or firm in this many documents or more, and in this many times the
/// documents that use it for people, is no surname.
const PLACE_OR_FIRM_DOCUMENTS: u32 = 10;
const PLACE_OR_FIRM_FACTOR: u64 = 4;
const NEARBY_BARE_SHARE: u64 = 4;

/// One distinct (label, entity) of the corpus; its name is `CorpusNames::text[start..end]`.
struct Key {
    label: Label,
    start: usize,
    end: usize,
    /// Words of the name (its `name_keys`).
    words: u32,
    hash: u64,
    mentions: u32,
    documents: u32,
    /// Named by the gazetteer or the caller somewhere, or settled in a document (a company's
    /// short name, an acronym): renamed only as a company's other spelling.
    fixed: bool,
    /// Named by the gazetteer or the caller somewhere: never renamed.
    named: bool,
}

/// The hash of a (label, entity), which orders evidence samples and finds keys.
fn key_hash(label: Label, entity: &str) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(label.as_str().as_bytes());
    hasher.update(b"\t");
    hasher.update(entity.as_bytes());
    hasher.digest()
}

/// Lists of key ids one after the other (a document's keys, its evidence sample): one
/// allocation for the whole corpus, not one per document.
#[derive(Default)]
struct Lists {
    items: Vec<u32>,
    ends: Vec<usize>,
}

impl Lists {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.items[start..self.ends[i]]
    }

    /// Ends the list begun by the items pushed since the last one ended.
    fn end(&mut self) {
        self.ends.push(self.items.len());
    }

    fn iter(&self) -> impl Iterator<Item = &[u32]> {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// What the join reads of a corpus, gathered document by document: each distinct (label,
/// name) once as a key, with its counts; of each document only the ids of its distinct keys,
/// its in-text acronym definitions and its publication. No mention is kept, so a corpus
/// tagged chunk by chunk holds a few bytes per distinct name of each document until the join.
#[derive(Default)]
pub struct CorpusNames {
    keys: Vec<Key>,
    /// Every key's name, one after the other.
    text: String,
    /// Key hash → key id; keys whose hash an earlier key has are in `collided`.
    ids: HashMap<u64, u32>,
    collided: HashMap<(Label, Box<str>), u32>,
    /// Each document's distinct keys (DATE names take no part), sorted.
    doc_keys: Lists,
    /// Each in-text acronym definition, once per document: (acronym, key of its expansion).
    definitions: Vec<(Box<str>, u32)>,
    /// Where each document's definitions end in `definitions`.
    definition_ends: Vec<usize>,
    places: Places,
}

impl CorpusNames {
    /// Adds the next document's mentions, published as `publication` says.
    pub fn add(&mut self, mentions: &[Mention], publication: &Publication) {
        let start = self.doc_keys.items.len();
        let mut defined: BTreeSet<(&str, u32)> = BTreeSet::new();
        for m in mentions.iter().filter(|m| m.label != Label::Date) {
            let id = self.id_or_insert(m.label, &m.entity);
            let key = &mut self.keys[id as usize];
            key.mentions += 1;
            key.fixed |= m.fixed_entity;
            key.named |= matches!(m.link, Link::Gazetteer | Link::User);
            self.doc_keys.items.push(id);
            if let (Link::Acronym, Some(acronym)) = (m.link, &m.acronym) {
                defined.insert((acronym.as_str(), id));
            }
        }
        let here = &mut self.doc_keys.items[start..];
        here.sort_unstable();
        let distinct = start + dedup_sorted(here);
        self.doc_keys.items.truncate(distinct);
        for &id in &self.doc_keys.items[start..] {
            self.keys[id as usize].documents += 1;
        }
        self.doc_keys.end();
        let definitions = defined.into_iter().map(|(a, k)| (Box::from(a), k));
        self.definitions.extend(definitions);
        self.definition_ends.push(self.definitions.len());
        self.places.push(publication);
    }

    /// Documents added so far.
    pub fn documents(&self) -> usize {
        self.doc_keys.len()
    }

    /// The label and name of key `id`.
    pub fn name(&self, id: u32) -> (Label, &str) {
        (self.key(id).label, self.entity(id))
    }

    /// Mentions that give the join what it kept of the documents, as [`CorpusNames::add`]
    /// takes them, with each document's publication: each distinct name of a document once
    /// (once per acronym defining it there), and the mentions of a name beyond those on the
    /// first document naming it, so that another `CorpusNames` adding them joins the same.
    pub fn mentions(&self) -> impl Iterator<Item = (Vec<Mention>, Publication)> + '_ {
        let mut emitted = vec![0u32; self.keys.len()];
        for d in 0..self.documents() {
            for (k, definitions) in self.document(d) {
                emitted[k as usize] += definitions.len().max(1) as u32;
            }
        }
        let mut first = vec![true; self.keys.len()];
        (0..self.documents()).map(move |d| {
            let mut doc = Vec::new();
            for (k, definitions) in self.document(d) {
                let key = self.key(k);
                let surplus = if std::mem::take(&mut first[k as usize]) {
                    key.mentions - emitted[k as usize]
                } else {
                    0
                };
                let plain = if definitions.is_empty() { 1 } else { 0 } + surplus;
                let mention = |acronym: Option<&str>| Mention {
                    start: 0,
                    end: 0,
                    label: key.label,
                    source: Source::Model,
                    score: 0.0,
                    entity: self.entity(k).to_string(),
                    fixed_entity: key.fixed,
                    link: match (acronym, key.named) {
                        (Some(_), _) => Link::Acronym,
                        (None, true) => Link::Gazetteer,
                        (None, false) => Link::Surface,
                    },
                    country: None,
                    acronym: acronym.map(str::to_string),
                    title: None,
                    sentence: 0,
                };
                doc.extend(definitions.iter().map(|a| mention(Some(a))));
                doc.extend((0..plain).map(|_| mention(None)));
            }
            (doc, self.places.publication(d))
        })
    }

    /// Document `d`'s keys, each with the acronyms it defines there.
    fn document(&self, d: usize) -> impl Iterator<Item = (u32, Vec<&str>)> + '_ {
        let start = if d == 0 {
            0
        } else {
            self.definition_ends[d - 1]
        };
        let definitions = &self.definitions[start..self.definition_ends[d]];
        self.doc_keys.get(d).iter().map(move |&k| {
            let defined = definitions.iter().filter(|x| x.1 == k).map(|x| &*x.0);
            (k, defined.collect())
        })
    }

    /// Each document's evidence: its non-hub keys with the smallest hashes.
    fn samples(&self) -> Lists {
        let hub_above = HUB_MIN_DOCUMENTS.max(self.documents() / HUB_SHARE) as u32;
        let mut samples = Lists::default();
        let mut sample: Vec<u32> = Vec::new();
        for here in self.doc_keys.iter() {
            sample.clear();
            let keys = &self.keys;
            sample.extend(
                here.iter()
                    .copied()
                    .filter(|&k| keys[k as usize].documents <= hub_above),
            );
            sample.sort_unstable_by_key(|&k| keys[k as usize].hash);
            sample.truncate(SAMPLE);
            samples.items.extend_from_slice(&sample);
            samples.end();
        }
        samples
    }

    fn id_or_insert(&mut self, label: Label, entity: &str) -> u32 {
        let hash = key_hash(label, entity);
        if let Some(id) = self.find(hash, label, entity) {
            return id;
        }
        let id = self.keys.len() as u32;
        let start = self.text.len();
        self.text.push_str(entity);
        self.keys.push(Key {
            label,
            start,
            end: self.text.len(),
            words: name_keys(entity).len() as u32,
            hash,
            mentions: 0,
            documents: 0,
            fixed: false,
            named: false,
        });
        if let Some(&first) = self.ids.get(&hash) {
            debug_assert_ne!(self.name(first), (label, entity));
            self.collided.insert((label, Box::from(entity)), id);
        } else {
            self.ids.insert(hash, id);
        }
        id
    }

    fn find(&self, hash: u64, label: Label, entity: &str) -> Option<u32> {
        let first = *self.ids.get(&hash)?;
        if self.name(first) == (label, entity) {
            return Some(first);
        }
        self.collided.get(&(label, Box::from(entity))).copied()
    }

    fn id(&self, label: Label, entity: &str) -> Option<u32> {
        self.find(key_hash(label, entity), label, entity)
    }

    fn key(&self, id: u32) -> &Key {
        &self.keys[id as usize]
    }

    fn entity(&self, id: u32) -> &str {
        let key = self.key(id);
        &self.text[key.start..key.end]
    }

    /// The words of key `id`'s name, as `name_keys` gives them.
    fn tokens(&self, id: u32) -> Vec<String> {
        name_keys(self.entity(id))
    }

    /// The keys as the company rule reads them, aligned with their ids.
    fn name_counts(&self) -> Vec<NameCount<'_>> {
        (0..self.keys.len() as u32)
            .map(|id| {
                let k = self.key(id);
                NameCount {
                    label: k.label,
                    entity: self.entity(id),
                    words: k.words,
                    mentions: k.mentions,
                    documents: k.documents,
                    fixed: k.fixed,
                    named: k.named,
                }
            })
            .collect()
    }

    /// The order in which keys name clusters: most mentioned, longest, then by name.
    fn rank(&self, id: u32) -> (Reverse<u32>, Reverse<u32>, &str, Label) {
        let key = self.key(id);
        (
            Reverse(key.mentions),
            Reverse(key.words),
            self.entity(id),
            key.label,
        )
    }
}

/// Moves the distinct values of sorted `items` to its front; returns how many there are.
fn dedup_sorted(items: &mut [u32]) -> usize {
    let mut kept = 0;
    for i in 0..items.len() {
        if kept == 0 || items[i] != items[kept - 1] {
            items[kept] = items[i];
            kept += 1;
        }
    }
    kept
}

/// The keys of a corpus being joined and each document's evidence sample.
struct Corpus<'a> {
    names: &'a CorpusNames,
    samples: Lists,
}

impl<'a> std::ops::Deref for Corpus<'a> {
    type Target = CorpusNames;
    fn deref(&self) -> &CorpusNames {
        self.names
    }
}

/// What the documents of each wanted key mention: the other keys of their evidence samples,
/// sorted and distinct, 4 bytes a key (only whether a key is there is ever asked), one list
/// after the other.
struct Profiles {
    /// The wanted keys, increasing; `lists.get(i)` is `keys[i]`'s.
    keys: Vec<u32>,
    lists: Lists,
}

impl Profiles {
    /// Built one wanted key at a time from the documents naming it, so that each list is
    /// written once at its final length: no list grows in place and leaves freed room behind.
    fn build(corpus: &Corpus, wanted: &BTreeSet<u32>) -> Self {
        let keys: Vec<u32> = wanted.iter().copied().collect();
        let documents = documents_naming(corpus, &keys);
        let mut lists = Lists::default();
        let mut list: Vec<u32> = Vec::new();
        for (row, &k) in keys.iter().enumerate() {
            list.clear();
            for &d in documents.get(row) {
                let sample = corpus.samples.get(d as usize);
                list.extend(sample.iter().filter(|&&o| o != k));
            }
            sort_distinct(&mut list);
            lists.items.extend_from_slice(&list);
            lists.end();
        }
        lists.items.shrink_to_fit();
        Profiles { keys, lists }
    }

    /// Key `k`'s profile, if it is wanted.
    fn get(&self, k: u32) -> Option<&[u32]> {
        let row = self.keys.binary_search(&k).ok()?;
        Some(self.lists.get(row))
    }

    /// Whether the documents of `a` and of `b` mention a third entity in common.
    fn share_context(&self, a: u32, b: u32) -> bool {
        let (Some(pa), Some(pb)) = (self.get(a), self.get(b)) else {
            return false;
        };
        let (small, large) = if pa.len() <= pb.len() {
            (pa, pb)
        } else {
            (pb, pa)
        };
        small
            .iter()
            .any(|o| *o != a && *o != b && large.binary_search(o).is_ok())
    }

    /// How many of `sample` (other than `skip`) the documents of any of `members` mention.
    fn evidence(&self, members: &[u32], sample: &[u32], skip: u32) -> usize {
        sample
            .iter()
            .filter(|&&o| o != skip && !members.contains(&o))
            .filter(|o| {
                members
                    .iter()
                    .any(|&m| self.get(m).is_some_and(|p| p.binary_search(o).is_ok()))
            })
            .count()
    }
}

/// The documents naming each of `keys` (increasing), as lists aligned with them.
fn documents_naming(corpus: &Corpus, keys: &[u32]) -> Lists {
    // Where each key's list begins (then where its next document goes), and where it ends.
    let mut next = Vec::with_capacity(keys.len());
    let mut ends = Vec::with_capacity(keys.len());
    let mut total = 0;
    for &k in keys {
        next.push(total);
        total += corpus.key(k).documents as usize;
        ends.push(total);
    }
    let mut items = vec![0u32; total];
    for (d, here) in corpus.doc_keys.iter().enumerate() {
        for row in here.iter().filter_map(|k| keys.binary_search(k).ok()) {
            items[next[row]] = d as u32;
            next[row] += 1;
        }
    }
    Lists { items, ends }
}

/// `list` sorted, each value once.
fn sort_distinct(list: &mut Vec<u32>) {
    list.sort_unstable();
    list.dedup();
}

/// A name the join changes in one document: every mention of key `key` there becomes key
/// `joined`, linked by `link`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rename {
    pub doc: usize,
    pub key: u32,
    pub joined: u32,
    pub link: Link,
}

impl CorpusNames {
    /// Joins the names across all documents added (see the module docs): the names it
    /// changes, by document.
    pub fn join(&self) -> Vec<Rename> {
        let corpus = Corpus {
            names: self,
            samples: self.samples(),
        };
        let places = &self.places;
        let pairs = spelling_pairs(&corpus);
        let partials = partial_names(&corpus);
        let profiles = Profiles::build(&corpus, &profiled_keys(&corpus, &pairs, &partials));
        let name_counts = corpus.name_counts();
        let company_forms: HashMap<u32, u32> =
            company_form_joins(&name_counts).into_iter().collect();
        let anchor = spelling_anchors(&corpus, &pairs, &profiles);
        let representative = |k: u32| {
            let a = anchor.get(&k).copied().unwrap_or(k);
            company_forms.get(&a).copied().unwrap_or(a)
        };
        let mut renamed: HashMap<u32, (u32, Link)> = anchor
            .iter()
            .map(|(&k, &a)| (k, (representative(a), Link::Spelling)))
            .collect();
        for (&k, &company) in &company_forms {
            renamed.entry(k).or_insert((company, Link::ShortName));
        }
        for (k, expansion) in acronym_expansions(&corpus) {
            renamed
                .entry(k)
                .or_insert((representative(expansion), Link::Acronym));
        }
        for (k, company) in company_short_names(&name_counts) {
            renamed
                .entry(k)
                .or_insert((representative(company), Link::ShortName));
        }
        // A row per key of the corpus, read only by the company rules: not held while the
        // surnames' documents are counted.
        drop(name_counts);
        let (named, bare) = name_spreads(&corpus, &partials, places);
        let clusters = partial_clusters(&partials, &profiles, &representative);
        drop(partials);
        let readings = Readings {
            usage: surname_usage(&corpus, &clusters, &profiles, places),
            named,
            bare,
            places,
        };
        let surnames =
            |d: usize| surnames_in_document(&corpus, &clusters, &profiles, d, Some(&readings));
        self.renames_by_document(&surnames, &renamed)
    }

    /// The renames of every document: its surnames' referents first, then the corpus-wide
    /// `renamed` (spellings, company forms, acronyms, short names).
    fn renames_by_document(
        &self,
        surnames: &dyn Fn(usize) -> HashMap<u32, (u32, Link)>,
        renamed: &HashMap<u32, (u32, Link)>,
    ) -> Vec<Rename> {
        let mut out = Vec::new();
        for d in 0..self.documents() {
            let surnames = surnames(d);
            for &key in self.doc_keys.get(d) {
                let target = surnames.get(&key).or_else(|| renamed.get(&key)).copied();
                if let Some((joined, link)) = target.filter(|t| t.0 != key) {
                    out.push(Rename {
                        doc: d,
                        key,
                        joined,
                        link,
                    });
                }
            }
        }
        out
    }
}

/// Joins names across all documents, in place (see the module docs). `publications` gives
/// each document's day and outlet where known (aligned with `docs`; it may be shorter, or
/// empty when none is known).
pub fn join_across_corpus(docs: &mut [Vec<Mention>], publications: &[Publication]) {
    let mut names = CorpusNames::default();
    let unknown = Publication::default();
    for (d, doc) in docs.iter().enumerate() {
        names.add(doc, publications.get(d).unwrap_or(&unknown));
    }
    let renames = names.join();
    for (d, doc) in docs.iter_mut().enumerate() {
        let from = renames.partition_point(|r| r.doc < d);
        let here = &renames[from..renames.partition_point(|r| r.doc <= d)];
        if here.is_empty() {
            continue;
        }
        for m in doc.iter_mut().filter(|m| m.label != Label::Date) {
            let Some(k) = names.id(m.label, &m.entity) else {
                continue;
            };
            let renamable = |r: &&Rename| !m.fixed_entity || renames_settled_names(r, m);
            if let Some(r) = here.iter().find(|r| r.key == k).filter(renamable) {
                let (label, entity) = names.name(r.joined);
                m.entity = entity.to_string();
                m.label = label;
                m.link = r.link;
            }
        }
    }
}

/// Whether rename `r` applies to a mention settled in its document (a company's short name, an
/// acronym): only a company's other spelling does, never to the gazetteer's or caller's names.
fn renames_settled_names(r: &Rename, m: &Mention) -> bool {
    r.link == Link::ShortName && !matches!(m.link, Link::Gazetteer | Link::User)
}

/// The keys whose profiles the join reads: both of each spelling pair; a partial name and
/// its candidates that are variants of it (shared evidence decides those); the candidates
/// whose evidence is weighed, where a document may choose among them (a partial name with
/// several candidates, or one not read as a person).
fn profiled_keys(
    corpus: &Corpus,
    pairs: &BTreeSet<(u32, u32)>,
    partials: &HashMap<u32, Vec<Candidate>>,
) -> BTreeSet<u32> {
    let mut wanted: BTreeSet<u32> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    for (&p, candidates) in partials {
        let weighed = candidates.len() > 1 || corpus.key(p).label != Label::Person;
        let read = candidates.iter().filter(|&&(_, exact)| weighed || !exact);
        wanted.extend(read.map(|c| c.0));
        if candidates.iter().any(|&(_, exact)| !exact) {
            wanted.insert(p);
        }
    }
    wanted
}

/// Pairs of keys (smaller id first) that may be spellings of one name: same label, as many
/// words, a last word sharing a one-deletion form or a transliteration (or the same words in
/// another case), and not both fixed. The blocks are gathered a share of their hashes at a
/// time, so that a large corpus never holds every form of every name at once.
fn spelling_pairs(corpus: &Corpus) -> BTreeSet<(u32, u32)> {
    spelling_pairs_in_shares(
        corpus,
        corpus.keys.len().div_ceil(KEYS_PER_SHARE).max(1) as u64,
    )
}

fn spelling_pairs_in_shares(corpus: &Corpus, shares: u64) -> BTreeSet<(u32, u32)> {
    let mut pairs = BTreeSet::new();
    for share in 0..shares {
        let blocks = spelling_blocks(corpus, |hash| hash % shares == share);
        let small = |block: &&[(u64, u32)]| block.len() <= CROWDED_BLOCK;
        for block in blocks.chunk_by(|a, b| a.0 == b.0).filter(small) {
            pairs_in_block(corpus, block, &mut pairs);
        }
    }
    pairs
}

/// (block, key) for each block a key is in whose hash `wanted` takes, sorted: the blocks as
/// runs, a few bytes a key.
fn spelling_blocks(corpus: &Corpus, wanted: impl Fn(u64) -> bool) -> Vec<(u64, u32)> {
    let mut blocks: Vec<(u64, u32)> = Vec::new();
    for id in 0..corpus.keys.len() as u32 {
        let tokens = corpus.tokens(id);
        let Some(last) = tokens.last() else {
            continue;
        };
        if last.chars().count() < 5 {
            continue;
        }
        let mut forms = deletion_variants(last);
        let transliterated = format!("\u{1}{}", transliteration_key(last));
        if !forms.contains(&transliterated) {
            forms.push(transliterated);
        }
        let label = corpus.key(id).label;
        let hashes = forms
            .iter()
            .map(|form| form_hash(label, tokens.len(), form));
        blocks.extend(hashes.filter(|&h| wanted(h)).map(|h| (h, id)));
    }
    blocks.sort_unstable();
    blocks
}

/// The pairs of one block's keys that may be spellings of one name, into `pairs`.
fn pairs_in_block(corpus: &Corpus, block: &[(u64, u32)], pairs: &mut BTreeSet<(u32, u32)>) {
    let tokens: Vec<Vec<String>> = block.iter().map(|&(_, id)| corpus.tokens(id)).collect();
    for (x, &(_, a)) in block.iter().enumerate() {
        for (y, &(_, b)) in block.iter().enumerate().skip(x + 1) {
            let (ka, kb) = (corpus.key(a), corpus.key(b));
            if !(ka.fixed && kb.fixed)
                && (tokens[x] == tokens[y] || similar_names(&tokens[x], &tokens[y]))
                && (ka.words >= 2 || rare_misspelling(ka, kb))
            {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
}

/// The hash of a block of names: label, words and a form of the last word. Blocks are
/// compared by these 64-bit hashes, not their text.
fn form_hash(label: Label, words: usize, form: &str) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&[label.index() as u8]);
    hasher.update(&(words as u64).to_le_bytes());
    hasher.update(form.as_bytes());
    hasher.digest()
}

/// One of two one-word names is in few documents, the other in many more.
fn rare_misspelling(a: &Key, b: &Key) -> bool {
    let (rare, common) = if a.documents <= b.documents {
        (a, b)
    } else {
        (b, a)
    };
    rare.documents <= RARE_DOCUMENTS && common.documents >= COMMON_FACTOR * rare.documents
}

/// The key each spelling variant joins: of its variants sharing evidence, the highest ranked
/// one that ranks above it and joins nothing itself. Stars, never chains.
fn spelling_anchors(
    corpus: &Corpus,
    pairs: &BTreeSet<(u32, u32)>,
    profiles: &Profiles,
) -> HashMap<u32, u32> {
    let mut partners: HashMap<u32, Vec<u32>> = HashMap::new();
    for &(a, b) in pairs {
        if profiles.share_context(a, b) {
            partners.entry(a).or_default().push(b);
            partners.entry(b).or_default().push(a);
        }
    }
    let mut order: Vec<u32> = partners.keys().copied().collect();
    order.sort_by(|&a, &b| corpus.rank(a).cmp(&corpus.rank(b)));
    let mut anchor: HashMap<u32, u32> = HashMap::new();
    let mut is_anchor: BTreeSet<u32> = BTreeSet::new();
    for &k in &order {
        if anchor.contains_key(&k) {
            continue;
        }
        let mut variants = partners[&k].clone();
        variants.sort_by(|&a, &b| corpus.rank(a).cmp(&corpus.rank(b)));
        for v in variants {
            let below = corpus.rank(v) > corpus.rank(k);
            if below && !corpus.key(v).fixed && !anchor.contains_key(&v) && !is_anchor.contains(&v)
            {
                anchor.insert(v, k);
                is_anchor.insert(k);
            }
        }
    }
    anchor
}

/// Bare acronyms (free one-word ORG keys, and PERSON keys: an acronym the model read as a
/// person where no definition was at hand, "GATT said") and the expansion two thirds of the
/// corpus's in-text definitions of them agree on.
fn acronym_expansions(corpus: &Corpus) -> Vec<(u32, u32)> {
    // acronym → expansion key → documents defining it so
    let mut definitions: HashMap<&str, HashMap<u32, u32>> = HashMap::new();
    for (acronym, k) in &corpus.definitions {
        *definitions
            .entry(&**acronym)
            .or_default()
            .entry(*k)
            .or_default() += 1;
    }
    let mut out = Vec::new();
    for (acronym, expansions) in definitions {
        let total: u32 = expansions.values().sum();
        let best = expansions
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(corpus.rank(*b.0).cmp(&corpus.rank(*a.0))));
        let Some((&expansion, _)) = best.filter(|b| b.1 * 3 >= total * 2) else {
            continue;
        };
        for label in [Label::Org, Label::Person] {
            if let Some(k) = corpus.id(label, acronym) {
                if !corpus.key(k).fixed && expansion != k {
                    out.push((k, expansion));
                }
            }
        }
    }
    out.sort_unstable();
    out
}

/// A full name a partial name may stand for, and whether it ends with exactly its words.
type Candidate = (u32, bool);

/// Partial names (free PERSON keys of one or two words; free one-word ORG and LOC keys, which
/// may be a person's surname read as a place or firm, when the corpus also uses the word for
/// people) and the longer person names ending with them. Exact endings only where there are
/// any; variants need shared evidence later.
fn partial_names(corpus: &Corpus) -> HashMap<u32, Vec<Candidate>> {
    let full_names: Vec<u32> = (0..corpus.keys.len() as u32)
        .filter(|&id| corpus.key(id).label == Label::Person && corpus.key(id).words >= 2)
        .collect();
    let endings = NameEndings::build(&full_names, |id| corpus.tokens(id));
    drop(full_names);
    let mut out = HashMap::new();
    for id in 0..corpus.keys.len() as u32 {
        let key = corpus.key(id);
        let partial = match key.label {
            Label::Person => (1..=2).contains(&key.words),
            Label::Org | Label::Loc => key.words == 1,
            _ => false,
        };
        if key.fixed || !partial {
            continue;
        }
        let tokens = corpus.tokens(id);
        let Some(candidates) = candidates_of(corpus, &endings, key.label, &tokens) else {
            continue;
        };
        if !candidates.is_empty() && read_as_person_enough(corpus, id, &candidates) {
            out.insert(id, candidates);
        }
    }
    out
}

/// The full names a partial name (`tokens`, of a key labelled `label`) may stand for: those
/// ending with it exactly where there are any, else (for a PERSON) those ending with similar
/// words; `None` where there are more than [`MAX_CANDIDATES`] (the partial name is then left
/// alone). Each look-up reads only the names under its ending and stops past the limit, so a
/// common surname costs no more than a rare one.
fn candidates_of(
    corpus: &Corpus,
    endings: &NameEndings,
    label: Label,
    tokens: &[String],
) -> Option<Vec<Candidate>> {
    let ends_exactly = |f: &u32| {
        let full = corpus.tokens(*f);
        full.len() > tokens.len() && full[full.len() - tokens.len()..] == *tokens
    };
    let exact = at_most(endings.exact(tokens).filter(ends_exactly), MAX_CANDIDATES)?;
    if !exact.is_empty() {
        return Some(exact.into_iter().map(|f| (f, true)).collect());
    }
    if label != Label::Person {
        return Some(Vec::new());
    }
    let ends_similarly = |f: &u32| {
        let full = corpus.tokens(*f);
        let Some(suffix) = full.len().checked_sub(tokens.len()).map(|at| &full[at..]) else {
            return false;
        };
        suffix != tokens && suffix.iter().zip(tokens).all(|(x, y)| similar_token(x, y))
    };
    let similar: Vec<u64> = endings
        .similar(tokens)
        .into_iter()
        .filter(|(_, first)| ends_similarly(first))
        .map(|(ending, _)| ending)
        .collect();
    // The names of one ending share its words: a surname spelt like a common one has more
    // candidates than allowed as soon as the endings' names are counted, before any is read.
    let named: usize = similar.iter().map(|&e| endings.ending_with(e).len()).sum();
    if named > MAX_CANDIDATES {
        return None;
    }
    let mut found: Vec<u32> = similar
        .into_iter()
        .flat_map(|ending| endings.ending_with(ending))
        .collect();
    sort_distinct(&mut found);
    let variants = at_most(found.into_iter().filter(ends_similarly), MAX_CANDIDATES)?;
    Some(variants.into_iter().map(|f| (f, false)).collect())
}

/// The items, or `None` where there are more than `limit` (reading no further).
fn at_most(items: impl Iterator<Item = u32>, limit: usize) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    for item in items {
        if out.len() == limit {
            return None;
        }
        out.push(item);
    }
    Some(out)
}

/// Whether a partial name may be a person's: always for a PERSON key; a word read as a place
/// or firm in many documents only when the corpus uses it for people (alone as a person, or in
/// the full names ending with it) in a fair share of as many ("Reagan" of "the Reagan
/// administration" is Ronald Reagan; "Labour" beside one headline's "Blair Labour" is the
/// party; a rugby line-up's "O'Callaghan" read as a place is still Donnacha O'Callaghan).
fn read_as_person_enough(corpus: &Corpus, id: u32, candidates: &[Candidate]) -> bool {
    let key = corpus.key(id);
    if key.label == Label::Person || key.documents < PLACE_OR_FIRM_DOCUMENTS {
        return true;
    }
    let alone = corpus
        .id(Label::Person, corpus.entity(id))
        .map_or(0, |p| corpus.key(p).documents);
    let named: u32 = candidates.iter().map(|c| corpus.key(c.0).documents).sum();
    u64::from(alone + named) * PLACE_OR_FIRM_FACTOR >= u64::from(key.documents)
}

/// The PERSON key of a word read as a place or firm, when the corpus writes the word alone as
/// a person in [`PLACE_OR_FIRM_FACTOR`] times as many documents ("Reagan" of "the Reagan
/// administration", read as a place in 19 documents, as a person in 466): the word then reads
/// as the corpus reads that person's surname where its document's evidence does not decide.
fn mostly_a_person(corpus: &Corpus, id: u32) -> Option<u32> {
    let documents = u64::from(corpus.key(id).documents);
    corpus
        .id(Label::Person, corpus.entity(id))
        .filter(|&q| u64::from(corpus.key(q).documents) >= PLACE_OR_FIRM_FACTOR * documents)
}

/// Each partial name's candidates by the cluster they belong to, (cluster root, members) in
/// the order of the candidates; variants only where they share evidence with the partial
/// name. The same in every document naming it, so worked out once.
type PartialClusters = HashMap<u32, Vec<(u32, Vec<u32>)>>;

fn partial_clusters(
    partials: &HashMap<u32, Vec<Candidate>>,
    profiles: &Profiles,
    representative: &dyn Fn(u32) -> u32,
) -> PartialClusters {
    let clusters_of = |p: u32, candidates: &[Candidate]| {
        let mut clusters: Vec<(u32, Vec<u32>)> = Vec::new();
        for &(f, exact) in candidates {
            if !exact && !profiles.share_context(p, f) {
                continue;
            }
            let r = representative(f);
            match clusters.iter_mut().find(|(root, _)| *root == r) {
                Some((_, members)) => members.push(f),
                None => clusters.push((r, vec![f])),
            }
        }
        clusters
    };
    partials
        .iter()
        .map(|(&p, candidates)| (p, clusters_of(p, candidates)))
        .collect()
}

/// Documents in which each partial name stands for each cluster (partial key, cluster root →
/// documents) when only the documents' own evidence decides: how the corpus itself uses a
/// surname, which the dominant-person rule weighs beside the full names' documents.
type SurnameUsage = HashMap<(u32, u32), Spread>;

fn surname_usage(
    corpus: &Corpus,
    clusters: &PartialClusters,
    profiles: &Profiles,
    places: &Places,
) -> SurnameUsage {
    let mut usage = SurnameUsage::new();
    for d in 0..corpus.documents() {
        for (p, (t, _)) in surnames_in_document(corpus, clusters, profiles, d, None) {
            usage.entry((p, t)).or_default().add(places, d);
        }
    }
    usage.values_mut().for_each(Spread::seal);
    usage
}

/// The documents naming each full name a partial name may stand for, and those writing each
/// partial name alone (with any label: "Mellon" the bank tells against "Mellon" the person),
/// by day and outlet; none when no document's day or outlet is known.
fn name_spreads(
    corpus: &Corpus,
    partials: &HashMap<u32, Vec<Candidate>>,
    places: &Places,
) -> (HashMap<u32, Spread>, HashMap<u32, Spread>) {
    if !places.any() {
        return (HashMap::new(), HashMap::new());
    }
    let mut named: HashMap<u32, Spread> = partials
        .values()
        .flatten()
        .map(|c| (c.0, Spread::default()))
        .collect();
    let mut bare: HashMap<u32, Spread> = partials.keys().map(|&p| (p, Spread::default())).collect();
    for (d, here) in corpus.doc_keys.iter().enumerate() {
        let mut written: Vec<u32> = Vec::new();
        for &k in here {
            if let Some(spread) = named.get_mut(&k) {
                spread.add(places, d);
            }
            let entity = corpus.entity(k);
            let same_words = Label::ALL
                .iter()
                .filter_map(|&label| corpus.id(label, entity));
            written.extend(same_words.filter(|q| bare.contains_key(q)));
        }
        written.sort_unstable();
        written.dedup();
        for p in written {
            bare.entry(p).or_default().add(places, d);
        }
    }
    named.values_mut().for_each(Spread::seal);
    bare.values_mut().for_each(Spread::seal);
    (named, bare)
}

/// What names a person by a surname the document's evidence leaves undecided: the documents
/// reading each person, by the corpus's usage of the surname and by the full names.
struct Readings<'a> {
    usage: SurnameUsage,
    /// The documents naming each candidate full name, and writing each partial name alone.
    named: HashMap<u32, Spread>,
    bare: HashMap<u32, Spread>,
    places: &'a Places,
}

impl Readings<'_> {
    /// The cluster the surname `p` names in document `d` and what decided it: the documents
    /// near it in time, else those of its outlet (see [`nearby_choice`]), else the whole
    /// corpus (see [`dominant`]). A scope that leaves out none of the documents the corpus
    /// reads the clusters in tells no more than the corpus, and is passed over.
    fn decide(
        &self,
        corpus: &Corpus,
        clusters: &[(u32, Vec<u32>)],
        p: u32,
        d: usize,
    ) -> Option<(u32, Link)> {
        let corpus_wide: Vec<u64> = clusters
            .iter()
            .map(|(root, members)| {
                let named: u64 = members
                    .iter()
                    .map(|&m| u64::from(corpus.key(m).documents))
                    .sum();
                named + self.usage.get(&(p, *root)).map_or(0, Spread::documents)
            })
            .collect();
        let in_scope = |scope: &dyn Fn(&Spread) -> Reach| -> (Vec<Reach>, u64) {
            let counts = clusters
                .iter()
                .map(|(root, members)| {
                    let named: Reach = members
                        .iter()
                        .filter_map(|m| self.named.get(m))
                        .map(scope)
                        .sum();
                    named + self.usage.get(&(p, *root)).map_or(Reach::default(), scope)
                })
                .collect();
            let bare = self.bare.get(&p).map_or(0, |s| scope(s).known);
            (counts, bare)
        };
        let mut scopes = Vec::new();
        if let Some(day) = self.places.day(d) {
            scopes.push((Link::NearbyDates, in_scope(&|s: &Spread| s.near(day))));
        }
        if let Some(outlet) = self.places.outlet(d) {
            scopes.push((
                Link::SameOutlet,
                in_scope(&|s: &Spread| s.in_outlet(outlet)),
            ));
        }
        for (link, (counts, bare)) in scopes {
            if counts
                .iter()
                .map(|c| c.possible())
                .eq(corpus_wide.iter().copied())
            {
                continue;
            }
            match nearby_choice(&counts, bare) {
                Some(Some(i)) => return Some((clusters[i].0, link)),
                Some(None) => return None,
                None => {}
            }
        }
        dominant(&corpus_wide).map(|i| (clusters[i].0, Link::Surname))
    }
}

/// How the documents of one scope (near in time, of one outlet) read a surname, from each
/// cluster's documents there and `bare`, the documents there known to write the surname
/// alone: `Some(Some(i))` for the cluster they name clearly (known to be named in
/// [`NEARBY_MIN_DOCUMENTS`] there, [`DOMINANT_FACTOR`] times as many as those that may name
/// any other, and in a [`NEARBY_BARE_SHARE`] of the bare surname's), `Some(None)` where they
/// are known to name several and none clearly, `None` where they say nothing clear.
fn nearby_choice(counts: &[Reach], bare: u64) -> Option<Option<usize>> {
    let possible: u64 = counts.iter().map(|c| c.possible()).sum();
    let clear = counts.iter().position(|c| {
        let others = possible - c.possible();
        c.known >= NEARBY_MIN_DOCUMENTS
            && c.known >= DOMINANT_FACTOR * others
            && c.known * NEARBY_BARE_SHARE >= bare
    });
    if clear.is_some() {
        return Some(clear);
    }
    (counts.iter().filter(|c| c.known > 0).count() >= 2).then_some(None)
}

/// The full name (key) each partial name of document `d` stands for there, and what decided
/// it. Without `readings` only the document's evidence decides; with them, a person's surname
/// the evidence leaves undecided names the person the documents around it or the corpus use
/// it for (see [`Readings::decide`]).
fn surnames_in_document(
    corpus: &Corpus,
    clusters: &PartialClusters,
    profiles: &Profiles,
    d: usize,
    readings: Option<&Readings>,
) -> HashMap<u32, (u32, Link)> {
    let sample = corpus.samples.get(d);
    let mut out = HashMap::new();
    for &p in corpus.doc_keys.get(d) {
        let Some(clusters) = clusters.get(&p) else {
            continue;
        };
        let person = corpus.key(p).label == Label::Person;
        let target = if clusters.len() == 1 && person {
            Some((clusters[0].0, Link::Surname))
        } else {
            let mut scored: Vec<(usize, u32)> = clusters
                .iter()
                .map(|(root, members)| (profiles.evidence(members, sample, p), *root))
                .collect();
            scored.sort_by(|a, b| b.0.cmp(&a.0).then(corpus.rank(a.1).cmp(&corpus.rank(b.1))));
            let needed = if person {
                SURNAME_EVIDENCE
            } else {
                SURNAME_EVIDENCE + 1
            };
            let read_as = if person {
                Some(p)
            } else {
                mostly_a_person(corpus, p)
            };
            let decided = readings
                .zip(read_as)
                .and_then(|(r, q)| r.decide(corpus, clusters, q, d));
            choose(&scored, needed, decided)
        };
        if let Some(t) = target {
            out.insert(p, t);
        }
    }
    out
}

/// The person a surname names in a document, from its evidence (`scored`: (entities shared,
/// cluster), best first; `needed` to decide) and from what the documents around it or the
/// corpus decided (`decided`). The evidence's clear choice stands unless the documents near
/// it in time or of its outlet clearly use the surname for another person: a few entities
/// shared with a rare person do not outweigh them ("Reagan" beside "Venice" in June 1987 is
/// Ronald, not Nancy Reagan of the state visit's report). Where the evidence does not
/// decide, the decided person, unless another is named here more clearly.
fn choose(
    scored: &[(usize, u32)],
    needed: usize,
    decided: Option<(u32, Link)>,
) -> Option<(u32, Link)> {
    let second = scored.get(1).map_or(0, |s| s.0);
    let clear = scored
        .first()
        .filter(|best| best.0 >= needed && best.0 >= SURNAME_MARGIN * second);
    if let Some(best) = clear {
        let nearby = decided.filter(|n| matches!(n.1, Link::NearbyDates | Link::SameOutlet));
        return match nearby {
            Some(n) if n.0 != best.1 => Some(n),
            _ => Some((best.1, Link::Surname)),
        };
    }
    let (dominant, link) = decided?;
    let own = scored.iter().find(|s| s.1 == dominant).map_or(0, |s| s.0);
    // Another person named here more clearly than the dominant one keeps the surname apart;
    // a tie is no reason to doubt the corpus's usage.
    let contested = scored
        .iter()
        .any(|s| s.1 != dominant && s.0 >= needed && s.0 > own);
    (!contested).then_some((dominant, link))
}

/// Which of the clusters' document counts is [`DOMINANT_FACTOR`] times all the others together
/// (and not zero): the person a surname names when its document's evidence does not decide
/// ("Reagan" in 1987 is Ronald Reagan, not Nancy or Michael, even where Reuters never writes
/// "Ronald").
fn dominant(counts: &[u64]) -> Option<usize> {
    let total: u64 = counts.iter().sum();
    counts
        .iter()
        .position(|&own| own > 0 && own >= DOMINANT_FACTOR * (total - own))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::tag::Source;

    /// A model mention of `entity` (for the join's tests).
    pub(in crate::tag) fn mention(label: Label, entity: &str) -> Mention {
        Mention {
            start: 0,
            end: 0,
            label,
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

    fn person(entity: &str) -> Mention {
        mention(Label::Person, entity)
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
        join_across_corpus(&mut docs, &[]);
        assert_eq!(docs[1][0].entity, "Hassan Rowhani");
        assert_eq!(docs[1][0].link, Link::Spelling);
        assert_eq!(docs[0][2].entity, docs[1][2].entity);
        assert_eq!(docs[3][0].entity, "George Bush");
        assert_eq!(docs[4][0].entity, "Jeb Bush");
        assert_eq!(docs[5][0].entity, "Bush");
        assert_eq!(
            (docs[6][0].entity.as_str(), docs[6][0].link),
            ("Marco Rubio", Link::Surname)
        );
        assert_eq!(docs[7][0].entity, docs[0][2].entity);
    }

    #[test]
    fn surnames_follow_their_documents() {
        let mut docs = vec![
            vec![
                person("James Baker"),
                person("Karl Otto Poehl"),
                mention(Label::Org, "Bundesbank"),
            ],
            vec![
                person("James Baker"),
                mention(Label::Org, "Bundesbank"),
                mention(Label::Loc, "Louvre"),
            ],
            vec![
                person("Howard Baker"),
                mention(Label::Org, "Iran-Contra"),
                person("John Tower"),
            ],
            vec![
                person("Howard Baker"),
                person("John Tower"),
                mention(Label::Org, "Senate"),
            ],
            vec![
                person("Baker"),
                person("Karl Otto Poehl"),
                mention(Label::Org, "Bundesbank"),
            ],
            vec![
                person("Baker"),
                person("John Tower"),
                mention(Label::Org, "Iran-Contra"),
            ],
            vec![person("Baker"), mention(Label::Loc, "Tokyo")],
        ];
        join_across_corpus(&mut docs, &[]);
        assert_eq!(docs[4][0].entity, "James Baker");
        assert_eq!(docs[5][0].entity, "Howard Baker");
        assert_eq!(docs[6][0].entity, "Baker");
        // The same corpus in another order joins the same way.
        let mut reversed: Vec<Vec<Mention>> = docs.iter().rev().cloned().collect();
        join_across_corpus(&mut reversed, &[]);
        assert_eq!(reversed[2][0].entity, "James Baker");
        assert_eq!(reversed[1][0].entity, "Howard Baker");
    }

    #[test]
    fn a_surname_without_evidence_names_the_dominant_person() {
        let mut docs: Vec<Vec<Mention>> = (0..20)
            .map(|i| vec![person("Ronald Reagan"), person(&format!("Aide Number{i}"))])
            .collect();
        docs.push(vec![person("Nancy Reagan"), mention(Label::Loc, "Bel Air")]);
        docs.push(vec![person("Reagan"), mention(Label::Loc, "Tokyo")]);
        docs.push(vec![person("Reagan"), mention(Label::Loc, "Bel Air")]);
        join_across_corpus(&mut docs, &[]);
        assert_eq!(docs[21][0].entity, "Ronald Reagan");
        assert_eq!(docs[21][0].link, Link::Surname);
        // One entity shared with Nancy Reagan's documents is not evidence enough.
        assert_eq!(docs[22][0].entity, "Ronald Reagan");
        // Two people of comparable weight: a surname without evidence stays apart.
        let mut two = vec![
            vec![person("James Baker"), mention(Label::Loc, "Louvre")],
            vec![person("Howard Baker"), mention(Label::Org, "Senate")],
            vec![person("Baker"), mention(Label::Loc, "Tokyo")],
        ];
        join_across_corpus(&mut two, &[]);
        assert_eq!(two[2][0].entity, "Baker");
    }

    #[test]
    fn a_word_mostly_a_persons_surname_names_them_when_read_as_a_place() {
        // "The Reagan administration said ...": "Reagan" read as a place beside no evidence,
        // in a corpus writing "Reagan" alone for Ronald Reagan.
        let loc = |name: &str| mention(Label::Loc, name);
        let mut docs: Vec<Vec<Mention>> = (0..20)
            .map(|i| vec![person("Ronald Reagan"), person(&format!("Aide Number{i}"))])
            .collect();
        docs.extend((0..8).map(|i| vec![person("Reagan"), loc(&format!("Town{i}"))]));
        docs.push(vec![loc("Reagan"), loc("Tokyo")]);
        // "Donaldson" of Donaldson Lufkin Jenrette, never a person alone, stays a firm.
        docs.push(vec![person("William Donaldson"), loc("Bonn")]);
        docs.push(vec![loc("Donaldson"), loc("Tokyo")]);
        join_across_corpus(&mut docs, &[]);
        let reagan = &docs[28][0];
        assert_eq!(
            (reagan.label, reagan.entity.as_str()),
            (Label::Person, "Ronald Reagan")
        );
        assert_eq!(docs[30][0].entity, "Donaldson");
    }

    #[test]
    fn a_surname_names_the_person_the_corpus_uses_it_for() {
        let org = |name: &str| mention(Label::Org, name);
        let mut docs = vec![vec![
            person("Ronald Reagan"),
            person("Mikhail Gorbachev"),
            org("Congress"),
        ]];
        // Ten documents whose evidence reads "Reagan" as Ronald Reagan...
        docs.extend((0..10).map(|_| {
            vec![
                person("Reagan"),
                person("Mikhail Gorbachev"),
                org("Congress"),
            ]
        }));
        // ...outweigh the one naming Nancy Reagan: a surname without evidence is his.
        docs.push(vec![person("Nancy Reagan"), mention(Label::Loc, "Bel Air")]);
        docs.push(vec![person("Reagan"), mention(Label::Loc, "Tokyo")]);
        join_across_corpus(&mut docs, &[]);
        assert_eq!(docs[1][0].entity, "Ronald Reagan");
        assert_eq!(
            (docs[12][0].entity.as_str(), docs[12][0].link),
            ("Ronald Reagan", Link::Surname)
        );
    }

    fn published(day: &str, outlet: Option<&str>) -> Publication {
        Publication {
            day: crate::tag::date_values::Day::parse_iso(day),
            outlet: outlet.map(str::to_string),
        }
    }

    /// Documents each naming `name` beside an entity of their own (no shared evidence).
    fn naming(name: &str, count: usize, tag: &str) -> Vec<Vec<Mention>> {
        (0..count)
            .map(|i| vec![person(name), mention(Label::Loc, &format!("{tag} Town{i}"))])
            .collect()
    }

    #[test]
    fn a_surname_names_the_person_of_its_time() {
        let mut docs = naming("George Bush", 5, "A");
        docs.extend(naming("Jeb Bush", 4, "B"));
        docs.push(vec![person("Bush"), mention(Label::Loc, "Ohio")]);
        docs.push(vec![person("Bush"), mention(Label::Loc, "Iowa")]);
        docs.push(vec![person("Bush"), mention(Label::Loc, "Utah")]);
        let mut publications: Vec<Publication> = (0..5)
            .map(|i| published(&format!("1990-03-0{}", i + 5), None))
            .collect();
        publications.extend((0..4).map(|i| published(&format!("2015-06-0{}", i + 1), None)));
        publications.push(published("1990-04-02", None));
        publications.push(published("2015-07-01", None));
        publications.push(Publication::default());
        let mut joined = docs.clone();
        join_across_corpus(&mut joined, &publications);
        let bare = |doc: &Vec<Mention>| (doc[0].entity.clone(), doc[0].link);
        assert_eq!(bare(&joined[9]), ("George Bush".into(), Link::NearbyDates));
        assert_eq!(bare(&joined[10]), ("Jeb Bush".into(), Link::NearbyDates));
        // Undated, with two people of comparable weight in the corpus: kept apart.
        assert_eq!(bare(&joined[11]), ("Bush".into(), Link::Surface));
        // Without publications, as before: apart.
        let mut undated = docs.clone();
        join_across_corpus(&mut undated, &[]);
        assert!(undated[9..].iter().all(|doc| doc[0].entity == "Bush"));
        // Named in full in fewer than four documents near it, a person is no clear reading.
        let mut few = docs.clone();
        let mut sparse = publications.clone();
        for p in &mut sparse[2..5] {
            *p = published("1990-01-01", None);
        }
        join_across_corpus(&mut few, &sparse);
        assert_eq!(bare(&few[9]), ("Bush".into(), Link::Surface));
        // Any order of the documents joins the same way.
        let order: Vec<usize> = (0..docs.len()).rev().collect();
        let shuffled: Vec<Vec<Mention>> = order.iter().map(|&i| docs[i].clone()).collect();
        let moved: Vec<Publication> = order.iter().map(|&i| publications[i].clone()).collect();
        let mut again = shuffled;
        join_across_corpus(&mut again, &moved);
        for (position, &i) in order.iter().enumerate() {
            assert_eq!(again[position], joined[i]);
        }
    }

    #[test]
    fn a_surname_names_the_person_of_its_outlet() {
        let mut docs = naming("George Bush", 4, "A");
        docs.extend(naming("Jeb Bush", 4, "B"));
        docs.push(vec![person("Bush"), mention(Label::Loc, "Ohio")]);
        docs.push(vec![person("Bush"), mention(Label::Loc, "Iowa")]);
        let mut outlets = vec!["Washington Post"; 4];
        outlets.extend(["Tallahassee Democrat"; 4]);
        outlets.extend(["tallahassee democrat ", "Le Monde"]);
        let publications: Vec<Publication> = outlets
            .iter()
            .map(|o| Publication {
                day: None,
                outlet: Some(o.to_string()),
            })
            .collect();
        join_across_corpus(&mut docs, &publications);
        assert_eq!(
            (docs[8][0].entity.as_str(), docs[8][0].link),
            ("Jeb Bush", Link::SameOutlet)
        );
        // An outlet naming neither leaves the corpus to decide, where neither dominates.
        assert_eq!(docs[9][0].entity, "Bush");
    }

    #[test]
    fn a_word_mostly_written_alone_is_no_surname_near_it() {
        // "Mellon" the bank, in twenty documents near, is not Paul Mellon of four.
        let mut docs = naming("Paul Mellon", 4, "A");
        docs.extend(naming("Andrew Mellon", 4, "B"));
        docs.extend((0..20).map(|i| {
            vec![
                mention(Label::Org, "Mellon"),
                person(&format!("Banker Number{i}")),
            ]
        }));
        docs.push(vec![person("Mellon"), mention(Label::Loc, "Pittsburgh")]);
        let mut publications: Vec<Publication> =
            (0..4).map(|_| published("1987-04-01", None)).collect();
        publications.extend((0..4).map(|_| published("1930-04-01", None)));
        publications.extend((0..21).map(|_| published("1987-04-02", None)));
        let mut joined = docs.clone();
        join_across_corpus(&mut joined, &publications);
        assert_eq!(joined[28][0].entity, "Mellon");
        // Without the bank's documents, Paul Mellon is the one near it.
        let mut without: Vec<Vec<Mention>> = docs[..8].to_vec();
        without.push(docs[28].clone());
        let mut dates = publications[..8].to_vec();
        dates.push(publications[28].clone());
        join_across_corpus(&mut without, &dates);
        assert_eq!(
            (without[8][0].entity.as_str(), without[8][0].link),
            ("Paul Mellon", Link::NearbyDates)
        );
    }

    #[test]
    fn ambiguity_near_a_surname_keeps_it_apart() {
        // George W. Bush dominates the corpus (2005), but in 2015 both are in the news.
        let mut docs = naming("George W. Bush", 40, "A");
        docs.extend(naming("George W. Bush", 4, "B"));
        docs.extend(naming("Jeb Bush", 4, "C"));
        docs.push(vec![person("Bush"), mention(Label::Loc, "Ohio")]);
        docs.push(vec![person("Bush"), mention(Label::Loc, "Iowa")]);
        let mut publications: Vec<Publication> =
            (0..40).map(|_| published("2005-05-05", None)).collect();
        publications.extend((0..8).map(|_| published("2015-06-01", None)));
        publications.push(published("2015-06-20", None));
        publications.push(published("2005-05-20", None));
        join_across_corpus(&mut docs, &publications);
        assert_eq!(docs[48][0].entity, "Bush");
        assert_eq!(
            (docs[49][0].entity.as_str(), docs[49][0].link),
            ("George W. Bush", Link::NearbyDates)
        );
        // Undated, the corpus decides: George W. Bush is in 44 documents, Jeb Bush in 4.
        let mut undated = docs.clone();
        for doc in &mut undated[48..] {
            doc[0] = person("Bush");
        }
        join_across_corpus(&mut undated, &[]);
        assert_eq!(
            (undated[48][0].entity.as_str(), undated[48][0].link),
            ("George W. Bush", Link::Surname)
        );
    }

    #[test]
    fn variants_do_not_chain() {
        let doc = |name: &str| vec![person(name), person("Jane Roe"), person("John Doe")];
        let mut docs = vec![
            doc("Mary Hoadley"),
            doc("Mary Hoadley"),
            doc("Mary Hoadley"),
            doc("Mary Hadley"),
            doc("Mary Hadley"),
            doc("Mary Harley"),
        ];
        join_across_corpus(&mut docs, &[]);
        assert_eq!(docs[3][0].entity, "Mary Hoadley");
        assert_eq!(docs[5][0].entity, "Mary Harley");
    }

    /// Gathering the spelling blocks a share of hashes at a time finds the same pairs.
    #[test]
    fn spelling_pairs_are_the_same_in_shares() {
        let names = [
            "Mary Hoadley",
            "Mary Hadley",
            "Mary Harley",
            "Hassan Rowhani",
            "Hassan Rouhani",
            "Abbas Araghchi",
            "Abbas Araqchi",
            "Putin",
            "Puttin",
        ];
        let mut docs: Vec<Vec<Mention>> = names.iter().map(|n| vec![person(n)]).collect();
        docs.extend((0..10).map(|_| vec![person("Putin")]));
        let mut corpus_names = CorpusNames::default();
        for doc in &docs {
            corpus_names.add(doc, &Publication::default());
        }
        let corpus = Corpus {
            names: &corpus_names,
            samples: corpus_names.samples(),
        };
        let whole = spelling_pairs_in_shares(&corpus, 1);
        assert!(whole.len() >= 4, "{whole:?}");
        for shares in [2, 3, 7] {
            assert_eq!(spelling_pairs_in_shares(&corpus, shares), whole);
        }
    }

    #[test]
    fn bare_acronyms_join_their_definition() {
        let mut defined = mention(Label::Org, "European Community");
        defined.link = Link::Acronym;
        defined.acronym = Some("EC".into());
        defined.fixed_entity = true;
        let mut docs = vec![
            vec![mention(Label::Org, "European Community"), defined],
            vec![mention(Label::Org, "EC")],
        ];
        join_across_corpus(&mut docs, &[]);
        assert_eq!(docs[1][0].entity, "European Community");
        assert_eq!(docs[1][0].link, Link::Acronym);
    }

    /// A small corpus that exercises every kind of join: spellings, acronyms, surnames, with
    /// names repeated within documents.
    fn mixed_corpus() -> (Vec<Vec<Mention>>, Vec<Publication>) {
        let mut defined = mention(Label::Org, "European Community");
        defined.link = Link::Acronym;
        defined.acronym = Some("EC".into());
        let docs = vec![
            vec![
                person("Hassan Rowhani"),
                person("Vladimir Putin"),
                person("Rowhani"),
                mention(Label::Date, "Monday"),
            ],
            vec![
                person("Hassan Rouhani"),
                person("Vladimir Putin"),
                person("Putin"),
            ],
            vec![
                defined.clone(),
                defined,
                mention(Label::Org, "European Community"),
            ],
            vec![
                mention(Label::Org, "EC"),
                mention(Label::Org, "EC"),
                person("Putin"),
            ],
            vec![person("George Bush"), person("Tony Blair"), person("Bush")],
            vec![
                person("Bush"),
                person("Tony Blair"),
                person("Hassan Rowhani"),
            ],
        ];
        let publications = (0..docs.len())
            .map(|i| published(&format!("1990-03-0{}", i + 1), Some("Wire")))
            .collect();
        (docs, publications)
    }

    #[test]
    fn names_gathered_by_document_join_as_the_mentions_do() {
        let (docs, publications) = mixed_corpus();
        let mut joined = docs.clone();
        join_across_corpus(&mut joined, &publications);
        assert_ne!(joined, docs);
        // Gathered in two parts, as chunks are.
        let mut names = CorpusNames::default();
        for (doc, publication) in docs.iter().zip(&publications) {
            names.add(doc, publication);
        }
        assert_eq!(names.documents(), docs.len());
        let renames = names.join();
        for r in &renames {
            let (label, entity) = names.name(r.key);
            let (new_label, new_entity) = names.name(r.joined);
            let before = docs[r.doc]
                .iter()
                .position(|m| (m.label, m.entity.as_str()) == (label, entity));
            let after = &joined[r.doc][before.unwrap()];
            assert_eq!(
                (after.label, after.entity.as_str(), after.link),
                (new_label, new_entity, r.link)
            );
        }
        // What another process adds from `mentions` joins the same.
        let mut again = CorpusNames::default();
        for (doc, publication) in names.mentions() {
            again.add(&doc, &publication);
        }
        fn named(n: &CorpusNames, r: &Rename) -> (usize, String, String, Link) {
            let text = |k| format!("{:?} {}", n.name(k).0, n.name(k).1);
            (r.doc, text(r.key), text(r.joined), r.link)
        }
        let first: Vec<_> = renames.iter().map(|r| named(&names, r)).collect();
        let second: Vec<_> = again.join().iter().map(|r| named(&again, r)).collect();
        assert_eq!(first, second);
        assert!(!first.is_empty());
    }

    #[test]
    fn a_document_keeps_each_name_once() {
        let (docs, publications) = mixed_corpus();
        let mut names = CorpusNames::default();
        for (doc, publication) in docs.iter().zip(&publications) {
            names.add(doc, publication);
        }
        // Document 3 names "EC" twice and "Putin" once: two keys.
        assert_eq!(names.doc_keys.get(3).len(), 2);
        let exported: Vec<usize> = names.mentions().map(|(doc, _)| doc.len()).collect();
        let mentions: usize = docs
            .iter()
            .flatten()
            .filter(|m| m.label != Label::Date)
            .count();
        assert_eq!(exported.iter().sum::<usize>(), mentions);
    }

    #[test]
    fn a_clear_referent_nearby_outweighs_thin_evidence() {
        let (ronald, nancy) = (1, 2);
        let scored = [(2, nancy), (0, ronald)];
        // The evidence alone names Nancy; the documents of its month name Ronald.
        assert_eq!(choose(&scored, 2, None), Some((nancy, Link::Surname)));
        let nearby = Some((ronald, Link::NearbyDates));
        assert_eq!(choose(&scored, 2, nearby), nearby);
        // The corpus-wide reading does not overrule the evidence; without evidence it names.
        let corpus_wide = Some((ronald, Link::Surname));
        assert_eq!(
            choose(&scored, 2, corpus_wide),
            Some((nancy, Link::Surname))
        );
        assert_eq!(
            choose(&[(0, nancy), (0, ronald)], 2, corpus_wide),
            corpus_wide
        );
    }
}
