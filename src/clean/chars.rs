//! Character repair: mojibake (UTF-8 read as cp1252/Latin-1), HTML entities, control and
//! invisible characters, odd spaces, line endings and NFC. A wide run of spaces between two
//! stretches of words is a line break: a converter laid two columns of a page side by side.
//!
//! Mojibake is undone the way ftfy reasons about it: a character that cp1252 (or Latin-1) would
//! have produced from a UTF-8 lead byte, followed by characters that stand for continuation
//! bytes, is re-encoded to those bytes and decoded as UTF-8; the fix is kept only when the bytes
//! form one valid, printable character. Double encodings fall out of running the pass to a
//! fixed point.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::edit::{identity_segs, Edit, Mapped, Rewriter, Seg};
use super::options::CharOptions;
use crate::text::decode::{cp1252_byte, cp1252_char};
use crate::text::fold::fold_quote;

/// Tries to read a mojibake sequence starting at byte `i` of `s`: returns the end of the
/// sequence and the character it should have been.
fn mojibake_at(s: &str, i: usize) -> Option<(usize, char)> {
    let mut chars = s[i..].char_indices();
    let (_, lead) = chars.next()?;
    let lead_byte = cp1252_byte(lead)?;
    let continuation = match lead_byte {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut bytes = [lead_byte, 0, 0, 0];
    let mut end = i + lead.len_utf8();
    for slot in bytes.iter_mut().skip(1).take(continuation) {
        let (offset, c) = chars.next()?;
        let b = cp1252_byte(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
        end = i + offset + c.len_utf8();
    }
    // A C1 control result is kept: it is the middle layer of a double encoding, and the next
    // pass reads it as part of a sequence or as cp1252.
    let decoded = std::str::from_utf8(&bytes[..=continuation])
        .ok()?
        .chars()
        .next()?;
    // Two-byte results outside Latin-1/Latin Extended-A, the cp1252 letters (which a double
    // encoding produces) and the Greek..Arabic blocks are far
    // more often real text ("Æœ") than mojibake.
    if continuation == 1
        && !matches!(decoded as u32, 0x80..=0x17F | 0x192 | 0x2C6 | 0x2DC | 0x370..=0x6FF)
    {
        return None;
    }
    Some((end, decoded))
}

/// Whether writing `after` right behind `before` (no space between) would make a mojibake
/// sequence across the seam, which cleaning the joined text again would then repair.
pub fn seam_makes_mojibake(before: &str, after: &str) -> bool {
    let tail_start = before.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    let head_end = after.char_indices().nth(3).map_or(after.len(), |(i, _)| i);
    let seam = format!("{}{}", &before[tail_start..], &after[..head_end]);
    let boundary = before.len() - tail_start;
    seam.char_indices()
        .take_while(|&(i, _)| i < boundary)
        .any(|(i, _)| mojibake_at(&seam, i).is_some_and(|(end, _)| end > boundary))
}

fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "shy" => "\u{ad}",
        "zwsp" => "\u{200b}",
        "zwj" => "\u{200d}",
        "zwnj" => "\u{200c}",
        "lrm" => "\u{200e}",
        "rlm" => "\u{200f}",
        "ndash" => "–",
        "mdash" => "—",
        "minus" => "−",
        "lsquo" => "‘",
        "rsquo" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" => "”",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "hellip" => "…",
        "bull" => "•",
        "middot" => "·",
        "prime" => "′",
        "Prime" => "″",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "deg" => "°",
        "plusmn" => "±",
        "times" => "×",
        "divide" => "÷",
        "euro" => "€",
        "pound" => "£",
        "cent" => "¢",
        "yen" => "¥",
        "sect" => "§",
        "para" => "¶",
        "dagger" => "†",
        "Dagger" => "‡",
        "iexcl" => "¡",
        "iquest" => "¿",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "sup1" => "¹",
        "sup2" => "²",
        "sup3" => "³",
        "micro" => "µ",
        "ordf" => "ª",
        "ordm" => "º",
        "acute" => "´",
        "uml" => "¨",
        "cedil" => "¸",
        "macr" => "¯",
        "not" => "¬",
        "curren" => "¤",
        "brvbar" => "¦",
        "szlig" => "ß",
        "aacute" => "á",
        "Aacute" => "Á",
        "agrave" => "à",
        "Agrave" => "À",
        "acirc" => "â",
        "Acirc" => "Â",
        "auml" => "ä",
        "Auml" => "Ä",
        "atilde" => "ã",
        "Atilde" => "Ã",
        "aring" => "å",
        "Aring" => "Å",
        "aelig" => "æ",
        "AElig" => "Æ",
        "ccedil" => "ç",
        "Ccedil" => "Ç",
        "eacute" => "é",
        "Eacute" => "É",
        "egrave" => "è",
        "Egrave" => "È",
        "ecirc" => "ê",
        "Ecirc" => "Ê",
        "euml" => "ë",
        "Euml" => "Ë",
        "iacute" => "í",
        "Iacute" => "Í",
        "igrave" => "ì",
        "Igrave" => "Ì",
        "icirc" => "î",
        "Icirc" => "Î",
        "iuml" => "ï",
        "Iuml" => "Ï",
        "ntilde" => "ñ",
        "Ntilde" => "Ñ",
        "oacute" => "ó",
        "Oacute" => "Ó",
        "ograve" => "ò",
        "Ograve" => "Ò",
        "ocirc" => "ô",
        "Ocirc" => "Ô",
        "ouml" => "ö",
        "Ouml" => "Ö",
        "otilde" => "õ",
        "Otilde" => "Õ",
        "oslash" => "ø",
        "Oslash" => "Ø",
        "oelig" => "œ",
        "OElig" => "Œ",
        "scaron" => "š",
        "Scaron" => "Š",
        "uacute" => "ú",
        "Uacute" => "Ú",
        "ugrave" => "ù",
        "Ugrave" => "Ù",
        "ucirc" => "û",
        "Ucirc" => "Û",
        "uuml" => "ü",
        "Uuml" => "Ü",
        "yacute" => "ý",
        "Yacute" => "Ý",
        "yuml" => "ÿ",
        "Yuml" => "Ÿ",
        _ => return None,
    })
}

