//! When and where each document was published, and how many documents read a name near a day
//! or in an outlet: what the corpus join weighs to tell apart people of one surname
//! ("George Bush" in 1990, "Jeb Bush" in 2015) by the documents around a lone "Bush".

use std::collections::HashMap;

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
/// surrounding spaces). Documents beyond the publications given are of unknown place.
pub(super) struct Places {
    days: Vec<Option<i64>>,
    outlets: Vec<Option<u32>>,
}

impl Places {
    pub(super) fn new(publications: &[Publication]) -> Self {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut outlets = Vec::with_capacity(publications.len());
        for publication in publications {
            let outlet = publication
                .outlet
                .as_deref()
                .map(|name| name.trim().to_lowercase())
                .filter(|name| !name.is_empty())
                .map(|name| {
                    let next = ids.len() as u32;
                    *ids.entry(name).or_insert(next)
                });
            outlets.push(outlet);
        }
        let days = publications
            .iter()
            .map(|p| p.day.map(Day::number))
            .collect();
        Places { days, outlets }
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

/// The documents that read one name: how many, their days (sorted once [`Spread::seal`]ed)
/// and how many in each outlet. Counting those near a day is a binary search, so a document's
/// neighbours are never listed one by one.
#[derive(Default)]
pub(super) struct Spread {
    documents: u64,
    days: Vec<i64>,
    outlets: HashMap<u32, u64>,
}

impl Spread {
    pub(super) fn add(&mut self, places: &Places, doc: usize) {
        self.documents += 1;
        if let Some(day) = places.day(doc) {
            self.days.push(day);
        }
        if let Some(outlet) = places.outlet(doc) {
            *self.outlets.entry(outlet).or_default() += 1;
        }
    }

    /// Sorts the days; call once every document was added.
    pub(super) fn seal(&mut self) {
        self.days.sort_unstable();
    }

    pub(super) fn documents(&self) -> u64 {
        self.documents
    }

    /// Documents published within [`NEARBY_DAYS`] of `day`.
    pub(super) fn near(&self, day: i64) -> u64 {
        let from = self.days.partition_point(|&d| d < day - NEARBY_DAYS);
        let to = self.days.partition_point(|&d| d <= day + NEARBY_DAYS);
        (to - from) as u64
    }

    /// Documents of `outlet`.
    pub(super) fn in_outlet(&self, outlet: u32) -> u64 {
        self.outlets.get(&outlet).copied().unwrap_or(0)
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
        let march = Day::parse_iso("1990-03-01").unwrap().number();
        assert_eq!(spread.near(march), 2);
        assert_eq!(spread.near(march + 1), 3);
        assert_eq!(spread.in_outlet(places.outlet(1).unwrap()), 2);
        assert_eq!(places.outlet(0), places.outlet(1));
        assert_eq!((places.day(4), places.outlet(4)), (None, None));
        assert!(places.any());
        assert!(!Places::new(&[Publication::default()]).any());
    }
}
