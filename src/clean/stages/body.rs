//! The body: the run of kept paragraphs with the most evidence of article text. Each paragraph
//! weighs for or against being article text in proportion to its words
//! ([`article_weight`]); a page holds one article, so the body is the run whose weights sum
//! highest. Short chrome inside an article costs little, a long run of chrome or of other
//! articles' headlines cuts the body off. Readers' comments follow the article: the body never
//! runs across the head of a comment, and the prose after the first one weighs half.

use crate::clean::paragraphs::{Fate, Paragraphs};
use crate::clean::shape::comments::{comment_head, has_time};
use crate::clean::shape::classify::{article_weight, Class};
use crate::clean::shape::sentence::is_list_item;

/// The first and last row of the body among the kept `rows`, or `None` when no run of them
/// weighs for article text.
pub fn best_run(
    paras: &Paragraphs,
    rows: &[usize],
    class: &[Class],
    table: &[bool],
) -> Option<(usize, usize)> {
    let heads = comment_heads(paras, rows);
    let weight =
        |i: usize| article_weight(&paras[i].feat, class[i], table[i], is_list_item(paras[i].text()));
    // The article comes before its comments: the heaviest run before the first comment, when
    // it holds an article's worth of words.
    let first_head = heads.iter().position(|&h| h).unwrap_or(rows.len());
    let before = heaviest_run(rows[..first_head].iter().map(|&i| Some(weight(i))));
    let found = match before {
        Some((first, last, sum)) if sum >= MIN_ARTICLE_WEIGHT || first_head == rows.len() => {
            Some((first, last))
        }
        _ => {
            let weights = rows.iter().enumerate().map(|(k, &i)| {
                let w = weight(i);
                match k.cmp(&first_head) {
                    std::cmp::Ordering::Less => Some(w),
                    _ if heads[k] => None,
                    _ => Some(if w > 0.0 { w / 2.0 } else { w }),
                }
            });
            heaviest_run(weights).map(|(first, last, _)| (first, last))
        }
    }
    .map(|(first, last)| (rows[first], rows[last]));
    if std::env::var_os("TIDINGS_DEBUG_BODY").is_some() {
        eprintln!("=== round: body {found:?}");
        for &i in rows {
            let f = &paras[i].feat;
            eprintln!("{i:4} {:>6.1} {:?} t{} w{} s{} ui{} |{}", article_weight(f, class[i], table[i], is_list_item(paras[i].text())), class[i], u8::from(f.terminal), f.words, f.stopwords, f.ui_words, paras[i].text().chars().take(100).collect::<String>());
        }
    }
    found
}

/// The weight of a run of paragraphs that makes an article (some forty words of prose).
const MIN_ARTICLE_WEIGHT: f64 = 40.0;

/// For each of the kept `rows`, whether it heads a reader's comment: a comment head stamped
/// with a time or a date (on its line or the next), when the page has two of them at least.
fn comment_heads(paras: &Paragraphs, rows: &[usize]) -> Vec<bool> {
    let stamped = |i: usize| {
        has_time(paras[i].text())
            || paras.get(i + 1).is_some_and(|next| {
                has_time(next.text()) || next.fate == Fate::Remove("field.date")
            })
    };
    let heads: Vec<bool> = rows
        .iter()
        .map(|&i| comment_head(paras[i].text(), &paras[i].feat) && stamped(i))
        .collect();
    if heads.iter().filter(|&&h| h).count() >= 2 {
        heads
    } else {
        vec![false; rows.len()]
    }
}

/// The positions of the first and last weight of the run with the highest sum, if any sum is
/// positive, and its sum; the earliest such run on ties. No run holds a `None` (a barrier).
fn heaviest_run(weights: impl Iterator<Item = Option<f64>>) -> Option<(usize, usize, f64)> {
    let mut best: Option<(f64, usize, usize)> = None;
    let (mut sum, mut start) = (0.0, 0);
    for (k, w) in weights.enumerate() {
        let Some(w) = w else {
            (sum, start) = (0.0, k + 1);
            continue;
        };
        if sum <= 0.0 {
            (sum, start) = (w, k);
        } else {
            sum += w;
        }
        if sum > 0.0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, k));
        }
    }
    best.map(|(sum, first, last)| (first, last, sum))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heaviest_run() {
        let run = |w: &[f64]| {
            heaviest_run(w.iter().map(|&w| (!w.is_nan()).then_some(w))).map(|(a, b, _)| (a, b))
        };
        assert_eq!(run(&[-3.0, 10.0, -2.0, 5.0, -20.0, 12.0]), Some((1, 3)));
        assert_eq!(run(&[-3.0, 10.0, -12.0, 5.0]), Some((1, 1)));
        assert_eq!(run(&[-1.0, -2.0]), None);
        assert_eq!(run(&[]), None);
        assert_eq!(run(&[4.0, -4.0, 4.0]), Some((0, 0)));
        // A barrier (NaN here) splits the runs.
        assert_eq!(run(&[4.0, f64::NAN, 1.0, 2.0]), Some((0, 0)));
        assert_eq!(run(&[1.0, f64::NAN, 3.0, 2.0]), Some((2, 3)));
    }
}
