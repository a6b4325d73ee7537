//! Every word list of tidings, each in a data file of its own (`lexicon/*.txt`), compiled in and
//! parsed once, on first use, into sets with fast lookups.
//!
//! File format: one entry per line, the word first; some lists add marks after it (`head`,
//! `legal`...), separated by spaces. `#` starts a comment that runs to the end of the line (no
//! word contains `#`); blank lines are skipped. Each file opens with a header saying what the
//! list is, where it is used and how it is looked up.
//!
//! Month and weekday names have one home, `months.txt` and `weekdays.txt`: each line a name and
//! its abbreviations, shortest first, with `~` marking a form that is also a common word. The
//! users read them as follows:
//!
//! | user | words | here |
//! | --- | --- | --- |
//! | cleaning: a line naming a month is data ("Pay March 31") | names and abbreviations, any case | [`month_forms`] |
//! | cleaning: date lines, the month pattern | the same, then an optional period | [`WordSet::regex_alternation`] of [`month_forms`] |
//! | cleaning: date lines, the weekday pattern | names and abbreviations, then an optional period | [`WordSet::regex_alternation`] of [`weekday_forms`] |
//! | cleaning: date lines, the weekday kept with a date | each weekday's first abbreviation ("mon") as a prefix | [`weekdays`] |
//! | tagging: tokens keeping their period ("Nov.", "Tue.") | abbreviations, capitalised | [`abbreviations`] |
//! | tagging: DATE rules, weekdays | names, and abbreviations with their period ("tue.") | [`date_weekdays`] |
//! | tagging: DATE rules, months | names, abbreviations with their period, abbreviations that are no common word without it | [`date_months`] |
//! | tagging: DATE rules, months that date only next to a day or year | common-word names ("march", "may") and bare abbreviations | [`ambiguous_months`] |
//! | tagging: words never taken for a name | names and abbreviations of months that are no common word, weekday names | [`calendar_words_never_names`] |
//!
//! The tests check that every file is well formed and what the derived lists hold.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// A set of words, in file order, with exact and ASCII-case-insensitive lookups.
#[derive(Debug, Default)]
pub struct WordSet {
    words: Vec<Box<str>>,
    exact: FxHashSet<Box<str>>,
    /// ASCII-lowercased word → position of its first spelling in `words`.
    folded: FxHashMap<Box<str>, usize>,
    /// The first bytes and lengths of the keys of `folded`: most words looked up ignoring
    /// case start otherwise, or are longer or shorter, and are answered without hashing them.
    folded_starts: FirstBytes,
    /// The first bytes and lengths of the words as listed, the same way for
    /// [`WordSet::contains`].
    exact_starts: FirstBytes,
    /// Bytes of the longest word: a longer one is in no case listed.
    longest: usize,
}

impl WordSet {
    /// The set of `words`; a repeated word keeps its first place.
    pub fn new<S: Into<Box<str>>>(words: impl IntoIterator<Item = S>) -> Self {
        let mut set = WordSet::default();
        for word in words {
            let word: Box<str> = word.into();
            if set.exact.contains(&word) {
                continue;
            }
            let folded = word.to_ascii_lowercase();
            set.folded_starts.add(&folded);
            set.exact_starts.add(&word);
            set.longest = set.longest.max(word.len());
            set.folded.entry(folded.into()).or_insert(set.words.len());
            set.exact.insert(word.clone());
            set.words.push(word);
        }
        set
    }

    /// Bytes of the longest word in the set.
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// Whether some word of the set starts with the byte `first`.
    pub fn has_word_starting_with(&self, first: u8) -> bool {
        self.exact_starts.any_starts(first)
    }

    /// Whether some word of the set starts with the byte `first` and is `len` bytes long:
    /// `false` only when none is.
    pub fn has_word_of(&self, first: u8, len: usize) -> bool {
        self.exact_starts.holds(first, len)
    }

    pub fn contains(&self, word: &str) -> bool {
        match word.as_bytes().first() {
            Some(&first) if !self.exact_starts.holds(first, word.len()) => false,
            _ => self.exact.contains(word),
        }
    }

