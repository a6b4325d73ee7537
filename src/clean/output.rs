//! What cleaning returns: the fields the stages found, the audit of every change in original
//! code-point offsets, and the text written from the kept paragraphs.

use super::edit::{Edit, Mapped, Rewriter};
use super::options::CleanOptions;
use super::paragraphs::{Fate, Para, Paragraphs};
use crate::text::CharOffsets;

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

/// The fields the stages have taken out of the text so far.
#[derive(Debug, Default)]
pub struct Found {
    pub title: Option<String>,
    /// Exact key of the title, to remove its copies; 0 when there is none.
    pub title_key: u64,
    pub dateline: Option<String>,
    pub place: Option<String>,
    pub agency: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
    pub credits: Vec<String>,
    pub captions: Vec<String>,
}

/// The cleaned document: the kept paragraphs, the fields found and the audit of every change
/// (character repairs in `edits`, then removals and joins).
pub fn assemble(
    original: &str,
    mapped: &Mapped,
    mut edits: Vec<Edit>,
    paras: &Paragraphs,
    found: Found,
    options: &CleanOptions,
) -> Cleaned {
    let (text, more) = write_kept(mapped, paras, options);
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
        text,
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

/// Writes the kept paragraphs (one line each, blank lines between) and audits the removals,
/// the dateline cuts and (when asked) the line joins, in original byte offsets.
fn write_kept(mapped: &Mapped, paras: &Paragraphs, options: &CleanOptions) -> (String, Vec<Edit>) {
    let mut r = Rewriter::new(&mapped.text, &mapped.segs);
    let mut last_end = 0;
    let mut first = true;
    for p in paras.iter() {
        match p.fate {
            Fate::Remove(rule) => {
                r.replace(last_end, p.start(), "", None);
                r.replace(p.start(), p.end(), "", Some(rule));
            }
            Fate::Keep => {
                let separator = if first { "" } else { "\n\n" };
                write_paragraph(&mut r, p, last_end, separator, options);
                first = false;
            }
        }
        last_end = p.end();
    }
    r.replace(last_end, mapped.text.len(), "", None);
    let (out, more) = r.finish();
    (out.text, more)
}

/// Writes one kept paragraph on one line after `separator`, dropping what came since the last
/// paragraph ended at `last_end` and the dateline cut from its start.
fn write_paragraph(
    r: &mut Rewriter,
    p: &Para,
    last_end: usize,
    separator: &str,
    options: &CleanOptions,
) {
    let start = p.start();
    let content_start = p.source_pos(p.cut);
    if content_start > start {
        r.replace(last_end, start, "", None);
        r.replace(start, content_start, "", Some("field.dateline"));
        r.replace(content_start, content_start, separator, None);
    } else {
        r.replace(last_end, start, separator, None);
    }
    let (first_piece, _) = p.piece_at(p.cut);
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
}
