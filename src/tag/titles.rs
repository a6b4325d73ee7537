//! Person titles: the words of "Deputy Foreign Minister" before a name, split off the name and
//! reported as the mention's title.

use super::mention::Label;

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
/// Words that qualify a title head ("Deputy Foreign Minister", "Army Chief").
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

/// Whether `word` can be part of a person's title.
pub fn is_title_word(word: &str) -> bool {
    TITLE_HEADS.contains(&word) || TITLE_MODIFIERS.contains(&word)
}

/// Splits leading title words off a PERSON span and finds the title just before it.
/// Returns the new span start and the title's token range.
pub fn split_title(
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
