//! Options owned by Rust. Each option's name, kind, default, range and one-line description is
//! written once, in an [`OptionSpec`] table beside the settings it fills (`dedup::options`,
//! `tag::options`). [`Options`] holds a checked value for every option of a table; the bindings
//! fill it from Python keywords, and the Python layer reads defaults, choices and descriptions
//! from the same tables (`_core.option_specs`), so nothing is copied.
//!
//! A value of the wrong type is an [`Error::InvalidType`] for switches and word lists (Python:
//! `InputTypeError`) and an [`Error::InvalidInput`] for numbers and choices (`InputError`), as
//! the Python API has always reported them; a value out of range is an [`Error::InvalidInput`].
//! Every message names the option.

use std::borrow::Cow;
use std::fmt;

use crate::error::{Error, Result};

/// The words an option may take, with the other spellings it accepts.
#[derive(Debug, PartialEq)]
pub struct Vocabulary {
    /// What one word is called in messages ("entity label").
    pub noun: &'static str,
    /// The words, as reported.
    pub names: &'static [&'static str],
    /// Other spellings: `(alias, name)`.
    pub aliases: &'static [(&'static str, &'static str)],
    /// Words match after trimming, ignoring ASCII case; else exactly.
    pub fold_case: bool,
}

impl Vocabulary {
    /// The name `word` stands for.
    pub fn resolve(&self, word: &str) -> Option<&'static str> {
        let matches = |candidate: &str| {
            if self.fold_case {
                word.trim().eq_ignore_ascii_case(candidate)
            } else {
                word == candidate
            }
        };
        self.names
            .iter()
            .copied()
            .find(|name| matches(name))
            .or_else(|| {
                self.aliases
                    .iter()
                    .find(|(alias, _)| matches(alias))
                    .map(|&(_, name)| name)
            })
    }
}

/// What values an option takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Bool,
    /// An integer in `min..=max`.
    Int {
        min: i64,
        max: i64,
    },
    /// A number in `[min, max]`, or `(min, max]` when `open_min`; never NaN.
    Number {
        min: f64,
        max: f64,
        open_min: bool,
    },
    /// One word of a vocabulary.
    Word(&'static Vocabulary),
    /// A list of words of a vocabulary.
    Words(&'static Vocabulary),
}

impl Kind {
    /// The kind's name for the Python layer.
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Bool => "bool",
            Kind::Int { .. } => "int",
            Kind::Number { .. } => "number",
            Kind::Word(_) => "word",
            Kind::Words(_) => "words",
        }
    }
}

/// An option value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Python `None`: the option is off (only for options that allow it).
    None,
    Bool(bool),
    Int(i64),
    Number(f64),
    Word(Cow<'static, str>),
    Words(Vec<Cow<'static, str>>),
}

/// Values print as Python writes them, for messages.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(true) => write!(f, "True"),
            Value::Bool(false) => write!(f, "False"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Number(x) if x.is_nan() => write!(f, "nan"),
            Value::Number(x) => write!(f, "{x:?}"),
            Value::Word(w) => write!(f, "'{w}'"),
            Value::Words(ws) => write!(f, "[{}]", quoted(ws)),
        }
    }
}

/// One option: its name, kind, default and one-line description.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionSpec {
    pub name: &'static str,
    pub kind: Kind,
    pub default: Value,
    /// `None` is allowed (and means off, or all, as the description says).
    pub nullable: bool,
    pub description: &'static str,
}

impl OptionSpec {
    /// What the option takes, for messages: "a number in (0, 1] or None".
    pub fn expected(&self) -> String {
        let what = match self.kind {
            Kind::Bool => "True or False".to_string(),
            Kind::Int {
                min: 1,
                max: i64::MAX,
            } => "a positive integer".to_string(),
            Kind::Int { min, max: i64::MAX } => format!("an integer of at least {min}"),
            Kind::Int { min, max } => format!("an integer from {min} to {max}"),
            Kind::Number { min, max, open_min } => {
                let open = if open_min { "(" } else { "[" };
                format!("a number in {open}{min}, {max}]")
            }
            Kind::Word(v) => format!("one of {}", quoted(v.names)),
            Kind::Words(v) => format!("a list of {}s ({})", v.noun, v.names.join(", ")),
        };
        if self.nullable {
            format!("{what} or None")
        } else {
            what
        }
    }

    /// The error for a value of the wrong type, shown as `got`.
    pub fn wrong_type(&self, got: &str) -> Error {
        let message = format!("{} must be {}, got {got}", self.name, self.expected());
        match self.kind {
            Kind::Bool | Kind::Words(_) => Error::InvalidType(message),
            _ => Error::InvalidInput(message),
        }
    }

