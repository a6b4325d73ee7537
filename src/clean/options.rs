//! Every switch and threshold of cleaning, defined once ([`crate::options`]): [`CLEAN_OPTIONS`]
//! holds each option's name, default, range and description, and fills [`CleanOptions`], one
//! struct per stage that has thresholds of its own. The Python layer reads the same table.

use crate::error::{Error, Result};
use crate::options::{Kind, OptionSpec, Options, Value};

/// A switch, default `default`.
const fn switch(name: &'static str, default: bool, description: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        kind: Kind::Bool,
        default: Value::Bool(default),
        nullable: false,
        description,
    }
}

/// A count of at least `min`.
const fn count(
    name: &'static str,
    min: i64,
    default: i64,
    description: &'static str,
) -> OptionSpec {
    OptionSpec {
        name,
        kind: Kind::Int { min, max: i64::MAX },
        default: Value::Int(default),
        nullable: false,
        description,
    }
}

/// A share in [0, 1].
const fn fraction(name: &'static str, default: f64, description: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        kind: Kind::Number {
            min: 0.0,
            max: 1.0,
            open_min: false,
        },
        default: Value::Number(default),
        nullable: false,
        description,
    }
}

/// The options of cleaning, stage by stage.
pub static CLEAN_OPTIONS: [OptionSpec; 23] = [
    switch(
        "repair_chars",
        true,
        "Stage 1, character repair (its parts: fix_mojibake, fix_entities, normalize_nfc, \
         fold_quotes); control and odd space characters are repaired too.",
    ),
    switch(
        "fix_mojibake",
        true,
        "Decode UTF-8 text that had been read as cp1252 or Latin-1.",
    ),
    switch(
        "fix_entities",
        true,
        "Decode HTML entities (&amp;, &rsquo;, &#8217;...).",
    ),
    switch(
        "fold_quotes",
        false,
        "Fold curly quotes to straight ones (False keeps them).",
    ),
    switch("normalize_nfc", true, "Compose characters to Unicode NFC."),
    switch("unwrap_lines", true, "Stage 2, rejoin hard-wrapped lines."),
    count(
        "min_wrap_width",
        1,
        30,
        "Shortest wrap width (90th-percentile line length, in characters) of hard-wrapped text.",
    ),
    count(
        "max_wrap_width",
        1,
        130,
        "Longest wrap width (90th-percentile line length, in characters) of hard-wrapped text.",
    ),
    fraction(
        "min_wrapped_fraction",
        0.3,
        "Share of the non-blank lines that must be near the wrap width and end mid-sentence for \
         text to count as hard-wrapped.",
    ),
    switch(
        "remove_chrome",
        true,
        "Stage 3, remove page chrome (navigation, sharing, notices).",
    ),
    count(
        "good_min_words",
        1,
        10,
        "Words a paragraph with enough stopwords needs to be body text.",
    ),
    fraction(
        "good_min_stopword_density",
        0.2,
        "Share of stopwords among the words of a body paragraph.",
    ),
    count(
        "good_min_words_unpunctuated",
        1,
        13,
        "Words a paragraph without sentence punctuation needs to be body text.",
    ),
    count(
        "max_label_words",
        1,
        8,
        "Most words of a paragraph that can be an interface label.",
    ),
    switch(
        "remove_repeats",
        true,
        "Stage 4, remove later copies of paragraphs and of runs of paragraphs.",
    ),
    count(
        "min_repeat_chars",
        1,
        50,
        "Length (bytes) from which a repeated paragraph goes even when repeated alone.",
    ),
    switch(
        "extract_fields",
        true,
        "Stage 5, move the title, dateline, byline, date, credits and captions into fields.",
    ),
    count("max_title_words", 1, 30, "Most words of a title."),
    switch(
        "use_templates",
        true,
        "Remove short paragraphs recurring across the documents of one source (with \
         remove_chrome).",
    ),
    count(
        "template_min_docs",
        2,
        3,
        "Distinct documents of a source a template paragraph must recur in.",
    ),
    fraction(
        "template_min_fraction",
        0.0,
        "Share of a source's documents a template paragraph must recur in.",
    ),
    count(
        "template_max_words",
        1,
        15,
        "Most words of a paragraph that can be a template.",
    ),
    switch(
        "audit_joins",
        true,
        "List each joined line break (rule lines.unwrap) in the audit.",
    ),
];

