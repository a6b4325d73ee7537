//! Words that mark an organisation's name: legal forms ("Corp", "GmbH") and institutional
//! heads ("Ministry", "Bank"). Each word has one home here.

/// Legal forms that end a company's name and make the capitalised phrase before them an
/// organisation ("Jeans Mate Corp", "Ruch SA").
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
    "Co.",
    "Group",
    "Holdings",
];

/// Words that may end a company's full name but, unlike [`LEGAL_FORMS`], do not make a phrase
/// an organisation by themselves ("International" also ends names of airports and events).
const WEAK_LEGAL_FORMS: &[&str] = &["Co", "International"];

/// Last words that make a capitalised phrase an institution ("Scottish Labour Party", "Bank of
/// England").
const INSTITUTION_HEADS: &[&str] = &[
    "Company",
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

/// Whether `word`, ending a capitalised phrase, makes it an organisation ("Jeans Mate Corp",
/// "Scottish Labour Party", "Bank of England").
pub fn is_org_head(word: &str) -> bool {
    LEGAL_FORMS.contains(&word) || INSTITUTION_HEADS.contains(&word)
}

/// Whether `word` is a legal form that may end a company's full name, so that the name without
/// it names the same company ("Ruch" for "Ruch SA", "Magna" for "Magna International Inc").
pub fn is_legal_form(word: &str) -> bool {
    LEGAL_FORMS.contains(&word) || WEAK_LEGAL_FORMS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_has_one_list() {
        for word in LEGAL_FORMS {
            assert!(!WEAK_LEGAL_FORMS.contains(word) && !INSTITUTION_HEADS.contains(word));
        }
        for word in WEAK_LEGAL_FORMS {
            assert!(!INSTITUTION_HEADS.contains(word));
        }
    }

    #[test]
    fn heads_and_legal_forms() {
        assert!(is_org_head("Corp") && is_legal_form("Corp"));
        assert!(is_org_head("Ministry") && !is_legal_form("Ministry"));
        assert!(!is_org_head("International") && is_legal_form("International"));
        assert!(!is_org_head("Co") && is_legal_form("Co"));
    }
}
