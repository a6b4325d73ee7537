//! The body: the run of kept paragraphs with the most evidence of article text. Each paragraph
//! weighs for or against being article text in proportion to its words
//! ([`article_weight`]); a page holds one article, so the body is the run whose weights sum
//! highest, moved back to a run before it that weighs a tenth as much at least (a short article
//! or a paywalled lead before the site's own prose: a cookie notice, a sidebar, shop terms). Short chrome inside an article costs
//! little, a long run of chrome or of other articles' headlines cuts the body off. Readers'
//! comments follow the article: the body never runs across the head of a comment, and the
//! prose after the first one weighs half. Teasers of other stories after the article weigh
//! against it ([`without_other_stories`]).

use crate::clean::paragraphs::{Fate, Paragraphs};
use crate::clean::shape::classify::{article_weight, introduces, Class};
use crate::clean::shape::code::code_line;
use crate::clean::shape::comments::{comment_head, field_label, has_time, thread_head};
use crate::clean::shape::features::Features;
use crate::clean::shape::sentence::is_list_item;

use super::teasers::{cut_short, without_other_stories};

/// The first and last row of the body among the kept `rows`, or `None` when no run of them
/// weighs for article text.
pub fn best_run(
    paras: &Paragraphs,
    rows: &[usize],
    class: &[Class],
    table: &[bool],
    template_hit: &[bool],
) -> Option<(usize, usize)> {
    let heads = comment_heads(paras, rows);
    // A line of a template learned from the source is chrome, whatever its shape. A line of
    // source code is a listing's, which the body runs across to the prose after it: it weighs
    // neither way.
    let weight = |i: usize| {
        let class = if template_hit[i] {
            Class::Bad
        } else {
            class[i]
        };
        let w = article_weight(
            &paras[i].feat,
            class,
            table[i] && !template_hit[i],
            is_list_item(paras[i].text()),
        );
        if w < 0.0 && !template_hit[i] && code_line(paras[i].text(), &paras[i].feat) {
            0.0
        } else {
            w
        }
    };
    let mut weights: Vec<f64> = rows.iter().map(|&i| weight(i)).collect();
    weigh_introduced_lists(paras, rows, class, &mut weights);
    // Teasers of other stories weigh against the body.
    let bridgeable = bridgeable_rows(paras, rows, class, template_hit, &heads);
    let body = |weights: &[f64]| run_of_article(paras, rows, weights, &heads, &bridgeable);
    without_other_stories(paras, rows, &weights, body)
        .and_then(|without| body(&without))
        .or_else(|| body(&weights))
        .map(|(first, last)| (rows[first], rows[last]))
}

/// The first and last position of the body among `rows` weighed by `weights`, the heads of
/// readers' comments `heads` barring it.
fn run_of_article(
    paras: &Paragraphs,
    rows: &[usize],
    weights: &[f64],
    heads: &[bool],
    bridgeable: &[bool],
) -> Option<(usize, usize)> {
    // The article comes before its comments: the heaviest run before the first comment, when
    // it holds an article's worth of words.
    let first_head = heads.iter().position(|&h| h).unwrap_or(rows.len());
    let before = heaviest_run(weights[..first_head].iter().map(|&w| Some(w)));
    match before {
        Some((first, last, sum)) if sum >= MIN_ARTICLE_WEIGHT || first_head == rows.len() => {
            Some((
                with_earlier_run(weights, first, sum),
                with_later_run(weights, bridgeable, last, sum),
            ))
        }
        _ => {
            let after = weights
                .iter()
                .zip(heads)
                .enumerate()
                .map(|(k, (&w, &head))| {
                    if k < first_head {
                        Some(w)
                    } else if head {
                        None
                    } else {
                        Some(if w > 0.0 { w / 2.0 } else { w })
                    }
                });
            heaviest_run(after).map(|(first, last, _)| (first, last))
        }
    }
    .map(|(first, last)| {
        let last = bridge_short_gaps(paras, rows, weights, heads, last);
        (
            with_introducer(paras, rows, weights, first),
            before_thread(paras, rows, weights, first, last),
        )
    })
}