/// Every switch and threshold of cleaning ([`CLEAN_OPTIONS`] documents each).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CleanOptions {
    pub repair_chars: bool,
    pub chars: CharOptions,
    pub lines: LineOptions,
    pub remove_chrome: bool,
    pub chrome: ChromeOptions,
    pub remove_repeats: bool,
    /// Repeated paragraphs at least this long (bytes) go even when repeated alone.
    pub min_repeat_chars: usize,
    pub extract_fields: bool,
    pub max_title_words: usize,
    pub use_templates: bool,
    pub templates: TemplateOptions,
    /// Record line joins ("\n" replaced by " ") in the audit.
    pub audit_joins: bool,
}

impl Default for CleanOptions {
    fn default() -> Self {
        CleanOptions::from_options(&CleanOptions::table())
            .expect("the default of every cleaning option is valid (see the tests)")
    }
}

impl CleanOptions {
    /// Every cleaning option at its default, to be set and read by [`CleanOptions::from_options`].
    pub fn table() -> Options {
        Options::named(&CLEAN_OPTIONS, "cleaning option")
    }

    /// The options of checked values (a table holding [`CLEAN_OPTIONS`]).
    pub fn from_options(options: &Options) -> Result<Self> {
        let switch = |name: &str| options.bool(name);
        let count = |name: &str| {
            usize::try_from(options.int(name)?)
                .map_err(|_| Error::Internal(format!("option {name} is negative")))
        };
        let fraction = |name: &str| {
            options
                .number(name)?
                .ok_or_else(|| Error::Internal(format!("option {name} is None")))
        };
        Ok(CleanOptions {
            repair_chars: switch("repair_chars")?,
            chars: CharOptions {
                fix_mojibake: switch("fix_mojibake")?,
                fix_entities: switch("fix_entities")?,
                fold_quotes: switch("fold_quotes")?,
                normalize_nfc: switch("normalize_nfc")?,
            },
            lines: LineOptions {
                unwrap: switch("unwrap_lines")?,
                min_wrap_width: count("min_wrap_width")?,
                max_wrap_width: count("max_wrap_width")?,
                min_wrapped_fraction: fraction("min_wrapped_fraction")?,
            },
            remove_chrome: switch("remove_chrome")?,
            chrome: ChromeOptions {
                good_min_words: count("good_min_words")?,
                good_min_stopword_density: fraction("good_min_stopword_density")?,
                good_min_words_unpunctuated: count("good_min_words_unpunctuated")?,
                max_label_words: count("max_label_words")?,
            },
            remove_repeats: switch("remove_repeats")?,
            min_repeat_chars: count("min_repeat_chars")?,
            extract_fields: switch("extract_fields")?,
            max_title_words: count("max_title_words")?,
            use_templates: switch("use_templates")?,
            templates: TemplateOptions {
                min_docs: count("template_min_docs")?,
                min_fraction: fraction("template_min_fraction")?,
                max_words: count("template_max_words")?,
            },
            audit_joins: switch("audit_joins")?,
        })
    }

    /// The rule no single option can check: each option's range is checked as it is set.
    pub fn validate(&self) -> Result<()> {
        if self.lines.min_wrap_width > self.lines.max_wrap_width {
            return Err(Error::InvalidInput(format!(
                "min_wrap_width must be at most max_wrap_width, got {} > {}",
                self.lines.min_wrap_width, self.lines.max_wrap_width
            )));
        }
        Ok(())
    }
}

/// What the character stage repairs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CharOptions {
    pub fix_mojibake: bool,
    pub fix_entities: bool,
    pub fold_quotes: bool,
    pub normalize_nfc: bool,
}

impl Default for CharOptions {
    fn default() -> Self {
        CleanOptions::default().chars
    }
}

