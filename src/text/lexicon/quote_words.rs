//! The word lists of quote extraction (`src/quotes`): speech verbs (`speech_verbs.txt`), the
//! function words read around them (`clause_words.txt`) and the nouns that describe a source
//! (`source_nouns.txt`). Every list is lowercase; look words up with
//! [`WordSet::contains_ignore_ascii_case`].

use std::sync::OnceLock;

use super::{marked, words_of, WordSet};

const SPEECH_VERBS_FILE: &str = include_str!("speech_verbs.txt");
const CLAUSE_WORDS_FILE: &str = include_str!("clause_words.txt");
const SOURCE_NOUNS_FILE: &str = include_str!("source_nouns.txt");

lexicon_list!(
    /// Every form of a speech verb; multi-word cues joined with `_` (`speech_verbs.txt`).
    speech_verbs = words_of(SPEECH_VERBS_FILE)
);
lexicon_list!(
    /// Speech verbs that also introduce reported speech (marked `clause`).
    reporting_verbs = marked(SPEECH_VERBS_FILE, "clause")
);
lexicon_list!(
    /// Reporting verbs that take any clause after them: say, tell, add (marked `light`).
    light_reporting_verbs = marked(SPEECH_VERBS_FILE, "light")
);
lexicon_list!(
    /// -ing forms of speech verbs, whose source is their clause's subject (marked `participle`).
    speech_participles = marked(SPEECH_VERBS_FILE, "participle")
);
lexicon_list!(
    /// Speech verbs whose hearer comes before the clause: told (marked `object`).
    speech_verbs_with_hearer = marked(SPEECH_VERBS_FILE, "object")
);
lexicon_list!(
    /// Speech verbs whose source may follow them: said, added (marked `inverts`).
    inverting_speech_verbs = marked(SPEECH_VERBS_FILE, "inverts")
);
lexicon_list!(
    /// Subject pronouns for a person: he, she (marked `he` in `clause_words.txt`).
    person_pronouns = marked(CLAUSE_WORDS_FILE, "he")
);
lexicon_list!(
    /// The subject pronoun for a thing or an organisation: it (marked `it`).
    thing_pronouns = marked(CLAUSE_WORDS_FILE, "it")
);
lexicon_list!(
    /// The subject pronoun for a group: they (marked `they`).
    group_pronouns = marked(CLAUSE_WORDS_FILE, "they")
);
lexicon_list!(
    /// First-person pronouns, the writer's outside quotation marks (marked `writer`).
    writer_pronouns = marked(CLAUSE_WORDS_FILE, "writer")
);
lexicon_list!(
    /// Words presenting quoted words as a term or name: term, slogan, words (marked `term`).
    term_words = marked(CLAUSE_WORDS_FILE, "term")
);
lexicon_list!(
    /// Determiners opening a description of someone named before: the, this (marked `definite`).
    definite_determiners = marked(CLAUSE_WORDS_FILE, "definite")
);
lexicon_list!(
    /// Determiners opening a description of someone unnamed: a, an, some (marked `indefinite`).
    indefinite_determiners = marked(CLAUSE_WORDS_FILE, "indefinite")
);
lexicon_list!(
    /// Possessive determiners: his, her, its, their (marked `possessive`).
    possessive_determiners = marked(CLAUSE_WORDS_FILE, "possessive")
);
lexicon_list!(
    /// Prepositions that end the head of a noun phrase (marked `preposition`).
    phrase_prepositions = marked(CLAUSE_WORDS_FILE, "preposition")
);
lexicon_list!(
    /// Words opening a clause, which a speaker's phrase never reaches across (marked `boundary`).
    clause_boundaries = marked(CLAUSE_WORDS_FILE, "boundary")
);
lexicon_list!(
    /// Adverbs and auxiliaries between a speaker and the speech verb (marked `between`).
    words_before_speech_verbs = marked(CLAUSE_WORDS_FILE, "between")
);
lexicon_list!(
    /// Finite verbs: auxiliaries, modals, common irregular past tenses (marked `finite`).
    finite_verbs = marked(CLAUSE_WORDS_FILE, "finite")
);
lexicon_list!(
    /// Auxiliaries and modals (marked `auxiliary`).
    auxiliary_verbs = marked(CLAUSE_WORDS_FILE, "auxiliary")
);
lexicon_list!(
    /// Roles of a person: president, singer... (marked `person` in `source_nouns.txt`).
    person_role_nouns = marked(SOURCE_NOUNS_FILE, "person")
);
lexicon_list!(
    /// Kinds of organisation: company, carrier... (marked `organisation`).
    organisation_kind_nouns = marked(SOURCE_NOUNS_FILE, "organisation")
);
lexicon_list!(
    /// Institutions named by their kind: federation, navy... (marked `institution`).
    institution_nouns = marked(SOURCE_NOUNS_FILE, "institution")
);
lexicon_list!(
    /// Texts that speak for their author: statement, report... (marked `document`).
    document_nouns = marked(SOURCE_NOUNS_FILE, "document")
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_and_their_marks() {
        assert!(speech_verbs().contains("said"));
        assert!(speech_verbs().contains("according_to"));
        assert!(reporting_verbs().contains("told"));
        assert!(!reporting_verbs().contains("described"));
        assert!(speech_participles().contains("saying"));
        assert!(!speech_participles().contains("said"));
        assert!(speech_verbs_with_hearer().contains("told"));
        assert!(light_reporting_verbs().contains("says"));
        assert!(!light_reporting_verbs().contains("announced"));
        // Every marked form is a speech verb, and every list is lowercase.
        for list in [
            reporting_verbs(),
            light_reporting_verbs(),
            speech_participles(),
            speech_verbs_with_hearer(),
        ] {
            assert!(list.iter().all(|w| speech_verbs().contains(w)));
        }
        for list in [speech_verbs(), finite_verbs(), person_role_nouns()] {
            assert!(list.iter().all(|w| w == w.to_lowercase()));
        }
    }

    #[test]
    fn clause_words_and_source_nouns() {
        assert!(person_pronouns().contains_ignore_ascii_case("She"));
        assert!(thing_pronouns().contains("it"));
        assert!(group_pronouns().contains("they"));
        assert!(finite_verbs().contains("would") && finite_verbs().contains("fought"));
        assert!(words_before_speech_verbs().contains("also"));
        assert!(clause_boundaries().contains("that"));
        assert!(organisation_kind_nouns().contains("carrier"));
        assert!(institution_nouns().contains("navy"));
        assert!(document_nouns().contains("statement"));
        assert!(person_role_nouns().contains("singer"));
    }
}