/// The body's last row `last` (a position in `rows`, the first being `first`) moved back
/// before the head of the readers' comments inside it, or the form to write one, once the body
/// before that weighs an article's worth. The head of the comments is a [`thread_head`] that a
/// stamped line follows within [`THREAD_STAMP_ROWS`] paragraphs ("[ 167 comments ]", "Top
/// Rated Comments", "Woyzeck", "2 days ago at 07:52 am"); comments are prose, and the heads of
/// comments that name no verb ([`comment_head`]) do not stop the body otherwise. The form is
/// two labels of required fields within [`FORM_LABEL_ROWS`] paragraphs ([`form_at`]).
fn before_thread(
    paras: &Paragraphs,
    rows: &[usize],
    weights: &[f64],
    first: usize,
    last: usize,
) -> usize {
    let stamped = |i: usize| {
        paras
            .iter()
            .skip(i + 1)
            .take(THREAD_STAMP_ROWS)
            .any(|p| has_time(p.text()) || p.fate == Fate::Remove("field.date"))
    };
    let before = |k: usize| {
        (first..k)
            .rev()
            .find(|&j| weights[j] > 0.0)
            .unwrap_or(first)
    };
    let mut sum = 0.0;
    for k in first..=last {
        let i = rows[k];
        if sum >= MIN_ARTICLE_WEIGHT {
            if thread_head(paras[i].text(), &paras[i].feat) && stamped(i) {
                return before(k);
            }
            if form_at(paras, i) {
                return before(form_head(paras, rows, first, k));
            }
        }
        sum += weights[k];
    }
    last
}

/// Paragraph `i` labels a required field of a form ([`field_label`]) and another one does
/// within [`FORM_LABEL_ROWS`] paragraphs: a form to comment or to sign up, in any language.
fn form_at(paras: &Paragraphs, i: usize) -> bool {
    let label = |j: usize| {
        let name = j.checked_sub(1).map(|h| paras[h].text());
        field_label(paras[j].text(), name)
    };
    label(i) && (i + 1..paras.len().min(i + 1 + FORM_LABEL_ROWS)).any(label)
}

/// The first row of the form whose first label is row `k` (positions in `rows`): back over
/// the short rows before the labels, at most [`FORM_HEAD_ROWS`] ("Leave a Reply", "Your email
/// address will not be published. Required fields are marked *", "Comment").
fn form_head(paras: &Paragraphs, rows: &[usize], first: usize, k: usize) -> usize {
    let mut head = k;
    while head > first
        && k - head < FORM_HEAD_ROWS
        && paras[rows[head - 1]].feat.words <= FORM_HEAD_WORDS
    {
        head -= 1;
    }
    head
}

/// The most paragraphs from one label of a required field to the next in a form ([`form_at`]).
const FORM_LABEL_ROWS: usize = 3;

/// The most rows before its labels that head a form, and their most words ([`form_head`]).
const FORM_HEAD_ROWS: usize = 4;
const FORM_HEAD_WORDS: usize = 12;

/// The most paragraphs between the head of the readers' comments and the first comment's
/// stamp ([`before_thread`]): a sort order, a name, a count of votes.
const THREAD_STAMP_ROWS: usize = 6;

/// The body's first row `first` (a position in `rows`) moved back to the start of the
/// heaviest run before it, and so on to the heaviest run before that, each while the run
/// weighs at least [`EARLIER_SHARE`] of the body (`sum`):
/// a short article or its lead (a paywalled page) comes before the site's own prose (a
/// newsletter's terms, the rules for comments, a login form, a cookie notice, a sidebar about
/// the blog's author, shipping terms) more often than after it, and that prose is often the
/// longer; losing the article costs more than keeping the chrome between.
fn with_earlier_run(weights: &[f64], mut first: usize, sum: f64) -> usize {
    // The heaviest run before the body is often a part of the article nearer it (paragraphs
    // before a table of products or after a list of facts), with the lead further back: once a
    // run joins, the runs before it are weighed in turn.
    while let Some((start, _, earlier)) = heaviest_run(weights[..first].iter().map(|&w| Some(w))) {
        if earlier < EARLIER_SHARE * sum || earlier < MIN_JOINING_WEIGHT {
            break;
        }
        first = start;
    }
    first
}

