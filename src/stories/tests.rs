//! Tests of the story index as a whole: grouping, order and batch invariance, shared texts and
//! groups, the window, articles without terms, crowded terms, saving and loading.

use super::*;
use crate::error::Error;

/// Sentences of five events, each reported by several articles in partly different words.
const EVENTS: [&[&str]; 5] = [
    &[
        "A strong earthquake struck northern Peru on Sunday, shaking buildings in Lima.",
        "The magnitude 7.1 quake was centred near the town of Moyobamba in the Amazon region.",
        "Rescue teams searched collapsed houses in Moyobamba for survivors of the tremor.",
        "Peru's civil defence institute said at least twelve people died in the earthquake.",
        "President Ollanta Humala flew to the San Martin region to inspect the quake damage.",
        "Aftershocks rattled Moyobamba through the night as families slept outdoors.",
    ],
    &[
        "Actress Lindsay Lohan checked into the Betty Ford Center for a court-ordered rehab stay.",
        "Lohan skipped a Newport Beach rehabilitation facility before entering Betty Ford.",
        "A judge ordered Lohan to spend ninety days in rehab after her reckless driving case.",
        "Her lawyer Mark Heller said the Mean Girls star was committed to her treatment.",
        "The Betty Ford Center in Rancho Mirage has treated many celebrities for addiction.",
        "Lohan rear-ended a truck on the Pacific Coast Highway last June, police said.",
    ],
    &[
        "Apple unveiled a thinner iPad tablet at an event in Cupertino on Tuesday.",
        "Chief executive Tim Cook said the new iPad has a faster chip and a sharper screen.",
        "Analysts expect the tablet to lift Apple sales during the holiday season.",
        "The iPad goes on sale in Cupertino stores and online from next Friday.",
        "Cook also showed a smaller iPad model aimed at students and schools.",
        "Shares of Apple rose after the Cupertino launch event ended.",
    ],
    &[
        "Floods swept through villages along the Danube in Hungary after days of rain.",
        "Hungarian soldiers piled sandbags along the Danube embankments in Budapest.",
        "Prime Minister Viktor Orban said the Danube flood crest would reach Budapest on Monday.",
        "Thousands of residents were evacuated from flooded villages north of Budapest.",
        "The Danube rose to a record level, closing roads and ferry crossings.",
        "Volunteers joined soldiers filling sandbags as the floodwater kept rising.",
    ],
    &[
        "Manchester United beat Arsenal three goals to one at Old Trafford on Saturday.",
        "Wayne Rooney scored twice as United moved top of the Premier League table.",
        "Arsenal manager Arsene Wenger said his defence made costly mistakes at Old Trafford.",
        "Robin van Persie added a third goal for United against his former club Arsenal.",
        "The win left United five points clear of Arsenal in the Premier League.",
        "Old Trafford applauded Rooney when he was substituted late in the match.",
    ],
];

