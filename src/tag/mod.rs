//! Entity tagging: people, organisations, places, nationalities and dates, with canonical
//! entities. A document is tokenized (`tokenize`), each sentence is tagged by the averaged
//! perceptron (`perceptron`, features in `features`), gazetteer and user-dictionary matches
//! (`gazetteer`) and rule-based dates (`dates`) are merged in by priority (user > model >
//! gazetteer > dates), person titles are split off, and names are made canonical
//! (`canonical`).

pub mod canonical;
pub mod dates;
pub mod features;
pub mod gazetteer;
pub mod options;
pub mod perceptron;
pub mod tokenize;
pub mod train;

use crate::parallel::Progress;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;

use crate::error::{Error, Result};
use features::{sentence_features, word_info, WordInfo};
use gazetteer::Gazetteer;
use perceptron::{split_label, Model, Part};
use tokenize::{sentences, tokenize, Token};

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

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
            Label::Date => "DATE",
        }
    }

    /// Accepts the label names and common synonyms (PER, GPE, LOCATION, ORGANIZATION...).
    pub fn parse(name: &str) -> Option<Label> {
        match name.trim().to_ascii_uppercase().as_str() {
            "PERSON" | "PER" | "PEOPLE" => Some(Label::Person),
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(Label::Org),
            "LOC" | "GPE" | "LOCATION" | "PLACE" | "GEO" => Some(Label::Loc),
            "NORP" | "NATIONALITY" => Some(Label::Norp),
            "DATE" | "TIME" | "TIM" => Some(Label::Date),
            _ => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Where a mention came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Model,
    Gazetteer,
    User,
    /// The rule-based date recogniser.
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
    /// Byte span of the person's title ("Deputy Foreign Minister"), when one precedes the name.
    pub title: Option<(usize, usize)>,
    /// 0-based index, within its document, of the sentence (as [`tokenize`] splits them)
    /// holding the mention.
    pub sentence: usize,
}

/// The model's entity types, in label-id order.
pub const MODEL_TYPES: [Label; 4] = [Label::Person, Label::Org, Label::Loc, Label::Norp];

/// The shipped model and gazetteer, loaded once and shared by all threads.
#[derive(Debug)]
pub struct Resources {
    pub model: Model,
    pub gazetteer: Gazetteer,
    /// Teams named like places or common words: organisations in sports reports only.
    pub clubs: Gazetteer,
    model_labels: Vec<Label>,
}

impl Resources {
    /// The model with the gazetteer it was trained with: another gazetteer would feed the
    /// model inputs it never learnt from, so it is refused.
    pub fn new(model: Model, gazetteer: Gazetteer) -> Result<Self> {
        if model.gazetteer != gazetteer.fingerprint() {
            return Err(Error::Model(format!(
                "the tagger model was trained with another gazetteer (fingerprint {:016x}, \
                 this gazetteer {:016x}): use the gazetteer shipped with the model, or train \
                 the model again with this one",
                model.gazetteer,
                gazetteer.fingerprint()
            )));
        }
        let model_labels = model
            .types
            .iter()
            .map(|t| {
                Label::parse(t).ok_or_else(|| {
                    Error::Model(format!("the model has an unknown entity type {t:?}"))
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Resources {
            model,
            gazetteer,
            clubs: Gazetteer::default(),
            model_labels,
        })
    }

    pub fn from_files(model: &Path, gazetteer: &Path) -> Result<Self> {
        let read = |p: &Path| {
            std::fs::read(p).map_err(|e| Error::Model(format!("cannot read {}: {e}", p.display())))
        };
        let model = Model::from_bytes(&read(model)?)?;
        let tsv = String::from_utf8(read(gazetteer)?)
            .map_err(|_| Error::Model("the gazetteer is not UTF-8".into()))?;
        let mut resources = Resources::new(model, Gazetteer::from_tsv(&tsv)?)?;
        resources.clubs = Gazetteer::clubs_from_tsv(&tsv)?;
        Ok(resources)
    }

    /// Loads (once per pair of paths) and caches.
    pub fn cached(model: &Path, gazetteer: &Path) -> Result<Arc<Resources>> {
        static CACHE: OnceLock<Mutex<ResourceCache>> = OnceLock::new();
        let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
        let key = (model.to_path_buf(), gazetteer.to_path_buf());
        if let Some(found) = cache.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
            return Ok(Arc::clone(found));
        }
        let loaded = Arc::new(Resources::from_files(model, gazetteer)?);
        cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(key, Arc::clone(&loaded));
        Ok(loaded)
    }
}

type ResourceCache = HashMap<(PathBuf, PathBuf), Arc<Resources>>;

/// Options of a tagging run.
#[derive(Debug, Clone)]
pub struct TagOptions<'a> {
    pub user: Option<&'a Gazetteer>,
    /// Labels to keep (all when `None`).
    pub labels: Option<Vec<Label>>,
    pub canonical: bool,
}

/// Gazetteer code of each token for the model's features: 0 none, else 1 + 4·label + part.
pub fn gazetteer_codes(
    gazetteer: &Gazetteer,
    words: &[&str],
    matches: &[gazetteer::Match],
    out: &mut Vec<u8>,
) {
    out.clear();
    out.resize(words.len(), 0);
    for m in matches {
        let base = 1 + 4 * gazetteer.entry(m.entry).label.index() as u8;
        if m.end - m.start == 1 {
            out[m.start] = base + 3;
        } else {
            out[m.start] = base;
            for code in &mut out[m.start + 1..m.end - 1] {
                *code = base + 1;
            }
            out[m.end - 1] = base + 2;
        }
    }
}

/// Title words that may precede a name; a title needs at least one of [`TITLE_HEADS`].
const TITLE_HEADS: &[&str] = &[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Secretary",
    "General",
    "Gen.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Sheikh",
    "Ayatollah",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Governor",
    "Gov.",
    "Mayor",
    "Chief",
    "Commander",
    "Colonel",
    "Col.",
    "Major",
    "Maj.",
    "Lieutenant",
    "Lt.",
    "Captain",
    "Capt.",
    "Sergeant",
    "Sgt.",
    "Admiral",
    "Adm.",
    "Ambassador",
    "Envoy",
    "Judge",
    "Justice",
    "Pope",
    "Cardinal",
    "Bishop",
    "Archbishop",
    "Rev.",
    "Reverend",
    "Imam",
    "Spokesman",
    "spokesman",
    "spokeswoman",
    "Spokeswoman",
    "spokesperson",
    "Director",
    "Chairman",
    "Chairwoman",
    "Speaker",
    "Premier",
    "Emir",
    "Sultan",
    "Leader",
    "Professor",
    "Prof.",
    "president",
    "minister",
    "secretary",
    "chairman",
    "director",
    "chief",
    "commander",
    "ambassador",
    "envoy",
    "Marshal",
    "Brigadier",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Coach",
    "coach",
    "Attorney",
    "Defense",
    "Defence",
];
const TITLE_MODIFIERS: &[&str] = &[
    "Deputy",
    "deputy",
    "Foreign",
    "foreign",
    "Interior",
    "Finance",
    "Defense",
    "Defence",
    "Justice",
    "Health",
    "Trade",
    "Economy",
    "Energy",
    "Oil",
    "State",
    "Army",
    "Staff",
    "Executive",
    "Supreme",
    "Crown",
    "Grand",
    "Ministry",
    "ministry",
    "Acting",
    "acting",
    "former",
    "Former",
    "Vice",
    "Prime",
    "General",
    "Attorney",
    "Chief",
    "Lieutenant",
    "Major",
    "Rear",
    "Secretary",
    "Minister",
    "President",
    "Foreign",
    "Assistant",
    "Under",
    "Senior",
    "senior",
    "Information",
    "Culture",
    "Education",
    "Labor",
    "Labour",
    "Agriculture",
    "Security",
    "National",
    "Guards",
    "Revolutionary",
    "Intelligence",
    "Police",
    "police",
    "army",
    "military",
    "Military",
    "Home",
];

fn has_alphanumeric(word: &str) -> bool {
    word.chars().any(char::is_alphanumeric)
}

fn is_title_word(word: &str) -> bool {
    TITLE_HEADS.contains(&word) || TITLE_MODIFIERS.contains(&word)
}

/// Tags one document (no cross-document linking).
pub fn tag_document(resources: &Resources, text: &str, options: &TagOptions<'_>) -> Vec<Mention> {
    let tokens = tokenize(text);
    let words: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut scratch = String::new();
    let mut infos: Vec<WordInfo> = Vec::new();
    let mut codes = Vec::new();
    let mut feats = Vec::new();
    let mut labels = Vec::new();
    let mut confidence = Vec::new();
    let sports = !resources.clubs.is_empty() && is_sports_report(&words);
    for (from, to) in sentences(&tokens) {
        let sent = &words[from..to];
        let toks = &tokens[from..to];
        let gaz_matches = resources.gazetteer.find(sent);
        gazetteer_codes(&resources.gazetteer, sent, &gaz_matches, &mut codes);
        infos.clear();
        infos.extend(sent.iter().map(|w| word_info(w, &mut scratch)));
        sentence_features(&infos, &codes, resources.model.bits, &mut feats);
        resources.model.decode(&feats, &mut labels, &mut confidence);
        let mut candidates: Vec<(usize, usize, Mention)> = Vec::new();
        // User dictionary first: it outranks everything.
        if let Some(user) = options.user {
            for m in user.find(sent) {
                let entry = user.entry(m.entry);
                candidates.push((
                    m.start,
                    m.end,
                    mention(
                        toks,
                        m.start,
                        m.end,
                        entry.label,
                        Source::User,
                        1.0,
                        &entry.canonical,
                        true,
                    ),
                ));
            }
        }
        // In a sports report a team named like its town or county is an organisation, except
        // where the town is a place: "in Milan", a dateline "NICE, France".
        if sports {
            for m in resources.clubs.find(sent) {
                // "in Milan", "at Chesterfield", the home team of "BOSTON AT OAKLAND".
                let place_before = m.start > 0
                    && matches!(
                        sent[m.start - 1],
                        "in" | "In" | "IN" | "at" | "At" | "AT" | "near" | "outside"
                    );
                let next = sent.get(m.end).copied().unwrap_or("");
                // A venue heading results ("Portsmouth: Middlesex beat Hampshire"), a dateline
                // ("NICE, France", "NEW YORK 1996-08-30", "MILAN (Reuters)").
                let dateline = next == ":"
                    || (m.start == 0
                        && (next == "(" || next.starts_with(|c: char| c.is_ascii_digit())))
                    || (next == ","
                        && gaz_matches.iter().any(|g| {
                            g.start == m.end + 1 && resources.gazetteer.entry(g.entry).country
                        }));
                // Part of a longer name: "Cleveland Indians", "Bristol Rovers", "Atlanta Games".
                let title_case = |w: &str| {
                    w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase)
                };
                let longer_name =
                    (m.start > 0 && title_case(sent[m.start - 1])) || title_case(next);
                if !place_before && !dateline && !longer_name {
                    let entry = resources.clubs.entry(m.entry);
                    candidates.push((
                        m.start,
                        m.end,
                        mention(
                            toks,
                            m.start,
                            m.end,
                            entry.label,
                            Source::Gazetteer,
                            0.75,
                            &entry.canonical,
                            true,
                        ),
                    ));
                }
            }
        }
        let mut model_spans: Vec<(usize, usize, Mention)> = Vec::new();
        let mut start = 0;
        for (i, &y) in labels.iter().enumerate() {
            match split_label(y) {
                Some((_, Part::Begin)) => start = i,
                Some((t, part @ (Part::Last | Part::Unit))) => {
                    let s = if part == Part::Unit { i } else { start };
                    let score = confidence[s..=i].iter().copied().fold(1.0f32, f32::min);
                    let label = resources.model_labels[t];
                    let (s, title) = split_title(sent, s, i + 1, label);
                    // Punctuation at the edges is never part of a name.
                    let e = (s..=i)
                        .rev()
                        .find(|&k| has_alphanumeric(sent[k]))
                        .map_or(s, |k| k + 1);
                    let s = (s..e).find(|&k| has_alphanumeric(sent[k])).unwrap_or(e);
                    // Lowercase words at the edges ("the Netherlands", "south Lebanon", "Stansted
                    // airport") and scores ("San Marino 6-0") are not part of a name.
                    let e = (s..e)
                        .rev()
                        .find(|&k| !edge_word(sent[k], false))
                        .map_or(s, |k| k + 1);
                    let s = (s..e).find(|&k| !edge_word(sent[k], true)).unwrap_or(e);
                    // Initials before a surname belong to the name: "C. Lewis", "J.R. Smith".
                    let mut s = s;
                    while label == Label::Person && s > 0 && s < e && is_initial(sent[s - 1]) {
                        s -= 1;
                    }
                    // An initial alone is the start of a name: "P." in "P. Johnson".
                    let mut e = e;
                    if label == Label::Person && e == s + 1 && is_initial(sent[s]) {
                        while e < sent.len()
                            && e - s < 3
                            && capitalised(sent[e])
                            && has_alphanumeric(sent[e])
                            && !sent[e].ends_with('.')
                        {
                            e += 1;
                        }
                    }
                    // A longer unambiguous gazetteer name around the span wins ("Sri" in "Sri Lanka").
                    let inside_gazetteer = gaz_matches.iter().any(|g| {
                        g.end - g.start >= 2
                            && g.start <= s
                            && e <= g.end
                            && e - s < g.end - g.start
                            && !resources.gazetteer.entry(g.entry).ambiguous
                    });
                    if s < e
                        && !inside_gazetteer
                        && sent[s..e].iter().any(|w| w.chars().any(char::is_uppercase))
                    {
                        let i = e - 1;
                        // "Astrid Kumbernuss ( Germany )": a given name and a surname make a
                        // person, whatever the model thought of the context.
                        let given_name = e - s >= 2
                            && e - s <= 3
                            && matches!(label, Label::Org | Label::Loc)
                            && sent[s..e].iter().all(|w| {
                                w.starts_with(char::is_uppercase)
                                    && w.chars().any(char::is_lowercase)
                            })
                            && !sent[s..e].iter().any(|w| ORG_HEADS.contains(w))
                            && gaz_matches.iter().any(|g| {
                                g.start == s
                                    && g.end == s + 1
                                    && resources.gazetteer.entry(g.entry).label == Label::Person
                            })
                            && !gaz_matches.iter().any(|g| {
                                g.start < e
                                    && s < g.end
                                    && resources.gazetteer.entry(g.entry).label != Label::Person
                            });
                        let label = if given_name { Label::Person } else { label };
                        let mut m = mention(toks, s, i + 1, label, Source::Model, score, "", false);
                        m.title = title.map(|(a, b)| (toks[a].start, toks[b - 1].end));
                        // A gazetteer entry on exactly this span names the entity (and its label).
                        if let Some(g) = gaz_matches.iter().find(|g| g.start == s && g.end == i + 1)
                        {
                            let entry = resources.gazetteer.entry(g.entry);
                            // Ambiguous entries (given names, "Chad") only inform the model.
                            if entry.label != Label::Date && !entry.ambiguous {
                                m.entity = entry.canonical.clone();
                                m.fixed_entity = true;
                                m.label = entry.label;
                            }
                        }
                        // Adjacent countries in a results line ("Japan Spain") are two places.
                        let mut parts = gaz_matches.iter().filter(|g| s <= g.start && g.end <= e);
                        let mut covered = s;
                        let mut count = 0;
                        let tiled = parts.all(|g| {
                            let next =
                                g.start == covered && resources.gazetteer.entry(g.entry).country;
                            covered = g.end;
                            count += 1;
                            next
                        }) && count >= 2
                            && covered == e;
                        if tiled {
                            for g in gaz_matches.iter().filter(|g| s <= g.start && g.end <= e) {
                                let entry = resources.gazetteer.entry(g.entry);
                                model_spans.push((
                                    g.start,
                                    g.end,
                                    mention(
                                        toks,
                                        g.start,
                                        g.end,
                                        entry.label,
                                        Source::Model,
                                        score,
                                        &entry.canonical,
                                        true,
                                    ),
                                ));
                            }
                            continue;
                        }
                        model_spans.push((s, i + 1, m));
                    }
                }
                _ => {}
            }
        }
        // Teams in sports results ("Pohang 3 Ulsan 2") and standings are organisations,
        // except national teams, named by their country, and people (golf, athletics).
        for (s, e) in sports_teams(sent) {
            let country = gaz_matches
                .iter()
                .any(|g| g.start == s && g.end == e && resources.gazetteer.entry(g.entry).country);
            let person = e - s >= 2
                && model_spans
                    .iter()
                    .any(|(ms, me, m)| (*ms, *me) == (s, e) && m.label == Label::Person);
            if !country && !person {
                candidates.push((
                    s,
                    e,
                    mention(toks, s, e, Label::Org, Source::Rule, 0.7, "", false),
                ));
            }
        }
        // Phrases named as organisations by their last word win over the model's fragments,
        // unless the gazetteer knows the whole phrase.
        for (s, e) in designated_organisations(sent) {
            let known = gaz_matches.iter().any(|g| {
                g.start <= s && e <= g.end && !resources.gazetteer.entry(g.entry).ambiguous
            });
            if !known {
                candidates.push((
                    s,
                    e,
                    mention(toks, s, e, Label::Org, Source::Rule, 0.75, "", false),
                ));
            }
        }
        candidates.extend(model_spans);
        // An initial and a capitalised word the model left alone are a person ("W. Athey 111"
        // in a scorecard).
        for k in 0..sent.len().saturating_sub(1) {
            let middle_initial = k > 0 && capitalised(sent[k - 1]) && has_alphanumeric(sent[k - 1]);
            let surname = sent[k + 1];
            if is_initial(sent[k])
                && !middle_initial
                && surname.chars().count() >= 2
                && surname.starts_with(char::is_uppercase)
                && surname
                    .chars()
                    .skip(1)
                    .all(|c| c.is_lowercase() || c == '-' || tokenize::is_apostrophe(c))
                && !is_title_word(surname)
                && !gaz_matches.iter().any(|g| {
                    g.start <= k + 1
                        && k + 1 < g.end
                        && resources.gazetteer.entry(g.entry).label != Label::Person
                })
            {
                candidates.push((
                    k,
                    k + 2,
                    mention(toks, k, k + 2, Label::Person, Source::Rule, 0.6, "", false),
                ));
            }
        }
        for g in &gaz_matches {
            let entry = resources.gazetteer.entry(g.entry);
            if !entry.ambiguous {
                candidates.push((
                    g.start,
                    g.end,
                    mention(
                        toks,
                        g.start,
                        g.end,
                        entry.label,
                        Source::Gazetteer,
                        0.8,
                        &entry.canonical,
                        true,
                    ),
                ));
            }
        }
        for (s, e) in dates::find_dates(sent) {
            let canonical = sent[s..e].join(" ");
            candidates.push((
                s,
                e,
                mention(toks, s, e, Label::Date, Source::Rule, 0.9, &canonical, true),
            ));
        }
        // Keep candidates in priority order, dropping any that overlap a kept one.
        let mut taken = vec![false; sent.len()];
        for (s, e, m) in candidates {
            if taken[s..e].iter().any(|&t| t) {
                continue;
            }
            taken[s..e].iter_mut().for_each(|t| *t = true);
            mentions.push(m);
        }
    }
    mentions.sort_by_key(|m| (m.start, m.end));
    for m in &mut mentions {
        if !m.fixed_entity {
            m.entity = surface_name(&text[m.start..m.end]);
        }
    }
    document_consistency(text, &tokens, &words, &mut mentions);
    drop_event_names(&tokens, &words, &mut mentions);
    if options.canonical {
        canonical::link_within_document(&mut mentions);
    }
    if let Some(keep) = &options.labels {
        mentions.retain(|m| keep.contains(&m.label));
    }
    number_sentences(&tokens, &mut mentions);
    mentions
}

/// Words that make a name before them an event: "U.S. Open", "Davis Cup", "Atlanta Games".
const EVENT_WORDS: &[&str] = &[
    "Open",
    "OPEN",
    "Cup",
    "CUP",
    "Games",
    "GAMES",
    "Olympics",
    "Championships",
    "Championship",
    "Masters",
    "Trophy",
    "Marathon",
    "Grand",
    "Invitational",
    "Classic",
];

const LEAGUE_TABLE_WORDS: &[&str] = &[
    "DIVISION",
    "LEAGUE",
    "CONFERENCE",
    "NATIONAL",
    "AMERICAN",
    "EASTERN",
    "WESTERN",
    "CENTRAL",
    "NORTHERN",
    "SOUTHERN",
    "ATLANTIC",
    "PACIFIC",
    "MIDWEST",
];

/// Events are not organisations or places: a place or organisation named as part of an event
/// ("U.S. Open", "Atlanta Games") and an organisation ending in an event word ("Fed Cup",
/// "U.S. Amateur Championship") are dropped.
fn drop_event_names(tokens: &[Token], words: &[&str], mentions: &mut Vec<Mention>) {
    mentions.retain(|m| {
        if !matches!(m.label, Label::Org | Label::Loc) || m.source == Source::User {
            return true;
        }
        let next = tokens.partition_point(|t| t.start < m.end);
        let before_event = next < tokens.len()
            && !tokens[next].sentence_start
            && EVENT_WORDS.contains(&words[next])
            && words.get(next + 1) != Some(&"of");
        let last = next.checked_sub(1).map(|k| words[k]);
        let event_itself = m.label == Label::Org
            && last.is_some_and(|w| EVENT_WORDS.contains(&w) && w != "Grand" && w != "Open");
        // Parts of a league table: "NATIONAL LEAGUE", "EASTERN DIVISION".
        let span = &words[tokens.partition_point(|t| t.start < m.start)..next];
        let table_heading = span.iter().any(|w| {
            ["DIVISION", "LEAGUE", "CONFERENCE"]
                .iter()
                .any(|h| h.eq_ignore_ascii_case(w))
        }) && span
            .iter()
            .all(|w| LEAGUE_TABLE_WORDS.iter().any(|h| h.eq_ignore_ascii_case(w)));
        !(before_event || event_itself || table_heading)
    });
}

/// Sets each mention's sentence index from the token it starts on.
fn number_sentences(tokens: &[Token], mentions: &mut [Mention]) {
    let mut sentence_of_token = Vec::with_capacity(tokens.len());
    let mut sentence = 0usize;
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 && t.sentence_start {
            sentence += 1;
        }
        sentence_of_token.push(sentence);
    }
    for m in mentions {
        // Mentions start on a token; the last token starting at or before `m.start` holds it.
        let k = tokens.partition_point(|t| t.start <= m.start);
        m.sentence = k.checked_sub(1).map_or(0, |k| sentence_of_token[k]);
    }
}