    /// The listed spelling of `word` compared ignoring ASCII case (the first one listed when
    /// several differ only in case).
    pub fn find_ignore_ascii_case(&self, word: &str) -> Option<&str> {
        // ASCII lowercasing keeps the length and lowercases the first byte.
        if let Some(&first) = word.as_bytes().first() {
            if !self
                .folded_starts
                .holds(first.to_ascii_lowercase(), word.len())
            {
                return None;
            }
        }
        let mut buffer = [0u8; 32];
        let position = if word.len() <= buffer.len() {
            let lower = &mut buffer[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            // Lowercasing ASCII bytes keeps UTF-8 valid.
            std::str::from_utf8(lower)
                .ok()
                .and_then(|key| self.folded.get(key))
        } else {
            self.folded.get(word.to_ascii_lowercase().as_str())
        };
        position.map(|&i| &*self.words[i])
    }

    pub fn contains_ignore_ascii_case(&self, word: &str) -> bool {
        self.find_ignore_ascii_case(word).is_some()
    }

    /// The words in file order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.words.iter().map(|w| &**w)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// A regular-expression alternation of the words (escaped), longest first, so that a
    /// leftmost-first regex engine prefers the longest word as a greedy optional suffix would.
    pub fn regex_alternation(&self) -> String {
        let mut words: Vec<&str> = self.iter().collect();
        words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let escaped: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
        escaped.join("|")
    }
}

/// For each first byte, a bit for each length in bytes (the last bit for every length from
/// 63) of the words added: most words looked up start no listed word, or none as long, and
/// are answered by one load, without hashing them.
#[derive(Debug, Clone)]
pub struct FirstBytes([u64; 256]);

impl Default for FirstBytes {
    fn default() -> Self {
        FirstBytes([0; 256])
    }
}

impl FirstBytes {
    fn bit(len: usize) -> u64 {
        1 << len.min(63)
    }

    pub fn add(&mut self, word: &str) {
        if let Some(&first) = word.as_bytes().first() {
            self.0[first as usize] |= Self::bit(word.len());
        }
    }

    /// Whether some word added starts with `first` and is `len` bytes long (or both 63 or
    /// longer).
    pub fn holds(&self, first: u8, len: usize) -> bool {
        self.0[first as usize] & Self::bit(len) != 0
    }

