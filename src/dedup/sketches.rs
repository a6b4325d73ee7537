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
        let mut direct = DedupIndex::new(config.clone()).unwrap();
        direct.add(&TEXTS[..2]).unwrap();
        direct.add(&TEXTS[2..]).unwrap();
        let maker = DedupIndex::new(config.clone()).unwrap();
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
