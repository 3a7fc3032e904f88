#![cfg(not(target_arch = "wasm32"))]
//! Shapley, Banzhaf and the core on textbook games with known values (SPEC §5), the
//! Shapley axioms as properties, closed forms against enumeration, sampling against
//! exact values.

use dealteam::splits::game::{Game, LevelGame, SynergyGame, TableGame, WinCurve};
use dealteam::splits::values::{banzhaf, banzhaf_from_table, shapley, shapley_from_table, shapley_sampled};
use proptest::prelude::*;

fn close(a: &[f64], b: &[f64], tol: f64) {
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        assert!((x - y).abs() <= tol, "{a:?} vs {b:?}");
    }
}

/// A table game with every coalition listed, from a value function on masks.
fn table_game(n: usize, v: impl Fn(usize) -> f64) -> Game {
    let listed = (1..1usize << n).map(|m| (m as u128, v(m))).collect();
    Game::Table(TableGame {
        singles: (0..n).map(|i| v(1 << i)).collect(),
        listed,
    })
}

#[test]
fn glove_game() {
    // one left glove (0), two right gloves (1, 2); a pair is worth 1
    let v = |m: usize| if m & 1 == 1 && m & 6 != 0 { 1.0 } else { 0.0 };
    let g = table_game(3, v);
    close(
        &shapley(&g, None, None, 0).unwrap().values,
        &[2.0 / 3.0, 1.0 / 6.0, 1.0 / 6.0],
        1e-12,
    );
    // raw Banzhaf (3/4, 1/4, 1/4), normalised to v(N) = 1
    close(&banzhaf(&g, None).unwrap().values, &[0.6, 0.2, 0.2], 1e-12);
}

#[test]
fn airport_game_by_table_and_by_closed_form() {
    let costs = [1.0, 3.0, 6.0];
    let g = table_game(3, |m| {
        (0..3).filter(|i| m >> i & 1 == 1).map(|i| costs[i]).fold(0.0, f64::max)
    });
    let expect = [1.0 / 3.0, 1.0 / 3.0 + 1.0, 1.0 / 3.0 + 1.0 + 3.0];
    close(&shapley(&g, None, None, 0).unwrap().values, &expect, 1e-12);
    // the same max game as a one-requirement coverage game worth 6
    let cov = Game::Levels(LevelGame {
        value: 6.0,
        weights: vec![1.0],
        levels: vec![1.0 / 6.0, 0.5, 1.0],
        win: None,
    });
    let s = shapley(&cov, None, None, 0).unwrap();
    assert_eq!(s.method, "closedForm");
    close(&s.values, &expect, 1e-12);
}

#[test]
fn weighted_majority_voting() {
    // [51; 50, 49, 1]
    let w = [50.0, 49.0, 1.0];
    let g = table_game(3, |m| {
        if (0..3).filter(|i| m >> i & 1 == 1).map(|i| w[i]).sum::<f64>() >= 51.0 {
            1.0
        } else {
            0.0
        }
    });
    close(
        &shapley(&g, None, None, 0).unwrap().values,
        &[4.0 / 6.0, 1.0 / 6.0, 1.0 / 6.0],
        1e-12,
    );
    close(&banzhaf(&g, None).unwrap().values, &[0.6, 0.2, 0.2], 1e-12);
}

#[test]
fn unanimity_game() {
    let t = 0b10101usize;
    let g = table_game(5, |m| if m & t == t { 1.0 } else { 0.0 });
    close(
        &shapley(&g, None, None, 0).unwrap().values,
        &[1.0 / 3.0, 0.0, 1.0 / 3.0, 0.0, 1.0 / 3.0],
        1e-12,
    );
}

#[test]
fn additive_synergy_closed_form_matches_enumeration() {
    let g = Game::Synergy(SynergyGame {
        standalone: vec![10.0, 0.0, 5.0, 1.0],
        pairs: vec![(0, 1, 8.0), (1, 2, -2.0), (0, 3, 4.0)],
    });
    let s = shapley(&g, None, None, 0).unwrap();
    assert_eq!(s.method, "closedForm");
    close(&s.values, &[16.0, 3.0, 4.0, 3.0], 1e-12);
    close(&s.values, &shapley_from_table(&g.table().unwrap()), 1e-9);
}