    /// Whether some word added starts with `first`.
    pub fn any_starts(&self, first: u8) -> bool {
        self.0[first as usize] != 0
    }
}

/// The entries of a lexicon file: each line's fields, comments and blank lines dropped.
fn entries(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    file.lines().filter_map(|line| {
        let fields: Vec<&'static str> = line
            .split('#')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        (!fields.is_empty()).then_some(fields)
    })
}

/// The first field of every entry.
fn words_of(file: &'static str) -> impl Iterator<Item = &'static str> {
    entries(file).map(|fields| fields[0])
}

/// The first field of the entries that carry `mark`.
fn marked(file: &'static str, mark: &'static str) -> impl Iterator<Item = &'static str> {
    entries(file).filter_map(move |fields| fields[1..].contains(&mark).then_some(fields[0]))
}

/// A public accessor for a list parsed once: `$build` turns the file's text into the set.
macro_rules! lexicon_list {
    ($(#[$doc:meta])* $name:ident = $build:expr) => {
        $(#[$doc])*
        pub fn $name() -> &'static WordSet {
            static CELL: OnceLock<WordSet> = OnceLock::new();
            CELL.get_or_init(|| WordSet::new($build))
        }
    };
}

const STOPWORDS_FILE: &str = include_str!("lexicon/stopwords.txt");
const FUNCTION_WORDS_FILE: &str = include_str!("lexicon/function_words.txt");
const INTERFACE_WORDS_FILE: &str = include_str!("lexicon/interface_words.txt");
const READER_ADDRESS_WORDS_FILE: &str = include_str!("lexicon/reader_address_words.txt");
const COMMENT_VERBS_FILE: &str = include_str!("lexicon/comment_verbs.txt");
const AUTHOR_ROLES_FILE: &str = include_str!("lexicon/author_roles.txt");
const RELATED_LABELS_FILE: &str = include_str!("lexicon/related_labels.txt");
const SITE_WORDS_FILE: &str = include_str!("lexicon/site_words.txt");
const NEWS_AGENCIES_FILE: &str = include_str!("lexicon/news_agencies.txt");
const OUTLET_WORDS_FILE: &str = include_str!("lexicon/outlet_words.txt");
const MONTHS_FILE: &str = include_str!("lexicon/months.txt");
const WEEKDAYS_FILE: &str = include_str!("lexicon/weekdays.txt");
const ORDINAL_SUFFIXES_FILE: &str = include_str!("lexicon/ordinal_suffixes.txt");
const YEAR_CUES_FILE: &str = include_str!("lexicon/year_cues.txt");
const RELATIVE_DATE_HEADS_FILE: &str = include_str!("lexicon/relative_date_heads.txt");
const DATE_PERIODS_FILE: &str = include_str!("lexicon/date_periods.txt");
const RELATIVE_DAYS_FILE: &str = include_str!("lexicon/relative_days.txt");
const ABBREVIATIONS_FILE: &str = include_str!("lexicon/abbreviations.txt");
const CLITICS_FILE: &str = include_str!("lexicon/clitics.txt");
const TITLE_WORDS_FILE: &str = include_str!("lexicon/title_words.txt");
const TITLE_DOMAINS_FILE: &str = include_str!("lexicon/title_domains.txt");
const NATIONAL_BODIES_FILE: &str = include_str!("lexicon/national_bodies.txt");
const ORGANISATION_WORDS_FILE: &str = include_str!("lexicon/organisation_words.txt");
const ORGANISATION_CONNECTORS_FILE: &str = include_str!("lexicon/organisation_connectors.txt");
const PHRASE_OPENERS_FILE: &str = include_str!("lexicon/phrase_openers.txt");
const NAME_PARTICLES_FILE: &str = include_str!("lexicon/name_particles.txt");
const NAME_PREFIXES_FILE: &str = include_str!("lexicon/name_prefixes.txt");
const EVENT_WORDS_FILE: &str = include_str!("lexicon/event_words.txt");
const LEAGUE_TABLE_WORDS_FILE: &str = include_str!("lexicon/league_table_words.txt");
const SPORTS_CUES_FILE: &str = include_str!("lexicon/sports_cues.txt");
const PLACE_PREPOSITIONS_FILE: &str = include_str!("lexicon/place_prepositions.txt");
const COMMON_TERMS_FILE: &str = include_str!("lexicon/common_terms.txt");
const AGREEMENT_WORDS_FILE: &str = include_str!("lexicon/agreement_words.txt");

lexicon_list!(
    /// Function words whose share tells body text from chrome (`stopwords.txt`).
    stopwords = words_of(STOPWORDS_FILE)
);
lexicon_list!(
    /// Function words no sentence ends on: a line stopping on one leaves its sentence to the
    /// next line (marked `open` in `stopwords.txt`).
    open_words = marked(STOPWORDS_FILE, "open")
);
/// Function words of the languages other than English (`function_words.txt`): each word with
/// the set of languages it is a function word of, as bits numbered like [`Self::languages`].
#[derive(Debug, Default)]
pub struct FunctionWords {
    /// Language codes, sorted; language `k` is bit `1 << k` of a word's set.
    pub languages: Vec<&'static str>,
    pub words: Vec<(&'static str, u128)>,
}

/// The function words of the languages other than English.
pub fn function_words() -> &'static FunctionWords {
    static CELL: OnceLock<FunctionWords> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut languages: Vec<&'static str> = entries(FUNCTION_WORDS_FILE)
            .flat_map(|fields| fields[1..].to_vec())
            .collect();
        languages.sort_unstable();
        languages.dedup();
        assert!(languages.len() <= 128, "at most 128 languages fit a set");
        let bit = |code: &str| 1u128 << languages.binary_search(&code).unwrap_or(0);
        let words = entries(FUNCTION_WORDS_FILE)
            .map(|fields| {
                (
                    fields[0],
                    fields[1..].iter().map(|c| bit(c)).fold(0, |a, b| a | b),
                )
            })
            .collect();
        FunctionWords { languages, words }
    })
}

