//! Days of the proleptic Gregorian calendar: parsing ISO dates, day arithmetic, weekdays and
//! ISO weeks (days counted from 1970-01-01, after Howard Hinnant's civil-date algorithms).

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Day {
    /// The day, if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|_| (1..=days_in_month(year, month)).contains(&day))
            .map(|_| Day { year, month, day })
    }

    /// `YYYY-MM-DD` (anything after the date, such as a time, is ignored).
    pub fn parse_iso(text: &str) -> Option<Day> {
        let date = text.trim().get(..10)?;
        let mut parts = date.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Day::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Days since 1970-01-01.
    pub fn number(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let m = i64::from(self.month);
        let day_of_year =
            (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The day numbered `n` (days since 1970-01-01).
    pub fn from_number(n: i64) -> Day {
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }

    pub fn plus_days(self, days: i64) -> Day {
        Day::from_number(self.number() + days)
    }

    /// 0 for Monday … 6 for Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.number() + 3).rem_euclid(7) as u32
    }

    /// The ISO week: (week-numbering year, week 1–53); weeks start on Monday and week 1 holds
    /// the year's first Thursday.
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.plus_days(3 - i64::from(self.weekday()));
        let first = Day {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.number() - first.number()) / 7 + 1;
        (thursday.year, week as u32)
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse_iso(text).unwrap()
    }

    #[test]
    fn numbers_round_trip() {
        assert_eq!(day("1970-01-01").number(), 0);
        assert_eq!(day("2000-03-01").number(), 11_017);
        for n in -800_000..800_000i64 {
            if n % 97 == 0 {
                assert_eq!(Day::from_number(n).number(), n);
            }
        }
        assert_eq!(day("2016-02-28").plus_days(1), day("2016-02-29"));
        assert_eq!(day("2016-12-31").plus_days(1), day("2017-01-01"));
        assert_eq!(day("2016-03-01").plus_days(-1), day("2016-02-29"));
    }

    #[test]
    fn weekdays_and_iso_weeks() {
        assert_eq!(day("2016-03-28").weekday(), 0); // a Monday
        assert_eq!(day("2026-03-11").weekday(), 2); // a Wednesday
        assert_eq!(day("2016-03-28").iso_week(), (2016, 13));
        assert_eq!(day("2016-01-01").iso_week(), (2015, 53)); // a Friday
        assert_eq!(day("2018-12-31").iso_week(), (2019, 1)); // a Monday
        assert_eq!(day("2021-01-03").iso_week(), (2020, 53)); // a Sunday
    }

    #[test]
    fn parsing_checks_the_calendar() {
        assert_eq!(
            Day::parse_iso("2016-03-28T10:32:00+01:00"),
            Some(day("2016-03-28"))
        );
        assert_eq!(Day::parse_iso("2015-02-29"), None);
        assert_eq!(Day::parse_iso("2016-13-01"), None);
        assert_eq!(Day::parse_iso("28 March 2016"), None);
        assert_eq!(Day::parse_iso(""), None);
        assert_eq!(Day::new(2000, 2, 29), Some(day("2000-02-29")));
        assert_eq!(Day::new(1900, 2, 29), None);
    }
}
