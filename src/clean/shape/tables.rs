//! Rows of a table of figures ("Shr 34 cts vs 1.19 dlrs", "Net 807,000 vs 2,858,000") and the
//! runs of paragraphs they form. A table is content, not chrome, even when each row alone looks
//! like a counter.

use super::features::{few_words_without_function_words, Features};

/// A line of a table of figures ("Net 807,000 vs 2,858,000", "Pay March 31"): at least a
/// quarter of its words are numbers. Rows are laid out line by line, never wrapped.
pub fn figures_row(text: &str) -> bool {
    if text.len() > 200 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let (mut words, mut numbers) = (0, 0);
    for word in text.split_whitespace() {
        words += 1;
        numbers += usize::from(word.bytes().any(|b| b.is_ascii_digit()));
    }
    numbers * 4 >= words && words <= 20
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
/// table: at least three consecutive paragraphs of which at least two are data rows and the rest
/// short labels ("Year", "Nine mths") standing between rows.
pub fn table_rows(rows: &[(&str, &Features)]) -> Vec<bool> {
    let sparse_row = |(text, f): (&str, &Features)| sparse_row(text, f);
    let data_row = |(_, f): (&str, &Features)| data_row(f);
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
                // prior", "Year"), when a data row follows them.
                let labels = 1 + usize::from(
                    rows.get(end + 1)
                        .is_some_and(|&n| label(n) || sparse_row(n)),
                );
                if !rows.get(end + labels).is_some_and(|&n| data_row(n)) {
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
        if data_rows >= 2 && end - start >= 3 {
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
}
