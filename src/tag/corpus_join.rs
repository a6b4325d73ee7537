//! Names joined across the corpus, once every document is tagged:
//!
//! 1. Spelling variants: names of as many words, each one edit apart or transliterated
//!    ("Hassan Rowhani" / "Hassan Rouhani", "Abbas Araghchi" / "Abbas Araqchi"), whose
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
use super::company_names::{company_short_names, NameCount};
use super::mention::{Label, Link, Mention};
use super::publication::{Places, Publication, Reach, Spread};

/// An entity in more documents than this and than one in [`HUB_SHARE`] is a hub.
const HUB_MIN_DOCUMENTS: usize = 50;
const HUB_SHARE: usize = 50;
/// Entities of a document that count as its evidence.
const SAMPLE: usize = 32;
/// A block of more names than this is a common stem, not a typo.
const CROWDED_BLOCK: usize = 64;
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

/// One distinct (label, entity) of the corpus.
struct Key {
    label: Label,
    entity: String,
    tokens: Vec<String>,
    hash: u64,
    mentions: u32,
    documents: u32,
    /// Named by the gazetteer or the caller somewhere: never renamed.
    fixed: bool,
}

impl Key {
    /// The order in which keys name clusters: most mentioned, longest, then by name.
    fn rank(&self) -> (Reverse<u32>, Reverse<usize>, &str, Label) {
        (
            Reverse(self.mentions),
            Reverse(self.tokens.len()),
            &self.entity,
            self.label,
        )
    }
}

/// The corpus's keys, and each document's keys and evidence sample.
struct Corpus {
    keys: Vec<Key>,
    /// Entity → key id for each label.
    ids: HashMap<String, [Option<u32>; Label::ALL.len()]>,
    /// Each document's distinct keys.
    doc_keys: Vec<Vec<u32>>,
    /// Each document's evidence: its non-hub keys with the smallest hashes.
    samples: Vec<Vec<u32>>,
}

impl Corpus {
    fn gather(docs: &[Vec<Mention>]) -> Self {
        let mut corpus = Corpus {
            keys: Vec::new(),
            ids: HashMap::new(),
            doc_keys: Vec::with_capacity(docs.len()),
            samples: Vec::new(),
        };
        for doc in docs {
            let mut here: Vec<u32> = Vec::new();
            for m in doc.iter().filter(|m| m.label != Label::Date) {
                let id = corpus.id_or_insert(m.label, &m.entity);
                let key = &mut corpus.keys[id as usize];
                key.mentions += 1;
                key.fixed |= m.fixed_entity;
                here.push(id);
            }
            here.sort_unstable();
            here.dedup();
            for &id in &here {
                corpus.keys[id as usize].documents += 1;
            }
            corpus.doc_keys.push(here);
        }
        let hub_above = HUB_MIN_DOCUMENTS.max(docs.len() / HUB_SHARE) as u32;
        let keys = &corpus.keys;
        corpus.samples = corpus
            .doc_keys
            .iter()
            .map(|here| {
                let mut sample: Vec<u32> = here
                    .iter()
                    .copied()
                    .filter(|&k| keys[k as usize].documents <= hub_above)
                    .collect();
                sample.sort_unstable_by_key(|&k| keys[k as usize].hash);
                sample.truncate(SAMPLE);
                sample
            })
            .collect();
        corpus
    }

    fn id_or_insert(&mut self, label: Label, entity: &str) -> u32 {
        if let Some(id) = self.ids.get(entity).and_then(|ids| ids[label.index()]) {
            return id;
        }
        let id = self.keys.len() as u32;
        self.keys.push(Key {
            label,
            entity: entity.to_string(),
            tokens: name_keys(entity),
            hash: xxhash_rust::xxh3::xxh3_64(format!("{}\t{entity}", label.as_str()).as_bytes()),
            mentions: 0,
            documents: 0,
            fixed: false,
        });
        self.ids.entry(entity.to_string()).or_default()[label.index()] = Some(id);
        id
    }

    fn id(&self, label: Label, entity: &str) -> Option<u32> {
        self.ids.get(entity).and_then(|ids| ids[label.index()])
    }

    fn key(&self, id: u32) -> &Key {
        &self.keys[id as usize]
    }

    /// The keys as the company rule reads them, aligned with their ids.
    fn name_counts(&self) -> Vec<NameCount<'_>> {
        self.keys
            .iter()
            .map(|k| NameCount {
                label: k.label,
                entity: &k.entity,
                tokens: &k.tokens,
                mentions: k.mentions,
                documents: k.documents,
                fixed: k.fixed,
            })
            .collect()
    }
}

