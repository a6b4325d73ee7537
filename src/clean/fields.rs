//! Parts of a page that belong in fields rather than in the article text: bylines, dates,
//! datelines ("TEHRAN (Tasnim) –"), agency credits ("*AFP", "(With Reuters, AFP)") and photo
//! captions. Each detector looks at one paragraph; `mod.rs` decides where they may apply.

use std::sync::OnceLock;

use regex::Regex;

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid built-in pattern"))
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

fn date_regex() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    static PATTERN: OnceLock<String> = OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        let weekday = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?";
        let day = r"\d{1,2}(?:st|nd|rd|th)?";
        let date = format!(
            r"(?:{day}\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+{day},?\s+\d{{4}}|{MONTH}\s+\d{{4}}|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})"
        );
        let time = r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*\(?[a-z]{2,4}\)?)?)?";
        format!(
            r"(?i)^(?:(?:published|updated|posted|last\s+updated|date|on)\s*(?:on\s*)?:?\s*)?(?:{weekday}\s*)?(?P<date>{date}){time}\s*\|?\s*$"
        )
    });
    regex(&CELL, pattern)
}

/// A paragraph that is only a date (with an optional weekday, "Published:" and a time).
pub fn is_date_line(text: &str) -> bool {
    text.len() <= 80 && date_regex().is_match(text)
}

/// The date part of a date line.
pub fn date_of(text: &str) -> Option<String> {
    if text.len() > 80 {
        return None;
    }
    if !date_regex().is_match(text) {
        return None;
    }
    let caps = date_regex().captures(text)?;
    let m = caps.get(0)?;
    let start = caps.name("date").map_or(0, |d| d.start());
    // Keep the weekday: "Monday, 28 March 2016".
    let head = &text[..start];
    let weekday_start = head
        .char_indices()
        .find(|(_, c)| c.is_alphabetic())
        .map(|(i, _)| i)
        .filter(|&i| {
            let w = head[i..].to_ascii_lowercase();
            ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                .iter()
                .any(|d| w.starts_with(d))
        });
    let from = weekday_start.unwrap_or(start);
    Some(
        text[from..m.end()]
            .trim()
            .trim_end_matches('|')
            .trim()
            .to_string(),
    )
}

/// "By Jane Smith", "Written by Agencies": the name, when the paragraph is a byline.
pub fn byline_of(text: &str) -> Option<String> {
    static CELL: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &CELL,
        r"^(?i:by|written\s+by|reported\s+by|reporting\s+by|posted\s+by|story\s+by|words\s+by)\s*:?\s+(?P<name>\p{Lu}[\p{L}\p{M}.'’\- ]*(?:(?:,| and | &) ?\p{Lu}[\p{L}\p{M}.'’\- ]*){0,3})\s*(?:[|,\-–—]\s*(?P<role>[\p{L} ,]{1,40})|;\s*(?i:editing|writing|additional\s+reporting)\s+by\s+[\p{L}\p{M}.'’\- ,;]{1,80})?$",
    );
    if text.len() > 120
        || !matches!(
            text.as_bytes().first(),
            Some(b'B' | b'b' | b'W' | b'w' | b'R' | b'r' | b'P' | b'p' | b'S' | b's')
        )
    {
        return None;
    }
    if text.split_whitespace().count() > 10 {
        return None;
    }
    let caps = re.captures(text)?;
    Some(caps.name("name")?.as_str().trim().to_string())
}

pub fn is_byline(text: &str) -> bool {
    byline_of(text).is_some()
}

/// News agencies whose bare name on a line of its own is a credit, as they print it.
const AGENCIES: &[&str] = &[
    "Reuter",
    "Reuters",
    "AFP",
    "AP",
    "Xinhua",
    "Bloomberg",
    "dpa",
    "ANSA",
    "EFE",
    "Kyodo",
    "TASS",
    "IRNA",
    "UPI",
    "PTI",
    "IANS",
    "Yonhap",
    "Anadolu",
    "Bernama",
];

/// Agency names credited by a paragraph such as "*AFP", "(With Reuters, AFP)", "Source: AFP",
/// "(AFP)" or "— Reuters".
pub fn credits_of(text: &str) -> Option<Vec<String>> {
    static CELL: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &CELL,
        r"^(?:\*\s*(?P<star>[\p{Lu}][\p{L}.&/, ]{0,40})|\(\s*(?i:with|additional\s+reporting\s+by|reporting\s+by|sources?|via)\s*:?\s+(?P<with>[^()]{1,80})\)\.?|(?i:sources?|credits?|via)\s*:\s*(?P<source>[^:]{1,60})|\(\s*(?P<paren>\p{Lu}[\p{L}.]{0,15}(?:\s*[,/&]\s*\p{Lu}[\p{L}.]{0,15}){0,3})\s*\)\.?|[-–—]\s*(?P<dash>\p{Lu}[\p{L}.]{1,15}(?:\s*[,/&]\s*\p{Lu}[\p{L}.]{1,15}){0,3}))$",
    );
    // A news agency's name alone on a line ("Reuter" closing a wire story, "AFP").
    let bare = text
        .trim()
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace() || c.is_control());
    if bare.len() <= 10 {
        if let Some(name) = AGENCIES.iter().find(|a| a.eq_ignore_ascii_case(bare)) {
            return Some(vec![name.to_string()]);
        }
    }
    // Every credit form starts with one of these; most paragraphs are out at once.
    let first = text.trim_start().as_bytes().first().copied().unwrap_or(0);
    if text.len() > 120
        || !matches!(
            first,
            b'*' | b'(' | b'-' | b'S' | b's' | b'C' | b'c' | b'V' | b'v' | 0xE2
        )
        || !re.is_match(text.trim())
    {
        return None;
    }
    let caps = re.captures(text.trim())?;
    let body = ["star", "with", "source", "paren", "dash"]
        .iter()
        .find_map(|name| caps.name(name))?
        .as_str();
    let names: Vec<String> = body
        .split([',', '/', '&', ';'])
        .flat_map(|part| part.split(" and "))
        .map(|s| s.trim().trim_end_matches('.').trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if names.is_empty() || names.iter().any(|n| n.split_whitespace().count() > 4) {
        return None;
    }
    Some(names)
}