/// The body's last row `last` (a position in `rows`) moved on to the end of the heaviest run
/// after it over `bridgeable` rows only ([`bridgeable_rows`]), when that run weighs at least [`LATER_SHARE`] of the
/// body (`sum`): an article goes on after a block of short lines of its own (a listing of code,
/// a product's data, a list of items) that costs more than the prose after it weighs.
fn with_later_run(weights: &[f64], bridgeable: &[bool], last: usize, sum: f64) -> usize {
    let end = bridgeable[last + 1..]
        .iter()
        .position(|&b| !b)
        .map_or(weights.len(), |k| last + 1 + k);
    match heaviest_run(weights[last + 1..end].iter().map(|&w| Some(w))) {
        Some((_, end, later)) if later >= LATER_SHARE * sum && later >= MIN_JOINING_WEIGHT => {
            last + 1 + end
        }
        _ => last,
    }
}

/// For each of the kept `rows`, whether the body may run on across it to prose after it: a
/// line of the article's own content however short (a line of code or of its output, an item,
/// a label, a row of data), not one of the page's (a template's line, interface words, a web
/// address, separators, a reader's comment, a teaser's summary cut short with an ellipsis).
fn bridgeable_rows(
    paras: &Paragraphs,
    rows: &[usize],
    class: &[Class],
    template_hit: &[bool],
    heads: &[bool],
) -> Vec<bool> {
    rows.iter()
        .zip(heads)
        .map(|(&i, &head)| {
            let f = &paras[i].feat;
            let content =
                class[i] != Class::Bad || f.alpha_words == 0 || code_line(paras[i].text(), f);
            content
                && !head
                && !cut_short(paras[i].text())
                && !template_hit[i]
                && f.ui_words == 0
                && !f.has_address
                && !f.addresses_reader()
        })
        .collect()
}

/// The least share of the body's weight a run after it weighs to join it.
const LATER_SHARE: f64 = 0.25;

/// The least share of the body's weight a run before it weighs to join it. Measured on real
/// pages: a half lost the article of one page in twenty-five of trafilatura's set (a short
/// post before a long cookie notice or sidebar); below a tenth the chrome between costs more
/// precision than the articles it saves.
const EARLIER_SHARE: f64 = 0.1;

/// The weight of a run before or after the body that may join it: a sentence of some length.
const MIN_JOINING_WEIGHT: f64 = 12.0;

/// The items of a list a line introduces with a colon ("Officials said the talks covered
/// several topics:", "Key points:") belong with it: they weigh a little for the body, and the
/// link of an item on the line after it weighs nothing against it.
fn weigh_introduced_lists(
    paras: &Paragraphs,
    rows: &[usize],
    class: &[Class],
    weights: &mut [f64],
) {
    let introduced = introduced_items(paras);
    for (k, &i) in rows.iter().enumerate() {
        let f = &paras[i].feat;
        if introduced[i] && class[i] != Class::Bad && f.ui_words == 0 {
            weights[k] = weights[k].max(0.1 * f.words as f64);
        } else if i > 0 && introduced[i - 1] && address_alone(paras[i].text(), f) {
            // An item's link on the line after it weighs neither way.
            weights[k] = weights[k].max(0.0);
        }
    }
}

/// For each paragraph, whether it is an item of a list a line introduces with a colon. Over
/// every paragraph, kept or not: the introducing line may have gone already. The link of an
/// item on a line of its own (a web address alone) goes on with the list.
fn introduced_items(paras: &Paragraphs) -> Vec<bool> {
    let mut introduced = vec![false; paras.len()];
    let mut in_list = false;
    for (i, p) in paras.iter().enumerate() {
        let item = is_list_item(p.text());
        introduced[i] = in_list && item;
        let link = in_list && address_alone(p.text(), &p.feat);
        if !item && !link {
            in_list = introduces(&p.feat);
        }
    }
    introduced
}

/// A line holding a web address and nothing else: an item's link.
fn address_alone(text: &str, f: &Features) -> bool {
    f.has_address && !text.trim().contains(char::is_whitespace)
}

/// The body's first row `first` (a position in `rows`), moved back to the line that introduces
/// the list the body opens with: the list and its label stand or go together.
fn with_introducer(paras: &Paragraphs, rows: &[usize], weights: &[f64], mut first: usize) -> usize {
    let introduced = introduced_items(paras);
    while first > 0 && introduced[rows[first]] {
        let before = rows[first - 1];
        if introduced[before] && weights[first - 1] > 0.0 {
            first -= 1;
        } else {
            if introduces(&paras[before].feat) && !is_list_item(paras[before].text()) {
                first -= 1;
            }
            break;
        }
    }
    first
}