/// What each wanted key's documents mention: other key → documents.
struct Profiles(HashMap<u32, HashMap<u32, u32>>);

impl Profiles {
    fn build(corpus: &Corpus, wanted: &BTreeSet<u32>) -> Self {
        let mut profiles: HashMap<u32, HashMap<u32, u32>> =
            wanted.iter().map(|&k| (k, HashMap::new())).collect();
        for (here, sample) in corpus.doc_keys.iter().zip(&corpus.samples) {
            for k in here {
                if let Some(profile) = profiles.get_mut(k) {
                    for &other in sample.iter().filter(|&&o| o != *k) {
                        *profile.entry(other).or_default() += 1;
                    }
                }
            }
        }
        Profiles(profiles)
    }

    /// Whether the documents of `a` and of `b` mention a third entity in common.
    fn share_context(&self, a: u32, b: u32) -> bool {
        let (Some(pa), Some(pb)) = (self.0.get(&a), self.0.get(&b)) else {
            return false;
        };
        let (small, large) = if pa.len() <= pb.len() {
            (pa, pb)
        } else {
            (pb, pa)
        };
        small
            .keys()
            .any(|o| *o != a && *o != b && large.contains_key(o))
    }

    /// How many of `sample` (other than `skip`) the documents of any of `members` mention.
    fn evidence(&self, members: &[u32], sample: &[u32], skip: u32) -> usize {
        sample
            .iter()
            .filter(|&&o| o != skip && !members.contains(&o))
            .filter(|o| {
                members
                    .iter()
                    .any(|m| self.0.get(m).is_some_and(|p| p.contains_key(o)))
            })
            .count()
    }
}

/// Joins names across all documents, in place (see the module docs). `publications` gives
/// each document's day and outlet where known (aligned with `docs`; it may be shorter, or
/// empty when none is known).
pub fn join_across_corpus(docs: &mut [Vec<Mention>], publications: &[Publication]) {
    let corpus = Corpus::gather(docs);
    let places = Places::new(publications);
    let pairs = spelling_pairs(&corpus);
    let partials = partial_names(&corpus);
    let mut wanted: BTreeSet<u32> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    for (&p, candidates) in &partials {
        wanted.insert(p);
        wanted.extend(candidates.iter().map(|c| c.0));
    }
    let profiles = Profiles::build(&corpus, &wanted);
    let anchor = spelling_anchors(&corpus, &pairs, &profiles);
    let representative = |k: u32| anchor.get(&k).copied().unwrap_or(k);
    let mut renamed: HashMap<u32, (u32, Link)> = anchor
        .iter()
        .map(|(&k, &a)| (k, (a, Link::Spelling)))
        .collect();
    for (k, expansion) in acronym_expansions(&corpus, docs) {
        renamed
            .entry(k)
            .or_insert((representative(expansion), Link::Acronym));
    }
    for (k, company) in company_short_names(&corpus.name_counts()) {
        renamed
            .entry(k)
            .or_insert((representative(company), Link::ShortName));
    }
    let (named, bare) = name_spreads(&corpus, &partials, &places);
    let readings = Readings {
        usage: surname_usage(&corpus, &partials, &profiles, &representative, &places),
        named,
        bare,
        places,
    };
    for (d, doc) in docs.iter_mut().enumerate() {
        let surnames = surnames_in_document(
            &corpus,
            &partials,
            &profiles,
            d,
            &representative,
            Some(&readings),
        );
        for m in doc
            .iter_mut()
            .filter(|m| !m.fixed_entity && m.label != Label::Date)
        {
            let Some(k) = corpus.id(m.label, &m.entity) else {
                continue;
            };
            let target = surnames.get(&k).or_else(|| renamed.get(&k)).copied();
            if let Some((t, link)) = target {
                let key = corpus.key(t);
                m.entity = key.entity.clone();
                m.label = key.label;
                m.link = link;
            }
        }
    }
}

