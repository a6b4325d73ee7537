//! Rows of a table of figures ("Shr 34 cts vs 1.19 dlrs", "Net 807,000 vs 2,858,000") and the
//! runs of paragraphs they form. A table is content, not chrome, even when each row alone looks
//! like a counter.

use super::comments::has_time;
use super::features::{few_words_without_function_words, Features};
use crate::text::lexicon::ordinal_suffixes;

/// A line of a table of figures ("Net 807,000 vs 2,858,000", "Pay March 31"): at least a
/// quarter of its words are numbers. Rows are laid out line by line, never wrapped.
pub fn figures_row(text: &str) -> bool {
    if text.len() > 200 || !has_ascii_digit(text.as_bytes()) {
        return false;
    }
    let (words, numbers) = ascii_words_and_numbers(text.as_bytes()).unwrap_or_else(|| {
        text.split_whitespace()
            .fold((0, 0), |(words, numbers), word| {
                let number = word.bytes().any(|b| b.is_ascii_digit());
                (words + 1, numbers + usize::from(number))
            })
    });
    numbers * 4 >= words && words <= 20
}

/// Whether the bytes hold an ASCII digit (most lines hold none).
fn has_ascii_digit(bytes: &[u8]) -> bool {
    any_byte(bytes, |b| b.wrapping_sub(b'0') < 10)
}

/// Whether a byte passes `test` (a test without branches): tested sixteen bytes at a time,
/// without a branch per byte, for the checks that run on every line of a text.
#[inline(always)]
pub fn any_byte(bytes: &[u8], test: impl Fn(u8) -> bool) -> bool {
    let chunks = bytes.chunks_exact(16);
    let rest = chunks.remainder();
    chunks
        .into_iter()
        .any(|chunk| chunk.iter().fold(false, |any, &b| any | test(b)))
        || rest.iter().any(|&b| test(b))
}

/// The whitespace-separated words of ASCII text and how many of them hold a digit, in one pass
/// over the bytes (`split_whitespace` decodes every character), counted up to 21 words; `None`
/// for text beyond ASCII.
fn ascii_words_and_numbers(text: &[u8]) -> Option<(usize, usize)> {
    let (mut words, mut numbers) = (0, 0);
    let (mut in_word, mut digit) = (false, false);
    for &b in text {
        // The ASCII characters of Unicode's White_Space, as `char::is_whitespace` reads them.
        if matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            numbers += usize::from(in_word && digit);
            (in_word, digit) = (false, false);
        } else if b >= 0x80 {
            return None;
        } else if !in_word && words > 20 {
            break;
        } else {
            words += usize::from(!in_word);
            in_word = true;
            digit |= b.is_ascii_digit();
        }
    }
    Some((words, numbers + usize::from(in_word && digit)))
}

