//! Page chrome by position: navigation, share and comment widgets, counters, breadcrumbs,
//! teasers and comments sit around the body (the run of paragraphs the layout found to weigh
//! most for article text). Everything before the body goes; inside it the chrome-class
//! paragraphs and stray short lines go; after it everything goes but the items of a list the
//! body introduced with a colon.

use crate::clean::options::CleanOptions;
use crate::clean::paragraphs::{Fate, Paragraphs, WRAPPED_LINE_WORDS};
use crate::clean::shape::classify::{introduces, Class};
use crate::clean::shape::code::code_line;
use crate::clean::shape::features::{holds_quotation, Features};
use crate::clean::shape::headline::title_like;
use crate::clean::shape::related::related_link;
use crate::clean::shape::sentence::{is_list_item, leaves_sentence_open};
use crate::clean::shape::tables::{
    data_row, figures_block, figures_row, has_figure, in_capitals, list_entry,
};
use crate::clean::shape::words::Language;

use super::layout::Layout;

/// Removes the chrome around and inside the body (not the `protected` rows); true when any
/// went. A line of a learned template goes under its own rule.
pub fn remove_chrome(
    paras: &mut Paragraphs,
    layout: &mut Layout,
    protected: &[bool],
    options: &CleanOptions,
) -> bool {
    let rows: Vec<usize> = paras.kept().collect();
    let edges = Edges {
        paras,
        layout,
        options,
        names: lists_of_names(paras, &rows),
    };
    let removals = match layout.body {
        Some((first, last)) => {
            let kept_before = edges.kept_before(&rows, first);
            let lead = edges.lead(&rows, kept_before);
            let mut removals: Vec<(usize, &str)> = rows
                .iter()
                .filter(|&&i| i < kept_before && Some(i) != lead)
                .map(|&i| (i, "chrome.head"))
                .collect();
            removals.extend(
                rows.iter()
                    .enumerate()
                    .filter(|&(w, &i)| {
                        first <= i
                            && i <= last
                            && ((layout.class[i] == Class::Bad && !edges.subheading(&rows, w))
                                || edges.stray_line(&rows, w)
                                || edges.notice_in_body(i))
                            && !(i == first && introduces(&edges.paras[i].feat))
                    })
                    .map(|(_, &i)| (i, "chrome.body")),
            );
            removals.extend(edges.tail(&rows, last));
            removals
        }
        // No body at all: every paragraph is at the edge.
        _ => rows
            .iter()
            .filter(|&&i| !edges.keeps_at_edge(i) || edges.headline(i))
            .map(|&i| (i, "chrome.head"))
            .collect(),
    };
    let mut changed = false;
    for (i, rule) in removals {
        if !protected[i] {
            paras[i].fate = Fate::Remove(if layout.template_hit[i] {
                "chrome.template"
            } else {
                rule
            });
            changed = true;
        }
    }
    changed
}

/// The kept paragraphs seen from the edges of the body.
struct Edges<'a> {
    paras: &'a Paragraphs,
    layout: &'a Layout,
    options: &'a CleanOptions,
    /// Entries of a list of names ([`lists_of_names`]), indexed like the paragraphs.
    names: Vec<bool>,
}

