//! The order of pictures in a session, reproducible from the seed stored with it.
//!
//! Rules: left and right exactly balanced (±1 for an odd count); never more than
//! [`MAX_RUN`] of one side in a row; views, postures and rotations spread evenly over
//! what the level allows; no picture twice in a session while the level's pool has
//! unused ones; pictures from the patient's recent sessions only when nothing else is left.

use super::levels;
use crate::stimulus::spec::VARIANTS;
use crate::stimulus::{BodyPart, Side, StimulusSpec};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::{HashMap, HashSet};

/// Longest run of one side.
pub const MAX_RUN: usize = 3;

pub struct Request<'a> {
    pub body_part: BodyPart,
    pub level: u32,
    pub count: u32,
    pub skin_tone: u8,
    pub seed: u64,
    /// Pictures shown in the patient's recent sessions, to avoid where possible.
    pub recent: &'a HashSet<StimulusSpec>,
}

/// The session's pictures, in order.
pub fn generate(req: &Request) -> Vec<StimulusSpec> {
    let mut rng = ChaCha8Rng::seed_from_u64(req.seed);
    let sides = balanced_sides(req.count as usize, &mut rng);
    let mut picker = Picker::new(req, &mut rng);
    sides.into_iter().map(|side| picker.pick(side, &mut rng)).collect()
}

/// A fresh picture to replace a voided one: same side, not yet shown in the session.
pub fn replacement(req: &Request, side: Side, shown: &[StimulusSpec], salt: u64) -> StimulusSpec {
    let mut rng = ChaCha8Rng::seed_from_u64(req.seed ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut picker = Picker::new(req, &mut rng);
    for spec in shown {
        picker.note(spec);
    }
    picker.pick(side, &mut rng)
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

/// Chooses pictures so that each view, posture and rotation band is used about equally.
struct Picker {
    bases: Vec<StimulusSpec>,
    skin_tone: u8,
    /// Per picture (variant 0), a bit per variant: shown this session / seen recently.
    shown: HashMap<StimulusSpec, u8>,
    recent: HashMap<StimulusSpec, u8>,
    usage: HashMap<(Side, u8, u16), u32>,
}

/// The picture with variant 0, the key of the variant masks.
fn base_of(spec: &StimulusSpec) -> StimulusSpec {
    StimulusSpec { variant: 0, ..*spec }
}

impl Picker {
    fn new(req: &Request, rng: &mut ChaCha8Rng) -> Picker {
        let mut bases = levels::pool(req.body_part, req.level);
        bases.shuffle(rng);
        let mut recent = HashMap::new();
        for spec in req.recent {
            *recent.entry(base_of(spec)).or_insert(0u8) |= 1 << spec.variant;
        }
        Picker { bases, skin_tone: req.skin_tone, shown: HashMap::new(), recent, usage: HashMap::new() }
    }

    /// Usage keys: (side, dimension, value) for view, posture, rotation band, direction.
    fn keys(spec: &StimulusSpec) -> [(Side, u8, u16); 4] {
        [
            (spec.side, 0, spec.view as u16),
            (spec.side, 1, spec.posture as u16),
            (spec.side, 2, spec.rotation_magnitude_deg().div_ceil(45)),
            (spec.side, 3, spec.rotation_direction() as u16),
        ]
    }

    fn note(&mut self, spec: &StimulusSpec) {
        *self.shown.entry(base_of(spec)).or_insert(0) |= 1 << spec.variant;
        for key in Self::keys(spec) {
            *self.usage.entry(key).or_default() += 1;
        }
    }

    /// The least-used picture for `side`: fresh variants first (not shown this session,
    /// not seen recently), then ones seen recently, then repeats; ties broken by spread.
    fn pick(&mut self, side: Side, rng: &mut ChaCha8Rng) -> StimulusSpec {
        let all: u8 = ((1u16 << VARIANTS) - 1) as u8;
        let first = rng.random_range(0..VARIANTS);
        let mut best: Option<(u32, u32, StimulusSpec)> = None;
        for base in &self.bases {
            let base = StimulusSpec { side, skin_tone: self.skin_tone, ..*base };
            let shown = self.shown.get(&base).copied().unwrap_or(0);
            let recent = self.recent.get(&base).copied().unwrap_or(0);
            let (penalty, allowed) = [(0, all & !shown & !recent), (1, all & !shown), (2, all)]
                .into_iter()
                .find(|(_, mask)| *mask != 0)
                .expect("the last mask is never empty");
            if best.as_ref().is_some_and(|(p, _, _)| *p < penalty) {
                continue;
            }
            let variant =
                (0..VARIANTS).map(|i| (first + i) % VARIANTS).find(|v| allowed & (1 << v) != 0).unwrap_or(0);
            let spec = StimulusSpec { variant, ..base };
            let spread: u32 = Self::keys(&spec).iter().map(|k| self.usage.get(k).copied().unwrap_or(0)).sum();
            if best.as_ref().is_none_or(|(p, s, _)| (penalty, spread) < (*p, *s)) {
                best = Some((penalty, spread, spec));
            }
        }
        let (_, _, spec) = best.expect("every level has a non-empty pool");
        self.note(&spec);
        spec
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stimulus::View;

    fn request(
        body_part: BodyPart,
        level: u32,
        count: u32,
        seed: u64,
        recent: &HashSet<StimulusSpec>,
    ) -> Request<'_> {
        Request { body_part, level, count, skin_tone: 2, seed, recent }
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
        let none = HashSet::new();
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

    #[test]
    fn views_and_rotations_spread_over_the_level() {
        let none = HashSet::new();
        let seq = generate(&request(BodyPart::Hand, 5, 100, 42, &none));
        for view in BodyPart::Hand.views() {
            let n = seq.iter().filter(|s| s.view == *view).count();
            assert!((20..=30).contains(&n), "{view}: {n} of 100");
        }
        let inverted_or_big = seq.iter().filter(|s| s.rotation_magnitude_deg() > 90).count();
        assert!(inverted_or_big >= 20, "large rotations used: {inverted_or_big}");
        let easy = generate(&request(BodyPart::Hand, 1, 50, 42, &none));
        assert!(easy.iter().all(|s| s.view == View::Back));
    }

    #[test]
    fn recent_pictures_are_avoided_while_fresh_ones_remain() {
        let none = HashSet::new();
        let first = generate(&request(BodyPart::Foot, 2, 50, 1, &none));
        let recent: HashSet<StimulusSpec> = first.into_iter().collect();
        let second = generate(&request(BodyPart::Foot, 2, 50, 2, &recent));
        let again = second.iter().filter(|s| recent.contains(s)).count();
        assert_eq!(again, 0);
    }

    #[test]
    fn a_replacement_is_fresh_and_on_the_same_side() {
        let none = HashSet::new();
        let req = request(BodyPart::Back, 1, 50, 9, &none);
        let seq = generate(&req);
        let fresh = replacement(&req, Side::Left, &seq, 1);
        assert_eq!(fresh.side, Side::Left);
        assert!(!seq.contains(&fresh));
        assert_eq!(fresh, replacement(&req, Side::Left, &seq, 1));
    }
}
