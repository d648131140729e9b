//! Step 1 of the plan: a day's layout. The allowed minutes of a day are laid end to end
//! on an "allowed axis"; the day's reminders sit at the centres of equal parts of it,
//! kinds interleaved. The same for every day under the same settings.

use super::SessionKind;
use super::settings::{Allowed, ReminderSettings};

/// One slot of a day's layout, before jitter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LayoutSlot {
    pub kind: SessionKind,
    pub slot: u32,
    /// Centre on the allowed axis, minutes.
    pub axis: f64,
}

/// A day's layout: the same for every day under the same settings.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Layout {
    pub slots: Vec<LayoutSlot>,
    /// Largest jitter that keeps neighbours apart by the gap, minutes.
    pub jitter: u32,
    /// Reminders a day the targets ask for, and how many fit.
    pub wanted: u32,
    pub fitted: u32,
}

impl Layout {
    pub(crate) fn new(settings: &ReminderSettings, allowed: &Allowed) -> Layout {
        let kinds = settings.active_kinds();
        let total = allowed.total();
        let gap = settings.min_gap_min as u32;
        let wanted: u32 = kinds.iter().map(|&(_, t)| t).sum();
        // Equal parts of length >= gap: at most total / gap of them (at least one).
        let capacity = (total / gap).max(1);
        let alloc = share_places(&kinds, capacity);
        let order = interleave(&alloc);
        let fitted = order.len() as u32;
        let spacing = if fitted == 0 { 0.0 } else { f64::from(total) / f64::from(fitted) };
        let room = ((spacing - f64::from(gap)) / 2.0).floor().max(0.0) as u32;
        let jitter = room.min(settings.jitter_min.max(0) as u32);
        let slots = order
            .iter()
            .enumerate()
            .map(|(j, &(kind, slot))| LayoutSlot { kind, slot, axis: (j as f64 + 0.5) * spacing })
            .collect();
        Layout { slots, jitter, wanted, fitted }
    }

    /// The wall minute of a slot without jitter.
    pub(crate) fn nominal_minute(&self, allowed: &Allowed, s: &LayoutSlot) -> u32 {
        allowed.wall_minute(s.axis.floor() as u32)
    }
}

/// Reminders a day per kind: every target when they all fit in `capacity` places;
/// otherwise what fits is shared out, each kind one before any kind gets a second, and so
/// on by the share of its target still unmet.
fn share_places(kinds: &[(SessionKind, u32)], capacity: u32) -> Vec<(SessionKind, u32)> {
    let wanted: u32 = kinds.iter().map(|&(_, t)| t).sum();
    if wanted <= capacity {
        return kinds.to_vec();
    }
    let mut alloc: Vec<(SessionKind, u32)> = kinds.iter().map(|&(k, _)| (k, 0)).collect();
    for _ in 0..capacity {
        let pick = (0..kinds.len()).filter(|&i| alloc[i].1 < kinds[i].1).max_by(|&i, &j| {
            let (ti, tj) = (u64::from(kinds[i].1), u64::from(kinds[j].1));
            let (ui, uj) = (ti - u64::from(alloc[i].1), tj - u64::from(alloc[j].1));
            (ui * tj).cmp(&(uj * ti)).then(ti.cmp(&tj)).then(j.cmp(&i))
        });
        match pick {
            Some(i) => alloc[i].1 += 1,
            None => break,
        }
    }
    alloc
}

/// The day's slots in order, kinds interleaved: slot i of a kind with n slots sits at
/// (2i+1)/(2n) of the day (ties in kind order).
fn interleave(alloc: &[(SessionKind, u32)]) -> Vec<(SessionKind, u32)> {
    let mut keyed: Vec<(u32, u32, usize, u32)> = Vec::new();
    for (ki, &(_, n)) in alloc.iter().enumerate() {
        for i in 0..n {
            keyed.push((2 * i + 1, 2 * n, ki, i));
        }
    }
    keyed.sort_by(|a, b| {
        (u64::from(a.0) * u64::from(b.1)).cmp(&(u64::from(b.0) * u64::from(a.1))).then(a.2.cmp(&b.2))
    });
    keyed.into_iter().map(|(_, _, ki, i)| (alloc[ki].0, i)).collect()
}