const SPORTS_CUES_NEEDED: usize = 3;

/// Words of sports reporting (lowercase); a document with [`SPORTS_CUES_NEEDED`] of them is a
/// sports report.
fn is_sports_cue(lowercase: &str) -> bool {
    matches!(
        lowercase,
        "soccer"
            | "football"
            | "cricket"
            | "rugby"
            | "baseball"
            | "basketball"
            | "hockey"
            | "tennis"
            | "league"
            | "club"
            | "clubs"
            | "coach"
            | "striker"
            | "midfielder"
            | "goalkeeper"
            | "defender"
            | "innings"
            | "wicket"
            | "wickets"
            | "inning"
            | "homer"
            | "homered"
            | "homers"
            | "pitcher"
            | "halftime"
            | "half-time"
            | "semifinal"
            | "semi-final"
            | "quarterfinal"
            | "quarter-final"
            | "premiership"
            | "bundesliga"
            | "scored"
            | "goals"
            | "touchdown"
            | "playoff"
            | "playoffs"
            | "standings"
            | "unbeaten"
            | "relegation"
            | "championship"
            | "match"
            | "matches"
            | "season"
            | "fixtures"
            | "batsman"
            | "bowler"
            | "stumps"
            | "cup"
            | "squad"
            | "goalless"
            | "scorers"
            | "captain"
            | "olympic"
            | "medal"
    )
}

