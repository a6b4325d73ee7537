//! Lists of the article's own between paragraphs of its prose: ingredients, specifications, line-ups, tools
//! with their notes. Their lines are short and end no sentence, so each alone reads as chrome
//! and weighs against the body, which then stops where the prose does. What tells them from a
//! menu is what they speak of: their lines name the article's subject ("Ethernet-Kommunikation
//! und Relaisausgänge", "emacs integration"), a menu's lines name the site's sections.

use rustc_hash::FxHashSet;

use crate::clean::paragraphs::Paragraphs;
use crate::clean::shape::classify::Class;
use crate::clean::shape::features::Features;

use super::teasers::{cut_short, key_words_named, topic_of};

/// The rows of the lists of the article's own beside its body (`first` to `last`, rows of
/// the paragraph table) among the kept `rows`, between it and more of its prose: the run of
/// short lines right after the body ([`list_line`]) that a paragraph of its prose follows
/// ([`article_prose`], not a teaser's summary cut short), and the run right before it that
/// such a paragraph precedes, when the
/// prose (with [`MIN_ON_TOPIC`] of its key words) and [`MIN_ON_TOPIC`] of the lines name the
/// article's subject (its key words: content words of [`KEY_WORD_PARAGRAPHS`] of its prose
/// paragraphs at least) and those lines are a third of the run at least. A run with nothing
/// but the page's own beyond it (related headlines under "More on this", the article's tags,
/// a job board) is no evidence: those share the article's words as often. Empty when there
/// is none.
pub fn lists_beside_body(
    paras: &Paragraphs,
    rows: &[usize],
    class: &[Class],
    template_hit: &[bool],
    (first, last): (usize, usize),
) -> Vec<usize> {
    let (Some(start), Some(end)) = (
        rows.iter().position(|&i| i == first),
        rows.iter().position(|&i| i == last),
    ) else {
        return Vec::new();
    };
    let after = rows[end + 1..].iter().copied();
    let before = rows[..start].iter().rev().copied();
    let runs: Vec<(Vec<usize>, usize)> = [
        run_before_prose(paras, class, template_hit, after),
        run_before_prose(paras, class, template_hit, before),
    ]
    .into_iter()
    .flatten()
    .collect();
    // Most bodies have no such run beside them: the key words are gathered only for one.
    if runs.is_empty() {
        return Vec::new();
    }
    let prose: Vec<f64> = rows
        .iter()
        .map(|&i| f64::from(u8::from(class[i] == Class::Good)))
        .collect();
    let topic = topic_of(paras, rows, &prose, (start, end), KEY_WORD_PARAGRAPHS);
    runs.into_iter()
        .filter(|(lines, prose)| {
            key_words_named(paras, *prose, &topic) >= MIN_ON_TOPIC && on_topic(paras, lines, &topic)
        })
        .flat_map(|(lines, _)| lines)
        .collect()
}

/// The run of at least [`MIN_ON_TOPIC`] short lines the rows `beyond` the body open with and
/// the paragraph of prose that ends it, when that reads as the article's
/// ([`article_prose`], not a teaser's summary cut short).
fn run_before_prose(
    paras: &Paragraphs,
    class: &[Class],
    template_hit: &[bool],
    mut beyond: impl Iterator<Item = usize>,
) -> Option<(Vec<usize>, usize)> {
    let mut lines = Vec::new();
    let prose = beyond.find(|&i| {
        let line = !template_hit[i] && list_line(&paras[i].feat);
        if line {
            lines.push(i);
        }
        !line
    })?;
    let prose_of_article = class[prose] == Class::Good
        && !template_hit[prose]
        && article_prose(&paras[prose].feat)
        && !cut_short(paras[prose].text());
    (prose_of_article && lines.len() >= MIN_ON_TOPIC).then_some((lines, prose))
}

/// [`MIN_ON_TOPIC`] of the `lines` name the article's subject (`topic`), and a third of them
/// at least.
fn on_topic(paras: &Paragraphs, lines: &[usize], topic: &FxHashSet<String>) -> bool {
    let named = lines
        .iter()
        .filter(|&&i| key_words_named(paras, i, topic) >= 1)
        .count();
    named >= MIN_ON_TOPIC && named * ON_TOPIC_SHARE >= lines.len()
}

/// The fewest lines of a list that name the article's subject.
const MIN_ON_TOPIC: usize = 2;

/// One line in this many of a list, at least, names the article's subject.
const ON_TOPIC_SHARE: usize = 3;

/// The fewest prose paragraphs of the article a key word of it stands in.
const KEY_WORD_PARAGRAPHS: usize = 2;

/// The most words of a line of a list.
const MAX_LIST_LINE_WORDS: usize = 16;

