//! Document sketches carried between processes: a batch's sketches made where its texts are
//! (a cluster's worker) and added to one index elsewhere, as bytes in the `persist` layout
//! (`num_perm`, `ngram`, the count, then exact hashes, shingle counts and signatures).

use super::index::Sketch;
use super::options::DedupConfig;
use crate::error::{Error, Result};
use crate::persist::{Format, Reader, Writer};

const FORMAT: Format = Format {
    magic: b"TIDINGS-SKETCH\0\x01",
    version: 1,
    name: "dedup sketches",
};

/// The sketches of a batch of documents, with the options that shape them.
#[derive(Debug, Clone, PartialEq)]
pub struct Sketches {
    num_perm: usize,
    ngram: usize,
    items: Vec<Sketch>,
}

impl Sketches {
    pub(super) fn new(config: &DedupConfig, items: Vec<Sketch>) -> Self {
        Sketches {
            num_perm: config.num_perm,
            ngram: config.ngram,
            items,
        }
    }

    /// Number of documents sketched.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The sketches, when they were made with the `num_perm` and `ngram` of `config`.
    pub(super) fn into_items(self, config: &DedupConfig) -> Result<Vec<Sketch>> {
        if (self.num_perm, self.ngram) != (config.num_perm, config.ngram) {
            return Err(Error::InvalidInput(format!(
                "the sketches were made with num_perm={} and ngram={}, the index has num_perm={} and ngram={}",
                self.num_perm, self.ngram, config.num_perm, config.ngram
            )));
        }
        Ok(self.items)
    }

    /// One batch of the sketches of several, in the order of their documents' `positions`
    /// (one per document, unique: rows of the whole corpus), whatever batch each came in.
    pub fn merged_in_order(parts: Vec<Sketches>, positions: &[Vec<u64>]) -> Result<Sketches> {
        if parts.len() != positions.len() {
            return Err(Error::InvalidInput(format!(
                "{} batches of sketches but {} lists of positions",
                parts.len(),
                positions.len()
            )));
        }
        let (num_perm, ngram) = parts.first().map_or((0, 0), |p| (p.num_perm, p.ngram));
        let mut placed: Vec<(u64, Sketch)> = Vec::new();
        for (part, at) in parts.into_iter().zip(positions) {
            if (part.num_perm, part.ngram) != (num_perm, ngram) || part.items.len() != at.len() {
                return Err(Error::InvalidInput(
                    "each batch needs the options of the first and one position a document".into(),
                ));
            }
            placed.extend(at.iter().copied().zip(part.items));
        }
        placed.sort_unstable_by_key(|(position, _)| *position);
        if placed.windows(2).any(|w| w[0].0 == w[1].0) {
            return Err(Error::InvalidInput(
                "document positions must be unique".into(),
            ));
        }
        Ok(Sketches {
            num_perm,
            ngram,
            items: placed.into_iter().map(|(_, item)| item).collect(),
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let n = self.items.len();
        let mut out = Writer::new(&FORMAT, 16 + n * (12 + 2 * self.num_perm));
        out.put(self.num_perm as u32);
        out.put(self.ngram as u32);
        out.put(n as u64);
        for s in &self.items {
            out.put(s.exact);
            out.put(s.size);
            out.put_all(&s.signature);
        }
        out.finish()
    }

    /// Reads sketches written by [`Sketches::to_bytes`]; anything else is an [`Error::Model`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let mut reader = Reader::open(bytes, &FORMAT)?;
        let num_perm = reader.get::<u32>()? as usize;
        let ngram = reader.get::<u32>()? as usize;
        let n = reader.get_len()?;
        let expected = n.checked_mul(12 + 2 * num_perm);
        if num_perm == 0 || expected != Some(reader.remaining()) {
            return Err(reader.invalid("the array sizes do not match the header"));
        }
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            let exact = reader.get::<u64>()?;
            let size = reader.get::<u32>()?;
            let signature = reader.get_all::<u16>(num_perm)?;
            items.push(Sketch {
                exact,
                size,
                signature,
            });
        }
        reader.finish()?;
        Ok(Sketches {
            num_perm,
            ngram,
            items,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::index::DedupIndex;
    use super::*;
    use crate::parallel::Progress;

    const TEXTS: [Option<&str>; 5] = [
        Some("The central bank raised its main interest rate by a quarter point on Tuesday, citing inflation."),
        Some("The central bank raised its main interest rate by a quarter point on Tuesday, citing inflation!"),
        None,
        Some("An unrelated story about the weather in the mountains over the long weekend ahead."),
        Some("The central bank raised its main interest rate by a quarter point on Tuesday, citing inflation."),
    ];

    #[test]
    fn adding_sketches_equals_adding_texts() {
        let config = DedupConfig::default();
        let mut direct = DedupIndex::new(config).unwrap();
        direct.add(&TEXTS[..2]).unwrap();
        direct.add(&TEXTS[2..]).unwrap();
        let maker = DedupIndex::new(config).unwrap();
        let mut carried = DedupIndex::new(config).unwrap();
        for batch in [&TEXTS[..2], &TEXTS[2..]] {
            let bytes = maker.sketches(batch, &Progress::default()).to_bytes();
            carried
                .add_sketches(Sketches::from_bytes(&bytes).unwrap())
                .unwrap();
        }
        assert_eq!(direct.to_bytes(), carried.to_bytes());
    }

    #[test]
    fn batches_merge_in_document_order() {
        let maker = DedupIndex::new(DedupConfig::default()).unwrap();
        let sketch = |texts: &[Option<&str>]| maker.sketches(texts, &Progress::default());
        let whole = sketch(&TEXTS);
        let odd = sketch(&[TEXTS[1], TEXTS[3]]);
        let even = sketch(&[TEXTS[0], TEXTS[2], TEXTS[4]]);
        let merged = Sketches::merged_in_order(vec![odd, even], &[vec![1, 3], vec![0, 2, 4]]);
        assert_eq!(merged.unwrap(), whole);
        let twice = Sketches::merged_in_order(
            vec![sketch(&TEXTS[..1]), sketch(&TEXTS[..1])],
            &[vec![0], vec![0]],
        );
        assert!(twice.is_err());
        assert!(Sketches::merged_in_order(vec![sketch(&TEXTS[..1])], &[vec![0, 1]]).is_err());
    }

    #[test]
    fn foreign_or_mismatched_sketches_are_errors() {
        let maker = DedupIndex::new(DedupConfig::default()).unwrap();
        let bytes = maker.sketches(&TEXTS, &Progress::default()).to_bytes();
        assert!(Sketches::from_bytes(&bytes[..bytes.len() - 3]).is_err());
        assert!(Sketches::from_bytes(b"not sketches").is_err());
        let other = DedupConfig {
            ngram: 3,
            ..DedupConfig::default()
        };
        let mut index = DedupIndex::new(other).unwrap();
        let sketches = Sketches::from_bytes(&bytes).unwrap();
        assert!(index.add_sketches(sketches).is_err());
    }
}
