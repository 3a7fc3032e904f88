//! Small dense linear algebra on ndarray: one Gaussian elimination with partial
//! pivoting, used wherever the spec asks for an exact solve (the Markov absorbing
//! chain of §5, the Newton steps of the §9 win model).

use ndarray::{Array1, Array2};

/// Solve `a · x = b` for square `a`; `None` when `a` is singular (a pivot below 1e-12
/// relative to the largest entry).
pub fn solve(mut a: Array2<f64>, mut b: Array1<f64>) -> Option<Array1<f64>> {
    let n = b.len();
    if a.nrows() != n || a.ncols() != n {
        return None;
    }
    let scale = a.iter().fold(0.0_f64, |m, v| m.max(v.abs())).max(1e-300);
    for col in 0..n {
        let mut piv = col;
        for r in col + 1..n {
            if a[[r, col]].abs() > a[[piv, col]].abs() {
                piv = r;
            }
        }
        if a[[piv, col]].abs() <= 1e-12 * scale {
            return None;
        }
        if piv != col {
            for c in 0..n {
                a.swap([col, c], [piv, c]);
            }
            b.swap(col, piv);
        }
        let d = a[[col, col]];
        for r in col + 1..n {
            let f = a[[r, col]] / d;
            if f != 0.0 {
                for c in col..n {
                    a[[r, c]] -= f * a[[col, c]];
                }
                b[r] -= f * b[col];
            }
        }
    }
    let mut x = Array1::zeros(n);
    for r in (0..n).rev() {
        let mut s = b[r];
        for c in r + 1..n {
            s -= a[[r, c]] * x[c];
        }
        x[r] = s / a[[r, r]];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;
    #[test]
    fn solves_a_small_system_and_detects_singularity() {
        let x = solve(array![[0.0, 2.0, 1.0], [1.0, 1.0, 0.0], [2.0, 0.0, 3.0]], array![7.0, 3.0, 11.0]).unwrap();
        for (got, want) in x.iter().zip([1.0, 2.0, 3.0]) {
            assert!((got - want).abs() < 1e-12);
        }
        assert!(solve(array![[1.0, 2.0], [2.0, 4.0]], array![1.0, 2.0]).is_none());
    }
}
