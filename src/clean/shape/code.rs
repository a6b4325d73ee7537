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
