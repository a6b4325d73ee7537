//! Every switch and threshold of cleaning, with its documented default, and the check that a
//! set of options makes sense. One struct per stage that has thresholds of its own, gathered in
//! [`CleanOptions`].

use crate::error::{Error, Result};

/// Every switch and threshold of cleaning, with the documented defaults.
#[derive(Debug, Clone, Copy)]
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
        CleanOptions {
            repair_chars: true,
            chars: CharOptions::default(),
            lines: LineOptions::default(),
            remove_chrome: true,
            chrome: ChromeOptions::default(),
            remove_repeats: true,
            min_repeat_chars: 50,
            extract_fields: true,
            max_title_words: 30,
            use_templates: true,
            templates: TemplateOptions::default(),
            audit_joins: true,
        }
    }
}

impl CleanOptions {
    pub fn validate(&self) -> Result<()> {
        let bad = |what: &str| Err(Error::InvalidInput(what.to_string()));
        if self.lines.min_wrap_width == 0 || self.lines.min_wrap_width > self.lines.max_wrap_width {
            return bad("min_wrap_width must be positive and at most max_wrap_width");
        }
        if !(0.0..=1.0).contains(&self.lines.min_wrapped_fraction)
            || !(0.0..=1.0).contains(&self.chrome.good_min_stopword_density)
            || !(0.0..=1.0).contains(&self.templates.min_fraction)
        {
            return bad("fractions (min_wrapped_fraction, good_min_stopword_density, template_min_fraction) must lie in [0, 1]");
        }
        if self.templates.min_docs < 2 {
            return bad("template_min_docs must be at least 2");
        }
        Ok(())
    }
}

/// What the character stage repairs.
#[derive(Debug, Clone, Copy)]
pub struct CharOptions {
    pub fix_mojibake: bool,
    pub fix_entities: bool,
    pub fold_quotes: bool,
    pub normalize_nfc: bool,
}

impl Default for CharOptions {
    fn default() -> Self {
        CharOptions {
            fix_mojibake: true,
            fix_entities: true,
            fold_quotes: false,
            normalize_nfc: true,
        }
    }
}

/// Thresholds of the unwrapping stage.
#[derive(Debug, Clone, Copy)]
pub struct LineOptions {
    pub unwrap: bool,
    pub min_wrap_width: usize,
    pub max_wrap_width: usize,
    pub min_wrapped_fraction: f64,
}

impl Default for LineOptions {
    fn default() -> Self {
        LineOptions {
            unwrap: true,
            min_wrap_width: 30,
            max_wrap_width: 130,
            min_wrapped_fraction: 0.3,
        }
    }
}

/// Thresholds of chrome scoring.
#[derive(Debug, Clone, Copy)]
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
        ChromeOptions {
            good_min_words: 10,
            good_min_stopword_density: 0.2,
            good_min_words_unpunctuated: 13,
            max_label_words: 8,
        }
    }
}

/// Thresholds for learning templates.
#[derive(Debug, Clone, Copy)]
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
        TemplateOptions {
            min_docs: 3,
            min_fraction: 0.0,
            max_words: 15,
        }
    }
}
