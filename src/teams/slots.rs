//! Slot assignment (SPEC §3): which members can sit in which slots, within each
//! slot's `min`/`max`, and the best assignment of a member set — the one that
//! maximises the team fit (the only term of the score that depends on it).
//!
//! Feasibility uses capacitated bipartite matching on the eligibility bitmasks: a set
//! is feasible iff a matching places every member within the `max` capacities and
//! another fills every `min` position; by the Mendelsohn–Dulmage theorem one
//! assignment then does both.
// Slot counts ≤ MAX_SLOTS (16) and members per team ≤ MAX_SLOTS (m < n where n − m − 1
// is taken; the minimum matching ≤ min_total). Hot loop of the team search.
// Indexing: slot arrays of the instance's slot count, by slot indices below it.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

/// Size of a maximum matching of members (by eligibility mask) into slots with
/// capacity `cap[s]` each (augmenting paths; members ≤ team size, slots ≤ 16).
pub(crate) fn matching(masks: &[u16], cap: &[u32]) -> usize {
    let nslots = cap.len();
    let mut held: Vec<Vec<usize>> = vec![Vec::new(); nslots];
    let mut matched = 0;
    for m in 0..masks.len() {
        let mut seen = vec![false; nslots];
        if augment(m, masks, cap, &mut held, &mut seen) {
            matched += 1;
        }
    }
    matched
}

fn augment(m: usize, masks: &[u16], cap: &[u32], held: &mut [Vec<usize>], seen: &mut [bool]) -> bool {
    let mask = masks.get(m).copied().unwrap_or(0);
    for s in 0..cap.len() {
        if mask & (1 << s) == 0 || seen[s] {
            continue;
        }
        seen[s] = true;
        if (held[s].len() as u64) < cap[s] as u64 {
            held[s].push(m);
            return true;
        }
        for i in 0..held[s].len() {
            let other = held[s][i];
            if augment(other, masks, cap, held, seen) {
                held[s][i] = m;
                return true;
            }
        }
    }
    false
}

/// Slot limits of a deal.
pub(crate) struct Slots<'a> {
    pub min: &'a [u32],
    pub max: &'a [u32],
    pub min_total: usize,
}

impl Slots<'_> {
    /// Fewest members that must still be added to `masks` to reach every slot's min
    /// (a lower bound; exact when the set can be completed), or `None` when `masks`
    /// cannot even be placed within the maxima.
    pub fn deficit(&self, masks: &[u16]) -> Option<usize> {
        if matching(masks, self.max) < masks.len() {
            return None;
        }
        Some(self.min_total - matching(masks, self.min))
    }
}

/// The best assignment of members (masks, and `fit(m, s)` for profiled slots) to
/// slots: maximises the §3 team fit. Returns `(fit, slot per member)`, or `None`
/// when no assignment meets every min and max. Exact: a dynamic programme over the
/// members whose state is the occupancy per slot and the number of members in
/// profiled slots, keeping the largest fit sum per state (ties: first found, members
/// and slots in index order).
pub(crate) fn best_assignment(
    masks: &[u16],
    fit: &dyn Fn(usize, usize) -> f64,
    profiled: &[bool],
    slots: &Slots,
) -> Option<(f64, Vec<u8>)> {
    let n = masks.len();
    let nslots = slots.max.len();
    // Forced assignment: every member has exactly one eligible slot.
    if masks.iter().all(|m| m.count_ones() == 1) {
        let assign: Vec<u8> = masks.iter().map(|m| m.trailing_zeros() as u8).collect();
        let mut count = vec![0u32; nslots];
        for &s in &assign {
            count[s as usize] += 1;
        }
        if (0..nslots).any(|s| count[s] < slots.min[s] || count[s] > slots.max[s]) {
            return None;
        }
        let (mut sum, mut q) = (0.0, 0usize);
        for (m, &s) in assign.iter().enumerate() {
            if profiled[s as usize] {
                sum += fit(m, s as usize);
                q += 1;
            }
        }
        return Some((super::formulas::team_fit(sum, q), assign));
    }
    type State = (Vec<u16>, u16);
    let mut layer: std::collections::BTreeMap<State, (f64, Vec<u8>)> = std::collections::BTreeMap::new();
    layer.insert((vec![0; nslots], 0), (0.0, Vec::new()));
    for (m, &mask) in masks.iter().enumerate() {
        let remaining = n - m - 1;
        let mut next: std::collections::BTreeMap<State, (f64, Vec<u8>)> = std::collections::BTreeMap::new();
        for ((count, q), (sum, assign)) in &layer {
            for s in 0..nslots {
                if mask & (1 << s) == 0 || count[s] as u32 >= slots.max[s] {
                    continue;
                }
                let mut c2 = count.clone();
                c2[s] += 1;
                let need: usize = (0..nslots)
                    .map(|t| slots.min[t].saturating_sub(c2[t] as u32) as usize)
                    .sum();
                if need > remaining {
                    continue;
                }
                let (sum2, q2) = if profiled[s] {
                    (sum + fit(m, s), q + 1)
                } else {
                    (*sum, *q)
                };
                let better = match next.get(&(c2.clone(), q2)) {
                    Some((old, _)) => sum2 > *old,
                    None => true,
                };
                if better {
                    let mut a2 = assign.clone();
                    a2.push(s as u8);
                    next.insert((c2, q2), (sum2, a2));
                }
            }
        }
        layer = next;
    }
    let mut best: Option<(f64, Vec<u8>)> = None;
    for ((count, q), (sum, assign)) in layer {
        if (0..nslots).any(|s| (count[s] as u32) < slots.min[s]) {
            continue;
        }
        let f = super::formulas::team_fit(sum, q as usize);
        if best.as_ref().map_or(true, |(b, _)| f > *b) {
            best = Some((f, assign));
        }
    }
    best
}
