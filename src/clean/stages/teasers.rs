//! Teasers of other articles: a headline, at times a short line of its author, date or section,
//! then one paragraph summing the story up, the pair repeated down a list ("Read these next", a
//! site's latest stories, a portal's front page). Each summary is prose that weighs for article
//! text on its own; repeated under headlines, one paragraph each, it is another story's.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::clean::paragraphs::Paragraphs;
use crate::clean::shape::features::Features;
use crate::clean::shape::sentence::is_list_item;
use crate::clean::shape::words::content_words;

use super::body::MIN_ARTICLE_WEIGHT;

/// The `weights` of the kept `rows` with the summaries of other stories' teasers weighing
/// against the body, or `None` when the page holds none. A run of teasers after the article
/// (the body found without them, by `body`) is other stories' when most of them hold none of
/// its key words ([`topic_of`]), or have their summaries cut short with an ellipsis (a site's
/// latest on the same subject); sections of one article under their own subheadings speak of
/// its names and end their sentences. An article too short to repeat any names is no evidence
/// of topic either way. The article found
/// without them must still be one, and weigh [`MIN_KEPT_SHARE`] of the teasers at least: a page
/// of short items (a list of deals, a calendar) is its article.
pub fn without_other_stories(
    paras: &Paragraphs,
    rows: &[usize],
    weights: &[f64],
    body: impl Fn(&[f64]) -> Option<(usize, usize)>,
) -> Option<Vec<f64>> {
    let runs = teaser_runs(paras, rows, weights);
    // Most pages hold no teasers: the body is then found once, by the caller.
    if runs.is_empty() {
        return None;
    }
    let against = |runs: &[Vec<(usize, usize)>]| {
        let mut w = weights.to_vec();
        for &(start, end) in runs.iter().flatten() {
            for k in start..=end {
                if w[k] > 0.0 {
                    w[k] = -(paras[rows[k]].feat.words as f64);
                }
            }
        }
        w
    };
    let weighed_against = against(&runs);
    let (first, last) = body(&weighed_against)?;
    let beside = beside_body(&runs, (first, last));
    if beside.is_empty() {
        return None;
    }
    let article = topic_of(
        paras,
        rows,
        &weighed_against,
        (first, last),
        KEY_WORD_PARAGRAPHS,
    );
    // An article too short to repeat its names gives no evidence of what it is about; summaries
    // a list cut short are other stories' whatever they speak of (the site's latest on a topic).
    let topic_known = article.len() >= MIN_KEY_WORDS;
    let others: Vec<Vec<(usize, usize)>> = beside
        .into_iter()
        .filter(|run| {
            let most = |of: &dyn Fn(usize, usize) -> bool| {
                let n = run.iter().filter(|&&(start, end)| of(start, end)).count();
                n * MOST_DENOMINATOR >= run.len() * MOST_NUMERATOR
            };
            let labels = repeated_lines(paras, rows, run);
            let on_topic = |start, end| on_topic(paras, rows, (start, end), &article, &labels);
            // Before the body, the article's own sections under their subheadings may be what
            // the body missed (a short article before a long notice): only summaries cut short
            // tell other stories there.
            most(&|_, end| cut_short(paras[rows[end]].text()))
                || (run[0].0 > last && topic_known && most(&|start, end| !on_topic(start, end)))
        })
        .collect();
    if others.is_empty() {
        return None;
    }
    let teaser_weight: f64 = others
        .iter()
        .flatten()
        .flat_map(|&(start, end)| weights[start..=end].iter())
        .filter(|&&w| w > 0.0)
        .sum();
    let without = against(&others);
    let (first, last) = body(&without)?;
    let kept: f64 = without[first..=last].iter().filter(|&&w| w > 0.0).sum();
    (kept >= MIN_ARTICLE_WEIGHT && kept >= MIN_KEPT_SHARE * teaser_weight).then_some(without)
}

/// The parts of the teaser `runs` before and after the body's rows `first..=last`, where
/// they hold enough teasers. Lists of other stories stand after the article as often as
/// before it, under the menu; a run reaching into the body (its last sections, then the
/// teasers) keeps its teasers beyond it.
fn beside_body(
    runs: &[Vec<(usize, usize)>],
    (first, last): (usize, usize),
) -> Vec<Vec<(usize, usize)>> {
    runs.iter()
        .flat_map(|run| {
            let part = |keep: &dyn Fn(&(usize, usize)) -> bool| -> Vec<(usize, usize)> {
                run.iter().copied().filter(keep).collect()
            };
            [part(&|unit| unit.1 < first), part(&|unit| unit.0 > last)]
        })
        .filter(|run| run.len() >= MIN_TEASERS)
        .collect()
}

