//! Word shapes the rule sources and the model's span reading test.

pub fn has_alphanumeric(word: &str) -> bool {
    word.chars().any(char::is_alphanumeric)
}

/// An initial: one capital letter and a stop ("C.", "J.").
pub fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// Starts with a capital or a digit and has a letter ("Party", "3M").
pub fn capitalised(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && word.chars().any(char::is_alphabetic)
}
