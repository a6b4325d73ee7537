//! Person titles: the words of "Deputy Foreign Minister" before a name, split off the name and
//! reported as the mention's title.

use super::mention::Label;
use crate::text::lexicon::{title_domains, title_heads, title_words};

/// Whether `word` can be part of a person's title.
pub fn is_title_word(word: &str) -> bool {
    title_words().contains(word)
}

/// Splits leading title words off a PERSON span and finds the title just before it.
/// Returns the new span start and the title's token range.
pub fn split_title(
    words: &[&str],
    start: usize,
    end: usize,
    label: Label,
) -> (usize, Option<(usize, usize)>) {
    if label != Label::Person {
        return (start, None);
    }
    let mut s = start;
    // A domain first: "State" is a title word too ("State Secretary").
    loop {
        if let Some(after) = domain_from(words, s).filter(|&a| a < end) {
            s = after;
        } else if s + 1 < end && is_title_word(words[s]) {
            s += 1;
        } else {
            break;
        }
    }
    let mut t = s;
    loop {
        if let Some(of) = domain_before(words, t) {
            t = of;
        } else if t > 0 && is_title_word(words[t - 1]) {
            t -= 1;
        } else {
            break;
        }
    }
    let title_end = s;
    let has_head = words[t..title_end]
        .iter()
        .any(|w| title_heads().contains(w));
    (s, (t < title_end && has_head).then_some((t, title_end)))
}

/// Whether tokens `[s, e)` are what a title is of, right after it: "State" in "Secretary of
/// State", "Foreign Affairs" in "Minister of Foreign Affairs".
pub fn is_title_domain(words: &[&str], s: usize, e: usize) -> bool {
    s < e && domain_from(words, s) == Some(e)
}

/// Whether a span `[s, e)` read as something other than a person opens with a title's domain
/// and goes on with a capitalised name: "State George Shultz" after "Secretary of".
pub fn opens_with_title_domain(words: &[&str], s: usize, e: usize) -> bool {
    domain_from(words, s).is_some_and(|after| {
        after < e && words[after].chars().next().is_some_and(char::is_uppercase)
    })
}

/// Whether every word of `words` (at least one) is a title's domain ("Commerce", "Defense").
pub fn is_title_domain_word_run(words: &[&str]) -> bool {
    !words.is_empty() && words.iter().all(|w| domain_word(w))
}

fn domain_word(word: &str) -> bool {
    title_domains().contains(word)
}

/// A title's domain starting at token `s` ("State" after "Secretary of"): the token after it.
fn domain_from(words: &[&str], s: usize) -> Option<usize> {
    if s >= words.len() || !domain_word(words[s]) || !of_title_before(words, s) {
        return None;
    }
    let mut e = s + 1;
    while e < words.len()
        && (domain_word(words[e])
            || (words[e] == "and" && words.get(e + 1).is_some_and(|w| domain_word(w))))
    {
        e += 1;
    }
    Some(e)
}

/// A title's domain ending just before token `t` ("Secretary of State" before "George
/// Shultz"): the position of its "of".
fn domain_before(words: &[&str], t: usize) -> Option<usize> {
    let mut d = t;
    while d > 0 && (domain_word(words[d - 1]) || (words[d - 1] == "and" && d < t)) {
        d -= 1;
    }
    if d == t || !domain_word(words[d]) || !of_title_before(words, d) {
        return None;
    }
    let the = usize::from(words[d - 1] == "the");
    Some(d - 1 - the)
}

/// "Secretary of" or "Chancellor of the" just before token `k`.
fn of_title_before(words: &[&str], k: usize) -> bool {
    let k = if k > 0 && words[k - 1] == "the" {
        k - 1
    } else {
        k
    };
    k >= 2 && words[k - 1] == "of" && is_title_word(words[k - 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_split() {
        let words = [
            "Iranian", "Deputy", "Foreign", "Minister", "Hossein", "Jaberi", "Ansari",
        ];
        assert_eq!(split_title(&words, 4, 7, Label::Person), (4, Some((1, 4))));
        assert_eq!(split_title(&words, 2, 7, Label::Person), (4, Some((1, 4))));
        assert_eq!(
            split_title(&["Foreign", "Smith"], 1, 2, Label::Person),
            (1, None)
        );
        assert_eq!(split_title(&words, 4, 7, Label::Org), (4, None));
        let words = ["US", "Secretary", "of", "State", "George", "Shultz", "said"];
        assert_eq!(split_title(&words, 4, 6, Label::Person), (4, Some((1, 4))));
        assert_eq!(split_title(&words, 3, 6, Label::Person), (4, Some((1, 4))));
        assert!(is_title_domain(&words, 3, 4));
        let words = ["Chancellor", "of", "the", "Exchequer", "Nigel", "Lawson"];
        assert_eq!(split_title(&words, 4, 6, Label::Person), (4, Some((0, 4))));
        assert!(is_title_domain(&words, 3, 4));
        assert!(!is_title_domain(&["Bank", "of", "England"], 2, 3));
        assert!(!is_title_domain(&["the", "State", "Department"], 1, 2));
        let words = [
            "U.S.",
            "Secretary",
            "of",
            "State",
            "George",
            "Shultz",
            "and",
            "Commerce",
        ];
        assert!(opens_with_title_domain(&words, 3, 6));
        assert!(!opens_with_title_domain(&words, 4, 6));
        assert!(!opens_with_title_domain(
            &["the", "State", "Department"],
            1,
            3
        ));
        assert!(is_title_domain_word_run(&["Commerce"]));
        assert!(!is_title_domain_word_run(&["Shultz"]));
    }
}