fn is_sports_report(words: &[&str]) -> bool {
    let mut lower = String::new();
    let mut found = 0;
    for w in words {
        if !(3..=13).contains(&w.len()) || !w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
        {
            continue;
        }
        lower.clear();
        lower.extend(w.chars().map(|c| c.to_ascii_lowercase()));
        if is_sports_cue(&lower) {
            found += 1;
            if found >= SPORTS_CUES_NEEDED {
                return true;
            }
        }
    }
    false
}

/// Last words that make a capitalised phrase an organisation ("Jeans Mate Corp", "Scottish
/// Labour Party", "Bank of England").
const ORG_HEADS: &[&str] = &[
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Ltd",
    "Ltd.",
    "Limited",
    "Plc",
    "PLC",
    "plc",
    "LLC",
    "AG",
    "GmbH",
    "S.A.",
    "SA",
    "SpA",
    "AB",
    "NV",
    "Bhd",
    "N.V.",
    "Co.",
    "Company",
    "Group",
    "Holdings",
    "Bank",
    "Airlines",
    "Airways",
    "Motors",
    "Industries",
    "Securities",
    "Partners",
    "Technologies",
    "Communications",
    "Enterprises",
    "Bancorp",
    "Party",
    "Ministry",
    "Council",
    "Committee",
    "Commission",
    "Agency",
    "Association",
    "Federation",
    "Institute",
    "University",
    "Authority",
    "Foundation",
    "Board",
    "Bureau",
    "Exchange",
    "Organisation",
    "Organization",
];
const ORG_CONNECTORS: &[&str] = &["of", "for", "and", "&", "de", "du", "des", "der"];

