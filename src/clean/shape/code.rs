//! Lines of source code: a listing inside a technical article ("return ctypes.cast(addr,
//! ctypes.POINTER(type_))", "my_ggp <- ggplot(data, aes(x = Groups))") is the article's
//! content, though it reads as no sentence and holds no function words.

use super::features::Features;

/// A line of source code: a call or an index written against its name ("cast(", "c_int)[4]")
/// with a mark that prose does not write: a method or module path ("ctypes.cast("), a name
/// joined by an underscore, an assignment or arrow (" = ", "<-", "->", "=="), braces, or a
/// closing semicolon. Not a line with a web address ("www.example.com(opens in a new window)").
pub fn code_line(text: &str, f: &Features) -> bool {
    let bytes = text.as_bytes();
    if f.has_address || memchr::memchr2(b'(', b'[', bytes).is_none() {
        return false;
    }
    let name_char = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut call = false;
    let mut path_call = false;
    for (k, w) in bytes.windows(2).enumerate() {
        if name_char(w[0]) && (w[1] == b'(' || w[1] == b'[') {
            call = true;
            // Back over the name to a dot joining it to another name.
            let start = bytes[..=k].iter().rposition(|&b| !name_char(b));
            path_call |= start
                .is_some_and(|s| bytes[s] == b'.' && s > 0 && name_char(bytes[s - 1]) && s < k);
        }
    }
    if !call {
        return false;
    }
    let trimmed = text.trim_end();
    path_call
        || has_joined_name(bytes)
        || [" = ", "<-", "->", "==", "{", "}"]
            .iter()
            .any(|m| text.contains(m))
        || trimmed.ends_with(';')
}

/// For consecutive lines, whether each belongs to a listing of source code split one token a
/// line (a page's highlighted code turned to text at every element: "from", "django.conf",
/// "import", "(", "os .", "path", "):"): a run of [`MIN_LISTING_TOKENS`] lines or more of a
/// few tokens each, among them brackets or operators standing alone (in a sixth of the lines
/// at least) and names joined by a dot or an underscore. A menu of single words has no
/// operators, a list of counts split from their labels ("Comments", "(", "3", ")") no joined
/// names.
pub fn token_listing(lines: &[&str]) -> Vec<bool> {
    // Counting stops past the most a line may hold: prose paragraphs are long.
    let tokens = |l: &str| {
        let count = l.split_whitespace().take(MAX_LINE_TOKENS + 1).count();
        (1..=MAX_LINE_TOKENS).contains(&count)
    };
    let mut out = vec![false; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        let end = start + lines[start..].iter().take_while(|l| tokens(l)).count();
        let run = &lines[start..end];
        if run.len() < MIN_LISTING_TOKENS {
            start = end + 1;
            continue;
        }
        let operators = run
            .iter()
            .filter(|l| l.split_whitespace().any(operator))
            .count();
        let names = run.iter().any(|l| l.split_whitespace().any(joined_name));
        if operators * 6 >= run.len() && names {
            out[start..end].iter_mut().for_each(|t| *t = true);
        }
        start = end + 1;
    }
    out
}

/// The most tokens a line of a listing split at each token holds: the text conversion runs a
/// name into the operator after it ("os .", "__file__ ),").
const MAX_LINE_TOKENS: usize = 3;

/// The fewest lines a listing split at each token runs to.
const MIN_LISTING_TOKENS: usize = 12;

/// Brackets and operators alone, with a bracket or an equals sign among them ("(", "):", "=",
/// "()"): not a bullet, a bar or a dash.
fn operator(token: &str) -> bool {
    token.chars().all(|c| "()[]{}=.,:;".contains(c))
        && token.contains(['(', ')', '[', ']', '{', '}', '='])
}

/// A name joined by a dot or an underscore between letters ("django.conf", "__file__",
/// "find_element_by_class_name"), not a web address.
fn joined_name(token: &str) -> bool {
    let bytes = token.as_bytes();
    let dotted = bytes
        .windows(3)
        .any(|w| w[0].is_ascii_alphabetic() && w[1] == b'.' && w[2].is_ascii_alphabetic());
    (dotted || has_joined_name(bytes)) && !token.contains("www.") && !token.contains('/')
}

/// A name of letters joined by an underscore ("type_", "c_int", "my_ggp").
fn has_joined_name(bytes: &[u8]) -> bool {
    bytes.windows(2).any(|w| {
        (w[0] == b'_' && w[1].is_ascii_alphanumeric())
            || (w[0].is_ascii_alphanumeric() && w[1] == b'_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::shape::features::features;

    #[test]
    fn listings_are_code() {
        for line in [
            "import ctypes def deref(addr, type_):",
            "return ctypes.cast(addr, ctypes.POINTER(type_))",
            "deref(id(29), ctypes.c_int)[4] = 100",
            "my_ggp <- ggplot(data, aes(x = Groups, y = Probability))",
            "var el = document.getElementById('menu');",
        ] {
            assert!(code_line(line, &features(line)), "{line}");
        }
    }

    /// Highlighted code split one token a line is a listing; a menu of single words, a
    /// count split from its label, are none.
    #[test]
    fn listings_split_one_token_a_line() {
        let listing =
            "def deref ( addr , type_ ): return ctypes.cast ( addr , ctypes.POINTER ( type_ ))";
        let listing: Vec<&str> = listing.split(' ').collect();
        assert_eq!(token_listing(&listing), vec![true; listing.len()]);
        let menu = [
            "Home", "News", "Sport", "Weather", "iPlayer", "Sounds", "Bitesize", "CBeebies",
            "CBBC", "Food", "Travel", "More", "*", "|", "-",
        ];
        assert_eq!(token_listing(&menu), vec![false; menu.len()]);
        let mut counts = vec!["Comments", "(", "3", ")", "Shares", "(", "12", ")"];
        counts.extend(["Likes", "(", "7", ")", "Views", "(", "9", ")"]);
        assert_eq!(token_listing(&counts), vec![false; counts.len()]);
    }

    #[test]
    fn prose_and_chrome_are_not_code() {
        for line in [
            "The company said its word(s) were misread.",
            "Apple Inc. (AAPL) rose 2% on Monday.",
            "Shr 1.23 dlrs vs 1.12 dlrs",
            "> 29*100",
            "Share on Facebook",
            "Net profit rose to 1,234,000(restated) dlrs",
            "Visit www.example.com(opens in a new window)",
            "under_score without any call",
        ] {
            assert!(!code_line(line, &features(line)), "{line}");
        }
    }
}