    /// `value` checked against the kind and range; words come back in their listed spelling,
    /// integers given for a number as numbers.
    pub fn check(&self, value: Value) -> Result<Value> {
        let out_of_range = || {
            Error::InvalidInput(format!(
                "{} must be {}, got {value}",
                self.name,
                self.expected()
            ))
        };
        match (self.kind, &value) {
            (_, Value::None) if self.nullable => Ok(Value::None),
            (Kind::Bool, Value::Bool(_)) => Ok(value),
            (Kind::Int { min, max }, Value::Int(i)) => {
                if (min..=max).contains(i) {
                    Ok(value)
                } else {
                    Err(out_of_range())
                }
            }
            (Kind::Number { .. }, Value::Int(i)) => self.check(Value::Number(*i as f64)),
            (Kind::Number { min, max, open_min }, Value::Number(x)) => {
                let above_min = if open_min { *x > min } else { *x >= min };
                if above_min && *x <= max {
                    Ok(value)
                } else {
                    Err(out_of_range())
                }
            }
            (Kind::Word(vocabulary), Value::Word(word)) => vocabulary
                .resolve(word)
                .map(|name| Value::Word(Cow::Borrowed(name)))
                .ok_or_else(|| self.unknown_word(vocabulary, word)),
            (Kind::Words(vocabulary), Value::Words(words)) => words
                .iter()
                .map(|word| {
                    vocabulary
                        .resolve(word)
                        .map(Cow::Borrowed)
                        .ok_or_else(|| self.unknown_word(vocabulary, word))
                })
                .collect::<Result<Vec<_>>>()
                .map(Value::Words),
            _ => Err(self.wrong_type(&value.to_string())),
        }
    }

    fn unknown_word(&self, vocabulary: &Vocabulary, word: &str) -> Error {
        Error::InvalidInput(format!(
            "{}: unknown {} '{word}'; use one of {}",
            self.name,
            vocabulary.noun,
            quoted(vocabulary.names)
        ))
    }
}

fn quoted<S: AsRef<str>>(names: &[S]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{}'", n.as_ref())).collect();
    quoted.join(", ")
}

/// A checked value for every option of a table: the defaults, then what the caller set.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    specs: &'static [OptionSpec],
    values: Vec<Value>,
    /// What one option is called in messages.
    noun: &'static str,
}

impl Options {
    /// Every option at its default.
    pub fn new(specs: &'static [OptionSpec]) -> Self {
        Options::named(specs, "option")
    }

    /// Every option at its default; messages call an option `noun` ("cleaning option").
    pub fn named(specs: &'static [OptionSpec], noun: &'static str) -> Self {
        Options {
            specs,
            values: specs.iter().map(|s| s.default.clone()).collect(),
            noun,
        }
    }

