//! The story index: the articles seen so far, their nearest neighbours and their stories. It
//! grows batch by batch; each batch recomputes only the neighbour lists it changes and the
//! stories of the connected parts those lists touch, so any split into batches gives the
//! stories of one call with all the articles.
//!
//! Per article it keeps the key (date, exact-text hash, position: 20 bytes), the group hash,
//! the term vector (12 bytes a distinct term), its `k` neighbours (8 bytes each) and who lists
//! it, its place in the candidate index (its top terms) and its part and story (8 bytes):
//! memory grows linearly with the articles.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::article::{features, Article, ArticleKey, Features};
use super::background::background;
use super::candidates::CandidateIndex;
use super::linkage::{average_linkage, similarity_units, threshold_units};
use super::neighbours::{best_first, best_of, Neighbour, NeighbourLists};
use super::options::StoryConfig;
use super::vector::{Spread, TermVector};
use crate::error::{Error, Result};
use crate::parallel::Progress;

/// Part and story of an article without terms: it belongs to none.
pub const NO_STORY: u32 = u32::MAX;

/// An article's shared-neighbour similarities: `(other, units)` for every article sharing a
/// neighbour with it, sorted by `other`.
type Similarities = Vec<(u32, u64)>;

pub struct StoryIndex {
    pub(super) config: StoryConfig,
    pub(super) keys: Vec<ArticleKey>,
    pub(super) groups: Vec<Option<u64>>,
    pub(super) vectors: Vec<TermVector>,
    /// Every vector as `(term number, weight)` in the vector's order, one after the other
    /// (article `d`'s from `coded_from[d]` to `coded_from[d + 1]`), for fast dot products.
    pub(super) coded: Vec<(u32, f32)>,
    pub(super) coded_from: Vec<usize>,
    /// Term hash → term number.
    pub(super) vocabulary: FxHashMap<u64, u32>,
    pub(super) neighbours: NeighbourLists,
    pub(super) candidates: CandidateIndex,
    /// Articles with one exact text, and with one group: each set shares a story.
    pub(super) same_text: FxHashMap<u64, Vec<u32>>,
    pub(super) same_group: FxHashMap<u64, Vec<u32>>,
    /// Each article's connected part (named by its first article) and story (named by its
    /// article with the smallest key); [`NO_STORY`] for articles without terms.
    pub(super) part: Vec<u32>,
    pub(super) story: Vec<u32>,
    /// The background table the vectors were weighted with.
    pub(super) background: u64,
}

impl std::fmt::Debug for StoryIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoryIndex")
            .field("config", &self.config)
            .field("articles", &self.len())
            .finish()
    }
}

impl StoryIndex {
    pub fn new(config: StoryConfig) -> Result<Self> {
        config.validate()?;
        Ok(StoryIndex {
            config,
            keys: Vec::new(),
            groups: Vec::new(),
            vectors: Vec::new(),
            coded: Vec::new(),
            coded_from: vec![0],
            vocabulary: FxHashMap::default(),
            neighbours: NeighbourLists::default(),
            candidates: CandidateIndex::new(config.max_term_articles),
            same_text: FxHashMap::default(),
            same_group: FxHashMap::default(),
            part: Vec::new(),
            story: Vec::new(),
            background: background()?.fingerprint(),
        })
    }

