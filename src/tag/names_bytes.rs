//! The names a corpus join keeps ([`CorpusNames`]) saved to bytes and added back in another
//! process: a corpus tagged in parts, on the workers of a cluster, sends each part's names to
//! the one process that joins them in a few bytes per distinct name of a document. What is
//! saved is what [`CorpusNames::mentions`] gives (each distinct name of a document once, with
//! its repeats), so a join of the names read back is the join of the names saved.

use std::collections::HashMap;
use std::hash::Hash;

use super::corpus_join::CorpusNames;
use super::date_values::Day;
use super::mention::{Label, Link, Mention, Source};
use super::publication::Publication;
use crate::error::Result;
use crate::persist::{Format, Reader, Writer};

const FORMAT: Format = Format {
    magic: b"TIDINGS-NAMES\x01",
    version: 1,
    name: "entity names",
};

/// Mentions of one document read back at most (a name's repeats sit on the first document
/// naming it, so this bounds a part's mentions of one name): far beyond any part a task
/// holds, and a damaged file cannot ask for a huge allocation.
const MAX_DOCUMENT_MENTIONS: u64 = 1 << 24;

/// No outlet.
const NO_OUTLET: u32 = u32::MAX;
/// No day (no day number is this far from 1970).
const NO_DAY: u64 = i64::MIN as u64;

/// A name as the join reads it.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Name {
    label: Label,
    entity: String,
    fixed: bool,
    link: Link,
    acronym: Option<String>,
}

impl Name {
    fn of(m: Mention) -> Self {
        Name {
            label: m.label,
            entity: m.entity,
            fixed: m.fixed_entity,
            link: m.link,
            acronym: m.acronym,
        }
    }

    fn mention(&self) -> Mention {
        Mention {
            start: 0,
            end: 0,
            label: self.label,
            source: Source::Model,
            score: 0.0,
            entity: self.entity.clone(),
            fixed_entity: self.fixed,
            link: self.link,
            country: None,
            acronym: self.acronym.clone(),
            title: None,
            sentence: 0,
        }
    }
}

/// Distinct values numbered in order of first appearance.
struct Numbered<T> {
    ids: HashMap<T, u32>,
    values: Vec<T>,
}

impl<T: Clone + Eq + Hash> Numbered<T> {
    fn new() -> Self {
        Numbered {
            ids: HashMap::new(),
            values: Vec::new(),
        }
    }

    fn id(&mut self, value: T) -> u32 {
        if let Some(&id) = self.ids.get(&value) {
            return id;
        }
        let id = self.values.len() as u32;
        self.values.push(value.clone());
        self.ids.insert(value, id);
        id
    }
}

/// `names` as bytes: the distinct names and outlets, then each document's day and outlet, and
/// its mentions as runs of (name, repeats).
pub fn to_bytes(names: &CorpusNames) -> Vec<u8> {
    let (mut table, mut outlets) = (Numbered::new(), Numbered::new());
    let (mut days, mut places, mut run_counts, mut runs) = (vec![], vec![], vec![], vec![]);
    for (mentions, publication) in names.mentions() {
        days.push(publication.day.map_or(NO_DAY, |d| d.number() as u64));
        places.push(publication.outlet.map_or(NO_OUTLET, |o| outlets.id(o)));
        let start = runs.len();
        for m in mentions {
            let id = table.id(Name::of(m));
            match runs[start..].last_mut() {
                Some((last, count)) if *last == id => *count += 1,
                _ => runs.push((id, 1u32)),
            }
        }
        run_counts.push((runs.len() - start) as u32);
    }
    let mut out = Writer::new(&FORMAT, 8 * runs.len() + 16 * days.len());
    out.put(table.values.len() as u64);
    for name in &table.values {
        let flags = u16::from(name.fixed) | u16::from(name.acronym.is_some()) << 1;
        out.put_all(&[name.label.index() as u16, name.link.index() as u16, flags]);
        out.put_str(&name.entity);
        if let Some(acronym) = &name.acronym {
            out.put_str(acronym);
        }
    }
    out.put(outlets.values.len() as u64);
    outlets.values.iter().for_each(|o: &String| out.put_str(o));
    out.put(days.len() as u64);
    out.put_all(&days);
    out.put_all(&places);
    out.put_all(&run_counts);
    runs.iter()
        .for_each(|&(id, count)| out.put_all(&[id, count]));
    out.finish()
}