/// The least weight of the article kept beside the teasers it loses, as a share of theirs.
const MIN_KEPT_SHARE: f64 = 0.5;

/// Most teasers of a run (this share) speak of something else than the article, or have their
/// summary cut short.
const MOST_NUMERATOR: usize = 2;
const MOST_DENOMINATOR: usize = 3;

/// The article's key words: the content words of at least `paragraphs` of its rows weighing
/// for article text from position `first` to `last` (its names, its subject).
pub fn topic_of(
    paras: &Paragraphs,
    rows: &[usize],
    weights: &[f64],
    (first, last): (usize, usize),
    paragraphs: usize,
) -> FxHashSet<String> {
    let mut count: FxHashMap<String, usize> = FxHashMap::default();
    for k in (first..=last).filter(|&k| weights[k] > 0.0) {
        for w in content_words(paras[rows[k]].text(), paras[rows[k]].language) {
            *count.entry(w).or_default() += 1;
        }
    }
    count
        .into_iter()
        .filter(|&(_, n)| n >= paragraphs)
        .map(|(w, _)| w)
        .collect()
}

/// The fewest key words of an article judged to speak of something else than its teasers.
const MIN_KEY_WORDS: usize = 5;

/// The fewest paragraphs of the article a key word of its teasers' test stands in.
const KEY_WORD_PARAGRAPHS: usize = 3;

/// The teaser from position `start` to `end` names the article's key words (`topic`): one,
/// or [`FRAMED_KEY_WORDS`] when it is framed as another story's (a short line of its author,
/// date or source under its headline, or of its section over it: "Tom Rogan", "cnn.com News",
/// "* Company Town"), where one alone is as often a word any story uses ("former", "likely",
/// "party"). A subheading of the article with its paragraph has no such frame.
fn on_topic(
    paras: &Paragraphs,
    rows: &[usize],
    (start, end): (usize, usize),
    topic: &FxHashSet<String>,
    labels: &FxHashSet<&str>,
) -> bool {
    let named: FxHashSet<String> = (start..=end)
        .filter(|&k| !labels.contains(unbulleted(paras[rows[k]].text())))
        .flat_map(|k| key_words_in(paras, rows[k], topic))
        .collect();
    let framed = end > start + 1 || (start > 0 && meta_line(&paras[rows[start - 1]].feat));
    named.len() >= if framed { FRAMED_KEY_WORDS } else { 1 }
}

/// The fewest of the article's key words a teaser framed as another story's names when it is
/// on the article's subject.
const FRAMED_KEY_WORDS: usize = 2;

/// The lines that stand twice or more in the `run` of teasers (with the rows between them),
/// bullets aside: the site's section labels over and under each headline ("* Company Town"),
/// whose words name no story's subject however often the article uses them.
fn repeated_lines<'p>(
    paras: &'p Paragraphs,
    rows: &[usize],
    run: &[(usize, usize)],
) -> FxHashSet<&'p str> {
    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    for k in run[0].0..=run[run.len() - 1].1 {
        *seen.entry(unbulleted(paras[rows[k]].text())).or_default() += 1;
    }
    seen.into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(line, _)| line)
        .collect()
}

/// A line without the bullet of a list item ("* Company Town", "+ World").
fn unbulleted(text: &str) -> &str {
    let text = text.trim();
    if is_list_item(text) && !text.starts_with(|c: char| c.is_ascii_digit()) {
        text[text.char_indices().nth(1).map_or(text.len(), |(i, _)| i)..].trim_start()
    } else {
        text
    }
}

/// How many of the article's key words (`topic`) paragraph `i` holds.
pub fn key_words_named(paras: &Paragraphs, i: usize, topic: &FxHashSet<String>) -> usize {
    key_words_in(paras, i, topic).count()
}