    pub fn config(&self) -> &StoryConfig {
        &self.config
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn keys(&self) -> &[ArticleKey] {
        &self.keys
    }

    pub fn vectors(&self) -> &[TermVector] {
        &self.vectors
    }

    /// Each article's story: the position of the story's article with the smallest key, or
    /// [`NO_STORY`].
    pub fn stories(&self) -> &[u32] {
        &self.story
    }

    /// The neighbour list of an article, best first.
    pub fn neighbours(&self, doc: u32) -> &[Neighbour] {
        self.neighbours.list(doc)
    }

    /// Bytes held by the index (capacities).
    pub fn memory_bytes(&self) -> usize {
        let per_article = std::mem::size_of::<ArticleKey>() + 16 + 8 + 24;
        let maps: usize = self
            .same_text
            .values()
            .chain(self.same_group.values())
            .map(|d| 32 + d.capacity() * 4)
            .sum();
        self.keys.capacity() * per_article
            + self
                .vectors
                .iter()
                .map(TermVector::memory_bytes)
                .sum::<usize>()
            + self.coded.capacity() * 8
            + self.coded_from.capacity() * 8
            + self.vocabulary.capacity() * 16
            + self.neighbours.memory_bytes()
            + self.candidates.memory_bytes()
            + maps
    }

    /// Adds a batch of articles (they get the next positions) and regroups what it touches;
    /// returns the position of the batch's first article. Runs on the current rayon pool.
    pub fn add(&mut self, articles: &[Article<'_>]) -> Result<u32> {
        self.add_counted(articles, &Progress::default())
    }

    /// [`StoryIndex::add`], counting each article read in `progress`.
    pub fn add_counted(&mut self, articles: &[Article<'_>], progress: &Progress) -> Result<u32> {
        let start = self.len();
        if start + articles.len() >= NO_STORY as usize {
            return Err(Error::InvalidInput(format!(
                "a story index holds at most {} articles",
                NO_STORY - 1
            )));
        }
        let table = background()?;
        let found: Vec<Features> = articles
            .par_iter()
            .enumerate()
            .map(|(i, article)| {
                let f = features(article, (start + i) as u32, table);
                progress.add(1);
                f
            })
            .collect();
        let (new_docs, lost) = self.append(found);
        self.candidates.settle();
        let mut changed = self.update_neighbours(start as u32, &new_docs, &lost);
        changed.extend_from_slice(&new_docs);
        self.regroup(start as u32, &changed);
        Ok(start as u32)
    }

    /// Appends the batch; returns its articles with terms, now in the candidate index, and
    /// the earlier articles that lost candidates to a term crowded now.
    fn append(&mut self, found: Vec<Features>) -> (Vec<u32>, Vec<u32>) {
        let start = self.len() as u32;
        self.neighbours.grow(found.len());
        let mut new_docs = Vec::new();
        let mut lost = Vec::new();
        for (doc, f) in (start..).zip(found) {
            self.keys.push(f.key);
            self.groups.push(f.group);
            self.vectors.push(f.vector);
            self.part.push(NO_STORY);
            self.story.push(NO_STORY);
            if self.register(doc, &mut lost) {
                new_docs.push(doc);
            }
        }
        lost.retain(|&d| d < start);
        lost.sort_unstable();
        lost.dedup();
        (new_docs, lost)
    }

    /// Enters the last article, `doc`, in the candidate index and the maps of texts and
    /// groups, when it has terms; returns whether it has. Articles that lose candidates to a
    /// term crowded now go into `lost`.
    pub(super) fn register(&mut self, doc: u32, lost: &mut Vec<u32>) -> bool {
        let vector = &self.vectors[doc as usize];
        for (&term, &weight) in vector.terms().iter().zip(vector.weights()) {
            let next = self.vocabulary.len() as u32;
            self.coded
                .push((*self.vocabulary.entry(term).or_insert(next), weight));
        }
        self.coded_from.push(self.coded.len());
        if vector.is_empty() {
            return false;
        }
        let key = self.keys[doc as usize];
        self.candidates.insert(
            doc,
            key.date,
            &vector.top_terms(self.config.candidate_terms),
            lost,
        );
        self.same_text.entry(key.exact).or_default().push(doc);
        if let Some(group) = self.groups[doc as usize] {
            self.same_group.entry(group).or_default().push(doc);
        }
        true
    }

    /// The family of an article: its group, else its exact text.
    fn family(&self, doc: u32) -> u64 {
        self.groups[doc as usize].unwrap_or(self.keys[doc as usize].exact)
    }

    /// Whether two articles may be each other's neighbours: not one text or one group (they
    /// share a story anyway), and not further apart than the window when both are dated.
    fn may_neighbour(&self, a: u32, b: u32) -> bool {
        let (ka, kb) = (&self.keys[a as usize], &self.keys[b as usize]);
        let group = self.groups[a as usize];
        let apart = match self.config.window_seconds() {
            Some(window) if ka.date != i64::MAX && kb.date != i64::MAX => {
                ka.date.abs_diff(kb.date) > window.unsigned_abs()
            }
            _ => false,
        };
        a != b
            && ka.exact != kb.exact
            && (group.is_none() || group != self.groups[b as usize])
            && !apart
    }

    /// Lists the neighbours of the new articles and of the earlier articles that `lost`
    /// candidates, and offers each new article to the other earlier articles it may neighbour;
    /// returns the earlier articles whose lists changed.
    fn update_neighbours(&mut self, start: u32, new_docs: &[u32], lost: &[u32]) -> Vec<u32> {
        let k = self.config.neighbours;
        let remade_doc = |d: u32| d >= start || lost.binary_search(&d).is_ok();
        let remade: Vec<u32> = lost.iter().chain(new_docs).copied().collect();
        // Each pair is measured once: by its later article when both lists are made again.
        let pairs: Vec<(u32, Neighbour)> = remade
            .par_iter()
            .with_min_len(64)
            .map_init(Spread::default, |spread, &doc| {
                self.close_candidates(doc, spread, |other| other < doc || !remade_doc(other))
            })
            .flatten_iter()
            .collect();
        let mut entries: Vec<(u32, Neighbour)> = Vec::with_capacity(pairs.len() * 2);
        for (doc, n) in pairs {
            entries.push((doc, n));
            let back = Neighbour {
                doc,
                cosine: n.cosine,
            };
            // An unchanged earlier article hears of new articles only (it met the others).
            if remade_doc(n.doc) || (doc >= start && self.would_list(n.doc, &back)) {
                entries.push((n.doc, back));
            }
        }
        entries.par_sort_unstable_by_key(|&(doc, n)| (doc, n.doc));
        let keys = &self.keys;
        let lists: Vec<(u32, Vec<Neighbour>)> = entries
            .par_chunk_by(|a, b| a.0 == b.0)
            .map(|run| {
                let doc = run[0].0;
                let found: Vec<Neighbour> = run.iter().map(|&(_, n)| n).collect();
                let kept = if remade_doc(doc) {
                    &[][..]
                } else {
                    self.neighbours.list(doc)
                };
                let family = |d: u32| self.family(d);
                (doc, best_of(kept, &found, k, |d| keys[d as usize], family))
            })
            .collect();
        let mut changed = Vec::new();
        let mut listed: FxHashSet<u32> = FxHashSet::default();
        for (doc, list) in lists {
            listed.insert(doc);
            if self.neighbours.replace(doc, list) && doc < start {
                changed.push(doc);
            }
        }
        // Remade articles without any neighbour now.
        for &doc in &remade {
            if !listed.contains(&doc) && self.neighbours.replace(doc, Vec::new()) && doc < start {
                changed.push(doc);
            }
        }
        changed
    }

    /// The candidates of `doc` that pass `wanted` and that it may neighbour, at or above the
    /// similarity floor, with their cosines.
    fn close_candidates(
        &self,
        doc: u32,
        spread: &mut Spread,
        wanted: impl Fn(u32) -> bool,
    ) -> Vec<(u32, Neighbour)> {
        let vector = &self.vectors[doc as usize];
        spread.fill(self.coded_vector(doc));
        let floor = self.config.min_similarity as f32;
        let mut close = Vec::new();
        let top = vector.top_terms(self.config.candidate_terms);
        let (date, window) = (self.keys[doc as usize].date, self.config.window_seconds());
        self.candidates
            .for_each(&top, date, window, self.len(), wanted, |other| {
                if self.may_neighbour(doc, other) {
                    let cosine = self.dot(spread, other);
                    if cosine >= floor {
                        close.push((doc, Neighbour { doc: other, cosine }));
                    }
                }
            });
        close
    }

    /// The vector of `doc` as `(term number, weight)`.
    fn coded_vector(&self, doc: u32) -> &[(u32, f32)] {
        &self.coded[self.coded_from[doc as usize]..self.coded_from[doc as usize + 1]]
    }

    /// The dot product of a spread vector with the vector of `other`.
    fn dot(&self, spread: &Spread, other: u32) -> f32 {
        spread.dot(self.coded_vector(other))
    }

    /// Whether `offer` would enter the current list of `doc`.
    fn would_list(&self, doc: u32, offer: &Neighbour) -> bool {
        let list = self.neighbours.list(doc);
        list.len() < self.config.neighbours
            || list
                .last()
                .is_some_and(|last| best_first(offer, last, |d| self.keys[d as usize]).is_lt())
    }

    /// The cosine of `doc` (spread in `spread`) and `other`: from a neighbour list when one of
    /// the two lists the other, else a dot product. Either way the same value: a dot product
    /// sums the products of the shared terms in term order, whichever side is spread.
    fn cosine(&self, doc: u32, other: u32, spread: &Spread) -> f32 {
        let listed = |a: u32, b: u32| {
            let list = self.neighbours.list(a);
            list.iter().find(|n| n.doc == b).map(|n| n.cosine)
        };
        listed(doc, other)
            .or_else(|| listed(other, doc))
            .unwrap_or_else(|| self.dot(spread, other))
    }

    /// The shared-neighbour similarities of `doc`.
    fn similarities(&self, doc: u32, spread: &mut Spread) -> Similarities {
        spread.fill(self.coded_vector(doc));
        self.neighbours
            .shared_counts(doc)
            .into_iter()
            .map(|(other, shared)| {
                let cosine = self.cosine(doc, other, spread);
                (
                    other,
                    similarity_units(shared, cosine, self.config.neighbours),
                )
            })
            .collect()
    }

    /// The articles that must share a story with `doc` (same text or group), itself included.
    fn bound_to(&self, doc: u32) -> impl Iterator<Item = u32> + '_ {
        let text = self.same_text.get(&self.keys[doc as usize].exact);
        let group = self.groups[doc as usize].and_then(|g| self.same_group.get(&g));
        text.into_iter().chain(group).flatten().copied()
    }

    /// Regroups the connected parts holding the `changed` articles (new articles and earlier
    /// ones whose lists changed) or holding them before this batch.
    fn regroup(&mut self, start: u32, changed: &[u32]) {
        let threshold = threshold_units(self.config.threshold, self.config.neighbours);
        let reached = self.reach(start, changed, threshold);
        let parts = self.connected_parts(&reached, threshold);
        let grouped: Vec<(Vec<u32>, Vec<Vec<u32>>)> = parts
            .into_par_iter()
            .map(|members| {
                let stories = self.link_part(&members, &reached, threshold);
                (members, stories)
            })
            .collect();
        for (members, stories) in grouped {
            for &doc in &members {
                self.part[doc as usize] = members[0];
            }
            for story in stories {
                let name = story
                    .iter()
                    .copied()
                    .min_by_key(|&d| self.keys[d as usize])
                    .unwrap_or(NO_STORY);
                for doc in story {
                    self.story[doc as usize] = name;
                }
            }
        }
    }

    /// The articles reachable from the `changed` ones and from the other articles of their
    /// parts before this batch, by links at the threshold or by shared text or group, with
    /// each one's similarities.
    fn reach(&self, start: u32, changed: &[u32], threshold: u64) -> FxHashMap<u32, Similarities> {
        let old_parts: FxHashSet<u32> = changed
            .iter()
            .filter(|&&d| d < start)
            .map(|&d| self.part[d as usize])
            .collect();
        let mut frontier: Vec<u32> = changed.to_vec();
        if !old_parts.is_empty() {
            frontier.extend((0..start).filter(|&d| old_parts.contains(&self.part[d as usize])));
        }
        frontier.sort_unstable();
        frontier.dedup();
        let mut reached: FxHashMap<u32, Similarities> = FxHashMap::default();
        while !frontier.is_empty() {
            let computed: Vec<(u32, Similarities)> = frontier
                .par_iter()
                .with_min_len(64)
                .map_init(Spread::default, |spread, &d| {
                    (d, self.similarities(d, spread))
                })
                .collect();
            let mut next = Vec::new();
            for (doc, similarities) in computed {
                let linked = similarities
                    .iter()
                    .filter(|&&(_, units)| units >= threshold)
                    .map(|&(other, _)| other);
                next.extend(linked.chain(self.bound_to(doc)));
                reached.insert(doc, similarities);
            }
            next.retain(|d| !reached.contains_key(d));
            next.sort_unstable();
            next.dedup();
            frontier = next;
        }
        reached
    }

    /// The connected parts of the reached articles (links at the threshold, shared text or
    /// group), each sorted.
    fn connected_parts(
        &self,
        reached: &FxHashMap<u32, Similarities>,
        threshold: u64,
    ) -> Vec<Vec<u32>> {
        let mut docs: Vec<u32> = reached.keys().copied().collect();
        docs.sort_unstable();
        let mut seen: FxHashSet<u32> = FxHashSet::default();
        let mut parts = Vec::new();
        for &first in &docs {
            if !seen.insert(first) {
                continue;
            }
            let mut members = vec![first];
            let mut at = 0;
            while at < members.len() {
                let doc = members[at];
                at += 1;
                let linked = reached[&doc]
                    .iter()
                    .filter(|&&(_, units)| units >= threshold)
                    .map(|&(other, _)| other);
                for other in linked.chain(self.bound_to(doc)) {
                    if seen.insert(other) {
                        members.push(other);
                    }
                }
            }
            members.sort_unstable();
            parts.push(members);
        }
        parts
    }

    /// The stories of one connected part, by average linkage.
    fn link_part(
        &self,
        members: &[u32],
        reached: &FxHashMap<u32, Similarities>,
        threshold: u64,
    ) -> Vec<Vec<u32>> {
        let inside: FxHashSet<u32> = members.iter().copied().collect();
        let mut grouped: FxHashSet<u32> = FxHashSet::default();
        let mut groups = Vec::new();
        for &doc in members {
            if grouped.contains(&doc) {
                continue;
            }
            // The articles bound to `doc`, through any chain of shared texts and groups.
            let mut group = vec![doc];
            grouped.insert(doc);
            let mut at = 0;
            while at < group.len() {
                let bound: Vec<u32> = self.bound_to(group[at]).collect();
                at += 1;
                group.extend(bound.into_iter().filter(|&d| grouped.insert(d)));
            }
            groups.push(group);
        }
        let pairs: Vec<(u32, u32, u64)> = members
            .iter()
            .flat_map(|&a| {
                reached[&a]
                    .iter()
                    .filter(move |&&(b, _)| a < b)
                    .filter(|(b, _)| inside.contains(b))
                    .map(move |&(b, units)| (a, b, units))
            })
            .collect();
        average_linkage(groups, &pairs, threshold, |d| self.keys[d as usize])
    }
}

/// Groups `articles` into stories in one call (runs on the current rayon pool).
pub fn group_stories(articles: &[Article<'_>], config: StoryConfig) -> Result<StoryIndex> {
    let mut index = StoryIndex::new(config)?;
    index.add(articles)?;
    Ok(index)
}
