//! An author's note: the sentences a site prints under an article about who wrote it ("Meg
//! James is a corporate media reporter for the Los Angeles Times, covering …", "Jake is the
//! co-founder of Integer 32 …"). It is no part of the article.

use super::features::Features;
use super::sentence::{ends_sentence, is_list_item};
use crate::text::lexicon::{
    author_box_heads, author_box_selves, author_role_verbs, author_roles, stopwords, title_heads,
};
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

/// Whom the heading of a box about the author names.
#[derive(Debug, PartialEq, Eq)]
pub enum BoxSubject<'a> {
    /// The author or the site, by a word ("About the author", "Über uns").
    Unnamed,
    /// A person, by name ("Über Moritz Bachmann"): the name's words.
    Named(Vec<&'a str>),
}

impl BoxSubject<'_> {
    /// `note` can be the box's: under a name, it names it among its first
    /// [`NAME_IN_NOTE_WORDS`] words ("Als Inbound Sales Manager bildet Moritz Bachmann …").
    pub fn fits(&self, note: &str) -> bool {
        match self {
            BoxSubject::Unnamed => true,
            BoxSubject::Named(name) => words(note)
                .take(NAME_IN_NOTE_WORDS)
                .any(|w| name.contains(&w.text(note))),
        }
    }
}

/// The heading of a box about the author, in any language the lexicon knows: two to
/// [`MAX_BOX_HEAD_WORDS`] words and no sentence, opening with a word marked `about` (after at
/// most one word: "À propos de l'auteur"); after it short lowercase words ("the", "den", "de")
/// and either a word naming the author or the site ("author", "Autorin", "us") or one to
/// [`MAX_NAME_WORDS`] capitalised words, a name ("About Brigit Katz"). Where a converter put
/// the opening word alone on its line ("Sobre" over "Carlos Nadalim"), the rest is `next`'s
/// text, and the second value says so.
pub fn author_box_head<'a>(
    text: &'a str,
    f: &Features,
    next: Option<&'a str>,
) -> Option<(BoxSubject<'a>, bool)> {
    if f.words > MAX_BOX_HEAD_WORDS || f.terminal || is_list_item(text) {
        return None;
    }
    // Most short lines open with no such word: they are answered before collecting words.
    let about = |w: &&str| {
        author_box_heads().contains_ignore_ascii_case(w)
            || (!w.is_ascii() && author_box_heads().contains(&w.to_lowercase()))
    };
    if !words(text).take(2).any(|w| about(&w.text(text))) {
        return None;
    }
    let all: Vec<&str> = words(text).map(|w| w.text(text)).collect();
    if let ([alone], Some(next)) = (all.as_slice(), next) {
        let rest: Vec<&str> = words(next).map(|w| w.text(next)).collect();
        let fits = about(alone) && rest.len() < MAX_BOX_HEAD_WORDS && !ends_sentence(next);
        return fits.then(|| subject_of(&rest)).flatten().map(|s| (s, true));
    }
    let at = all.iter().take(2).position(about)?;
    subject_of(&all[at + 1..]).map(|s| (s, false))
}

/// Whom the words after the opening word of an [`author_box_head`] name.
fn subject_of<'a>(rest: &[&'a str]) -> Option<BoxSubject<'a>> {
    let mut name = Vec::new();
    for &word in rest {
        // "l'auteur": the word after the article's apostrophe.
        let last = word
            .rsplit(['\'', '’'])
            .next()
            .unwrap_or(word)
            .to_lowercase();
        if author_roles().contains(&last) || author_box_selves().contains(&last) {
            return Some(BoxSubject::Unnamed);
        }
        match word.chars().next() {
            Some(c) if c.is_uppercase() => name.push(word),
            Some(c) if c.is_lowercase() && word.chars().count() <= MAX_PARTICLE_CHARS => {}
            _ => return None,
        }
    }
    (1..=MAX_NAME_WORDS)
        .contains(&name.len())
        .then_some(BoxSubject::Named(name))
}

/// The most words of an [`author_box_head`].
const MAX_BOX_HEAD_WORDS: usize = 6;

/// The longest lowercase word between the opening word of an [`author_box_head`] and its name
/// (an article, a preposition, a particle: "the", "den", "von").
const MAX_PARTICLE_CHARS: usize = 4;

/// The words of a note under a named [`author_box_head`] the name is looked for in.
const NAME_IN_NOTE_WORDS: usize = 20;

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

    #[test]
    fn boxes_about_the_author() {
        let head =
            |s: &'static str| author_box_head(s, &features(s), None).map(|(subject, _)| subject);
        for s in [
            "About the author",
            "Über den Autor",
            "Sobre o autor",
            "À propos de l'auteur",
            "About Us",
            "About The Author",
        ] {
            assert_eq!(head(s), Some(BoxSubject::Unnamed), "{s}");
        }
        assert_eq!(
            head("Über Moritz Bachmann"),
            Some(BoxSubject::Named(vec!["Moritz", "Bachmann"]))
        );
        assert_eq!(
            head("Sobre Carlos Nadalim"),
            Some(BoxSubject::Named(vec!["Carlos", "Nadalim"]))
        );
        for s in [
            "About the vaccine rollout",
            "About 300 people marched",
            "About 300 people marched on Monday.",
            "* About Us",
            "Learn more about us",
        ] {
            assert_eq!(head(s), None, "{s}");
        }
        // The opening word alone on its line, the name on the next.
        assert_eq!(
            author_box_head("Sobre", &features("Sobre"), Some("Carlos Nadalim")),
            Some((BoxSubject::Named(vec!["Carlos", "Nadalim"]), true))
        );
        assert_eq!(
            author_box_head("About", &features("About"), Some("Carlos said so.")),
            None
        );
        let named = BoxSubject::Named(vec!["Moritz", "Bachmann"]);
        assert!(named.fits("Als Inbound Sales Manager bildet Moritz Bachmann die Schnittstelle."));
        assert!(!named.fits("The company reported higher sales in the third quarter of the year."));
    }
}