/// The article's key words (`topic`) paragraph `i` holds, as often as it holds them.
fn key_words_in<'t>(
    paras: &Paragraphs,
    i: usize,
    topic: &'t FxHashSet<String>,
) -> impl Iterator<Item = String> + 't {
    content_words(paras[i].text(), paras[i].language)
        .into_iter()
        .filter(|w| topic.contains(w))
}

/// The runs of at least [`MIN_TEASERS`] teasers among the kept `rows` (positions, weighed by
/// `weights`), each no more than [`MAX_GAP_ROWS`] rows of chrome from the next: the first and
/// last position of each teaser.
fn teaser_runs(paras: &Paragraphs, rows: &[usize], weights: &[f64]) -> Vec<Vec<(usize, usize)>> {
    let mut runs: Vec<Vec<(usize, usize)>> = Vec::new();
    for unit in teasers(paras, rows, weights) {
        let joined = runs
            .last()
            .and_then(|run| run.last())
            .is_some_and(|&(_, end)| {
                unit.0 <= end + 1 + MAX_GAP_ROWS
                    && weights[end + 1..unit.0].iter().all(|&w| w <= 0.0)
            });
        match runs.last_mut() {
            Some(run) if joined => run.push(unit),
            _ => runs.push(vec![unit]),
        }
    }
    runs.retain(|run| run.len() >= MIN_TEASERS);
    runs
}

/// The fewest teasers in a run: two headlines with their summaries are as often an article's
/// subheadings.
const MIN_TEASERS: usize = 3;

/// The most rows between two teasers of a run (a section's label, a headline without summary).
const MAX_GAP_ROWS: usize = 2;

/// The teasers among the kept `rows`: the first and last position of each.
fn teasers(paras: &Paragraphs, rows: &[usize], weights: &[f64]) -> Vec<(usize, usize)> {
    let feat = |k: usize| &paras[rows[k]].feat;
    let mut found = Vec::new();
    let mut k = 0;
    while k < rows.len() {
        let unit = headline(paras[rows[k]].text(), feat(k))
            .then(|| {
                // The headline, its short lines, then its summary.
                (k + 1..rows.len().min(k + 2 + MAX_META_LINES))
                    .take_while(|&j| j == k + 1 || meta_line(feat(j - 1)))
                    .find(|&j| summary(paras[rows[j]].text(), feat(j), weights[j]))
            })
            .flatten()
            // One paragraph of summary: the next row is no more prose of the same story.
            .filter(|&s| {
                rows.get(s + 1).is_none_or(|&n| {
                    weights[s + 1] <= 0.0 || headline(paras[n].text(), &paras[n].feat)
                })
            });
        // A teaser may be its summary alone, cut short ("* Minister resigns LONDON: The
        // minister ... may soon..."): the headline before it, if any, is on its line.
        let alone = || {
            let f = feat(k);
            weights[k] > 0.0 && f.words >= MIN_SUMMARY_WORDS && cut_short(paras[rows[k]].text())
        };
        match unit.or_else(|| alone().then_some(k)) {
            Some(end) => {
                found.push((k, end));
                k = end + 1;
            }
            None => k += 1,
        }
    }
    found
}

/// The most short lines between a teaser's headline and its summary (its author, its date).
const MAX_META_LINES: usize = 2;

/// A headline: a short line that ends no sentence with a full stop (a question may head a story;
/// a list may cut a long headline short, "… plus JBL he...").
fn headline(text: &str, f: &Features) -> bool {
    let last = text.trim_end().chars().next_back().unwrap_or('.');
    (2..=MAX_HEADLINE_WORDS).contains(&f.words)
        && !text.trim_start().starts_with(['[', '('])
        && f.alpha_words >= 2
        && f.starts_upper
        && (!f.terminal || matches!(last, '?' | '!') || cut_short(text))
        && f.inner_stops == 0
        && !f.colon_end
        && !f.has_address
}

/// The most words of a teaser's headline.
const MAX_HEADLINE_WORDS: usize = 20;

