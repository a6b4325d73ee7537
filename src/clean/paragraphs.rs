//! The paragraph table every stage works on: one row per paragraph of the document, in order,
//! with its pieces in the working text, its features and key, and its fate. A row's index names
//! it in every stage; removed rows stay in the table (the audit needs them), and stages skip them
//! through [`Paragraphs::kept`].

use std::ops::{Deref, DerefMut};

use super::keys::exact_key;
use super::lines::Piece;
use super::shape::features::{english_features_counting, features, features_in, Features};
use super::shape::sentence::{ends_sentence, leaves_sentence_open};

/// The fewest words of a line that, stopping on a function word, is read as a wrapped line of
/// a sentence rather than a label ("Sign up", "Food Advertising by") or a headline.
pub const WRAPPED_LINE_WORDS: usize = 4;
use super::shape::words::{
    language_evidence, EvidenceCount, Language, LanguageEvidence, LanguageTally,
};

/// What becomes of a paragraph: kept in the text, or removed by a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Keep,
    Remove(&'static str),
}

/// One paragraph: the pieces (lines) it was joined from and its text.
#[derive(Debug, Clone)]
pub struct Para {
    pub pieces: Vec<Piece>,
    pub full: String,
    /// Bytes of `full` cut from the start (a dateline).
    pub cut: usize,
    /// Features and exact key of the text after the cut.
    pub feat: Features,
    pub key: u64,
    pub fate: Fate,
    /// The document's language, for the features.
    pub language: Language,
    /// What the text's words tell of the document's language, once counted (the rows after
    /// the language samples are full are not).
    evidence: Option<LanguageEvidence>,
    /// The text was found to be no field (credit, byline, date, caption): not asked again
    /// every round.
    pub no_field: bool,
}

impl Para {
    /// The paragraph joined from `pieces` of `src`; its features come with [`Para::weigh`].
    fn join(src: &str, pieces: Vec<Piece>) -> Self {
        // Sized at once: a hard-wrapped paragraph joins many lines, and growing the text line
        // by line reallocated it at every doubling.
        let bytes = pieces
            .iter()
            .map(|p| p.end - p.start + usize::from(p.space_before))
            .sum();
        let mut full = String::with_capacity(bytes);
        for p in &pieces {
            if p.space_before {
                full.push(' ');
            }
            full.push_str(&src[p.start..p.end]);
        }
        let key = exact_key(&full);
        Para {
            pieces,
            full,
            cut: 0,
            feat: Features::default(),
            key,
            fate: Fate::Keep,
            language: Language::English,
            evidence: None,
            no_field: false,
        }
    }

    /// Computes the features of the paragraph in a document in `language`.
    fn weigh(&mut self, language: Language) {
        self.language = language;
        self.feat = features_in(self.text(), language);
    }

    /// The text still in the paragraph (after a dateline cut).
    pub fn text(&self) -> &str {
        &self.full[self.cut..]
    }

    /// Cuts the paragraph's text before byte `cut` of the joined text (and the spaces after it).
    pub fn cut_to(&mut self, cut: usize) {
        let rest = &self.full[cut..];
        self.cut = cut + (rest.len() - rest.trim_start().len());
        self.feat = features_in(self.text(), self.language);
        self.key = exact_key(self.text());
        // Counted again when the document's language is asked of the rows it keeps.
        self.evidence = None;
        self.no_field = false;
    }

    /// Working-text position of byte `offset` of the joined text.
    pub fn source_pos(&self, offset: usize) -> usize {
        let (k, start) = self.piece_at(offset);
        let piece = &self.pieces[k];
        (piece.start + offset.saturating_sub(start)).min(piece.end)
    }

    /// The last piece starting at or before byte `offset` of the joined text, and where it
    /// starts there (the first piece when none does). The starts are summed from the pieces'
    /// lengths rather than kept: a paragraph has few pieces, and asks this once or twice.
    pub fn piece_at(&self, offset: usize) -> (usize, usize) {
        let mut found = (0, 0);
        let mut at = 0;
        for (k, p) in self.pieces.iter().enumerate() {
            at += usize::from(p.space_before);
            if k > 0 && at > offset {
                break;
            }
            found = (k, at);
            at += p.end - p.start;
        }
        found
    }

    pub fn start(&self) -> usize {
        self.pieces[0].start
    }

    pub fn end(&self) -> usize {
        self.pieces[self.pieces.len() - 1].end
    }

    /// Stops mid-sentence and `next` goes on in lower case: the start of a sentence, not a
    /// line of its own.
    pub fn runs_on(&self, next: Option<&Para>) -> bool {
        next.is_some_and(|n| {
            !ends_sentence(self.text()) && n.text().chars().next().is_some_and(char::is_lowercase)
        })
    }

    /// A hard-wrapped line leaving its sentence to `next`, the line right under it (no blank
    /// line between): it ends no sentence, and `next` goes on in lower case, or it stops on a
    /// word no sentence ends on after a few words ("cumulative sugar imports from individual
    /// countries during the"; English words). A headline stops on a word of its own, or stands apart.
    pub fn wraps_into(&self, next: &Para) -> bool {
        let adjacent = next.start() == self.end() + 1;
        adjacent
            && self.language == Language::English
            && !ends_sentence(self.text())
            && (next.text().chars().next().is_some_and(char::is_lowercase)
                || (self.feat.words >= WRAPPED_LINE_WORDS && leaves_sentence_open(self.text())))
    }
}

