//! The word scanner. A word is a maximal run of alphanumeric characters, with an apostrophe or
//! hyphen kept when it joins two alphanumeric runs ("Iran’s", "al-Assad", "mid-2012");
//! [`alnum_runs`] splits at those joiners too ("Iran", "s"). One scanner serves cleaning, dedup
//! and statistics: ASCII bytes are classified by a table, other characters decoded.

/// One word of a text: `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// Every byte is ASCII.
    pub ascii: bool,
    /// Holds an ASCII digit.
    pub ascii_digit: bool,
}

impl Word {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// The words of a text, in order (see the module docs).
pub fn words(text: &str) -> Words<'_> {
    Words {
        text,
        at: 0,
        join: true,
    }
}

/// Maximal runs of alphanumeric characters: words split at apostrophes and hyphens too.
pub fn alnum_runs(text: &str) -> Words<'_> {
    Words {
        text,
        at: 0,
        join: false,
    }
}

/// Byte spans `(start, end)` of the words in `text`.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    words(text).map(|w| (w.start, w.end))
}

/// Number of words in `text`.
pub fn count_words(text: &str) -> usize {
    words(text).count()
}

/// A character that joins two alphanumeric runs into one word: apostrophes and hyphens.
pub fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑')
}

/// Byte classes of the scanner: ASCII letters and digits, the ASCII joiners, and the bytes of
/// characters beyond ASCII (decoded to be classified).
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const JOINER: u8 = 4;
const NON_ASCII: u8 = 8;

const fn byte_classes() -> [u8; 256] {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphabetic() {
            LETTER
        } else if byte.is_ascii_digit() {
            DIGIT
        } else if byte == b'\'' || byte == b'-' {
            JOINER
        } else if byte >= 0x80 {
            NON_ASCII
        } else {
            0
        };
        b += 1;
    }
    table
}

static CLASS: [u8; 256] = byte_classes();

/// The length of the run of ASCII letters and digits from `at`, taken eight bytes at a time
/// while eight bytes are left (the rest is the byte loop's), and whether it holds a digit.
#[inline(always)]
fn ascii_alnum_run(bytes: &[u8], at: usize) -> (usize, bool) {
    const ONES: u64 = u64::MAX / 0xFF;
    const HIGH: u64 = ONES * 0x80;
    // Per byte below 0x80, v + 0x80 - lo reaches 0x80 when v >= lo; neither sum carries.
    let at_least = |v: u64, lo: u8| v + ONES * u64::from(0x80 - lo);
    let within = |v: u64, lo: u8, hi: u8| at_least(v, lo) & !at_least(v, hi + 1) & HIGH;
    let mut i = at;
    let mut digits = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let ascii = !x & HIGH;
        let low = x & !HIGH;
        let digit = within(low, b'0', b'9') & ascii;
        let alnum = (within(low | (ONES * 0x20), b'a', b'z') & ascii) | digit;
        // Bytes of the run: those before the first that is no ASCII letter or digit.
        let run = ((!alnum & HIGH).trailing_zeros() / 8) as usize;
        digits |= if run == 8 {
            digit
        } else {
            digit & ((1u64 << (8 * run)) - 1)
        };
        i += run;
        if run < 8 {
            break;
        }
    }
    (i - at, digits != 0)
}

/// The iterator behind [`words`] and [`alnum_runs`].
#[derive(Debug, Clone)]
pub struct Words<'a> {
    text: &'a str,
    at: usize,
    join: bool,
}

impl Words<'_> {
    /// The char at byte `i` (a char boundary).
    fn char_at(&self, i: usize) -> char {
        self.text[i..].chars().next().unwrap_or(' ')
    }

    /// Whether the char at byte `i` is alphanumeric (false at the end).
    fn alnum_at(&self, i: usize) -> bool {
        match self.text.as_bytes().get(i) {
            None => false,
            Some(&b) if b < 0x80 => CLASS[b as usize] & (LETTER | DIGIT) != 0,
            Some(_) => self.char_at(i).is_alphanumeric(),
        }
    }
}

