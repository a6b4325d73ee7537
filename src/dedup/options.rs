//! The options of dedup, defined once ([`crate::options`]): the duplicate test
//! ([`INDEX_OPTIONS`], which fill a [`DedupConfig`]), the choice of representatives and the
//! repeated-paragraph search. The Python layer reads these tables for its defaults.

use std::borrow::Cow;

use crate::error::{Error, Result};
use crate::options::{Kind, OptionSpec, Options, Value, Vocabulary};

const UNIT_INTERVAL: Kind = Kind::Number {
    min: 0.0,
    max: 1.0,
    open_min: true,
};

pub const THRESHOLD: OptionSpec = OptionSpec {
    name: "threshold",
    kind: UNIT_INTERVAL,
    default: Value::Number(0.8),
    nullable: false,
    description: "Jaccard similarity of the word shingle sets at which a document is a near copy \
                  of a representative.",
};

pub const CONTAINMENT: OptionSpec = OptionSpec {
    name: "containment",
    kind: UNIT_INTERVAL,
    default: Value::Number(0.6),
    nullable: true,
    description: "Share of the shorter document's shingles found in the longer one at which \
                  a document is a contained copy of a representative (a reprint with other chrome \
                  or a cut tail, an update that adds paragraphs), whatever their lengths; None \
                  turns this test off.",
};

pub const SAMPLE: OptionSpec = OptionSpec {
    name: "sample",
    kind: Kind::Int {
        min: 1,
        max: super::sampling::MAX_SAMPLE as i64,
    },
    default: Value::Int(4),
    nullable: false,
    description: "One shingle in `sample` (chosen by its hash, so the same in every document) \
                  indexes a document: two documents sharing k shingles are compared with \
                  probability 1 - (1 - 1/sample)^k; 1 compares every pair sharing a shingle.",
};

pub const NGRAM: OptionSpec = OptionSpec {
    name: "ngram",
    kind: Kind::Int { min: 1, max: 32 },
    default: Value::Int(5),
    nullable: false,
    description: "Words per shingle.",
};

static KEEP_CHOICES: Vocabulary = Vocabulary {
    noun: "choice",
    names: &["first", "longest", "earliest"],
    aliases: &[],
    fold_case: false,
};

pub const KEEP: OptionSpec = OptionSpec {
    name: "keep",
    kind: Kind::Word(&KEEP_CHOICES),
    default: Value::Word(Cow::Borrowed("first")),
    nullable: false,
    description: "The order in which documents are decided, so which document of a cluster \
                  represents it: by document id ('first'), the longest text first, or the \
                  earliest publication date first (needs dates); ties go to the smallest id.",
};

pub const MIN_DOCS: OptionSpec = OptionSpec {
    name: "min_docs",
    kind: Kind::Int {
        min: 1,
        max: i64::MAX,
    },
    default: Value::Int(2),
    nullable: false,
    description: "Smallest number of documents a repeated paragraph must appear in.",
};

/// The options of a dedup index.
pub static INDEX_OPTIONS: [OptionSpec; 4] = [THRESHOLD, CONTAINMENT, NGRAM, SAMPLE];
/// The options of a one-shot dedup: the index's, and the choice of representatives.
pub static DEDUP_OPTIONS: [OptionSpec; 5] = [THRESHOLD, CONTAINMENT, NGRAM, SAMPLE, KEEP];
/// The options of the repeated-paragraph search.
pub static PARAGRAPH_OPTIONS: [OptionSpec; 1] = [MIN_DOCS];

/// Options of the duplicate test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DedupConfig {
    /// A document is a near copy of another when their Jaccard similarity reaches this…
    pub threshold: f64,
    /// …and a contained copy when the shorter one's shingles are this much in the longer one's.
    pub containment: Option<f64>,
    pub ngram: usize,
    /// One shingle in this many (by hash) indexes a document (see [`SAMPLE`]).
    pub sample: usize,
}

impl Default for DedupConfig {
    fn default() -> Self {
        let defaults = Options::new(&INDEX_OPTIONS);
        // The defaults are valid by construction (checked in the tests).
        DedupConfig::from_options(&defaults).unwrap_or(DedupConfig {
            threshold: f64::NAN,
            containment: None,
            ngram: 0,
            sample: 0,
        })
    }
}

impl DedupConfig {
    /// The config of checked options (a table holding [`INDEX_OPTIONS`]).
    pub fn from_options(options: &Options) -> Result<Self> {
        let count = |name: &str| {
            usize::try_from(options.int(name)?)
                .map_err(|_| Error::Internal(format!("option {name} is negative")))
        };
        Ok(DedupConfig {
            threshold: options
                .number(THRESHOLD.name)?
                .ok_or_else(|| Error::Internal("threshold is None".into()))?,
            containment: options.number(CONTAINMENT.name)?,
            ngram: count(NGRAM.name)?,
            sample: count(SAMPLE.name)?,
        })
    }

    /// Checks every field against its option.
    pub fn validate(&self) -> Result<()> {
        THRESHOLD.check(Value::Number(self.threshold))?;
        CONTAINMENT.check(self.containment.map_or(Value::None, Value::Number))?;
        NGRAM.check(Value::Int(i64::try_from(self.ngram).unwrap_or(i64::MAX)))?;
        SAMPLE.check(Value::Int(i64::try_from(self.sample).unwrap_or(i64::MAX)))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let config = DedupConfig::default();
        assert_eq!(
            config,
            DedupConfig {
                threshold: 0.8,
                containment: Some(0.6),
                ngram: 5,
                sample: 4,
            }
        );
        config.validate().unwrap();
        for table in [&INDEX_OPTIONS[..], &DEDUP_OPTIONS, &PARAGRAPH_OPTIONS] {
            for spec in table {
                assert_eq!(spec.check(spec.default.clone()).unwrap(), spec.default);
            }
        }
    }

    #[test]
    fn options_fill_the_config() {
        let mut options = Options::new(&INDEX_OPTIONS);
        options.set("containment", Value::None).unwrap();
        options.set("sample", Value::Int(1)).unwrap();
        let config = DedupConfig::from_options(&options).unwrap();
        assert_eq!((config.containment, config.sample), (None, 1));
        assert!(matches!(
            options.set("ngram", Value::Int(0)),
            Err(Error::InvalidInput(_))
        ));
        let invalid = DedupConfig {
            threshold: 1.5,
            ..config
        };
        assert!(
            matches!(invalid.validate(), Err(Error::InvalidInput(m)) if m.contains("threshold"))
        );
    }
}