/// A photo caption: ends with a short parenthesised credit ("… 2015. (AP)"), marks where people
/// stand ("(R)", ", left,"), or starts with "Photo:".
pub fn is_caption(text: &str) -> bool {
    static END: OnceLock<Regex> = OnceLock::new();
    static MARK: OnceLock<Regex> = OnceLock::new();
    static START: OnceLock<Regex> = OnceLock::new();
    // A photo credit: an agency acronym, or words such as "Photo", "Images", "/".
    let end = regex(
        &END,
        r"\S\s*\((?:\p{Lu}{2,6}|\p{Lu}{2,6}\s*(?:/|Photo|photo|Images|images|via)[^()]{0,30}|[^()]{0,30}\b(?:Photo|photo|Images|Pictures|Getty|file photo|File photo)\b[^()]{0,30}|(?i:photo|file\s+photo|image|picture|pic)\s*:[^()]{1,40})\)$",
    );
    let mark = regex(
        &MARK,
        r"(?:\((?:L|R|C|L-R|R-L|left|right|centre|center|2nd L|2nd R|L to R)\)|, (?:left|right|centre|center|second left|second right),)",
    );
    let start = regex(
        &START,
        r"^(?i:photo|image|picture|file\s+photo|caption)\s*(?::|/)\s*\S",
    );
    if text.len() > 600 || text.len() < 10 {
        return false;
    }
    let sentence = super::lines::ends_sentence(text);
    let shaped = (text.ends_with(')') && end.is_match(text) && credits_of(text).is_none())
        || (!sentence && mark.is_match(text))
        || (text.starts_with(['P', 'p', 'I', 'i', 'F', 'f', 'C', 'c']) && start.is_match(text));
    shaped && text.split_whitespace().count() >= 5
}

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
    static CELL: OnceLock<Regex> = OnceLock::new();
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
    let looks_like_outlet = [
        "NEWS", "PRESS", "TIMES", "POST", "AGENCY", "WIRE", "TV", "DAILY", "HERALD", "TRIBUNE",
    ]
    .iter()
    .any(|w| upper.contains(w));
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
    fn dates() {
        for s in [
            "Monday, 28 March 2016",
            "Published: March 28, 2016 10:32 GMT",
            "2016-03-28",
            "Dec. 25, 2016",
            "28/03/2016",
        ] {
            assert!(is_date_line(s), "{s}");
        }
        assert_eq!(
            date_of("Monday, 28 March 2016").as_deref(),
            Some("Monday, 28 March 2016")
        );
        assert_eq!(
            date_of("Published: 28 March 2016").as_deref(),
            Some("28 March 2016")
        );
        for s in ["May the best team win", "The 2016 budget", "March on"] {
            assert!(!is_date_line(s), "{s}");
        }
    }

    #[test]
    fn bylines() {
        assert_eq!(byline_of("By Agencies").as_deref(), Some("Agencies"));
        assert_eq!(
            byline_of("By Jane Smith and John Doe").as_deref(),
            Some("Jane Smith and John Doe")
        );
        assert_eq!(
            byline_of("By contrast, the market fell sharply on Monday after the report."),
            None
        );
        assert_eq!(
            byline_of("Reporting by Jane Doe; Editing by John Smith").as_deref(),
            Some("Jane Doe")
        );
    }

    #[test]
    fn credits() {
        assert_eq!(credits_of("*AFP"), Some(vec!["AFP".to_string()]));
        assert_eq!(credits_of(" Reuter"), Some(vec!["Reuter".to_string()]));
        assert_eq!(credits_of("REUTER...\r"), Some(vec!["Reuter".to_string()]));
        assert_eq!(credits_of("Reuters said"), None);
        assert_eq!(
            credits_of("(With Reuters, AFP)"),
            Some(vec!["Reuters".to_string(), "AFP".to_string()])
        );
        assert_eq!(credits_of("Source: AFP"), Some(vec!["AFP".to_string()]));
        assert_eq!(credits_of("(AP)"), Some(vec!["AP".to_string()]));
        assert_eq!(credits_of("He said (and meant) it."), None);
    }

    #[test]
    fn captions() {
        assert!(is_caption("Russian President Vladimir Putin, left, and his Iranian counterpart Hassan Rowhani make their way in Tehran, Iran, Monday, Nov. 23, 2015. (AP)"));
        assert!(is_caption(
            "Iranian President Hassan Rouhani (R) and his Russian counterpart Vladimir Putin"
        ));
        assert!(!is_caption("The talks (which began in 2015) went on."));
        assert!(!is_caption("Howard Webb (South Yorkshire)"));
        assert!(!is_caption("Little Britain and other shows (BBC Three)"));
        assert!(is_caption(
            "Firefighters work at the scene of the blast in the city (AFP Photo)"
        ));
    }

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