/// Text a list cut short, an ellipsis in place of the rest ("Update Ass...", "he said...."),
/// at times with a link to the rest after it ("... Read More", "[…]"): its full stop ends no
/// sentence of its own.
pub(super) fn cut_short(text: &str) -> bool {
    let text = text.trim_end();
    // The ellipsis ends the text or stands before a few words: only the tail is searched (a
    // search through every paragraph cost cleaning a tenth of its speed).
    let mut from = text.len().saturating_sub(CUT_SHORT_TAIL_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let text = &text[from..];
    // The last "..." (else the last "…"), found from its last byte.
    let bytes = text.as_bytes();
    let last_ending = |last: u8, before: &[u8; 2]| {
        memchr::memrchr_iter(last, bytes)
            .find(|&i| i >= 2 && bytes[i - 2..i] == *before)
            .map(|i| i - 2)
    };
    let Some(at) = last_ending(b'.', b"..").or_else(|| last_ending(0xA6, &[0xE2, 0x80])) else {
        return false;
    };
    let link = text[at..]
        .trim_start_matches(['.', '…'])
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ']' | ')' | '»' | '›'));
    link.is_empty()
        || (link.split_whitespace().count() <= MAX_LINK_WORDS
            && !link.starts_with(char::is_lowercase)
            && !link.contains(['.', '!', '?', ',', ';', ':']))
}

/// The most words of the link to the rest of a text a list cut short ("Read More").
const MAX_LINK_WORDS: usize = 3;

/// The end of a text [`cut_short`] reads: its ellipsis and the link's few words.
const CUT_SHORT_TAIL_BYTES: usize = 96;

/// A short line under a headline: an author, a date, a section ("Tom Rogan", "19 hours ago on
/// Mac Blog").
fn meta_line(f: &Features) -> bool {
    f.words <= MAX_META_WORDS && !f.terminal && !f.colon_end && f.inner_stops == 0
}

/// The most words of a line between a teaser's headline and its summary.
const MAX_META_WORDS: usize = 8;

/// A summary: prose that weighs for article text and ends a sentence (or is cut short with an
/// ellipsis, which ends a sentence too), not an item of a list.
fn summary(text: &str, f: &Features, weight: f64) -> bool {
    weight > 0.0
        && f.words >= MIN_SUMMARY_WORDS
        && (f.terminal || cut_short(text))
        && !is_list_item(text)
}

/// The fewest words of a teaser's summary.
const MIN_SUMMARY_WORDS: usize = 8;

#[cfg(test)]
mod tests {
    use crate::clean::clean_document;
    use crate::clean::options::CleanOptions;

    const ARTICLE: &str = "Harbour council approves new ferry terminal\n\n\
        The harbour council voted on Tuesday to approve a new ferry terminal on the eastern \
        quay, ending two years of debate over the harbour's future and its fishing fleet.\n\n\
        The terminal will replace the ageing ferry sheds on the eastern quay and give the \
        harbour room for two larger ferries, the council said in a statement after the vote.\n\n\
        Work on the eastern quay is due to start in the spring, and the council expects the \
        terminal to open to ferry passengers within three years of the first works.\n\n\
        Fishermen who moor at the eastern quay said the council had promised them new berths \
        elsewhere in the harbour while the ferry terminal is built.\n\n\
        Share this story\n\nRead these next\n\n";

    fn cleaned(page: &str) -> String {
        clean_document(page, &CleanOptions::default()).text
    }

    /// Cleaning `page` keeps each of the phrases `kept` and none of `gone`.
    fn assert_cleaned(page: &str, kept: &[&str], gone: &[&str]) {
        let text = cleaned(page);
        for phrase in kept {
            assert!(text.contains(phrase), "kept {phrase}: {text}");
        }
        for phrase in gone {
            assert!(!text.contains(phrase), "gone {phrase}: {text}");
        }
    }

    /// The article of `page` stays and its teasers (a phrase of each) go.
    fn assert_teasers_go(page: &str, teasers: &[&str]) {
        assert_cleaned(page, &["berths elsewhere in the harbour"], teasers);
    }

    /// The article, then three other stories' teasers under `headlines` (each its headline and
    /// any short lines under it).
    fn with_teasers(headlines: [&str; 3]) -> String {
        let [bakery, marathon, choir] = headlines;
        format!(
            "{ARTICLE}{bakery}\n\n\
            A family bakery from the old town took first prize for its sourdough loaf at the \
            regional bread fair held in the exhibition hall last weekend.\n\n{marathon}\n\n\
            Runners in next month's city marathon will follow a new course through the \
            botanical gardens because of roadworks near the railway station.\n\n{choir}\n\n\
            Forty pupils from the primary school choir will sing in the national final after \
            winning the county competition with a programme of folk songs.\n"
        )
    }

