//! The corpus's person names of two words or more, indexed by their endings: a partial name
//! ("Reagan", "Nancy Reagan") finds the longer names ending with exactly its words, or with
//! words that may be spellings of them, in time proportional to what it finds. A common
//! surname written with a given name is not compared with every longer name ending with the
//! surname, which made the join quadratic in the corpus.

use rustc_hash::FxHashMap;

use super::canonical::deletion_variants;

/// Tokens shorter than this are never spelling variants of another (see
/// [`similar_token`](super::canonical::similar_token)): they block only as themselves.
const TYPO_MIN_CHARS: usize = 5;

/// Index entries: (hash of an ending or of forms of it, what is under it), sorted.
type Entries<T> = Vec<(u64, T)>;

/// A distinct ending: its hash, and the first name ending with it, which shows its words.
pub type Ending = (u64, u32);

/// Longer person names by their last one or two words. The forms that find spelling
/// variants are kept once per distinct ending, not per name: a corpus has far fewer
/// surnames than people.
#[derive(Default)]
pub struct NameEndings {
    /// Each name under the hash of its exact last word and, with three words or more, of its
    /// last two.
    exact: Entries<u32>,
    /// Each distinct last word long enough for a typo, under each of its one-deletion forms.
    last_forms: FormIndex,
    /// Each distinct ending of two words (of names of three words or more), under the first
    /// letter of its first word with each form of its last.
    two_forms: FormIndex,
}

/// Endings under the hashes of their forms. A partial name asks for a dozen forms or so, most
/// under no ending: one hash probe each, not a binary search through the whole index.
#[derive(Default)]
struct FormIndex {
    endings: Vec<Ending>,
    /// Form hash → where its endings are in `endings` (start, count).
    runs: FxHashMap<u64, (u32, u32)>,
}

impl FormIndex {
    fn new(mut entries: Entries<Ending>) -> Self {
        entries.sort_unstable();
        let mut runs = FxHashMap::default();
        let mut start = 0;
        for run in entries.chunk_by(|a, b| a.0 == b.0) {
            runs.insert(run[0].0, (start, run.len() as u32));
            start += run.len() as u32;
        }
        FormIndex {
            endings: entries.into_iter().map(|e| e.1).collect(),
            runs,
        }
    }

    fn get(&self, hash: u64) -> &[Ending] {
        self.runs.get(&hash).map_or(&[], |&(start, count)| {
            &self.endings[start as usize..(start + count) as usize]
        })
    }
}

impl NameEndings {
    /// The index of the names `ids`, of two words or more, whose comparison tokens `tokens`
    /// gives.
    pub fn build(ids: &[u32], tokens: impl Fn(u32) -> Vec<String>) -> Self {
        let mut index = NameEndings::default();
        let (mut last_forms, mut two_forms) = (Vec::new(), Vec::new());
        for &id in ids {
            let tokens = tokens(id);
            let n = tokens.len();
            index.exact.push((words_hash(&tokens[n - 1..]), id));
            if n >= 3 {
                index.exact.push((words_hash(&tokens[n - 2..]), id));
            }
        }
        index.exact.sort_unstable();
        for &id in ids {
            let tokens = tokens(id);
            let n = tokens.len();
            let last = &tokens[n - 1];
            let one = words_hash(&tokens[n - 1..]);
            if last.chars().count() >= TYPO_MIN_CHARS && index.first_named(one) == Some(id) {
                let forms = deletion_variants(last).into_iter();
                last_forms.extend(forms.map(|f| (words_hash(&[f]), (one, id))));
            }
            let two = words_hash(&tokens[n.saturating_sub(2)..]);
            if n >= 3 && index.first_named(two) == Some(id) {
                let pairs = form_pairs(&tokens[n - 2], last);
                two_forms.extend(pairs.into_iter().map(|h| (h, (two, id))));
            }
        }
        index.last_forms = FormIndex::new(last_forms);
        index.two_forms = FormIndex::new(two_forms);
        index
    }

    /// The first of the names under the exact ending `hash`: who gives the ending its forms.
    fn first_named(&self, hash: u64) -> Option<u32> {
        run(&self.exact, hash).first().map(|e| e.1)
    }

    /// Ids of the names longer than `tokens` (one or two words) that may end with exactly
    /// them, increasing: a hash match, to be checked.
    pub fn exact(&self, tokens: &[String]) -> impl ExactSizeIterator<Item = u32> + '_ {
        self.ending_with(words_hash(tokens))
    }

    /// Ids of the names with the ending `hash`, increasing.
    pub fn ending_with(&self, hash: u64) -> impl ExactSizeIterator<Item = u32> + '_ {
        run(&self.exact, hash).iter().map(|e| e.1)
    }

    /// The distinct endings of as many words as `tokens` (one or two) that may be spelling
    /// variants of them: a superset, to be checked on each ending's first name before its
    /// names are read, so that the names of a word that only shares a form are never read.
    pub fn similar(&self, tokens: &[String]) -> Vec<Ending> {
        let mut endings: Vec<Ending> = match tokens {
            [last] if last.chars().count() >= TYPO_MIN_CHARS => deletion_variants(last)
                .into_iter()
                .flat_map(|f| self.last_forms.get(words_hash(&[f])))
                .copied()
                .collect(),
            [before, last] => form_pairs(before, last)
                .into_iter()
                .flat_map(|h| self.two_forms.get(h))
                .copied()
                .collect(),
            _ => Vec::new(),
        };
        endings.sort_unstable();
        endings.dedup();
        endings
    }
}

