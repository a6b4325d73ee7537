//! How a round reads the kept paragraphs before the title, dateline and chrome stages act on
//! them: which rows form tables of figures, each row's chrome class, which rows are lines of a
//! learned template, and where the body lies (from its trustworthy paragraphs). Nothing is
//! removed here.

use std::collections::HashSet;

use crate::clean::options::{ChromeOptions, CleanOptions};
use crate::clean::paragraphs::Paragraphs;
use crate::clean::shape::author::{author_box_head, author_note};
use crate::clean::shape::classify::{classify, Class};
use crate::clean::shape::code::token_listing;
use crate::clean::shape::related::{related, Related};
use crate::clean::shape::tables::table_rows;
use crate::clean::shape::words::Language;
use crate::clean::templates::{folds_digits, templatable, template_key};

use super::body::best_run;
use super::lists::lists_beside_body;

/// The most lists of the article's own, one after another, the body is carried across.
const MAX_LISTS: usize = 4;

/// What a round reads from its kept paragraphs; every vector is indexed like the paragraph
/// table (rows not kept when it was read hold defaults that no stage looks at).
pub struct Layout {
    /// Rows of a table of figures and the labels between them, the lines of a listing of code
    /// split one token a line, and the lines of a list of the article's own beside its prose
    /// ([`lists_beside_body`]): content, not chrome.
    pub table: Vec<bool>,
    /// Chrome class of each row, its table and its place before or in the body weighed in.
    pub class: Vec<Class>,
    /// Lines of a template learned from the source.
    pub template_hit: Vec<bool>,
    /// The first and last row of the body (the run of rows that weighs most for article text).
    pub body: Option<(usize, usize)>,
}

impl Layout {
    /// Between the first and last row of the body.
    pub fn in_body(&self, i: usize) -> bool {
        self.body
            .is_some_and(|(first, last)| first <= i && i <= last)
    }
}

/// Reads the layout of the kept paragraphs.
pub fn read(
    paras: &Paragraphs,
    templates: Option<&HashSet<u64>>,
    options: &CleanOptions,
) -> Layout {
    let rows: Vec<usize> = paras.kept().collect();
    let mut table = tables(paras, &rows);
    let mut class = classes(paras, &rows, &table, options);
    mark_author_boxes(paras, &rows, &mut class);
    mark_related_links(paras, &rows, &mut class);
    let template_hit = template_hits(paras, &rows, &table, templates, options);
    share_fate_with_next(paras, &rows, &table, &template_hit, &mut class);
    let mut body = best_run(paras, &rows, &class, &table, &template_hit);
    // A list of the article's own between its prose is content as a table is; the body found
    // again runs across it, on to the prose (and the next list) beyond it.
    for _ in 0..MAX_LISTS {
        let Some(found) = body else { break };
        let list = lists_beside_body(paras, &rows, &class, &template_hit, found);
        if list.is_empty() {
            break;
        }
        for i in list {
            table[i] = true;
            if class[i] == Class::Bad {
                class[i] = Class::Neutral;
            }
        }
        let again = best_run(paras, &rows, &class, &table, &template_hit);
        // The same body beside the same lists: nothing more to carry it across.
        if again == body {
            break;
        }
        body = again;
    }
    let mut layout = Layout {
        table,
        class,
        template_hit,
        body,
    };
    mark_chrome_around_body(paras, &rows, &mut layout);
    layout
}

/// The kept rows that form tables of figures, and the lines of a listing of code split one
/// token a line: content, however short each line.
fn tables(paras: &Paragraphs, rows: &[usize]) -> Vec<bool> {
    let features: Vec<_> = rows
        .iter()
        .map(|&i| (paras[i].text(), &paras[i].feat))
        .collect();
    let texts: Vec<&str> = features.iter().map(|&(text, _)| text).collect();
    let mut table = vec![false; paras.len()];
    let found = table_rows(&features).into_iter().zip(token_listing(&texts));
    for (&i, (row, listing)) in rows.iter().zip(found) {
        table[i] = row || listing;
    }
    table
}