impl Iterator for Words<'_> {
    type Item = Word;

    // Inlined into the callers' loops: a call per word cost about as much as the scan.
    #[inline(always)]
    fn next(&mut self) -> Option<Word> {
        let bytes = self.text.as_bytes();
        let n = bytes.len();
        let mut i = self.at;
        // Skip to the first alphanumeric char.
        loop {
            let Some(&b) = bytes.get(i) else {
                self.at = n;
                return None;
            };
            let class = CLASS[b as usize];
            if class & (LETTER | DIGIT) != 0 {
                break;
            }
            if class & NON_ASCII == 0 {
                i += 1;
                continue;
            }
            let c = self.char_at(i);
            if c.is_alphanumeric() {
                break;
            }
            i += c.len_utf8();
        }
        let start = i;
        let mut ascii = true;
        let mut classes = 0;
        loop {
            // A run of ASCII letters and digits, eight bytes at a time, then byte by byte to
            // what ends it.
            let (run, digit) = ascii_alnum_run(bytes, i);
            i += run;
            classes |= if digit { DIGIT } else { 0 };
            while let Some(&b) = bytes.get(i) {
                let class = CLASS[b as usize];
                if class & (LETTER | DIGIT) == 0 {
                    break;
                }
                classes |= class;
                i += 1;
            }
            let Some(&b) = bytes.get(i) else {
                break;
            };
            let class = CLASS[b as usize];
            if class & JOINER != 0 {
                if self.join && self.alnum_at(i + 1) {
                    i += 1;
                    continue;
                }
                break;
            }
            if class & NON_ASCII == 0 {
                break;
            }
            let c = self.char_at(i);
            let len = c.len_utf8();
            if c.is_alphanumeric() || (self.join && is_joiner(c) && self.alnum_at(i + len)) {
                ascii = false;
                i += len;
            } else {
                break;
            }
        }
        self.at = i;
        Some(Word {
            start,
            end: i,
            ascii,
            ascii_digit: classes & DIGIT != 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        words(text).map(|w| w.text(text)).collect()
    }

    #[test]
    fn joins_apostrophes_and_hyphens() {
        assert_eq!(
            texts("Iran’s al-Assad, since mid-2012 -- ok 'quoted'"),
            ["Iran’s", "al-Assad", "since", "mid-2012", "ok", "quoted"]
        );
        let runs: Vec<&str> = alnum_runs("Iran’s al-Assad 3.5")
            .map(|w| w.text("Iran’s al-Assad 3.5"))
            .collect();
        assert_eq!(runs, ["Iran", "s", "al", "Assad", "3", "5"]);
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert!(texts("").is_empty());
        assert!(texts(" -- … “” ").is_empty());
    }

    #[test]
    fn flags() {
        let found: Vec<(bool, bool)> = words("abc Iran’s mid-2012 ünï 42")
            .map(|w| (w.ascii, w.ascii_digit))
            .collect();
        assert_eq!(
            found,
            [
                (true, false),
                (false, false),
                (true, true),
                (false, false),
                (true, true)
            ]
        );
    }

    /// The definition in the module docs, one char at a time.
    fn reference(text: &str) -> Vec<(usize, usize)> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            if !chars[k].1.is_alphanumeric() {
                k += 1;
                continue;
            }
            let start = chars[k].0;
            while k < chars.len()
                && (chars[k].1.is_alphanumeric()
                    || (is_joiner(chars[k].1)
                        && chars.get(k + 1).is_some_and(|c| c.1.is_alphanumeric())))
            {
                k += 1;
            }
            out.push((start, chars.get(k).map_or(text.len(), |c| c.0)));
        }
        out
    }

    #[test]
    fn long_runs_match_the_definition() {
        // Runs of up to twenty ASCII letters and digits, cut by every kind of byte.
        let alnum: Vec<char> = "abcdefghXYZ0189".chars().collect();
        let cuts: Vec<char> = " '-.@[`{/:\n’é日\u{7f}".chars().collect();
        use crate::text::random_text::RandomPicks;
        let mut random = RandomPicks::new(99);
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..random.below(6) {
                let len = random.below(21);
                text.extend(random.draw::<char, Vec<char>>(&alnum[..], len));
                text.push(cuts[random.below(cuts.len())]);
            }
            assert_eq!(
                word_spans(&text).collect::<Vec<_>>(),
                reference(&text),
                "{text:?}"
            );
            let digits: Vec<bool> = words(&text).map(|w| w.ascii_digit).collect();
            let expected: Vec<bool> = words(&text)
                .map(|w| w.text(&text).bytes().any(|b| b.is_ascii_digit()))
                .collect();
            assert_eq!(digits, expected, "{text:?}");
        }
    }

    #[test]
    fn matches_the_definition_on_random_text() {
        let alphabet: Vec<char> = "aZ09 '-.,\n\t’‐ßé日-'x".chars().collect();
        use crate::text::random_text::RandomPicks;
        let mut random = RandomPicks::new(12345);
        for _ in 0..3000 {
            let len = random.below(40);
            let text: String = random.draw(&alphabet[..], len);
            assert_eq!(
                word_spans(&text).collect::<Vec<_>>(),
                reference(&text),
                "{text:?}"
            );
        }
    }
}
