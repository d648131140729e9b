//! The pictures of a session and their order, reproducible from the seed and the
//! patient's stored history.
//!
//! Rules:
//! - left and right exactly balanced (±1 for an odd count), never more than [`MAX_RUN`]
//!   of one side in a row;
//! - per side, every cell of the level (view × posture × rotation × context, as HLJT
//!   repeats each angle × view × side) is used equally often, ±1: with more pictures than
//!   cells each cell comes `q` or `q + 1` times; with fewer, each at most once, and the
//!   views, postures, angles and directions of the chosen ones spread evenly;
//! - which cells get the extra use, and which of a pose's variants is shown, is decided
//!   least-recently-seen first: what the patient saw longest ago (or never) comes first,
//!   so sessions cycle through the whole pool before anything repeats;
//! - ties are broken by the seed. The same seed, level, count, skin tone and history give
//!   the same session, and the history is the stored trials, so any session replays.

use super::levels;
use crate::stimulus::spec::VARIANTS;
use crate::stimulus::{BodyPart, Side, StimulusSpec};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::cmp::Reverse;
use std::collections::HashMap;

/// Longest run of one side.
pub const MAX_RUN: usize = 3;

pub struct Request<'a> {
    pub body_part: BodyPart,
    pub level: u32,
    pub count: u32,
    pub skin_tone: u8,
    pub seed: u64,
    /// For pictures shown in recent sessions (keyed by [`history_key`]), how many sessions
    /// ago each was last shown: 0 for the latest session. Absent: not seen recently.
    pub last_seen: &'a HashMap<StimulusSpec, u32>,
}

/// The key of a picture in the history: its spec with skin tone 0, so that a change of
/// skin tone does not make old pictures look new.
pub fn history_key(spec: &StimulusSpec) -> StimulusSpec {
    StimulusSpec { skin_tone: 0, ..*spec }
}

/// The session's pictures, in order.
pub fn generate(req: &Request) -> Vec<StimulusSpec> {
    let mut rng = ChaCha8Rng::seed_from_u64(req.seed);
    let sides = balanced_sides(req.count as usize, &mut rng);
    let mut picker = Picker::new(req, &mut rng);
    let mut per_side: HashMap<Side, Vec<StimulusSpec>> = HashMap::new();
    for side in [Side::Left, Side::Right] {
        let n = sides.iter().filter(|s| **s == side).count();
        let mut picks = picker.choose(side, n, &mut rng);
        picks.shuffle(&mut rng);
        per_side.insert(side, picks);
    }
    sides.iter().map(|side| per_side.get_mut(side).and_then(Vec::pop).expect("one pick per slot")).collect()
}