/// Legal forms and the like that end a company's full name ("Ruch SA", "Magna International Inc").
const LEGAL_FORMS: &[&str] = &[
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Ltd",
    "Ltd.",
    "Limited",
    "Plc",
    "PLC",
    "plc",
    "LLC",
    "AG",
    "GmbH",
    "S.A.",
    "SA",
    "SpA",
    "AB",
    "NV",
    "N.V.",
    "Bhd",
    "Co",
    "Co.",
    "International",
    "Group",
    "Holdings",
];

/// Name particles that may start a name in lowercase ("al-", "de Gaulle", "van der Sar").
const PARTICLES: &[&str] = &[
    "al", "el", "de", "da", "di", "van", "von", "der", "den", "bin", "ibn", "le", "la", "du",
    "del", "dos", "ben", "ter",
];

/// Whether a word at the edge of a model span should be trimmed off.
fn edge_word(word: &str, leading: bool) -> bool {
    let lowercase = word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_uppercase);
    let score = word.contains('-') && word.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    (lowercase && !(leading && PARTICLES.contains(&word))) || (!leading && score)
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// An adjective made with a hyphen ("Boston-based", "Iranian-backed"): not part of a name.
fn hyphen_adjective(word: &str) -> bool {
    word.rsplit_once('-')
        .is_some_and(|(_, last)| last.chars().next().is_some_and(char::is_lowercase))
}

