//! Speech cues: the words that attribute words to a source ("said", "told", "according to"),
//! looked up in the lexicon's speech verbs (`speech_verbs.txt`).

use super::document::Document;
use crate::text::lexicon::quote_words::{
    definite_determiners, indefinite_determiners, inverting_speech_verbs, light_reporting_verbs,
    possessive_determiners, reporting_verbs, speech_participles, speech_verbs,
    speech_verbs_with_hearer,
};
use crate::text::lexicon::WordSet;

/// A speech cue over tokens `start..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cue {
    pub start: usize,
    pub end: usize,
    /// The cue's form as listed, lowercase, words joined with `_`.
    pub form: String,
}

impl Cue {
    fn marked(&self, list: &WordSet) -> bool {
        list.contains(&self.form)
    }

    /// Whether the cue also introduces reported speech (an unquoted clause).
    pub fn reports(&self) -> bool {
        self.marked(reporting_verbs())
    }

    /// Whether it takes any clause after it (say, tell, add), not only "that" or a finite one.
    pub fn is_light(&self) -> bool {
        self.marked(light_reporting_verbs())
    }

    pub fn is_participle(&self) -> bool {
        self.marked(speech_participles())
    }

    /// Whether its source may follow it ("…," said Putin).
    pub fn inverts(&self) -> bool {
        self.marked(inverting_speech_verbs())
    }

    /// Whether its hearer comes before the clause ("told reporters …").
    pub fn has_hearer(&self) -> bool {
        self.marked(speech_verbs_with_hearer())
    }

    pub fn is_according_to(&self) -> bool {
        self.form == "according_to"
    }
}

fn is_determiner(word: &str) -> bool {
    definite_determiners().contains(word)
        || indefinite_determiners().contains(word)
        || possessive_determiners().contains(word)
}

/// The cue starting at token `i`: a two-word cue ("according to", "pointed out") or a speech
/// verb. A capitalised verb opening no sentence ("Tell", a name) is no cue.
pub(crate) fn cue_at(doc: &Document<'_, '_>, i: usize) -> Option<Cue> {
    if !doc.is_word(i) {
        return None;
    }
    if i + 1 < doc.len() {
        let pair = format!("{}_{}", doc.lower(i), doc.lower(i + 1));
        if speech_verbs().contains(&pair) {
            return Some(Cue {
                start: i,
                end: i + 2,
                form: pair,
            });
        }
    }
    let form = doc.lower(i);
    let opens_sentence = doc.sentences[doc.sentence_of[i]].start == i;
    if !speech_verbs().contains(form) || (doc.is_capitalised(i) && !opens_sentence) {
        return None;
    }
    // After a determiner or a possessive the word is a noun: "a claim", "Lycos's claims".
    if i > 0 && (is_determiner(doc.lower(i - 1)) || doc.is_possessive(i - 1)) {
        return None;
    }
    Some(Cue {
        start: i,
        end: i + 1,
        form: form.to_string(),
    })
}

/// The cues among tokens `range` that lie outside every quoted span, in order.
pub(crate) fn cues_in(doc: &Document<'_, '_>, range: std::ops::Range<usize>) -> Vec<Cue> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        match cue_at(doc, i).filter(|c| c.end <= range.end && doc.quote_of[i].is_none()) {
            Some(cue) => {
                i = cue.end;
                out.push(cue);
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cues_outside_quotes() {
        let text = "“We said no,” he told reporters, according to Tass, and pointed out it failed.";
        let doc = Document::new(text, &[]);
        let cues = cues_in(&doc, 0..doc.len());
        let forms: Vec<&str> = cues.iter().map(|c| c.form.as_str()).collect();
        assert_eq!(forms, ["told", "according_to", "pointed_out"]);
        assert!(cues[0].has_hearer() && cues[0].is_light());
        assert!(cues[1].is_according_to() && cues[1].reports());
        assert_eq!(doc.span_text(cues[2].start..cues[2].end), "pointed out");
    }
}
