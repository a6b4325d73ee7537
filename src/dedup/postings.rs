//! The inverted index of sampled shingles: for each sampled shingle hash, the indexed documents
//! holding it, in the order they were indexed. Append-only, so adding a document costs in
//! proportion to its sampled shingles, never to the index; each shingle's documents are
//! contiguous in memory, so listing them costs little even for a phrase held by thousands.
//!
//! A hash table maps each shingle to its documents. Most sampled shingles belong to one document,
//! which the table holds itself (about 9 bytes a slot; at most 8/7 slots per shingle, up to twice
//! that after the table grows); a shingle held by several documents points instead to its own
//! list (4 bytes a document, plus the list's 24).

use rustc_hash::FxHashMap;

use crate::error::{Error, Result};

/// Set in a table value that is a list, clear in one that is a document.
const LIST: u32 = 1 << 31;
/// Documents must be under this to fit a table value.
pub const MAX_DOCUMENTS: usize = LIST as usize - 1;

#[derive(Debug, Default, Clone)]
pub struct Postings {
    /// A document id, or `LIST | index` into `lists`.
    table: FxHashMap<u32, u32>,
    lists: Vec<Vec<u32>>,
}

/// How an insertion changed a shingle's entry, to undo it.
#[derive(Debug, Clone, Copy)]
pub struct Change {
    shingle: u32,
    undo: Undo,
}

#[derive(Debug, Clone, Copy)]
enum Undo {
    /// The shingle was new.
    Remove,
    /// It had one document, which was turned into a list (the last one).
    Single(u32),
    /// A document was appended to its list.
    Pop(u32),
}

impl Postings {
    /// The documents holding `shingle`, in the order they were indexed.
    pub fn docs(&self, shingle: u32) -> &[u32] {
        match self.table.get(&shingle) {
            None => &[],
            Some(value) if value & LIST == 0 => std::slice::from_ref(value),
            Some(value) => &self.lists[(value & !LIST) as usize],
        }
    }

    /// Makes room for `shingles` more sampled shingles without growing the table.
    pub fn reserve(&mut self, shingles: usize) {
        self.table.reserve(shingles);
    }

    /// Records that `doc` (indexed after every document so far) holds `shingle`, after adding to
    /// `holders` the documents from `from` on that held it already.
    pub fn insert(
        &mut self,
        shingle: u32,
        doc: u32,
        from: u32,
        holders: &mut Vec<u32>,
    ) -> Result<Change> {
        if doc as usize >= MAX_DOCUMENTS || self.lists.len() >= MAX_DOCUMENTS {
            return Err(Error::InvalidInput(format!(
                "a dedup index holds at most {MAX_DOCUMENTS} documents"
            )));
        }
        let value = match self.table.entry(shingle) {
            std::collections::hash_map::Entry::Vacant(vacant) => {
                vacant.insert(doc);
                return Ok(Change {
                    shingle,
                    undo: Undo::Remove,
                });
            }
            std::collections::hash_map::Entry::Occupied(occupied) => occupied.into_mut(),
        };
        let undo = if *value & LIST == 0 {
            let single = *value;
            if single >= from {
                holders.push(single);
            }
            *value = self.lists.len() as u32 | LIST;
            self.lists.push(vec![single, doc]);
            Undo::Single(single)
        } else {
            let at = *value & !LIST;
            let list = &mut self.lists[at as usize];
            let start = list.partition_point(|&d| d < from);
            holders.extend_from_slice(&list[start..]);
            list.push(doc);
            Undo::Pop(at)
        };
        Ok(Change { shingle, undo })
    }

    /// Undoes the latest insertions, which returned `changes` (all of one document's).
    pub fn undo(&mut self, changes: &[Change]) {
        for change in changes.iter().rev() {
            match change.undo {
                Undo::Remove => {
                    self.table.remove(&change.shingle);
                }
                Undo::Single(single) => {
                    self.lists.pop();
                    self.table.insert(change.shingle, single);
                }
                Undo::Pop(at) => {
                    self.lists[at as usize].pop();
                }
            }
        }
    }

    /// Bytes held: the table's slots with their control bytes, and the lists.
    pub fn memory_bytes(&self) -> usize {
        self.table.capacity() * 9
            + self.lists.capacity() * std::mem::size_of::<Vec<u32>>()
            + self.lists.iter().map(|l| l.capacity() * 4).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn insert(postings: &mut Postings, shingle: u32, doc: u32) -> Change {
        postings.insert(shingle, doc, 0, &mut Vec::new()).unwrap()
    }

    #[test]
    fn lists_documents_in_order() {
        let mut postings = Postings::default();
        for (shingle, doc) in [(8, 0), (12, 0), (8, 1), (8, 4), (16, 4)] {
            insert(&mut postings, shingle, doc);
        }
        assert_eq!(postings.docs(8), [0, 1, 4]);
        assert_eq!(postings.docs(12), [0]);
        assert!(postings.docs(20).is_empty());
        assert_eq!(postings.lists.len(), 1);
        assert!(postings
            .insert(1, MAX_DOCUMENTS as u32, 0, &mut Vec::new())
            .is_err());
    }

    #[test]
    fn a_document_sees_the_holders_since_a_point_and_can_be_taken_out() {
        let mut postings = Postings::default();
        for (shingle, doc) in [(8, 0), (12, 0), (8, 1), (8, 4), (16, 4)] {
            insert(&mut postings, shingle, doc);
        }
        let mut holders = Vec::new();
        let changes: Vec<Change> = [8, 12, 16, 30]
            .iter()
            .map(|&s| postings.insert(s, 5, 1, &mut holders).unwrap())
            .collect();
        assert_eq!(holders, [1, 4, 4]);
        assert_eq!(postings.docs(12), [0, 5]);
        postings.undo(&changes);
        assert_eq!(postings.docs(8), [0, 1, 4]);
        assert_eq!(postings.docs(12), [0]);
        assert_eq!(postings.docs(16), [4]);
        assert!(postings.docs(30).is_empty());
        assert_eq!(postings.lists.len(), 1);
    }
}
