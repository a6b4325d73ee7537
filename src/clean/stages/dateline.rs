//! The dateline at the start of the first body paragraph ("TEHRAN (Tasnim) – …"): cut from the
//! paragraph into its fields.

use crate::clean::fields::datelines::dateline_of;
use crate::clean::output::Found;
use crate::clean::paragraphs::Paragraphs;
use crate::clean::shape::classify::Class;

use super::layout::Layout;

/// Cuts the dateline off the first kept paragraph that is not chrome; the first dateline found
/// fills the fields. True when a dateline was cut.
pub fn take_dateline(paras: &mut Paragraphs, found: &mut Found, layout: &Layout) -> bool {
    let Some(i) = paras.kept().find(|&i| layout.class[i] != Class::Bad) else {
        return false;
    };
    let Some(d) = dateline_of(paras[i].text()) else {
        return false;
    };
    if found.dateline.is_none() {
        found.dateline = Some(paras[i].text()[..d.len].trim().to_string());
        found.place = d.place;
        found.agency = d.agency;
        if found.date.is_none() {
            found.date = d.date;
        }
    }
    let cut = paras[i].cut + d.len;
    paras[i].cut_to(cut);
    true
}
