//! The lexicon's files are well formed, and the lists derived from the month and weekday names
//! hold what their users expect.

use super::*;

fn listed(list: &WordSet) -> std::collections::BTreeSet<&str> {
    list.iter().collect()
}

fn set(words: &str) -> std::collections::BTreeSet<&str> {
    words.split_whitespace().collect()
}

/// The DATE rules take every month abbreviation that is no common word, bare or with its
/// period ("Apr 5, 2016"); "mar" and "may" date only next to a day or a year.
#[test]
fn derived_calendar_lists() {
    assert_eq!(
        listed(ambiguous_months()),
        set("march may jan feb apr jun jul aug sep sept oct nov dec")
    );
    let months = date_months();
    assert!(["april", "apr", "apr.", "mar.", "sept", "sept."]
        .iter()
        .all(|m| months.contains(m)));
    assert!(!months.contains("mar") && !months.contains("may."));
    assert_eq!(
        listed(date_weekdays()),
        set(
            "monday tuesday wednesday thursday friday saturday sunday mon. tue. tues. wed. \
             thu. thur. thurs. fri. sat. sun."
        )
    );
    assert_eq!(
        listed(weekday_forms()),
        set(
            "monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri \
             saturday sat sunday sun"
        )
    );
    let never_names = calendar_words_never_names();
    assert!(never_names.contains("january") && never_names.contains("sept"));
    assert!(never_names.contains("sunday") && !never_names.contains("sun"));
    assert!(!never_names.contains("may") && !never_names.contains("march"));
    assert_eq!(month_forms().len(), 24);
    let weekday_prefixes: Vec<&str> = weekdays().iter().map(|d| d.abbreviations[0]).collect();
    assert_eq!(
        weekday_prefixes,
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    );
}

#[test]
fn calendar() {
    assert_eq!(months().len(), 12);
    assert_eq!(weekdays().len(), 7);
    assert_eq!(months()[8].name, "september");
    assert_eq!(months()[8].abbreviations, ["sep", "sept"]);
    assert_eq!(months()[2].common_words, ["march", "mar"]);
    assert!(months()[4].abbreviations.is_empty() && months()[4].is_common_word("may"));
}

#[test]
fn lookups() {
    assert!(stopwords().contains("it's") && !stopwords().contains("It's"));
    assert_eq!(listed(connectors_before_head()), set("and &"));
    assert_eq!(listed(connectors_after_head()), set("of for"));
    assert_eq!(listed(event_words_opening_names()), set("Open Grand"));
    let (heads, legal) = (organisation_heads(), legal_forms());
    assert!(heads.contains("Corp") && legal.contains("Corp"));
    assert!(heads.contains("Ministry") && !legal.contains("Ministry"));
    assert!(!heads.contains("International") && legal.contains("International"));
    assert!(!heads.contains("Co") && legal.contains("Co"));
    assert_eq!(
        news_agencies().find_ignore_ascii_case("REUTER"),
        Some("Reuter")
    );
    assert_eq!(news_agencies().find_ignore_ascii_case("dpa"), Some("dpa"));
    assert!(league_table_words().contains_ignore_ascii_case("League"));
    assert!(!month_forms().contains_ignore_ascii_case("Márch"));
    assert!(!month_forms().contains_ignore_ascii_case(&"x".repeat(40)));
    assert!(abbreviations().contains("Nov") && abbreviations().contains("Tues"));
    let set = WordSet::new(["b", "a", "b", "A"]);
    assert_eq!(set.iter().collect::<Vec<_>>(), ["b", "a", "A"]);
    assert_eq!(set.find_ignore_ascii_case("a"), Some("a"));
    assert_eq!(set.len(), 3);
    assert_eq!(
        WordSet::new(["a.", "abc", "ab"]).regex_alternation(),
        r"abc|a\.|ab"
    );
}

