//! The options of tagging, defined once ([`crate::options`]), and the entity label names with
//! the other names they are known by (spaCy, CoNLL, GMB), which `labels=` and the label column
//! of a user dictionary both accept.

use crate::options::{Kind, OptionSpec, Value, Vocabulary};

/// Entity labels as tidings reports them, and their aliases.
pub static LABELS: Vocabulary = Vocabulary {
    noun: "entity label",
    names: &["PERSON", "ORG", "LOC", "NORP", "DATE"],
    aliases: &[
        ("PER", "PERSON"),
        ("PEOPLE", "PERSON"),
        ("ORGANIZATION", "ORG"),
        ("ORGANISATION", "ORG"),
        ("GPE", "LOC"),
        ("LOCATION", "LOC"),
        ("PLACE", "LOC"),
        ("GEO", "LOC"),
        ("NATIONALITY", "NORP"),
        ("TIME", "DATE"),
        ("TIM", "DATE"),
    ],
    fold_case: true,
};

pub const CANONICAL: OptionSpec = OptionSpec {
    name: "canonical",
    kind: Kind::Bool,
    default: Value::Bool(true),
    nullable: false,
    description: "Link partial names and spelling variants; when False, an entity is the \
                  mention's own name (or its gazetteer or user canonical name).",
};

pub const KEEP_LABELS: OptionSpec = OptionSpec {
    name: "labels",
    kind: Kind::Words(&LABELS),
    default: Value::None,
    nullable: true,
    description: "Keep only mentions with these labels (aliases such as GPE or PLACE accepted); \
                  None keeps all.",
};

/// The options of a tagging run (besides the user dictionary).
pub static TAG_OPTIONS: [OptionSpec; 2] = [KEEP_LABELS, CANONICAL];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every alias names a label, and is read ignoring case and surrounding spaces.
    #[test]
    fn aliases_name_labels() {
        for &(alias, name) in LABELS.aliases {
            assert!(LABELS.names.contains(&name), "{alias}");
            assert_eq!(
                LABELS.resolve(&format!(" {} ", alias.to_lowercase())),
                Some(name)
            );
        }
        assert_eq!(LABELS.resolve("FOOD"), None);
    }
}
