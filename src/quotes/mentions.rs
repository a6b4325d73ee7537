//! Mentions given by a caller (a mention table in Python string offsets, as `tag` returns it)
//! checked and turned into each document's [`Named`] mentions with byte offsets.

use super::Named;
use crate::tag::Label;
use crate::{Error, Result};

/// One row of a mention table: the document's position, Python string offsets, the label and
/// the canonical entity.
#[derive(Debug, Clone, Copy)]
pub struct MentionRow<'a> {
    pub doc: usize,
    pub start: usize,
    pub end: usize,
    pub label: &'a str,
    pub entity: &'a str,
}

/// A checked mention of one document, still in Python string offsets.
#[derive(Debug, Clone, Copy)]
pub struct Given<'a> {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub entity: &'a str,
}

/// Each document's mentions; an error names a row that points outside the documents, has an
/// unknown label or starts after it ends.
pub fn named_by_document<'a>(
    texts: &[Option<&str>],
    rows: impl IntoIterator<Item = MentionRow<'a>>,
) -> Result<Vec<Vec<Given<'a>>>> {
    let mut by_doc: Vec<Vec<Given<'a>>> = vec![Vec::new(); texts.len()];
    for (n, row) in rows.into_iter().enumerate() {
        let Some(slot) = by_doc.get_mut(row.doc) else {
            return Err(Error::InvalidInput(format!(
                "mention row {n} is for document {} of {} documents",
                row.doc,
                texts.len()
            )));
        };
        let label = Label::parse(row.label).ok_or_else(|| {
            Error::InvalidInput(format!(
                "mention row {n} has an unknown label '{}'",
                row.label
            ))
        })?;
        if row.start > row.end {
            return Err(Error::InvalidInput(format!(
                "mention row {n} starts after it ends ({}..{})",
                row.start, row.end
            )));
        }
        slot.push(Given {
            start: row.start,
            end: row.end,
            label,
            entity: row.entity,
        });
    }
    Ok(by_doc)
}

/// The mentions of one document with byte offsets; an error names a mention that ends past
/// the text.
pub fn to_named(text: &str, rows: &[Given<'_>]) -> Result<Vec<Named>> {
    let mut wanted: Vec<usize> = rows.iter().flat_map(|r| [r.start, r.end]).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut bytes = rustc_hash::FxHashMap::default();
    let mut chars = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .enumerate();
    for &want in &wanted {
        let found = chars.by_ref().find(|&(c, _)| c == want);
        let Some((_, byte)) = found else {
            return Err(Error::InvalidInput(format!(
                "a mention ends at {want}, past the end of its text ({} characters)",
                text.chars().count()
            )));
        };
        bytes.insert(want, byte);
    }
    Ok(rows
        .iter()
        .map(|r| Named {
            start: bytes[&r.start],
            end: bytes[&r.end],
            label: r.label,
            entity: r.entity.to_string(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_byte_offsets() {
        let texts = [Some("Türkiye’s Erdoğan spoke"), None];
        let rows = [MentionRow {
            doc: 0,
            start: 10,
            end: 17,
            label: "PER",
            entity: "Recep Tayyip Erdoğan",
        }];
        let by_doc = named_by_document(&texts, rows).unwrap();
        let named = to_named(texts[0].unwrap(), &by_doc[0]).unwrap();
        let text = texts[0].unwrap();
        assert_eq!(&text[named[0].start..named[0].end], "Erdoğan");
        assert_eq!(named[0].label, Label::Person);
    }

    #[test]
    fn bad_rows_are_errors() {
        let texts = [Some("short")];
        let row = |doc, start, end, label| MentionRow {
            doc,
            start,
            end,
            label,
            entity: "x",
        };
        assert!(named_by_document(&texts, [row(1, 0, 1, "PERSON")]).is_err());
        assert!(named_by_document(&texts, [row(0, 0, 1, "FOOD")]).is_err());
        assert!(named_by_document(&texts, [row(0, 3, 1, "LOC")]).is_err());
        let by_doc = named_by_document(&texts, [row(0, 2, 9, "LOC")]).unwrap();
        assert!(to_named("short", &by_doc[0]).is_err());
    }
}