fn capitalised(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && word.chars().any(char::is_alphabetic)
}

/// Token ranges of capitalised phrases ending in (or headed by) an organisation word.
fn designated_organisations(sent: &[&str]) -> Vec<(usize, usize)> {
    let n = sent.len();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for d in 0..n {
        if !ORG_HEADS.contains(&sent[d]) || out.last().is_some_and(|&(_, e)| e > d) {
            continue;
        }
        let floor = out.last().map_or(0, |&(_, e)| e);
        let mut s = d;
        while s > floor && d - s < 6 {
            let w = sent[s - 1];
            let name_word = capitalised(w)
                && !hyphen_adjective(w)
                && !matches!(
                    w,
                    "The" | "A" | "An" | "In" | "On" | "At" | "By" | "For" | "From"
                );
            let connector = matches!(w, "and" | "&") && s >= floor + 2 && capitalised(sent[s - 2]);
            if !(name_word || connector) {
                break;
            }
            s -= 1;
        }
        while s < d && ORG_CONNECTORS.contains(&sent[s]) {
            s += 1;
        }
        let mut e = d + 1;
        // "Bank of England", "Ministry of Defence"
        if e + 1 < n && matches!(sent[e], "of" | "for") && capitalised(sent[e + 1]) {
            e += 1;
            while e < n && e - d < 6 && capitalised(sent[e]) {
                e += 1;
            }
        }
        if e - s >= 2 {
            out.push((s, e));
        }
    }
    out
}

