//! What each article gets: its story, the story's size, whether it represents the story, and
//! its similarity to the story's centre.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::article::ArticleKey;
use super::index::NO_STORY;
use super::vector::TermVector;

/// Per-article story columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Assignments {
    /// The position of the story's article with the smallest key ([`NO_STORY`] for articles
    /// without terms).
    pub story: Vec<u32>,
    /// Articles in the story (0 without one).
    pub size: Vec<u32>,
    /// The article closest to the story's centre (ties to the smaller key); one per story.
    pub representative: Vec<bool>,
    /// Cosine similarity to the story's centre, the unit-length sum of its articles' vectors
    /// (1 for a story of one article, NaN without a story).
    pub similarity: Vec<f64>,
}

/// The assignments of articles with the given `story`, `keys` and `vectors`.
pub fn assignments(story: &[u32], keys: &[ArticleKey], vectors: &[TermVector]) -> Assignments {
    let n = story.len();
    let mut members: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (doc, &s) in story.iter().enumerate() {
        if s != NO_STORY {
            members.entry(s).or_default().push(doc as u32);
        }
    }
    let mut out = Assignments {
        story: story.to_vec(),
        size: vec![0; n],
        representative: vec![false; n],
        similarity: vec![f64::NAN; n],
    };
    let scored: Vec<(Vec<u32>, Vec<f64>, u32)> = members
        .into_par_iter()
        .map(|(_, mut docs)| {
            // Summed in key order, so the centre does not depend on the input order.
            docs.sort_unstable_by_key(|&d| keys[d as usize]);
            if docs.len() == 1 {
                return (docs.clone(), vec![1.0], docs[0]);
            }
            let centre = TermVector::centre(docs.iter().map(|&d| &vectors[d as usize]));
            let similarity: Vec<f64> = docs
                .iter()
                .map(|&d| f64::from(vectors[d as usize].dot(&centre)))
                .collect();
            // The first of the highest in key order: ties go to the smaller key.
            let best = (0..docs.len()).fold(0, |best, i| {
                if similarity[i] > similarity[best] {
                    i
                } else {
                    best
                }
            });
            let representative = docs[best];
            (docs, similarity, representative)
        })
        .collect();
    for (docs, similarity, representative) in scored {
        for (&doc, s) in docs.iter().zip(similarity) {
            out.size[doc as usize] = docs.len() as u32;
            out.similarity[doc as usize] = s;
        }
        out.representative[representative as usize] = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(position: u32) -> ArticleKey {
        ArticleKey {
            date: 0,
            exact: 0,
            position,
        }
    }

    #[test]
    fn representative_is_closest_to_the_centre() {
        let vectors = [
            TermVector::weighted(vec![1, 2], |_| 1.0),
            TermVector::weighted(vec![1, 2, 3], |_| 1.0),
            TermVector::weighted(vec![2, 3], |_| 1.0),
            TermVector::weighted(vec![9], |_| 1.0),
            TermVector::default(),
        ];
        let keys: Vec<ArticleKey> = (0..5).map(key).collect();
        let out = assignments(&[0, 0, 0, 3, NO_STORY], &keys, &vectors);
        assert_eq!(out.size, [3, 3, 3, 1, 0]);
        assert_eq!(out.representative, [false, true, false, true, false]);
        assert!(out.similarity[1] > out.similarity[0]);
        assert!((out.similarity[0] - out.similarity[2]).abs() < 1e-6);
        assert_eq!(out.similarity[3], 1.0);
        assert!(out.similarity[4].is_nan());
    }
}
