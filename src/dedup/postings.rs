//! The inverted index of sampled shingles: for each sampled shingle hash, the indexed documents
//! holding it, in the order they were indexed. Append-only, so adding a document costs in
//! proportion to its sampled shingles, never to the index; each shingle's documents are
//! contiguous in memory, so listing them costs little even for a phrase held by thousands.
//!
//! A hash table maps each shingle to its documents. Most sampled shingles belong to one document,
//! which the table holds itself (8 bytes a slot, at most half the slots full); a shingle held by
//! several documents points instead to its own list (4 bytes a document, plus the list's 24).
//!
//! The table is laid out by hand (open addressing, linear probing) so that a document's slots can
//! be fetched from memory before they are read ([`Postings::prefetch`]): a large index misses the
//! cache on nearly every shingle, and the insertions of the decisions are serial, so waiting on
//! one miss after the other would leave the other workers idle.

use crate::error::{Error, Result};

/// Set in a table value that is a list, clear in one that is a document.
const LIST: u32 = 1 << 31;
/// Documents must be under this to fit a table value.
pub const MAX_DOCUMENTS: usize = LIST as usize - 1;
/// The value of a free slot: no document and no list index (lists are fewer than
/// [`MAX_DOCUMENTS`]) reaches it.
const FREE: u32 = u32::MAX;

#[derive(Debug, Default, Clone)]
pub struct Postings {
    /// `(shingle, value)`: a document id, or `LIST | index` into `lists`; [`FREE`] values mark
    /// free slots. A power of two long (or empty), at most half full.
    slots: Vec<(u32, u32)>,
    /// Full slots.
    len: usize,
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
        let Ok(slot) = self.find(shingle) else {
            return &[];
        };
        let value = &self.slots[slot].1;
        if value & LIST == 0 {
            std::slice::from_ref(value)
        } else {
            &self.lists[(value & !LIST) as usize]
        }
    }

    /// Starts fetching the table's slot of `shingle` from memory, to be read soon: asked for
    /// each of a document's shingles before they are looked up, the misses overlap.
    pub fn prefetch(&self, shingle: u32) {
        if let Some(slot) = self.slots.get(self.home(shingle)) {
            prefetch(slot);
        }
    }

    /// Makes room for `shingles` more sampled shingles without growing the table.
    pub fn reserve(&mut self, shingles: usize) {
        let wanted = ((self.len + shingles) * 2)
            .next_power_of_two()
            .max(MIN_SLOTS);
        if wanted > self.slots.len() {
            self.rehash(wanted);
        }
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
        if (self.len + 1) * 2 > self.slots.len() {
            self.rehash((self.slots.len() * 2).max(MIN_SLOTS));
        }
        let slot = match self.find(shingle) {
            Err(free) => {
                self.slots[free] = (shingle, doc);
                self.len += 1;
                return Ok(Change {
                    shingle,
                    undo: Undo::Remove,
                });
            }
            Ok(slot) => slot,
        };
        let value = &mut self.slots[slot].1;
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
                    if let Ok(slot) = self.find(change.shingle) {
                        self.remove(slot);
                    }
                }
                Undo::Single(single) => {
                    self.lists.pop();
                    if let Ok(slot) = self.find(change.shingle) {
                        self.slots[slot].1 = single;
                    }
                }
                Undo::Pop(at) => {
                    self.lists[at as usize].pop();
                }
            }
        }
    }

    /// Bytes held: the table's slots and the lists.
    pub fn memory_bytes(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<(u32, u32)>()
            + self.lists.capacity() * std::mem::size_of::<Vec<u32>>()
            + self.lists.iter().map(|l| l.capacity() * 4).sum::<usize>()
    }

    /// The slot where the probe for `shingle` starts. Sampled shingles are the low hashes, so
    /// their top bits are zero: the slot comes from the top bits of their product with an odd
    /// constant (Fibonacci hashing), which every bit of the shingle moves.
    fn home(&self, shingle: u32) -> usize {
        if self.slots.len() < 2 {
            return 0;
        }
        let bits = self.slots.len().trailing_zeros();
        (u64::from(shingle.wrapping_mul(0x9E37_79B9)) >> (32 - bits)) as usize
    }

    /// The slot holding `shingle`, or the free slot where it would go.
    fn find(&self, shingle: u32) -> std::result::Result<usize, usize> {
        if self.slots.is_empty() {
            return Err(0);
        }
        let mask = self.slots.len() - 1;
        let mut slot = self.home(shingle);
        loop {
            let (key, value) = self.slots[slot];
            if value == FREE {
                return Err(slot);
            }
            if key == shingle {
                return Ok(slot);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Frees `slot`, moving back the entries after it that their probes would no longer reach.
    fn remove(&mut self, mut hole: usize) {
        let mask = self.slots.len() - 1;
        let mut slot = hole;
        loop {
            slot = (slot + 1) & mask;
            let (key, value) = self.slots[slot];
            if value == FREE {
                break;
            }
            // The entry may fill the hole when the hole lies between its home and its slot.
            let home = self.home(key);
            if slot.wrapping_sub(home) & mask >= slot.wrapping_sub(hole) & mask {
                self.slots[hole] = (key, value);
                hole = slot;
            }
        }
        self.slots[hole].1 = FREE;
        self.len -= 1;
    }

    /// Moves every entry into a table of `slots` slots (a power of two).
    fn rehash(&mut self, slots: usize) {
        let old = std::mem::replace(&mut self.slots, vec![(0, FREE); slots]);
        for (key, value) in old.into_iter().filter(|&(_, value)| value != FREE) {
            if let Err(free) = self.find(key) {
                self.slots[free] = (key, value);
            }
        }
    }
}

/// The smallest table.
const MIN_SLOTS: usize = 16;

/// Asks the processor to bring `value`'s cache line in, without waiting for it.
#[inline(always)]
fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint: it reads nothing and faults on no address.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>((value as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
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

    #[test]
    fn undone_documents_leave_what_the_others_made() {
        // Many shingles on few slots' worth of homes, so probes run long and removals move
        // entries back; compared with the lists kept by a plain map.
        let mut postings = Postings::default();
        let mut expected: std::collections::HashMap<u32, Vec<u32>> = Default::default();
        let mut state = 7u64;
        for doc in 0..3000u32 {
            let shingles: Vec<u32> = (0..1 + doc % 13)
                .map(|_| {
                    state = crate::text::hash::fmix64(state.wrapping_add(1));
                    (state % 4000) as u32 * 1024
                })
                .collect::<std::collections::BTreeSet<u32>>()
                .into_iter()
                .collect();
            let mut holders = Vec::new();
            let changes: Vec<Change> = shingles
                .iter()
                .map(|&s| postings.insert(s, doc, 0, &mut holders).unwrap())
                .collect();
            let mut seen: Vec<u32> = shingles
                .iter()
                .flat_map(|s| expected.get(s).cloned().unwrap_or_default())
                .collect();
            seen.sort_unstable();
            holders.sort_unstable();
            assert_eq!(holders, seen);
            if doc % 3 == 0 {
                postings.undo(&changes);
            } else {
                for &s in &shingles {
                    expected.entry(s).or_default().push(doc);
                }
            }
        }
        for s in 0..4000u32 {
            let docs = expected.get(&(s * 1024)).map_or(&[][..], |d| d.as_slice());
            assert_eq!(postings.docs(s * 1024), docs, "{s}");
        }
        assert_eq!(postings.len, expected.len());
    }
}
