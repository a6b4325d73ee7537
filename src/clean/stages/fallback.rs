//! A document is never cleaned to nothing when it had prose or data. Chrome is recognised by
//! contrast with a body; when the chrome rules (and the title) would take every paragraph, the
//! document has no body to contrast with (a table of figures, a two-line notice), so the body
//! candidates are kept and the title stays in the text. Repeats and fields stay removed.

use crate::clean::output::Found;
use crate::clean::paragraphs::{Fate, Para, Paragraphs};
use crate::clean::shape::features::Features;

/// Could be body text: words, and none of the marks of interface chrome.
fn body_candidate(f: &Features) -> bool {
    f.alpha_words >= 1
        && f.ui_words == 0
        && !f.has_address
        && f.separators == 0
        && !f.addresses_reader()
}

/// When nothing is kept, restores the body candidates that chrome removed and the title;
/// true when it did.
pub fn keep_body_when_emptied(paras: &mut Paragraphs, found: &mut Found) -> bool {
    if paras.iter().any(|p| p.fate == Fate::Keep) {
        return false;
    }
    let restorable = |p: &Para| match p.fate {
        Fate::Remove("field.title" | "repeat.title") => true,
        Fate::Remove(rule) => rule.starts_with("chrome.") && body_candidate(&p.feat),
        Fate::Keep => false,
    };
    let substantial = paras
        .iter()
        .any(|p| restorable(p) && (p.feat.words >= 3 || p.feat.digit_words >= 1));
    if !substantial {
        return false;
    }
    for p in paras.iter_mut() {
        if restorable(p) {
            p.fate = Fate::Keep;
        }
    }
    found.title = None;
    found.title_key = 0;
    true
}