/// Parses `name;` or `#123;` or `#x1F;` at byte `i` (just after an `&`): end and decoded text.
fn entity_body_at(s: &str, i: usize) -> Option<(usize, String)> {
    let bytes = s.as_bytes();
    let limit = (i + 12).min(bytes.len());
    let semi = (i..limit).find(|&k| bytes[k] == b';')?;
    let body = &s[i..semi];
    if body.is_empty() {
        return None;
    }
    let decoded = if let Some(number) = body.strip_prefix('#') {
        let code = if let Some(hex) = number.strip_prefix(['x', 'X']) {
            if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            u32::from_str_radix(hex, 16).ok()?
        } else {
            if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            number.parse::<u32>().ok()?
        };
        let c = match code {
            // HTML reads these numeric references as cp1252, as browsers do.
            0x80..=0x9F => cp1252_char(code as u8),
            0 => '\u{fffd}',
            _ => char::from_u32(code).unwrap_or('\u{fffd}'),
        };
        c.to_string()
    } else {
        if !body.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        named_entity(body)?.to_string()
    };
    Some((semi + 1, decoded))
}

/// An entity at `i` (which holds `&`), following double escapes such as `&amp;quot;`.
fn entity_at(s: &str, i: usize) -> Option<(usize, String)> {
    let (mut end, mut decoded) = entity_body_at(s, i + 1)?;
    while decoded == "&" {
        match entity_body_at(s, end) {
            Some((next_end, next)) => {
                end = next_end;
                decoded = next;
            }
            None => break,
        }
    }
    Some((end, decoded))
}

