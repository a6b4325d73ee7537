//! The paragraph stages. Each round runs them in this order over the kept rows of the
//! paragraph table; each stage is a function that reads the table and marks fates (or cuts a
//! dateline), and says whether it changed anything:
//!
//! 1. [`repeats`]: copies of earlier paragraphs (an article printed twice).
//! 2. [`fields`]: credits, bylines, date lines, captions, wherever they stand.
//! 3. [`layout`]: reads the round's layout, removing nothing: tables of figures (protected from
//!    chrome), chrome classes, lines of learned templates, the body's bounds.
//! 4. [`title`]: the title before the body, then its copies.
//! 5. [`dateline`]: the dateline opening the first body paragraph.
//! 6. [`chrome`]: chrome before, inside and after the body.
//!
//! Rounds repeat until one changes nothing (a removal can reveal a new title, a new body edge),
//! so cleaning the output again changes nothing. Then [`fallback`] makes sure a document with
//! prose or data is not cleaned to nothing, and the rounds run once more on what it restored.

mod body;
mod chrome;
mod dateline;
mod fallback;
mod fields;
mod layout;
mod lists;
mod repeats;
mod teasers;
mod title;

use std::collections::HashSet;

use super::options::CleanOptions;
use super::output::Found;
use super::paragraphs::Paragraphs;

/// Runs the stages to a fixed point, then the fallback; returns the fields found.
pub fn run(
    paras: &mut Paragraphs,
    templates: Option<&HashSet<u64>>,
    options: &CleanOptions,
) -> Found {
    let mut found = Found::default();
    // Each round only removes or shortens paragraphs, so this ends; the cap bounds odd inputs.
    let rounds = (paras.len() + 2).min(64);
    // Rows a stage recognised but leaves in the text (fields when they are not extracted):
    // chrome removal spares them in the round; one list for all the rounds.
    let mut protected = vec![false; paras.len()];
    let mut to_fixed_point = |paras: &mut Paragraphs, found: &mut Found| {
        for _ in 0..rounds {
            if !round(paras, found, &mut protected, templates, options) {
                break;
            }
        }
    };
    // The kept rows are analysed again as the document they now form (its language, the
    // candidates a fallback restored), which is what cleaning the output again would see.
    for _ in 0..3 {
        to_fixed_point(paras, &mut found);
        if fallback::keep_body_when_emptied(paras, &mut found) {
            to_fixed_point(paras, &mut found);
            fallback::keep_body_when_emptied(paras, &mut found);
        }
        if !paras.reweigh_in_kept_language() {
            break;
        }
    }
    found
}

/// One round of the stages over the kept paragraphs; true when anything changed.
fn round(
    paras: &mut Paragraphs,
    found: &mut Found,
    protected: &mut [bool],
    templates: Option<&HashSet<u64>>,
    options: &CleanOptions,
) -> bool {
    if paras.kept().next().is_none() {
        return false;
    }
    crate::parallel::checkpoint();
    protected.fill(false);
    let mut changed = false;
    if options.remove_repeats {
        changed |= repeats::remove_repeats(paras, options.min_repeat_chars);
    }
    changed |= fields::take_fields(paras, found, protected, options.extract_fields);
    let mut layout = layout::read(paras, templates, options);
    changed |= title::take_title(paras, found, &layout, protected, options);
    if options.remove_repeats {
        changed |= title::remove_title_repeats(paras, found);
    }
    if options.extract_fields {
        changed |= dateline::take_dateline(paras, found, &layout);
    }
    if options.remove_chrome {
        changed |= chrome::remove_chrome(paras, &mut layout, protected, options);
    }
    changed
}