impl Edges<'_> {
    /// Can stay at the edge of the body: not chrome, and a sentence, a bulleted item of a list
    /// or a table row.
    fn keeps_at_edge(&self, i: usize) -> bool {
        let p = &self.paras[i];
        let item = is_list_item(p.text()) && p.feat.words >= 3 && p.feat.ui_words == 0;
        self.layout.class[i] != Class::Bad
            && (p.feat.sentence_like() || item || self.layout.table[i])
    }

    /// A short line inside the body that heads nothing (no body paragraph follows it) and is
    /// no sentence, item of a list or row of a table: a label, a credit, a name left over from
    /// the page around the article ("Getty Images", "Most Popular", "Staff Writer"). A line with
    /// a figure that is a row of figures or stands beside one is a row of a table too short to
    /// be seen as one ("Soybean May 20.0, total 20.0 (nil)", "Sorghum nil (nil)"). A line of
    /// source code is the article's listing.
    fn stray_line(&self, rows: &[usize], w: usize) -> bool {
        let i = rows[w];
        let f = &self.paras[i].feat;
        let class = &self.layout.class;
        // A label over a table heads it too ("COTTON --", "SHIPMENT BASIS CBT MONTH PREV").
        let heads = rows
            .get(w + 1)
            .is_some_and(|&n| self.body_text(n) || self.layout.table[n]);
        let introduced = w > 0 && self.paras[rows[w - 1]].feat.colon_end;
        // A line stopping on a function word is part of a sentence broken across lines (a
        // link taken out of it: "Steven Gerrard's late strike secured qualification for").
        let broken_sentence = self.english(i)
            && f.words >= WRAPPED_LINE_WORDS
            && leaves_sentence_open(self.paras[i].text());
        class[i] == Class::Neutral
            && !broken_sentence
            && !f.terminal
            && !f.colon_end
            && f.words <= 8
            && !self.layout.table[i]
            && !is_list_item(self.paras[i].text())
            && !code_line(self.paras[i].text(), f)
            && !heads
            && !introduced
            && !self.among_figures(rows, w)
    }

    /// A subheading of the article that the class of its own features calls a label: a short
    /// capitalised line after a row of the body that is no chrome (or a labelled link to
    /// another story, which stands between sections) and before body text
    /// ([`Self::body_text`]), with no interface word, address, separator or figure and not all
    /// in capitals ("Right-wing resistance" before a section's first sentence), and no line of
    /// a learned template.
    fn subheading(&self, rows: &[usize], w: usize) -> bool {
        let f = &self.paras[rows[w]].feat;
        // A line of a template learned from the source, or a link to another story ("… [VIDEO]"
        // after another such link), is the site's, however it reads.
        !self.layout.template_hit[rows[w]]
            && !related_link(self.paras[rows[w]].text())
            && w > 0
            && (self.layout.class[rows[w - 1]] != Class::Bad
                || related_link(self.paras[rows[w - 1]].text()))
            && rows.get(w + 1).is_some_and(|&n| self.body_text(n))
            && (1..=SUBHEADING_WORDS).contains(&f.words)
            && f.starts_upper
            && !f.terminal
            && f.ui_words == 0
            && f.digit_words == 0
            && f.separators == 0
            && !f.has_address
            && f.caps_words < f.alpha_words
            && !f.site_notice()
    }

    /// Row `i` reads as body text: judged so by its class, or sentences of some length that are
    /// no chrome (prose dense in names: "Nam Nghi Phu Quoc features four dining venues …").
    fn body_text(&self, i: usize) -> bool {
        let f = &self.paras[i].feat;
        match self.layout.class[i] {
            Class::Good => true,
            Class::Neutral => f.sentence_like() && f.words >= BODY_TEXT_WORDS,
            Class::Bad => false,
        }
    }

    /// A row inside the body in which the site speaks to the reader in English ("By
    /// submitting this form you agree to … using your data", "Never miss the latest news by
    /// signing up to our newsletter today!"): the body weighs it against itself, but a short
    /// one between the article's paragraphs does not end the body. Not a row that quotes
    /// someone, whose "we" is the speaker's (A spokesman said "we have no comment to make";
    /// a quotation's last sentence alone, "We will monitor the situation.''").
    /// The word lists addressing the reader hold few forms in other languages, whose pages'
    /// login and account forms read alike to them.
    fn notice_in_body(&self, i: usize) -> bool {
        let p = &self.paras[i];
        self.english(i) && p.feat.addresses_reader() && !holds_quotation(p.text())
    }

    /// The row is in English, whose word lists and wire conventions the shapes of sentence
    /// fragments, table keys and award lists are read with.
    fn english(&self, i: usize) -> bool {
        self.paras[i].language == Language::English
    }

    /// An item of a bulleted list that reads as the article's: some words, no chrome, no
    /// interface words, counts or links ("- Best actor - Richard Griffiths for The History
    /// Boys"; not "* Colin Kaepernick: We're waiting for 32 owners (185)").
    fn item_of_article(&self, i: usize) -> bool {
        let p = &self.paras[i];
        let f = &p.feat;
        self.english(i)
            && is_list_item(p.text())
            && f.words >= 3
            && f.ui_words == 0
            && !f.counted
            && !f.has_address
            && !f.addresses_reader()
            && self.layout.class[i] != Class::Bad
            && !self.layout.template_hit[i]
    }

    /// The kept row at position `w` of `rows` holds a figure, and it or a neighbour of it is a
    /// row of figures.
    fn among_figures(&self, rows: &[usize], w: usize) -> bool {
        let p = &self.paras[rows[w]];
        let figures = |w: usize| {
            rows.get(w)
                .is_some_and(|&i| figures_row(self.paras[i].text()))
        };
        has_figure(p.text(), &p.feat) && (figures(w) || (w > 0 && figures(w - 1)) || figures(w + 1))
    }

    /// Ties to the body it stands next to: no chrome, and a row of a table (which the body's
    /// own weighing leaves out at times: rows weigh little), a block of figures (rows a table
    /// split, or wrapped onto one paragraph: "Jne 139 up 0.50 Jly 138 down 0.50 Aug 134.50"),
    /// an entry of a list of names ("Matt Lucas & David Walliams (Little Britain, BBC Three)")
    /// or prose that reads as body text but ends without a full stop (a standfirst, a lead
    /// into a table; [`plain_prose`]).
    fn continues_body(&self, i: usize) -> bool {
        let p = &self.paras[i];
        let class = self.layout.class[i];
        class != Class::Bad
            && !self.layout.template_hit[i]
            && !p.feat.addresses_reader()
            && (self.layout.table[i]
                || (class == Class::Good && plain_prose(&p.feat))
                || figures_block(p.text(), &p.feat)
                || self.names[i])
    }

    /// The first row kept before the body, which starts at row `first`: the run of rows just
    /// before it that continue it ([`Edges::continues_body`]), a table the article opens with.
    fn kept_before(&self, rows: &[usize], first: usize) -> usize {
        rows.iter()
            .rev()
            .filter(|&&i| i < first)
            .take_while(|&&i| self.continues_body(i))
            .last()
            .map_or(first, |&i| i)
    }

    /// The standfirst of an article whose body starts only after chrome (a paywall's offer,
    /// the author's contact form): the first row after the title, past short lines (a date,
    /// a byline, a label), when it is prose that continues a body ([`Edges::continues_body`]),
    /// ends a sentence, holds [`LEAD_MIN_WORDS`] and speaks of no "you" or "we" (a site's
    /// tagline or notice after a title that was the site's name: "Space is supported by its
    /// audience. When you purchase through links on our site…"). It stays; the chrome between
    /// it and the body goes.
    fn lead(&self, rows: &[usize], before: usize) -> Option<usize> {
        let title = self
            .paras
            .iter()
            .position(|p| p.fate == Fate::Remove("field.title"))?;
        let f = |i: usize| &self.paras[i].feat;
        rows.iter()
            .copied()
            .filter(|&i| title < i && i < before)
            .find(|&i| f(i).words > LEAD_GAP_WORDS)
            .filter(|&i| {
                self.layout.class[i] == Class::Good
                    && f(i).terminal
                    && f(i).words >= LEAD_MIN_WORDS
                    && f(i).person_words == 0
                    && self.continues_body(i)
            })
    }

    /// A headline left at the edge (the title is taken; other headlines are chrome).
    fn headline(&self, i: usize) -> bool {
        let p = &self.paras[i];
        !self.layout.table[i] && title_like(p.text(), &p.feat, self.layout.class[i], self.options)
    }

    /// Removals after the body, which ends at row `last`: all but the items of a list the body
    /// introduced with a colon, and the short closing sentences, rows of a table and the notes
    /// under a table, and rows of figures under the body's last row, that follow the body with
    /// nothing between ("A Chemical spokesman declined comment.", "NOTE: Share after preferred
    /// dividends.").
    fn tail(&self, rows: &[usize], last: usize) -> Vec<(usize, &'static str)> {
        let (class, template_hit) = (&self.layout.class, &self.layout.template_hit);
        let mut removals = Vec::new();
        let mut in_list = self.paras[last].feat.colon_end;
        let mut touching = true;
        let mut after_table = self.layout.table[last];
        let mut after_row = data_row(&self.paras[last].feat);
        let mut after_item = is_list_item(self.paras[last].text());
        for &i in rows.iter().filter(|&&i| i > last) {
            let f = &self.paras[i].feat;
            // A bulleted list that the body ends in, or that follows it touching, goes on to
            // its end (the winners of each award).
            let item = self.item_of_article(i);
            let next_item = after_item && item;
            let row_of_figures = data_row(f);
            in_list &= class[i] == Class::Neutral && f.ui_words == 0 && !template_hit[i];
            let plain = class[i] != Class::Bad
                && !template_hit[i]
                && !f.addresses_reader()
                && f.starts_upper
                && f.ui_words * 3 < f.words;
            let closing_sentence = plain && f.terminal && f.words >= 3;
            // Notes under a table end without a full stop, as wire notes do ("NOTE: Earnings
            // exclude losses from discontinued operations of 310,000 dlrs ... in the year",
            // "NOTES: Sales are from continuing operations").
            // A table in capitals closes with its key in capitals ("NC - NO COMPARISON UA -
            // UNAVAILABLE").
            let key =
                self.english(i) && in_capitals(f) && !f.terminal && f.words <= 8 && f.ui_words == 0;
            let note = after_table && ((plain && f.words >= 4 && f.stopwords >= 1) || key);
            // A row of figures under another goes on with the rows the body ended with
            // ("Linoil prev 15.9, Feb 23.6, total 61.8 (76.1). / Soybean oil prev 3.7, Feb
            // 21.1, total 55.8 (33.7). REUTER"), though the credit glued to it ends no sentence.
            let next_row = after_row && row_of_figures && plain;
            touching &= closing_sentence || note || next_row || next_item || self.continues_body(i);
            after_table = touching && (self.layout.table[i] || note);
            after_row = touching && row_of_figures;
            after_item = touching && item;
            if !in_list && !touching {
                removals.push((i, "chrome.tail"));
            }
        }
        removals
    }
}