/// Byte length of a horizontal space character at `i`, and whether it is an odd one.
fn space_at(s: &str, i: usize) -> Option<(usize, bool)> {
    let b = s.as_bytes()[i];
    match b {
        b' ' => Some((1, false)),
        b'\t' => Some((1, false)),
        0xC2 if s.as_bytes().get(i + 1) == Some(&0xA0) => Some((2, true)),
        0xE1..=0xE3 => {
            let c = s[i..].chars().next()?;
            matches!(
                c,
                '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
            )
            .then_some((c.len_utf8(), true))
        }
        _ => None,
    }
}

/// One left-to-right repair pass over `src` (with map `segs`).
/// Whether the eight bytes from `i` (not the first byte of `bytes`, nine bytes at least before
/// its end) need no repair: visible ASCII other than `&`, and single spaces between visible
/// ASCII. The byte loop of [`repair_pass`] skips each of them on its own; here they go eight
/// at a time.
fn plain_chunk(bytes: &[u8], i: usize) -> bool {
    const ONES: u64 = u64::MAX / 0xFF;
    const HIGH: u64 = ONES * 0x80;
    let load = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or([0x80; 8]));
    let (x, prev, next) = (load(i), load(i - 1), load(i + 1));
    if (x | prev | next) & HIGH != 0 {
        return false;
    }
    // Bytes below 0x80 only: no sum below carries into the next byte.
    let visible = |v: u64| (v + ONES * 0x5F) & !(v + ONES) & HIGH;
    let equals = |v: u64, b: u8| !((v ^ (ONES * u64::from(b))) + ONES * 0x7F) & HIGH;
    let plain = visible(x) & !equals(x, b'&');
    let lone_space = equals(x, b' ') & visible(prev) & visible(next);
    (plain | lone_space) == HIGH
}

/// What a repair pass changed. A pass that changed only spacing and line endings leaves
/// nothing for another pass: runs of spaces it kept are one space between characters that stay
/// (no line break), and no entity or mojibake sequence holds a space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Changed {
    Nothing,
    Spacing,
    More,
}

fn repair_pass(src: &str, segs: &[Seg], options: &CharOptions) -> (Mapped, Vec<Edit>, Changed) {
    let bytes = src.as_bytes();
    let n = bytes.len();
    let mut r = Rewriter::new(src, segs);
    let mut i = 0;
    while i < n {
        if i % 8 == 0 && i > 0 && i + 9 <= n && plain_chunk(bytes, i) {
            i += 8;
            continue;
        }
        let b = bytes[i];
        // Fast path: printable ASCII, and a single space between two words.
        if (0x21..0x7F).contains(&b) && b != b'&' {
            i += 1;
            continue;
        }
        if b == b' ' && i > 0 && i + 1 < n && !matches!(bytes[i - 1], b'\n' | b'\r') {
            let next = bytes[i + 1];
            if (0x21..0x7F).contains(&next)
                || (next >= 0x80 && next != 0xC2 && !(0xE1..=0xE3).contains(&next))
            {
                i += 1;
                continue;
            }
        }
        i = if let Some(end) = repair_spaces(&mut r, src, i) {
            end
        } else if b < 0x80 {
            repair_ascii(&mut r, src, i, options)
        } else {
            match repair_char(&mut r, src, i, options) {
                Some(end) => end,
                None => break,
            }
        };
    }
    let changed = r.changed;
    let (mapped, edits) = r.finish();
    // Spacing and line endings are replaced without a rule or under "chars.space".
    let changed = if !changed {
        Changed::Nothing
    } else if edits.iter().all(|e| e.rule == "chars.space") {
        Changed::Spacing
    } else {
        Changed::More
    };
    (mapped, edits, changed)
}

