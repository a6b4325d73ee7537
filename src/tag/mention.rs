//! What tagging produces: mentions, their labels and where they came from.

use super::options::LABELS;

/// Entity labels. GPE folds into LOC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Person,
    Org,
    Loc,
    Norp,
    Date,
}

impl Label {
    pub const ALL: [Label; 5] = [
        Label::Person,
        Label::Org,
        Label::Loc,
        Label::Norp,
        Label::Date,
    ];

    /// The label's name, as [`LABELS`] lists it (in [`Label::ALL`] order).
    pub fn as_str(self) -> &'static str {
        LABELS.names[self.index()]
    }

    /// Accepts the label names and their aliases in [`LABELS`] (PER, GPE, LOCATION,
    /// ORGANIZATION...), ignoring case and surrounding spaces.
    pub fn parse(name: &str) -> Option<Label> {
        let name = LABELS.resolve(name)?;
        Label::ALL.into_iter().find(|label| label.as_str() == name)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// The model's entity types, in label-id order.
pub const MODEL_TYPES: [Label; 4] = [Label::Person, Label::Org, Label::Loc, Label::Norp];

/// Where a mention came from, as reported to the caller (the candidate sources behind each
/// are ranked in the priority table, `priority::PRIORITY`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Model,
    Gazetteer,
    User,
    /// The rules: dates, athletes, sports teams, organisation phrases, initials, acronyms.
    Rule,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Model => "model",
            Source::Gazetteer => "gazetteer",
            Source::User => "user",
            Source::Rule => "rule",
        }
    }
}

/// How a mention's entity (its canonical name) was found, reported with each mention so that an
/// analyst can see the evidence of every join.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Link {
    /// The mention's own words.
    Surface,
    /// The gazetteer's canonical name (an alias such as "Daesh" → "Islamic State").
    Gazetteer,
    /// The caller's dictionary.
    User,
    /// A longer name of the same document: a surname or partial name of a person named in
    /// full there.
    Document,
    /// An acronym defined by its expansion ("Securities and Exchange Commission (SEC)"), in
    /// the document or elsewhere in the corpus.
    Acronym,
    /// A company's name without its legal form or industry word ("Dome" for "Dome Petroleum
    /// Ltd"), or with another form of it ("Dome Petroleum Ltd." across the corpus).
    ShortName,
    /// A spelling variant of a name found elsewhere in the corpus ("Rowhani" / "Rouhani").
    Spelling,
    /// A surname whose full name is named elsewhere in the corpus, in documents that share
    /// other entities with this one, or the one person the corpus uses it for.
    Surname,
    /// A surname of the one person the documents published near this one read it as.
    NearbyDates,
    /// A surname of the one person the documents of this one's outlet read it as.
    SameOutlet,
}

impl Link {
    pub const ALL: [Link; 10] = [
        Link::Surface,
        Link::Gazetteer,
        Link::User,
        Link::Document,
        Link::Acronym,
        Link::ShortName,
        Link::Spelling,
        Link::Surname,
        Link::NearbyDates,
        Link::SameOutlet,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Link::Surface => "surface",
            Link::Gazetteer => "gazetteer",
            Link::User => "user",
            Link::Document => "document",
            Link::Acronym => "acronym",
            Link::ShortName => "short name",
            Link::Spelling => "spelling",
            Link::Surname => "surname",
            Link::NearbyDates => "nearby dates",
            Link::SameOutlet => "same outlet",
        }
    }

    /// The link [`Link::as_str`] names.
    pub fn parse(name: &str) -> Option<Link> {
        Link::ALL.into_iter().find(|link| link.as_str() == name)
    }

    /// The link's position in [`Link::ALL`] (how saved files write it).
    pub(crate) fn index(self) -> usize {
        Link::ALL.iter().position(|&l| l == self).unwrap_or(0)
    }
}

/// One mention, with byte offsets into its document.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub source: Source,
    pub score: f32,
    /// The canonical name.
    pub entity: String,
    /// Canonical name from a gazetteer or user table: linking leaves it alone.
    pub fixed_entity: bool,
    /// How `entity` was found.
    pub link: Link,
    /// The country (or region) of a nationality ("France" for "French"), from the gazetteer.
    pub country: Option<String>,
    /// The acronym this mention writes, when an expansion defined in the text names it ("SEC"
    /// after "Securities and Exchange Commission (SEC)").
    pub acronym: Option<String>,
    /// Byte span of the person's title ("Deputy Foreign Minister"), when one precedes the name.
    pub title: Option<(usize, usize)>,
    /// 0-based index, within its document, of the sentence (as `tokenize` splits them)
    /// holding the mention.
    pub sentence: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse() {
        assert_eq!(Label::parse("gpe"), Some(Label::Loc));
        assert_eq!(Label::parse(" place "), Some(Label::Loc));
        assert_eq!(Label::parse("PER"), Some(Label::Person));
        assert_eq!(Label::parse("nonsense"), None);
        assert_eq!(LABELS.names.len(), Label::ALL.len());
        let names: Vec<&str> = Label::ALL.iter().map(|l| l.as_str()).collect();
        assert_eq!(names, ["PERSON", "ORG", "LOC", "NORP", "DATE"]);
        for l in Label::ALL {
            assert_eq!(Label::parse(l.as_str()), Some(l));
        }
        for &(alias, name) in LABELS.aliases {
            assert_eq!(
                Label::parse(alias).map(Label::as_str),
                Some(name),
                "{alias}"
            );
        }
    }
}
