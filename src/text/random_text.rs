//! Seeded random text for the core's property tests: a linear congruential generator, so each
//! test draws the same inputs on every run without a dependency.

/// Picks items of an alphabet, deterministically from a seed.
pub(crate) struct RandomPicks {
    state: u64,
}

impl RandomPicks {
    pub(crate) fn new(seed: u64) -> Self {
        RandomPicks { state: seed }
    }

    /// A number below `bound`.
    pub(crate) fn below(&mut self, bound: usize) -> usize {
        self.state = self
            .state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.state >> 33) as usize % bound
    }

    /// `len` items drawn from `alphabet`.
    pub(crate) fn draw<T: Copy, C: FromIterator<T>>(&mut self, alphabet: &[T], len: usize) -> C {
        (0..len)
            .map(|_| alphabet[self.below(alphabet.len())])
            .collect()
    }
}