lexicon_list!(
    /// Words labelling page widgets (`interface_words.txt`).
    interface_words = words_of(INTERFACE_WORDS_FILE)
);
lexicon_list!(
    /// The cookies a site's notice asks the reader to accept (marked `cookie` in
    /// `interface_words.txt`).
    cookie_words = marked(INTERFACE_WORDS_FILE, "cookie")
);
lexicon_list!(
    /// What a site calls itself in its notices: site, website, sito... (`site_words.txt`).
    site_words = words_of(SITE_WORDS_FILE)
);
lexicon_list!(
    /// Plurals heading the readers' comments: comments, replies... (marked `thread` in
    /// `interface_words.txt`).
    thread_words = marked(INTERFACE_WORDS_FILE, "thread")
);
lexicon_list!(
    /// What an author's note says its author is: writer, reporter... (marked `role` in
    /// `author_roles.txt`).
    author_roles = marked(AUTHOR_ROLES_FILE, "role")
);
lexicon_list!(
    /// Labels of a link to another story: read_more, related, lesen_sie_auch... (`_` between
    /// the words of a label; `related_labels.txt`).
    related_labels = words_of(RELATED_LABELS_FILE)
);
lexicon_list!(
    /// Labels of the topics a story is filed under: tags, filed_under, schlagwörter... (marked
    /// `tags` in `related_labels.txt`).
    tag_labels = marked(RELATED_LABELS_FILE, "tags")
);
lexicon_list!(
    /// Words opening the heading of a box about the author: about, über, sobre... (marked
    /// `about` in `author_roles.txt`).
    author_box_heads = marked(AUTHOR_ROLES_FILE, "about")
);
lexicon_list!(
    /// Words naming whom a box about the author is about besides the roles: autor, me, us...
    /// (marked `self` in `author_roles.txt`).
    author_box_selves = marked(AUTHOR_ROLES_FILE, "self")
);
lexicon_list!(
    /// The verbs of `author_roles.txt` that join an author's name to the role (marked `joins`).
    author_role_verbs = marked(AUTHOR_ROLES_FILE, "joins")
);
lexicon_list!(
    /// Verbs heading a reader's comment: says, wrote... (`comment_verbs.txt`).
    comment_verbs = words_of(COMMENT_VERBS_FILE)
);
lexicon_list!(
    /// Words addressing the reader: you, our... (`reader_address_words.txt`).
    reader_address_words = words_of(READER_ADDRESS_WORDS_FILE)
);
lexicon_list!(
    /// Agencies credited by their bare name on a line (`news_agencies.txt`).
    news_agencies = words_of(NEWS_AGENCIES_FILE)
);
lexicon_list!(
    /// Words of an outlet's name in a dateline (`outlet_words.txt`).
    outlet_words = words_of(OUTLET_WORDS_FILE)
);
lexicon_list!(
    /// Suffixes of ordinal days: st, nd, rd, th (`ordinal_suffixes.txt`).
    ordinal_suffixes = words_of(ORDINAL_SUFFIXES_FILE)
);
lexicon_list!(
    /// Words after which a year is a date (`year_cues.txt`).
    year_cues = words_of(YEAR_CUES_FILE)
);
lexicon_list!(
    /// Heads of relative dates: last, next... (`relative_date_heads.txt`).
    relative_date_heads = words_of(RELATIVE_DATE_HEADS_FILE)
);
lexicon_list!(
    /// Periods of relative dates: week, month... (`date_periods.txt`).
    date_periods = words_of(DATE_PERIODS_FILE)
);
lexicon_list!(
    /// Today, yesterday, tomorrow (`relative_days.txt`).
    relative_days = words_of(RELATIVE_DAYS_FILE)
);
lexicon_list!(
    /// Tokens that keep a following period: `abbreviations.txt` plus the month and weekday
    /// abbreviations, capitalised ("Nov", "Tue").
    abbreviations = words_of(ABBREVIATIONS_FILE).map(String::from).chain(
        months()
            .iter()
            .chain(weekdays())
            .flat_map(|name| name.abbreviations.iter().map(|a| capitalised(a)))
    )
);
lexicon_list!(
    /// Clitic endings split off at an apostrophe (`clitics.txt`).
    clitics = words_of(CLITICS_FILE)
);
lexicon_list!(
    /// Every word of a person's title (`title_words.txt`).
    title_words = words_of(TITLE_WORDS_FILE)
);
lexicon_list!(
    /// The title words a title needs one of (marked `head` in `title_words.txt`).
    title_heads = marked(TITLE_WORDS_FILE, "head")
);
lexicon_list!(
    /// What a title after "of" is of: State, Finance, the Exchequer (`title_domains.txt`).
    title_domains = words_of(TITLE_DOMAINS_FILE)
);
lexicon_list!(
    /// Last words making a capitalised phrase an organisation (marked `head` in
    /// `organisation_words.txt`).
    organisation_heads = marked(ORGANISATION_WORDS_FILE, "head")
);
lexicon_list!(
    /// Legal forms ending a company's full name (marked `legal` in `organisation_words.txt`).
    legal_forms = marked(ORGANISATION_WORDS_FILE, "legal")
);
lexicon_list!(
    /// Legal words that also name a part of a group: International, Group, Holdings (marked
    /// `part` in `organisation_words.txt`).
    group_parts = marked(ORGANISATION_WORDS_FILE, "part")
);
lexicon_list!(
    /// Trades ending a company's name: Petroleum, Mines, Airlines (marked `industry` in
    /// `organisation_words.txt`).
    industry_words = marked(ORGANISATION_WORDS_FILE, "industry")
);
lexicon_list!(
    /// Common nouns written in capitals: DVD, GNP (`common_terms.txt`).
    common_terms = words_of(COMMON_TERMS_FILE)
);
lexicon_list!(
    /// Heads of names whose topic follows a connector: Agreement, Treaty (`agreement_words.txt`).
    agreement_words = words_of(AGREEMENT_WORDS_FILE)
);
lexicon_list!(
    /// Connectors before the topic of an agreement's name: on, of (marked `topic` in
    /// `organisation_connectors.txt`).
    topic_connectors = marked(ORGANISATION_CONNECTORS_FILE, "topic")
);
lexicon_list!(
    /// Words of a state's institutions, which a nationality before does not start
    /// (`national_bodies.txt`).
    national_bodies = words_of(NATIONAL_BODIES_FILE)
);
lexicon_list!(
    /// Connectors inside organisation names (`organisation_connectors.txt`).
    organisation_connectors = words_of(ORGANISATION_CONNECTORS_FILE)
);
lexicon_list!(
    /// Connectors that may follow an organisation head: of, for (marked `after-head`).
    connectors_after_head = marked(ORGANISATION_CONNECTORS_FILE, "after-head")
);
lexicon_list!(
    /// Connectors that may join two capitalised words before an organisation head: and, &
    /// (marked `before-head`).
    connectors_before_head = marked(ORGANISATION_CONNECTORS_FILE, "before-head")
);
lexicon_list!(
    /// Capitalised function words that open no name (`phrase_openers.txt`).
    phrase_openers = words_of(PHRASE_OPENERS_FILE)
);
lexicon_list!(
    /// Phrase openers that open a sentence but never a name: Besides, Meanwhile (marked
    /// `sentence` in `phrase_openers.txt`).
    sentence_openers = marked(PHRASE_OPENERS_FILE, "sentence")
);
lexicon_list!(
    /// Lowercase particles that may start a name (`name_particles.txt`).
    name_particles = words_of(NAME_PARTICLES_FILE)
);
lexicon_list!(
    /// Article prefixes dropped when comparing names: al-, el-... (`name_prefixes.txt`).
    name_prefixes = words_of(NAME_PREFIXES_FILE)
);
lexicon_list!(
    /// Words making the name before them an event (`event_words.txt`).
    event_words = words_of(EVENT_WORDS_FILE)
);
lexicon_list!(
    /// Event words that also start other names, so an organisation ending in one is no event:
    /// Grand, Open (marked `opens-names`).
    event_words_opening_names = marked(EVENT_WORDS_FILE, "opens-names")
);
lexicon_list!(
    /// Words of league table headings (`league_table_words.txt`).
    league_table_words = words_of(LEAGUE_TABLE_WORDS_FILE)
);
lexicon_list!(
    /// The league table words one of which a heading needs (marked `heading`).
    league_table_headings = marked(LEAGUE_TABLE_WORDS_FILE, "heading")
);
lexicon_list!(
    /// Words of sports reporting (`sports_cues.txt`).
    sports_cues = words_of(SPORTS_CUES_FILE)
);
lexicon_list!(
    /// Prepositions before a place named like a club (`place_prepositions.txt`).
    place_prepositions = words_of(PLACE_PREPOSITIONS_FILE)
);

