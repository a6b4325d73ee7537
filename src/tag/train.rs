//! Training the shipped tagger from IOB2-tagged sentences (the Python training script cleans
//! the corpus and calls this). Features include gazetteer matches, so the gazetteer used here
//! must be the one shipped beside the model.

use super::features::{sentence_features, word_info};
use super::gazetteer::Gazetteer;
use super::perceptron::{label_id, train, Example, Model, Part, TrainConfig};
use super::{gazetteer_codes, MODEL_TYPES};
use crate::error::{Error, Result};

/// Converts IOB2 tags ("B-PERSON", "I-ORG", "O") to BILOU label ids over [`MODEL_TYPES`].
pub fn bilou_from_iob2(tags: &[&str]) -> Result<Vec<usize>> {
    let parse = |tag: &str| -> Result<Option<(bool, usize)>> {
        if tag == "O" {
            return Ok(None);
        }
        let (prefix, name) = tag
            .split_once('-')
            .ok_or_else(|| Error::InvalidInput(format!("bad tag {tag:?}")))?;
        let t = MODEL_TYPES
            .iter()
            .position(|l| l.as_str() == name)
            .ok_or_else(|| Error::InvalidInput(format!("unknown entity type in tag {tag:?}")))?;
        match prefix {
            "B" => Ok(Some((true, t))),
            "I" => Ok(Some((false, t))),
            _ => Err(Error::InvalidInput(format!("bad tag prefix in {tag:?}"))),
        }
    };
    let parsed = tags.iter().map(|t| parse(t)).collect::<Result<Vec<_>>>()?;
    let mut out = Vec::with_capacity(tags.len());
    for (i, p) in parsed.iter().enumerate() {
        let Some((begin, t)) = *p else {
            out.push(0);
            continue;
        };
        // An I- tag without its B- (noisy data) starts a span.
        let starts =
            begin || !matches!(i.checked_sub(1).and_then(|j| parsed[j]), Some((_, u)) if u == t);
        let continues = matches!(parsed.get(i + 1).copied().flatten(), Some((false, u)) if u == t);
        let part = match (starts, continues) {
            (true, false) => Part::Unit,
            (true, true) => Part::Begin,
            (false, true) => Part::Inside,
            (false, false) => Part::Last,
        };
        out.push(label_id(t, part));
    }
    Ok(out)
}

/// Trains a model on `(words, IOB2 tags)` sentences.
pub fn train_tagger(
    sentences: &[(Vec<String>, Vec<String>)],
    gazetteer: &Gazetteer,
    config: &TrainConfig,
    progress: impl FnMut(usize, f64),
) -> Result<Model> {
    let mut scratch = String::new();
    let mut codes = Vec::new();
    let mut examples = Vec::with_capacity(sentences.len());
    for (words, tags) in sentences {
        if words.len() != tags.len() {
            return Err(Error::InvalidInput(
                "a training sentence has different numbers of words and tags".into(),
            ));
        }
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
        let labels = bilou_from_iob2(&tags)?;
        let matches = gazetteer.find(&words);
        gazetteer_codes(gazetteer, &words, &matches, &mut codes);
        let infos: Vec<_> = words.iter().map(|w| word_info(w, &mut scratch)).collect();
        let mut features = Vec::new();
        sentence_features(&infos, &codes, config.bits, &mut features);
        examples.push(Example { features, labels });
    }
    let types = MODEL_TYPES.iter().map(|l| l.as_str().to_string()).collect();
    train(types, &examples, config, gazetteer.fingerprint(), progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob2_to_bilou() {
        let ids = bilou_from_iob2(&[
            "B-PERSON", "I-PERSON", "O", "B-LOC", "I-ORG", "I-ORG", "B-NORP",
        ])
        .unwrap();
        assert_eq!(
            ids,
            [
                label_id(0, Part::Begin),
                label_id(0, Part::Last),
                0,
                label_id(2, Part::Unit),
                label_id(1, Part::Begin),
                label_id(1, Part::Last),
                label_id(3, Part::Unit)
            ]
        );
        assert!(bilou_from_iob2(&["B-XYZ"]).is_err());
        assert!(bilou_from_iob2(&["X-PERSON"]).is_err());
    }
}