/// Pairs of keys (smaller id first) that may be spellings of one name: same label, as many
/// words, a last word sharing a one-deletion form or a transliteration, and not both fixed.
fn spelling_pairs(corpus: &Corpus) -> BTreeSet<(u32, u32)> {
    let mut blocks: HashMap<(Label, usize, String), Vec<u32>> = HashMap::new();
    for (id, key) in corpus.keys.iter().enumerate() {
        let Some(last) = key.tokens.last() else {
            continue;
        };
        if last.chars().count() < 5 {
            continue;
        }
        let mut forms = deletion_variants(last);
        forms.insert(format!("\u{1}{}", transliteration_key(last)));
        for form in forms {
            blocks
                .entry((key.label, key.tokens.len(), form))
                .or_default()
                .push(id as u32);
        }
    }
    let mut pairs = BTreeSet::new();
    for ids in blocks.values().filter(|ids| ids.len() <= CROWDED_BLOCK) {
        for (x, &a) in ids.iter().enumerate() {
            for &b in &ids[x + 1..] {
                let (ka, kb) = (corpus.key(a), corpus.key(b));
                if !(ka.fixed && kb.fixed)
                    && similar_names(&ka.tokens, &kb.tokens)
                    && (ka.tokens.len() >= 2 || rare_misspelling(ka, kb))
                {
                    pairs.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs
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
    order.sort_by(|&a, &b| corpus.key(a).rank().cmp(&corpus.key(b).rank()));
    let mut anchor: HashMap<u32, u32> = HashMap::new();
    let mut is_anchor: BTreeSet<u32> = BTreeSet::new();
    for &k in &order {
        if anchor.contains_key(&k) {
            continue;
        }
        let mut variants = partners[&k].clone();
        variants.sort_by(|&a, &b| corpus.key(a).rank().cmp(&corpus.key(b).rank()));
        for v in variants {
            let below = corpus.key(v).rank() > corpus.key(k).rank();
            if below && !corpus.key(v).fixed && !anchor.contains_key(&v) && !is_anchor.contains(&v)
            {
                anchor.insert(v, k);
                is_anchor.insert(k);
            }
        }
    }
    anchor
}

/// Bare acronyms (free one-word ORG keys) and the expansion two thirds of the corpus's
/// in-text definitions of them agree on.
fn acronym_expansions(corpus: &Corpus, docs: &[Vec<Mention>]) -> Vec<(u32, u32)> {
    // acronym → expansion key → documents defining it so
    let mut definitions: HashMap<&str, HashMap<u32, u32>> = HashMap::new();
    for doc in docs {
        let mut here: BTreeSet<(&str, u32)> = BTreeSet::new();
        for m in doc.iter().filter(|m| m.link == Link::Acronym) {
            if let (Some(acronym), Some(k)) = (&m.acronym, corpus.id(m.label, &m.entity)) {
                here.insert((acronym.as_str(), k));
            }
        }
        for (acronym, k) in here {
            *definitions
                .entry(acronym)
                .or_default()
                .entry(k)
                .or_default() += 1;
        }
    }
    let mut out = Vec::new();
    for (acronym, expansions) in definitions {
        let Some(k) = corpus.id(Label::Org, acronym) else {
            continue;
        };
        let total: u32 = expansions.values().sum();
        let best = expansions.iter().max_by(|a, b| {
            a.1.cmp(b.1)
                .then(corpus.key(*b.0).rank().cmp(&corpus.key(*a.0).rank()))
        });
        if let Some((&expansion, &count)) = best {
            if !corpus.key(k).fixed && expansion != k && count * 3 >= total * 2 {
                out.push((k, expansion));
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
    let mut by_last: HashMap<String, Vec<u32>> = HashMap::new();
    for (id, key) in corpus.keys.iter().enumerate() {
        if key.label == Label::Person && key.tokens.len() >= 2 {
            for form in deletion_variants(&key.tokens[key.tokens.len() - 1]) {
                by_last.entry(form).or_default().push(id as u32);
            }
        }
    }
    let mut out = HashMap::new();
    for (id, key) in corpus.keys.iter().enumerate() {
        let partial = match key.label {
            Label::Person => (1..=2).contains(&key.tokens.len()),
            Label::Org | Label::Loc => key.tokens.len() == 1,
            _ => false,
        };
        if key.fixed || !partial {
            continue;
        }
        let last = &key.tokens[key.tokens.len() - 1];
        let mut found: BTreeSet<u32> = BTreeSet::new();
        for form in deletion_variants(last) {
            found.extend(by_last.get(&form).into_iter().flatten());
        }
        let mut candidates: Vec<Candidate> = found
            .into_iter()
            .filter_map(|f| {
                let full = &corpus.key(f).tokens;
                if full.len() <= key.tokens.len() {
                    return None;
                }
                let suffix = &full[full.len() - key.tokens.len()..];
                let exact = suffix == key.tokens.as_slice();
                let variant = suffix
                    .iter()
                    .zip(&key.tokens)
                    .all(|(x, y)| similar_token(x, y));
                (exact || (variant && key.label == Label::Person)).then_some((f, exact))
            })
            .collect();
        if candidates.iter().any(|c| c.1) {
            candidates.retain(|c| c.1);
        }
        if !candidates.is_empty()
            && candidates.len() <= MAX_CANDIDATES
            && read_as_person_enough(corpus, key, &candidates)
        {
            out.insert(id as u32, candidates);
        }
    }
    out
}

/// Whether a partial name may be a person's: always for a PERSON key; a word read as a place
/// or firm in many documents only when the corpus uses it for people (alone as a person, or in
/// the full names ending with it) in a fair share of as many ("Reagan" of "the Reagan
/// administration" is Ronald Reagan; "Labour" beside one headline's "Blair Labour" is the
/// party; a rugby line-up's "O'Callaghan" read as a place is still Donnacha O'Callaghan).
fn read_as_person_enough(corpus: &Corpus, key: &Key, candidates: &[Candidate]) -> bool {
    if key.label == Label::Person || key.documents < PLACE_OR_FIRM_DOCUMENTS {
        return true;
    }
    let alone = corpus
        .id(Label::Person, &key.entity)
        .map_or(0, |p| corpus.key(p).documents);
    let named: u32 = candidates.iter().map(|c| corpus.key(c.0).documents).sum();
    u64::from(alone + named) * PLACE_OR_FIRM_FACTOR >= u64::from(key.documents)
}

/// Documents in which each partial name stands for each cluster (partial key, cluster root →
/// documents) when only the documents' own evidence decides: how the corpus itself uses a
/// surname, which the dominant-person rule weighs beside the full names' documents.
type SurnameUsage = HashMap<(u32, u32), Spread>;

fn surname_usage(
    corpus: &Corpus,
    partials: &HashMap<u32, Vec<Candidate>>,
    profiles: &Profiles,
    representative: &dyn Fn(u32) -> u32,
    places: &Places,
) -> SurnameUsage {
    let mut usage = SurnameUsage::new();
    for d in 0..corpus.doc_keys.len() {
        for (p, (t, _)) in surnames_in_document(corpus, partials, profiles, d, representative, None)
        {
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
            let same_words = corpus.ids.get(&corpus.key(k).entity).into_iter().flatten();
            written.extend(same_words.flatten().filter(|q| bare.contains_key(q)));
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
struct Readings {
    usage: SurnameUsage,
    /// The documents naming each candidate full name, and writing each partial name alone.
    named: HashMap<u32, Spread>,
    bare: HashMap<u32, Spread>,
    places: Places,
}

impl Readings {
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
    partials: &HashMap<u32, Vec<Candidate>>,
    profiles: &Profiles,
    d: usize,
    representative: &dyn Fn(u32) -> u32,
    readings: Option<&Readings>,
) -> HashMap<u32, (u32, Link)> {
    let sample = &corpus.samples[d];
    let mut out = HashMap::new();
    for &p in &corpus.doc_keys[d] {
        let Some(candidates) = partials.get(&p) else {
            continue;
        };
        // The candidates by the cluster they belong to; variants only with shared evidence.
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
        let person = corpus.key(p).label == Label::Person;
        let target = if clusters.len() == 1 && person {
            Some((clusters[0].0, Link::Surname))
        } else {
            let mut scored: Vec<(usize, u32)> = clusters
                .iter()
                .map(|(root, members)| (profiles.evidence(members, sample, p), *root))
                .collect();
            scored.sort_by(|a, b| {
                b.0.cmp(&a.0)
                    .then(corpus.key(a.1).rank().cmp(&corpus.key(b.1).rank()))
            });
            let needed = if person {
                SURNAME_EVIDENCE
            } else {
                SURNAME_EVIDENCE + 1
            };
            let second = scored.get(1).map_or(0, |s| s.0);
            scored
                .first()
                .filter(|best| best.0 >= needed && best.0 >= SURNAME_MARGIN * second)
                .map(|best| (best.1, Link::Surname))
                .or_else(|| {
                    let readings = readings.filter(|_| person)?;
                    let (dominant, link) = readings.decide(corpus, &clusters, p, d)?;
                    let own = scored.iter().find(|s| s.1 == dominant).map_or(0, |s| s.0);
                    // Another person named here more clearly than the dominant one keeps
                    // the surname apart; a tie is no reason to doubt the corpus's usage.
                    let contested = scored
                        .iter()
                        .any(|s| s.1 != dominant && s.0 >= needed && s.0 > own);
                    (!contested).then_some((dominant, link))
                })
        };
        if let Some(t) = target {
            out.insert(p, t);
        }
    }
    out
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
mod tests {
    use super::*;
    use crate::tag::Source;

    fn mention(label: Label, entity: &str) -> Mention {
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
}
