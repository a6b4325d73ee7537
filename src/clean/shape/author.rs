//! An author's note: the sentences a site prints under an article about who wrote it ("Meg
//! James is a corporate media reporter for the Los Angeles Times, covering …", "Jake is the
//! co-founder of Integer 32 …"). It is no part of the article.

use super::features::Features;
use crate::text::lexicon::{author_role_verbs, author_roles, stopwords, title_heads};
use crate::text::words::words;

/// A paragraph of sentences in English that opens with a bare name (one to [`MAX_NAME_WORDS`]
/// capitalised words, none a function word or a title: "Mr Forsyth is a wonderful writer" is
/// the article's), a verb joining it to a role ("is", "joined", "writes"), and names an
/// author's role ("reporter", "editor", "co-founder") within [`ROLE_AFTER_VERB`] words of the
/// verb ("Malaysia is the world's fourth largest cocoa producer" names no author's role; "Shad
/// was referring to the appeal by former Wall Street Journal reporter …" no present one).
pub fn author_note(text: &str, f: &Features) -> bool {
    if !(MIN_NOTE_WORDS..=MAX_NOTE_WORDS).contains(&f.words) || !(f.terminal || f.inner_stops > 0) {
        return false;
    }
    let mut name = 0;
    let mut after_verb = None;
    for w in words(text) {
        let word = w.text(text);
        if let Some(seen) = after_verb.as_mut() {
            if author_roles().contains_ignore_ascii_case(word) {
                return true;
            }
            *seen += 1;
            if *seen == ROLE_AFTER_VERB {
                return false;
            }
            continue;
        }
        if name > 0 && author_role_verbs().contains_ignore_ascii_case(word) {
            after_verb = Some(0);
            continue;
        }
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if !capitalised
            || name == MAX_NAME_WORDS
            || stopwords().contains_ignore_ascii_case(word)
            || title_heads().contains(word.trim_end_matches('.'))
        {
            return false;
        }
        name += 1;
    }
    false
}

/// The most words of the name an [`author_note`] opens with.
const MAX_NAME_WORDS: usize = 4;

/// The most words after the verb of an [`author_note`] its role is named within ("is the
/// co-founder", "is PCMag's UK-based editor", "is a corporate media reporter").
const ROLE_AFTER_VERB: usize = 6;

/// The fewest and most words of an [`author_note`]: a sentence or a few.
const MIN_NOTE_WORDS: usize = 5;
const MAX_NOTE_WORDS: usize = 120;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::shape::features::features;

    #[test]
    fn notes_about_the_author() {
        for s in [
            "Dana Whitfield is a freelance writer living in Leeds.",
            "Omar Haddad is the Senior Editor of Gadget Weekly. Since joining in 2016, he has \
             covered phones and laptops.",
            "Priya joined the magazine as a reporter in March 2017.",
            "Tom is Acme Review's UK-based editor and news reporter.",
        ] {
            assert!(author_note(s, &features(s)), "{s}");
        }
        for s in [
            // A sentence of the article: no name opens it, or no verb joins it to a role.
            "The company is a producer of steel pipes for the oil industry.",
            "Sweden has dropped its inquiry into an allegation against the WikiLeaks co-founder.",
            "Critics said the editor was wrong to publish the letter.",
            "Mr Forsyth is a wonderful writer and should keep his fiction where it belongs.",
            "Malaysia is the world's fourth largest cocoa producer.",
            "Shad was referring to the appeal by the former reporter of the paper.",
            "Black Friday is based upon the novel of the same name by journalist S Zaidi.",
            // A byline, a name alone: no sentence.
            "Dana Whitfield, Staff Writer",
        ] {
            assert!(!author_note(s, &features(s)), "{s}");
        }
    }
}
