//! Gazetteers and user dictionaries: token sequences matched leftmost-longest on the tagger's
//! own tokens. Matching is case-sensitive (entries are names, so "Turkey" matches and "turkey"
//! does not); in words written all in capitals the capitalised entry matches too, for headlines.
//! Entries marked `ambiguous` only inform the model and canonical names; they never produce a
//! mention on their own.

use rustc_hash::FxHashMap;

use super::tokenize::tokenize;
use super::Label;
use crate::error::{Error, Result};
use crate::text::fold::{fold_quote, is_apostrophe};
use crate::text::lexicon::FirstBytes;

#[derive(Debug, Clone)]
pub struct Entry {
    pub label: Label,
    pub canonical: String,
    pub ambiguous: bool,
    /// A country (national sports teams keep LOC in results tables).
    pub is_country: bool,
    /// The country (or region) of a nationality: "France" for "French" (the `country` column).
    pub country: Option<String>,
    len: usize,
}

/// A match: tokens `[start, end)` of the searched slice, and the entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub entry: u32,
}

#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// Normalised token sequence (joined by '\u{1f}') → entry id.
    sequences: FxHashMap<String, u32>,
    /// First token → lengths of entries starting with it, longest first.
    first: FxHashMap<String, Vec<u8>>,
    /// The first tokens' keys by their first byte and length, exact and capital-letter twins.
    starts: [FirstBytes; 2],
    max_len: usize,
}

/// Whether some first key in `starts` (in capitals, for the twins' table) may be the key of
/// `token`: `false` only when none is. Most tokens (lowercase words, punctuation, numbers)
/// start no entry and are answered here, without building their key or hashing it. A token
/// whose first byte is ASCII has a key starting with that byte (capital-letter twins start
/// with no lowercase letter, nor do the words in capitals that look them up); an ASCII token's
/// key is as long as the token.
fn may_start_entry(starts: &FirstBytes, token: &str) -> bool {
    let Some(&first) = token.as_bytes().first() else {
        return true;
    };
    if !first.is_ascii() {
        return true;
    }
    starts.holds(first, token.len()) || (starts.any_starts(first) && !token.is_ascii())
}