    pub fn specs(&self) -> &'static [OptionSpec] {
        self.specs
    }

    /// The place of option `name`; an unknown name is an [`Error::InvalidType`] listing the
    /// options.
    fn position(&self, name: &str) -> Result<usize> {
        self.specs
            .iter()
            .position(|s| s.name == name)
            .ok_or_else(|| {
                let names: Vec<&str> = self.specs.iter().map(|s| s.name).collect();
                Error::InvalidType(format!(
                    "unknown {} '{name}'; the options are {}",
                    self.noun,
                    names.join(", ")
                ))
            })
    }

    /// The spec of option `name`; an unknown name is an [`Error::InvalidType`].
    pub fn spec(&self, name: &str) -> Result<&'static OptionSpec> {
        let specs = self.specs;
        self.position(name).map(|at| &specs[at])
    }

    /// Sets option `name` to `value` once checked.
    pub fn set(&mut self, name: &str, value: Value) -> Result<()> {
        let at = self.position(name)?;
        self.values[at] = self.specs[at].check(value)?;
        Ok(())
    }

    /// The options with their values, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static OptionSpec, &Value)> + '_ {
        self.specs.iter().zip(&self.values)
    }

    /// The value of option `name` (a name outside the table is a bug: [`Error::Internal`]).
    pub fn get(&self, name: &str) -> Result<&Value> {
        match self.position(name) {
            Ok(at) => Ok(&self.values[at]),
            Err(_) => Err(Error::Internal(format!("no option {name:?} in this table"))),
        }
    }

    fn mismatch(&self, name: &str, wanted: &str) -> Error {
        Error::Internal(format!("option {name:?} read as {wanted}"))
    }

    pub fn bool(&self, name: &str) -> Result<bool> {
        match self.get(name)? {
            Value::Bool(b) => Ok(*b),
            _ => Err(self.mismatch(name, "a bool")),
        }
    }

    pub fn int(&self, name: &str) -> Result<i64> {
        match self.get(name)? {
            Value::Int(i) => Ok(*i),
            _ => Err(self.mismatch(name, "an integer")),
        }
    }

    /// A number, `None` when the option is off.
    pub fn number(&self, name: &str) -> Result<Option<f64>> {
        match self.get(name)? {
            Value::Number(x) => Ok(Some(*x)),
            Value::None => Ok(None),
            _ => Err(self.mismatch(name, "a number")),
        }
    }

    pub fn word(&self, name: &str) -> Result<&str> {
        match self.get(name)? {
            Value::Word(w) => Ok(w),
            _ => Err(self.mismatch(name, "a word")),
        }
    }

    /// A list of words, `None` when the option is not set.
    pub fn words(&self, name: &str) -> Result<Option<Vec<&str>>> {
        match self.get(name)? {
            Value::Words(ws) => Ok(Some(ws.iter().map(|w| &**w).collect())),
            Value::None => Ok(None),
            _ => Err(self.mismatch(name, "a list of words")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static COLOURS: Vocabulary = Vocabulary {
        noun: "colour",
        names: &["RED", "GREEN"],
        aliases: &[("ROUGE", "RED")],
        fold_case: true,
    };
    static MODES: Vocabulary = Vocabulary {
        noun: "mode",
        names: &["fast", "exact"],
        aliases: &[],
        fold_case: false,
    };
    static SPECS: [OptionSpec; 5] = [
        OptionSpec {
            name: "enabled",
            kind: Kind::Bool,
            default: Value::Bool(true),
            nullable: false,
            description: "Turns it on.",
        },
        OptionSpec {
            name: "size",
            kind: Kind::Int { min: 4, max: 1024 },
            default: Value::Int(128),
            nullable: false,
            description: "How many.",
        },
        OptionSpec {
            name: "share",
            kind: Kind::Number {
                min: 0.0,
                max: 1.0,
                open_min: true,
            },
            default: Value::Number(0.6),
            nullable: true,
            description: "How much; None turns it off.",
        },
        OptionSpec {
            name: "mode",
            kind: Kind::Word(&MODES),
            default: Value::Word(Cow::Borrowed("fast")),
            nullable: false,
            description: "How.",
        },
        OptionSpec {
            name: "colours",
            kind: Kind::Words(&COLOURS),
            default: Value::None,
            nullable: true,
            description: "Which; all when None.",
        },
    ];

    fn message(result: Result<()>) -> (bool, String) {
        match result {
            Err(Error::InvalidType(m)) => (true, m),
            Err(Error::InvalidInput(m)) => (false, m),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn defaults_and_checked_values() {
        let mut options = Options::new(&SPECS);
        assert!(options.bool("enabled").unwrap());
        assert_eq!(options.int("size").unwrap(), 128);
        assert_eq!(options.number("share").unwrap(), Some(0.6));
        assert_eq!(options.word("mode").unwrap(), "fast");
        assert_eq!(options.words("colours").unwrap(), None);
        options.set("share", Value::Int(1)).unwrap();
        assert_eq!(options.number("share").unwrap(), Some(1.0));
        options.set("share", Value::None).unwrap();
        assert_eq!(options.number("share").unwrap(), None);
        let words = vec![Cow::Owned(" rouge ".to_string()), Cow::Borrowed("green")];
        options.set("colours", Value::Words(words)).unwrap();
        assert_eq!(
            options.words("colours").unwrap(),
            Some(vec!["RED", "GREEN"])
        );
        assert!(matches!(options.int("share"), Err(Error::Internal(_))));
        assert!(matches!(options.get("nothing"), Err(Error::Internal(_))));
    }

    #[test]
    fn bad_values_name_the_option() {
        let mut options = Options::new(&SPECS);
        let cases = [
            (
                "size",
                Value::Int(2),
                false,
                "size must be an integer from 4 to 1024, got 2",
            ),
            ("size", Value::Number(12.5), false, "got 12.5"),
            (
                "share",
                Value::Number(0.0),
                false,
                "share must be a number in (0, 1] or None, got 0.0",
            ),
            ("share", Value::Number(f64::NAN), false, "got nan"),
            ("share", Value::Word("high".into()), false, "got 'high'"),
            (
                "enabled",
                Value::Int(1),
                true,
                "enabled must be True or False, got 1",
            ),
            ("enabled", Value::None, true, "got None"),
            (
                "mode",
                Value::Word("FAST".into()),
                false,
                "mode: unknown mode 'FAST'; use one of 'fast', 'exact'",
            ),
            (
                "colours",
                Value::Words(vec!["BLUE".into()]),
                false,
                "unknown colour 'BLUE'",
            ),
            (
                "colours",
                Value::Int(3),
                true,
                "colours must be a list of colours (RED, GREEN) or None",
            ),
            (
                "speed",
                Value::Int(3),
                true,
                "unknown option 'speed'; the options are enabled, size",
            ),
        ];
        for (name, value, is_type_error, expected) in cases {
            let (type_error, text) = message(options.set(name, value));
            assert_eq!(type_error, is_type_error, "{text}");
            assert!(text.contains(expected), "{text}");
        }
        assert_eq!(options, Options::new(&SPECS));
    }
}
