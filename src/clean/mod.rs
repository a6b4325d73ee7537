//! Cleaning: from a scraped page dump to the article an analyst wants to read, with an audit of
//! every change.
//!
//! Stages, each optional: character repair ([`chars`]), line and paragraph rebuilding
//! ([`lines`]), then, on paragraphs and repeated to a fixed point so that cleaning the output
//! again changes nothing, repetition ([`repeats`]), fields ([`fields`]: title, dateline, byline,
//! date, credits, captions) and page chrome ([`chrome`], plus corpus [`templates`]). One offset
//! map ([`edit`]) ties every working text to the original, so each audit span is exact.

pub mod chars;
pub mod chrome;
pub mod edit;
pub mod fields;
pub mod lines;
pub mod repeats;
pub mod templates;

use std::collections::HashSet;

use rayon::prelude::*;

use chars::CharOptions;
use chrome::{ChromeOptions, Class, Features};
use edit::{Edit, Mapped, Rewriter};
use lines::{LineOptions, Piece};
use templates::{DocLines, TemplateCounts, TemplateOptions, Templates};

use crate::error::{Error, Result};
use crate::parallel::Progress;
use crate::text::CharOffsets;

/// Every switch and threshold of cleaning, with the documented defaults.
#[derive(Debug, Clone, Copy)]
pub struct CleanOptions {
    pub repair_chars: bool,
    pub chars: CharOptions,
    pub lines: LineOptions,
    pub remove_chrome: bool,
    pub chrome: ChromeOptions,
    pub remove_repeats: bool,
    /// Repeated paragraphs at least this long (bytes) go even when repeated alone.
    pub min_repeat_chars: usize,
    pub extract_fields: bool,
    pub max_title_words: usize,
    pub use_templates: bool,
    pub templates: TemplateOptions,
    /// Record line joins ("\n" replaced by " ") in the audit.
    pub audit_joins: bool,
}

impl Default for CleanOptions {
    fn default() -> Self {
        CleanOptions {
            repair_chars: true,
            chars: CharOptions::default(),
            lines: LineOptions::default(),
            remove_chrome: true,
            chrome: ChromeOptions::default(),
            remove_repeats: true,
            min_repeat_chars: 50,
            extract_fields: true,
            max_title_words: 30,
            use_templates: true,
            templates: TemplateOptions::default(),
            audit_joins: true,
        }
    }
}

impl CleanOptions {
    pub fn validate(&self) -> Result<()> {
        let bad = |what: &str| Err(Error::InvalidInput(what.to_string()));
        if self.lines.min_wrap_width == 0 || self.lines.min_wrap_width > self.lines.max_wrap_width {
            return bad("min_wrap_width must be positive and at most max_wrap_width");
        }
        if !(0.0..=1.0).contains(&self.lines.min_wrapped_fraction)
            || !(0.0..=1.0).contains(&self.chrome.good_min_stopword_density)
            || !(0.0..=1.0).contains(&self.templates.min_fraction)
        {
            return bad("fractions (min_wrapped_fraction, good_min_stopword_density, template_min_fraction) must lie in [0, 1]");
        }
        if self.templates.min_docs < 2 {
            return bad("template_min_docs must be at least 2");
        }
        Ok(())
    }
}

/// One audit entry: an original span (code-point offsets) and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub start: usize,
    pub end: usize,
    pub rule: &'static str,
    pub text: String,
    pub replacement: String,
}

/// The cleaned article and the parts pulled out of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub title: Option<String>,
    pub dateline: Option<String>,
    pub place: Option<String>,
    pub agency: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
    pub credits: Vec<String>,
    pub captions: Vec<String>,
    pub removed: Vec<Change>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Keep,
    Remove(&'static str),
}

#[derive(Debug, Clone)]
struct Para {
    pieces: Vec<Piece>,
    /// Start of each piece in the joined text.
    offsets: Vec<usize>,
    full: String,
    /// Bytes of `full` cut from the start (a dateline), and the rule that cut them.
    cut: usize,
    feat: Features,
    key: u64,
    fate: Fate,
}

impl Para {
    fn new(src: &str, pieces: Vec<Piece>) -> Self {
        let mut full = String::new();
        let mut offsets = Vec::with_capacity(pieces.len());
        for p in &pieces {
            if p.space_before {
                full.push(' ');
            }
            offsets.push(full.len());
            full.push_str(&src[p.start..p.end]);
        }
        let feat = chrome::features(&full);
        let key = repeats::exact_key(&full);
        Para {
            pieces,
            offsets,
            full,
            cut: 0,
            feat,
            key,
            fate: Fate::Keep,
        }
    }

    fn text(&self) -> &str {
        &self.full[self.cut..]
    }

    fn cut_to(&mut self, cut: usize) {
        let rest = &self.full[cut..];
        self.cut = cut + (rest.len() - rest.trim_start().len());
        self.feat = chrome::features(self.text());
        self.key = repeats::exact_key(self.text());
    }

