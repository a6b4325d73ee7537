//! Before the paragraph stages: character repair, then paragraph building into the table, and
//! what a prepared document contributes to template learning.

use super::chars;
use super::edit::{Edit, Mapped};
use super::lines;
use super::options::CleanOptions;
use super::paragraphs::Paragraphs;
use super::templates::{templatable, template_key, DocLines};

/// A document after the character and line stages: what template learning needs.
pub struct Prepared {
    pub(super) mapped: Mapped,
    pub(super) edits: Vec<Edit>,
    pub(super) paras: Paragraphs,
}

impl Prepared {
    /// Keys of short paragraphs (digits folded) and a fingerprint of the document.
    pub fn template_lines(&self, source: usize, options: &CleanOptions) -> DocLines {
        let paras = &self.paras;
        let longest = paras
            .iter()
            .max_by_key(|p| p.full.len())
            .map_or(0, |p| p.key);
        let keys = (0..paras.len())
            .filter(|&i| templatable(&paras[i], paras.get(i + 1), options))
            .map(|i| template_key(&paras[i].full, &paras[i].feat))
            .collect();
        DocLines {
            source,
            fingerprint: longest,
            keys,
        }
    }
}

/// Character repair and paragraph building.
pub fn prepare(original: &str, options: &CleanOptions) -> Prepared {
    crate::parallel::checkpoint();
    let (mapped, edits) = if options.repair_chars {
        chars::repair(original, &options.chars)
    } else {
        (Mapped::identity(original), Vec::new())
    };
    // The runs of spaces around where a line's content starts and after it ends in the
    // original: character repair trims them.
    let original_spaces = |start: usize, end: usize| {
        let bytes = original.as_bytes();
        let at = mapped.map_start(start).min(bytes.len());
        let blank = |b: &&u8| **b == b' ' || **b == b'\t';
        let indent = bytes[..at].iter().rev().take_while(blank).count()
            + bytes[at..].iter().take_while(blank).count();
        let after = mapped.map_start(end).min(bytes.len());
        let trailing = original[after..]
            .chars()
            .next()
            .is_some_and(|c| c.is_whitespace() && c != '\n' && c != '\r');
        Some(lines::OriginalSpaces { indent, trailing })
    };
    crate::parallel::checkpoint();
    let pieces = lines::paragraphs_in_original(&mapped.text, &options.lines, original_spaces);
    let paras = Paragraphs::new(&mapped.text, pieces);
    Prepared {
        mapped,
        edits,
        paras,
    }
}