/// Key form of a token: apostrophes and typographic quotes made ASCII.
fn key_token(token: &str, upper: bool, out: &mut String) {
    // ASCII has no typographic quotes to fold: the token is its own key.
    if token.is_ascii() {
        if upper {
            out.extend(token.bytes().map(|b| b.to_ascii_uppercase() as char));
        } else {
            out.push_str(token);
        }
        return;
    }
    for c in token.chars() {
        let c = if is_apostrophe(c) {
            '\''
        } else {
            fold_quote(c).unwrap_or(c)
        };
        if upper {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
}

fn is_all_caps(word: &str) -> bool {
    if word.is_ascii() {
        let bytes = word.as_bytes();
        return bytes.iter().any(u8::is_ascii_alphabetic)
            && !bytes.iter().any(u8::is_ascii_lowercase);
    }
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

impl Gazetteer {
    pub fn entry(&self, id: u32) -> &Entry {
        &self.entries[id as usize]
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds `surface` (tokenized like text). A later entry for the same surface replaces the
    /// earlier one, so user tables can override.
    pub fn insert(
        &mut self,
        surface: &str,
        label: Label,
        canonical: &str,
        ambiguous: bool,
    ) -> Result<()> {
        let tokens: Vec<&str> = tokenize(surface)
            .iter()
            .map(|t| &surface[t.start..t.end])
            .collect();
        if tokens.is_empty() {
            return Err(Error::InvalidInput(format!(
                "the entity pattern {surface:?} has no words"
            )));
        }
        if tokens.len() > 255 {
            return Err(Error::InvalidInput(format!(
                "the entity pattern {:?}… is too long",
                &surface[..40.min(surface.len())]
            )));
        }
        let canonical = if canonical.trim().is_empty() {
            surface.trim()
        } else {
            canonical.trim()
        };
        for upper in [false, true] {
            let mut key = String::new();
            for (k, t) in tokens.iter().enumerate() {
                if k > 0 {
                    key.push('\u{1f}');
                }
                key_token(t, upper, &mut key);
            }
            if upper && self.sequences.contains_key(&key) {
                continue; // an exact entry already owns this spelling
            }
            let id = self.entries.len() as u32;
            self.entries.push(Entry {
                label,
                canonical: canonical.to_string(),
                ambiguous,
                is_country: false,
                country: None,
                len: tokens.len(),
            });
            if upper {
                // Capital-letter twins are only matched in all-caps text; mark with a prefix.
                key.insert(0, '\u{1e}');
            }
            self.sequences.insert(key, id);
            let mut first = String::new();
            key_token(tokens[0], upper, &mut first);
            self.starts[usize::from(upper)].add(&first);
            if upper {
                first.insert(0, '\u{1e}');
            }
            let lengths = self.first.entry(first).or_default();
            if !lengths.contains(&(tokens.len() as u8)) {
                lengths.push(tokens.len() as u8);
                lengths.sort_unstable_by(|a, b| b.cmp(a));
            }
            self.max_len = self.max_len.max(tokens.len());
        }
        Ok(())
    }

    fn parse_tsv(text: &str, clubs: bool) -> Result<Self> {
        let mut gazetteer = Gazetteer::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() < 3 {
                return Err(Error::Model(format!(
                    "gazetteer line {}: expected surface, label, canonical",
                    n + 1
                )));
            }
            let label = Label::parse(fields[1]).ok_or_else(|| {
                Error::Model(format!(
                    "gazetteer line {}: unknown label {:?}",
                    n + 1,
                    fields[1]
                ))
            })?;
            let flags: Vec<&str> = fields.get(3).map_or(Vec::new(), |f| f.split(',').collect());
            // Sports clubs named like places are a gazetteer of their own (`clubs_from_tsv`).
            if flags.contains(&"club") != clubs {
                continue;
            }
            let first_new = gazetteer.entries.len();
            gazetteer
                .insert(fields[0], label, fields[2], flags.contains(&"ambiguous"))
                .map_err(|e| Error::Model(format!("gazetteer line {}: {e}", n + 1)))?;
            let is_country = flags.contains(&"country");
            let country = fields.get(4).map(|c| c.trim()).filter(|c| !c.is_empty());
            for entry in &mut gazetteer.entries[first_new..] {
                entry.is_country = is_country;
                entry.country = country.map(str::to_string);
            }
        }
        Ok(gazetteer)
    }

    /// Parses a TSV: `surface<TAB>label<TAB>canonical[<TAB>flags[<TAB>country]]`; `#` starts a
    /// comment line. `country` names a nationality's country.
    /// Rows flagged `club` are left out (see [`Gazetteer::clubs_from_tsv`]).
    pub fn from_tsv(text: &str) -> Result<Self> {
        Self::parse_tsv(text, false)
    }

    /// Only the rows flagged `club`: teams named like a place ("Surrey", "Milan", "Cleveland")
    /// or a common word, which are organisations only in sports reports.
    pub fn clubs_from_tsv(text: &str) -> Result<Self> {
        Self::parse_tsv(text, true)
    }

    /// A hash of what the tagger's features see of this gazetteer: every token sequence it
    /// matches and the label it gives, in sorted order. Reordering rows, removing duplicate
    /// rows and editing canonical names or flags leave it unchanged; anything that changes
    /// which words match or their label changes it. A capital-letter twin that an exact entry
    /// shadows (never consulted) is left out.
    pub fn fingerprint(&self) -> u64 {
        let mut rows: Vec<(&str, &str)> = self
            .sequences
            .iter()
            .filter(|(key, _)| {
                key.strip_prefix('\u{1e}')
                    .is_none_or(|exact| !self.sequences.contains_key(exact))
            })
            .map(|(key, &id)| (key.as_str(), self.entries[id as usize].label.as_str()))
            .collect();
        rows.sort_unstable();
        let mut bytes = Vec::new();
        for (key, label) in rows {
            bytes.extend_from_slice(key.as_bytes());
            bytes.push(b'\t');
            bytes.extend_from_slice(label.as_bytes());
            bytes.push(b'\n');
        }
        xxhash_rust::xxh3::xxh3_64(&bytes)
    }

    /// Leftmost-longest, non-overlapping matches in `words`.
    pub fn find(&self, words: &[&str]) -> Vec<Match> {
        let mut out = Vec::new();
        if self.entries.is_empty() {
            return out;
        }
        let mut key = String::with_capacity(64);
        let mut ends = Vec::with_capacity(8);
        let mut i = 0;
        while i < words.len() {
            let mut found = None;
            for upper in [false, true] {
                if !may_start_entry(&self.starts[usize::from(upper)], words[i])
                    || (upper && !is_all_caps(words[i]))
                {
                    continue;
                }
                key.clear();
                if upper {
                    key.push('\u{1e}');
                }
                key_token(words[i], upper, &mut key);
                let Some(lengths) = self.first.get(&key) else {
                    continue;
                };
                // The key of the longest entry that fits, with where each shorter key ends:
                // every candidate key is a prefix of it.
                let longest = lengths
                    .iter()
                    .map(|&len| len as usize)
                    .find(|&len| i + len <= words.len());
                let Some(longest) = longest else {
                    continue;
                };
                ends.clear();
                ends.push(key.len());
                for w in &words[i + 1..i + longest] {
                    key.push('\u{1f}');
                    key_token(w, upper, &mut key);
                    ends.push(key.len());
                }
                for &len in lengths {
                    let len = len as usize;
                    if i + len > words.len() {
                        continue;
                    }
                    if let Some(&id) = self.sequences.get(&key[..ends[len - 1]]) {
                        found = Some((len, id));
                        break;
                    }
                }
                if found.is_some() {
                    break;
                }
            }
            match found {
                Some((len, id)) => {
                    debug_assert_eq!(self.entries[id as usize].len, len);
                    out.push(Match {
                        start: i,
                        end: i + len,
                        entry: id,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::tokenize::token_texts as words;

    #[test]
    fn leftmost_longest_and_case() {
        let g = Gazetteer::from_tsv(
            "# test\nUnited States\tLOC\tUnited States\nUnited States Army\tORG\tUnited States Army\nU.S.\tLOC\tUnited States\n\
             Iranian\tNORP\tIran\nISIL\tORG\tIslamic State\nChad\tLOC\tChad\tambiguous\n",
        )
        .unwrap();
        let text = "The United States Army and U.S. Iranian ISIL united states Chad";
        let w = words(text);
        let found: Vec<(String, &str)> = g
            .find(&w)
            .iter()
            .map(|m| {
                (
                    w[m.start..m.end].join(" "),
                    g.entry(m.entry).canonical.as_str(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("United States Army".to_string(), "United States Army"),
                ("U.S.".to_string(), "United States"),
                ("Iranian".to_string(), "Iran"),
                ("ISIL".to_string(), "Islamic State"),
                ("Chad".to_string(), "Chad"),
            ]
        );
        assert!(g.entry(g.find(&["Chad"])[0].entry).ambiguous);
        // All-caps text matches capitalised entries.
        let caps = words("IRANIAN AND UNITED STATES");
        assert_eq!(g.find(&caps).len(), 2);
        assert!(Gazetteer::from_tsv("x\tBOGUS\ty").is_err());
        assert!(Gazetteer::from_tsv("x\tLOC").is_err());
    }

    /// The first-byte filter passes every first token of the shipped gazetteer, as written and
    /// in capitals.
    #[test]
    fn first_byte_filter_passes_every_first_token() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/python/tidings/data/gazetteer.tsv"
        );
        let tsv = std::fs::read_to_string(path).unwrap();
        let g = Gazetteer::from_tsv(&tsv).unwrap();
        for key in g.first.keys() {
            let (upper, token) = match key.strip_prefix('\u{1e}') {
                Some(token) => (true, token),
                None => (false, key.as_str()),
            };
            assert!(
                may_start_entry(&g.starts[usize::from(upper)], token),
                "{key:?}"
            );
        }
        for line in tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.get(3).is_some_and(|flags| flags.contains("club")) {
                continue; // the clubs' own gazetteer
            }
            let surface = fields[0];
            let w = words(surface);
            assert_eq!(g.find(&w).first().map(|m| m.start), Some(0), "{surface}");
            let caps: Vec<String> = w.iter().map(|t| t.to_ascii_uppercase()).collect();
            let caps: Vec<&str> = caps.iter().map(String::as_str).collect();
            if is_all_caps(caps[0]) {
                assert_eq!(g.find(&caps).first().map(|m| m.start), Some(0), "{surface}");
            }
        }
        // A typographic apostrophe makes the key shorter than the token.
        let quotes = Gazetteer::from_tsv("O'Neill\tPERSON\tO'Neill\n").unwrap();
        assert_eq!(quotes.find(&["O’Neill"]).len(), 1);
        assert_eq!(quotes.find(&["O’NEILL"]).len(), 1);
        // A token the filter turns away is found by no key.
        assert!(!may_start_entry(&g.starts[0], "the") && !may_start_entry(&g.starts[1], "the"));
        assert!(g.find(&["the", "said", "12", ","]).is_empty());
    }

    #[test]
    fn fingerprint_follows_what_matches() {
        let tsv = "United States\tLOC\tUnited States\nIranian\tNORP\tIran\n";
        let base = Gazetteer::from_tsv(tsv).unwrap().fingerprint();
        let reordered = "Iranian\tNORP\tIran\n# a comment\nUnited States\tLOC\tUnited States\n\
                         Iranian\tNORP\tIran\n";
        assert_eq!(Gazetteer::from_tsv(reordered).unwrap().fingerprint(), base);
        let renamed = "United States\tLOC\tUSA\tcountry\nIranian\tNORP\tIran\n";
        assert_eq!(Gazetteer::from_tsv(renamed).unwrap().fingerprint(), base);
        let relabelled = "United States\tORG\tUnited States\nIranian\tNORP\tIran\n";
        assert_ne!(Gazetteer::from_tsv(relabelled).unwrap().fingerprint(), base);
        let added = format!("{tsv}Tehran\tLOC\tTehran\n");
        assert_ne!(Gazetteer::from_tsv(&added).unwrap().fingerprint(), base);
        // An all-caps entry before or after its capitalised spelling: the same matches.
        let a = Gazetteer::from_tsv("ABC\tORG\tABC\nAbc\tLOC\tAbc\n").unwrap();
        let b = Gazetteer::from_tsv("Abc\tLOC\tAbc\nABC\tORG\tABC\n").unwrap();
        assert_eq!(a.fingerprint(), b.fingerprint());
    }

    #[test]
    fn club_rows_are_a_gazetteer_of_their_own() {
        let tsv = "Milan\tLOC\tMilan\t\nMilan\tORG\tAC Milan\tclub\nItaly\tLOC\tItaly\tcountry\n";
        let places = Gazetteer::from_tsv(tsv).unwrap();
        let clubs = Gazetteer::clubs_from_tsv(tsv).unwrap();
        let place = places.entry(places.find(&["Milan"])[0].entry);
        assert_eq!((place.label, place.is_country), (Label::Loc, false));
        assert!(places.entry(places.find(&["ITALY"])[0].entry).is_country);
        let club = clubs.entry(clubs.find(&["MILAN"])[0].entry);
        assert_eq!(
            (club.label, club.canonical.as_str()),
            (Label::Org, "AC Milan")
        );
        assert!(clubs.find(&["Italy"]).is_empty());
    }
}