/// The paragraphs of one document, in order (a slice of rows).
#[derive(Debug, Clone)]
pub struct Paragraphs {
    rows: Vec<Para>,
    /// The language sets of the rows' language evidence.
    language_sets: Vec<u32>,
}

impl Paragraphs {
    /// The table of the paragraphs `pieces` of the working text `src`, their features counted
    /// in the document's language.
    pub fn new(src: &str, pieces: Vec<Vec<Piece>>) -> Self {
        let mut rows: Vec<Para> = pieces.into_iter().map(|p| Para::join(src, p)).collect();
        // Weighed in English while the words count toward the language; weighed again in
        // another language only when the document is in it.
        // Sized once for a word set in every fourth word or so (grown from empty, it was
        // reallocated at every doubling), then trimmed to what the words held.
        let mut language_sets = Vec::with_capacity(src.len() / 16);
        let mut count = EvidenceCount::new(&mut language_sets);
        let mut tally = LanguageTally::default();
        for p in rows.iter_mut() {
            if tally.wants_words() {
                p.feat = english_features_counting(p.text(), &mut count);
                let evidence = count.take();
                tally.add(&evidence);
                p.evidence = Some(evidence);
            } else {
                p.feat = features(p.text());
            }
        }
        language_sets.shrink_to_fit();
        let language = tally.language(&language_sets);
        if language != Language::English {
            rows.iter_mut().for_each(|p| p.weigh(language));
        }
        Paragraphs {
            rows,
            language_sets,
        }
    }

    /// Weighs every row again in the language of the kept rows when that is not the language
    /// they were weighed in (removals can leave a document in another language than the page
    /// around it); true when it changed. The kept rows' language evidence is summed, each
    /// row's words counted once.
    pub fn reweigh_in_kept_language(&mut self) -> bool {
        let Some(first) = self.kept().next() else {
            return false;
        };
        let mut tally = LanguageTally::default();
        for p in self.rows.iter_mut().filter(|p| p.fate == Fate::Keep) {
            if !tally.wants_words() {
                break;
            }
            let evidence = *p.evidence.get_or_insert_with(|| {
                language_evidence(&p.full[p.cut..], &mut self.language_sets)
            });
            tally.add(&evidence);
        }
        let language = tally.language(&self.language_sets);
        if language == self.rows[first].language {
            return false;
        }
        self.rows.iter_mut().for_each(|p| p.weigh(language));
        true
    }

    /// Indices of the rows still kept, in order.
    pub fn kept(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.rows.len()).filter(|&i| self.rows[i].fate == Fate::Keep)
    }

    /// The first row after `i` still kept.
    pub fn next_kept(&self, i: usize) -> Option<&Para> {
        self.rows
            .get(i + 1..)?
            .iter()
            .find(|p| p.fate == Fate::Keep)
    }
}

impl Deref for Paragraphs {
    type Target = [Para];

    fn deref(&self) -> &[Para] {
        &self.rows
    }
}

impl DerefMut for Paragraphs {
    fn deref_mut(&mut self) -> &mut [Para] {
        &mut self.rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::lines::paragraphs;
    use crate::clean::options::LineOptions;

    #[test]
    fn wrapped_lines_leave_their_sentence_open() {
        let text = "The farm ministry said wheat exports from the\nnorthern ports rose in the year to March\nCrop report\nThe report covers the\n\nAnother paragraph.";
        let lines = LineOptions {
            unwrap: false,
            ..LineOptions::default()
        };
        let paras = Paragraphs::new(text, paragraphs(text, &lines));
        let texts: Vec<&str> = paras.iter().map(Para::text).collect();
        assert_eq!(texts.len(), 5, "{texts:?}");
        assert!(paras[0].wraps_into(&paras[1]));
        // No function word at its end, no lower case after it; too short; a blank line after.
        assert!(!paras[1].wraps_into(&paras[2]));
        assert!(!paras[2].wraps_into(&paras[3]));
        assert!(!paras[3].wraps_into(&paras[4]));
    }

    #[test]
    fn stages_see_kept_rows_by_their_table_index() {
        let text = "One line here.\nTwo.\nThree goes on\n\nfour ends it.";
        let mut paras = Paragraphs::new(text, paragraphs(text, &LineOptions::default()));
        assert_eq!(paras.len(), 4);
        paras[1].fate = Fate::Remove("test.rule");
        assert_eq!(paras.kept().collect::<Vec<_>>(), [0, 2, 3]);
        assert_eq!(paras.next_kept(0).map(Para::text), Some("Three goes on"));
        assert!(!paras[0].runs_on(paras.next_kept(0)));
        assert!(paras[2].runs_on(paras.next_kept(2)));
        assert!(paras.next_kept(3).is_none());
        // Line 2 runs on into line 3 across no blank line only.
        assert!(!paras[2].wraps_into(&paras[3]));
        paras[0].cut_to(4);
        assert_eq!(
            (paras[0].text(), paras[0].source_pos(paras[0].cut)),
            ("line here.", 4)
        );
    }
}