/// The entries of sorted `entries` under `hash`.
fn run<T>(entries: &[(u64, T)], hash: u64) -> &[(u64, T)] {
    let from = entries.partition_point(|e| e.0 < hash);
    let to = from + entries[from..].partition_point(|e| e.0 == hash);
    &entries[from..to]
}

/// The forms a token blocks under: itself, and its one-deletion forms when it is long
/// enough to have typos. Two tokens one edit apart share one.
fn forms(token: &str) -> Vec<String> {
    if token.chars().count() >= TYPO_MIN_CHARS {
        deletion_variants(token)
    } else {
        vec![token.to_string()]
    }
}

/// The keys of two consecutive words: the first letter of the first (a spelling variant keeps
/// it, see [`similar_token`](super::canonical::similar_token)) with each form of the last.
/// At most a dozen a name, where every pair of forms would be over a hundred.
fn form_pairs(before: &str, last: &str) -> Vec<u64> {
    let initial = before.chars().next().map(String::from).unwrap_or_default();
    let keys = forms(last).into_iter();
    keys.map(|l| words_hash(&[initial.as_str(), l.as_str()]))
        .collect()
}

fn words_hash<S: AsRef<str>>(words: &[S]) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for word in words {
        hasher.update(word.as_ref().as_bytes());
        hasher.update(b"\0");
    }
    hasher.digest()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::canonical::{name_keys, similar_token};

    fn index(names: &[&str]) -> NameEndings {
        let ids: Vec<u32> = (0..names.len() as u32).collect();
        NameEndings::build(&ids, |i| name_keys(names[i as usize]))
    }

    #[test]
    fn exact_endings_of_one_and_two_words() {
        let names = [
            "Nancy Reagan",
            "Ronald Wilson Reagan",
            "Nancy Davis Reagan",
            "Ron Regan",
        ];
        let ix = index(&names);
        let find = |t: &str| ix.exact(&name_keys(t)).collect::<Vec<_>>();
        assert_eq!(find("Reagan"), vec![0, 1, 2]);
        assert_eq!(find("Wilson Reagan"), vec![1]);
        assert_eq!(find("Nancy Reagan"), Vec::<u32>::new());
    }

    /// Every longer name whose last words are each a spelling variant of the partial name's
    /// is found (checked against comparing with every name).
    #[test]
    fn similar_endings_miss_no_variant() {
        let names = [
            "Hassan Rowhani",
            "Hassan Rouhani",
            "Ali Hassan Rowhani",
            "Ali Hasan Rowhani",
            "Jon Smith",
            "John Smyth",
            "Ann Jon Smith",
            "Ann Jon Smyth",
            "Ann Jan Smith",
            "Paul Smtih",
            "Mary Anne Kalo",
            "Mary Anna Kalo",
            "Bo Lee Kalos",
        ];
        let ix = index(&names);
        let keys: Vec<Vec<String>> = names.iter().map(|n| name_keys(n)).collect();
        let partials = [
            "Rowhani",
            "Hassan Rowhani",
            "Smith",
            "Jon Smith",
            "Anne Kalo",
            "Anna Kalo",
            "Kalo",
            "Lee Kalos",
            "Hasan Rowhani",
        ];
        for p in partials {
            let tokens = name_keys(p);
            let similar = |full: &Vec<String>| {
                full.len() > tokens.len()
                    && full[full.len() - tokens.len()..]
                        .iter()
                        .zip(&tokens)
                        .all(|(x, y)| similar_token(x, y))
            };
            let slow: Vec<u32> = (0..names.len() as u32)
                .filter(|&i| similar(&keys[i as usize]))
                .collect();
            let mut fast: Vec<u32> = ix
                .similar(&tokens)
                .into_iter()
                .filter(|&(_, first)| similar(&keys[first as usize]))
                .flat_map(|(hash, _)| ix.ending_with(hash))
                .filter(|&i| similar(&keys[i as usize]))
                .collect();
            fast.sort_unstable();
            let exact_last = tokens.len() == 1;
            let expected: Vec<u32> = if exact_last {
                // One word: equal last words are the exact look-up's.
                slow.into_iter()
                    .filter(|&i| keys[i as usize].last() != tokens.last())
                    .collect()
            } else {
                slow
            };
            let fast: Vec<u32> = fast
                .into_iter()
                .filter(|&i| !exact_last || keys[i as usize].last() != tokens.last())
                .collect();
            assert_eq!(fast, expected, "{p}");
        }
    }
}