    const OTHER_STORIES: [&str; 3] = ["sourdough loaf", "botanical gardens", "folk songs"];

    #[test]
    fn teasers_of_other_stories_after_the_article_go() {
        let page = with_teasers([
            "Bakery wins regional bread award",
            "Marathon route changes announced\n\nSports desk",
            "Why did the school choir sing so well?",
        ]);
        assert_teasers_go(&page, &OTHER_STORIES);
    }

    /// The article, then three sections of it under subheadings, the first ending with `end`.
    fn with_sections(end: &str) -> String {
        format!(
            "{ARTICLE}What the fishermen want\n\n\
            The fishermen asked the council for berths on the western side of the harbour, \
            away from the ferry traffic at the new terminal{end}\n\n\
            Costs of the terminal\n\n\
            The council put the cost of the ferry terminal at forty million, shared with the \
            port authority that runs the eastern quay.\n\n\
            A vote that split the council\n\n\
            Seven members of the council voted against the terminal, saying the harbour \
            should stay a home for its fishing boats.\n"
        )
    }

    fn assert_sections_stay(page: &str) {
        let sections = [
            "western side of the harbour",
            "forty million",
            "fishing boats",
        ];
        assert_cleaned(page, &sections, &[]);
    }

    #[test]
    fn sections_of_the_article_under_subheadings_stay() {
        assert_sections_stay(&with_sections("."));
    }

    #[test]
    fn teasers_whose_headlines_a_list_cut_short_go() {
        let page = with_teasers([
            "Bakery wins regional bread award for its sourdough and rye lo...",
            "Marathon route changes announced after roadworks near the st...",
            "School choir through to the national final with a programme o…",
        ]);
        assert_teasers_go(&page, &OTHER_STORIES);
    }

    #[test]
    fn teasers_on_the_articles_topic_go_when_their_summaries_are_cut_short() {
        let page = format!(
            "{ARTICLE}More from the harbour\n\n\
            Ferry passengers face delays at the harbour\n\n\
            Passengers waiting for the morning ferry at the harbour were told on Monday that \
            the crossing would leave two hours late because of a fault on the...\n\n\
            Fishermen protest over berths on the eastern quay\n\n\
            A group of fishermen gathered outside the harbour office to protest against the \
            plans for the eastern quay, saying the council had not listened to the...\n\n\
            Council names new harbour master\n\n\
            The council has named a new harbour master to oversee the ferry terminal works, a \
            former captain who has worked at the harbour for twenty…\n"
        );
        assert_teasers_go(&page, &["fault on the", "not listened", "former captain"]);
    }

    #[test]
    fn teasers_framed_as_other_stories_sharing_one_word_with_the_article_go() {
        // Each summary, under its headline and its desk, names one of the article's key words
        // ("council", "harbour", "ferry"), as stories on other subjects do; none names two.
        let page = format!(
            "{ARTICLE}Bakery wins regional bread award\n\nCity desk\n\n\
            A family bakery from the old town took first prize from the county council for its \
            sourdough loaf at the regional bread fair held in the exhibition hall.\n\n\
            Marathon route changes announced\n\nSports desk\n\n\
            Runners in next month's city marathon will start beside the harbour and follow a new \
            course through the botanical gardens because of roadworks.\n\n\
            Why did the school choir sing so well?\n\nSchools desk\n\n\
            Forty pupils from the primary school choir who took the ferry to the national final \
            won the county competition with a programme of folk songs.\n"
        );
        assert_teasers_go(&page, &OTHER_STORIES);
    }

    #[test]
    fn sections_credited_to_their_sources_in_brackets_stay_and_teasers_after_them_go() {
        // A round-up of reviews: each paragraph, then its source in brackets, some under a
        // subheading. A bracketed credit is no headline, so the sections are not read as a
        // list of teasers, and the other stories' teasers after the article still go.
        let article = ARTICLE
            .replace(
                "\n\nThe terminal will",
                "\n\n[Harbour Weekly]\n\nThe terminal will",
            )
            .replace("\n\nWork on the", "\n\n[Coast Radio]\n\nWork on the")
            .replace("\n\nFishermen who", "\n\n[Quay Gazette]\n\nFishermen who");
        let page = with_teasers([
            "Bakery wins regional bread award\n\nCity desk",
            "Marathon route changes announced\n\nSports desk",
            "Why did the school choir sing so well?\n\nSchools desk",
        ])
        .replacen(ARTICLE, &article, 1);
        assert_cleaned(
            &page,
            &[
                "eastern quay is due to start",
                "berths elsewhere in the harbour",
            ],
            &OTHER_STORIES,
        );
    }

