//! Union-find whose root is always the smallest document id of its set, so a cluster's id does
//! not depend on the order in which pairs were joined (input order, thread count, batches).

#[derive(Debug, Clone, Default)]
pub struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    pub fn new(len: usize) -> Self {
        UnionFind {
            parent: (0..len as u32).collect(),
        }
    }

    pub fn from_parents(parent: Vec<u32>) -> Self {
        UnionFind { parent }
    }

    pub fn parents(&self) -> &[u32] {
        &self.parent
    }

    pub fn len(&self) -> usize {
        self.parent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// Adds `count` singleton sets.
    pub fn grow(&mut self, count: usize) {
        let start = self.parent.len() as u32;
        self.parent.extend(start..start + count as u32);
    }

    /// The root (smallest id) of `x`'s set, halving the path on the way.
    pub fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grandparent = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grandparent;
            x = grandparent;
        }
        x
    }

    /// Joins the sets of `a` and `b`; the smaller root becomes the root.
    pub fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[high as usize] = low;
        }
    }

    /// The root of every element.
    pub fn roots(&mut self) -> Vec<u32> {
        (0..self.parent.len() as u32)
            .map(|x| self.find(x))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_smallest_member_in_any_order() {
        let pairs = [(5u32, 3u32), (3, 9), (9, 1), (7, 8)];
        let mut forward = UnionFind::new(10);
        for &(a, b) in &pairs {
            forward.union(a, b);
        }
        let mut backward = UnionFind::new(10);
        for &(a, b) in pairs.iter().rev() {
            backward.union(b, a);
        }
        let roots = forward.roots();
        assert_eq!(roots, backward.roots());
        assert_eq!(roots, vec![0, 1, 2, 1, 4, 1, 6, 7, 7, 1]);
    }

    #[test]
    fn grows() {
        let mut uf = UnionFind::new(2);
        uf.grow(3);
        uf.union(4, 0);
        assert_eq!(uf.roots(), vec![0, 1, 2, 3, 0]);
    }
}