fn is_score(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

fn is_table_number(word: &str) -> bool {
    !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && word.bytes().any(|b| b.is_ascii_digit())
}

fn is_team_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && !word.chars().any(|c| c.is_ascii_digit())
        && word.chars().count() >= 2
}

/// Token ranges of team names in a results line (two or more "Name score" pairs in a row) or a
/// standings line (a name followed by three or more numbers).
fn sports_teams(sent: &[&str]) -> Vec<(usize, usize)> {
    let n = sent.len();
    let name_end = |i: usize| -> usize {
        let mut j = i;
        while j < n && j - i < 4 && is_team_word(sent[j]) {
            j += 1;
        }
        j
    };
    let mut out = Vec::new();
    if n >= 4 && is_team_word(sent[0]) {
        let e = name_end(0);
        if e + 3 <= n && sent[e..e + 3].iter().all(|w| is_table_number(w)) {
            out.push((0, e));
            return out;
        }
    }
    let mut units: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        let e = name_end(i);
        if e > i && e < n && is_score(sent[e]) {
            units.push((i, e));
            i = e + 1;
        } else {
            i = e.max(i + 1);
        }
    }
    for (k, &(s, e)) in units.iter().enumerate() {
        let joined_before = k > 0 && units[k - 1].1 + 1 == s;
        let joined_after = units.get(k + 1).is_some_and(|next| e + 1 == next.0);
        if joined_before || joined_after {
            out.push((s, e));
        }
    }
    out
}

/// Case-folded key of a word for matching within a document.
fn fold(word: &str) -> String {
    word.chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_uppercase)
        .collect()
}

