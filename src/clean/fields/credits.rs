//! Agency credits: "*AFP", "(With Reuters, AFP)", "Source: AFP", "(AFP)", "— Reuters", or an
//! agency's name alone on a line.

use std::sync::OnceLock;

use super::{regex, Pattern};
use crate::text::lexicon::news_agencies;

/// Agency names credited by a paragraph such as "*AFP", "(With Reuters, AFP)", "Source: AFP",
/// "(AFP)" or "— Reuters".
pub fn credits_of(text: &str) -> Option<Vec<String>> {
    static CELL: OnceLock<Pattern> = OnceLock::new();
    let re = regex(
        &CELL,
        r"^(?:\*\s*(?P<star>[\p{Lu}][\p{L}.&/, ]{0,40})|\(\s*(?i:with|additional\s+reporting\s+by|reporting\s+by|sources?|via)\s*:?\s+(?P<with>[^()]{1,80})\)\.?|(?i:sources?|credits?|via)\s*:\s*(?P<source>[^:]{1,60})|\(\s*(?P<paren>\p{Lu}[\p{L}.]{0,15}(?:\s*[,/&]\s*\p{Lu}[\p{L}.]{0,15}){0,3})\s*\)\.?|[-–—]\s*(?P<dash>\p{Lu}[\p{L}.]{1,15}(?:\s*[,/&]\s*\p{Lu}[\p{L}.]{1,15}){0,3}))$",
    );
    // A news agency's name alone on a line ("Reuter" closing a wire story, "AFP").
    let bare = text
        .trim()
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace() || c.is_control());
    if bare.len() <= 10 {
        if let Some(name) = news_agencies().find_ignore_ascii_case(bare) {
            return Some(vec![name.to_string()]);
        }
    }
    // Every credit form starts with one of these and has its mark: a bracketed form ends with
    // its bracket, a named source has its colon, a dash is a dash. Most lines are out at once.
    let trimmed = text.trim();
    let marked = match trimmed.as_bytes().first() {
        Some(b'*' | b'-') => true,
        Some(b'(') => trimmed.ends_with(')') || trimmed.ends_with(")."),
        Some(b'S' | b's' | b'C' | b'c' | b'V' | b'v') => trimmed.contains(':'),
        Some(0xE2) => trimmed.starts_with(['–', '—']),
        _ => false,
    };
    if text.len() > 120 || !marked || !re.is_match(trimmed) {
        return None;
    }
    let caps = re.captures(trimmed)?;
    let (form, body) = ["star", "with", "source", "paren", "dash"]
        .iter()
        .find_map(|&name| Some((name, caps.name(name)?.as_str())))?;
    let names: Vec<String> = body
        .split([',', '/', '&', ';'])
        .flat_map(|part| part.split(" and "))
        .map(|s| s.trim().trim_end_matches('.').trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if names.is_empty() || names.iter().any(|n| n.split_whitespace().count() > 4) {
        return None;
    }
    // A line led by an asterisk or a dash is as often an item of a bulleted list ("* Home",
    // "* Swim proof", "- Startseite"): it credits only agencies known by name ("*AFP").
    let bulleted = matches!(form, "star" | "dash");
    if bulleted
        && !names
            .iter()
            .all(|n| news_agencies().find_ignore_ascii_case(n).is_some())
    {
        return None;
    }
    Some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(credits_of("— Reuters"), Some(vec!["Reuters".to_string()]));
        // Items of a bulleted list credit no one.
        for item in [
            "* Home",
            "* Swim proof",
            "* Automatically on, automatically connected",
        ] {
            assert_eq!(credits_of(item), None, "{item}");
        }
        assert_eq!(credits_of("- Startseite"), None);
    }
}
