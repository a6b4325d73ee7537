//! Fields recognised by their own shape, wherever they stand: agency credits, bylines, date
//! lines (and lines of stamps: a byline and dates between separators) and photo captions. With field extraction on they leave the text for their fields;
//! with it off they stay, and chrome removal leaves them alone.

use crate::clean::fields::bylines::byline_of;
use crate::clean::fields::captions::is_caption;
use crate::clean::fields::credits::credits_of;
use crate::clean::fields::dates::{date_of, stamps_date_of};
use crate::clean::output::Found;
use crate::clean::paragraphs::{Fate, Paragraphs};

/// Takes the field paragraphs out of the text into `found` (when `extract`), or marks them
/// `protected`; true when any went.
pub fn take_fields(
    paras: &mut Paragraphs,
    found: &mut Found,
    protected: &mut [bool],
    extract: bool,
) -> bool {
    let rows: Vec<usize> = paras.kept().collect();
    let mut changed = false;
    for i in rows {
        if paras[i].no_field {
            continue;
        }
        let Some(rule) = recognise(paras[i].text(), found, extract) else {
            paras[i].no_field = true;
            continue;
        };
        if extract {
            paras[i].fate = Fate::Remove(rule);
            changed = true;
        } else {
            protected[i] = true;
        }
    }
    changed
}

/// The rule of the field a paragraph is, if any; the field's value goes into `found` when
/// `extract` (the first byline and date, every credit once, every caption).
fn recognise(text: &str, found: &mut Found, extract: bool) -> Option<&'static str> {
    if let Some(names) = credits_of(text) {
        if extract {
            for name in names {
                if !found.credits.contains(&name) {
                    found.credits.push(name);
                }
            }
        }
        Some("field.credit")
    } else if let Some(name) = byline_of(text) {
        if extract && found.byline.is_none() {
            found.byline = Some(name);
        }
        Some("field.byline")
    } else if let Some(date) = date_of(text).or_else(|| stamps_date_of(text)) {
        if extract && found.date.is_none() {
            found.date = Some(date);
        }
        Some("field.date")
    } else if is_caption(text) {
        if extract {
            found.captions.push(text.to_string());
        }
        Some("field.caption")
    } else {
        None
    }
}
