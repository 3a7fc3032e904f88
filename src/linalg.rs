//! Small dense linear algebra on ndarray: one Gaussian elimination with partial
//! pivoting, used wherever the spec asks for an exact solve — the absorbing Markov
//! chain of attribution (§5) and the Newton steps of the win model (§9).
// Indexing: [r, c] with r, c < n of the n × n matrix A and B's n rows (shapes checked on entry).
#![allow(clippy::indexing_slicing)]

use ndarray::Array2;

/// Solve `A X = B` for X (A square, B with any number of columns) by Gaussian
/// elimination with partial pivoting; `None` when A is singular (a pivot below 1e-12
/// relative to A's largest entry) or the shapes do not match.
// col, r, c < n, the matrix's order; `row /=` divides arrays of one shape (b's columns) by an f64
#[allow(clippy::arithmetic_side_effects)]
pub fn solve(mut a: Array2<f64>, mut b: Array2<f64>) -> Option<Array2<f64>> {
    let n = a.nrows();
    if a.ncols() != n || b.nrows() != n {
        return None;
    }
    let scale = a.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    if !scale.is_finite() {
        return None;
    }
    let tiny = 1e-12 * scale.max(1e-300);
    for col in 0..n {
        // pivot: the largest |a[r][col]| at or below the diagonal
        let (mut piv, mut best) = (col, 0.0f64);
        for r in col..n {
            let v = a[[r, col]].abs();
            if v > best {
                best = v;
                piv = r;
            }
        }
        if best <= tiny {
            return None;
        }
        if piv != col {
            for c in 0..n {
                a.swap([piv, c], [col, c]);
            }
            for c in 0..b.ncols() {
                b.swap([piv, c], [col, c]);
            }
        }
        let p = a[[col, col]];
        let pivot_row = a.row(col).to_owned();
        let pivot_b = b.row(col).to_owned();
        for r in col + 1..n {
            let factor = a[[r, col]] / p;
            if factor != 0.0 {
                a.row_mut(r).scaled_add(-factor, &pivot_row);
                b.row_mut(r).scaled_add(-factor, &pivot_b);
            }
        }
    }
    // back substitution
    let mut x = Array2::<f64>::zeros(b.raw_dim());
    for r in (0..n).rev() {
        let mut row = b.row(r).to_owned();
        for c in r + 1..n {
            let arc = a[[r, c]];
            if arc != 0.0 {
                row.scaled_add(-arc, &x.row(c));
            }
        }
        row /= a[[r, r]];
        x.row_mut(r).assign(&row);
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn solves_with_pivoting_and_detects_singularity() {
        // the first pivot is 0: needs a row swap
        let a = array![[0.0, 2.0, 1.0], [1.0, 1.0, 0.0], [3.0, 0.0, 1.0]];
        let x = solve(a, array![[5.0, 7.0], [3.0, 3.0], [4.0, 6.0]]).unwrap();
        for (got, want) in x.column(0).iter().zip([1.0, 2.0, 1.0]) {
            assert!((got - want).abs() < 1e-12, "{x}");
        }
        for (got, want) in x.column(1).iter().zip([1.0, 2.0, 3.0]) {
            assert!((got - want).abs() < 1e-12, "{x}");
        }
        assert!(solve(array![[1.0, 2.0], [2.0, 4.0]], array![[1.0], [2.0]]).is_none());
        assert!(solve(array![[1.0, 2.0]], array![[1.0]]).is_none());
    }
}