    #[test]
    fn summaries_cut_short_before_a_link_to_the_rest_go() {
        assert!(super::cut_short(
            "the crossing would leave two hours late ... Read More"
        ));
        assert!(super::cut_short(
            "Forty pupils sang in the final [\u{2026}]"
        ));
        assert!(!super::cut_short("He waited... and then he left."));
        assert!(!super::cut_short(
            "She paused... then went on with the speech"
        ));
        let page = format!(
            "{ARTICLE}Bakery wins regional bread award\n\n\
            A family bakery from the old town took first prize for its sourdough loaf at the \
            regional bread fair held in the ... Read More\n\n\
            Marathon route changes announced\n\n\
            Runners in next month's city marathon will follow a new course through the \
            botanical gardens because of ... Read More\n\n\
            Why did the school choir sing so well?\n\n\
            Forty pupils from the primary school choir will sing in the national final after \
            winning the county competition with folk songs ... Read More\n"
        );
        assert_teasers_go(&page, &OTHER_STORIES);
    }

    #[test]
    fn a_list_of_other_stories_cut_short_before_the_article_goes() {
        // Under the site's label, its latest stories, one line each: a headline, a dateline
        // and a summary whose last sentence is cut short with an ellipsis. Then a line of the
        // page's own and the article.
        let latest = "* Bakery wins regional bread award OLDTOWN: A family bakery from the \
            old town took first prize for its sourdough loaf at the regional bread fair. The \
            judges praised its crust. The baker said the...\n\n\
            * Marathon route changes announced CITY: Runners in next month's marathon will \
            follow a new course through the botanical gardens. Roadworks near the station \
            closed the old one. Organisers said the...\n\n\
            * School choir through to the final COUNTY: Forty pupils from the primary school \
            choir will sing in the national final. They won with a programme of folk songs. \
            Their teacher said the...\n\n";
        assert_cleaned(
            &format!("Latest news\n\n{latest}Print this article Share it\n\n{ARTICLE}"),
            &[
                "berths elsewhere in the harbour",
                "approve a new ferry terminal",
            ],
            &["sourdough loaf", "botanical gardens", "folk songs"],
        );
    }

    #[test]
    fn section_labels_around_each_teaser_name_no_subject() {
        // Each teaser framed by its section's label over and under its headline; the label
        // holds one of the article's key words ("harbour"), the stories do not.
        let page = format!(
            "{ARTICLE}* Harbour Life\n\nBakery wins regional bread award\n\nHarbour Life\n\n\
            A family bakery from the old town took first prize for its sourdough loaf at the \
            regional bread fair held in the exhibition hall last weekend.\n\n\
            * Harbour Life\n\nMarathon route changes announced\n\nHarbour Life\n\n\
            Runners in next month's city marathon will follow a new course through the \
            botanical gardens because of roadworks near the railway station.\n\n\
            * Harbour Life\n\nWhy did the school choir sing so well?\n\nHarbour Life\n\n\
            Forty pupils from the primary school choir will sing in the national final after \
            winning the county competition with a programme of folk songs.\n"
        );
        assert_teasers_go(&page, &OTHER_STORIES);
    }

    #[test]
    fn a_short_article_in_sections_before_a_longer_notice_stays() {
        // Three sections under subheadings, then the site's long notice on its cookies: the
        // sections end their sentences (nothing cut short), so they are no teasers however
        // much the notice outweighs them.
        let notice = "We use cookies on this website to remember your settings and to count \
            the visits to each page, and some of them are set by the services we embed.\n\n"
            .repeat(6);
        let page = format!("{}{notice}", with_sections("."));
        assert_sections_stay(&page);
    }

    #[test]
    fn a_section_trailing_off_in_an_ellipsis_stays() {
        let page = with_sections(", and then they waited...");
        assert!(page.contains("waited..."));
        assert_sections_stay(&page);
    }
}
