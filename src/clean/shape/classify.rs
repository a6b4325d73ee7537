//! Chrome or body, judged from one paragraph's own features, jusText-style: length, stopword
//! density, sentence punctuation, capitalisation, digits, separators, addresses, interface
//! vocabulary and second-person address. Where the paragraph stands is weighed later, by the
//! stages.

use super::features::Features;
use crate::clean::options::ChromeOptions;

/// How a paragraph reads on its own: body text, chrome, or either.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Good,
    Neutral,
    Bad,
}

/// Scores one paragraph from its own features.
pub fn classify(f: &Features, options: &ChromeOptions) -> Class {
    let labelish = f.words <= options.max_label_words;
    let counter = f.digit_words >= 1 && f.words <= 4 && f.alpha_words <= 2;
    let all_caps = f.alpha_words >= 1 && f.caps_words == f.alpha_words && f.words <= 10;
    let bad = f.alpha_words == 0
        || (f.has_address && f.words <= 8)
        || (f.separators >= 1 && (f.words <= 8 || f.separators * 4 >= f.words))
        || (!f.terminal && f.ui_words >= 1 && labelish)
        || (f.ui_words * 3 >= f.words && f.words <= 25 && (!f.terminal || labelish))
        || (counter && !f.terminal)
        || (all_caps && !f.terminal)
        || (f.words <= 2 && !f.terminal && f.stopwords == 0 && f.capitalised_words < f.words)
        || f.site_notice();
    if bad {
        return Class::Bad;
    }
    let dense = f.stopword_density() >= options.good_min_stopword_density;
    let long_enough = if f.terminal || f.colon_end {
        f.words >= options.good_min_words
    } else {
        f.words >= options.good_min_words_unpunctuated
    };
    if long_enough && dense && f.ui_words * 5 < f.words {
        Class::Good
    } else {
        Class::Neutral
    }
}

/// How much a paragraph's own text speaks for (positive) or against (negative) its being
/// article text, in words: the chance that it is, less the chance that it is not, times its
/// words, so that the body's errors are counted as the words they cost. Every line of chrome
/// counts at least [`CHROME_LINE_WORDS`]: a run of menu items is long evidence, whatever its
/// words. `table`: a row of a table of figures; `item`: an item of a bulleted list.
pub fn article_weight(f: &Features, class: Class, table: bool, item: bool) -> f64 {
    let words = f.words as f64;
    let chrome_words = f.words.max(CHROME_LINE_WORDS) as f64;
    let sentence = f.terminal || f.colon_end || f.runs_of_sentences(2);
    if table {
        return 0.5 * words;
    }
    if f.addresses_reader() {
        return -chrome_words;
    }
    match class {
        // Body text ends its sentences; an unpunctuated run of prose, or a bulleted one, is as
        // often the teaser of another article.
        Class::Good if sentence && !item => words,
        Class::Good | Class::Neutral if f.sentence_like() || introduces(f) || prose(f) => {
            0.3 * words
        }
        Class::Good if !item => 0.0,
        Class::Good | Class::Neutral => -0.5 * chrome_words,
        Class::Bad => -chrome_words,
    }
}

/// Sentences of prose that the function words of the document's language do not vouch for
/// (an English review on a German blog) or that end on a credit, not a full stop: they weigh
/// as a sentence does, not as a line of chrome. Two sentence ends are as often abbreviations
/// in a line of a list of sources ("Federal Reserve Bank of St. Louis, CPI historical data,
/// accessed Nov. 5, 2019"), so it takes three.
fn prose(f: &Features) -> bool {
    f.runs_of_sentences(3) && f.starts_upper && f.ui_words * 4 < f.words
}

/// Introduces what follows with a colon, as a sentence does ("Officials said the talks covered
/// several topics:", "Key points:").
pub fn introduces(f: &Features) -> bool {
    f.colon_end && f.starts_upper && f.ui_words == 0 && f.alpha_words >= 2
}