    /// Working-text position of byte `offset` of the joined text.
    fn source_pos(&self, offset: usize) -> usize {
        let k = self
            .offsets
            .partition_point(|&o| o <= offset)
            .saturating_sub(1);
        let piece = &self.pieces[k];
        (piece.start + offset.saturating_sub(self.offsets[k])).min(piece.end)
    }

    fn start(&self) -> usize {
        self.pieces[0].start
    }

    fn end(&self) -> usize {
        self.pieces[self.pieces.len() - 1].end
    }
}

/// A document after the character and line stages: what template learning needs.
pub struct Prepared {
    mapped: Mapped,
    edits: Vec<Edit>,
    paras: Vec<Para>,
}

impl Prepared {
    /// Keys of short paragraphs (digits folded) and a fingerprint of the document.
    pub fn template_lines(&self, source: usize, options: &CleanOptions) -> DocLines {
        let longest = self
            .paras
            .iter()
            .max_by_key(|p| p.full.len())
            .map_or(0, |p| p.key);
        let keys = (0..self.paras.len())
            .filter(|&i| templatable(&self.paras[i], self.paras.get(i + 1), options))
            .map(|i| template_key(&self.paras[i].full, &self.paras[i].feat))
            .collect();
        DocLines {
            source,
            fingerprint: longest,
            keys,
        }
    }
}

/// The key a short paragraph is learned and matched under as a template. Digits are folded
/// ("Read 428 times" ~ "Read 12 times") only for chrome-like lines: an interface word, or a
/// lone counter among a few words. Data rows ("Net 807,000 vs 2,858,000", "Pay March 31")
/// keep their figures, so they only match when the same wording recurs.
fn template_key(text: &str, f: &Features) -> u64 {
    repeats::paragraph_key(text, folds_digits(text, f))
}

fn folds_digits(text: &str, f: &Features) -> bool {
    let counter = f.digit_words == 1 && f.words <= 4 && !chrome::names_a_month(text);
    f.ui_words >= 1 || counter
}

/// Whether a paragraph can be (or match) a template: short, and not content: neither a plain
/// sentence of prose ("Terms were not disclosed.") nor the start of a sentence that runs on
/// into the next paragraph in lower case.
fn templatable(p: &Para, next: Option<&Para>, options: &CleanOptions) -> bool {
    let f = &p.feat;
    let prose = f.sentence_like() && f.ui_words == 0 && f.stopword_density() >= 0.25;
    let runs_on = next.is_some_and(|n| {
        !lines::ends_sentence(p.text()) && n.text().chars().next().is_some_and(char::is_lowercase)
    });
    f.words <= options.templates.max_words && !prose && !runs_on
}

/// A row of figures: at least a quarter numbers, few function or interface words, no
/// links or separators ("Shr 34 cts vs 1.19 dlrs", "Revs 25.2 mln vs 19.5 mln"; not the
/// headline "US interest rates increased to 2%").
fn data_row(f: &Features) -> bool {
    f.digit_words >= 1
        && f.digit_words * 4 >= f.words
        && f.stopwords * 3 <= f.words
        && f.ui_words * 4 < f.words
        && f.person_words == 0
        && !f.has_address
        && f.separators == 0
        && f.words <= 20
}

/// Paragraphs (indices into `paras`, in order) that form a table: at least three consecutive
/// paragraphs of which at least two are data rows and the rest short labels ("Year",
/// "Nine mths") standing between rows. A table is content, not chrome.
fn table_rows(paras: &[Para], idx: &[usize]) -> Vec<bool> {
    let label = |f: &Features| {
        (f.words <= 3 || (f.words <= 8 && f.stopwords == 0))
            && f.alpha_words >= 1
            && f.ui_words == 0
            && !f.terminal
            && f.separators == 0
    };
    let mut out = vec![false; idx.len()];
    let mut k = 0;
    while k < idx.len() {
        if !data_row(&paras[idx[k]].feat) {
            k += 1;
            continue;
        }
        // Extend the run over data rows and labels that are followed by a data row.
        let mut end = k + 1;
        let mut rows = 1;
        while end < idx.len() {
            let f = &paras[idx[end]].feat;
            if data_row(f) {
                rows += 1;
                end += 1;
            } else if label(f) {
                // Up to two labels in a row ("Qtly div three cts vs three cts prior", "Year"),
                // when a data row follows them.
                let labels =
                    1 + usize::from(idx.get(end + 1).is_some_and(|&n| label(&paras[n].feat)));
                if !idx
                    .get(end + labels)
                    .is_some_and(|&n| data_row(&paras[n].feat))
                {
                    break;
                }
                end += labels;
            } else {
                break;
            }
        }
        if rows >= 2 && end - k >= 3 {
            out[k..end].iter_mut().for_each(|t| *t = true);
        }
        k = end;
    }
    out
}

