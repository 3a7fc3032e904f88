//! A small dense LU factorisation with partial pivoting (`P A = L U`), for the square
//! bases (at most 20 × 20) of the nucleolus's stage LP ([`super::excess_lp`]).
// Integer arithmetic here is index arithmetic: i, j, k < n, the order of the n×n matrix this
// module allocates, so i·n + j < n² = its length (f64 otherwise). Hot loop of the LP.
// Indexing: i·n + j < n², the length of the matrix allocated here.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

/// The factors of a square matrix.
pub struct Lu {
    n: usize,
    /// L (unit lower, below the diagonal) and U (on and above), row-major.
    lu: Vec<f64>,
    /// Row `i` of `P A` is row `perm[i]` of A.
    perm: Vec<usize>,
}

impl Lu {
    /// Factorise the matrix whose column j is `cols[j]`; `None` when it is singular.
    pub fn new(cols: &[Vec<f64>]) -> Option<Lu> {
        let n = cols.len();
        let mut lu = vec![0.0; n * n];
        for (j, c) in cols.iter().enumerate() {
            for (i, &a) in c.iter().enumerate() {
                lu[i * n + j] = a;
            }
        }
        let mut perm: Vec<usize> = (0..n).collect();
        for k in 0..n {
            let p = (k..n).max_by(|&a, &b| lu[a * n + k].abs().total_cmp(&lu[b * n + k].abs()))?;
            if lu[p * n + k].abs() < 1e-12 {
                return None;
            }
            if p != k {
                for j in 0..n {
                    lu.swap(p * n + j, k * n + j);
                }
                perm.swap(p, k);
            }
            let pivot = lu[k * n + k];
            for i in k + 1..n {
                let f = lu[i * n + k] / pivot;
                lu[i * n + k] = f;
                if f != 0.0 {
                    for j in k + 1..n {
                        lu[i * n + j] -= f * lu[k * n + j];
                    }
                }
            }
        }
        Some(Lu { n, lu, perm })
    }

    /// x with `A x = b`.
    pub fn solve(&self, b: &[f64]) -> Vec<f64> {
        let n = self.n;
        let mut x: Vec<f64> = self.perm.iter().map(|&p| b[p]).collect();
        for i in 0..n {
            let s: f64 = (0..i).map(|j| self.lu[i * n + j] * x[j]).sum();
            x[i] -= s;
        }
        for i in (0..n).rev() {
            let s: f64 = (i + 1..n).map(|j| self.lu[i * n + j] * x[j]).sum();
            x[i] = (x[i] - s) / self.lu[i * n + i];
        }
        x
    }

    /// y with `Aᵀ y = c`.
    pub fn solve_transposed(&self, c: &[f64]) -> Vec<f64> {
        let n = self.n;
        // Uᵀ w = c, then Lᵀ v = w, then y = Pᵀ v
        let mut w = c.to_vec();
        for i in 0..n {
            let s: f64 = (0..i).map(|j| self.lu[j * n + i] * w[j]).sum();
            w[i] = (w[i] - s) / self.lu[i * n + i];
        }
        for i in (0..n).rev() {
            let s: f64 = (i + 1..n).map(|j| self.lu[j * n + i] * w[j]).sum();
            w[i] -= s;
        }
        let mut y = vec![0.0; n];
        for (i, &p) in self.perm.iter().enumerate() {
            y[p] = w[i];
        }
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_both_ways_with_a_row_swap() {
        // A = [[0, 2], [1, 1]] (columns (0, 1) and (2, 1)), the first pivot needs a row
        // swap: A (1, 2) = (4, 3) and Aᵀ (1, 2) = (2, 4)
        let lu = Lu::new(&[vec![0.0, 1.0], vec![2.0, 1.0]]).unwrap();
        let x = lu.solve(&[4.0, 3.0]);
        assert!((x[0] - 1.0).abs() < 1e-12 && (x[1] - 2.0).abs() < 1e-12, "{x:?}");
        let y = lu.solve_transposed(&[2.0, 4.0]);
        assert!((y[0] - 1.0).abs() < 1e-12 && (y[1] - 2.0).abs() < 1e-12, "{y:?}");
        assert!(Lu::new(&[vec![1.0, 2.0], vec![2.0, 4.0]]).is_none());
    }
}
