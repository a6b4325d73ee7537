//! When and where each document was published, and how many documents read a name near a day
//! or in an outlet: what the corpus join weighs to tell apart people of one surname
//! ("George Bush" in 1990, "Jeb Bush" in 2015) by the documents around a lone "Bush".

use std::collections::HashMap;
use std::iter::Sum;
use std::ops::Add;

use super::date_values::Day;

/// Documents published this many days before or after a document are near it in time.
pub const NEARBY_DAYS: i64 = 30;

/// A document's publication day and outlet (its site, newspaper or agency), each when known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Publication {
    pub day: Option<Day>,
    pub outlet: Option<String>,
}

/// The corpus's documents as day numbers and outlet ids (outlets compared without case or
/// surrounding spaces), added one document at a time. Documents beyond those added are of
/// unknown place.
#[derive(Default)]
pub(super) struct Places {
    days: Vec<Option<i64>>,
    outlets: Vec<Option<u32>>,
    ids: HashMap<String, u32>,
    /// Each outlet id's name (trimmed, lowercase).
    names: Vec<String>,
}

impl Places {
    #[cfg(test)]
    pub(super) fn new(publications: &[Publication]) -> Self {
        let mut places = Places::default();
        for publication in publications {
            places.push(publication);
        }
        places
    }

    /// Adds the next document's place.
    pub(super) fn push(&mut self, publication: &Publication) {
        let outlet = publication
            .outlet
            .as_deref()
            .map(|name| name.trim().to_lowercase())
            .filter(|name| !name.is_empty())
            .map(|name| match self.ids.get(&name) {
                Some(&id) => id,
                None => {
                    self.names.push(name.clone());
                    self.ids.insert(name, self.names.len() as u32 - 1);
                    self.names.len() as u32 - 1
                }
            });
        self.outlets.push(outlet);
        self.days.push(publication.day.map(Day::number));
    }

    /// Document `doc`'s publication as added (its outlet trimmed and lowercase).
    pub(super) fn publication(&self, doc: usize) -> Publication {
        Publication {
            day: self.day(doc).map(Day::from_number),
            outlet: self.outlet(doc).map(|id| self.names[id as usize].clone()),
        }
    }

    /// Whether any document has a known day or outlet.
    pub(super) fn any(&self) -> bool {
        self.days.iter().any(Option::is_some) || self.outlets.iter().any(Option::is_some)
    }

    pub(super) fn day(&self, doc: usize) -> Option<i64> {
        self.days.get(doc).copied().flatten()
    }

    pub(super) fn outlet(&self, doc: usize) -> Option<u32> {
        self.outlets.get(doc).copied().flatten()
    }
}

/// Documents of one scope (near a day, of an outlet) that read a name: those known to be in
/// it, and those that may be, of unknown day or outlet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Reach {
    pub(super) known: u64,
    pub(super) unknown: u64,
}

impl Reach {
    pub(super) fn possible(self) -> u64 {
        self.known + self.unknown
    }
}

impl Add for Reach {
    type Output = Reach;
    fn add(self, other: Reach) -> Reach {
        Reach {
            known: self.known + other.known,
            unknown: self.unknown + other.unknown,
        }
    }
}

impl Sum for Reach {
    fn sum<I: Iterator<Item = Reach>>(iter: I) -> Reach {
        iter.fold(Reach::default(), Add::add)
    }
}

/// The documents that read one name: how many, their days and their outlets (each sorted once
/// [`Spread::seal`]ed, 4 or 8 bytes a document: a map of outlets per name took far more for
/// the many names read in a few documents). Counting those near a day or of an outlet is a
/// binary search, so a document's neighbours are never listed one by one. A document of unknown day may be near any day, and
/// one of unknown outlet of any outlet: they are counted apart ([`Reach::unknown`]).
#[derive(Default)]
pub(super) struct Spread {
    documents: u64,
    days: Vec<i64>,
    undated: u64,
    outlets: Vec<u32>,
    no_outlet: u64,
}

impl Spread {
    pub(super) fn add(&mut self, places: &Places, doc: usize) {
        self.documents += 1;
        match places.day(doc) {
            Some(day) => self.days.push(day),
            None => self.undated += 1,
        }
        match places.outlet(doc) {
            Some(outlet) => self.outlets.push(outlet),
            None => self.no_outlet += 1,
        }
    }

    /// Sorts the days and outlets; call once every document was added.
    pub(super) fn seal(&mut self) {
        self.days.sort_unstable();
        self.days.shrink_to_fit();
        self.outlets.sort_unstable();
        self.outlets.shrink_to_fit();
    }

    pub(super) fn documents(&self) -> u64 {
        self.documents
    }

    /// Documents published within [`NEARBY_DAYS`] of `day`, and on an unknown day.
    pub(super) fn near(&self, day: i64) -> Reach {
        let from = self.days.partition_point(|&d| d < day - NEARBY_DAYS);
        let to = self.days.partition_point(|&d| d <= day + NEARBY_DAYS);
        Reach {
            known: (to - from) as u64,
            unknown: self.undated,
        }
    }

    /// Documents of `outlet`, and of an unknown one.
    pub(super) fn in_outlet(&self, outlet: u32) -> Reach {
        let from = self.outlets.partition_point(|&o| o < outlet);
        let to = self.outlets.partition_point(|&o| o <= outlet);
        Reach {
            known: (to - from) as u64,
            unknown: self.no_outlet,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(day: &str, outlet: Option<&str>) -> Publication {
        Publication {
            day: Day::parse_iso(day),
            outlet: outlet.map(str::to_string),
        }
    }

    #[test]
    fn spread_counts_near_days_and_outlets() {
        let places = Places::new(&[
            published("1990-03-01", Some("Miami Herald")),
            published("1990-03-31", Some(" miami herald ")),
            published("1990-04-01", None),
            published("2015-06-01", Some("Reuters")),
        ]);
        let mut spread = Spread::default();
        for doc in 0..5 {
            spread.add(&places, doc);
        }
        spread.seal();
        assert_eq!(spread.documents(), 5);
        // Document 4 is beyond the publications given: of unknown day and outlet.
        let march = Day::parse_iso("1990-03-01").unwrap().number();
        let reach = |known, unknown| Reach { known, unknown };
        assert_eq!(spread.near(march), reach(2, 1));
        assert_eq!(spread.near(march + 1), reach(3, 1));
        assert_eq!(spread.in_outlet(places.outlet(1).unwrap()), reach(2, 2));
        assert_eq!(spread.near(march).possible(), 3);
        assert_eq!(places.outlet(0), places.outlet(1));
        assert_eq!((places.day(4), places.outlet(4)), (None, None));
        assert!(places.any());
        assert!(!Places::new(&[Publication::default()]).any());
    }
}
