//! Sports reports: a document with enough words of sports reporting, where teams named like
//! towns ("Milan", "Surrey") are organisations.

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

pub fn is_sports_report(words: &[&str]) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

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
