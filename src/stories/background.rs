//! The background table: in how many documents of a fixed news corpus each term occurs, and
//! the inverse document frequency it gives a term.
//!
//! The table (`background_df.tsv`, compiled in) is written by `scripts/build_story_idf.py` from
//! the tagger's training corpora, GMB (Voice of America news) and GUM (Wikinews); see the model
//! card. Weights from a fixed table do not depend on which articles are grouped together, in
//! what order or in how many batches, so a growing index gives the same stories as one call.
//!
//! Format: `#` comment lines, then `documents<TAB>N`, then one `term<TAB>document frequency`
//! line per term. Terms are those of [`super::terms`].

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_64;

use super::terms::term_hash;
use crate::error::{Error, Result};

const TABLE: &str = include_str!("background_df.tsv");

/// Document frequencies of the background corpus, by term hash.
#[derive(Debug)]
pub struct Background {
    documents: u32,
    frequencies: FxHashMap<u64, u32>,
    fingerprint: u64,
}

impl Background {
    /// Parses a table in the format of the module docs.
    pub fn parse(table: &str) -> Result<Self> {
        let invalid = |line: usize, why: &str| {
            Error::Model(format!(
                "the background table of story terms is invalid at line {line}: {why}"
            ))
        };
        let mut documents = None;
        let mut frequencies = FxHashMap::default();
        for (number, line) in table.lines().enumerate() {
            let number = number + 1;
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (term, count) = line
                .split_once('\t')
                .ok_or_else(|| invalid(number, "no tab"))?;
            let count: u32 = count
                .trim()
                .parse()
                .map_err(|_| invalid(number, "the count is not a number"))?;
            match documents {
                None if term == "documents" => documents = Some(count),
                None => return Err(invalid(number, "the first line must be `documents`")),
                Some(total) if count == 0 || count > total => {
                    return Err(invalid(number, "the count is out of range"))
                }
                Some(_) => {
                    if frequencies.insert(term_hash(term), count).is_some() {
                        return Err(invalid(number, "a term is listed twice"));
                    }
                }
            }
        }
        Ok(Background {
            documents: documents.ok_or_else(|| invalid(0, "it is empty"))?,
            frequencies,
            fingerprint: xxh3_64(table.as_bytes()),
        })
    }

    /// The smoothed inverse document frequency of a term, `ln((1 + N) / (1 + df)) + 1`: a term
    /// the background never saw weighs most.
    pub fn idf(&self, term: u64) -> f32 {
        let df = self.frequencies.get(&term).copied().unwrap_or(0);
        ((1.0 + f64::from(self.documents)) / (1.0 + f64::from(df))).ln() as f32 + 1.0
    }

    pub fn documents(&self) -> u32 {
        self.documents
    }

    pub fn terms(&self) -> usize {
        self.frequencies.len()
    }

    /// Hash of the table's text: a saved index records it, so it never mixes weights of two
    /// tables.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }
}

/// The shipped table, parsed once.
pub fn background() -> Result<&'static Background> {
    static CELL: OnceLock<Result<Background>> = OnceLock::new();
    CELL.get_or_init(|| Background::parse(TABLE))
        .as_ref()
        .map_err(|err| Error::Model(err.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idf_of_known_and_unknown_terms() {
        let table = Background::parse("# test\ndocuments\t9\nrehab\t1\nsaid\t9\n").unwrap();
        assert_eq!(table.documents(), 9);
        assert!((table.idf(term_hash("rehab")) - (5f32.ln() + 1.0)).abs() < 1e-6);
        assert!((table.idf(term_hash("said")) - 1.0).abs() < 1e-6);
        assert!((table.idf(term_hash("unseen")) - (10f32.ln() + 1.0)).abs() < 1e-6);
    }

    #[test]
    fn refuses_bad_tables() {
        for bad in [
            "",
            "rehab\t1\n",
            "documents\t9\nrehab\t10\n",
            "documents\t9\nrehab\t0\n",
            "documents\t9\nrehab\tmany\n",
            "documents\t9\nrehab 1\n",
            "documents\t9\nrehab\t1\nrehab\t2\n",
        ] {
            assert!(
                matches!(Background::parse(bad), Err(Error::Model(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_shipped_table_reads() {
        let table = background().unwrap();
        assert!(table.documents() > 1000, "{}", table.documents());
        assert!(table.terms() > 10_000);
        // Function words are common in news, a rare word is not.
        assert!(table.idf(term_hash("government")) < table.idf(term_hash("rehab")));
        assert!(table.idf(term_hash("LOC:Iraq")) < table.idf(term_hash("LOC:Reykjavik")));
    }
}
