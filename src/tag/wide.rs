//! Whether the model's sums may run with the processor's wider instructions. The portable
//! x86-64 build may use neither `popcnt` (the weight table's bitmap counts bits for every row
//! read, in a dozen instructions without it) nor 256-bit adds (a row is 16 `i16` weights added
//! into `i32` sums; the lattice's steps add and compare `f32` scores label by label). The
//! emission sums are integers, so they are the same whichever instructions add them; decoding
//! performs the same `f32` operations in the same order, lane by lane, so its scores and
//! confidences are the same to the bit.
//!
//! A function compiled for the features is `#[target_feature(enable = "avx2,popcnt")]`, called
//! only when [`wide_available`] says so; what it calls is compiled that way only when inlined
//! into it, so its hot helpers are `#[inline(always)]` or `#[inline]`.

/// Whether this processor has AVX2 and `popcnt` (the answer is cached by the standard library).
#[inline]
pub fn wide_available() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("popcnt")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}