/// The first-byte and length filter of lookups rejects no listed word, whatever its first
/// byte (either case, beyond ASCII, empty) or length (past the last length bit too), and
/// answers other words as the map does.
#[test]
fn lookups_pass_the_first_byte_filter() {
    let long = format!("a{}", "b".repeat(70));
    let longer = format!("a{}", "b".repeat(80));
    let set = WordSet::new(["Zed", "apple", "Élan", "", "9lives", "_x", &long, "ab"]);
    for word in set.iter() {
        assert!(set.contains(word), "{word:?}");
    }
    for word in ["Ze", "Zedd", "appl", "a", "abc", &longer, "\u{e9}lan"] {
        assert!(!set.contains(word), "{word:?}");
    }
    assert_eq!(
        set.find_ignore_ascii_case(&long.to_uppercase()),
        Some(&*long)
    );
    assert_eq!(set.find_ignore_ascii_case(&longer), None);
    assert!(set.has_word_starting_with(b'Z') && !set.has_word_starting_with(b'z'));
    for (word, listed) in [
        ("zED", Some("Zed")),
        ("APPLE", Some("apple")),
        ("Élan", Some("Élan")),
        ("élan", None),
        ("", Some("")),
        ("9LIVES", Some("9lives")),
        ("_X", Some("_x")),
        ("Zee", None),
        ("bpple", None),
    ] {
        assert_eq!(set.find_ignore_ascii_case(word), listed, "{word:?}");
    }
    for word in reader_address_words().iter() {
        let upper = word.to_ascii_uppercase();
        assert_eq!(
            reader_address_words().find_ignore_ascii_case(&upper),
            Some(word)
        );
    }
}

/// Every file opens with its header, lists each word once, and uses only known marks.
#[test]
fn files_are_well_formed() {
    let files = [
        (STOPWORDS_FILE, "open"),
        (INTERFACE_WORDS_FILE, "thread cookie"),
        (READER_ADDRESS_WORDS_FILE, ""),
        (AUTHOR_ROLES_FILE, "role joins about self"),
        (RELATED_LABELS_FILE, "tags"),
        (SITE_WORDS_FILE, ""),
        (NEWS_AGENCIES_FILE, ""),
        (OUTLET_WORDS_FILE, ""),
        (ORDINAL_SUFFIXES_FILE, ""),
        (YEAR_CUES_FILE, ""),
        (RELATIVE_DATE_HEADS_FILE, ""),
        (DATE_PERIODS_FILE, ""),
        (RELATIVE_DAYS_FILE, ""),
        (ABBREVIATIONS_FILE, ""),
        (CLITICS_FILE, ""),
        (TITLE_WORDS_FILE, "head"),
        (TITLE_DOMAINS_FILE, ""),
        (NATIONAL_BODIES_FILE, ""),
        (ORGANISATION_WORDS_FILE, "legal head industry part"),
        (ORGANISATION_CONNECTORS_FILE, "after-head before-head topic"),
        (PHRASE_OPENERS_FILE, "sentence"),
        (NAME_PARTICLES_FILE, ""),
        (NAME_PREFIXES_FILE, ""),
        (EVENT_WORDS_FILE, "opens-names"),
        (LEAGUE_TABLE_WORDS_FILE, "heading"),
        (SPORTS_CUES_FILE, ""),
        (PLACE_PREPOSITIONS_FILE, ""),
        (COMMON_TERMS_FILE, ""),
        (AGREEMENT_WORDS_FILE, ""),
    ];
    for (file, marks) in files {
        assert!(file.starts_with("# "), "{file:.60}");
        let header_lines = file.lines().take_while(|l| l.starts_with('#')).count();
        assert!(header_lines >= 3, "{file:.60}");
        let mut seen = std::collections::HashSet::new();
        for fields in entries(file) {
            assert!(seen.insert(fields[0]), "{} twice", fields[0]);
            for mark in &fields[1..] {
                assert!(marks.split(' ').any(|m| m == *mark), "unknown mark {mark}");
            }
        }
    }
    for file in [MONTHS_FILE, WEEKDAYS_FILE] {
        assert!(file.starts_with("# "));
        let forms: Vec<&str> = entries(file).flatten().collect();
        let distinct: std::collections::HashSet<&str> = forms.iter().copied().collect();
        assert_eq!(forms.len(), distinct.len());
        assert!(forms.iter().all(|f| f
            .trim_start_matches('~')
            .bytes()
            .all(|b| b.is_ascii_lowercase())));
    }
}