/// Thresholds of the unwrapping stage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineOptions {
    pub unwrap: bool,
    pub min_wrap_width: usize,
    pub max_wrap_width: usize,
    pub min_wrapped_fraction: f64,
}

impl Default for LineOptions {
    fn default() -> Self {
        CleanOptions::default().lines
    }
}

/// Thresholds of chrome scoring.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChromeOptions {
    /// A paragraph with at least this many words and enough stopwords is body text.
    pub good_min_words: usize,
    /// Minimum share of stopwords among the words of a body paragraph.
    pub good_min_stopword_density: f64,
    /// A paragraph without sentence punctuation needs this many words to count as body text.
    pub good_min_words_unpunctuated: usize,
    /// Paragraphs of at most this many words can be interface labels.
    pub max_label_words: usize,
}

impl Default for ChromeOptions {
    fn default() -> Self {
        CleanOptions::default().chrome
    }
}

/// Thresholds for learning templates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TemplateOptions {
    /// A line must recur in at least this many distinct documents of a source.
    pub min_docs: usize,
    /// ... and in at least this share of them.
    pub min_fraction: f64,
    /// Only paragraphs of at most this many words can be templates.
    pub max_words: usize,
}

impl Default for TemplateOptions {
    fn default() -> Self {
        CleanOptions::default().templates
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let options = CleanOptions::default();
        assert!(options.repair_chars && options.chars.fix_mojibake && !options.chars.fold_quotes);
        assert_eq!(
            (options.lines.min_wrap_width, options.lines.max_wrap_width),
            (30, 130)
        );
        assert_eq!(options.lines.min_wrapped_fraction, 0.3);
        assert_eq!(options.chrome.max_label_words, 8);
        assert_eq!(
            (options.min_repeat_chars, options.max_title_words),
            (50, 30)
        );
        assert_eq!(
            (options.templates.min_docs, options.templates.max_words),
            (3, 15)
        );
        options.validate().unwrap();
        for spec in &CLEAN_OPTIONS {
            assert_eq!(spec.check(spec.default.clone()).unwrap(), spec.default);
            assert!(spec.description.ends_with('.'), "{}", spec.name);
        }
    }

    #[test]
    fn options_fill_each_field() {
        let mut options = CleanOptions::table();
        options.set("fold_quotes", Value::Bool(true)).unwrap();
        options.set("max_wrap_width", Value::Int(90)).unwrap();
        options.set("template_min_fraction", Value::Int(1)).unwrap();
        options.set("audit_joins", Value::Bool(false)).unwrap();
        let filled = CleanOptions::from_options(&options).unwrap();
        assert!(filled.chars.fold_quotes && !filled.audit_joins);
        assert_eq!(filled.lines.max_wrap_width, 90);
        assert_eq!(filled.templates.min_fraction, 1.0);
        let rest = CleanOptions {
            chars: CharOptions {
                fold_quotes: false,
                ..filled.chars
            },
            lines: LineOptions {
                max_wrap_width: 130,
                ..filled.lines
            },
            templates: TemplateOptions {
                min_fraction: 0.0,
                ..filled.templates
            },
            audit_joins: true,
            ..filled
        };
        assert_eq!(rest, CleanOptions::default());
    }

    #[test]
    fn bad_values() {
        let mut options = CleanOptions::table();
        for (name, value) in [
            ("template_min_docs", Value::Int(1)),
            ("min_wrap_width", Value::Int(0)),
            ("good_min_stopword_density", Value::Number(1.5)),
            ("remove_chrome", Value::Int(1)),
        ] {
            let error = options.set(name, value).unwrap_err();
            assert!(error.to_string().contains(name), "{error}");
        }
        assert!(matches!(
            options.set("unwrap", Value::Bool(true)),
            Err(Error::InvalidType(m)) if m.starts_with("unknown cleaning option 'unwrap'")
        ));
        options.set("min_wrap_width", Value::Int(140)).unwrap();
        let wide = CleanOptions::from_options(&options).unwrap();
        assert!(
            matches!(wide.validate(), Err(Error::InvalidInput(m)) if m.contains("min_wrap_width"))
        );
    }
}
