//! Template counts and learned templates saved to bytes, for a corpus cleaned on a cluster:
//! each part's counts travel to be merged, and the templates learned from the merged counts
//! travel to the tasks that clean (a few bytes per template line, not the counts).

use super::{SourceGroups, TemplateCounts, Templates};
use crate::error::Result;
use crate::persist::{Format, Reader, Writer};

const COUNTS: Format = Format {
    magic: b"TIDINGS-TEMPLATE-COUNTS\x01",
    version: 1,
    name: "template counts",
};

const LEARNED: Format = Format {
    magic: b"TIDINGS-TEMPLATES\x01",
    version: 1,
    name: "page templates",
};

fn write_groups(out: &mut Writer, groups: &SourceGroups) {
    out.put(groups.len() as u64);
    for name in groups.names() {
        out.put(u16::from(name.is_some()));
        out.put_str(name.unwrap_or(""));
    }
}

/// The groups' sources in id order, each added to `groups` (which is empty).
fn read_groups(input: &mut Reader<'_>, groups: &mut SourceGroups) -> Result<()> {
    for _ in 0..input.get_len()?.min(input.remaining()) {
        let named = input.get::<u16>()? == 1;
        let name = input.get_str(input.remaining())?;
        let before = groups.len();
        groups.id(named.then_some(name));
        if groups.len() == before {
            return Err(input.invalid("a source is listed twice"));
        }
    }
    Ok(())
}

/// Keys written as a count and the values, increasing.
fn read_keys(input: &mut Reader<'_>) -> Result<Vec<u64>> {
    let count = input.get::<u32>()? as usize;
    let keys = input.get_all::<u64>(count)?;
    if keys.first() == Some(&0) || keys.windows(2).any(|w| w[0] >= w[1]) {
        return Err(input.invalid("a document's keys are not increasing"));
    }
    Ok(keys)
}

impl TemplateCounts {
    /// The counts as bytes: each source, then each distinct document's keys.
    pub fn to_bytes(&self) -> Vec<u8> {
        let keys: usize = self.counted.values().map(Vec::len).sum();
        let mut out = Writer::new(&COUNTS, 8 * keys + 16 * self.counted.len());
        write_groups(&mut out, &self.groups);
        out.put(self.counted.len() as u64);
        for (&(group, fingerprint), keys) in &self.counted {
            out.put(group as u32);
            out.put(fingerprint);
            out.put(keys.len() as u32);
            out.put_all(keys);
        }
        out.finish()
    }

    /// Counts saved by [`TemplateCounts::to_bytes`], checked.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let mut input = Reader::open(bytes, &COUNTS)?;
        let mut counts = TemplateCounts::default();
        read_groups(&mut input, &mut counts.groups)?;
        for _ in 0..input.get_len()?.min(input.remaining()) {
            let group = input.get::<u32>()? as usize;
            let fingerprint = input.get::<u64>()?;
            let keys = read_keys(&mut input)?;
            if group >= counts.groups.len() || counts.counted.contains_key(&(group, fingerprint)) {
                return Err(input.invalid("a document of no source, or listed twice"));
            }
            counts.count(group, fingerprint, keys);
        }
        input.finish()?;
        Ok(counts)
    }
}

impl Templates {
    /// The templates as bytes: each source and its template keys.
    pub fn to_bytes(&self) -> Vec<u8> {
        let keys: usize = self.keys.iter().map(|k| k.len()).sum();
        let mut out = Writer::new(&LEARNED, 8 * keys + 16 * self.keys.len());
        write_groups(&mut out, &self.groups);
        for keys in &self.keys {
            let mut sorted: Vec<u64> = keys.iter().copied().collect();
            sorted.sort_unstable();
            out.put(sorted.len() as u32);
            out.put_all(&sorted);
        }
        out.finish()
    }

    /// Templates saved by [`Templates::to_bytes`], checked.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let mut input = Reader::open(bytes, &LEARNED)?;
        let mut templates = Templates::default();
        read_groups(&mut input, &mut templates.groups)?;
        for _ in 0..templates.groups.len() {
            templates
                .keys
                .push(read_keys(&mut input)?.into_iter().collect());
        }
        input.finish()?;
        Ok(templates)
    }
}

#[cfg(test)]
mod tests {
    use super::super::DocLines;
    use super::*;
    use crate::clean::options::TemplateOptions;

    fn counts(parts: &[(Option<&str>, u64, &[u64])]) -> TemplateCounts {
        let mut counts = TemplateCounts::default();
        for &(source, fingerprint, keys) in parts {
            let source = counts.group(source);
            counts.add(&DocLines {
                source,
                fingerprint,
                keys: keys.to_vec(),
            });
        }
        counts
    }

    /// A line is a template from two documents of its source on.
    const OPTIONS: TemplateOptions = TemplateOptions {
        min_docs: 2,
        min_fraction: 0.0,
        max_words: 12,
    };

    fn learned(counts: &TemplateCounts, source: Option<&str>) -> Vec<u64> {
        let templates = counts.learn(&OPTIONS);
        let mut keys: Vec<u64> = templates
            .of_source(source)
            .into_iter()
            .flatten()
            .copied()
            .collect();
        keys.sort_unstable();
        keys
    }

    /// Documents of two sources and none; document 1 of "site" is in both parts (with and
    /// without its menu line 5), so it must count once, as its fuller copy.
    const DOCS: [(Option<&str>, u64, &[u64]); 8] = [
        (Some("site"), 1, &[5, 8]),
        (Some("site"), 2, &[5, 9]),
        (None, 7, &[3, 4]),
        (Some("other"), 3, &[6]),
        (Some("site"), 1, &[8]),
        (Some("site"), 4, &[9]),
        (None, 8, &[3]),
        (Some("other"), 5, &[6, 0]),
    ];

    #[test]
    fn merged_parts_count_as_one_corpus() {
        let whole = counts(&DOCS);
        let mut merged = counts(&DOCS[4..]);
        merged.merge(counts(&DOCS[..4]));
        assert_eq!(merged.documents(), whole.documents());
        for source in [Some("site"), Some("other"), None] {
            assert_eq!(learned(&merged, source), learned(&whole, source));
        }
        assert_eq!(learned(&whole, Some("site")), [5, 9]);
    }

    #[test]
    fn counts_and_templates_survive_bytes() {
        let whole = counts(&DOCS);
        let back = TemplateCounts::from_bytes(&whole.to_bytes()).unwrap();
        assert_eq!(back.documents(), whole.documents());
        let templates = whole.learn(&OPTIONS);
        let read = Templates::from_bytes(&templates.to_bytes()).unwrap();
        for source in [Some("site"), Some("other"), None, Some("unseen")] {
            assert_eq!(learned(&back, source), learned(&whole, source));
            assert_eq!(read.of_source(source), templates.of_source(source));
        }
        let bytes = whole.to_bytes();
        let mut damaged = bytes.clone();
        damaged[40] ^= 1;
        assert!(TemplateCounts::from_bytes(&damaged).is_err());
        assert!(Templates::from_bytes(&bytes).is_err());
    }
}
