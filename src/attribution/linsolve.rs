//! Dense linear solves for the absorbing Markov chain of attribution (SPEC §5):
//! Gaussian elimination with partial pivoting, written once.

use crate::error::{DealteamError, Result};
use ndarray::Array2;

/// Solve `A X = B` for X (A square, B with any number of columns) by Gaussian
/// elimination with partial pivoting. A singular A is an `invalid_value` error.
pub fn solve(mut a: Array2<f64>, mut b: Array2<f64>) -> Result<Array2<f64>> {
    let n = a.nrows();
    if a.ncols() != n || b.nrows() != n {
        return Err(DealteamError::invalid("", "a linear system needs a square matrix and a matching right-hand side"));
    }
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
        if best < 1e-300 || !best.is_finite() {
            return Err(DealteamError::invalid("journeys", "the Markov chain's system is singular"));
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
    Ok(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn solves_with_pivoting() {
        // the first pivot is 0: needs a row swap
        let a = array![[0.0, 2.0, 1.0], [1.0, 1.0, 0.0], [3.0, 0.0, 1.0]];
        let b = array![[5.0], [3.0], [4.0]];
        let x = solve(a, b).unwrap();
        for (got, want) in x.column(0).iter().zip([1.0, 2.0, 1.0]) {
            assert!((got - want).abs() < 1e-12, "{x}");
        }
        assert!(solve(array![[1.0, 2.0], [2.0, 4.0]], array![[1.0], [2.0]]).is_err());
    }
}
