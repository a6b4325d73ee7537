//! Punctuation shapes of a line or paragraph: does it end a sentence, is it an item of a list.

/// Ends with sentence punctuation (closing quotes and brackets aside: German and French quotes
/// close with “ « ‘ too), or with a comma inside them (a quote that runs on).
pub fn ends_sentence(text: &str) -> bool {
    // Most lines end with a letter or a full stop: no closing mark, space or bracket to see past.
    if let Some(&last) = text.as_bytes().last() {
        if last.is_ascii_alphanumeric() || last == b',' {
            return false;
        }
        if last == b'.' {
            return true;
        }
    }
    let trimmed = text.trim_end_matches([
        '"', '”', '’', '\'', ')', ']', '»', '*', '“', '«', '‘', '›', '‹', '」', '』', '）',
    ]);
    trimmed.ends_with(['.', '!', '?', '…', ';', '。', '！', '？', '｡'])
        || (trimmed.len() < text.len() && trimmed.ends_with(','))
        // A sentence followed by its credit in brackets ("… off Bandar Anzali, Iran. (Reuters)").
        || text.trim_end().strip_suffix(')').and_then(|t| t.rsplit_once('(')).is_some_and(|(before, _)| {
            let before = before.trim_end();
            before.len() < text.len() && before.ends_with(['.', '!', '?'])
        })
}

/// Starts with a bullet or a list number ("- ", "• ", "1. ", "12) "); converters mark the items
/// of nested lists with "+ " and "o " ("o Politics").
pub fn is_list_item(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '·' | '▪' | '◦' | '–' | '—' | '+' | '►' | '»') => {
            chars.next() == Some(' ')
        }
        Some('o') => {
            chars.next() == Some(' ')
                && chars
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        }
        Some(c) if c.is_ascii_digit() => {
            // "1. ", "12) ": a year such as "2015. (AP)" is not a list number.
            let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.len() + 3 >= text.len() && (rest.starts_with(". ") || rest.starts_with(") "))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::ends_sentence;

    #[test]
    fn a_sentence_may_end_before_its_credit() {
        assert!(ends_sentence(
            "Vessels sail off Bandar Anzali, Iran. (Reuters)"
        ));
        assert!(!ends_sentence("Scotland v Italy (Sat)"));
        assert!(!ends_sentence("(Reuters)"));
    }
}
