//! The options of story grouping, defined once ([`crate::options`]); they fill a
//! [`StoryConfig`]. The Python layer reads this table for its defaults.

use crate::error::{Error, Result};
use crate::options::{Kind, OptionSpec, Options, Value};

pub const NEIGHBOURS: OptionSpec = OptionSpec {
    name: "neighbours",
    kind: Kind::Int { min: 1, max: 64 },
    default: Value::Int(6),
    nullable: false,
    description: "Nearest articles each article lists besides itself; two articles are alike \
                  when their lists share many articles.",
};

pub const THRESHOLD: OptionSpec = OptionSpec {
    name: "threshold",
    kind: Kind::Number {
        min: 0.0,
        max: 1.0,
        open_min: true,
    },
    default: Value::Number(0.25),
    nullable: false,
    description: "Average share of shared nearest neighbours (each article counted among its \
                  own) down to which groups of articles merge into one story.",
};

pub const WINDOW: OptionSpec = OptionSpec {
    name: "window",
    kind: Kind::Number {
        min: 0.0,
        max: 36_500.0,
        open_min: false,
    },
    default: Value::Number(7.0),
    nullable: true,
    description: "Days two dated articles may lie apart and still be neighbours; None ignores \
                  the dates.",
};

pub const CANDIDATE_TERMS: OptionSpec = OptionSpec {
    name: "candidate_terms",
    kind: Kind::Int { min: 1, max: 1000 },
    default: Value::Int(25),
    nullable: false,
    description: "Highest-weighted terms of each article through which it finds its candidate \
                  neighbours (the articles sharing enough of them, by weight).",
};

pub const MAX_TERM_ARTICLES: OptionSpec = OptionSpec {
    name: "max_term_articles",
    kind: Kind::Int {
        min: 1,
        max: i64::MAX,
    },
    default: Value::Int(500),
    nullable: false,
    description: "Articles that may hold a term among their candidate terms before it is too \
                  common to point to one story and finds no more candidates (it still counts \
                  in the similarity).",
};

pub const MIN_SIMILARITY: OptionSpec = OptionSpec {
    name: "min_similarity",
    kind: Kind::Number {
        min: 0.0,
        max: 1.0,
        open_min: false,
    },
    default: Value::Number(0.2),
    nullable: false,
    description: "Cosine similarity below which two articles are never neighbours: an article \
                  with no article this close stays alone.",
};

/// The options of story grouping.
pub static STORY_OPTIONS: [OptionSpec; 6] = [
    NEIGHBOURS,
    THRESHOLD,
    MIN_SIMILARITY,
    WINDOW,
    CANDIDATE_TERMS,
    MAX_TERM_ARTICLES,
];

const SECONDS_PER_DAY: f64 = 86_400.0;

/// Options of story grouping.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StoryConfig {
    pub neighbours: usize,
    pub threshold: f64,
    pub min_similarity: f64,
    /// Days; `None` ignores dates.
    pub window_days: Option<f64>,
    pub candidate_terms: usize,
    pub max_term_articles: usize,
}

impl Default for StoryConfig {
    fn default() -> Self {
        // The defaults are valid by construction (checked in the tests).
        StoryConfig::from_options(&Options::new(&STORY_OPTIONS)).unwrap_or(StoryConfig {
            neighbours: 0,
            threshold: f64::NAN,
            min_similarity: f64::NAN,
            window_days: None,
            candidate_terms: 0,
            max_term_articles: 0,
        })
    }
}

impl StoryConfig {
    /// The config of checked options (a table holding [`STORY_OPTIONS`]).
    pub fn from_options(options: &Options) -> Result<Self> {
        let count = |name: &str| {
            usize::try_from(options.int(name)?)
                .map_err(|_| Error::Internal(format!("option {name} is negative")))
        };
        Ok(StoryConfig {
            neighbours: count(NEIGHBOURS.name)?,
            threshold: options
                .number(THRESHOLD.name)?
                .ok_or_else(|| Error::Internal("threshold is None".into()))?,
            min_similarity: options
                .number(MIN_SIMILARITY.name)?
                .ok_or_else(|| Error::Internal("min_similarity is None".into()))?,
            window_days: options.number(WINDOW.name)?,
            candidate_terms: count(CANDIDATE_TERMS.name)?,
            max_term_articles: count(MAX_TERM_ARTICLES.name)?,
        })
    }

    /// Checks every field against its option.
    pub fn validate(&self) -> Result<()> {
        let int = |n: usize| Value::Int(i64::try_from(n).unwrap_or(i64::MAX));
        NEIGHBOURS.check(int(self.neighbours))?;
        THRESHOLD.check(Value::Number(self.threshold))?;
        MIN_SIMILARITY.check(Value::Number(self.min_similarity))?;
        WINDOW.check(self.window_days.map_or(Value::None, Value::Number))?;
        CANDIDATE_TERMS.check(int(self.candidate_terms))?;
        MAX_TERM_ARTICLES.check(int(self.max_term_articles))?;
        Ok(())
    }

    /// The window in seconds, `None` when dates are ignored.
    pub fn window_seconds(&self) -> Option<i64> {
        self.window_days
            .map(|days| (days * SECONDS_PER_DAY).round() as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let config = StoryConfig::default();
        assert_eq!(
            config,
            StoryConfig {
                neighbours: 6,
                threshold: 0.25,
                min_similarity: 0.2,
                window_days: Some(7.0),
                candidate_terms: 25,
                max_term_articles: 500
            }
        );
        config.validate().unwrap();
        assert_eq!(config.window_seconds(), Some(7 * 86_400));
        for spec in &STORY_OPTIONS {
            assert_eq!(spec.check(spec.default.clone()).unwrap(), spec.default);
        }
    }

    #[test]
    fn options_fill_the_config() {
        let mut options = Options::new(&STORY_OPTIONS);
        options.set("window", Value::None).unwrap();
        options.set("neighbours", Value::Int(8)).unwrap();
        let config = StoryConfig::from_options(&options).unwrap();
        assert_eq!((config.window_days, config.neighbours), (None, 8));
        assert_eq!(config.window_seconds(), None);
        assert!(matches!(
            options.set("threshold", Value::Number(0.0)),
            Err(Error::InvalidInput(_))
        ));
        assert!(matches!(
            options.set("window", Value::Number(-1.0)),
            Err(Error::InvalidInput(_))
        ));
        let invalid = StoryConfig {
            candidate_terms: 0,
            ..config
        };
        assert!(
            matches!(invalid.validate(), Err(Error::InvalidInput(m)) if m.contains("candidate_terms"))
        );
    }
}
