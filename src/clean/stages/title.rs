//! The title: the best title-like paragraph before the body, and its copies anywhere.

use rustc_hash::FxHashMap;

use crate::clean::options::CleanOptions;
use crate::clean::output::Found;
use crate::clean::paragraphs::{Fate, Para, Paragraphs};
use crate::clean::shape::classify::Class;
use crate::clean::shape::headline::title_like;
use crate::clean::shape::sentence::ends_on_function_word;
use crate::clean::shape::tables::{figures_block, figures_row, has_figure};

use super::layout::Layout;

/// The most words of a headline that reads as prose on its own.
const HEADLINE_WORDS: usize = 14;

/// Takes the title ([`best_title`]) out of the text into `found` (or marks it `protected` when
/// fields are not extracted). True when it went.
pub fn take_title(
    paras: &mut Paragraphs,
    found: &mut Found,
    layout: &Layout,
    protected: &mut [bool],
    options: &CleanOptions,
) -> bool {
    if found.title.is_some() {
        return false;
    }
    let Some(i) = best_title(paras, layout, options) else {
        return false;
    };
    if !options.extract_fields {
        protected[i] = true;
        return false;
    }
    found.title = Some(paras[i].text().to_string());
    found.title_key = paras[i].key;
    paras[i].fate = Fate::Remove("field.title");
    true
}

/// The title-like kept paragraph before the body: printed twice first, then headline-shaped,
/// then the longest (interface labels are short), the later on ties (chrome comes first).
fn best_title(paras: &Paragraphs, layout: &Layout, options: &CleanOptions) -> Option<usize> {
    let head_end = layout.body.map_or(paras.len(), |(first, _)| first);
    let rows: Vec<usize> = paras.kept().collect();
    let next_kept = |w: usize| rows.get(w + 1).map(|&n| &paras[n]);
    // A line with figures (in digits or spelled) before rows of figures is the table's first row.
    // So is a line of figures over a block of them (rows a wrap joined: "Canadian One Western
    // Red Spring 13.5 pct Apl/May 148.50 unch Jne 146.50 unch").
    let row_of_table = |w: usize| {
        let p = &paras[rows[w]];
        has_figure(p.text(), &p.feat)
            && next_kept(w).is_some_and(|n| {
                figures_row(n.text()) || (figures_block(n.text(), &n.feat) && !n.feat.terminal)
            })
    };
    // A hard-wrapped line of a sentence (or the line its sentence goes on in) is no title.
    let wrapped = |i: usize| {
        paras.get(i + 1).is_some_and(|n| paras[i].wraps_into(n))
            || (i > 0 && paras[i - 1].wraps_into(&paras[i]))
    };
    let heads_body = |w: usize| {
        layout.body.is_some()
            && rows.get(w + 1) == Some(&head_end)
            && short_headline(&paras[rows[w]])
    };
    let class = |w: usize| match layout.class[rows[w]] {
        Class::Good if heads_body(w) => Class::Neutral,
        class => class,
    };
    let candidate = |w: usize| {
        let i = rows[w];
        let p = &paras[i];
        // A headline asking a question reads like a sentence: the body may open with it.
        let question = i == head_end && p.text().ends_with('?') && p.feat.words <= 12;
        (i < head_end || question)
            && !layout.template_hit[i]
            && !layout.table[i]
            // A line that runs on in lower case in the next paragraph starts a sentence.
            && !p.runs_on(next_kept(w))
            && !wrapped(i)
            && !row_of_table(w)
            && title_like(p.text(), &p.feat, class(w), options)
    };
    // Copies of each paragraph among the kept ones, counted once for all candidates.
    let mut copies: FxHashMap<u64, usize> = FxHashMap::default();
    for &i in &rows {
        *copies.entry(paras[i].key).or_default() += 1;
    }
    let score = |w: &usize| {
        let p = &paras[rows[*w]];
        let repeated = copies.get(&p.key).is_some_and(|&n| n > 1);
        // A headline that does not read as prose first.
        let headline_shaped = layout.class[rows[*w]] != Class::Good;
        (
            usize::from(repeated),
            usize::from(headline_shaped),
            p.feat.words.min(12),
            *w,
        )
    };
    (0..rows.len())
        .filter(|&w| candidate(w))
        .max_by_key(score)
        .map(|w| rows[w])
}

/// Whether the line heading the body, which may read as prose on its own (a long headline
/// dense with function words, "Red Cross reaches 40,000 people in eastern Syria after weeks of
/// delays") and, unpunctuated, weighs nothing for the body, is judged as a headline: when it
/// is as short as one and ends on a word of its own (a wire lead broken off before its last
/// line ends on "the", "told", "through").
fn short_headline(p: &Para) -> bool {
    p.feat.words <= HEADLINE_WORDS && !ends_on_function_word(p.text())
}

/// Removes the kept copies of the title taken earlier; true when any went.
pub fn remove_title_repeats(paras: &mut Paragraphs, found: &Found) -> bool {
    if found.title_key == 0 {
        return false;
    }
    let copies: Vec<usize> = paras
        .kept()
        .filter(|&i| paras[i].key == found.title_key)
        .collect();
    for &i in &copies {
        paras[i].fate = Fate::Remove("repeat.title");
    }
    !copies.is_empty()
}