/// The most short lines of chrome (an "Advertisement", a caption credit) the body runs across
/// to a sentence of the article after them.
const MAX_GAP_LINES: usize = 2;

/// The body's last row `last` (a position in `rows`), moved past each gap of at most
/// [`MAX_GAP_LINES`] short lines of chrome that a finished sentence follows: a short
/// paragraph of the article after an advertisement weighs less than the label before it.
fn bridge_short_gaps(
    paras: &Paragraphs,
    rows: &[usize],
    weights: &[f64],
    heads: &[bool],
    mut last: usize,
) -> usize {
    'outer: loop {
        for next in last + 1..rows.len().min(last + 2 + MAX_GAP_LINES) {
            let f = &paras[rows[next]].feat;
            if heads[next] {
                break 'outer;
            }
            if weights[next] > 0.0 && f.terminal && next > last + 1 {
                last = next;
                continue 'outer;
            }
            if weights[next] > 0.0 || f.words > 3 {
                break 'outer;
            }
        }
        break;
    }
    last
}

/// The weight of a run of paragraphs that makes an article (some forty words of prose).
pub const MIN_ARTICLE_WEIGHT: f64 = 40.0;

/// For each of the kept `rows`, whether it heads a reader's comment: a comment head stamped
/// with a time or a date (on its line or the next), when the page has two of them at least.
fn comment_heads(paras: &Paragraphs, rows: &[usize]) -> Vec<bool> {
    let stamped = |i: usize| {
        has_time(paras[i].text())
            || paras.get(i + 1).is_some_and(|next| {
                has_time(next.text()) || next.fate == Fate::Remove("field.date")
            })
    };
    let mut heads: Vec<bool> = rows
        .iter()
        .map(|&i| comment_head(paras[i].text(), &paras[i].feat) && stamped(i))
        .collect();
    if heads.iter().filter(|&&h| h).count() < 2 {
        heads.fill(false);
    }
    heads
}

