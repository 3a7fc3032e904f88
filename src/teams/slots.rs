//! Slot assignment (SPEC §3): which members can sit in which slots, within each
//! slot's `min`/`max`, and the best assignment of a member set — the one that
//! maximises the team fit (the only term of the score that depends on it).
//!
//! Feasibility uses capacitated bipartite matching on the eligibility bitmasks: a set
//! is feasible iff a matching places every member within the `max` capacities and
//! another fills every `min` position; by the Mendelsohn–Dulmage theorem one
//! assignment then does both.
// Slot counts ≤ MAX_SLOTS (16); a team's members may be more (a slot's `max` is any u32, so
// `maxTeamSize` can exceed 16), and a matching is at most the member count. The minimum
// matching ≤ min_total. Hot loop of the team search.
// Indexing: slot arrays of the instance's slot count, by slot indices below it.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

/// Size of a maximum matching of members (by eligibility mask) into slots with
/// capacity `cap[s]` each (augmenting paths; slots ≤ 16, the bits of a mask). Called for
/// every frame of the team search, so it allocates nothing for teams of up to 64
/// members: each member's slot, each slot's count and the visited slots (a bitmask).
pub(crate) fn matching(masks: &[u16], cap: &[u32]) -> usize {
    let mut stack = [FREE; 64];
    let mut heap;
    let slot_of: &mut [u8] = match stack.get_mut(..masks.len()) {
        Some(s) => s,
        None => {
            heap = vec![FREE; masks.len()];
            &mut heap
        }
    };
    let mut m = Matching {
        masks,
        cap: cap.get(..16).unwrap_or(cap),
        slot_of,
        count: [0; 16],
    };
    (0..masks.len()).filter(|&i| m.augment(i, &mut 0)).count()
}

/// A member not (yet) placed.
const FREE: u8 = u8::MAX;

/// The state of [`matching`].
struct Matching<'a> {
    masks: &'a [u16],
    cap: &'a [u32],
    /// Each member's slot, or [`FREE`].
    slot_of: &'a mut [u8],
    /// Members per slot.
    count: [u32; 16],
}

impl Matching<'_> {
    /// Place member `m`, moving placed members along an augmenting path if needed;
    /// `seen` marks the slots this search has visited. Nothing changes on failure.
    fn augment(&mut self, m: usize, seen: &mut u16) -> bool {
        let mask = self.masks.get(m).copied().unwrap_or(0);
        for s in 0..self.cap.len() {
            let bit = 1u16 << s;
            if mask & bit == 0 || *seen & bit != 0 {
                continue;
            }
            *seen |= bit;
            if self.count[s] < self.cap[s] {
                self.count[s] += 1;
                self.slot_of[m] = s as u8;
                return true;
            }
            // a member held in s moves elsewhere and m takes its place (s's count stays)
            for other in 0..self.slot_of.len() {
                if usize::from(self.slot_of[other]) == s && self.augment(other, seen) {
                    self.slot_of[m] = s as u8;
                    return true;
                }
            }
        }
        false
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    /// The largest number of members placed, by trying every choice of slot (or none).
    fn brute(masks: &[u16], cap: &[u32], m: usize, count: &mut Vec<u32>) -> usize {
        let Some(&mask) = masks.get(m) else { return 0 };
        let mut best = brute(masks, cap, m + 1, count);
        for s in 0..cap.len() {
            if mask & (1 << s) != 0 && count[s] < cap[s] {
                count[s] += 1;
                best = best.max(1 + brute(masks, cap, m + 1, count));
                count[s] -= 1;
            }
        }
        best
    }

    #[test]
    fn matching_is_maximum() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
        for _ in 0..3_000 {
            let slots = rng.random_range(1..=5usize);
            let cap: Vec<u32> = (0..slots).map(|_| rng.random_range(0..=2)).collect();
            let masks: Vec<u16> = (0..rng.random_range(0..=7))
                .map(|_| rng.random_range(0..(1u16 << slots)))
                .collect();
            assert_eq!(
                matching(&masks, &cap),
                brute(&masks, &cap, 0, &mut vec![0; slots]),
                "{masks:?} into {cap:?}"
            );
        }
        // more members than the stack holds
        let masks = vec![0b11u16; 70];
        assert_eq!(matching(&masks, &[30, 25]), 55);
    }
}
