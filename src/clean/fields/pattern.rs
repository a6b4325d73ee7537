//! The recognisers' built-in patterns, each compiled on first use in the form the text needs.
//!
//! Classes such as `\p{L}{0,40}` compile into large automata (every repeat copies the UTF-8
//! automaton of all the world's letters): the bylines' and credits' patterns took about 0.2 s
//! of a process's first call. Over a text whose characters all lie in a set S, a pattern
//! matches exactly as its *form for S* does, the pattern with every class cut to its members
//! in S: every character a match reads is in S. Most lines are ASCII, and most others are
//! Latin text with typographic punctuation (curly quotes, dashes, the euro sign); their forms
//! have a few hundred states and compile in microseconds to a millisecond. The pattern as
//! written is compiled only when a text with other characters comes.

use std::sync::OnceLock;

use regex_automata::meta::{self, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind,
    Look, Repetition,
};

/// The characters a form of a pattern is cut to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    Ascii,
    /// [`LATIN`].
    Latin,
    All,
}

/// Latin letters (Basic Latin to Latin Extended-B), general punctuation (dashes, quotes,
/// spaces, bullets) and currency signs.
const LATIN: [(char, char); 3] = [
    ('\0', '\u{24F}'),
    ('\u{2000}', '\u{206F}'),
    ('\u{20A0}', '\u{20CF}'),
];

impl Reach {
    /// The least reach holding every character of `text`.
    fn of(text: &str) -> Reach {
        if text.is_ascii() {
            Reach::Ascii
        } else if text
            .chars()
            .all(|c| LATIN.iter().any(|&(low, high)| (low..=high).contains(&c)))
        {
            Reach::Latin
        } else {
            Reach::All
        }
    }

    fn class(self) -> ClassUnicode {
        match self {
            Reach::Ascii => ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7F')]),
            Reach::Latin => ClassUnicode::new(
                LATIN
                    .iter()
                    .map(|&(low, high)| ClassUnicodeRange::new(low, high)),
            ),
            Reach::All => ClassUnicode::new([ClassUnicodeRange::new('\0', char::MAX)]),
        }
    }
}

/// A built-in pattern and its compiled forms, each built when first needed.
pub struct Pattern {
    source: String,
    /// The forms for [`Reach::Ascii`], [`Reach::Latin`] and [`Reach::All`] (the pattern as
    /// written).
    forms: [OnceLock<Regex>; 3],
}

impl Pattern {
    /// The pattern `source`, not compiled yet.
    pub fn new(source: &str) -> Self {
        Pattern {
            source: source.to_string(),
            forms: Default::default(),
        }
    }

    /// Whether the pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.form(text).is_match(text)
    }

    /// The leftmost-first match in `text` and its groups.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Found<'t>> {
        let re = self.form(text);
        let mut caps = re.create_captures();
        re.captures(text, &mut caps);
        caps.is_match().then_some(Found { text, caps })
    }

    /// The compiled form that matches `text` as the pattern does.
    fn form(&self, text: &str) -> &Regex {
        let reach = Reach::of(text);
        self.forms[reach as usize].get_or_init(|| {
            let hir = syntax::parse_with(&self.source, &syntax::Config::new().utf8(true))
                .expect("valid built-in pattern");
            let hir = match reach {
                Reach::All => hir,
                _ => cut(&hir, reach, &reach.class()),
            };
            builder()
                .build_from_hir(&hir)
                .expect("valid built-in pattern")
        })
    }
}

/// The settings `regex::Regex::new` compiles a pattern with.
fn builder() -> meta::Builder {
    let mut builder = meta::Builder::new();
    builder.configure(
        meta::Config::new()
            .nfa_size_limit(Some(10 * (1 << 20)))
            .hybrid_cache_capacity(2 * (1 << 20))
            .match_kind(regex_automata::MatchKind::LeftmostFirst)
            .utf8_empty(true),
    );
    builder
}

/// `hir` with every class cut to `reach` (its characters `chars`), and word boundaries read as
/// ASCII ones for ASCII: over text within the reach it matches where `hir` does, with the same
/// groups.
fn cut(hir: &Hir, reach: Reach, chars: &ClassUnicode) -> Hir {
    let sub = |hir: &Hir| Box::new(cut(hir, reach, chars));
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => {
            let mut class = class.clone();
            class.intersect(chars);
            Hir::class(Class::Unicode(class))
        }
        HirKind::Class(Class::Bytes(class)) if reach == Reach::Ascii => {
            let mut class = class.clone();
            class.intersect(&ClassBytes::new([ClassBytesRange::new(0, 0x7F)]));
            Hir::class(Class::Bytes(class))
        }
        HirKind::Look(look) if reach == Reach::Ascii => Hir::look(ascii_look(*look)),
        HirKind::Repetition(repetition) => Hir::repetition(Repetition {
            min: repetition.min,
            max: repetition.max,
            greedy: repetition.greedy,
            sub: sub(&repetition.sub),
        }),
        HirKind::Capture(capture) => Hir::capture(Capture {
            index: capture.index,
            name: capture.name.clone(),
            sub: sub(&capture.sub),
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(|h| *sub(h)).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(|h| *sub(h)).collect()),
        _ => hir.clone(),
    }
}