/// The most words of a line between the title and the standfirst ("von", "Hinrich Neumann",
/// "Photovoltaik").
const LEAD_GAP_WORDS: usize = 4;

/// The most words of a [`Edges::subheading`].
const SUBHEADING_WORDS: usize = 8;

/// The fewest words of sentences that read as body text whatever their class
/// ([`Edges::body_text`]).
const BODY_TEXT_WORDS: usize = 12;

/// The fewest words of a standfirst kept apart from the body: shorter lines after a title are
/// as often a site's tagline ("The latest local news, weather and investigative stories …").
const LEAD_MIN_WORDS: usize = 15;

/// Prose of a sentence's length that says nothing of the page: no interface words or web
/// address ("Global Herald's website can also be accessed at …", "… LOL Mirror:
/// northstarnews.org"), not a short heading ("Weitere Pressemitteilungen dieses Verbands"), and
/// no colon at its end (a paragraph introducing what follows shares its fate).
fn plain_prose(f: &Features) -> bool {
    f.words >= 10 && f.ui_words == 0 && !f.has_address && !f.colon_end
}

/// For each paragraph, whether it is an entry of a list of names among the kept `rows`: a
/// [`list_entry`] beside another (a lone name with its bracket is a caption's credit, "Premio
/// Nobel de la Paz (REUTERS/Denis Balibouse)").
fn lists_of_names(paras: &Paragraphs, rows: &[usize]) -> Vec<bool> {
    let entry: Vec<bool> = rows
        .iter()
        .map(|&i| list_entry(paras[i].text(), &paras[i].feat))
        .collect();
    let mut names = vec![false; paras.len()];
    for (w, &i) in rows.iter().enumerate() {
        let beside = (w > 0 && entry[w - 1]) || entry.get(w + 1).copied().unwrap_or(false);
        names[i] = entry[w] && beside;
    }
    names
}

