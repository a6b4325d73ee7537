//! How a round reads the kept paragraphs before the title, dateline and chrome stages act on
//! them: which rows form tables of figures, each row's chrome class, which rows are lines of a
//! learned template, and where the body lies (from its trustworthy paragraphs). Nothing is
//! removed here.

use std::collections::HashSet;

use crate::clean::options::CleanOptions;
use crate::clean::paragraphs::Paragraphs;
use crate::clean::shape::classify::{classify, Class};
use crate::clean::shape::tables::table_rows;
use crate::clean::templates::{folds_digits, templatable, template_key};

/// What a round reads from its kept paragraphs; every vector is indexed like the paragraph
/// table (rows not kept when it was read hold defaults that no stage looks at).
pub struct Layout {
    /// Rows of a table of figures and the labels between them: content, not chrome.
    pub table: Vec<bool>,
    /// Chrome class of each row, its table and its place before or in the body weighed in.
    pub class: Vec<Class>,
    /// Lines of a template learned from the source.
    pub template_hit: Vec<bool>,
    /// Body paragraphs to draw the body's bounds from: good prose or table rows, no
    /// template line, not speaking to the reader about the site.
    pub trusted: Vec<bool>,
    /// The first and last trusted row.
    pub body: Option<(usize, usize)>,
}

impl Layout {
    /// Between the first and last trusted row.
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
    let table = tables(paras, &rows);
    let class = classes(paras, &rows, &table, options);
    let template_hit = template_hits(paras, &rows, &table, templates, options);
    let mut trusted = vec![false; paras.len()];
    for &i in &rows {
        trusted[i] = (class[i] == Class::Good || table[i])
            && !template_hit[i]
            && !paras[i].feat.addresses_reader();
    }
    let body = rows
        .iter()
        .find(|&&i| trusted[i])
        .zip(rows.iter().rfind(|&&i| trusted[i]))
        .map(|(&first, &last)| (first, last));
    let mut layout = Layout {
        table,
        class,
        template_hit,
        trusted,
        body,
    };
    mark_chrome_around_body(paras, &rows, &mut layout);
    layout
}

/// The kept rows that form tables of figures.
fn tables(paras: &Paragraphs, rows: &[usize]) -> Vec<bool> {
    let features: Vec<_> = rows.iter().map(|&i| &paras[i].feat).collect();
    let mut table = vec![false; paras.len()];
    for (&i, row) in rows.iter().zip(table_rows(&features)) {
        table[i] = row;
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
    let mut class = vec![Class::Neutral; paras.len()];
    for &i in rows {
        class[i] = match classify(&paras[i].feat, &options.chrome) {
            // Figures in a table are content even when each row alone looks like a counter.
            Class::Bad if table[i] => Class::Neutral,
            c => c,
        };
    }
    class
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
