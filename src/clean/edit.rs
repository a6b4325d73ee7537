//! The single offset map from a working text back to the original, and the rewriter every stage
//! uses to produce its output.
//!
//! A [`Mapped`] text is a list of segments: a *verbatim* segment is a byte range copied unchanged
//! from the original, a replaced segment stands for an original range it does not copy
//! (a repaired character, a join, a removal of zero length). Stages never edit in place: a
//! [`Rewriter`] walks the previous text left to right, copying ranges and replacing others, and
//! composes the maps as it goes, so audit spans always point into the original.

/// One piece of a working text and the original bytes it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seg {
    /// Start in the working text.
    pub w: usize,
    /// Length in the working text.
    pub len: usize,
    /// Original byte range.
    pub o: usize,
    pub o_end: usize,
    /// Copied unchanged: working and original bytes correspond one to one.
    pub verbatim: bool,
}

/// A change to the original, in original byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub rule: &'static str,
    pub replacement: String,
}

/// A working text and its map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Mapped {
    pub text: String,
    pub segs: Vec<Seg>,
}

impl Mapped {
    /// The original itself.
    pub fn identity(original: &str) -> Self {
        Mapped {
            text: original.to_string(),
            segs: identity_segs(original.len()),
        }
    }

    /// Original byte offset where working position `p` starts (zero-length removals at `p`
    /// are included, so removed spans swallow adjacent invisible characters).
    pub fn map_start(&self, p: usize) -> usize {
        map_start(&self.segs, p)
    }

    /// Original byte offset where a range ending at working position `p` ends.
    pub fn map_end(&self, p: usize) -> usize {
        map_end(&self.segs, p)
    }
}

pub fn identity_segs(len: usize) -> Vec<Seg> {
    vec![Seg {
        w: 0,
        len,
        o: 0,
        o_end: len,
        verbatim: true,
    }]
}

pub fn map_start(segs: &[Seg], p: usize) -> usize {
    let idx = segs.partition_point(|s| s.w + s.len < p || (s.w + s.len == p && s.len > 0));
    match segs.get(idx) {
        None => segs.last().map_or(p, |s| s.o_end),
        Some(s) if s.verbatim => (s.o + p.saturating_sub(s.w)).min(s.o_end),
        Some(s) => s.o,
    }
}

pub fn map_end(segs: &[Seg], p: usize) -> usize {
    let idx = segs.partition_point(|s| s.w < p || (s.w == p && s.len == 0));
    if idx == 0 {
        return segs.first().map_or(p, |s| s.o);
    }
    let s = &segs[idx - 1];
    if s.verbatim {
        (s.o + p.saturating_sub(s.w)).min(s.o_end)
    } else {
        s.o_end
    }
}

/// Builds a new working text from a previous one (`src` with map `segs`), composing the maps.
pub struct Rewriter<'a> {
    src: &'a str,
    segs: &'a [Seg],
    /// Position in `src` up to which output has been produced.
    pos: usize,
    /// Index into `segs` of the segment containing `pos` (monotone cursor).
    cursor: usize,
    out: String,
    out_segs: Vec<Seg>,
    edits: Vec<Edit>,
    pub changed: bool,
}

impl<'a> Rewriter<'a> {
    pub fn new(src: &'a str, segs: &'a [Seg]) -> Self {
        Rewriter {
            src,
            segs,
            pos: 0,
            cursor: 0,
            out: String::with_capacity(src.len()),
            out_segs: Vec::with_capacity(segs.len() + 8),
            edits: Vec::new(),
            changed: false,
        }
    }

    pub fn pos(&self) -> usize {
        self.pos
    }

    fn push_seg(&mut self, seg: Seg) {
        if let Some(last) = self.out_segs.last_mut() {
            if last.verbatim && seg.verbatim && last.o_end == seg.o && last.w + last.len == seg.w {
                last.len += seg.len;
                last.o_end = seg.o_end;
                return;
            }
        }
        self.out_segs.push(seg);
    }

