//! Each list against the words its user holds today (copied below from the user's source), so
//! that switching a user to the lexicon provably changes nothing, or changes exactly what the
//! test names. Delete a copy once its user reads the lexicon.

use super::*;

fn set(words: &str) -> std::collections::BTreeSet<&str> {
    words.split_whitespace().collect()
}

fn listed(list: &WordSet) -> std::collections::BTreeSet<&str> {
    list.iter().collect()
}

#[test]
fn cleaning_lists_are_todays() {
    assert_eq!(listed(stopwords()), set(STOPWORDS));
    assert_eq!(listed(interface_words()), set(UI_WORDS));
    assert_eq!(listed(reader_address_words()), set(PERSON_WORDS));
    assert_eq!(listed(month_forms()), set(CHROME_MONTHS));
    assert_eq!(
        news_agencies().iter().collect::<Vec<_>>(),
        AGENCIES.split_whitespace().collect::<Vec<_>>()
    );
    assert_eq!(
        listed(outlet_words()),
        set("NEWS PRESS TIMES POST AGENCY WIRE TV DAILY HERALD TRIBUNE")
    );
    assert_eq!(listed(ordinal_suffixes()), set("st nd rd th"));
}

#[test]
fn tagging_lists_are_todays() {
    assert_eq!(listed(title_heads()), set(TITLE_HEADS));
    let title_words_today: std::collections::BTreeSet<&str> = set(TITLE_HEADS)
        .union(&set(TITLE_MODIFIERS))
        .copied()
        .collect();
    assert_eq!(listed(title_words()), title_words_today);
    assert_eq!(listed(event_words()), set(EVENT_WORDS));
    assert_eq!(listed(league_table_words()), set(LEAGUE_TABLE_WORDS));
    assert_eq!(
        listed(league_table_headings()),
        set("DIVISION LEAGUE CONFERENCE")
    );
    assert_eq!(listed(organisation_heads()), set(ORG_HEADS));
    assert_eq!(listed(legal_forms()), set(LEGAL_FORMS));
    assert_eq!(listed(organisation_connectors()), set(ORG_CONNECTORS));
    assert_eq!(listed(connectors_after_head()), set("of for"));
    assert_eq!(listed(name_particles()), set(PARTICLES));
    assert_eq!(listed(sports_cues()), set(SPORTS_CUES));
    assert_eq!(listed(year_cues()), set(DATES_YEAR_CUES));
    assert_eq!(listed(relative_date_heads()), set(DATES_RELATIVE_HEADS));
    assert_eq!(listed(date_periods()), set(DATES_PERIODS));
    assert_eq!(listed(relative_days()), set(DATES_DAY_WORDS));
    assert_eq!(listed(abbreviations()), set(ABBREVIATIONS));
    assert_eq!(listed(clitics()), set(CLITICS));
    assert_eq!(listed(date_weekdays()), set(DATES_WEEKDAYS));
    assert_eq!(
        listed(calendar_words_never_names()),
        set(MONTH_AND_DAY_NAMES)
    );
    // src/tag/canonical.rs name_key, src/tag/mod.rs clubs and designated_organisations.
    assert_eq!(
        listed(name_prefixes()),
        set("al- el- ad- as- ar- an- at- az- ash-")
    );
    assert_eq!(
        listed(place_prepositions()),
        set("in In IN at At AT near outside")
    );
    assert_eq!(
        listed(phrase_openers()),
        set("The A An In On At By For From")
    );
}

/// The DATE rules accept the bare abbreviations "jan feb aug sept oct nov dec" but not
/// "apr jun jul sep": "Apr 5, 2016" is no date today. The lexicon lists every abbreviation that
/// is no common word; the switch-over adds exactly these four (a named bug fix).
#[test]
fn date_months_differ_by_four_bare_abbreviations() {
    let lexicon = listed(date_months());
    let today = set(DATES_MONTHS);
    assert!(today.is_subset(&lexicon));
    let added: Vec<&str> = lexicon.difference(&today).copied().collect();
    assert_eq!(added, ["apr", "jul", "jun", "sep"]);
    let lexicon = listed(ambiguous_months());
    let today = set(DATES_AMBIGUOUS_MONTHS);
    assert!(today.is_subset(&lexicon));
    let added: Vec<&str> = lexicon.difference(&today).copied().collect();
    assert_eq!(added, ["apr", "jul", "jun", "sep"]);
}