/// Month and weekday names that are never names ("May" and "March" can be).
const MONTH_AND_DAY_NAMES: &[&str] = &[
    "january",
    "february",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Below this confidence a one-word name that also occurs as a common word is dropped.
const COMMON_WORD_CONFIDENCE: f32 = 0.9;

/// One document, one reading of a name: occurrences of a tagged name that the model missed
/// (often in capitals, in a headline) are tagged like the tagged one. Words that also occur in lowercase in
/// the document ("Sunday", "Union") are not propagated.
fn document_consistency(text: &str, tokens: &[Token], words: &[&str], mentions: &mut Vec<Mention>) {
    if mentions.is_empty() {
        return;
    }
    let lowercase_words: std::collections::HashSet<&str> = words
        .iter()
        .copied()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    // A one-word model mention that the document also uses as a common word ("Sales",
    // "Commerce", "July" in a table) is dropped unless the model is sure of it.
    let months_and_days = |w: &str| {
        let w = w.to_lowercase();
        MONTH_AND_DAY_NAMES.contains(&w.trim_end_matches('.'))
    };
    mentions.retain(|m| {
        let single = &text[m.start..m.end];
        if m.source != Source::Model
            || single.contains(char::is_whitespace)
            || m.label == Label::Date
        {
            return true;
        }
        let common = lowercase_words.contains(single.to_lowercase().as_str());
        !(months_and_days(single) || (common && m.score < COMMON_WORD_CONFIDENCE))
    });
    let index_of: HashMap<usize, usize> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (t.start, i))
        .collect();
    let end_index: HashMap<usize, usize> =
        tokens.iter().enumerate().map(|(i, t)| (t.end, i)).collect();
    // "Dhaka Stock Exchange (DSE)": the acronym in brackets names the same entity.
    let starts: std::collections::HashSet<usize> = mentions.iter().map(|m| m.start).collect();
    let mut acronyms = Vec::new();
    for m in mentions
        .iter()
        .filter(|m| matches!(m.label, Label::Org | Label::Loc | Label::Norp))
    {
        let Some(&e) = end_index.get(&m.end) else {
            continue;
        };
        if e + 3 < tokens.len()
            && words[e + 1] == "("
            && words[e + 3] == ")"
            && !starts.contains(&tokens[e + 2].start)
        {
            let acronym = words[e + 2];
            let letters = acronym.chars().filter(|c| c.is_alphabetic()).count();
            if (2..=8).contains(&letters)
                && acronym
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '-')
            {
                acronyms.push(propagated(m, tokens, e + 2, e + 3));
            }
        }
    }
    if !acronyms.is_empty() {
        // Other mentions spelled like the acronym name the same entity.
        let named: HashMap<String, (Label, String)> = acronyms
            .iter()
            .map(|a| {
                (
                    text[a.start..a.end].to_string(),
                    (a.label, a.entity.clone()),
                )
            })
            .collect();
        for m in mentions
            .iter_mut()
            .filter(|m| !m.fixed_entity && m.source != Source::User)
        {
            if let Some((label, entity)) = named.get(&text[m.start..m.end]) {
                m.label = *label;
                m.entity = entity.clone();
            }
        }
        mentions.extend(acronyms);
        mentions.sort_by_key(|m| (m.start, m.end));
    }
    // "Ruch" after "Ruch SA", "Magna" after "Magna International Inc": a company's name without
    // its legal form names the same company.
    let mut short_names: Vec<(Vec<String>, usize)> = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        let (Some(&s), Some(&e)) = (index_of.get(&m.start), end_index.get(&m.end)) else {
            continue;
        };
        if m.label != Label::Org || m.source == Source::User || e == s {
            continue;
        }
        let mut short_end = e;
        while short_end > s && LEGAL_FORMS.contains(&words[short_end]) {
            short_end -= 1;
        }
        if short_end < e
            && short_end + 1 - s <= 3
            && words[s..=short_end]
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) && w.chars().count() >= 2)
        {
            let key: Vec<String> = words[s..=short_end].iter().map(|w| fold(w)).collect();
            if !short_names.iter().any(|(other, _)| other == &key) {
                short_names.push((key, k));
            }
        }
    }
    if !short_names.is_empty() {
        let relabel: Vec<(usize, Label, String)> = mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.source != Source::User && m.label != Label::Date)
            .filter_map(|(k, m)| {
                let key: Vec<String> = text[m.start..m.end].split_whitespace().map(fold).collect();
                let (_, full) = short_names.iter().find(|(short, _)| *short == key)?;
                (*full != k).then(|| (k, mentions[*full].label, mentions[*full].entity.clone()))
            })
            .collect();
        for (k, label, entity) in relabel {
            mentions[k].label = label;
            mentions[k].entity = entity;
            mentions[k].fixed_entity = true;
        }
    }
    let mut taken = vec![false; tokens.len()];
    // Names to propagate: first folded word → (folded words, mention index).
    let mut names: HashMap<String, Vec<(Vec<String>, usize)>> = HashMap::new();
    for (k, m) in mentions.iter().enumerate() {
        let (Some(&s), Some(&e)) = (index_of.get(&m.start), end_index.get(&m.end)) else {
            continue;
        };
        taken[s..=e].iter_mut().for_each(|t| *t = true);
        if m.label == Label::Date || m.source == Source::User || e + 1 - s > 6 {
            continue;
        }
        let span = &words[s..=e];
        let lower_too = span
            .iter()
            .any(|w| lowercase_words.contains(w.to_lowercase().as_str()));
        if lower_too
            || span.iter().all(|w| w.chars().count() < 3)
            || !span[0].chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        let key: Vec<String> = span.iter().map(|w| fold(w)).collect();
        let list = names.entry(key[0].clone()).or_default();
        if !list.iter().any(|(other, _)| other == &key) {
            list.push((key, k));
        }
    }
    // A surname alone, where a person was named in full: "Miqdad" after "Faisal al-Miqdad".
    let mut surnames: Vec<(String, usize)> = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        let parts: Vec<&str> = m.entity.split_whitespace().collect();
        if m.label != Label::Person || m.fixed_entity || parts.len() < 2 {
            continue;
        }
        let surname = parts[parts.len() - 1];
        let bare = canonical::name_key(surname);
        if bare.chars().count() >= 5 {
            surnames.push((bare.clone(), k));
        }
        for form in [
            surname.to_string(),
            surname
                .get(surname.len() - bare.len()..)
                .unwrap_or(surname)
                .to_string(),
        ] {
            if form.chars().count() < 3
                || lowercase_words.contains(form.to_lowercase().as_str())
                || !form.chars().next().is_some_and(char::is_uppercase)
            {
                continue;
            }
            let key = vec![fold(&form)];
            let list = names.entry(key[0].clone()).or_default();
            if !list.iter().any(|(other, _)| other == &key) {
                list.push((key, k));
            }
        }
    }
    for (key, k) in short_names {
        let list = names.entry(key[0].clone()).or_default();
        if !list.iter().any(|(other, _)| other == &key) {
            list.push((key, k));
        }
    }
    if names.is_empty() {
        return;
    }
    let _ = text;
    let mut added = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let first = words[i];
        let candidates = if taken[i] || !first.chars().next().is_some_and(char::is_uppercase) {
            None
        } else {
            names.get(&fold(first))
        };
        let mut step = 1;
        if let Some(list) = candidates {
            let best = list
                .iter()
                .filter(|(key, _)| {
                    i + key.len() <= tokens.len()
                        && !taken[i..i + key.len()].iter().any(|&t| t)
                        && key.iter().zip(&words[i..]).all(|(k, w)| *k == fold(w))
                        && (key.len() == 1
                            || tokens[i + 1..i + key.len()]
                                .iter()
                                .all(|t| !t.sentence_start))
                })
                .max_by_key(|(key, _)| key.len());
            if let Some((key, k)) = best {
                // Same spelling, or the same in capitals: same name, same entity.
                added.push(propagated(&mentions[*k], tokens, i, i + key.len()));
                taken[i..i + key.len()].iter_mut().for_each(|t| *t = true);
                step = key.len();
            }
        } else if !taken[i]
            && first.chars().count() >= 5
            && first.chars().next().is_some_and(char::is_uppercase)
        {
            // A misspelt surname ("Asasd" for "Assad") of a person named in full here.
            let key = canonical::name_key(first);
            let lower_too = lowercase_words.contains(first.to_lowercase().as_str());
            if let Some(&(_, k)) = surnames
                .iter()
                .find(|(surname, _)| !lower_too && canonical::similar_token(surname, &key))
            {
                added.push(propagated(&mentions[k], tokens, i, i + 1));
                taken[i] = true;
            }
        }
        i += step;
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.start, m.end));
    }
}

