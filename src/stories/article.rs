//! An article as story grouping sees it: its term vector, and the key that orders articles
//! whatever order they came in (to settle ties and to name stories).

use super::background::Background;
use super::terms::{entity_term, for_each_word, term_hash};
use super::vector::TermVector;
use crate::dedup::shingle::{exact_hash, normalize};

/// One article given to the index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article<'a> {
    /// `None` for a missing document.
    pub text: Option<&'a str>,
    /// Publication time in seconds since the epoch, when known.
    pub date: Option<i64>,
    /// Articles with the same group (a duplicate cluster) always share a story.
    pub group: Option<&'a str>,
    /// Entity mentions as `(label, canonical name)`.
    pub entities: Vec<(&'a str, &'a str)>,
}

/// The order of articles: the earliest first (undated last), then by the hash of the exact
/// text (as dedup normalises it), then by position in the index. Two articles tie on the
/// first two only when they are the same text of the same date.
/// (Fields in that order: the derived order compares them in turn.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleKey {
    /// Seconds since the epoch; `i64::MAX` when unknown.
    pub date: i64,
    pub exact: u64,
    pub position: u32,
}

/// What the index keeps of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    pub key: ArticleKey,
    /// Hash of the group name, when the article has one.
    pub group: Option<u64>,
    pub vector: TermVector,
}

/// The features of `article`, which gets `position` in the index.
pub fn features(article: &Article<'_>, position: u32, background: &Background) -> Features {
    let text = article.text.unwrap_or("");
    let mut buffer = String::new();
    let mut occurrences = Vec::new();
    for_each_word(text, &mut buffer, |word| occurrences.push(term_hash(word)));
    for (label, name) in &article.entities {
        if entity_term(label, name, &mut buffer).is_some() {
            occurrences.push(term_hash(&buffer));
        }
    }
    Features {
        key: ArticleKey {
            date: article.date.unwrap_or(i64::MAX),
            exact: exact_hash(&normalize(text)),
            position,
        },
        group: article.group.map(term_hash),
        vector: TermVector::weighted(occurrences, |term| background.idf(term)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_order_by_date_then_text_then_position() {
        let key = |date, exact, position| ArticleKey {
            date,
            exact,
            position,
        };
        let mut keys = vec![
            key(i64::MAX, 1, 0),
            key(5, 9, 3),
            key(5, 2, 7),
            key(1, 9, 9),
        ];
        keys.sort();
        assert_eq!(
            keys,
            [
                key(1, 9, 9),
                key(5, 2, 7),
                key(5, 9, 3),
                key(i64::MAX, 1, 0)
            ]
        );
    }

    #[test]
    fn features_of_an_article() {
        let background = Background::parse("documents\t10\nrehab\t5\n").unwrap();
        let article = Article {
            text: Some("Reid entered rehab.\n\nReid  entered rehab."),
            date: Some(86_400),
            group: Some("cluster 7"),
            entities: vec![("PERSON", "Tara Reid"), ("DATE", "Friday")],
        };
        let f = features(&article, 4, &background);
        assert_eq!(f.key.date, 86_400);
        assert_eq!(f.key.position, 4);
        assert_eq!(
            f.key.exact,
            exact_hash(&normalize("Reid entered rehab. Reid entered rehab."))
        );
        assert_eq!(f.group, Some(term_hash("cluster 7")));
        assert_eq!(f.vector.len(), 4);
        let top = f.vector.top_terms(1);
        assert_ne!(top[0].0, term_hash("rehab"), "the common word weighs least");
        let missing = features(&Article::default(), 0, &background);
        assert!(missing.vector.is_empty());
        assert_eq!(missing.key.date, i64::MAX);
    }
}