#[cfg(test)]
mod tests {
    use crate::clean::clean_document;
    use crate::clean::options::CleanOptions;

    const ARTICLE: &str = "The harbour council voted on Tuesday to approve a new ferry terminal \
        on the eastern quay, ending two years of debate over the harbour's future.\n\n\
        The terminal will replace the ageing ferry sheds and give the harbour room for two \
        larger ferries, the council said in a statement after the vote.\n\n";

    const MORE: &str = "Work on the eastern quay is due to start in the spring, and the council \
        expects the terminal to open to passengers within three years of the first works.\n\n\
        Fishermen who moor at the eastern quay said the council had promised them new berths \
        elsewhere in the harbour while the ferry terminal is built.\n\n";

    fn cleaned(page: &str) -> String {
        clean_document(page, &CleanOptions::default()).text
    }

    #[test]
    fn the_site_speaking_to_the_reader_inside_the_body_goes() {
        // An appeal between the article's paragraphs: the body runs across it, and it goes.
        let page = format!(
            "{ARTICLE}Never miss the latest news by signing up to our newsletter today!\n\n{MORE}"
        );
        let text = cleaned(&page);
        assert!(
            text.contains("ferry sheds") && text.contains("new berths"),
            "{text}"
        );
        assert!(!text.contains("newsletter"), "{text}");
        // A spokesman's words to the public, quoted as a tokenised corpus writes quotes, or
        // only closed at the end of a quotation's last sentence: the article's.
        for quoted in [
            "`` We appreciate your respect for her family's privacy at this time. ''",
            "Moving forward, we will monitor the situation and have no further comment. ''",
        ] {
            let text = cleaned(&format!("{ARTICLE}{quoted}\n\n{MORE}"));
            assert!(text.contains(quoted), "{quoted}: {text}");
        }
    }

