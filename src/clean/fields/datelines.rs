//! Datelines at the start of an article: "TEHRAN (Tasnim) – …", "LONDON, March 5 (Reuters) - …".

use std::sync::OnceLock;

use super::dates::date_regex;
use super::{regex, Pattern};
use crate::text::lexicon::outlet_words;

/// A dateline at the start of the first body paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dateline {
    pub place: Option<String>,
    pub agency: Option<String>,
    pub date: Option<String>,
    /// Bytes of the paragraph the dateline takes, including the dash and spaces after it.
    pub len: usize,
}

/// "TEHRAN (Tasnim) – …", "LONDON, March 5 (Reuters) - …", "AMMONNEWS - …".
pub fn dateline_of(text: &str) -> Option<Dateline> {
    static CELL: OnceLock<Pattern> = OnceLock::new();
    let re = regex(
        &CELL,
        r"^(?P<place>\p{Lu}[\p{Lu}.'’\- ]{1,40}\p{Lu})(?:\s*,\s*(?P<extra>[^()\-–—:]{1,30}?))?\s*(?:\((?P<agency>[^()]{1,40})\))?\s*(?:-{1,2}|–|—|:)\s+\S",
    );
    if !text.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && !text.starts_with(|c: char| c.is_uppercase())
    {
        return None;
    }
    let caps = re.captures(text)?;
    let place = caps.name("place")?.as_str().trim().to_string();
    if place.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let whole = caps.get(0)?;
    // The match ends with the first char of the body; the dateline stops just before it.
    let body_char_len = text[..whole.end()].chars().next_back()?.len_utf8();
    let len = whole.end() - body_char_len;
    let mut dateline = Dateline {
        len,
        ..Default::default()
    };
    let agency = caps.name("agency").map(|m| m.as_str().trim().to_string());
    let upper = place.to_uppercase();
    let looks_like_outlet = outlet_words().iter().any(|w| upper.contains(w));
    if looks_like_outlet && agency.is_none() {
        dateline.agency = Some(place);
    } else {
        let mut place = place;
        if let Some(extra) = caps.name("extra").map(|m| m.as_str().trim()) {
            if date_regex().is_match(extra) || extra.chars().any(|c| c.is_ascii_digit()) {
                dateline.date = Some(extra.to_string());
            } else if !extra.is_empty() {
                place = format!("{place}, {extra}");
            }
        }
        dateline.place = Some(place);
        dateline.agency = agency;
    }
    Some(dateline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let d =
            dateline_of("TEHRAN (Tasnim) – The presidents of Iran and Russia discussed").unwrap();
        assert_eq!(
            (d.place.as_deref(), d.agency.as_deref()),
            (Some("TEHRAN"), Some("Tasnim"))
        );
        assert_eq!(&"TEHRAN (Tasnim) – The"[d.len..], "The");
        let d = dateline_of("AMMONNEWS - Iran’s President Hassan Rowhani").unwrap();
        assert_eq!((d.place, d.agency.as_deref()), (None, Some("AMMONNEWS")));
        let d = dateline_of("LONDON, March 5 (Reuters) - Shares fell").unwrap();
        assert_eq!(d.date.as_deref(), Some("March 5"));
        assert!(dateline_of("US - China trade talks resumed").is_none());
        assert!(dateline_of("The presidents met").is_none());
    }
}