/// The positions of the first and last weight of the run with the highest sum, if any sum is
/// positive, and its sum; the earliest such run on ties. No run holds a `None` (a barrier).
fn heaviest_run(weights: impl Iterator<Item = Option<f64>>) -> Option<(usize, usize, f64)> {
    let mut best: Option<(f64, usize, usize)> = None;
    let (mut sum, mut start) = (0.0, 0);
    let mut open = false;
    for (k, w) in weights.enumerate() {
        let Some(w) = w else {
            open = false;
            continue;
        };
        if !open || sum <= 0.0 {
            (sum, start) = (w, k);
        } else {
            sum += w;
        }
        open = true;
        if sum > 0.0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, k));
        }
    }
    best.map(|(sum, first, last)| (first, last, sum))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean_document;
    use crate::clean::options::CleanOptions;

    /// A shopping post: a few paragraphs, a line introducing a numbered list of products, each
    /// item with its link on the line after it, then the site's own lines. The whole list
    /// stays with the post, its links weighing nothing against it.
    #[test]
    fn a_list_whose_items_carry_their_links_on_lines_of_their_own_stays_whole() {
        let mut page = String::from(
            "Home\n\nFilms\n\nToys\n\nMusic\n\n\
            Black Friday is here again, and for once the shops have remembered the toys and \
            films we grew up with in the eighties and nineties.\n\n\
            The discounts run for a whole week this year, so there is time to look around \
            before the best offers are gone from the shelves.\n\n\
            Here are the offers for nostalgic readers that we would not let slip away:\n\n",
        );
        let items = [
            "Star Wars bomber of the resistance in bricks",
            "Electric racing track with two cars",
            "Box set of the director's films on disc",
            "The final cut of the replicant film in high definition",
            "Collection of the ghost hunter films in a steel case",
            "Adventure films of the archaeologist in a steel case",
            "Complete collection of the detective series on disc",
            "Portable electronic drum kit with seven pads",
            "Model of the time machine car from the film",
            "Doormat of the treasure hunting children",
            "Concert film of the wall on disc",
            "Swiss army knife in red",
        ];
        for (k, item) in items.iter().enumerate() {
            page.push_str(&format!(
                "{}) {item}\n\nhttp://amzn.to/2hX{k}QPDr\n\n",
                k + 1
            ));
        }
        page.push_str("Share on Facebook\n\nLeave a comment\n\nSearch\n\n");
        let text = clean_document(&page, &CleanOptions::default()).text;
        for item in items {
            assert!(text.contains(item), "{item}: {text}");
        }
        assert!(!text.contains("Leave a comment"), "{text}");
    }

    #[test]
    fn readers_comments_without_verbs_end_the_body() {
        // A post, the head of its comments and comments whose heads are a name and a stamp,
        // with no "says:": the comments are prose, but the body ends before their head.
        let article = "The town library will open on Sundays from next month, the council \
            said on Tuesday after a vote that ended a long campaign by readers and staff.\n\n\
            The library will open from noon to five, and the council will pay for two more \
            librarians from the budget it had set aside for the old reading rooms.\n\n\
            Readers who asked for the change said families and students would use the \
            library most on Sundays, when the schools and the town hall are closed.\n\n";
        let page = format!(
            "{article}[ 24 comments ]\n\nTop Rated Comments\n\nBookworm77\n\n\
            2 days ago at 07:52 am\n\nIt is about time the council listened to the people \
            who actually use the library every week, and I hope they keep it up.\n\n\
            Rating: 12 Votes\n\nQuietReader\n\n2 days ago at 08:10 am\n\nI would rather \
            they spent the money on longer weekday hours, but it is a start for the town.\n"
        );
        let text = clean_document(&page, &CleanOptions::default()).text;
        assert!(text.contains("closed."), "{text}");
        for gone in ["Top Rated", "It is about time", "longer weekday hours"] {
            assert!(!text.contains(gone), "{gone}: {text}");
        }
        // Without a stamp under it, a line naming comments is a label, not their head.
        let labelled = format!("{article}[ 24 comments ]\n\nShare this story\n");
        let text = clean_document(&labelled, &CleanOptions::default()).text;
        assert!(text.contains("closed."), "{text}");
    }

    #[test]
    fn a_short_article_before_longer_site_prose_joins_the_body() {
        // A post of two paragraphs, a menu, then a cookie notice or a sidebar three times as
        // long: the body reaches back to the post.
        let weights = [-5.0, 20.0, 15.0, -5.0, -5.0, -5.0, 40.0, 35.0, 30.0];
        assert_eq!(with_earlier_run(&weights, 6, 105.0), 1);
        // A lone line before a long article stays out of it: it weighs under a tenth of it.
        let weights = [-5.0, 13.0, -5.0, -5.0, 60.0, 50.0, 40.0];
        assert_eq!(with_earlier_run(&weights, 4, 150.0), 4);
    }

    #[test]
    fn the_lead_before_a_nearer_part_of_the_article_joins_the_body() {
        // A buyer's guide: a menu, the lead's three paragraphs, a list of facts that costs more
        // than the lead weighs, two paragraphs (heavier than the lead) before a table of
        // products, the table, then the long rest of the guide. The paragraphs join first, then
        // the lead before them.
        let mut weights = vec![-5.0, -5.0, 16.0, 26.0, 32.0];
        weights.extend([-5.0; 16]);
        weights.extend([60.0, 40.0]);
        weights.extend([-2.5; 12]);
        weights.extend([50.0, 26.0, -2.5, 79.0, 64.0, 71.0]);
        let body = weights.len() - 6;
        assert_eq!(with_earlier_run(&weights, body, 287.5), 2);
        // A line of the site's before the lead, under a tenth of the body, stays out.
        weights[0] = 10.0;
        weights[1] = -12.0;
        assert_eq!(with_earlier_run(&weights, body, 287.5), 2);
    }

    #[test]
    fn the_body_runs_on_across_its_own_short_lines_to_the_prose_after_them() {
        // Prose, a listing of code and its output (short lines that cost more than the
        // sentence after them weighs), the sentence, then a menu.
        let weights = [
            30.0, 25.0, -5.0, -5.0, -5.0, -5.0, -5.0, -5.0, 20.0, -5.0, -5.0,
        ];
        let all = [true; 11];
        assert_eq!(with_later_run(&weights, &all, 1, 55.0), 8);
        // A line of the page's own between (a copyright, a comment's head) stops it.
        let mut page_line = all;
        page_line[4] = false;
        assert_eq!(with_later_run(&weights, &page_line, 1, 55.0), 1);
        // A lone short sentence far less than the body stays out.
        let weights = [60.0, 50.0, -5.0, -5.0, 13.0];
        assert_eq!(with_later_run(&weights, &[true; 5], 1, 110.0), 1);
    }

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