/// A month or weekday: its name and abbreviations, lowercase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarName {
    pub name: &'static str,
    /// Shortest first.
    pub abbreviations: Vec<&'static str>,
    /// The forms (name or abbreviations) that are also common English words.
    pub common_words: Vec<&'static str>,
}

impl CalendarName {
    /// The name, then its abbreviations.
    pub fn forms(&self) -> impl Iterator<Item = &'static str> + '_ {
        std::iter::once(self.name).chain(self.abbreviations.iter().copied())
    }

    pub fn is_common_word(&self, form: &str) -> bool {
        self.common_words.contains(&form)
    }

    fn parse(file: &'static str) -> Vec<CalendarName> {
        entries(file)
            .map(|fields| {
                let form = |f: &'static str| f.trim_start_matches('~');
                CalendarName {
                    name: form(fields[0]),
                    abbreviations: fields[1..].iter().map(|f| form(f)).collect(),
                    common_words: fields
                        .iter()
                        .filter(|f| f.starts_with('~'))
                        .map(|f| form(f))
                        .collect(),
                }
            })
            .collect()
    }
}

/// The twelve months, January first (`months.txt`).
pub fn months() -> &'static [CalendarName] {
    static CELL: OnceLock<Vec<CalendarName>> = OnceLock::new();
    CELL.get_or_init(|| CalendarName::parse(MONTHS_FILE))
}

