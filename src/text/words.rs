//! Word spans: maximal runs of alphanumeric characters, with an apostrophe or hyphen kept when
//! it joins two alphanumeric runs ("Iran’s", "al-Assad", "mid-2012").

/// Byte spans `(start, end)` of the words in `text`.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        // Skip to the first alphanumeric char.
        let (start, _) = loop {
            let (i, c) = chars.next()?;
            if c.is_alphanumeric() {
                break (i, c);
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            let joins_next = || {
                is_joiner(c)
                    && text[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
            };
            if c.is_alphanumeric() || joins_next() {
                chars.next();
            } else {
                end = i;
                break;
            }
        }
        Some((start, end))
    })
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑')
}

/// Number of words in `text`.
pub fn count_words(text: &str) -> usize {
    word_spans(text).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        word_spans(text).map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn joins_apostrophes_and_hyphens() {
        assert_eq!(
            words("Iran’s al-Assad, since mid-2012 -- ok 'quoted'"),
            ["Iran’s", "al-Assad", "since", "mid-2012", "ok", "quoted"]
        );
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert!(words("").is_empty());
        assert!(words(" -- … “” ").is_empty());
    }
}