/// Each kept row's chrome class from its own features.
fn classes(
    paras: &Paragraphs,
    rows: &[usize],
    table: &[bool],
    options: &CleanOptions,
) -> Vec<Class> {
    let chrome = ChromeOptions {
        good_min_stopword_density: good_density(
            paras,
            rows,
            options.chrome.good_min_stopword_density,
        ),
        ..options.chrome
    };
    let mut class = vec![Class::Neutral; paras.len()];
    for &i in rows {
        let p = &paras[i];
        class[i] = match classify(&p.feat, &chrome) {
            // Figures in a table are content even when each row alone looks like a counter.
            Class::Bad if table[i] => Class::Neutral,
            // A note on the article's author reads as prose but is the site's.
            _ if p.language == Language::English && author_note(p.text(), &p.feat) => Class::Bad,
            c => c,
        };
    }
    class
}

/// A box about the author ("About the author", "Über Moritz Bachmann") is the site's, in any
/// language: its heading ([`author_box_head`]) and the note under it, the next paragraph of
/// [`MIN_BOX_NOTE_WORDS`] words within [`BOX_NOTE_ROWS`] rows, which under a name names it.
fn mark_author_boxes(paras: &Paragraphs, rows: &[usize], class: &mut [Class]) {
    for (w, &i) in rows.iter().enumerate() {
        let next = rows.get(w + 1).map(|&n| paras[n].text());
        let Some((subject, two_lines)) = author_box_head(paras[i].text(), &paras[i].feat, next)
        else {
            continue;
        };
        let heading = &rows[w..=w + usize::from(two_lines)];
        let note = rows[w + heading.len()..]
            .iter()
            .take(BOX_NOTE_ROWS)
            .find(|&&j| paras[j].feat.words >= MIN_BOX_NOTE_WORDS);
        if let Some(&j) = note.filter(|&&j| subject.fits(paras[j].text())) {
            for &k in heading.iter().chain([&j]) {
                class[k] = Class::Bad;
            }
        }
    }
}

/// The rows after the heading of a box about the author its note is looked for in (a picture's
/// caption, links to the author's profiles between).
const BOX_NOTE_ROWS: usize = 3;

/// The fewest words of the note in a box about the author.
const MIN_BOX_NOTE_WORDS: usize = 8;

/// Links to other stories under a label that says so ("Read more: …") or tagged with their kind
/// ("… [VIDEO]") are the site's; where
/// a converter put the label on a line of its own, the line after it is the link, when it is
/// a headline's length ([`MAX_RELATED_HEADLINE_WORDS`]).
fn mark_related_links(paras: &Paragraphs, rows: &[usize], class: &mut [Class]) {
    for (w, &i) in rows.iter().enumerate() {
        match related(paras[i].text()) {
            Related::No => {}
            Related::Link => class[i] = Class::Bad,
            Related::Label => {
                class[i] = Class::Bad;
                if let Some(&next) = rows.get(w + 1) {
                    if paras[next].feat.words <= MAX_RELATED_HEADLINE_WORDS {
                        class[next] = Class::Bad;
                    }
                }
            }
        }
    }
}

/// The most words of the headline on the line after a related-link label.
const MAX_RELATED_HEADLINE_WORDS: usize = 25;

/// The share of function words a body paragraph needs. Languages differ in it (Korean or
/// Finnish join to their words what English writes apart), so outside English it is at most half
/// the share in the document's own prose: its paragraphs of some length that end sentences.
fn good_density(paras: &Paragraphs, rows: &[usize], configured: f64) -> f64 {
    if rows
        .first()
        .is_none_or(|&i| paras[i].language == Language::English)
    {
        return configured;
    }
    let mut prose: Vec<f64> = rows
        .iter()
        .map(|&i| &paras[i].feat)
        .filter(|f| f.words >= 15 && (f.terminal || f.inner_stops >= 1))
        .map(|f| f.stopword_density())
        .collect();
    if prose.is_empty() {
        return configured;
    }
    let middle = prose.len() / 2;
    let (_, median, _) = prose.select_nth_unstable_by(middle, f64::total_cmp);
    configured.min(*median / 2.0)
}

