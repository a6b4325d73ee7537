//! Typographic quotes and apostrophes: one table of the curly, low and prime forms and the ASCII
//! mark each stands for. Cleaning folds them in the text when asked (`fold_quotes`), dedup folds
//! them in shingle words, word-list lookups fold them in the words they look up.
//!
//! U+02BC "ʼ" (modifier letter apostrophe) is a letter in Unicode, so it is part of words and
//! is not folded here; [`is_apostrophe`] still counts it, because the tagger splits clitics at
//! it ("Iranʼs" → "Iran" "ʼs").

/// Characters folded to `'`: left and right single quotes, the low-9 and reversed-9 quotes, and
/// the prime.
const SINGLE_QUOTES: [char; 5] = ['‘', '’', '‚', '‛', '′'];
/// Characters folded to `"`: the double forms of the same.
const DOUBLE_QUOTES: [char; 5] = ['“', '”', '„', '‟', '″'];

/// The ASCII quote `c` stands for, when `c` is a typographic single or double quote.
pub fn fold_quote(c: char) -> Option<char> {
    if SINGLE_QUOTES.contains(&c) {
        Some('\'')
    } else if DOUBLE_QUOTES.contains(&c) {
        Some('"')
    } else {
        None
    }
}

/// `f` of `word` lowercased (`str::to_lowercase`): ASCII words (nearly all) are lowercased on
/// the stack, without a new `String` per word.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 32];
    if word.is_ascii() && word.len() <= buffer.len() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

/// An apostrophe: ASCII `'`, the typographic `’`, or the letter `ʼ`.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// `word` lowercased char by char, with typographic quotes folded to ASCII, into `out`.
pub fn lowercase_folded(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match fold_quote(c) {
            Some(ascii) => out.push(ascii),
            None => out.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_only() {
        let folded: String = "‘a’ ‚b‛ 5′ “c” „d‟ 6″ ʼ « »"
            .chars()
            .map(|c| fold_quote(c).unwrap_or(c))
            .collect();
        assert_eq!(folded, "'a' 'b' 5' \"c\" \"d\" 6\" ʼ « »");
        assert!(is_apostrophe('ʼ') && is_apostrophe('’') && !is_apostrophe('‘'));
    }

    #[test]
    fn lowercases_and_folds() {
        let mut out = String::new();
        lowercase_folded("Iran’s ÉCOLE", &mut out);
        assert_eq!(out, "iran's école");
        // Char by char: a final capital sigma lowercases to σ, as it did in the shingle hash.
        lowercase_folded("ΣΟΦΟΣ", &mut out);
        assert_eq!(out, "σοφοσ");
    }
}