    #[test]
    fn notes_on_the_author_and_the_sites_notices_after_the_article_go() {
        let page = format!(
            "{ARTICLE}{MORE}Dana Whitfield is a freelance writer based in Leeds. Her work has \
             appeared in regional papers and magazines.\n\n\
             This website uses cookies to improve your experience while you navigate through \
             the website. Out of these cookies, the cookies that are categorised as necessary \
             are stored on your browser as they are essential for the working of the website. \
             We also use third-party cookies that help us analyse how you use this website.\n"
        );
        let text = cleaned(&page);
        assert!(text.contains("new berths"), "{text}");
        for gone in ["freelance writer", "cookies"] {
            assert!(!text.contains(gone), "{gone}: {text}");
        }
    }

    #[test]
    fn subheadings_inside_the_article_stay() {
        // A two-word subheading, capitalised once, reads as a label on its own; between the
        // article's paragraphs it heads the next section. The body prose after a heading may
        // be dense in names and thin in function words.
        let page = format!(
            "{ARTICLE}Read more: Looted art to go back\n\nRight-wing resistance\n\n{MORE}Dining and Drinking\nNam Nghi Phu Quoc \
             features four dining venues suited for different occasions, Ocean Reflection \
             among them.\n"
        );
        let text = cleaned(&page);
        for kept in [
            "Right-wing resistance",
            "Dining and Drinking",
            "Ocean Reflection",
        ] {
            assert!(text.contains(kept), "{kept}: {text}");
        }
        // Not a link to another story after another one.
        let page = format!(
            "{ARTICLE}Lakers vs Nets: a final decision amid the turmoil [VIDEO]\n\n\
             Hong Kong 'threatened with intervention' [REACTION]\n\n{MORE}"
        );
        assert!(!cleaned(&page).contains("REACTION"));
        // Not a label in capitals or with an interface word.
        let page = format!("{ARTICLE}SHARE THIS ARTICLE\n\n{MORE}");
        assert!(!cleaned(&page).contains("SHARE"));
    }
}