/// Figures as wire copy spells them: none, and the numbers under ten ("Shr two cts vs six cts").
const SPELLED_FIGURES: [&str; 10] = [
    "nil", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// Holds a figure, in digits or spelled as wire copy spells small ones.
pub fn has_figure(text: &str, f: &Features) -> bool {
    f.digit_words >= 1
        || text.split_whitespace().any(|word| {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            SPELLED_FIGURES.iter().any(|s| s.eq_ignore_ascii_case(word))
        })
}

/// A line of a table or list of labels: figures, or a few words without function words
/// ("Qtly div three cts vs three cts prior", "Year").
pub fn row_like(text: &str) -> bool {
    figures_row(text) || few_words_without_function_words(text, 8)
}

/// A paragraph that is a row of figures: at least a quarter numbers, few function or interface
/// words, no links or separators ("Shr 34 cts vs 1.19 dlrs", "Revs 25.2 mln vs 19.5 mln"; not
/// the headline "US interest rates increased to 2%", nor a label with its count of links
/// "October 2019 (8)").
pub fn data_row(f: &Features) -> bool {
    f.digit_words >= 1
        && !f.counted
        && f.digit_words * 4 >= f.words
        && f.stopwords * 3 <= f.words
        && f.ui_words * 4 < f.words
        && f.person_words == 0
        && !f.has_address
        && f.separators == 0
        && f.words <= 20
}

/// A line whose only figures are one date, in any language, stamping a post or naming an
/// archive's month: the date with its time of day ("Fagus-Werk Alfeld 2. Oktober 2015 -
/// 12:33", "Posted October 12, 2015 at 9:05pm") or a month and year alone ("+ Juni 2009"), its
/// year after a word or a day. Such lines are no row of figures, however many of their words are
/// numbers. A row naming two years ("Net 1987 vs 1986") or another figure is one, and so is a
/// dated entry of a list without a time ("9 juin 2016 : Reportage France 3"): an article's
/// chronology or its list of coverage.
pub fn date_stamp(text: &str) -> bool {
    let (mut years, mut timed, mut worded) = (0, false, 0);
    // The word before, and whether it holds a letter.
    let mut before: Option<(&str, bool)> = None;
    for (k, word) in text.split_whitespace().enumerate() {
        let alphabetic = word.chars().any(char::is_alphabetic);
        let previous = before.replace((word, alphabetic));
        worded += usize::from(alphabetic);
        if !word.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let figure = word.trim_end_matches([',', '.', ';', ')']);
        if year(figure) {
            let after_word = previous.is_some_and(|(_, letters)| letters);
            let after_day =
                k > 1 && previous.is_some_and(|(w, _)| day(w.trim_end_matches(['.', ','])));
            years += 1;
            if !(after_word || after_day) {
                return false;
            }
        } else if has_time(figure) {
            timed = true;
        } else if !day(figure) {
            return false;
        }
    }
    // A month and its year: one word of letters.
    years == 1 && (timed || worded == 1)
}

/// A year of the last two centuries, "1987", "2015".
pub fn year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

/// A day of a month, "2", "31", "2nd".
fn day(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &word[digits..];
    (1..=2).contains(&digits)
        && (suffix.is_empty() || ordinal_suffixes().contains_ignore_ascii_case(suffix))
}

/// A row of a table set in capitals, as wire copy sets its market tables ("TOLEDO 5 UND MAY UP 1
/// 2 UND MAY UNC", "PROCESSORS SPOT, 4 UNDER MAY - UNC"): a figure and two words at least, every
/// word capitalised and most in capitals, no sentence, interface words or links (not a
/// reference in a list of links, "BGB § 305a"). In capitals the market's words
/// ("MAY", "UP", "OVER") are no function words, and abbreviations outnumber the figures.
pub fn capitals_row(f: &Features) -> bool {
    f.digit_words >= 1
        && f.alpha_words >= 2
        && in_capitals(f)
        && !f.terminal
        && !f.counted
        && f.ui_words * 4 < f.words
        && !f.has_address
        && f.separators == 0
        && f.words <= 20
}

/// Every word with a letter capitalised and most of them in capitals ("CHICAGO SRW WHEAT", "NC
/// - NO COMPARISON").
pub fn in_capitals(f: &Features) -> bool {
    f.alpha_words >= 1 && f.capitalised_words == f.alpha_words && f.caps_words * 2 > f.alpha_words
}

/// A block of figures: rows of a table standing apart from it or wrapped onto one paragraph
/// ("Jne 139 up 0.50 Jly 138 down 0.50 Aug 134.50 up 0.50 ...", "LEAD - Steady 2100 (2400)
/// tonnes"): six words or more (not a date line, "January 13"), a figure, few function words
/// (not a counter's "Average rating: 238 out of 5"), no interface words, people or links, and
/// figures in a quarter of its words at least (not a credit line's "© 2011 Metro Wire Media
/// Group"), a sixth when it runs past a dozen.
pub fn figures_block(text: &str, f: &Features) -> bool {
    f.words >= 6
        && has_figure(text, f)
        && !f.counted
        && f.stopwords * 4 <= f.words
        && f.ui_words * 4 < f.words
        && f.person_words == 0
        && !f.has_address
        && f.digit_words * if f.words <= 12 { 4 } else { 6 } >= f.words
}

/// An entry of an unbulleted list of names: capitalised names with what they belong to in
/// brackets, few function words, no sentence ("Matt Lucas & David Walliams (Little Britain, BBC
/// Three)", "Dimitri Yachvili (Biarritz), Pierre Mignoni (Clermont)").
pub fn list_entry(text: &str, f: &Features) -> bool {
    !f.terminal
        && !f.counted
        && f.ui_words == 0
        && f.stopwords * 4 <= f.words
        && f.capitalised_words * 2 >= f.words
        && text.trim_end().ends_with(')')
}

/// A short unpunctuated line with a figure, too few for [`data_row`] or spelled ("Shr 23 cts vs
/// not reported", "Shr two cts vs six cts"): a row when it stands next to a table.
fn sparse_row(text: &str, f: &Features) -> bool {
    has_figure(text, f)
        && !f.counted
        && f.words <= 12
        && !f.terminal
        && f.ui_words == 0
        && f.person_words == 0
        && !f.has_address
        && f.separators == 0
}

/// For consecutive paragraphs (their text and features, in order), whether each belongs to a
/// table: at least three consecutive paragraphs (two whose figures stand in columns) of which
/// at least two are data rows and the rest short labels ("Year", "Nine mths") standing between
/// rows, a sparser row closing them.
pub fn table_rows(rows: &[(&str, &Features)]) -> Vec<bool> {
    let sparse_row = |(text, f): (&str, &Features)| sparse_row(text, f);
    let data_row =
        |(text, f): (&str, &Features)| (data_row(f) || capitals_row(f)) && !date_stamp(text);
    let label = |(_, f): (&str, &Features)| {
        (f.words <= 3 || (f.words <= 8 && f.stopwords == 0))
            && f.alpha_words >= 1
            && f.ui_words == 0
            && !f.terminal
            && f.separators == 0
    };
    let mut out = vec![false; rows.len()];
    let mut k = 0;
    while k < rows.len() {
        if !data_row(rows[k]) {
            k += 1;
            continue;
        }
        // Extend the run over data rows and labels that are followed by a data row.
        let mut end = k + 1;
        let mut data_rows = 1;
        while end < rows.len() {
            let f = rows[end];
            if data_row(f) {
                data_rows += 1;
                end += 1;
            } else if label(f) || sparse_row(f) {
                // Up to two labels or sparser rows in a row ("Qtly div three cts vs three cts
                // prior", "Year"), when a data row follows them (a data row right after a
                // label of a few words, "Year", is that row, not a second label).
                let heading = label(f) && f.1.words <= 3;
                let labels =
                    1 + usize::from(rows.get(end + 1).is_some_and(|&n| {
                        !(heading && data_row(n)) && (label(n) || sparse_row(n))
                    }));
                if !rows.get(end + labels).is_some_and(|&n| data_row(n)) {
                    // A sparser row closes the table ("Pay April 22 / Record April three").
                    end += usize::from(sparse_row(f));
                    break;
                }
                end += labels;
            } else {
                break;
            }
        }
        // The row before the first data row heads the table when it is a label or a row with
        // fewer figures ("Shr 23 cts vs not reported", "Oper shr profit 11 cts vs loss 27 cts"),
        // and so does a sparser row before that ("Shr profit 15 cts vs profit four cts / Annual
        // div 72 cts vs 72 cts prior yr"); a label there is the headline over the table.
        let mut start = k;
        while start > 0
            && !out[start - 1]
            && match k - start {
                0 => label(rows[start - 1]) || sparse_row(rows[start - 1]),
                1 => sparse_row(rows[start - 1]),
                _ => false,
            }
        {
            start -= 1;
        }
        // Two rows alone make a table when each holds two figures or more, in columns
        // ("Shr 31 cts vs 40 cts / Net 2,140,000 vs 2,730,000"); two lines with a figure each
        // are a list ("16 hours ago / 1 day ago").
        let columns = rows[start..end].iter().all(|(_, f)| f.digit_words >= 2);
        if data_rows >= 2 && (end - start >= 3 || columns) {
            out[start..end].iter_mut().for_each(|t| *t = true);
        }
        k = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::features::features;
    use super::*;

    fn table(lines: &[&str]) -> Vec<bool> {
        let feats: Vec<Features> = lines.iter().map(|l| features(l)).collect();
        let rows: Vec<(&str, &Features)> = lines.iter().copied().zip(&feats).collect();
        table_rows(&rows)
    }

    #[test]
    fn earnings_tables_with_sparse_rows_are_whole() {
        let rows = [
            "Oper shr profit 11 cts vs loss 27 cts",
            "Oper net profit 662,625 vs loss 774,002",
            "Revs 43.9 mln vs 18.4 mln",
            "Year",
            "Oper shr profit 37 cts vs loss 37 cts",
            "Oper net profit 1,487,796 vs loss 1,119,626",
            "Revs 150.1 mln vs 51.7 mln",
            "The company said its results were hurt by a strike at its main plant.",
        ];
        let mut expected = vec![true; 7];
        expected.push(false);
        assert_eq!(table(&rows), expected);
        // Two sparser rows may head a table; small figures spelled out make a row too.
        assert_eq!(
            table(&[
                "Shr profit 15 cts vs profit four cts",
                "Annual div 72 cts vs 72 cts prior yr",
                "Net profit 72,000 vs profit 16,000",
                "Revs 7,075,000 vs 2,330,000",
            ]),
            vec![true; 4]
        );
        // A headline over a label and a table heads no table.
        assert_eq!(
            table(&[
                "France v Wales (Sat)",
                "Stade de France, Paris",
                "Saturday, 26 February",
                "1600 GMT",
            ]),
            vec![false, true, true, true]
        );
        assert_eq!(
            table(&[
                "Shr two cts vs six cts",
                "Net 41,000 vs 120,000",
                "Revs 5,310,000 vs 4,870,000",
            ]),
            vec![true; 3]
        );
        // A label with its count of links, or a lone line with a figure, is no table.
        assert_eq!(
            table(&[
                "Archives (12)",
                "2019 (200)",
                "Markets rally 3 pct on trade deal hopes"
            ]),
            vec![false; 3]
        );
    }

    /// An archive's months and a list of posts stamped with their dates are no table, in any
    /// language; a row of two years or of other figures is a row.
    #[test]
    fn lists_of_dates_are_no_table() {
        assert_eq!(
            table(&["+ Juni 2009", "+ Mai 2009", "+ April 2009"]),
            vec![false; 3]
        );
        assert_eq!(
            table(&[
                "* Fagus-Werk Alfeld 2. Oktober 2015 - 12:33",
                "* Kongresshalle Berlin 2. Oktober 2015 - 12:29",
                "* Siedlung Dessau-Törten, Kleinring 42 Dessau 2. Oktober 2015 - 11:08",
            ]),
            vec![false; 3]
        );
        for row in [
            "Net 1987 vs 1986",
            "Pay May 11",
            "Revs 25.2 mln vs 19.5 mln 2015",
            "* 9 juin 2016 : Reportage France 3",
        ] {
            assert!(!date_stamp(row), "{row}");
        }
        assert!(date_stamp("Posted October 12, 2015 at 9:05pm"));
    }

    /// Two rows make a table, a sparser row closes one, and a label between rows is followed by
    /// a row, not by a second label.
    #[test]
    fn short_tables_and_labels_between_rows() {
        assert_eq!(
            table(&[
                "Shr 31 cts vs 40 cts",
                "Net 2,140,000 vs 2,730,000",
                "NOTE: Company went public in May 1986 and reports no earlier figures.",
            ]),
            vec![true, true, false]
        );
        assert_eq!(
            table(&[
                "Qtly div 18 cts vs 18 cts prior",
                "Pay May 11",
                "Record April three"
            ]),
            vec![true; 3]
        );
        assert_eq!(
            table(&[
                "Shr profit 64 cts vs loss 21 cts",
                "Net profit 2,410,000 vs loss 790,000",
                "Year",
                "Shr profit 1.95 dlrs vs loss 1.10 dlrs",
                "Net profit 7.2 mln vs loss 4.1 mln",
                "Revs 118.4 mln vs 121.9 mln",
            ]),
            vec![true; 6]
        );
    }

    /// Market tables set in capitals are tables, their labels and notes with them; a line of
    /// capitals with a figure between prose is none.
    #[test]
    fn tables_in_capitals() {
        assert_eq!(
            table(&[
                "CORN SOYBEANS",
                "TOLEDO 5 UND MAY UP 1 2 UND MAY UNC",
                "CINCINNATI 1 OVR MAY UP 2 3 OVR MAY UP 2",
                "NEW HAVEN 12 UND MAY UNC 4 UND MAY UNC",
                "DURUM WHEAT",
                "TOLEDO 58 LB 25 OVR MAY UNC",
                "MINOT 60 LB 30 OVR MAY UNC",
                "Dealers said trading was quiet ahead of the holiday weekend.",
            ]),
            [vec![true; 7], vec![false]].concat()
        );
        assert_eq!(
            table(&[
                "The ministry said exports rose in the year.",
                "FARM EXPORTS UP 12 PCT",
                "Officials said the figures would be revised next month.",
            ]),
            vec![false; 3]
        );
    }

    #[test]
    fn ascii_words_counted_as_split_whitespace_counts_them() {
        assert_eq!(ascii_words_and_numbers("a\u{a0}b".as_bytes()), None);
        let alphabet = b"a1 \t\n\x0b\x0c\r\x1f,";
        use crate::text::random_text::RandomPicks;
        let mut random = RandomPicks::new(5);
        for _ in 0..5000 {
            let len = random.below(60);
            let bytes: Vec<u8> = random.draw(&alphabet[..], len);
            let text = std::str::from_utf8(&bytes).unwrap_or_default();
            let words: Vec<&str> = text.split_whitespace().collect();
            let numbers = words
                .iter()
                .filter(|w| w.bytes().any(|b| b.is_ascii_digit()))
                .count();
            let (counted, counted_numbers) =
                ascii_words_and_numbers(text.as_bytes()).unwrap_or_default();
            if words.len() <= 21 {
                assert_eq!(
                    (counted, counted_numbers),
                    (words.len(), numbers),
                    "{text:?}"
                );
            } else {
                assert_eq!(counted, 21, "{text:?}");
            }
        }
    }
}
