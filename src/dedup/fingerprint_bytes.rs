//! Fingerprints carried between processes: a batch fingerprinted where its texts are (a cluster's
//! worker) and added to the corpus's fingerprints elsewhere, as bytes in the `persist` layout
//! (the shingle size, the counts, then the exact hashes, offsets and shingle hashes).

use super::fingerprint::Fingerprints;
use crate::error::Result;
use crate::persist::{Format, Reader, Writer};

const FORMAT: Format = Format {
    magic: b"TIDINGS-FPRINTS\x01",
    version: 1,
    name: "dedup fingerprints",
};

/// The bytes of `fingerprints`, made with shingles of `ngram` words.
pub fn fingerprints_to_bytes(fingerprints: &Fingerprints, ngram: usize) -> Vec<u8> {
    let (exact, offsets, shingles) = fingerprints.parts();
    let mut out = Writer::new(
        &FORMAT,
        24 + exact.len() * 8 + offsets.len() * 8 + shingles.len() * 4,
    );
    out.put(ngram as u32);
    out.put(exact.len() as u64);
    out.put(shingles.len() as u64);
    out.put_all(exact);
    out.put_all(offsets);
    out.put_all(shingles);
    out.finish()
}

/// Fingerprints and their shingle size read from [`fingerprints_to_bytes`]; anything else (cut,
/// damaged, foreign) is an [`Error::Model`](crate::error::Error::Model).
pub fn fingerprints_from_bytes(bytes: &[u8]) -> Result<(Fingerprints, usize)> {
    let mut reader = Reader::open(bytes, &FORMAT)?;
    let ngram = reader.get::<u32>()? as usize;
    let documents = reader.get_len()?;
    let shingles = reader.get_len()?;
    let expected = documents
        .checked_mul(16)
        .and_then(|x| x.checked_add(8)?.checked_add(shingles.checked_mul(4)?));
    if expected != Some(reader.remaining()) {
        return Err(reader.invalid("the array sizes do not match the header"));
    }
    let exact = reader.get_all(documents)?;
    let offsets = reader.get_all(documents + 1)?;
    let hashes = reader.get_all(shingles)?;
    reader.finish()?;
    let fingerprints = Fingerprints::from_parts(exact, offsets, hashes).ok_or_else(|| {
        crate::error::Error::Model("the dedup fingerprints do not fit together".into())
    })?;
    Ok((fingerprints, ngram))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parallel::Progress;

    #[test]
    fn fingerprints_round_trip_and_bad_bytes_are_errors() {
        let texts = [
            Some("The bank raised its main rate by a quarter point on Tuesday."),
            None,
            Some(""),
        ];
        let fingerprints = Fingerprints::of_texts(&texts, 5, &Progress::default());
        let bytes = fingerprints_to_bytes(&fingerprints, 5);
        let (back, ngram) = fingerprints_from_bytes(&bytes).unwrap();
        assert_eq!((back, ngram), (fingerprints, 5));
        assert!(fingerprints_from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(fingerprints_from_bytes(b"something else entirely").is_err());
    }
}