/// Cleaning's date pattern (src/clean/fields.rs `MONTH`) matches exactly the month forms, each
/// with an optional period.
#[test]
fn month_pattern_matches_the_forms() {
    let today = regex::Regex::new(r"(?i)^(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)$").unwrap();
    let lexicon = regex::Regex::new(&format!(
        r"(?i)^(?:(?:{})\.?)$",
        month_forms().regex_alternation()
    ))
    .unwrap();
    let mut candidates: Vec<String> = Vec::new();
    for form in month_forms().iter() {
        for end in 1..=form.len() + 1 {
            let stem = &form[..end.min(form.len())];
            for tail in ["", ".", "x", "e", "..", "ber"] {
                candidates.push(format!("{stem}{tail}"));
                candidates.push(format!("{}{tail}", capitalised(stem)));
            }
        }
    }
    for candidate in &candidates {
        assert_eq!(
            lexicon.is_match(candidate),
            today.is_match(candidate),
            "{candidate}"
        );
    }
    assert!(lexicon.is_match("Sept.") && !lexicon.is_match("Septe"));
}

/// Cleaning's weekday pattern (src/clean/fields.rs `date_regex`) accepts every weekday form and
/// seven strings that are none: the switch-over drops those (a named bug fix).
#[test]
fn weekday_pattern_accepts_seven_non_words() {
    let today = regex::Regex::new(
        r"(?i)^(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?$",
    )
    .unwrap();
    let forms: std::collections::BTreeSet<&str> =
        weekdays().iter().flat_map(CalendarName::forms).collect();
    assert!(forms.iter().all(|f| today.is_match(f)));
    let bases = "mon tue tues wed wednes thu thur thurs fri sat satur sun";
    let accepted: std::collections::BTreeSet<String> = bases
        .split_whitespace()
        .flat_map(|b| [b.to_string(), format!("{b}day")])
        .filter(|s| today.is_match(s))
        .collect();
    let extra: Vec<&str> = accepted
        .iter()
        .map(String::as_str)
        .filter(|s| !forms.contains(s))
        .collect();
    assert_eq!(
        extra,
        ["satday", "satur", "thuday", "thurday", "tueday", "wedday", "wednes"]
    );
    // The weekday kept with a date (src/clean/fields.rs date_of): the first abbreviations.
    let prefixes: Vec<&str> = weekdays().iter().map(|d| d.abbreviations[0]).collect();
    assert_eq!(prefixes, ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
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

/// Every file opens with its header, lists each word once, and uses only known marks.
#[test]
fn files_are_well_formed() {
    let files = [
        (STOPWORDS_FILE, ""),
        (INTERFACE_WORDS_FILE, ""),
        (READER_ADDRESS_WORDS_FILE, ""),
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
        (ORGANISATION_WORDS_FILE, "legal head"),
        (ORGANISATION_CONNECTORS_FILE, "after-head"),
        (PHRASE_OPENERS_FILE, ""),
        (NAME_PARTICLES_FILE, ""),
        (NAME_PREFIXES_FILE, ""),
        (EVENT_WORDS_FILE, ""),
        (LEAGUE_TABLE_WORDS_FILE, "heading"),
        (SPORTS_CUES_FILE, ""),
        (PLACE_PREPOSITIONS_FILE, ""),
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

/// STOPWORDS (src/clean/chrome.rs)
const STOPWORDS: &str = "\
    a about above after again against all also am an and any are as at be because been \
    before being below between both but by can could did do does doing down during each even \
    few for from further had has have having he her here hers herself him himself his how i \
    if in into is it its itself just last may me might more most much must my no nor not now \
    of off on once one only or other our out over own said same says she should since so \
    some such than that the their them then there these they this those through to too under \
    until up very was we were what when where which while who whom why will with would year \
    you your new two first been's it's he's she's there's that's who's can't won't don't \
    didn't isn't wasn't after's according however still yet already among around";

/// UI_WORDS (src/clean/chrome.rs)
const UI_WORDS: &str = "\
    share comment comments commenting reply replies login logout signup subscribe \
    subscribers subscription unsubscribe newsletter newsletters click tap tweet retweet \
    facebook twitter whatsapp linkedin pinterest instagram rss email e-mail printable \
    advertisement sponsored cookies cookie privacy copyright menu navigation sitemap \
    trending homepage website permalink tags tagged captcha password username bookmark \
    loading widget skip toggle signin sign-in sign-up reserved disclaimer faq feedback \
    gallery headlines";

/// PERSON_WORDS (src/clean/chrome.rs)
const PERSON_WORDS: &str = "\
    you your yours we our us";

/// CHROME_MONTHS (src/clean/chrome.rs names_a_month)
const CHROME_MONTHS: &str = "\
    jan january feb february mar march apr april may jun june jul july aug august sep sept \
    september oct october nov november dec december";

/// AGENCIES (src/clean/fields.rs)
const AGENCIES: &str = "\
    Reuter Reuters AFP AP Xinhua Bloomberg dpa ANSA EFE Kyodo TASS IRNA UPI PTI IANS Yonhap \
    Anadolu Bernama";

/// TITLE_HEADS (src/tag/mod.rs)
const TITLE_HEADS: &str = "\
    President Vice Prime Minister Secretary General Gen. Mr. Mrs. Ms. Dr. Mr Mrs Ms Dr \
    Chancellor King Queen Prince Princess Sheikh Ayatollah Senator Sen. Rep. Representative \
    Governor Gov. Mayor Chief Commander Colonel Col. Major Maj. Lieutenant Lt. Captain Capt. \
    Sergeant Sgt. Admiral Adm. Ambassador Envoy Judge Justice Pope Cardinal Bishop \
    Archbishop Rev. Reverend Imam Spokesman spokesman spokeswoman Spokeswoman spokesperson \
    Director Chairman Chairwoman Speaker Premier Emir Sultan Leader Professor Prof. \
    president minister secretary chairman director chief commander ambassador envoy Marshal \
    Brigadier Sir Dame Lord Lady Coach coach Attorney Defense Defence";

/// TITLE_MODIFIERS (src/tag/mod.rs)
const TITLE_MODIFIERS: &str = "\
    Deputy deputy Foreign foreign Interior Finance Defense Defence Justice Health Trade \
    Economy Energy Oil State Army Staff Executive Supreme Crown Grand Ministry ministry \
    Acting acting former Former Vice Prime General Attorney Chief Lieutenant Major Rear \
    Secretary Minister President Foreign Assistant Under Senior senior Information Culture \
    Education Labor Labour Agriculture Security National Guards Revolutionary Intelligence \
    Police police army military Military Home";

/// EVENT_WORDS (src/tag/mod.rs)
const EVENT_WORDS: &str = "\
    Open OPEN Cup CUP Games GAMES Olympics Championships Championship Masters Trophy \
    Marathon Grand Invitational Classic";

/// LEAGUE_TABLE_WORDS (src/tag/mod.rs)
const LEAGUE_TABLE_WORDS: &str = "\
    DIVISION LEAGUE CONFERENCE NATIONAL AMERICAN EASTERN WESTERN CENTRAL NORTHERN SOUTHERN \
    ATLANTIC PACIFIC MIDWEST";

/// ORG_HEADS (src/tag/mod.rs)
const ORG_HEADS: &str = "\
    Inc Inc. Corp Corp. Corporation Ltd Ltd. Limited Plc PLC plc LLC AG GmbH S.A. SA SpA AB \
    NV Bhd N.V. Co. Company Group Holdings Bank Airlines Airways Motors Industries \
    Securities Partners Technologies Communications Enterprises Bancorp Party Ministry \
    Council Committee Commission Agency Association Federation Institute University \
    Authority Foundation Board Bureau Exchange Organisation Organization";

/// ORG_CONNECTORS (src/tag/mod.rs)
const ORG_CONNECTORS: &str = "\
    of for and & de du des der";

/// LEGAL_FORMS (src/tag/mod.rs)
const LEGAL_FORMS: &str = "\
    Inc Inc. Corp Corp. Corporation Ltd Ltd. Limited Plc PLC plc LLC AG GmbH S.A. SA SpA AB \
    NV N.V. Bhd Co Co. International Group Holdings";

/// PARTICLES (src/tag/mod.rs)
const PARTICLES: &str = "\
    al el de da di van von der den bin ibn le la du del dos ben ter";

/// MONTH_AND_DAY_NAMES (src/tag/mod.rs)
const MONTH_AND_DAY_NAMES: &str = "\
    january february april june july august september october november december jan feb apr \
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday \
    sunday";

/// SPORTS_CUES (src/tag/mod.rs is_sports_cue)
const SPORTS_CUES: &str = "\
    soccer football cricket rugby baseball basketball hockey tennis league club clubs coach \
    striker midfielder goalkeeper defender innings wicket wickets inning homer homered \
    homers pitcher halftime half-time semifinal semi-final quarterfinal quarter-final \
    premiership bundesliga scored goals touchdown playoff playoffs standings unbeaten \
    relegation championship match matches season fixtures batsman bowler stumps cup squad \
    goalless scorers captain olympic medal";

/// DATES_WEEKDAYS (src/tag/dates.rs WEEKDAYS)
const DATES_WEEKDAYS: &str = "\
    monday tuesday wednesday thursday friday saturday sunday mon. tue. tues. wed. thu. thur. \
    thurs. fri. sat. sun.";

/// DATES_MONTHS (src/tag/dates.rs MONTHS)
const DATES_MONTHS: &str = "\
    january february march april may june july august september october november december \
    jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. jan feb aug sept oct nov \
    dec";

/// DATES_AMBIGUOUS_MONTHS (src/tag/dates.rs AMBIGUOUS_MONTHS)
const DATES_AMBIGUOUS_MONTHS: &str = "\
    march may jan aug oct nov dec feb sept";

/// DATES_YEAR_CUES (src/tag/dates.rs YEAR_CUES)
const DATES_YEAR_CUES: &str = "\
    in since until till by of from before after during early late mid year through to and \
    between fiscal around circa summer winter spring autumn";

/// DATES_RELATIVE_HEADS (src/tag/dates.rs RELATIVE_HEADS)
const DATES_RELATIVE_HEADS: &str = "\
    last this next past previous coming earlier later";

/// DATES_PERIODS (src/tag/dates.rs PERIODS)
const DATES_PERIODS: &str = "\
    week month year weekend decade century summer winter spring autumn fall";

/// DATES_DAY_WORDS (src/tag/dates.rs DAY_WORDS)
const DATES_DAY_WORDS: &str = "\
    today yesterday tomorrow";

/// ABBREVIATIONS (src/tag/tokenize.rs)
const ABBREVIATIONS: &str = "\
    Mr Mrs Ms Dr Prof Gen Lt Col Capt Cpt Sgt Maj Adm Cmdr Rep Sen Gov Rev Sr Jr St Mt Ft Co \
    Corp Inc Ltd Bros No vs etc Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue \
    Tues Wed Thu Thur Thurs Fri Sat Sun Pres Gov Atty Supt Messrs approx Ave Blvd Dept Univ \
    Assn Mass Calif Fla Ill Penn Wash Tex Ariz";

/// CLITICS (src/tag/tokenize.rs)
const CLITICS: &str = "\
    s d ll re ve m t";