/// Character repair and paragraph rebuilding.
pub fn prepare(original: &str, options: &CleanOptions) -> Prepared {
    let (mapped, edits) = if options.repair_chars {
        chars::repair(original, &options.chars)
    } else {
        (Mapped::identity(original), Vec::new())
    };
    // The run of spaces and tabs around where the line starts in the original.
    let original_indent = |start: usize| {
        let bytes = original.as_bytes();
        let at = mapped.map_start(start).min(bytes.len());
        let blank = |b: &&u8| **b == b' ' || **b == b'\t';
        Some(
            bytes[..at].iter().rev().take_while(blank).count()
                + bytes[at..].iter().take_while(blank).count(),
        )
    };
    let paras = lines::paragraphs_indented(&mapped.text, &options.lines, original_indent)
        .into_iter()
        .map(|pieces| Para::new(&mapped.text, pieces))
        .collect();
    Prepared {
        mapped,
        edits,
        paras,
    }
}

/// A headline: short, capitalised, without a full stop, not an interface label. Title-like
/// paragraphs never survive before the body (see the head smoothing), so cleaning the output
/// again finds no new title.
fn title_like(p: &Para, class: Class, options: &CleanOptions) -> bool {
    let f = &p.feat;
    let text = p.text();
    let last = text.trim_end().chars().next_back().unwrap_or('.');
    // One interface word is fine in a longer headline ("Share boost for feud-hit Reliance").
    let ui_ok = f.person_words == 0 && (f.ui_words == 0 || (f.ui_words == 1 && f.words >= 4));
    let chrome_shape = chrome::classify(
        &Features {
            ui_words: 0,
            ..f.clone()
        },
        &options.chrome,
    ) == Class::Bad;
    class != Class::Good
        && !lines::is_list_item(text)
        && !chrome_shape
        && ui_ok
        // A question or exclamation can head an article; a full stop ends a sentence.
        && (!f.terminal || (matches!(last, '?' | '!') && f.words >= 3))
        && f.words >= 2
        && f.words <= options.max_title_words
        && f.alpha_words >= 2
        && (f.starts_upper || text.split_whitespace().next().is_some_and(|w| w.chars().any(char::is_uppercase)))
        && !matches!(last, ':' | ',' | ';' | '-' | '–' | '—')
        && !f.has_address
        && f.separators == 0
        && !(f.digit_words * 2 > f.words && f.words <= 4)
}

#[derive(Default)]
struct Found {
    title: Option<String>,
    title_key: u64,
    dateline: Option<String>,
    place: Option<String>,
    agency: Option<String>,
    byline: Option<String>,
    date: Option<String>,
    credits: Vec<String>,
    captions: Vec<String>,
}

