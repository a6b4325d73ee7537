//! The names the corpus-wide join changed, by document ([`NameRenames`]): what the mentions of
//! a corpus tagged chunk by chunk are rewritten with. Each document's renames are sorted by
//! the name they change, so a mention finds its own by binary search: rewriting a table costs
//! in proportion to its mentions, however many documents the corpus has. It saves to bytes,
//! for a rewrite in another process.

use std::collections::HashMap;

use super::corpus_join::{CorpusNames, Rename};
use super::mention::{Label, Link};
use crate::error::Result;
use crate::persist::{Format, Reader, Writer};

const FORMAT: Format = Format {
    magic: b"TIDINGS-RENAMES\x01",
    version: 1,
    name: "name renames",
};

/// One name changed in one document: names `from` → `to` (ids into the names table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row {
    from: u32,
    to: u32,
    link: Link,
}

/// The names the join changed, document by document (documents by their position in the
/// corpus).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NameRenames {
    /// Each name renamed or joined to: its label, and its entity `text[ends[i - 1]..ends[i]]`.
    labels: Vec<Label>,
    text: String,
    ends: Vec<usize>,
    /// The documents with a rename, increasing.
    documents: Vec<u32>,
    /// Document `i`'s rows are `rows[starts[i]..starts[i + 1]]`, sorted by the name renamed.
    starts: Vec<u32>,
    rows: Vec<Row>,
}

impl NameRenames {
    /// The renames of `names.join()` (`renames`, in document order).
    pub fn new(names: &CorpusNames, renames: &[Rename]) -> Self {
        let mut out = NameRenames {
            starts: vec![0],
            ..Self::default()
        };
        let mut ids: HashMap<u32, u32> = HashMap::new();
        let mut id = |out: &mut NameRenames, key: u32| -> u32 {
            *ids.entry(key).or_insert_with(|| {
                let (label, entity) = names.name(key);
                out.push_name(label, entity)
            })
        };
        let mut from = 0;
        while from < renames.len() {
            let doc = renames[from].doc;
            let end = from + renames[from..].partition_point(|r| r.doc == doc);
            for r in &renames[from..end] {
                let row = Row {
                    from: id(&mut out, r.key),
                    to: id(&mut out, r.joined),
                    link: r.link,
                };
                out.rows.push(row);
            }
            out.end_document(doc as u32);
            from = end;
        }
        out
    }

    fn push_name(&mut self, label: Label, entity: &str) -> u32 {
        self.labels.push(label);
        self.text.push_str(entity);
        self.ends.push(self.text.len());
        (self.labels.len() - 1) as u32
    }

    /// Ends document `doc`'s rows (those pushed since the last document ended).
    fn end_document(&mut self, doc: u32) {
        let start = *self.starts.last().unwrap_or(&0) as usize;
        let mut here = std::mem::take(&mut self.rows);
        here[start..]
            .sort_unstable_by(|a, b| self.name_order(a.from).cmp(&self.name_order(b.from)));
        self.rows = here;
        self.documents.push(doc);
        self.starts.push(self.rows.len() as u32);
    }

    fn name_order(&self, id: u32) -> (&'static str, &str) {
        let (label, entity) = self.name(id);
        (label.as_str(), entity)
    }

    fn name(&self, id: u32) -> (Label, &str) {
        let i = id as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        (self.labels[i], &self.text[start..self.ends[i]])
    }

    /// Renames in all.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The documents with renames (their positions in the corpus), increasing.
    pub fn documents(&self) -> &[u32] {
        &self.documents
    }

    /// The rename of the name (`label`, `entity`) in the `document`-th document of
    /// [`NameRenames::documents`], as a row number.
    pub fn find(&self, document: usize, label: &str, entity: &str) -> Option<usize> {
        let start = *self.starts.get(document)? as usize;
        let end = *self.starts.get(document + 1)? as usize;
        let here = &self.rows[start..end];
        here.binary_search_by(|row| self.name_order(row.from).cmp(&(label, entity)))
            .ok()
            .map(|i| start + i)
    }