/// A run of spaces starting at `i`: dropped at the start or end of a line, else one plain
/// space. The end of the run, or `None` when no space starts at `i`.
fn repair_spaces(r: &mut Rewriter, src: &str, i: usize) -> Option<usize> {
    let bytes = src.as_bytes();
    let n = bytes.len();
    let b = bytes[i];
    let (len, odd) = if b == b' ' || b == b'\t' || b >= 0xC2 {
        space_at(src, i)?
    } else {
        return None;
    };
    let mut j = i + len;
    let mut any_odd = odd;
    let mut plain = b == b' ';
    while j < n {
        match space_at(src, j) {
            Some((l, o)) => {
                any_odd |= o;
                plain = false;
                j += l;
            }
            None => break,
        }
    }
    let line_start = i == 0 || matches!(bytes[i - 1], b'\n' | b'\r');
    let line_end = j == n || matches!(bytes[j], b'\n' | b'\r');
    let rule = any_odd.then_some("chars.space");
    if line_start || line_end {
        r.replace(i, j, "", rule);
    } else if j - i >= WIDE_GAP_BYTES && between_columns(src, i, j) {
        r.replace(i, j, "\n", rule);
    } else if !plain {
        r.replace(i, j, " ", rule);
    }
    Some(j)
}

/// The fewest bytes of spaces that may stand between two columns laid side by side on a line.
const WIDE_GAP_BYTES: usize = 3;

/// The run of spaces `i..j` of `src`, inside a line, stands between two columns of a page
/// laid out side by side (a converter writes table cells on one line): the text on each side
/// of it, up to the line's end or another such run, holds four words at least. Such a line
/// mixes what the page set apart (a menu beside the article), so it is broken in two there.
/// The figures of a table, whose columns are spaced the same way, are no words.
fn between_columns(src: &str, i: usize, j: usize) -> bool {
    four_words(src[..i].chars().rev()) && four_words(src[j..].chars())
}

/// Whether the characters, read from a gap outwards, hold four words of two letters or more
/// before the line ends or another run of three spaces comes. Reading stops at the fourth
/// word, so a long line with many gaps is read once per gap only as far as four words.
fn four_words(chars: impl Iterator<Item = char>) -> bool {
    let (mut words, mut letters, mut spaces) = (0, 0, 0);
    for c in chars {
        if c == '\n' || c == '\r' {
            break;
        }
        spaces = if c == ' ' { spaces + 1 } else { 0 };
        if spaces == 3 {
            break;
        }
        if c.is_whitespace() {
            words += usize::from(letters >= 2);
            letters = 0;
            if words == 4 {
                return true;
            }
        } else {
            letters += usize::from(c.is_alphabetic());
        }
    }
    words + usize::from(letters >= 2) >= 4
}

/// Line endings, entities and control characters at ASCII byte `i`; the position after it.
fn repair_ascii(r: &mut Rewriter, src: &str, i: usize, options: &CharOptions) -> usize {
    let bytes = src.as_bytes();
    match bytes[i] {
        b'\r' => {
            let end = if bytes.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
            r.replace(i, end, "\n", None);
            end
        }
        b'&' if options.fix_entities => match entity_at(src, i) {
            Some((end, decoded)) => {
                r.replace(i, end, &decoded, Some("chars.entity"));
                end
            }
            None => i + 1,
        },
        0x0B | 0x0C => {
            r.replace(i, i + 1, "\n", Some("chars.control"));
            i + 1
        }
        b'\n' => i + 1,
        0x00..=0x1F | 0x7F => {
            r.replace(i, i + 1, "", Some("chars.control"));
            i + 1
        }
        _ => i + 1,
    }
}

/// Mojibake, C1 controls, invisible characters, Unicode line breaks and (when asked) curly
/// quotes at the non-ASCII character at `i`; the position after what was repaired.
fn repair_char(r: &mut Rewriter, src: &str, i: usize, options: &CharOptions) -> Option<usize> {
    let mut buf = [0u8; 4];
    let c = src[i..].chars().next()?;
    let len = c.len_utf8();
    // Lead characters Â..ô are U+00C2..U+00F4, all encoded with a first byte C3.
    if options.fix_mojibake && src.as_bytes()[i] == 0xC3 {
        if let Some((end, fixed)) = mojibake_at(src, i) {
            r.replace(i, end, fixed.encode_utf8(&mut buf), Some("chars.mojibake"));
            return Some(end);
        }
    }
    match c {
        '\u{80}'..='\u{9F}' => {
            // Leftover C1 controls are cp1252 bytes read as Latin-1 (ftfy does the same).
            let fixed = cp1252_char(c as u8);
            if ('\u{80}'..='\u{9F}').contains(&fixed) {
                r.replace(i, i + len, "", Some("chars.control"));
            } else {
                r.replace(i, i + len, fixed.encode_utf8(&mut buf), Some("chars.c1"));
            }
        }
        '\u{FEFF}' | '\u{200B}' | '\u{2060}' | '\u{AD}' | '\u{180E}' => {
            r.replace(i, i + len, "", Some("chars.invisible"));
        }
        '\u{2028}' => r.replace(i, i + len, "\n", Some("chars.newline")),
        '\u{2029}' => r.replace(i, i + len, "\n\n", Some("chars.newline")),
        _ => {
            if options.fold_quotes {
                if let Some(q) = fold_quote(c) {
                    r.replace(i, i + len, q.encode_utf8(&mut [0; 4]), Some("chars.quotes"));
                }
            }
        }
    }
    Some(i + len)
}