/// The documents of names saved by [`to_bytes`], added to `names`. The bytes are checked
/// first: damaged ones add nothing.
pub fn add_bytes(names: &mut CorpusNames, bytes: &[u8]) -> Result<()> {
    let mut input = Reader::open(bytes, &FORMAT)?;
    let table = read_names(&mut input)?;
    let outlets = (0..input.get_len()?.min(input.remaining()))
        .map(|_| input.get_str(input.remaining()))
        .collect::<Result<Vec<_>>>()?;
    let documents = input.get_len()?;
    let days = input.get_all::<u64>(documents)?;
    let places = input.get_all::<u32>(documents)?;
    let run_counts = input.get_all::<u32>(documents)?;
    let total: usize = run_counts.iter().map(|&n| n as usize).sum();
    let runs = input.get_all::<u32>(total.saturating_mul(2))?;
    if places
        .iter()
        .any(|&p| p != NO_OUTLET && p as usize >= outlets.len())
    {
        return Err(input.invalid("an outlet outside the table"));
    }
    if runs
        .chunks_exact(2)
        .any(|run| run[0] as usize >= table.len())
    {
        return Err(input.invalid("a mention names a name outside the table"));
    }
    let mut at = 0;
    for &count in &run_counts {
        let here = &runs[at..at + 2 * count as usize];
        at += here.len();
        if here
            .chunks_exact(2)
            .map(|run| u64::from(run[1]))
            .sum::<u64>()
            > MAX_DOCUMENT_MENTIONS
        {
            return Err(input.invalid("a document has more mentions than a part can hold"));
        }
    }
    input.finish()?;
    let mut at = 0;
    for ((&day, &place), &count) in days.iter().zip(&places).zip(&run_counts) {
        let here = &runs[at..at + 2 * count as usize];
        at += here.len();
        let mentions: Vec<Mention> = here
            .chunks_exact(2)
            .flat_map(|run| std::iter::repeat_n(&table[run[0] as usize], run[1] as usize))
            .map(Name::mention)
            .collect();
        let publication = Publication {
            day: (day != NO_DAY).then(|| Day::from_number(day as i64)),
            outlet: (place != NO_OUTLET).then(|| outlets[place as usize].to_string()),
        };
        names.add(&mentions, &publication);
    }
    Ok(())
}

/// The table of distinct names.
fn read_names(input: &mut Reader<'_>) -> Result<Vec<Name>> {
    let mut table = Vec::new();
    for _ in 0..input.get_len()?.min(input.remaining()) {
        let [label, link, flags] =
            <[u16; 3]>::try_from(input.get_all::<u16>(3)?).unwrap_or([u16::MAX; 3]);
        let label = Label::ALL.get(label as usize).copied();
        let link = Link::ALL.get(link as usize).copied();
        let (Some(label), Some(link)) = (label, link) else {
            return Err(input.invalid("an unknown label or link"));
        };
        let entity = input.get_str(input.remaining())?.to_string();
        let acronym = match flags & 2 {
            0 => None,
            _ => Some(input.get_str(input.remaining())?.to_string()),
        };
        table.push(Name {
            label,
            entity,
            fixed: flags & 1 == 1,
            link,
            acronym,
        });
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::corpus_join::tests::mention;
    use crate::tag::renames::NameRenames;

    /// Documents naming one person in two spellings and by surname, an acronym defined in the
    /// text, a name the gazetteer fixed, repeats, days and outlets (and documents without).
    fn corpus() -> CorpusNames {
        let person = |name| mention(Label::Person, name);
        let mut sec = mention(Label::Org, "Securities and Exchange Commission");
        (sec.link, sec.acronym) = (Link::Acronym, Some("SEC".to_string()));
        let mut fixed = mention(Label::Loc, "Iran");
        (fixed.link, fixed.fixed_entity) = (Link::Gazetteer, true);
        let docs = [
            vec![
                person("Hassan Rouhani"),
                person("Hassan Rouhani"),
                fixed.clone(),
                sec.clone(),
            ],
            vec![
                person("Hassan Rowhani"),
                fixed.clone(),
                mention(Label::Org, "SEC"),
            ],
            vec![person("Rouhani"), mention(Label::Date, "Monday"), sec],
            vec![],
            vec![person("Hassan Rouhani"), fixed],
        ];
        let published = |day: &str, outlet: Option<&str>| Publication {
            day: Day::parse_iso(day),
            outlet: outlet.map(str::to_string),
        };
        let places = [
            published("1987-03-02", Some("Reuters")),
            published("1969-12-31", Some(" BBC ")),
            published("", Some("Reuters")),
            published("2001-01-01", None),
            Publication::default(),
        ];
        let mut names = CorpusNames::default();
        for (doc, place) in docs.iter().zip(&places) {
            names.add(doc, place);
        }
        names
    }

    fn joined(names: &CorpusNames) -> NameRenames {
        NameRenames::new(names, &names.join())
    }

    #[test]
    fn names_read_back_join_as_the_names_saved() {
        let names = corpus();
        let mut back = CorpusNames::default();
        add_bytes(&mut back, &to_bytes(&names)).unwrap();
        assert_eq!(back.documents(), 5);
        let listed = |n: &CorpusNames| n.mentions().collect::<Vec<_>>();
        assert_eq!(listed(&back), listed(&names));
        assert!(!joined(&names).is_empty());
        assert_eq!(joined(&back), joined(&names));
    }

    #[test]
    fn parts_read_back_one_after_another_join_as_one_corpus() {
        let names = corpus();
        let mut parts = [CorpusNames::default(), CorpusNames::default()];
        for (d, (doc, place)) in names.mentions().enumerate() {
            parts[usize::from(d >= 2)].add(&doc, &place);
        }
        let mut back = CorpusNames::default();
        for part in &parts {
            add_bytes(&mut back, &to_bytes(part)).unwrap();
        }
        assert_eq!(joined(&back), joined(&names));
    }

    #[test]
    fn damaged_bytes_add_nothing() {
        let bytes = to_bytes(&corpus());
        let mut back = CorpusNames::default();
        let mut damaged = bytes.clone();
        damaged[30] ^= 1;
        assert!(add_bytes(&mut back, &damaged).is_err());
        assert!(add_bytes(&mut back, &bytes[..bytes.len() - 3]).is_err());
        assert_eq!(back.documents(), 0);
    }
}
