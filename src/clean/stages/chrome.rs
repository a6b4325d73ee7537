//! Page chrome by position: navigation, share and comment widgets, counters, breadcrumbs sit
//! before the first and after the last body paragraph. Before the body a paragraph stays only
//! when it reads like a sentence and no chrome stands between it and the body; inside the body
//! only chrome-class paragraphs go; after it a paragraph stays while it reads like a sentence and
//! touches the body, or while it is an item of a list the body introduced with a colon.

use crate::clean::options::CleanOptions;
use crate::clean::paragraphs::{Fate, Paragraphs};
use crate::clean::shape::classify::Class;
use crate::clean::shape::headline::title_like;
use crate::clean::shape::sentence::is_list_item;

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
    };
    let removals = match layout.body {
        Some((first, last)) => {
            let mut removals: Vec<(usize, &str)> = rows
                .iter()
                .filter(|&&i| i < first)
                .map(|&i| (i, "chrome.head"))
                .collect();
            removals.extend(
                rows.iter()
                    .filter(|&&i| first <= i && i <= last && layout.class[i] == Class::Bad)
                    .map(|&i| (i, "chrome.body")),
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

    /// Chrome with words cuts the edge off the body; a bare number ("78,000") goes alone.
    fn breaks_chain(&self, i: usize) -> bool {
        self.layout.class[i] == Class::Bad && self.paras[i].feat.alpha_words > 0
    }

    /// A headline left at the edge (the title is taken; other headlines are chrome).
    fn headline(&self, i: usize) -> bool {
        let p = &self.paras[i];
        !self.layout.table[i] && title_like(p.text(), &p.feat, self.layout.class[i], self.options)
    }

    /// Removals after the body, which ends at row `last`: all but the items of a list the body
    /// introduced with a colon.
    fn tail(&self, rows: &[usize], last: usize) -> Vec<(usize, &'static str)> {
        let (class, template_hit) = (&self.layout.class, &self.layout.template_hit);
        let mut removals = Vec::new();
        let mut in_list = self.paras[last].feat.colon_end;
        for &i in rows.iter().filter(|&&i| i > last) {
            let f = &self.paras[i].feat;
            in_list &= class[i] == Class::Neutral && f.ui_words == 0 && !template_hit[i];
            if !in_list {
                removals.push((i, "chrome.tail"));
            }
        }
        removals
    }
}