/// Whether `c` may combine with the character before it under NFC.
fn may_compose_backwards(c: char) -> bool {
    !c.is_ascii()
        && (unicode_normalization::char::canonical_combining_class(c) != 0
            || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes)
}

/// NFC, applied chunk by chunk so each change maps to a small original span.
fn nfc_pass(src: &str, segs: &[Seg]) -> (Mapped, Vec<Edit>, bool) {
    let mut r = Rewriter::new(src, segs);
    let mut chunk_start = 0;
    let mut chunk_ascii = true;
    let flush = |r: &mut Rewriter, start: usize, end: usize, ascii: bool| {
        if ascii || start >= end {
            return;
        }
        let chunk = &src[start..end];
        if is_nfc_quick(chunk.chars()) != IsNormalized::Yes {
            let normalized: String = chunk.nfc().collect();
            if normalized != chunk {
                r.replace(start, end, &normalized, Some("chars.nfc"));
            }
        }
    };
    for (i, c) in src.char_indices() {
        if i > chunk_start && !may_compose_backwards(c) {
            flush(&mut r, chunk_start, i, chunk_ascii);
            chunk_start = i;
            chunk_ascii = true;
        }
        chunk_ascii &= c.is_ascii();
    }
    flush(&mut r, chunk_start, src.len(), chunk_ascii);
    let changed = r.changed;
    let (mapped, edits) = r.finish();
    (mapped, edits, changed)
}

