//! The options of dedup, defined once ([`crate::options`]): the near-duplicate test
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
    description: "Estimated Jaccard similarity of word shingles at which two documents are near \
                  duplicates.",
};

pub const CONTAINMENT: OptionSpec = OptionSpec {
    name: "containment",
    kind: UNIT_INTERVAL,
    default: Value::Number(0.6),
    nullable: true,
    description: "Share of the shorter document's shingles found in the longer one at which \
                  they are near duplicates too (reprints with other chrome or a cut tail); None \
                  turns this test off.",
};

pub const NUM_PERM: OptionSpec = OptionSpec {
    name: "num_perm",
    kind: Kind::Int { min: 4, max: 1024 },
    default: Value::Int(128),
    nullable: false,
    description: "MinHash permutations: more is more accurate, slower and bigger.",
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
    description: "Which member represents a cluster: the smallest document id ('first'), the \
                  longest text, or the earliest publication date (needs dates); ties go to \
                  the smallest id.",
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
pub static INDEX_OPTIONS: [OptionSpec; 4] = [THRESHOLD, CONTAINMENT, NUM_PERM, NGRAM];
/// The options of a one-shot dedup: the index's, and the choice of representatives.
pub static DEDUP_OPTIONS: [OptionSpec; 5] = [THRESHOLD, CONTAINMENT, NUM_PERM, NGRAM, KEEP];
/// The options of the repeated-paragraph search.
pub static PARAGRAPH_OPTIONS: [OptionSpec; 1] = [MIN_DOCS];

/// Options of the near-duplicate test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DedupConfig {
    /// A pair is a near duplicate when its estimated Jaccard similarity reaches this…
    pub threshold: f64,
    /// …or when the shorter document's shingles are this much contained in the longer one's.
    pub containment: Option<f64>,
    pub num_perm: usize,
    pub ngram: usize,
}

impl Default for DedupConfig {
    fn default() -> Self {
        let defaults = Options::new(&INDEX_OPTIONS);
        // The defaults are valid by construction (checked in the tests).
        DedupConfig::from_options(&defaults).unwrap_or(DedupConfig {
            threshold: f64::NAN,
            containment: None,
            num_perm: 0,
            ngram: 0,
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
            num_perm: count(NUM_PERM.name)?,
            ngram: count(NGRAM.name)?,
        })
    }

    /// Checks every field against its option.
    pub fn validate(&self) -> Result<()> {
        THRESHOLD.check(Value::Number(self.threshold))?;
        CONTAINMENT.check(self.containment.map_or(Value::None, Value::Number))?;
        NUM_PERM.check(Value::Int(i64::try_from(self.num_perm).unwrap_or(i64::MAX)))?;
        NGRAM.check(Value::Int(i64::try_from(self.ngram).unwrap_or(i64::MAX)))?;
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
                num_perm: 128,
                ngram: 5
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
        options.set("num_perm", Value::Int(64)).unwrap();
        let config = DedupConfig::from_options(&options).unwrap();
        assert_eq!((config.containment, config.num_perm), (None, 64));
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