/// The seven weekdays, Monday first (`weekdays.txt`).
pub fn weekdays() -> &'static [CalendarName] {
    static CELL: OnceLock<Vec<CalendarName>> = OnceLock::new();
    CELL.get_or_init(|| CalendarName::parse(WEEKDAYS_FILE))
}

/// `word` with its first letter in upper case.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

lexicon_list!(
    /// Every month name and abbreviation, lowercase.
    month_forms = months().iter().flat_map(CalendarName::forms)
);
lexicon_list!(
    /// Every weekday name and abbreviation, lowercase.
    weekday_forms = weekdays().iter().flat_map(CalendarName::forms)
);
lexicon_list!(
    /// Weekday names and abbreviations with their period ("monday", "mon."), lowercase: the
    /// tokens that are weekdays.
    date_weekdays = weekdays().iter().flat_map(|day| {
        std::iter::once(day.name.to_string()).chain(day.abbreviations.iter().map(|a| format!("{a}.")))
    })
);
lexicon_list!(
    /// Month names, abbreviations with their period, and abbreviations that are no common word
    /// without it ("jan"), lowercase: the tokens that are months.
    date_months = months().iter().flat_map(|month| {
        std::iter::once(month.name.to_string())
            .chain(month.abbreviations.iter().map(|a| format!("{a}.")))
            .chain(
                month
                    .abbreviations
                    .iter()
                    .filter(|a| !month.is_common_word(a))
                    .map(|a| a.to_string()),
            )
    })
);
lexicon_list!(
    /// The months of [`date_months`] that date only next to a day or a year: names that are
    /// common words ("march", "may") and abbreviations without their period ("jan").
    ambiguous_months = {
        let common_names = months()
            .iter()
            .filter(|month| month.is_common_word(month.name))
            .map(|month| month.name);
        let bare_abbreviations = months().iter().flat_map(|month| {
            month
                .abbreviations
                .iter()
                .copied()
                .filter(|a| !month.is_common_word(a))
        });
        common_names.chain(bare_abbreviations)
    }
);
lexicon_list!(
    /// Month names and abbreviations that are no common word, and weekday names, lowercase:
    /// never names ("May", "March" and the weekday abbreviations such as "Sun" can be).
    calendar_words_never_names = months()
        .iter()
        .flat_map(|month| month.forms().filter(|form| !month.is_common_word(form)))
        .chain(weekdays().iter().map(|day| day.name))
);

#[cfg(test)]
mod tests;

// The lists of quote extraction live in a module of their own.
pub mod quote_words;
