//! Fingerprints kept in a temporary file while a corpus arrives in chunks: memory holds each
//! document's exact hash and shingle count (12 bytes), the file its shingle hashes (4 bytes each,
//! in the order added). The file is read back whole, one run of documents at a time, or for a
//! chosen set of documents.
//!
//! The file is removed as soon as it is opened where the system allows (its space is freed when
//! the handle closes, also when the process is killed), else when the value is dropped.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::fingerprint::Fingerprints;
use crate::error::{Error, Result};

/// Shingle hashes read at a time when the file is read back.
const READ_SHINGLES: usize = 1 << 22;

/// Fingerprints whose shingles wait in a temporary file.
pub struct SpilledFingerprints {
    file: BufWriter<File>,
    /// Where the file is, while it still has a name to remove.
    named: Option<PathBuf>,
    exact: Vec<u64>,
    lengths: Vec<u32>,
}

impl std::fmt::Debug for SpilledFingerprints {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SpilledFingerprints")
            .field("documents", &self.len())
            .finish()
    }
}

fn io_error(what: &str, error: std::io::Error) -> Error {
    Error::Io(format!(
        "{what} the dedup fingerprints' temporary file: {error}"
    ))
}

impl SpilledFingerprints {
    /// An empty set whose file is created in `directory`.
    pub fn create(directory: &Path) -> Result<Self> {
        static CREATED: AtomicU64 = AtomicU64::new(0);
        let name = format!(
            ".tidings-dedup-{}-{}.tmp",
            std::process::id(),
            CREATED.fetch_add(1, Ordering::Relaxed)
        );
        let path = directory.join(name);
        let file = File::options()
            .read(true)
            // Written at the end whatever the reads did with the shared offset.
            .append(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| io_error("cannot create", e))?;
        // Unix keeps an open file's contents once its name is gone.
        let named = if cfg!(unix) && std::fs::remove_file(&path).is_ok() {
            None
        } else {
            Some(path)
        };
        Ok(SpilledFingerprints {
            file: BufWriter::new(file),
            named,
            exact: Vec::new(),
            lengths: Vec::new(),
        })
    }

    pub fn len(&self) -> usize {
        self.exact.len()
    }

    pub fn is_empty(&self) -> bool {
        self.exact.is_empty()
    }

    pub fn exact(&self, doc: usize) -> u64 {
        self.exact[doc]
    }

    /// The number of distinct shingles of document `doc`.
    pub fn length(&self, doc: usize) -> usize {
        self.lengths[doc] as usize
    }

    /// Appends every document of `batch`, in order.
    pub fn append(&mut self, batch: &Fingerprints) -> Result<()> {
        for doc in 0..batch.len() {
            let shingles = batch.shingles(doc);
            let length = u32::try_from(shingles.len())
                .map_err(|_| Error::InvalidInput("a document with 2^32 shingles".into()))?;
            for &s in shingles {
                self.file
                    .write_all(&s.to_le_bytes())
                    .map_err(|e| io_error("cannot write", e))?;
            }
            self.exact.push(batch.exact(doc));
            self.lengths.push(length);
        }
        Ok(())
    }

    /// Calls `visit` with runs of consecutive documents read back (the first's position, their
    /// fingerprints), every document once, in order.
    pub fn read_runs(
        &mut self,
        mut visit: impl FnMut(usize, &Fingerprints) -> Result<()>,
    ) -> Result<()> {
        let mut reader = self.reader()?;
        let mut first = 0;
        while first < self.len() {
            let mut run = Fingerprints::new();
            let mut held = 0;
            let mut doc = first;
            while doc < self.len() && (doc == first || held + self.length(doc) <= READ_SHINGLES) {
                let shingles = read_shingles(&mut reader, self.length(doc))?;
                held += shingles.len();
                run.push(self.exact[doc], &shingles);
                doc += 1;
            }
            visit(first, &run)?;
            first = doc;
        }
        Ok(())
    }

    /// The fingerprints of the documents with `chosen(doc)`, in order (the others empty, so
    /// positions stay those of the file).
    pub fn load(&mut self, chosen: impl Fn(usize) -> bool) -> Result<Fingerprints> {
        let total = (0..self.len())
            .filter(|&d| chosen(d))
            .map(|d| self.length(d))
            .sum();
        let mut out = Fingerprints::new();
        out.reserve(self.len(), total);
        let mut reader = self.reader()?;
        for doc in 0..self.len() {
            let bytes = self.length(doc) as i64 * 4;
            if chosen(doc) {
                out.push(
                    self.exact[doc],
                    &read_shingles(&mut reader, self.length(doc))?,
                );
            } else {
                out.push(self.exact[doc], &[]);
                reader
                    .seek_relative(bytes)
                    .map_err(|e| io_error("cannot read", e))?;
            }
        }
        Ok(out)
    }

    /// A reader from the start of the file, once everything written is in it.
    fn reader(&mut self) -> Result<BufReader<File>> {
        self.file.flush().map_err(|e| io_error("cannot write", e))?;
        let mut file = self
            .file
            .get_ref()
            .try_clone()
            .map_err(|e| io_error("cannot read", e))?;
        file.seek(SeekFrom::Start(0))
            .map_err(|e| io_error("cannot read", e))?;
        Ok(BufReader::with_capacity(1 << 20, file))
    }
}

fn read_shingles(reader: &mut impl Read, count: usize) -> Result<Vec<u32>> {
    let mut bytes = vec![0u8; count * 4];
    reader
        .read_exact(&mut bytes)
        .map_err(|e| io_error("cannot read", e))?;
    Ok(bytes
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect())
}

impl Drop for SpilledFingerprints {
    fn drop(&mut self) {
        if let Some(path) = self.named.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parallel::Progress;

    #[test]
    fn reads_back_what_was_written_and_leaves_no_file() {
        let texts: Vec<String> = (0..700)
            .map(|i| format!("w{i} a b c d e f w{}", i % 7))
            .collect();
        let borrowed: Vec<Option<&str>> = texts.iter().map(|t| Some(t.as_str())).collect();
        let all = Fingerprints::of_texts(&borrowed, 3, &Progress::default());
        let directory =
            std::env::temp_dir().join(format!("tidings-spill-test-{}", std::process::id()));
        std::fs::create_dir_all(&directory).unwrap();
        let mut spilled = SpilledFingerprints::create(&directory).unwrap();
        spilled
            .append(&Fingerprints::of_texts(
                &borrowed[..300],
                3,
                &Progress::default(),
            ))
            .unwrap();
        spilled
            .append(&Fingerprints::of_texts(
                &borrowed[300..],
                3,
                &Progress::default(),
            ))
            .unwrap();
        let mut back = Fingerprints::new();
        spilled
            .read_runs(|first, run| {
                assert_eq!(first, back.len());
                back.append(run);
                Ok(())
            })
            .unwrap();
        assert_eq!(back, all);
        let odd = spilled.load(|d| d % 2 == 1).unwrap();
        for d in 0..all.len() {
            let expected: &[u32] = if d % 2 == 1 { all.shingles(d) } else { &[] };
            assert_eq!((odd.exact(d), odd.shingles(d)), (all.exact(d), expected));
        }
        drop(spilled);
        assert_eq!(std::fs::read_dir(&directory).unwrap().count(), 0);
        std::fs::remove_dir(&directory).unwrap();
    }
}
