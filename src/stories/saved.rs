//! The story index on disk (the `persist` layout): the options, the fingerprint of the
//! background table, then per article its date and exact-text hash, its group, its term vector,
//! its neighbour list, its part and its story. The candidate index, who lists whom and the maps
//! of texts and groups are rebuilt on loading.

use super::article::ArticleKey;
use super::index::{StoryIndex, NO_STORY};
use super::neighbours::Neighbour;
use super::options::StoryConfig;
use super::vector::TermVector;
use crate::error::{Error, Result};
use crate::persist::{read_regular_file, Format, Reader, Writer};

const FORMAT: Format = Format {
    magic: b"TIDINGS-STORY\0\0\x01",
    version: 1,
    name: "story index",
};

impl StoryIndex {
    /// The index as bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let n = self.len();
        let terms: usize = self.vectors.iter().map(TermVector::len).sum();
        let mut out = Writer::new(&FORMAT, 64 + n * 40 + terms * 12);
        out.put(self.config.neighbours as u32);
        out.put(self.config.candidate_terms as u32);
        out.put(self.config.max_term_articles as u64);
        out.put(self.config.threshold);
        out.put(self.config.min_similarity);
        out.put(self.config.window_days.unwrap_or(f64::NAN));
        out.put(self.background);
        out.put(n as u64);
        for key in &self.keys {
            out.put(key.date as u64);
            out.put(key.exact);
        }
        let grouped: Vec<(u32, u64)> = (0..n as u32)
            .filter_map(|d| self.groups[d as usize].map(|g| (d, g)))
            .collect();
        out.put(grouped.len() as u64);
        for (doc, group) in grouped {
            out.put(doc);
            out.put(group);
        }
        for vector in &self.vectors {
            out.put(vector.len() as u32);
            out.put_all(vector.terms());
            out.put_all(vector.weights());
        }
        for doc in 0..n as u32 {
            let list = self.neighbours(doc);
            out.put(list.len() as u32);
            for neighbour in list {
                out.put(neighbour.doc);
                out.put(neighbour.cosine);
            }
        }
        out.put_all(&self.part);
        out.put_all(&self.story);
        out.finish()
    }

    /// Reads an index saved to `path` (by writing [`StoryIndex::to_bytes`]), checking its
    /// header before reading further and never more than the file holds.
    pub fn read_from(path: &std::path::Path) -> Result<Self> {
        Self::from_bytes(&read_regular_file(path, &FORMAT)?)
    }

    /// Reads an index written by [`StoryIndex::to_bytes`]. Anything else (another file, a cut
    /// or damaged file, another version or background table) is an [`Error::Model`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let mut reader = Reader::open(bytes, &FORMAT)?;
        let config = StoryConfig {
            neighbours: reader.get::<u32>()? as usize,
            candidate_terms: reader.get::<u32>()? as usize,
            max_term_articles: reader.get_len()?,
            threshold: reader.get()?,
            min_similarity: reader.get()?,
            window_days: Some(reader.get::<f64>()?).filter(|w| !w.is_nan()),
        };
        config
            .validate()
            .map_err(|e| reader.invalid(&format!("bad options ({e})")))?;
        let mut index = StoryIndex::new(config)?;
        if reader.get::<u64>()? != index.background {
            return Err(Error::Model(
                "this story index was built with another background table of term weights \
                 (another tidings version); build it again"
                    .into(),
            ));
        }
        let n = reader.get_len()?;
        // Each article takes at least 28 bytes: checked before anything is allocated.
        if n >= NO_STORY as usize || n.saturating_mul(28) > reader.remaining() {
            return Err(reader.invalid("the article count does not match the file"));
        }
        for position in 0..n as u32 {
            let date = reader.get::<u64>()? as i64;
            let exact = reader.get()?;
            index.keys.push(ArticleKey {
                date,
                exact,
                position,
            });
        }
        index.groups = read_groups(&mut reader, n)?;
        for _ in 0..n {
            let len = reader.get::<u32>()? as usize;
            let terms = reader.get_all(len)?;
            let weights = reader.get_all(len)?;
            index.vectors.push(
                TermVector::from_parts(terms, weights)
                    .map_err(|_| reader.invalid("a term vector is malformed"))?,
            );
        }
        index.neighbours.grow(n);
        let mut lost = Vec::new();
        for doc in 0..n as u32 {
            index.register(doc, &mut lost);
        }
        index.candidates.settle();
        for doc in 0..n as u32 {
            let list = read_list(&mut reader, doc, n, config.neighbours)?;
            index.neighbours.replace(doc, list);
        }
        index.part = reader.get_all(n)?;
        index.story = reader.get_all(n)?;
        reader.finish()?;
        let consistent = (0..n).all(|d| {
            let empty = index.vectors[d].is_empty();
            let (part, story) = (index.part[d], index.story[d]);
            let named = |x: u32| (x as usize) < n;
            if empty {
                part == NO_STORY && story == NO_STORY && index.neighbours(d as u32).is_empty()
            } else {
                named(part) && named(story)
            }
        });
        if !consistent {
            return Err(Error::Model(
                "not a valid tidings story index: stories and terms disagree".into(),
            ));
        }
        Ok(index)
    }
}

/// The group of each article, from `(doc, group)` pairs in document order.
fn read_groups(reader: &mut Reader<'_>, n: usize) -> Result<Vec<Option<u64>>> {
    let count = reader.get_len()?;
    if count > n {
        return Err(reader.invalid("more groups than articles"));
    }
    let mut groups = vec![None; n];
    let mut last = None;
    for _ in 0..count {
        let doc = reader.get::<u32>()?;
        let group = reader.get::<u64>()?;
        if doc as usize >= n || last.is_some_and(|l| l >= doc) {
            return Err(reader.invalid("a group names an article out of order"));
        }
        last = Some(doc);
        groups[doc as usize] = Some(group);
    }
    Ok(groups)
}

/// The neighbour list of `doc`: at most `k` other articles of the index.
fn read_list(reader: &mut Reader<'_>, doc: u32, n: usize, k: usize) -> Result<Vec<Neighbour>> {
    let len = reader.get::<u32>()? as usize;
    if len > k {
        return Err(reader.invalid("a neighbour list is too long"));
    }
    let mut list = Vec::with_capacity(len);
    for _ in 0..len {
        let neighbour = Neighbour {
            doc: reader.get()?,
            cosine: reader.get()?,
        };
        if neighbour.doc as usize >= n
            || neighbour.doc == doc
            || list.iter().any(|m: &Neighbour| m.doc == neighbour.doc)
        {
            return Err(reader.invalid("a neighbour list names a wrong article"));
        }
        list.push(neighbour);
    }
    Ok(list)
}