    /// Row `row`'s joined label and entity, and the link that joined them.
    pub fn joined(&self, row: usize) -> (Label, &str, Link) {
        let r = self.rows[row];
        let (label, entity) = self.name(r.to);
        (label, entity, r.link)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Writer::new(&FORMAT, self.text.len() + 16 * self.rows.len());
        out.put(self.labels.len() as u64);
        for (i, label) in self.labels.iter().enumerate() {
            out.put(label.index() as u16);
            out.put_str(self.name(i as u32).1);
        }
        out.put(self.documents.len() as u64);
        out.put_all(&self.documents);
        out.put_all(&self.starts[1..]);
        for row in &self.rows {
            out.put_all(&[row.from, row.to, row.link.index() as u32]);
        }
        out.finish()
    }

    /// Renames saved by [`NameRenames::to_bytes`], checked.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let mut input = Reader::open(bytes, &FORMAT)?;
        let mut out = NameRenames {
            starts: vec![0],
            ..Self::default()
        };
        for _ in 0..input.get_len()?.min(input.remaining()) {
            let label = Label::ALL.get(input.get::<u16>()? as usize).copied();
            let label = label.ok_or_else(|| input.invalid("an unknown label"))?;
            let entity = input.get_str(input.remaining())?;
            out.push_name(label, entity);
        }
        let documents = input.get_len()?;
        out.documents = input.get_all(documents)?;
        out.starts.extend(input.get_all::<u32>(documents)?);
        let rows = *out.starts.last().unwrap_or(&0) as usize;
        if out.starts.windows(2).any(|w| w[0] > w[1]) {
            return Err(input.invalid("the documents' rows are out of order"));
        }
        let names = out.labels.len() as u32;
        for chunk in input
            .get_all::<u32>(rows.saturating_mul(3))?
            .chunks_exact(3)
        {
            let link = Link::ALL.get(chunk[2] as usize).copied();
            let link = link.ok_or_else(|| input.invalid("an unknown link"))?;
            if chunk[0] >= names || chunk[1] >= names {
                return Err(input.invalid("a rename names a name outside the table"));
            }
            out.rows.push(Row {
                from: chunk[0],
                to: chunk[1],
                link,
            });
        }
        input.finish()?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::corpus_join::tests::mention;
    use crate::tag::Publication;

    /// Three documents naming Hassan Rouhani, one of them spelling him "Rowhani"; a fourth
    /// naming only "Rouhani", with the same company.
    fn renames() -> NameRenames {
        let person = |name| mention(Label::Person, name);
        let org = |name| mention(Label::Org, name);
        let docs = vec![
            vec![
                person("Hassan Rouhani"),
                org("Tehran Oil Board"),
                person("Javad Zarif"),
            ],
            vec![
                person("Hassan Rouhani"),
                org("Tehran Oil Board"),
                person("Javad Zarif"),
            ],
            vec![
                person("Hassan Rowhani"),
                org("Tehran Oil Board"),
                person("Javad Zarif"),
            ],
            vec![
                person("Rouhani"),
                org("Tehran Oil Board"),
                person("Javad Zarif"),
            ],
        ];
        let mut names = CorpusNames::default();
        for doc in &docs {
            names.add(doc, &Publication::default());
        }
        NameRenames::new(&names, &names.join())
    }

    #[test]
    fn a_mention_finds_the_rename_of_its_document() {
        let renames = renames();
        assert_eq!(renames.documents(), &[2, 3]);
        let row = renames.find(0, "PERSON", "Hassan Rowhani").unwrap();
        assert_eq!(
            renames.joined(row),
            (Label::Person, "Hassan Rouhani", Link::Spelling)
        );
        let row = renames.find(1, "PERSON", "Rouhani").unwrap();
        assert_eq!(renames.joined(row).1, "Hassan Rouhani");
        assert_eq!(renames.find(1, "PERSON", "Hassan Rowhani"), None);
        assert_eq!(renames.find(0, "ORG", "Hassan Rowhani"), None);
        assert_eq!(renames.find(2, "PERSON", "Rouhani"), None);
    }

    #[test]
    fn renames_survive_bytes_and_damage_is_an_error() {
        let renames = renames();
        let bytes = renames.to_bytes();
        assert_eq!(NameRenames::from_bytes(&bytes).unwrap(), renames);
        let mut damaged = bytes.clone();
        damaged[20] ^= 1;
        assert!(NameRenames::from_bytes(&damaged).is_err());
        assert!(NameRenames::from_bytes(&bytes[..bytes.len() - 3]).is_err());
    }
}