/// The fewest words a line of chrome counts for in [`article_weight`].
const CHROME_LINE_WORDS: usize = 5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::options::ChromeOptions;
    use crate::clean::shape::features::features;

    fn class(text: &str) -> Class {
        classify(&features(text), &ChromeOptions::default())
    }

    #[test]
    fn seed_chrome_is_bad_or_neutral() {
        for s in [
            "News / Politics",
            "Read 428 times",
            "(0 votes)",
            "SHARE THIS ARTICLE",
            "www.presstv.co.uk",
            "Add comment",
            "comments",
            "Post a Comment",
        ] {
            assert_eq!(class(s), Class::Bad, "{s}");
        }
        for s in [
            "Most Visited in Politics",
            "Security code",
            "Top Stories",
            "No comments:",
            "Rate this item",
        ] {
            assert_ne!(class(s), Class::Good, "{s}");
        }
    }

    #[test]
    fn notices_of_the_site_are_chrome_however_long() {
        // A consent notice of sixty words speaks to the reader of the site's cookies: chrome,
        // though it reads as prose and ends its sentences.
        let cookies = "We use cookies and other tracking technologies to improve your browsing \
            experience on our site, show personalised content and targeted ads, analyse site \
            traffic, and understand where our audiences come from. To learn more or opt-out, \
            read our Cookie Policy. Please also read our Privacy Notice and Terms of Use, which \
            became effective on the first of the month.";
        assert!(features(cookies).words > 40);
        assert_eq!(class(cookies), Class::Bad);
        // A site's welcome over its article speaks to the reader as much, but of the
        // article's subject: one interface word in its ninety words.
        let welcome = format!(
            "Welcome to the Daily Deals, your source for the best deals on the things you \
             actually want to buy. Follow us on Twitter. {}",
            "We bring you the best prices we have found today on games and hardware, and we \
             check them every morning before you wake up. "
                .repeat(3)
        );
        assert!(features(&welcome).words > 60);
        assert_ne!(class(&welcome), Class::Bad);
    }

    #[test]
    fn short_lines_with_the_copyright_sign_are_chrome() {
        // A site's copyright line ends its sentences, and a credit under a picture holds no
        // interface word; the sign tells them in any language.
        for s in [
            "Copyright © 2019 Harbour Media Group, Inc. All Rights Reserved.",
            "This material may not be published or redistributed. © 2019 Harbour News Network.",
            "Eine Fracking-Anlage zur Förderung von Gas in Pennsylvania © Jane Roe",
        ] {
            assert_eq!(class(s), Class::Bad, "{s}");
        }
        // A long paragraph that names the sign (a line joining an article to its footer)
        // is weighed by its words.
        let long = format!(
            "{} © 2019 Harbour News.",
            "The council voted to approve a new ferry terminal on the quay. ".repeat(5)
        );
        assert!(!features(&long).site_notice());
    }

    #[test]
    fn body_is_good() {
        assert_eq!(class("The presidents of Iran and Russia discussed the latest developments in the region, particularly the situation in Syria."), Class::Good);
        assert_eq!(
            class(
                "Hundreds of foreign-backed terrorists have surrendered in Aleppo in recent days."
            ),
            Class::Good
        );
        let short = features("He denied it.");
        assert!(short.sentence_like());
        assert_eq!(features("The US firm said").person_words, 0);
        assert!(!features("All rights reserved.").sentence_like());
    }

    #[test]
    fn sentences_ending_on_a_credit_weigh_for_the_body() {
        // Prose whose function words the document's language does not count (Neutral) and
        // whose last sentence ends on a credit: it weighs as sentences do.
        let review = features(
            "A nearly wordless narrative intercuts two stories. A woman brings forth her baby \
             to a crowd. Loose in this world of power lines is also Jesus. The elements content \
             with political power. Director: Derek Jarman · Stars: Tilda Swinton",
        );
        assert!(review.runs_of_sentences(3));
        assert!(article_weight(&review, Class::Neutral, false, false) > 0.0);
        // A tag cloud with an initial or two, a reference thick with abbreviations: not prose.
        let cloud = features(&format!(
            "E. T. A. Hoffmann {}",
            "Adalbert Stifter Bergkristall Judith Butler Laibach Der Sandmann ".repeat(30)
        ));
        assert!(!cloud.runs_of_sentences(2));
        let reference = features(
            "Braithwaite, V.A./Ebbesson, L.O.E. (2014): Pain and stress responses in farmed \
             fish. Rev. Sci. Tech. Off. Int. Epiz., Vol. 33(1), S. 245-253",
        );
        assert!(!reference.runs_of_sentences(2));
        assert!(article_weight(&reference, Class::Neutral, false, true) < 0.0);
    }
}