    /// Copies `src[pos..end]` unchanged.
    pub fn copy_to(&mut self, end: usize) {
        if end <= self.pos {
            return;
        }
        let mut p = self.pos;
        while p < end {
            while self.cursor + 1 < self.segs.len()
                && (self.segs[self.cursor].w + self.segs[self.cursor].len <= p)
            {
                self.cursor += 1;
            }
            let Some(&seg) = self.segs.get(self.cursor) else {
                break;
            };
            let seg_end = (seg.w + seg.len).min(end);
            let take = seg_end.saturating_sub(p);
            if take == 0 {
                break;
            }
            let w = self.out.len() + (p - self.pos);
            if seg.verbatim {
                let o = seg.o + (p - seg.w);
                self.push_seg(Seg {
                    w,
                    len: take,
                    o,
                    o_end: o + take,
                    verbatim: true,
                });
            } else {
                // All or part of a replaced piece: it stands for the whole original range.
                self.push_seg(Seg {
                    w,
                    len: take,
                    o: seg.o,
                    o_end: seg.o_end,
                    verbatim: false,
                });
            }
            p += take;
        }
        self.out.push_str(&self.src[self.pos..end]);
        self.pos = end;
    }

    /// Replaces `src[start..end]` (after copying up to `start`) with `replacement`. With a rule,
    /// the change is recorded for the audit.
    pub fn replace(
        &mut self,
        start: usize,
        end: usize,
        replacement: &str,
        rule: Option<&'static str>,
    ) {
        self.copy_to(start);
        let start = self.pos.max(start);
        let end = end.max(start);
        let o = map_start(self.segs, start);
        let o_end = map_end(self.segs, end).max(o);
        if let Some(rule) = rule {
            self.edits.push(Edit {
                start: o,
                end: o_end,
                rule,
                replacement: replacement.to_string(),
            });
        }
        let w = self.out.len();
        self.out.push_str(replacement);
        self.push_seg(Seg {
            w,
            len: replacement.len(),
            o,
            o_end,
            verbatim: false,
        });
        self.pos = end;
        self.changed = true;
    }

    pub fn finish(mut self) -> (Mapped, Vec<Edit>) {
        self.copy_to(self.src.len());
        if self.out_segs.is_empty() {
            let o = map_start(self.segs, 0);
            self.out_segs.push(Seg {
                w: 0,
                len: 0,
                o,
                o_end: o,
                verbatim: true,
            });
        }
        (
            Mapped {
                text: self.out,
                segs: self.out_segs,
            },
            self.edits,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_two_rewrites() {
        let original = "ab\u{200b}cd&amp;ef";
        let segs = identity_segs(original.len());
        let mut r = Rewriter::new(original, &segs);
        r.replace(2, 5, "", Some("invisible"));
        r.replace(7, 12, "&", Some("entity"));
        let (first, edits) = r.finish();
        assert_eq!(first.text, "abcd&ef");
        assert_eq!(edits[1].start, 7);
        assert_eq!(&original[edits[1].start..edits[1].end], "&amp;");
        // Remove "cd&" from the first result: the span must cover the original "cd&amp;".
        let mut r = Rewriter::new(&first.text, &first.segs);
        r.replace(2, 5, "", Some("chrome"));
        let (second, edits) = r.finish();
        assert_eq!(second.text, "abef");
        assert_eq!(&original[edits[0].start..edits[0].end], "\u{200b}cd&amp;");
        // A start at the removal includes it; inside the copied tail, offsets are exact.
        assert_eq!(second.map_start(2), 2);
        assert_eq!(second.map_start(3), 13);
        assert_eq!(&original[second.map_start(3)..second.map_end(4)], "f");
    }

    #[test]
    fn copies_across_segments_keep_positions() {
        let original = "\u{a0}\u{200b}\u{feff}\u{ad}\n \u{a1}\u{c3}\u{8}\u{80}";
        let (m, edits) = super::super::chars::repair(original, &Default::default());
        assert_eq!(m.text, "\n¡À");
        for e in &edits {
            assert!(original.is_char_boundary(e.start) && original.is_char_boundary(e.end));
        }
        let mut w = 0;
        for s in &m.segs {
            assert_eq!(s.w, w);
            w += s.len;
        }
        assert_eq!(&original[m.map_start(1)..m.map_end(3)], "\u{a1}");
    }

    #[test]
    fn identity_maps() {
        let m = Mapped::identity("hello");
        assert_eq!(m.map_start(3), 3);
        assert_eq!(m.map_end(5), 5);
        let segs = identity_segs(0);
        let (out, edits) = Rewriter::new("", &segs).finish();
        assert_eq!(out.text, "");
        assert!(edits.is_empty());
    }
}