/// A copy of `source` on tokens `[s, e)`.
fn propagated(source: &Mention, tokens: &[Token], s: usize, e: usize) -> Mention {
    Mention {
        start: tokens[s].start,
        end: tokens[e - 1].end,
        label: source.label,
        source: source.source,
        score: source.score * 0.8,
        entity: source.entity.clone(),
        fixed_entity: source.fixed_entity,
        title: None,
        sentence: 0,
    }
}

/// Splits leading title words off a PERSON span and finds the title just before it.
/// Returns the new span start and the title's token range.
fn split_title(
    words: &[&str],
    start: usize,
    end: usize,
    label: Label,
) -> (usize, Option<(usize, usize)>) {
    if label != Label::Person {
        return (start, None);
    }
    let mut s = start;
    while s + 1 < end && is_title_word(words[s]) {
        s += 1;
    }
    let mut t = start;
    while t > 0 && is_title_word(words[t - 1]) {
        t -= 1;
    }
    let title_end = s;
    let has_head = words[t..title_end].iter().any(|w| TITLE_HEADS.contains(w));
    (s, (t < title_end && has_head).then_some((t, title_end)))
}

#[allow(clippy::too_many_arguments)]
fn mention(
    toks: &[Token],
    s: usize,
    e: usize,
    label: Label,
    source: Source,
    score: f32,
    canonical: &str,
    fixed: bool,
) -> Mention {
    Mention {
        start: toks[s].start,
        end: toks[e - 1].end,
        label,
        source,
        score,
        entity: canonical.to_string(),
        fixed_entity: fixed,
        title: None,
        sentence: 0,
    }
}

/// A mention's own name: whitespace (line breaks included) collapsed, curly apostrophes kept.
fn surface_name(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Tags every document in parallel, then joins entities across the corpus. `None` documents
/// have no mentions.
pub fn tag_corpus(
    resources: &Resources,
    texts: &[Option<&str>],
    options: &TagOptions<'_>,
    progress: &Progress,
) -> Vec<Vec<Mention>> {
    let mut docs: Vec<Vec<Mention>> = texts
        .par_iter()
        .map(|t| {
            let mentions = t
                .map(|t| tag_document(resources, t, options))
                .unwrap_or_default();
            progress.add(1);
            mentions
        })
        .collect();
    if options.canonical {
        canonical::join_across_corpus(&mut docs);
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse() {
        assert_eq!(Label::parse("gpe"), Some(Label::Loc));
        assert_eq!(Label::parse("PER"), Some(Label::Person));
        assert_eq!(Label::parse("nonsense"), None);
        for l in Label::ALL {
            assert_eq!(Label::parse(l.as_str()), Some(l));
        }
    }

    #[test]
    fn organisations_by_head_word() {
        let words = [
            "Shares", "in", "Jeans", "Mate", "Corp", "rose", "at", "the", "Bank", "of", "England",
            "and", "Scottish", "Labour", "Party",
        ];
        assert_eq!(
            designated_organisations(&words),
            [(2, 5), (8, 11), (12, 15)]
        );
        let words = ["the", "Test", "and", "County", "Cricket", "Board", "said"];
        assert_eq!(designated_organisations(&words), [(1, 6)]);
        assert!(designated_organisations(&["the", "ministry", "said"]).is_empty());
        let words = [
            "Erin",
            "Purcell",
            "of",
            "Boston-based",
            "Reagan",
            "Communications",
        ];
        assert_eq!(designated_organisations(&words), [(4, 6)]);
        assert!(designated_organisations(&["The", "Party", "said"]).is_empty());
    }

    #[test]
    fn sports_lines() {
        assert_eq!(
            sports_teams(&["Pohang", "3", "Ulsan", "2", "(", "halftime", "1-0", ")"]),
            [(0, 1), (2, 3)]
        );
        assert_eq!(
            sports_teams(&["DETROIT", "4", "Kansas", "City", "1"]),
            [(0, 1), (2, 4)]
        );
        assert_eq!(sports_teams(&["NEW", "YORK", "74", "59", ".556"]), [(0, 2)]);
        assert!(sports_teams(&["Putin", "met", "3", "leaders", "in", "Moscow"]).is_empty());
        assert!(sports_teams(&["In", "2015", "Iran", "said"]).is_empty());
    }

    #[test]
    fn titles_split() {
        let words = [
            "Iranian", "Deputy", "Foreign", "Minister", "Hossein", "Jaberi", "Ansari",
        ];
        assert_eq!(split_title(&words, 4, 7, Label::Person), (4, Some((1, 4))));
        assert_eq!(split_title(&words, 2, 7, Label::Person), (4, Some((1, 4))));
        assert_eq!(
            split_title(&["Foreign", "Smith"], 1, 2, Label::Person),
            (1, None)
        );
        assert_eq!(split_title(&words, 4, 7, Label::Org), (4, None));
    }

    #[test]
    fn sports_reports() {
        let words = "Nice beat Lens 2-1 in the league . The coach said the striker scored twice"
            .split(' ')
            .collect::<Vec<_>>();
        assert!(is_sports_report(&words));
        let words = "Nice is a city in France where the council met on Monday"
            .split(' ')
            .collect::<Vec<_>>();
        assert!(!is_sports_report(&words));
    }
}
