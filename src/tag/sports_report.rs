//! Sports reports: a document with enough words of sports reporting, where teams named like
//! towns ("Milan", "Surrey") are organisations.

use crate::text::lexicon::sports_cues;

const SPORTS_CUES_NEEDED: usize = 3;

/// Whether the words make a sports report: [`SPORTS_CUES_NEEDED`] of them are words of sports
/// reporting (compared lowercased: words of 3 to 13 ASCII letters and hyphens).
pub fn is_sports_report(words: &[&str]) -> bool {
    let mut found = 0;
    for w in words {
        if !(3..=13).contains(&w.len()) || !w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
        {
            continue;
        }
        // The cues are listed in lowercase, so ignoring case is comparing lowercased.
        if sports_cues().contains_ignore_ascii_case(w) {
            found += 1;
            if found >= SPORTS_CUES_NEEDED {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sports_reports() {
        let words = "Nice beat Lens 2-1 in the league . The coach said the striker scored twice"
            .split(' ')
            .collect::<Vec<_>>();
        assert!(is_sports_report(&words));
        let words = "Nice is a city in France where the council met on Monday"
            .split(' ')
            .collect::<Vec<_>>();
        assert!(!is_sports_report(&words));
    }

    /// The cues are compared ignoring case as the lowercased words they are.
    #[test]
    fn cues_are_lowercase() {
        assert!(sports_cues().iter().all(|w| w == w.to_lowercase()));
    }
}