/// A fresh picture to replace a voided one: same side, the least-used cell this session
/// and a variant not yet shown, derived from the seed and `salt`.
pub fn replacement(req: &Request, side: Side, shown: &[StimulusSpec], salt: u64) -> StimulusSpec {
    let mut rng = ChaCha8Rng::seed_from_u64(req.seed ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut picker = Picker::new(req, &mut rng);
    for spec in shown.iter().filter(|s| s.side == side) {
        picker.note(spec);
    }
    picker.choose_more(side, 1, &mut rng).pop().expect("every level has a non-empty pool")
}

/// `count` sides, balanced, with no run longer than [`MAX_RUN`]. Each step draws a side
/// in proportion to what is left, among the choices that keep the rest arrangeable.
fn balanced_sides(count: usize, rng: &mut ChaCha8Rng) -> Vec<Side> {
    let mut left = count / 2;
    let mut right = count / 2;
    if count % 2 == 1 {
        if rng.random_bool(0.5) {
            left += 1;
        } else {
            right += 1;
        }
    }
    let mut out: Vec<Side> = Vec::with_capacity(count);
    while left + right > 0 {
        let run_side = out.last().copied();
        let run = out.iter().rev().take_while(|s| Some(**s) == run_side).count();
        let allowed = |side: Side| {
            let (mine, other) = if side == Side::Left { (left, right) } else { (right, left) };
            if mine == 0 {
                return false;
            }
            let new_run = if run_side == Some(side) { run + 1 } else { 1 };
            new_run <= MAX_RUN && arrangeable(mine - 1, other, new_run)
        };
        let (can_left, can_right) = (allowed(Side::Left), allowed(Side::Right));
        let side = match (can_left, can_right) {
            (true, true) => {
                if rng.random_range(0..left + right) < left {
                    Side::Left
                } else {
                    Side::Right
                }
            }
            (true, false) => Side::Left,
            (false, true) => Side::Right,
            // Unreachable for balanced counts: the first step is always arrangeable.
            (false, false) => {
                if left >= right {
                    Side::Left
                } else {
                    Side::Right
                }
            }
        };
        if side == Side::Left {
            left -= 1;
        } else {
            right -= 1;
        }
        out.push(side);
    }
    out
}

/// Whether `mine` more of the side just placed (ending a run of `run`) and `other` of the
/// other side can still be arranged with no run over [`MAX_RUN`].
fn arrangeable(mine: usize, other: usize, run: usize) -> bool {
    mine <= (MAX_RUN - run) + MAX_RUN * other && other <= MAX_RUN * (mine + 1)
}

/// Chooses a side's pictures: cells used equally, least-recently-seen first, margins
/// spread evenly.
struct Picker {
    /// The level's cells (right side, skin tone 0, variant 0), in a seeded order that
    /// breaks ties.
    cells: Vec<StimulusSpec>,
    skin_tone: u8,
    last_seen: HashMap<StimulusSpec, u32>,
    /// Uses this session, per cell (with its side) and per variant of it.
    uses: HashMap<StimulusSpec, u32>,
    variants_used: HashMap<StimulusSpec, u16>,
    /// Uses this session per (side, dimension, value): view, posture, rotation, context.
    margins: HashMap<(Side, u8, u16), u32>,
}

/// The cell a picture belongs to: its spec with variant 0 and skin tone 0.
fn cell_of(spec: &StimulusSpec) -> StimulusSpec {
    StimulusSpec { variant: 0, skin_tone: 0, ..*spec }
}

impl Picker {
    fn new(req: &Request, rng: &mut ChaCha8Rng) -> Picker {
        let mut cells = levels::pool(req.body_part, req.level);
        cells.shuffle(rng);
        Picker {
            cells,
            skin_tone: req.skin_tone,
            last_seen: req.last_seen.clone(),
            uses: HashMap::new(),
            variants_used: HashMap::new(),
            margins: HashMap::new(),
        }
    }

    /// Margin keys: (side, dimension, value) for view, posture, rotation and context
    /// (the rotation fixes the direction).
    fn keys(spec: &StimulusSpec) -> [(Side, u8, u16); 4] {
        [
            (spec.side, 0, spec.view as u16),
            (spec.side, 1, spec.posture as u16),
            (spec.side, 2, spec.rotation_deg),
            (spec.side, 3, spec.context as u16),
        ]
    }

    fn note(&mut self, spec: &StimulusSpec) {
        let cell = cell_of(spec);
        *self.uses.entry(cell).or_default() += 1;
        *self.variants_used.entry(cell).or_default() |= 1 << spec.variant;
        for key in Self::keys(spec) {
            *self.margins.entry(key).or_default() += 1;
        }
    }

    /// How many sessions ago a picture was last shown (`u32::MAX`: not recently).
    fn age(&self, spec: &StimulusSpec) -> u32 {
        self.last_seen.get(&history_key(spec)).copied().unwrap_or(u32::MAX)
    }

    /// `n` pictures for `side`: every cell `n / cells` times, the rest one more time.
    fn choose(&mut self, side: Side, n: usize, rng: &mut ChaCha8Rng) -> Vec<StimulusSpec> {
        let sided: Vec<StimulusSpec> = self.cells.iter().map(|c| StimulusSpec { side, ..*c }).collect();
        let rounds = n / sided.len();
        let mut out = Vec::with_capacity(n);
        for _ in 0..rounds {
            for cell in &sided {
                let spec = self.variant_for(cell, rng);
                self.note(&spec);
                out.push(spec);
            }
        }
        out.extend(self.choose_more(side, n - out.len(), rng));
        out
    }

    /// `n` more pictures for `side`, each from a cell used least so far this session,
    /// then seen longest ago, then whose view, posture, angle and direction are least
    /// used, then in the seeded order.
    fn choose_more(&mut self, side: Side, n: usize, rng: &mut ChaCha8Rng) -> Vec<StimulusSpec> {
        let sided: Vec<StimulusSpec> = self.cells.iter().map(|c| StimulusSpec { side, ..*c }).collect();
        // How many sessions ago each variant of each cell was shown, looked up once.
        let ages: Vec<[u32; VARIANTS as usize]> = sided
            .iter()
            .map(|cell| std::array::from_fn(|v| self.age(&StimulusSpec { variant: v as u8, ..*cell })))
            .collect();
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let best = (0..sided.len())
                .min_by_key(|&i| {
                    let cell = &sided[i];
                    let used = self.variants_used.get(cell).copied().unwrap_or(0);
                    // The oldest picture this cell can still offer this session.
                    let offer =
                        (0..VARIANTS as usize).filter(|v| used & (1 << v) == 0).map(|v| ages[i][v]).max();
                    let margin: u32 =
                        Self::keys(cell).iter().map(|k| self.margins.get(k).copied().unwrap_or(0)).sum();
                    (self.uses.get(cell).copied().unwrap_or(0), Reverse(offer), margin)
                })
                .expect("every level has a non-empty pool");
            let spec = self.variant_for(&sided[best], rng);
            self.note(&spec);
            out.push(spec);
        }
        out
    }

    /// The variant of `cell` to show: one not yet shown this session, seen longest ago,
    /// ties from the seed.
    fn variant_for(&self, cell: &StimulusSpec, rng: &mut ChaCha8Rng) -> StimulusSpec {
        let used = self.variants_used.get(cell).copied().unwrap_or(0);
        let first = rng.random_range(0..VARIANTS);
        let variant = (0..VARIANTS)
            .map(|i| (first + i) % VARIANTS)
            .min_by_key(|&v| (used & (1 << v) != 0, Reverse(self.age(&StimulusSpec { variant: v, ..*cell }))))
            .unwrap_or(0);
        StimulusSpec { variant, skin_tone: self.skin_tone, ..*cell }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stimulus::View;
    use std::collections::HashSet;

    fn request(
        body_part: BodyPart,
        level: u32,
        count: u32,
        seed: u64,
        last_seen: &HashMap<StimulusSpec, u32>,
    ) -> Request<'_> {
        Request { body_part, level, count, skin_tone: 2, seed, last_seen }
    }

    /// Sessions one after another, each seeing the history of the ones before, as the use
    /// case builds it.
    fn course(body: BodyPart, level: u32, count: u32, sessions: u64) -> Vec<Vec<StimulusSpec>> {
        let mut done: Vec<Vec<StimulusSpec>> = Vec::new();
        for seed in 0..sessions {
            let mut last_seen = HashMap::new();
            for (age, session) in done.iter().rev().enumerate() {
                for spec in session {
                    last_seen.entry(history_key(spec)).or_insert(age as u32);
                }
            }
            done.push(generate(&request(body, level, count, seed, &last_seen)));
        }
        done
    }

    #[test]
    fn sides_balance_and_runs_hold_over_thousands_of_seeds() {
        for seed in 0..5000u64 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let count = 1 + (seed % 100) as usize;
            let sides = balanced_sides(count, &mut rng);
            assert_eq!(sides.len(), count);
            let left = sides.iter().filter(|s| **s == Side::Left).count();
            assert!(left.abs_diff(count - left) <= 1, "seed {seed}: {left} of {count}");
            let longest = sides.chunk_by(|a, b| a == b).map(<[Side]>::len).max().unwrap();
            assert!(longest <= MAX_RUN, "seed {seed}: run of {longest}");
        }
    }

    #[test]
    fn no_picture_repeats_and_the_sequence_is_reproducible() {
        let none = HashMap::new();
        for seed in 0..300u64 {
            let body = BodyPart::ALL[seed as usize % BodyPart::ALL.len()];
            let level = 1 + (seed % 6) as u32;
            let count = 10 + (seed % 91) as u32;
            let req = request(body, level, count, seed, &none);
            let seq = generate(&req);
            assert_eq!(seq.len(), count as usize);
            let ids: HashSet<String> = seq.iter().map(StimulusSpec::id).collect();
            assert_eq!(ids.len(), seq.len(), "seed {seed}: {body} level {level} repeated a picture");
            assert!(seq.iter().all(|s| levels::allows(level, s) && s.validate().is_ok()));
            assert_eq!(generate(&req), seq, "same seed, same sequence");
        }
    }

    /// Every cell (view × posture × rotation × context) of a side is used q or q + 1
    /// times, for every body part and level, with few and with many cells.
    #[test]
    fn each_cell_is_used_equally_often_within_one() {
        let none = HashMap::new();
        for &body in BodyPart::ALL {
            for level in levels::MIN_LEVEL..=levels::MAX_LEVEL {
                for count in [10, 50, 100] {
                    let seq = generate(&request(body, level, count, u64::from(level) * 7 + 1, &none));
                    let cells = levels::pool(body, level).len();
                    for side in [Side::Left, Side::Right] {
                        let mine: Vec<&StimulusSpec> = seq.iter().filter(|s| s.side == side).collect();
                        let mut uses: HashMap<StimulusSpec, usize> = HashMap::new();
                        for spec in &mine {
                            *uses.entry(cell_of(spec)).or_default() += 1;
                        }
                        let q = mine.len() / cells;
                        let unused = cells - uses.len();
                        assert!(
                            uses.values().all(|&n| n == q || n == q + 1) && (q == 0 || unused == 0),
                            "{body} level {level} count {count} {side}: {:?}",
                            uses.values().collect::<Vec<_>>()
                        );
                    }
                }
            }
        }
    }

    /// Angles, views and postures spread evenly, and upright pictures get no more than
    /// their share (they were a quarter to a third of all pictures before).
    #[test]
    fn margins_spread_evenly() {
        let none = HashMap::new();
        let seq = generate(&request(BodyPart::Hand, 5, 100, 42, &none));
        for side in [Side::Left, Side::Right] {
            let mine: Vec<&StimulusSpec> = seq.iter().filter(|s| s.side == side).collect();
            let count = |f: &dyn Fn(&StimulusSpec) -> bool| mine.iter().filter(|s| f(s)).count();
            for view in BodyPart::Hand.views() {
                let n = count(&|s| s.view == *view);
                assert!((12..=13).contains(&n), "{side} {view}: {n} of 50");
            }
            for posture in BodyPart::Hand.postures() {
                let n = count(&|s| s.posture == *posture);
                assert!((6..=7).contains(&n), "{side} {posture}: {n} of 50");
            }
            let rotations = BodyPart::Hand.rotations();
            for r in &rotations {
                let n = count(&|s| s.rotation_deg == *r);
                assert!((2..=3).contains(&n), "{side} {r}°: {n} of 50");
            }
        }
        let easy = generate(&request(BodyPart::Hand, 1, 50, 42, &none));
        assert!(easy.iter().all(|s| s.view == View::Back));
        let upright = easy.iter().filter(|s| s.rotation_deg == 0).count();
        assert!(upright <= 10, "0° is one of 5 angles at level 1: {upright} of 50");
    }

    /// Three sessions a day for two weeks at level 1: each session shows what was seen
    /// longest ago, so nothing repeats until the level's pictures are used up (four
    /// sessions here), and over the fortnight every picture is shown about as often.
    #[test]
    fn sessions_cycle_through_the_pool_least_recently_seen_first() {
        let sessions = course(BodyPart::Hand, 1, 50, 42);
        // 15 cells × 8 variants = 120 pictures a side, 25 a side a session: 4 sessions apart.
        for window in sessions.windows(4) {
            let mut seen = HashSet::new();
            for spec in window.iter().flatten() {
                assert!(seen.insert(history_key(spec)), "{} repeated within 4 sessions", spec.id());
            }
        }
        let mut uses: HashMap<StimulusSpec, u32> = HashMap::new();
        for spec in sessions.iter().flatten() {
            *uses.entry(history_key(spec)).or_default() += 1;
        }
        assert_eq!(uses.len(), 240, "every picture of the level was shown");
        // Least-recently-seen is not a strict rotation: counts stay within two of each
        // other (42 × 25 / 120 = 8.75 uses on average).
        let (min, max) = (uses.values().min().unwrap(), uses.values().max().unwrap());
        assert!(max - min <= 2, "uses from {min} to {max}");
        // Feet at level 1 repeated a whole session from the five before (issue 9).
        let feet = course(BodyPart::Foot, 1, 50, 6);
        let last: HashSet<StimulusSpec> = feet[5].iter().map(history_key).collect();
        let before: HashSet<StimulusSpec> = feet[..5].iter().flatten().map(history_key).collect();
        assert!(last.difference(&before).count() > 0, "the sixth foot session shows something new");
    }

    #[test]
    fn a_replacement_is_fresh_and_on_the_same_side() {
        let none = HashMap::new();
        let req = request(BodyPart::Back, 1, 50, 9, &none);
        let seq = generate(&req);
        let fresh = replacement(&req, Side::Left, &seq, 1);
        assert_eq!(fresh.side, Side::Left);
        assert!(!seq.contains(&fresh));
        assert_eq!(fresh, replacement(&req, Side::Left, &seq, 1));
    }
}