/// Repairs `original` to a fixed point: running the stage again would change nothing.
pub fn repair(original: &str, options: &CharOptions) -> (Mapped, Vec<Edit>) {
    let segs = identity_segs(original.len());
    let (mut current, mut edits, mut changed) = repair_pass(original, &segs, options);
    for _ in 0..6 {
        if changed != Changed::More {
            break;
        }
        let (next, more, next_changed) = repair_pass(&current.text, &current.segs, options);
        if next_changed == Changed::Nothing {
            break;
        }
        current = next;
        edits.extend(more);
        changed = next_changed;
    }
    // Only characters from U+0300 on (lead bytes from 0xCC) can make a text non-NFC.
    if options.normalize_nfc
        && current.text.bytes().any(|b| b >= 0xCC)
        && is_nfc_quick(current.text.chars()) != IsNormalized::Yes
    {
        let (next, more, changed) = nfc_pass(&current.text, &current.segs);
        if changed {
            current = next;
            edits.extend(more);
        }
    }
    (current, edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        repair(s, &CharOptions::default()).0.text
    }

    #[test]
    fn seams_that_would_make_mojibake() {
        // "ï" + "š…" and "Õ" + "»" read as UTF-8 sequences once written together.
        assert!(seam_makes_mojibake("a ïš", "… b"));
        assert!(seam_makes_mojibake("ï+똃Õ", "»x"));
        assert!(!seam_makes_mojibake("the word", "’s end"));
        assert!(!seam_makes_mojibake("", "»"));
        assert!(!seam_makes_mojibake("Õ", ""));
    }

    #[test]
    fn plain_chunks_are_what_the_byte_loop_skips() {
        // The byte loop's test of one byte, as `repair_pass` writes it.
        let loop_skips = |b: &[u8], i: usize| {
            let next = b[i + 1];
            ((0x21..0x7F).contains(&b[i]) && b[i] != b'&')
                || (b[i] == b' '
                    && !matches!(b[i - 1], b'\n' | b'\r')
                    && ((0x21..0x7F).contains(&next)
                        || (next >= 0x80 && next != 0xC2 && !(0xE1..=0xE3).contains(&next))))
        };
        // What `plain_chunk` promises: ASCII, visible but `&` or a space between visible bytes.
        let plain = |b: &[u8], i: usize| {
            let visible = |c: u8| (0x21..0x7F).contains(&c);
            (visible(b[i]) && b[i] != b'&')
                || (b[i] == b' ' && visible(b[i - 1]) && visible(b[i + 1]))
        };
        let alphabet = b"ab &\n\r\t~\x7f\x1f!\xc3\xa9";
        use crate::text::random_text::RandomPicks;
        let mut random = RandomPicks::new(7);
        for _ in 0..20_000 {
            let bytes: Vec<u8> = random.draw(&alphabet[..], 10);
            let chunk = plain_chunk(&bytes, 1);
            let expected = bytes.is_ascii() && (1..9).all(|i| plain(&bytes, i));
            assert_eq!(chunk, expected, "{bytes:?}");
            assert!(!chunk || (1..9).all(|i| loop_skips(&bytes, i)), "{bytes:?}");
        }
    }

    #[test]
    fn mojibake_round_trip() {
        let good = "Iran’s “victory” — café, naïve, 10€, ☃ and 😀";
        let bad: String = good.bytes().map(cp1252_char).collect();
        assert_ne!(bad, good);
        assert_eq!(fix(&bad), good);
        // Twice mis-decoded.
        let worse: String = bad.bytes().map(cp1252_char).collect();
        assert_eq!(fix(&worse), good);
    }

    /// The columns check read outwards from the gap, against the slices it stands for: the
    /// line's text on each side, cut at the nearest run of three spaces.
    #[test]
    fn columns_read_outwards_agree_with_the_line_cut_at_wide_gaps() {
        let holds_four = |text: &str| {
            text.split_whitespace()
                .filter(|t| t.chars().filter(|c| c.is_alphabetic()).nth(1).is_some())
                .nth(3)
                .is_some()
        };
        let reference = |src: &str, i: usize, j: usize| {
            let gap = |c: char| c == '\n' || c == '\r';
            let before = &src[..i];
            let before = &before[before.rfind(gap).map_or(0, |k| k + 1)..];
            let before = &before[before.rfind("   ").map_or(0, |k| k + 3)..];
            let after = &src[j..];
            let after = &after[..after.find(gap).unwrap_or(after.len())];
            let after = &after[..after.find("   ").unwrap_or(after.len())];
            holds_four(before) && holds_four(after)
        };
        let alphabet: Vec<char> = "ab cd  e\u{e9}\u{a0}\n7.,".chars().collect();
        let mut random = crate::text::random_text::RandomPicks::new(11);
        for _ in 0..20_000 {
            let len = random.below(60);
            let left: String = random.draw(&alphabet[..], len);
            let len = random.below(60);
            let right: String = random.draw(&alphabet[..], len);
            let src = format!("{left}   {right}");
            let (i, j) = (left.len(), left.len() + 3);
            assert_eq!(
                between_columns(&src, i, j),
                reference(&src, i, j),
                "{src:?}"
            );
        }
    }

    #[test]
    fn columns_side_by_side_are_broken_apart() {
        // A menu column beside the article's first paragraph, as a converter lays out cells.
        assert_eq!(
            fix("13. Bishops meet the families of the victims today      The talks in Rome lasted until late in the evening."),
            "13. Bishops meet the families of the victims today\nThe talks in Rome lasted until late in the evening."
        );
        // Columns of a table of figures, a label beside figures and a wrapped line spaced
        // wide are one line with single spaces.
        for (raw, fixed) in [
            (
                "    Sunflowerseed        1,800     18,800        nil",
                "Sunflowerseed 1,800 18,800 nil",
            ),
            (
                "Utilization for the week of March 28 was   78.7 pct and for",
                "Utilization for the week of March 28 was 78.7 pct and for",
            ),
            (
                "Asia Ltd.    Jardine Matheson's shares enjoyed a brief rally after the",
                "Asia Ltd. Jardine Matheson's shares enjoyed a brief rally after the",
            ),
        ] {
            assert_eq!(fix(raw), fixed);
        }
    }

    #[test]
    fn legitimate_accents_are_left_alone() {
        for s in [
            "naïve café à Paris",
            "Ça va? Über straße",
            "São Paulo — 10 €",
            "Ã la carte",
            "Æœ",
        ] {
            assert_eq!(fix(s), s);
        }
    }

    #[test]
    fn entities_controls_spaces() {
        assert_eq!(
            fix("AT&amp;T &lt;b&gt; &#8217; &#x2019; &#150; &amp;quot;"),
            "AT&T <b> ’ ’ – \""
        );
        assert_eq!(fix("\u{feff}a\u{200b}b\u{ad}c\u{0}d\u{7}"), "abcd");
        assert_eq!(fix("a\u{a0}\u{a0} b\t\tc  \r\nd\re  "), "a b c\nd\ne");
        assert_eq!(fix("AT&T; R&D &bogus; &#;"), "AT&T; R&D &bogus; &#;");
        assert_eq!(fix("\u{93}quoted\u{94}"), "“quoted”");
    }

    #[test]
    fn nfc_and_quotes() {
        assert_eq!(fix("Cafe\u{301} e\u{301}"), "Café é");
        let folded = repair(
            "“a” ‘b’",
            &CharOptions {
                fold_quotes: true,
                ..Default::default()
            },
        )
        .0
        .text;
        assert_eq!(folded, "\"a\" 'b'");
        assert_eq!(fix("“a” ‘b’"), "“a” ‘b’");
    }

    #[test]
    fn spans_point_into_the_original() {
        let original = "x\u{a0}y &amp; Iranâ€™s";
        let (mapped, edits) = repair(original, &CharOptions::default());
        assert_eq!(mapped.text, "x y & Iran’s");
        let texts: Vec<_> = edits
            .iter()
            .map(|e| (&original[e.start..e.end], e.rule))
            .collect();
        assert_eq!(
            texts,
            [
                ("\u{a0}", "chars.space"),
                ("&amp;", "chars.entity"),
                ("â€™", "chars.mojibake")
            ]
        );
    }

    /// Stopping after a pass that changed only spacing gives what passes until nothing
    /// changes give.
    #[test]
    fn spacing_passes_end_the_repair() {
        let until_unchanged = |text: &str| {
            let options = CharOptions::default();
            let segs = identity_segs(text.len());
            let (mut current, mut edits, _) = repair_pass(text, &segs, &options);
            for _ in 0..6 {
                let (next, more, changed) = repair_pass(&current.text, &current.segs, &options);
                if changed == Changed::Nothing {
                    break;
                }
                current = next;
                edits.extend(more);
            }
            (current.text, edits)
        };
        let alphabet: Vec<char> = "a1 \t\n\r&amp;#;\u{a0}\u{2009}\u{200b}\u{1}\u{b}ÃÂ©â€™\u{93}é"
            .chars()
            .collect();
        use crate::text::random_text::RandomPicks;
        let mut random = RandomPicks::new(3);
        for _ in 0..20_000 {
            let len = random.below(14);
            let text: String = random.draw(&alphabet[..], len);
            let (mapped, edits) = repair(&text, &CharOptions::default());
            assert_eq!((mapped.text, edits), until_unchanged(&text), "{text:?}");
        }
    }

    #[test]
    fn fixed_point() {
        for s in [
            "a \u{a0} b",
            "&amp;amp;amp;",
            "Ã\u{1}©",
            "  x  \n  y  ",
            "e&#769;",
        ] {
            let once = fix(s);
            assert_eq!(fix(&once), once, "{s:?}");
        }
    }
}
