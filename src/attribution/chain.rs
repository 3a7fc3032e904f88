//! Higher-order Markov chains over journeys (SPEC §12): a state is the last k touches
//! (consecutive repeats collapsed), padded with `start`; each journey ends in
//! `conversion` or `null`. The chain's shape (states, transitions, each path's walk) is
//! built once; its counts are filled from any conversion/null weights, so the bootstrap
//! and the held-out split reuse one shape.
// States, edges and offsets count touches: ≤ MAX_JOURNEYS · MAX_PATH_LENGTH = 10⁹ < 2³²
// (u32 and wasm32's usize); order ≥ 1 where order − 1 is taken and len() − 1 follows a
// push. Hot path of the Markov chain.
// Indexing: state, edge and offset arrays by the ids numbered here.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use rustc_hash::FxHashMap;

/// The `start` padding of a state key (never a partner index).
pub const START: u32 = u32::MAX;
/// The highest order (`order` 1–4).
pub const MAX_ORDER: usize = 4;

/// A state: the last `order` touches, oldest first, `START`-padded on the left; only the
/// first `order` slots are used.
pub type Key = [u32; MAX_ORDER];

/// The shape of an order-k chain: states, transitions in rows (CSR), each path's walk.
#[derive(Clone, Debug)]
pub struct Chain {
    /// The order k.
    pub order: usize,
    /// State keys; state 0 is the all-`start` state.
    pub keys: Vec<Key>,
    /// Transitions of state s: `row[s]..row[s + 1]` in `to`.
    pub row: Vec<usize>,
    /// Target state of each transition.
    pub to: Vec<u32>,
    /// Each path's transitions (positions in `to`), path i = `walk[walk_at[i]..walk_at[i + 1]]`.
    walk: Vec<u32>,
    walk_at: Vec<usize>,
    /// Each path's last state (where it converts or ends).
    end: Vec<u32>,
    ids: FxHashMap<Key, u32>,
    edges: FxHashMap<(u32, u32), u32>,
}

/// Transition counts of a chain under one set of weights.
#[derive(Clone, Debug)]
pub struct Counts {
    /// Flow along each transition (same positions as `Chain::to`).
    pub edge: Vec<f64>,
    /// Conversions ending in each state.
    pub conv: Vec<f64>,
    /// Nulls ending in each state.
    pub null: Vec<f64>,
    /// Everything leaving each state (transitions + conversions + nulls).
    pub total: Vec<f64>,
}

/// The state after `key` when partner `p` is touched.
pub fn shift(key: &Key, order: usize, p: u32) -> Key {
    let mut next = *key;
    next.copy_within(1..order, 0);
    next[order - 1] = p;
    next
}

/// The last touch of a state (`START` for the start state).
pub fn last(key: &Key, order: usize) -> u32 {
    key[order - 1]
}

/// The collapsed walk of a path: each touch that differs from the one before.
fn collapsed(path: &[u32]) -> impl Iterator<Item = u32> + '_ {
    path.iter()
        .enumerate()
        .filter(|(i, p)| *i == 0 || path[i - 1] != **p)
        .map(|(_, p)| *p)
}

impl Chain {
    /// The chain of order `order` (1..=4) over `paths` of partner indices.
    pub fn new(paths: &[&[u32]], order: usize) -> Chain {
        let order = order.clamp(1, MAX_ORDER);
        let mut ids: FxHashMap<Key, u32> = FxHashMap::default();
        let mut keys = vec![[START; MAX_ORDER]];
        ids.insert(keys[0], 0);
        let mut edges: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut walk = Vec::new();
        let mut walk_at = Vec::with_capacity(paths.len() + 1);
        let mut end = Vec::with_capacity(paths.len());
        for path in paths {
            walk_at.push(walk.len());
            let (mut key, mut state) = (keys[0], 0u32);
            for p in collapsed(path) {
                key = shift(&key, order, p);
                let next = *ids.entry(key).or_insert_with(|| {
                    keys.push(key);
                    (keys.len() - 1) as u32
                });
                let e = *edges.entry((state, next)).or_insert_with(|| {
                    pairs.push((state, next));
                    (pairs.len() - 1) as u32
                });
                walk.push(e);
                state = next;
            }
            end.push(state);
        }
        walk_at.push(walk.len());
        // transitions grouped by their source state (counting sort), walks renumbered
        let s = keys.len();
        let mut row = vec![0usize; s + 1];
        for &(from, _) in &pairs {
            row[from as usize + 1] += 1;
        }
        for i in 0..s {
            row[i + 1] += row[i];
        }
        let mut fill = row.clone();
        let mut to = vec![0u32; pairs.len()];
        let mut place = vec![0u32; pairs.len()];
        for (e, &(from, target)) in pairs.iter().enumerate() {
            let at = fill[from as usize];
            fill[from as usize] += 1;
            to[at] = target;
            place[e] = at as u32;
        }
        walk.iter_mut().for_each(|e| *e = place[*e as usize]);
        edges.values_mut().for_each(|e| *e = place[*e as usize]);
        Chain {
            order,
            keys,
            row,
            to,
            walk,
            walk_at,
            end,
            ids,
            edges,
        }
    }

    /// Number of states (with `start`).
    pub fn states(&self) -> usize {
        self.keys.len()
    }

    /// The counts for per-path conversions and nulls (paths with no flow add nothing).
    pub fn counts(&self, conversions: &[f64], nulls: &[f64]) -> Counts {
        let s = self.states();
        let mut c = Counts {
            edge: vec![0.0; self.to.len()],
            conv: vec![0.0; s],
            null: vec![0.0; s],
            total: vec![0.0; s],
        };
        let mut from_of = vec![0u32; self.to.len()];
        for st in 0..s {
            from_of[self.row[st]..self.row[st + 1]].fill(st as u32);
        }
        for (i, (&cv, &nl)) in conversions.iter().zip(nulls).enumerate() {
            let flow = cv + nl;
            if flow <= 0.0 {
                continue;
            }
            for &e in &self.walk[self.walk_at[i]..self.walk_at[i + 1]] {
                c.edge[e as usize] += flow;
                c.total[from_of[e as usize] as usize] += flow;
            }
            let end = self.end[i] as usize;
            c.conv[end] += cv;
            c.null[end] += nl;
            c.total[end] += flow;
        }
        c
    }

    /// The state of `key`, when the chain has it.
    pub fn state(&self, key: &Key) -> Option<u32> {
        self.ids.get(key).copied()
    }

    /// The transition position from state `a` to state `b`, when the chain has it.
    pub fn edge(&self, a: u32, b: u32) -> Option<usize> {
        self.edges.get(&(a, b)).map(|e| *e as usize)
    }

    /// Whether state `s` contains partner `p` in its key.
    pub fn contains(&self, s: usize, p: u32) -> bool {
        self.keys[s][..self.order].contains(&p)
    }

    /// Walk a path through the keys of this order (for held-out scoring): calls `step`
    /// with (key before, touched partner) for each collapsed touch, returns the last key.
    pub fn walk_keys(&self, path: &[u32], mut step: impl FnMut(&Key, u32)) -> Key {
        let mut key = [START; MAX_ORDER];
        for p in collapsed(path) {
            step(&key, p);
            key = shift(&key, self.order, p);
        }
        key
    }
}
