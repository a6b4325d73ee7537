//! The model's emission weights laid out for reading: tagging reads a dozen scattered rows per
//! token from a table larger than the caches, so the time goes to waiting on memory. Rows whose
//! weights are all zero (more than half of the shipped table) are not stored: a bitmap, small
//! enough to stay in cache, says which rows exist, and its running counts give a present row's
//! place among the stored ones. The first 16 weights of each stored row fill one 32-byte block
//! aligned to its own half of a cache line, so a row is one memory read, never two; the weights
//! past the 16th (the 17th label of the shipped model) are in a small table of their own.

/// Weights per block: 16 `i16` are 32 bytes.
const BLOCK: usize = 16;

/// The first [`BLOCK`] weights of a stored row, aligned so that it never straddles cache lines.
#[derive(Debug, Clone, Copy, Default)]
#[repr(align(32))]
struct Block([i16; BLOCK]);

/// 64 rows of the bitmap with the number of stored rows before them.
#[derive(Debug, Clone, Copy, Default)]
struct Presence {
    bits: u64,
    before: u32,
}

/// Emission weights, `n_labels` per row, rows of zeros left out.
#[derive(Debug, Clone)]
pub struct WeightTable {
    rows: usize,
    n_labels: usize,
    presence: Vec<Presence>,
    heads: Vec<Block>,
    /// `n_labels - BLOCK` weights per stored row (none when the rows fit one block).
    tails: Vec<i16>,
}

impl WeightTable {
    /// The table of `weights`, `n_labels` per row (`weights.len()` a multiple of `n_labels`).
    pub fn new(weights: &[i16], n_labels: usize) -> Self {
        let rows = weights.len() / n_labels.max(1);
        let tail = n_labels.saturating_sub(BLOCK);
        let mut table = WeightTable {
            rows,
            n_labels,
            presence: vec![Presence::default(); rows.div_ceil(64)],
            heads: Vec::new(),
            tails: Vec::new(),
        };
        for (r, row) in weights.chunks_exact(n_labels.max(1)).enumerate() {
            let word = &mut table.presence[r / 64];
            if r % 64 == 0 {
                word.before = table.heads.len() as u32;
            }
            if row.iter().all(|&w| w == 0) {
                continue;
            }
            word.bits |= 1 << (r % 64);
            let split = n_labels.min(BLOCK);
            let mut head = Block::default();
            head.0[..split].copy_from_slice(&row[..split]);
            table.heads.push(head);
            table.tails.extend_from_slice(&row[split..split + tail]);
        }
        table
    }

    /// The stored place of row `row`, `None` for a row of zeros.
    #[inline(always)]
    fn place(&self, row: usize) -> Option<usize> {
        let word = self.presence[row / 64];
        let bit = 1u64 << (row % 64);
        (word.bits & bit != 0)
            .then(|| word.before as usize + (word.bits & (bit - 1)).count_ones() as usize)
    }

    /// Adds the weights of each row of `rows` to `out` (`n_labels` sums).
    #[inline]
    pub fn add_rows(&self, rows: &[u32], out: &mut [i32]) {
        const BATCH: usize = 16;
        for batch in rows.chunks(BATCH) {
            // Every place first (the bitmap stays in cache), then the blocks: their reads
            // depend on nothing else, so the processor waits for all of them at once.
            let mut places = [0u32; BATCH];
            let mut count = 0;
            for &row in batch {
                if let Some(place) = self.place(row as usize) {
                    places[count] = place as u32;
                    count += 1;
                }
            }
            self.add_places(&places[..count], out);
        }
    }

    /// Where each row of `rows` is stored, rows of zeros left out, appended to `places`: the
    /// places of a whole sentence's rows, found before any is read, let the processor wait for
    /// many reads at once.
    #[inline(always)]
    pub fn places(&self, rows: &[u32], places: &mut Vec<u32>) {
        places.extend(
            rows.iter()
                .filter_map(|&row| self.place(row as usize).map(|place| place as u32)),
        );
    }

    /// Adds the weights of the stored rows at `places` (from [`WeightTable::places`]) to `out`
    /// (`n_labels` sums).
    #[inline(always)]
    pub fn add_places(&self, places: &[u32], out: &mut [i32]) {
        let split = self.n_labels.min(BLOCK);
        let tail = self.n_labels - split;
        let (head_out, tail_out) = out.split_at_mut(split);
        let mut head = [0i32; BLOCK];
        for &place in places {
            for (sum, &w) in head.iter_mut().zip(&self.heads[place as usize].0) {
                *sum += w as i32;
            }
        }
        for (sum, &h) in head_out.iter_mut().zip(&head) {
            *sum += h;
        }
        if tail == 1 {
            // The shipped model's 17th label: one weight per row, no slice to bound.
            tail_out[0] += places
                .iter()
                .map(|&place| self.tails[place as usize] as i32)
                .sum::<i32>();
        } else if tail > 0 {
            for &place in places {
                let place = place as usize;
                for (sum, &w) in tail_out
                    .iter_mut()
                    .zip(&self.tails[place * tail..(place + 1) * tail])
                {
                    *sum += w as i32;
                }
            }
        }
    }

    /// Every row's weights in order, zeros included: the layout the table was made from.
    pub fn to_weights(&self) -> Vec<i16> {
        let split = self.n_labels.min(BLOCK);
        let tail = self.n_labels - split;
        let mut out = vec![0i16; self.rows * self.n_labels];
        for (r, row) in out.chunks_exact_mut(self.n_labels.max(1)).enumerate() {
            if let Some(place) = self.place(r) {
                row[..split].copy_from_slice(&self.heads[place].0[..split]);
                row[split..].copy_from_slice(&self.tails[place * tail..(place + 1) * tail]);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_sum_and_round_trip_as_stored() {
        for n_labels in [5, 16, 17, 21] {
            let rows = 200;
            let mut state = 0x2545_f491_4f6c_dd1du64;
            let weights: Vec<i16> = (0..rows * n_labels)
                .map(|i| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    // Whole rows of zeros, every third row.
                    if (i / n_labels) % 3 == 0 {
                        0
                    } else {
                        (state % 2001) as i16 - 1000
                    }
                })
                .collect();
            let table = WeightTable::new(&weights, n_labels);
            assert_eq!(table.to_weights(), weights);
            let picked = [0u32, 7, 65, 199, 3, 64, 128];
            let mut sums = vec![0i32; n_labels];
            table.add_rows(&picked, &mut sums);
            let mut places = Vec::new();
            table.places(&picked, &mut places);
            let mut by_places = vec![0i32; n_labels];
            table.add_places(&places, &mut by_places);
            assert_eq!(by_places, sums, "{n_labels} labels, by places");
            let expected: Vec<i32> = (0..n_labels)
                .map(|y| {
                    picked
                        .iter()
                        .map(|&r| weights[r as usize * n_labels + y] as i32)
                        .sum()
                })
                .collect();
            assert_eq!(sums, expected, "{n_labels} labels");
        }
    }
}