/// The kept rows that are lines of a learned template.
fn template_hits(
    paras: &Paragraphs,
    rows: &[usize],
    table: &[bool],
    templates: Option<&HashSet<u64>>,
    options: &CleanOptions,
) -> Vec<bool> {
    let mut hit = vec![false; paras.len()];
    let Some(templates) = templates else {
        return hit;
    };
    for &i in rows {
        let p = &paras[i];
        // Rows of figures and the labels between them are content; a lone counter in a run
        // ("Read 12 times") may still be chrome.
        let content_row = table[i] && !folds_digits(p.text(), &p.feat);
        hit[i] = !content_row
            && templatable(p, paras.next_kept(i), options)
            && templates.contains(&template_key(p.text(), &p.feat));
    }
    // Chrome frames an article; when template lines are most of a document they are its
    // content (a corpus of short notices in a fixed form), so they are not chrome here.
    let words = |i: &usize| paras[*i].feat.words;
    let template_words: usize = rows.iter().filter(|&&i| hit[i]).map(words).sum();
    let all_words: usize = rows.iter().map(words).sum();
    if template_words * 2 > all_words {
        hit.iter_mut().for_each(|t| *t = false);
    }
    hit
}

/// A paragraph ending with a colon introduces the next one and shares its fate. A colon
/// paragraph followed by chrome is chrome too, unless body text follows later ("… at the
/// following addresses:" before a list of links).
fn share_fate_with_next(
    paras: &Paragraphs,
    rows: &[usize],
    table: &[bool],
    template_hit: &[bool],
    class: &mut [Class],
) {
    let trusted = |i: usize, class: &[Class]| {
        (class[i] == Class::Good || table[i])
            && !template_hit[i]
            && !paras[i].feat.addresses_reader()
    };
    let mut good_after = false;
    for (w, &i) in rows.iter().enumerate().rev() {
        if let Some(&next) = rows.get(w + 1) {
            // A paragraph of sentences that ends by introducing a link or a list ("… Damit
            // DJs ihre Sets nicht vorlesen müssen, unterschreibt alle diese Petition:") is
            // prose of its own, whatever follows it; so is a long one that goes on from a
            // paragraph of prose, introducing a picture the text no longer holds ("So sah
            // es aus, als Henry den Neuankömmling das erste Mal beschnupperte:"), but not
            // one introducing the site's addresses ("… can also be accessed at the following
            // alternate addresses:").
            let goes_on = w > 0
                && class[rows[w - 1]] == Class::Good
                && paras[rows[w - 1]].feat.terminal
                && paras[i].feat.words >= MIN_GOING_ON_WORDS
                && !paras[next].feat.has_address;
            if paras[i].feat.colon_end
                && paras[i].feat.inner_stops == 0
                && class[next] == Class::Bad
                && (class[i] != Class::Good || !(good_after || goes_on))
            {
                class[i] = Class::Bad;
            }
        }
        good_after |= trusted(i, class) && class[i] != Class::Bad;
    }
}

/// The fewest words of a paragraph ending with a colon that goes on from the prose before it
/// as prose of its own (shorter ones are the labels of widgets: "Teilen Sie dies mit:").
const MIN_GOING_ON_WORDS: usize = 12;

/// Template lines are chrome unless they are sentences inside the body; so is a paragraph
/// speaking to the reader about the site outside the body.
fn mark_chrome_around_body(paras: &Paragraphs, rows: &[usize], layout: &mut Layout) {
    for &i in rows {
        let f = &paras[i].feat;
        let template_chrome = layout.template_hit[i] && !(f.sentence_like() && layout.in_body(i));
        if template_chrome || (!layout.in_body(i) && f.addresses_reader()) {
            layout.class[i] = Class::Bad;
        }
    }
}