/// Article `a` of event `e`: four of its sentences, chosen and ordered by the article.
fn article_text(e: usize, a: usize) -> String {
    let pool = EVENTS[e];
    (0..4)
        .map(|s| pool[(a * 2 + s * (a + 1)) % pool.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Five articles of each event, then two articles of no event; `(text, event)`.
fn corpus() -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = (0..EVENTS.len())
        .flat_map(|e| (0..5).map(move |a| (article_text(e, a), e)))
        .collect();
    out.push((
        "The museum opened a new wing of medieval tapestries to visitors.".into(),
        98,
    ));
    out.push((
        "Bakers in the city protested against rising flour prices.".into(),
        99,
    ));
    out
}

fn articles(texts: &[String]) -> Vec<Article<'_>> {
    texts
        .iter()
        .map(|t| Article {
            text: Some(t.as_str()),
            ..Article::default()
        })
        .collect()
}

/// The stories as sets of texts, sorted: comparable whatever the positions.
fn grouping(index: &StoryIndex, texts: &[String]) -> Vec<Vec<String>> {
    let mut by_story: std::collections::BTreeMap<u32, Vec<String>> = Default::default();
    for (doc, &story) in index.stories().iter().enumerate() {
        by_story.entry(story).or_default().push(texts[doc].clone());
    }
    let mut out: Vec<Vec<String>> = by_story
        .into_values()
        .map(|mut v| {
            v.sort();
            v
        })
        .collect();
    out.sort();
    out
}

/// The text naming each article's story.
fn story_names(index: &StoryIndex, texts: &[String]) -> Vec<String> {
    index
        .stories()
        .iter()
        .map(|&s| texts[s as usize].clone())
        .collect()
}

#[test]
fn articles_of_one_event_form_one_story() {
    let corpus = corpus();
    let texts: Vec<String> = corpus.iter().map(|(t, _)| t.clone()).collect();
    let index = group_stories(&articles(&texts), StoryConfig::default()).unwrap();
    let stories = index.stories();
    for (i, (_, ei)) in corpus.iter().enumerate() {
        for (j, (_, ej)) in corpus.iter().enumerate() {
            assert_eq!(
                stories[i] == stories[j],
                ei == ej,
                "{} / {}",
                texts[i],
                texts[j]
            );
        }
    }
    let out = assignments(stories, index.keys(), index.vectors());
    assert_eq!(out.size[0], 5);
    assert_eq!(out.representative.iter().filter(|&&r| r).count(), 7);
    assert!(out
        .similarity
        .iter()
        .all(|s| (0.0..=1.0 + 1e-6).contains(s)));
}

#[test]
fn batches_and_order_give_the_same_stories() {
    let corpus = corpus();
    let texts: Vec<String> = corpus.iter().map(|(t, _)| t.clone()).collect();
    let all = articles(&texts);
    let one_shot = group_stories(&all, StoryConfig::default()).unwrap();
    let expected = grouping(&one_shot, &texts);
    for split in [1, 7, 16, 26] {
        let mut index = StoryIndex::new(StoryConfig::default()).unwrap();
        index.add(&all[..split]).unwrap();
        index.add(&all[split..]).unwrap();
        assert_eq!(index.stories(), one_shot.stories(), "split at {split}");
    }
    let mut one_by_one = StoryIndex::new(StoryConfig::default()).unwrap();
    for article in &all {
        one_by_one.add(std::slice::from_ref(article)).unwrap();
    }
    assert_eq!(one_by_one.stories(), one_shot.stories());
    for doc in 0..all.len() as u32 {
        assert_eq!(one_by_one.neighbours(doc), one_shot.neighbours(doc));
    }
    // Reversed and interleaved: the same stories, named after the same articles.
    let names = story_names(&one_shot, &texts);
    for order in [
        (0..texts.len()).rev().collect::<Vec<_>>(),
        (0..texts.len()).map(|i| (i * 7) % texts.len()).collect(),
    ] {
        let shuffled: Vec<String> = order.iter().map(|&i| texts[i].clone()).collect();
        let index = group_stories(&articles(&shuffled), StoryConfig::default()).unwrap();
        assert_eq!(grouping(&index, &shuffled), expected);
        let shuffled_names = story_names(&index, &shuffled);
        for (position, &i) in order.iter().enumerate() {
            assert_eq!(shuffled_names[position], names[i]);
        }
    }
}

#[test]
fn crowded_terms_keep_batches_equal_to_one_shot() {
    let corpus = corpus();
    let texts: Vec<String> = corpus.iter().map(|(t, _)| t.clone()).collect();
    let all = articles(&texts);
    let config = StoryConfig {
        max_term_articles: 3,
        ..StoryConfig::default()
    };
    let one_shot = group_stories(&all, config).unwrap();
    for split in [2, 13, 25] {
        let mut index = StoryIndex::new(config).unwrap();
        for chunk in all.chunks(split) {
            index.add(chunk).unwrap();
        }
        assert_eq!(index.stories(), one_shot.stories(), "batches of {split}");
        for doc in 0..all.len() as u32 {
            assert_eq!(index.neighbours(doc), one_shot.neighbours(doc));
        }
    }
}

#[test]
fn copies_and_groups_share_a_story_and_empty_articles_have_none() {
    let quake = article_text(0, 0);
    let rehab = article_text(1, 0);
    let texts = [
        quake.clone(),
        format!("  {}\n", quake.replace(' ', "  ")),
        rehab.clone(),
        "The museum opened a new wing of tapestries.".to_string(),
    ];
    let mut batch = articles(&texts);
    batch[2].group = Some("cluster 3");
    batch[3].group = Some("cluster 3");
    batch.push(Article::default());
    batch.push(Article {
        text: Some(" -- the of 2024 "),
        ..Article::default()
    });
    let index = group_stories(&batch, StoryConfig::default()).unwrap();
    let s = index.stories();
    assert_eq!(s[0], s[1], "exact copies (up to whitespace) share a story");
    assert_eq!(s[2], s[3], "one group, one story");
    assert_ne!(s[0], s[2]);
    assert_eq!(&s[4..], [NO_STORY, NO_STORY]);
    let out = assignments(s, index.keys(), index.vectors());
    assert_eq!(&out.size[4..], [0, 0]);
    assert!(out.similarity[4].is_nan());
    assert!(!out.representative[4]);
}

#[test]
fn the_window_keeps_distant_dates_apart() {
    let texts: Vec<String> = (0..4).map(|a| article_text(0, a)).collect();
    let dated = |dates: [Option<i64>; 4]| -> Vec<u32> {
        let mut batch = articles(&texts);
        for (article, date) in batch.iter_mut().zip(dates) {
            article.date = date;
        }
        group_stories(&batch, StoryConfig::default())
            .unwrap()
            .stories()
            .to_vec()
    };
    let day = 86_400;
    let close = dated([Some(0), Some(day), Some(2 * day), None]);
    assert!(close.iter().all(|&s| s == close[0]));
    // Named after the earliest article.
    assert_eq!(close[0], 0);
    let apart = dated([Some(0), Some(day), Some(100 * day), Some(101 * day)]);
    assert_eq!(apart[0], apart[1]);
    assert_eq!(apart[2], apart[3]);
    assert_ne!(apart[0], apart[2]);
    let later_first = dated([Some(5 * day), Some(day), None, None]);
    assert!(later_first.iter().all(|&s| s == 1), "{later_first:?}");
}

#[test]
fn save_load_and_continue() {
    let corpus = corpus();
    let texts: Vec<String> = corpus.iter().map(|(t, _)| t.clone()).collect();
    let mut all = articles(&texts);
    all[3].date = Some(1_000_000);
    all[4].group = Some("g");
    let one_shot = group_stories(&all, StoryConfig::default()).unwrap();
    let mut first = StoryIndex::new(StoryConfig::default()).unwrap();
    first.add(&all[..20]).unwrap();
    let bytes = first.to_bytes();
    let mut loaded = StoryIndex::from_bytes(&bytes).unwrap();
    assert_eq!(loaded.to_bytes(), bytes);
    assert_eq!(loaded.stories(), first.stories());
    loaded.add(&all[20..]).unwrap();
    assert_eq!(loaded.stories(), one_shot.stories());
    for cut in [0, 10, 40, bytes.len() - 1] {
        assert!(matches!(
            StoryIndex::from_bytes(&bytes[..cut]),
            Err(Error::Model(_))
        ));
    }
    let mut flipped = bytes.clone();
    flipped[60] ^= 1;
    assert!(matches!(
        StoryIndex::from_bytes(&flipped),
        Err(Error::Model(_))
    ));
    assert!(StoryIndex::from_bytes(b"TIDINGS-DEDUP\0\0\x01 other").is_err());
}

#[test]
fn bad_options_are_refused() {
    for config in [
        StoryConfig {
            neighbours: 0,
            ..StoryConfig::default()
        },
        StoryConfig {
            threshold: f64::NAN,
            ..StoryConfig::default()
        },
        StoryConfig {
            window_days: Some(-1.0),
            ..StoryConfig::default()
        },
    ] {
        assert!(matches!(
            StoryIndex::new(config),
            Err(Error::InvalidInput(_))
        ));
    }
}