fn random_table(n: usize, vals: &[f64]) -> Vec<f64> {
    let mut v = vals[..1 << n].to_vec();
    v[0] = 0.0;
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn efficiency(vals in prop::collection::vec(-100.0f64..100.0, 64), n in 1usize..=6) {
        let v = random_table(n, &vals);
        let phi = shapley_from_table(&v);
        prop_assert!((phi.iter().sum::<f64>() - v[(1 << n) - 1]).abs() < 1e-9);
    }

    #[test]
    fn additivity(a in prop::collection::vec(-100.0f64..100.0, 32), b in prop::collection::vec(-100.0f64..100.0, 32)) {
        let (va, vb) = (random_table(5, &a), random_table(5, &b));
        let sum: Vec<f64> = va.iter().zip(&vb).map(|(x, y)| x + y).collect();
        let (pa, pb, ps) = (shapley_from_table(&va), shapley_from_table(&vb), shapley_from_table(&sum));
        for i in 0..5 { prop_assert!((pa[i] + pb[i] - ps[i]).abs() < 1e-9); }
    }

    #[test]
    fn symmetry_and_dummy(vals in prop::collection::vec(-100.0f64..100.0, 16), d in -50.0f64..50.0) {
        // players 0..4 with player 1 a copy of player 0 (v depends on |S ∩ {0,1}| only),
        // plus a dummy player 4 adding d to every coalition
        let base = |m: usize| -> f64 {
            let pair = (m & 1) + (m >> 1 & 1);
            let key = [0usize, 1, 3][pair] | (m & 0b1100);
            if key == 0 { 0.0 } else { vals[key] }
        };
        let v: Vec<f64> = (0..32usize).map(|m| base(m & 15) + if m & 16 != 0 { d } else { 0.0 }).collect();
        let phi = shapley_from_table(&v);
        prop_assert!((phi[0] - phi[1]).abs() < 1e-9);
        prop_assert!((phi[4] - d).abs() < 1e-9);
        let beta = banzhaf_from_table(&v);
        prop_assert!((beta[0] - beta[1]).abs() < 1e-9);
        prop_assert!((beta[4] - d).abs() < 1e-9);
    }

    #[test]
    fn coverage_closed_form_equals_enumeration(levels in prop::collection::vec(0.0f64..1.0, 40), w in prop::collection::vec(0.1f64..3.0, 4), n in 1usize..=10) {
        let total: f64 = w.iter().sum();
        let g = LevelGame { value: 1000.0, weights: w.iter().map(|x| x / total).collect(), levels: levels[..n * 4].to_vec(), win: None };
        let game = Game::Levels(g.clone());
        let table = game.table().unwrap();
        let closed = dealteam::splits::values::shapley_coverage(&g);
        let enumerated = shapley_from_table(&table);
        for i in 0..n { prop_assert!((closed[i] - enumerated[i]).abs() < 1e-8); }
        let bz = dealteam::splits::values::banzhaf_coverage(&g);
        let bz_enum = banzhaf_from_table(&table);
        for i in 0..n { prop_assert!((bz[i] - bz_enum[i]).abs() < 1e-8); }
    }
}

#[test]
fn sampled_shapley_within_four_standard_errors() {
    let n = 12;
    let levels: Vec<f64> = (0..n * 3).map(|k| ((k * 37 % 101) as f64) / 100.0).collect();
    let game = Game::Levels(LevelGame {
        value: 100_000.0,
        weights: vec![0.5, 0.3, 0.2],
        levels,
        win: Some(WinCurve::new(10.0, 0.6)),
    });
    let exact = shapley(&game, None, None, 0).unwrap();
    assert_eq!(exact.method, "enumeration");
    let est = shapley_sampled(&game, 4000, 42).unwrap();
    let se = est.std_errs.clone().unwrap();
    for (i, se) in se.iter().enumerate() {
        assert!(
            (est.values[i] - exact.values[i]).abs() <= 4.0 * se + 1e-9,
            "player {i}: {} vs {} (se {se})",
            est.values[i],
            exact.values[i]
        );
    }
    // permutation sampling is efficient per permutation: the estimates add up to v(N)
    let (grand, _) = game.grand_and_singles();
    assert!((est.values.iter().sum::<f64>() - grand).abs() < 1e-6);
    // same seed, same bits
    assert_eq!(shapley_sampled(&game, 4000, 42).unwrap(), est);
    assert_ne!(shapley_sampled(&game, 4000, 43).unwrap().values, est.values);
}

#[test]
fn sampling_above_twenty_players() {
    let n = 30;
    let levels: Vec<f64> = (0..n * 2).map(|k| ((k * 53 % 97) as f64) / 96.0).collect();
    let game = Game::Levels(LevelGame {
        value: 1.0,
        weights: vec![0.5, 0.5],
        levels,
        win: Some(WinCurve::new(10.0, 0.6)),
    });
    let s = shapley(&game, None, Some(200), 7).unwrap();
    assert_eq!((s.method, s.samples), ("sampling", Some(200)));
    assert!(s.std_errs.unwrap().iter().all(|&e| e >= 0.0 && e.is_finite()));
    assert!(banzhaf(&game, None).is_err());
}

#[test]
fn blocked_enumeration_above_the_block_size() {
    // n = 15 > 12 exercises the high-bit blocks of the enumeration and of the sums
    let n = 15;
    let levels: Vec<f64> = (0..n * 3).map(|k| ((k * 29 % 83) as f64) / 82.0).collect();
    let g = LevelGame {
        value: 1000.0,
        weights: vec![0.2, 0.3, 0.5],
        levels,
        win: None,
    };
    let game = Game::Levels(g.clone());
    let table = game.table().unwrap();
    // spot-check the table against direct valuation
    for mask in [1usize, 4096, 4097, 12345, 32767, 20000] {
        let members: Vec<usize> = (0..n).filter(|i| mask >> i & 1 == 1).collect();
        assert!((table[mask] - game.value_of(&members)).abs() < 1e-9);
    }
    close(
        &dealteam::splits::values::shapley_coverage(&g),
        &shapley_from_table(&table),
        1e-8,
    );
    close(
        &dealteam::splits::values::banzhaf_coverage(&g),
        &banzhaf_from_table(&table),
        1e-8,
    );
}