/// A short line as a list's are (an item, a label, a row of data), not the page's: no web
/// address, separators between links, count of links or words to the reader, interface words
/// a half of its words at most ("home page", not "Toggle navigation").
fn list_line(f: &Features) -> bool {
    f.words <= MAX_LIST_LINE_WORDS
        && !f.has_address
        && f.separators == 0
        && !f.counted
        && !f.addresses_reader()
        && f.ui_words * 2 <= f.words
}

/// A paragraph of the article's prose, as the page's own prose is not (a site's pitch, a
/// form's instructions, "You can change your selections at any time."): sentences of some
/// length that say nothing of "you" or "we", nor of the page's interface.
fn article_prose(f: &Features) -> bool {
    f.sentence_like()
        && f.words >= MIN_PROSE_WORDS
        && f.ui_words == 0
        && f.person_words == 0
        && !f.has_address
}

/// The fewest words of the prose after a list of the article's own.
const MIN_PROSE_WORDS: usize = 15;

#[cfg(test)]
mod tests {
    use crate::clean::clean_document;
    use crate::clean::options::CleanOptions;

    const PROSE: &str = "The new energy meters measure the consumption of single-phase and \
        three-phase systems, and the meters send their readings over Ethernet or M-Bus.\n\n\
        Each of the energy meters can be extended with modules for Ethernet, relay outputs \
        and a data logger, so that the consumption of whole buildings can be managed.\n\n\
        The meters for billing are certified, and their readings may be used for \
        commercial accounts of the consumption of energy.\n\n";

    const MENU: &str = "Home\n\nProducts\n\nCareers\n\nContact us\n\nImprint\n\n";

    /// Cleaning `page` keeps each of the phrases `kept` and none of `gone`.
    fn assert_cleaned(page: &str, kept: &[&str], gone: &[&str]) {
        let text = clean_document(page, &CleanOptions::default()).text;
        for phrase in kept {
            assert!(text.contains(phrase), "kept {phrase}: {text}");
        }
        for phrase in gone {
            assert!(!text.contains(phrase), "gone {phrase}: {text}");
        }
    }

    #[test]
    fn a_list_naming_the_articles_subject_stays_with_it() {
        let list = "ACCURACY\n\nClass 0.5\n\nVERSIONS\n\n\
            Single-phase energy meters\n\n\
            Three-phase energy meters\n\n\
            Ethernet module\n\n\
            Relay outputs for load shedding\n\n";
        let after = "The energy meters are sold from March, and the modules for Ethernet \
            and the data logger follow in the summer.\n\n";
        assert_cleaned(
            &format!("{PROSE}{list}{after}{MENU}"),
            &[
                "Single-phase energy meters",
                "Ethernet module",
                "from March",
            ],
            &["Careers"],
        );
    }

    #[test]
    fn a_list_between_the_lead_and_the_body_stays() {
        // A short lead, the meters' data in short lines (alone, "ACCURACY" in capitals and
        // "Class 0.5" read as chrome), then the body of the article.
        let lead = "The two energy meters of the range send the consumption over Ethernet, \
            as the older meters did.\n\n";
        let list = "ACCURACY\n\nClass 0.5\n\nThree-phase energy meters\n\n\
            Ethernet module\n\n";
        // A body long enough that the lead weighs under a tenth of it and stays apart.
        let more = "The energy meters were shown at the trade fair in Hanover, where the \
            makers of the meters said that demand for meters with Ethernet had doubled.\n\n\
            Buyers of the energy meters in factories use the readings to find the machines \
            whose consumption of energy rises, and to plan their repairs in time.\n\n\
            Offices use the same meters to split the consumption of energy between their \
            tenants, each of whom is billed for the energy the meters count.\n\n\
            Older meters without Ethernet can be read by hand or over M-Bus, and the makers \
            sell modules that add Ethernet to most of the meters already installed.\n\n";
        assert_cleaned(
            &format!("{MENU}{lead}{list}{PROSE}{more}{MENU}"),
            &[
                "ACCURACY",
                "Class 0.5",
                "Ethernet module",
                "The two energy meters",
            ],
            &["Careers"],
        );
    }

    #[test]
    fn related_headlines_after_the_article_go() {
        // Headlines of other stories on the subject, and the site's own lines after them: no
        // more of the article follows.
        let related = "More on this\n\nEnergy meters for homes\n\nEthernet for factories\n\n\
            Energy prices rise again\n\n";
        assert_cleaned(
            &format!("{PROSE}{related}{MENU}"),
            &["commercial accounts"],
            &["Energy prices rise", "Ethernet for factories", "Careers"],
        );
    }
}
