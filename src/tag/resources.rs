//! The shipped model and gazetteers, read from their files once and shared by all threads.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use super::gazetteer::Gazetteer;
use super::mention::Label;
use super::perceptron::Model;
use crate::error::{Error, Result};

/// The shipped model and gazetteer, loaded once and shared by all threads.
#[derive(Debug)]
pub struct Resources {
    pub model: Model,
    pub gazetteer: Gazetteer,
    /// Teams named like places or common words: organisations in sports reports only.
    pub clubs: Gazetteer,
    /// The label of each of the model's entity types, in the model's order.
    pub(super) model_labels: Vec<Label>,
}

impl Resources {
    /// The model with the gazetteer it was trained with: another gazetteer would feed the
    /// model inputs it never learnt from, so it is refused.
    pub fn new(model: Model, gazetteer: Gazetteer) -> Result<Self> {
        if model.gazetteer != gazetteer.fingerprint() {
            return Err(Error::Model(format!(
                "the tagger model was trained with another gazetteer (fingerprint {:016x}, \
                 this gazetteer {:016x}): use the gazetteer shipped with the model, or train \
                 the model again with this one",
                model.gazetteer,
                gazetteer.fingerprint()
            )));
        }
        let model_labels = model
            .types
            .iter()
            .map(|t| {
                Label::parse(t).ok_or_else(|| {
                    Error::Model(format!("the model has an unknown entity type {t:?}"))
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Resources {
            model,
            gazetteer,
            clubs: Gazetteer::default(),
            model_labels,
        })
    }

    pub fn from_files(model: &Path, gazetteer: &Path) -> Result<Self> {
        let read = |p: &Path| {
            std::fs::read(p).map_err(|e| Error::Model(format!("cannot read {}: {e}", p.display())))
        };
        let model = Model::from_bytes(&read(model)?)?;
        let tsv = String::from_utf8(read(gazetteer)?)
            .map_err(|_| Error::Model("the gazetteer is not UTF-8".into()))?;
        let mut resources = Resources::new(model, Gazetteer::from_tsv(&tsv)?)?;
        resources.clubs = Gazetteer::clubs_from_tsv(&tsv)?;
        Ok(resources)
    }

    /// Loads (once per pair of paths) and caches.
    pub fn cached(model: &Path, gazetteer: &Path) -> Result<Arc<Resources>> {
        static CACHE: OnceLock<Mutex<ResourceCache>> = OnceLock::new();
        let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
        let key = (model.to_path_buf(), gazetteer.to_path_buf());
        if let Some(found) = cache.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
            return Ok(Arc::clone(found));
        }
        let loaded = Arc::new(Resources::from_files(model, gazetteer)?);
        cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(key, Arc::clone(&loaded));
        Ok(loaded)
    }
}

type ResourceCache = HashMap<(PathBuf, PathBuf), Arc<Resources>>;