/// One round of repeats, fields and chrome over the kept paragraphs; true when anything changed.
fn analyse(
    paras: &mut [Para],
    found: &mut Found,
    templates: Option<&HashSet<u64>>,
    options: &CleanOptions,
) -> bool {
    let mut changed = false;
    let kept: Vec<usize> = (0..paras.len())
        .filter(|&i| paras[i].fate == Fate::Keep)
        .collect();
    if kept.is_empty() {
        return false;
    }
    let mut protected = vec![false; paras.len()];

    if options.remove_repeats {
        let keys: Vec<u64> = kept.iter().map(|&i| paras[i].key).collect();
        let lens: Vec<usize> = kept.iter().map(|&i| paras[i].text().len()).collect();
        for (rule, &i) in repeats::repeated(&keys, &lens, options.min_repeat_chars)
            .into_iter()
            .zip(&kept)
        {
            if let Some(rule) = rule {
                paras[i].fate = Fate::Remove(rule);
                changed = true;
            }
        }
    }

    // Fields recognised by their own shape, wherever they stand.
    for &i in &kept {
        if paras[i].fate != Fate::Keep {
            continue;
        }
        let text = paras[i].text();
        let rule = if let Some(names) = fields::credits_of(text) {
            if options.extract_fields {
                for name in names {
                    if !found.credits.contains(&name) {
                        found.credits.push(name);
                    }
                }
            }
            "field.credit"
        } else if let Some(name) = fields::byline_of(text) {
            if options.extract_fields && found.byline.is_none() {
                found.byline = Some(name);
            }
            "field.byline"
        } else if let Some(date) = fields::date_of(text) {
            if options.extract_fields && found.date.is_none() {
                found.date = Some(date);
            }
            "field.date"
        } else if fields::is_caption(text) {
            if options.extract_fields {
                found.captions.push(text.to_string());
            }
            "field.caption"
        } else {
            continue;
        };
        if options.extract_fields {
            paras[i].fate = Fate::Remove(rule);
            changed = true;
        } else {
            protected[i] = true;
        }
    }

    let live: Vec<usize> = kept
        .iter()
        .copied()
        .filter(|&i| paras[i].fate == Fate::Keep)
        .collect();
    let table = table_rows(paras, &live);
    let mut class: Vec<Class> = live
        .iter()
        .zip(&table)
        .map(
            |(&i, &row)| match chrome::classify(&paras[i].feat, &options.chrome) {
                // Figures in a table are content even when each row alone looks like a counter.
                Class::Bad if row => Class::Neutral,
                c => c,
            },
        )
        .collect();
    let mut template_hit: Vec<bool> = live
        .iter()
        .zip(&table)
        .enumerate()
        .map(|(k, (&i, &row))| {
            // Rows of figures and the labels between them are content; a lone counter in a
            // run ("Read 12 times") may still be chrome.
            let f = &paras[i].feat;
            let content_row = row && !folds_digits(paras[i].text(), f);
            let next = live.get(k + 1).map(|&n| &paras[n]);
            !content_row
                && templatable(&paras[i], next, options)
                && templates.is_some_and(|t| t.contains(&template_key(paras[i].text(), f)))
        })
        .collect();
    // Chrome frames an article; when template lines are most of a document they are its
    // content (a corpus of short notices in a fixed form), so they are not chrome here.
    let words = |k: usize| paras[live[k]].feat.words;
    let template_words: usize = (0..live.len())
        .filter(|&k| template_hit[k])
        .map(words)
        .sum();
    let all_words: usize = (0..live.len()).map(words).sum();
    if template_words * 2 > all_words {
        template_hit.iter_mut().for_each(|t| *t = false);
    }
    // Body bounds from trustworthy body paragraphs only.
    let trusted: Vec<bool> = (0..live.len())
        .map(|k| {
            (class[k] == Class::Good || table[k])
                && !template_hit[k]
                && !paras[live[k]].feat.addresses_reader()
        })
        .collect();
    let first_good = trusted.iter().position(|&t| t);
    let last_good = trusted.iter().rposition(|&t| t);
    let in_body =
        move |k: usize| matches!((first_good, last_good), (Some(a), Some(b)) if a <= k && k <= b);
    for k in 0..live.len() {
        let f = &paras[live[k]].feat;
        let template_chrome = template_hit[k] && !(f.sentence_like() && in_body(k));
        if template_chrome || (!in_body(k) && f.addresses_reader()) {
            class[k] = Class::Bad;
        }
    }

    // Title: the best title-like paragraph before the body: one printed twice, else the
    // longest (interface labels are short), the later on ties (chrome comes first).
    let head_end = first_good.unwrap_or(live.len());
    // A line that runs on in lower case in the next paragraph is the start of a sentence.
    let runs_on = |k: usize| {
        live.get(k + 1).is_some_and(|&n| {
            !lines::ends_sentence(paras[live[k]].text())
                && paras[n]
                    .text()
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        })
    };
    let candidates: Vec<usize> = (0..head_end)
        .filter(|&k| {
            !template_hit[k]
                && !table[k]
                && !runs_on(k)
                && title_like(&paras[live[k]], class[k], options)
        })
        .collect();
    if found.title.is_none() {
        let score = |k: usize| {
            let p = &paras[live[k]];
            let repeated = live.iter().filter(|&&i| paras[i].key == p.key).count() > 1;
            (usize::from(repeated), p.feat.words.min(12), k)
        };
        if let Some(&k) = candidates.iter().max_by_key(|&&k| score(k)) {
            let i = live[k];
            if options.extract_fields {
                found.title = Some(paras[i].text().to_string());
                found.title_key = paras[i].key;
                paras[i].fate = Fate::Remove("field.title");
                changed = true;
            } else {
                protected[i] = true;
            }
        }
    }
    if options.remove_repeats && found.title_key != 0 {
        for &i in &live {
            if paras[i].fate == Fate::Keep && paras[i].key == found.title_key {
                paras[i].fate = Fate::Remove("repeat.title");
                changed = true;
            }
        }
    }

    // Dateline at the start of the first body paragraph.
    if options.extract_fields {
        if let Some(k) =
            (0..live.len()).find(|&k| paras[live[k]].fate == Fate::Keep && class[k] != Class::Bad)
        {
            let i = live[k];
            if let Some(d) = fields::dateline_of(paras[i].text()) {
                let raw = paras[i].text()[..d.len].trim().to_string();
                if found.dateline.is_none() {
                    found.dateline = Some(raw);
                    found.place = d.place;
                    found.agency = d.agency;
                    if found.date.is_none() {
                        found.date = d.date;
                    }
                }
                let cut = paras[i].cut + d.len;
                paras[i].cut_to(cut);
                changed = true;
            }
        }
    }

    if options.remove_chrome {
        let live2: Vec<usize> = (0..live.len())
            .filter(|&k| paras[live[k]].fate == Fate::Keep)
            .collect();
        // A paragraph ending with a colon introduces the next one and shares its fate.
        // A colon paragraph followed by chrome is chrome too, unless body text follows later
        // ("… at the following addresses:" before a list of links).
        let mut good_after = false;
        for w in (0..live2.len()).rev() {
            let k = live2[w];
            if let Some(&next) = live2.get(w + 1) {
                if paras[live[k]].feat.colon_end
                    && class[next] == Class::Bad
                    && (class[k] != Class::Good || !good_after)
                {
                    class[k] = Class::Bad;
                }
            }
            good_after |= trusted[k] && class[k] != Class::Bad;
        }
        let first = live2
            .iter()
            .position(|&k| trusted[k] && class[k] != Class::Bad);
        let last = live2
            .iter()
            .rposition(|&k| trusted[k] && class[k] != Class::Bad);
        let keeps_at_edge: Vec<bool> = (0..live.len())
            .map(|k| {
                let p = &paras[live[k]];
                // A sentence, or a bulleted item of a list.
                let item =
                    lines::is_list_item(p.text()) && p.feat.words >= 3 && p.feat.ui_words == 0;
                class[k] != Class::Bad && (p.feat.sentence_like() || item || table[k])
            })
            .collect();
        let mut removals: Vec<(usize, &'static str)> = Vec::new();
        // Chrome with words cuts the edge off the body; a bare number ("78,000") goes alone.
        let breaks_chain = |k: usize| class[k] == Class::Bad && paras[live[k]].feat.alpha_words > 0;
        let headline = |k: usize| !table[k] && title_like(&paras[live[k]], class[k], options);
        match (first, last) {
            (Some(a), Some(b)) => {
                // Before the body, a paragraph stays when it reads like a sentence and no chrome
                // stands between it and the body.
                let mut connected = true;
                for w in (0..a).rev() {
                    let k = live2[w];
                    connected &= !breaks_chain(k);
                    if !(connected && keeps_at_edge[k] && !headline(k)) {
                        removals.push((k, "chrome.head"));
                    }
                }
                for &k in &live2[a..=b] {
                    if class[k] == Class::Bad {
                        removals.push((k, "chrome.body"));
                    }
                }
                // After the body, a paragraph stays while it reads like a sentence and touches
                // the body, or while it is an item of a list the body introduced with a colon.
                let mut connected = true;
                let mut in_list = paras[live[live2[b]]].feat.colon_end;
                for &k in &live2[b + 1..] {
                    let f = &paras[live[k]].feat;
                    let list_item = in_list
                        && class[k] == Class::Neutral
                        && f.ui_words == 0
                        && !template_hit[k];
                    // Plain prose survives a stray label before it ("Advertisement").
                    let prose = keeps_at_edge[k]
                        && !template_hit[k]
                        && f.words >= 6
                        && f.stopword_density() >= 0.15;
                    connected &= !breaks_chain(k) || list_item;
                    if !((connected && (keeps_at_edge[k] || list_item)) || prose) {
                        removals.push((k, "chrome.tail"));
                    } else if f.colon_end
                        && f.stopwords >= 1
                        && f.words >= 3
                        && class[k] != Class::Bad
                    {
                        in_list = true;
                    }
                }
            }
            _ => {
                // No body at all: every paragraph is at the edge.
                for &k in &live2 {
                    if !keeps_at_edge[k] || headline(k) {
                        removals.push((k, "chrome.head"));
                    }
                }
            }
        }
        for (k, rule) in removals {
            let i = live[k];
            if !protected[i] {
                paras[i].fate = Fate::Remove(if template_hit[k] {
                    "chrome.template"
                } else {
                    rule
                });
                changed = true;
            }
        }
    }
    changed
}

/// Writes the kept paragraphs (one line each, blank lines between) and audits the removals.
fn assemble(original: &str, prepared: Prepared, found: Found, options: &CleanOptions) -> Cleaned {
    let Prepared {
        mapped,
        mut edits,
        paras,
    } = prepared;
    let mut r = Rewriter::new(&mapped.text, &mapped.segs);
    let mut last_end = 0;
    let mut first = true;
    for p in &paras {
        let (start, end) = (p.start(), p.end());
        match p.fate {
            Fate::Remove(rule) => {
                r.replace(last_end, start, "", None);
                r.replace(start, end, "", Some(rule));
            }
            Fate::Keep => {
                let content_start = p.source_pos(p.cut);
                if content_start > start {
                    r.replace(last_end, start, "", None);
                    r.replace(start, content_start, "", Some("field.dateline"));
                    r.replace(
                        content_start,
                        content_start,
                        if first { "" } else { "\n\n" },
                        None,
                    );
                } else {
                    r.replace(last_end, start, if first { "" } else { "\n\n" }, None);
                }
                let first_piece = p.offsets.partition_point(|&o| o <= p.cut).saturating_sub(1);
                let mut prev_end = None;
                for piece in &p.pieces[first_piece..] {
                    if let Some(prev) = prev_end {
                        let glue = if piece.space_before { " " } else { "" };
                        r.replace(
                            prev,
                            piece.start,
                            glue,
                            options.audit_joins.then_some("lines.unwrap"),
                        );
                    }
                    r.copy_to(piece.end);
                    prev_end = Some(piece.end);
                }
                first = false;
            }
        }
        last_end = end;
    }
    r.replace(last_end, mapped.text.len(), "", None);
    let (out, more) = r.finish();
    edits.extend(more);
    edits.sort_by(|a, b| (a.start, b.end).cmp(&(b.start, a.end)));
    let offsets = CharOffsets::new(original);
    let removed = edits
        .into_iter()
        .map(|e| Change {
            start: offsets.char_index(e.start),
            end: offsets.char_index(e.end),
            rule: e.rule,
            text: original[e.start..e.end].to_string(),
            replacement: e.replacement,
        })
        .collect();
    Cleaned {
        text: out.text,
        title: found.title,
        dateline: found.dateline,
        place: found.place,
        agency: found.agency,
        byline: found.byline,
        date: found.date,
        credits: found.credits,
        captions: found.captions,
        removed,
    }
}

/// Could be body text: words, and none of the marks of interface chrome.
fn body_candidate(f: &Features) -> bool {
    f.alpha_words >= 1
        && f.ui_words == 0
        && !f.has_address
        && f.separators == 0
        && !f.addresses_reader()
}

/// A document is never cleaned to nothing when it had prose or data. Chrome is recognised by
/// contrast with a body; when the chrome rules (and the title) would take every paragraph, the
/// document has no body to contrast with (a table of figures, a two-line notice), so the body
/// candidates are kept and the title stays in the text. Repeats and fields stay removed.
fn keep_body_when_emptied(paras: &mut [Para], found: &mut Found) -> bool {
    if paras.iter().any(|p| p.fate == Fate::Keep) {
        return false;
    }
    let restorable = |p: &Para| match p.fate {
        Fate::Remove("field.title" | "repeat.title") => true,
        Fate::Remove(rule) => rule.starts_with("chrome.") && body_candidate(&p.feat),
        Fate::Keep => false,
    };
    let substantial = paras
        .iter()
        .any(|p| restorable(p) && (p.feat.words >= 3 || p.feat.digit_words >= 1));
    if !substantial {
        return false;
    }
    for p in paras.iter_mut() {
        if restorable(p) {
            p.fate = Fate::Keep;
        }
    }
    found.title = None;
    found.title_key = 0;
    true
}

/// Paragraph stages to a fixed point, then the output.
pub fn finish(
    original: &str,
    mut prepared: Prepared,
    templates: Option<&HashSet<u64>>,
    options: &CleanOptions,
) -> Cleaned {
    let mut found = Found::default();
    // Each round only removes or shortens paragraphs, so this ends; the cap bounds odd inputs.
    let rounds = (prepared.paras.len() + 2).min(64);
    let to_fixed_point = |paras: &mut [Para], found: &mut Found| {
        for _ in 0..rounds {
            if !analyse(paras, found, templates, options) {
                break;
            }
        }
    };
    to_fixed_point(&mut prepared.paras, &mut found);
    // The kept candidates are analysed again as the document they now form, which is what
    // cleaning the output again would see.
    if keep_body_when_emptied(&mut prepared.paras, &mut found) {
        to_fixed_point(&mut prepared.paras, &mut found);
        keep_body_when_emptied(&mut prepared.paras, &mut found);
    }
    assemble(original, prepared, found, options)
}

/// Cleans one document.
pub fn clean_document(original: &str, options: &CleanOptions) -> Cleaned {
    finish(original, prepare(original, options), None, options)
}

/// Cleans a corpus in parallel (on the current rayon pool), learning templates per source.
/// `sources[i]` names the source of document i; without it the corpus is one source.
pub fn clean_corpus(
    texts: &[Option<&str>],
    sources: Option<&[Option<&str>]>,
    options: &CleanOptions,
) -> Result<Vec<Cleaned>> {
    clean_corpus_counted(texts, sources, options, &Progress::default())
}

/// [`clean_corpus`], counting each finished document in `progress`.
pub fn clean_corpus_counted(
    texts: &[Option<&str>],
    sources: Option<&[Option<&str>]>,
    options: &CleanOptions,
    progress: &Progress,
) -> Result<Vec<Cleaned>> {
    check_corpus(texts, sources, options)?;
    if !uses_templates(options) {
        return Ok(clean_each(texts, options, progress));
    }
    let mut counts = TemplateCounts::default();
    let prepared = prepare_counting(&mut counts, texts, sources, options);
    let learned = counts.learn(&options.templates);
    Ok(finish_each(prepared, sources, &learned, options, progress))
}

/// The first pass of cleaning a corpus chunk by chunk: adds one chunk's template lines to
/// `counts` (chunks in corpus order). [`clean_corpus_with`] then cleans each chunk with
/// `counts.learn(..)`, as [`clean_corpus`] would clean the whole corpus at once.
pub fn count_templates(
    counts: &mut TemplateCounts,
    texts: &[Option<&str>],
    sources: Option<&[Option<&str>]>,
    options: &CleanOptions,
) -> Result<()> {
    check_corpus(texts, sources, options)?;
    if uses_templates(options) {
        prepare_counting(counts, texts, sources, options);
    }
    Ok(())
}

/// Cleans one chunk of a corpus with the templates learned over all of it.
pub fn clean_corpus_with(
    texts: &[Option<&str>],
    sources: Option<&[Option<&str>]>,
    templates: &Templates,
    options: &CleanOptions,
    progress: &Progress,
) -> Result<Vec<Cleaned>> {
    check_corpus(texts, sources, options)?;
    if !uses_templates(options) {
        return Ok(clean_each(texts, options, progress));
    }
    let prepared = texts
        .par_iter()
        .map(|t| t.map(|t| (t, prepare(t, options))))
        .collect();
    Ok(finish_each(prepared, sources, templates, options, progress))
}

fn check_corpus(
    texts: &[Option<&str>],
    sources: Option<&[Option<&str>]>,
    options: &CleanOptions,
) -> Result<()> {
    options.validate()?;
    match sources {
        Some(sources) if sources.len() != texts.len() => Err(Error::InvalidInput(format!(
            "sources has {} items but there are {} texts; give one source per text",
            sources.len(),
            texts.len()
        ))),
        _ => Ok(()),
    }
}

fn uses_templates(options: &CleanOptions) -> bool {
    options.use_templates && options.remove_chrome
}

fn clean_each(texts: &[Option<&str>], options: &CleanOptions, progress: &Progress) -> Vec<Cleaned> {
    texts
        .par_iter()
        .map(|t| {
            let cleaned = t.map(|t| clean_document(t, options)).unwrap_or_default();
            progress.add(1);
            cleaned
        })
        .collect()
}

/// Prepares every text and adds its template lines to `counts`, in corpus order.
fn prepare_counting<'t>(
    counts: &mut TemplateCounts,
    texts: &[Option<&'t str>],
    sources: Option<&[Option<&str>]>,
    options: &CleanOptions,
) -> Vec<Option<(&'t str, Prepared)>> {
    let groups: Vec<usize> = (0..texts.len())
        .map(|i| counts.group(sources.and_then(|s| s[i])))
        .collect();
    let prepared: Vec<Option<(&str, Prepared)>> = texts
        .par_iter()
        .map(|t| t.map(|t| (t, prepare(t, options))))
        .collect();
    let lines: Vec<DocLines> = prepared
        .par_iter()
        .zip(groups.par_iter())
        .map(|(p, &group)| {
            p.as_ref()
                .map(|(_, p)| p.template_lines(group, options))
                .unwrap_or_default()
        })
        .collect();
    lines.iter().for_each(|doc| counts.add(doc));
    prepared
}

fn finish_each(
    prepared: Vec<Option<(&str, Prepared)>>,
    sources: Option<&[Option<&str>]>,
    templates: &Templates,
    options: &CleanOptions,
    progress: &Progress,
) -> Vec<Cleaned> {
    prepared
        .into_par_iter()
        .enumerate()
        .map(|(i, p)| {
            let cleaned = p
                .map(|(t, p)| {
                    let learned = templates.of_source(sources.and_then(|s| s[i]));
                    finish(t, p, learned, options)
                })
                .unwrap_or_default();
            progress.add(1);
            cleaned
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> Cleaned {
        clean_document(s, &CleanOptions::default())
    }

    #[test]
    fn seed_like_page() {
        let raw = "Aleppo liberation victory for Syria, Iran, Russia: President Assad\n\nRate this item\n(0 votes)\nAleppo liberation victory for Syria, Iran, Russia: President Assad\n\nTEHRAN (Tasnim) – Syrian President Bashar al-Assad says the recent recapture of the city is a victory not just for his country, but also for its allies.\n\nHe further noted that the strategic relations have helped reinforce the two countries as well as other regional nations.\n\nRead 428 times\n\nAdd comment\n\nSecurity code";
        let c = clean(raw);
        assert_eq!(
            c.title.as_deref(),
            Some("Aleppo liberation victory for Syria, Iran, Russia: President Assad")
        );
        assert_eq!(
            (c.place.as_deref(), c.agency.as_deref()),
            (Some("TEHRAN"), Some("Tasnim"))
        );
        assert_eq!(
            c.text,
            "Syrian President Bashar al-Assad says the recent recapture of the city is a victory not just for his country, but also for its allies.\n\nHe further noted that the strategic relations have helped reinforce the two countries as well as other regional nations."
        );
        for change in &c.removed {
            let original: String = raw
                .chars()
                .skip(change.start)
                .take(change.end - change.start)
                .collect();
            assert_eq!(original, change.text);
        }
        let rules: Vec<_> = c.removed.iter().map(|c| c.rule).collect();
        assert!(rules.iter().any(|r| r.starts_with("repeat.")));
        assert!(
            rules.contains(&"chrome.tail")
                && rules.contains(&"field.dateline")
                && rules.contains(&"field.title")
        );
        assert_eq!(clean(&c.text).text, c.text);
        assert!(clean(&c.text).removed.is_empty());
    }

    #[test]
    fn prose_after_a_stray_label_and_bulleted_lists_stay() {
        let raw = "Key points:\n- Taxes will rise by 2% from April\n- Pensions are protected\n\nThe chancellor set out the plans in a speech to parliament on Wednesday afternoon.\n\nAdvertisement\n\nThe pound also slipped against the dollar, traders said.\n\nShare this:\nFacebook\nTwitter";
        let c = clean(raw);
        assert_eq!(
            c.text,
            "- Taxes will rise by 2% from April\n\n- Pensions are protected\n\nThe chancellor set out the plans in a speech to parliament on Wednesday afternoon.\n\nThe pound also slipped against the dollar, traders said."
        );
        assert_eq!(clean(&c.text).text, c.text);
    }

    #[test]
    fn empty_and_odd_inputs() {
        assert_eq!(clean(""), Cleaned::default());
        for s in [
            "\n\n\n",
            "\u{0}\u{1}",
            "a",
            "&amp;",
            "Ã",
            "-- | --",
            "x\r\ny",
        ] {
            let c = clean(s);
            assert_eq!(clean(&c.text).text, c.text, "{s:?}");
        }
    }

    #[test]
    fn wire_tables_and_wrapped_stories_are_kept() {
        let table = "Shr 12 cts vs 9 cts\n    Net 1,204,000 vs 918,000\n    Revs 22.5 mln vs 19.1 mln\n    Year\n    Shr 48 cts vs 40 cts\n    Net 4.8 mln vs 3.9 mln\n Reuter\n";
        let c = clean(table);
        assert_eq!(c.text.split("\n\n").count(), 6, "{}", c.text);
        assert_eq!((c.title, c.credits), (None, vec!["Reuter".to_string()]));
        let story = "Harbour Freight Co said it agreed to\nsell its trucking unit to a group of private investors for about\n40 mln dlrs in cash, subject to regulatory approval.\n    The company said it would use the proceeds to reduce debt and\nexpects to book a small gain on the sale.\n Reuter\n";
        let c = clean(story);
        assert_eq!(c.title, None);
        assert_eq!(
            c.text,
            "Harbour Freight Co said it agreed to sell its trucking unit to a group of private investors for about 40 mln dlrs in cash, subject to regulatory approval.\n\nThe company said it would use the proceeds to reduce debt and expects to book a small gain on the sale."
        );
        assert_eq!(clean(&c.text).text, c.text);
        // Nothing but short lines of data: kept rather than emptied.
        assert_eq!(
            clean("Pay April 1\nRecord March 3").text,
            "Pay April 1\n\nRecord March 3"
        );
    }

    #[test]
    fn corpus_templates() {
        let docs: Vec<String> = (0..6)
            .map(|i| format!("Story number {i} begins here and tells the reader about events in the town, as it should.\n\nWeather widget by Acme\n\nIt goes on for another sentence of news about the town council and its budget."))
            .collect();
        let texts: Vec<Option<&str>> = docs
            .iter()
            .map(|s| Some(s.as_str()))
            .chain([None])
            .collect();
        let out = clean_corpus(&texts, None, &CleanOptions::default()).unwrap();
        assert_eq!(out.len(), 7);
        assert!(out[..6].iter().all(|c| !c.text.contains("Weather widget")));
        assert!(out[0].removed.iter().any(|c| c.rule == "chrome.template"));
        assert_eq!(out[6], Cleaned::default());
    }

    #[test]
    fn chunked_corpus_cleans_as_a_whole() {
        let docs: Vec<String> = (0..9)
            .map(|i| format!("Story number {i} begins here and tells the reader about events in the town, as it should.\n\nWeather widget by Acme\n\nIt goes on for another sentence of news about the town council and its budget."))
            .collect();
        let texts: Vec<Option<&str>> = docs.iter().map(|s| Some(s.as_str())).collect();
        let sources: Vec<Option<&str>> = (0..9).map(|i| (i % 3 > 0).then_some("site")).collect();
        let options = CleanOptions::default();
        let whole = clean_corpus(&texts, Some(&sources), &options).unwrap();
        let mut counts = TemplateCounts::default();
        for (t, s) in texts.chunks(2).zip(sources.chunks(2)) {
            count_templates(&mut counts, t, Some(s), &options).unwrap();
        }
        let learned = counts.learn(&options.templates);
        let chunked: Vec<Cleaned> = texts
            .chunks(2)
            .zip(sources.chunks(2))
            .flat_map(|(t, s)| {
                clean_corpus_with(t, Some(s), &learned, &options, &Progress::default()).unwrap()
            })
            .collect();
        assert_eq!(chunked, whole);
        assert!(whole.iter().all(|c| !c.text.contains("Weather widget")));
    }
}