/// A Unicode word boundary's ASCII twin (the same over ASCII text).
fn ascii_look(look: Look) -> Look {
    match look {
        Look::WordUnicode => Look::WordAscii,
        Look::WordUnicodeNegate => Look::WordAsciiNegate,
        Look::WordStartUnicode => Look::WordStartAscii,
        Look::WordEndUnicode => Look::WordEndAscii,
        Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
        Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
        other => other,
    }
}

/// A match of a [`Pattern`] in a text, and its groups.
pub struct Found<'t> {
    text: &'t str,
    caps: Captures,
}

impl<'t> Found<'t> {
    /// Group `index` (0: the whole match), when it took part in the match.
    pub fn get(&self, index: usize) -> Option<Span<'t>> {
        self.span(self.caps.get_group(index))
    }

    /// The group named `name`, when it took part in the match.
    pub fn name(&self, name: &str) -> Option<Span<'t>> {
        self.span(self.caps.get_group_by_name(name))
    }

    fn span(&self, span: Option<regex_automata::Span>) -> Option<Span<'t>> {
        span.map(|s| Span {
            text: self.text,
            start: s.start,
            end: s.end,
        })
    }
}

/// Where a group matched: bytes `start..end` of the text.
#[derive(Debug, Clone, Copy)]
pub struct Span<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Span<'t> {
    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::random_text::RandomPicks;

    /// `pattern` finds in `text` what the regex crate finds with `written`, groups included;
    /// whether it matched.
    fn same_as_written(pattern: &Pattern, written: &regex::Regex, text: &str) -> bool {
        let (ours, theirs) = (pattern.captures(text), written.captures(text));
        assert_eq!(ours.is_some(), theirs.is_some(), "{written} on {text:?}");
        assert_eq!(pattern.is_match(text), written.is_match(text), "{text:?}");
        let (Some(ours), Some(theirs)) = (ours, theirs) else {
            return false;
        };
        for (k, name) in written.capture_names().enumerate() {
            let group = |g: Option<regex::Match>| g.map(|m| (m.start(), m.end()));
            let mine = |s: Option<Span>| s.map(|s| (s.start(), s.end()));
            assert_eq!(mine(ours.get(k)), group(theirs.get(k)), "{text:?}");
            if let Some(name) = name {
                assert_eq!(mine(ours.name(name)), group(theirs.name(name)), "{text:?}");
            }
        }
        true
    }

    /// Each form finds on the texts within its reach what the pattern as written finds.
    #[test]
    fn forms_match_as_written() {
        let patterns = [
            r"^(?i:by|written\s+by)\s*:?\s+(?P<name>\p{Lu}[\p{L}\p{M}.'’\- ]*)(?:[|,\-–—]\s*(?P<role>[\p{L} ,]{1,10}))?$",
            r"\S\s*\((?:\p{Lu}{2,6}|[^()]{0,8}\b(?:Photo|Getty)\b[^()]{0,8})\)$",
            r"(?i)^(?:posted\s*:?\s*)?(?P<date>\d{1,2}\s+(?:may|june)\.?,?\s+\d{4})\s*\|?\s*$",
            r"^(?P<place>\p{Lu}[\p{Lu}.'’\- ]{1,10}\p{Lu})\s*(?:\((?P<agency>[^()]{1,10})\))?\s*(?:-{1,2}|–|:)\s+\S",
        ];
        // ASCII pieces mostly, some Latin ones ("ſ" and the Kelvin sign fold to "s" and "k"),
        // some beyond.
        let pieces = [
            "By", "by", "written", "WRITTEN", " ", "  ", "\t", ":", "Jane", "SMITH", "(", ")",
            "AFP", "Photo", "Getty", "-", "--", "|", ",", "editor", "12", "May", "june", "2016",
            "posted", "LONDON", "Reuters", "x", "'", ".", "K", "s", "Zoë", "ÉLISE", "–", "’",
            "\u{a0}", "ſ", "Ǆ", "\u{212a}", "ΣMITH", "٢",
        ];
        let heads = [
            "",
            "By ",
            "written by: ",
            "LONDON ",
            "12 May 2016",
            "posted: 3 june 2016",
            "٢ June 2016",
            "LONDON (AFP) - ",
            "ÅRHUS – ",
            "ΑΘΗΝΑ: ",
        ];
        let tails = ["", ")", " (AFP)", " (Getty Photo)", " x", "\u{a0}"];
        let mut random = RandomPicks::new(2024);
        for source in patterns {
            let pattern = Pattern::new(source);
            let written = regex::Regex::new(source).unwrap();
            let mut matched = [0; 3];
            for _ in 0..6000 {
                let len = random.below(6);
                let head = heads[random.below(heads.len())];
                let tail = tails[random.below(tails.len())];
                let body: String = random.draw::<&str, Vec<&str>>(&pieces[..], len).concat();
                let text = format!("{head}{body}{tail}");
                if same_as_written(&pattern, &written, &text) {
                    matched[Reach::of(&text) as usize] += 1;
                }
            }
            assert!(
                matched.iter().all(|&m| m >= 5),
                "{source}: {matched:?} matches"
            );
        }
    }
}
