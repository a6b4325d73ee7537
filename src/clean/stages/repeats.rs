//! Repetition inside one document: an article printed two or three times, a title printed twice.
//! A repeated paragraph goes when it is long, or when it repeats as part of a run of repeated
//! paragraphs in the same order (so a whole copy goes, short lines included). A short paragraph
//! repeated on its own (a quote, a refrain) stays.

use rustc_hash::FxHashMap;

use crate::clean::paragraphs::{Fate, Paragraphs};

/// Removes the kept paragraphs that repeat an earlier one; true when any went.
pub fn remove_repeats(paras: &mut Paragraphs, min_chars: usize) -> bool {
    let rows: Vec<usize> = paras.kept().collect();
    let keys: Vec<u64> = rows.iter().map(|&i| paras[i].key).collect();
    let earlier = earlier_copies(&keys);
    // Most rounds find no copy at all: nothing more to measure.
    if earlier.iter().all(Option::is_none) {
        return false;
    }
    let lens: Vec<usize> = rows.iter().map(|&i| paras[i].text().len()).collect();
    let mut changed = false;
    for (rule, i) in repeat_rules(&earlier, &lens, min_chars).zip(rows) {
        if let Some(rule) = rule {
            paras[i].fate = Fate::Remove(rule);
            changed = true;
        }
    }
    changed
}

/// For each of the kept paragraphs in order (by key and length), the rule that removes it as a
/// repeat, if any.
#[cfg(test)]
fn repeated(keys: &[u64], chars: &[usize], min_chars: usize) -> Vec<Option<&'static str>> {
    repeat_rules(&earlier_copies(keys), chars, min_chars).collect()
}

/// For each key, the position of its first copy when it repeats one (a key of 0 never does).
fn earlier_copies(keys: &[u64]) -> Vec<Option<usize>> {
    let mut first_seen: FxHashMap<u64, usize> =
        FxHashMap::with_capacity_and_hasher(keys.len(), Default::default());
    keys.iter()
        .enumerate()
        .map(|(i, &k)| {
            if k == 0 {
                return None;
            }
            match first_seen.get(&k) {
                Some(&j) => Some(j),
                None => {
                    first_seen.insert(k, i);
                    None
                }
            }
        })
        .collect()
}

/// The rule removing each paragraph as a repeat, if any, from its `earlier` copy and its length
/// in `chars`.
fn repeat_rules<'e>(
    earlier: &'e [Option<usize>],
    chars: &'e [usize],
    min_chars: usize,
) -> impl Iterator<Item = Option<&'static str>> + 'e {
    // Does paragraph i repeat in step with its neighbour at offset `d` (-1 or +1)?
    let in_step = move |i: usize, d: isize| -> bool {
        let (Some(j), Some(n)) = (earlier[i], i.checked_add_signed(d)) else {
            return false;
        };
        let Some(&Some(nj)) = earlier.get(n) else {
            return false;
        };
        j.checked_add_signed(d) == Some(nj) && n != j
    };
    (0..earlier.len()).map(move |i| {
        earlier[i]?;
        if chars[i] >= min_chars {
            Some("repeat.paragraph")
        } else if in_step(i, -1) || in_step(i, 1) {
            Some("repeat.block")
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_go_short_quotes_stay() {
        // A B c A B c : second copy goes entirely (c is short but in step).
        let keys = [1, 2, 3, 1, 2, 3, 9, 7, 9];
        let chars = [100, 100, 4, 100, 100, 4, 10, 100, 10];
        let got = repeated(&keys, &chars, 50);
        assert_eq!(
            got[..6],
            [
                None,
                None,
                None,
                Some("repeat.paragraph"),
                Some("repeat.paragraph"),
                Some("repeat.block")
            ]
        );
        // The short "9" repeated alone stays.
        assert_eq!(got[8], None);
    }
}
