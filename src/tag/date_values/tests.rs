//! Values of DATE mentions, absolute and relative, with weekday, month and year boundaries.

use super::*;

fn value(mention: &str, published: &str) -> Option<String> {
    date_value(mention, Day::parse_iso(published))
}

fn check(published: &str, cases: &[(&str, Option<&str>)]) {
    for (mention, expected) in cases {
        assert_eq!(
            value(mention, published).as_deref(),
            *expected,
            "{mention:?} published {published}"
        );
    }
}

#[test]
fn absolute_dates_need_no_publication_date() {
    check(
        "",
        &[
            ("Monday, 28 March 2016", Some("2016-03-28")),
            ("Monday, Nov. 23, 2015", Some("2015-11-23")),
            ("Nov. 23, 2015", Some("2015-11-23")),
            ("23rd November 2015", Some("2015-11-23")),
            ("March 2011", Some("2011-03")),
            ("mid-2012", Some("2012")),
            ("1986", Some("1986")),
            ("2016-03-28", Some("2016-03-28")),
            ("28/03/2016", Some("2016-03-28")),
            ("03/28/2016", Some("2016-03-28")),
            ("05.05.16", Some("2016-05-05")),
            // Ambiguous, impossible, or relative without a publication date.
            ("03/04/2016", None),
            ("30 February 2016", None),
            ("2015-02-29", None),
            ("yesterday", None),
            ("December 19", None),
            ("Sunday", None),
            ("last week", None),
            ("September", None),
        ],
    );
}

#[test]
fn weekdays_count_back_from_the_publication_date() {
    // 2016-03-28 is a Monday.
    check(
        "2016-03-28",
        &[
            ("Monday", Some("2016-03-28")),
            ("Sunday", Some("2016-03-27")),
            ("Tuesday", Some("2016-03-22")),
            ("Tue.", Some("2016-03-22")),
            ("last Monday", Some("2016-03-21")),
            ("next Monday", Some("2016-04-04")),
            ("this Friday", Some("2016-04-01")),
            ("last Sunday", Some("2016-03-27")),
        ],
    );
    // Across a year boundary: 2016-01-01 is a Friday.
    check(
        "2016-01-01",
        &[
            ("Saturday", Some("2015-12-26")),
            ("Thursday", Some("2015-12-31")),
            ("yesterday", Some("2015-12-31")),
            ("tomorrow", Some("2016-01-02")),
            ("last week", Some("2015-W52")),
            ("this week", Some("2015-W53")),
            ("next week", Some("2016-W01")),
            ("last month", Some("2015-12")),
            ("last year", Some("2015")),
            ("December 19", Some("2015-12-19")),
            ("January 1", Some("2016-01-01")),
            ("January 2", Some("2015-01-02")),
            ("December", Some("2015-12")),
            ("January", Some("2016-01")),
        ],
    );
}

#[test]
fn months_years_and_weekends() {
    check(
        "2016-03-31",
        &[
            ("this month", Some("2016-03")),
            ("next month", Some("2016-04")),
            ("previous year", Some("2015")),
            ("coming year", Some("2017")),
            ("last weekend", Some("2016-W12")),
            ("this weekend", Some("2016-W13")),
            ("February 29", Some("2016-02-29")),
            ("today", Some("2016-03-31")),
            // Not pinned down.
            ("last summer", None),
            ("this decade", None),
            ("earlier week", None),
        ],
    );
    // February 29 in a year without one: the latest one before.
    check(
        "2017-03-01",
        &[
            ("February 29", Some("2016-02-29")),
            ("next month", Some("2017-04")),
        ],
    );
    check(
        "2016-12-15",
        &[
            ("next month", Some("2017-01")),
            ("last month", Some("2016-11")),
        ],
    );
}
