//! Risk badges on the timeline, as data: which open risks threaten each item, the worst of them,
//! and where an item's badge goes. The window draws them (`ui::timeline::badges`).

use std::collections::HashMap;

use crate::model::{ItemId, Project, RiskId};
use crate::report::RiskLevel;
use crate::tr;

use super::layout::{self, DIAMOND_HALF, Mark};

/// Radius of a badge, in points.
pub const BADGE_RADIUS: f32 = 4.5;

/// An open risk that threatens an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemRisk {
    /// The risk.
    pub id: RiskId,
    /// Its title.
    pub title: String,
    /// Probability × impact.
    pub score: u8,
    /// Its level.
    pub level: RiskLevel,
}

/// The open risks (status Open or Monitoring) of every threatened item, worst first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RiskBadges {
    items: HashMap<ItemId, Vec<ItemRisk>>,
}

impl RiskBadges {
    /// Collects the open risks of each item of `project`.
    pub fn new(project: &Project) -> Self {
        let mut items: HashMap<ItemId, Vec<ItemRisk>> = HashMap::new();
        for risk in project.risks.iter().filter(|risk| risk.status.is_open()) {
            let score = risk.score();
            for &item in &risk.items {
                let list = items.entry(item).or_default();
                if list.iter().all(|known| known.id != risk.id) {
                    list.push(ItemRisk {
                        id: risk.id,
                        title: risk.title.clone(),
                        score,
                        level: RiskLevel::of(score),
                    });
                }
            }
        }
        for list in items.values_mut() {
            // Worst first; among equals, the register's order (the sort is stable).
            list.sort_by_key(|risk| std::cmp::Reverse(risk.score));
        }
        Self { items }
    }

    /// The level of the worst open risk threatening `item`.
    pub fn worst(&self, item: ItemId) -> Option<RiskLevel> {
        self.risks(item).iter().map(|risk| risk.level).max()
    }

    /// The open risks threatening `item`, worst first.
    pub fn risks(&self, item: ItemId) -> &[ItemRisk] {
        self.items.get(&item).map_or(&[], Vec::as_slice)
    }
}

/// [`RiskBadges`] computed once per revision of a project.
#[derive(Default)]
pub struct BadgeCache {
    revision: Option<u64>,
    badges: RiskBadges,
}

impl BadgeCache {
    /// The badges of `project` at `revision`, recomputed only when the revision changed.
    pub fn get(&mut self, project: &Project, revision: u64) -> &RiskBadges {
        if self.revision != Some(revision) {
            self.badges = RiskBadges::new(project);
            self.revision = Some(revision);
        }
        &self.badges
    }

    /// The badges last computed.
    pub fn last(&self) -> &RiskBadges {
        &self.badges
    }
}

/// Where the badge of a drawn item goes: on the top-left corner of a bar, where the name (which
/// starts 6 points inside the bar, or beyond its end) never reaches; off the upper-left edge of a
/// diamond, clear of the arrows that meet items at mid-height.
pub fn badge_centre(shape: &layout::Shape) -> (f32, f32) {
    match shape.mark {
        Mark::Milestone { .. } => (shape.x0 - DIAMOND_HALF + 1.0, shape.y - DIAMOND_HALF + 1.0),
        Mark::Task { .. } => (shape.x0, shape.y - layout::BAR_HEIGHT / 2.0),
        // Buffers are drawn two points thinner.
        Mark::Buffer { .. } => (shape.x0, shape.y - layout::BAR_HEIGHT / 2.0 + 2.0),
    }
}

/// The name of a level in the current language.
pub fn level_name(level: RiskLevel) -> String {
    match level {
        RiskLevel::Low => tr!("risks.level.low"),
        RiskLevel::Medium => tr!("risks.level.medium"),
        RiskLevel::High => tr!("risks.level.high"),
    }
    .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Risk, RiskStatus};

    /// A risk on `items`; every field not named here has its default in the file format.
    fn risk(id: u32, probability: u8, impact: u8, status: RiskStatus, items: &[u32]) -> Risk {
        let mut risk: Risk = ron::from_str(&format!(
            "(id: {id}, title: \"Risk {id}\", probability: {probability}, impact: {impact}, \
             identified: \"2026-11-02\")"
        ))
        .expect("a risk");
        risk.status = status;
        risk.items = items.iter().copied().map(ItemId).collect();
        risk
    }

    #[test]
    fn the_worst_open_risk_colours_the_item_and_closed_ones_do_not_count() {
        let project = Project {
            risks: vec![
                risk(1, 2, 2, RiskStatus::Open, &[1, 2]),
                risk(2, 3, 4, RiskStatus::Monitoring, &[2]),
                risk(3, 5, 5, RiskStatus::Closed, &[1, 2, 3]),
                risk(4, 5, 5, RiskStatus::Occurred, &[3]),
            ],
            ..Project::default()
        };
        let badges = RiskBadges::new(&project);
        assert_eq!(
            badges.worst(ItemId(1)),
            Some(RiskLevel::Low),
            "only risk 1 is open"
        );
        assert_eq!(
            badges.worst(ItemId(2)),
            Some(RiskLevel::Medium),
            "3 × 4 = 12 is the worst open one"
        );
        assert_eq!(
            badges.worst(ItemId(3)),
            None,
            "closed and occurred risks draw no badge"
        );
        let titles: Vec<&str> = badges
            .risks(ItemId(2))
            .iter()
            .map(|risk| risk.title.as_str())
            .collect();
        assert_eq!(titles, ["Risk 2", "Risk 1"], "worst first");
    }

    #[test]
    fn the_cache_recomputes_only_for_a_new_revision() {
        let mut project = Project {
            risks: vec![risk(1, 5, 4, RiskStatus::Open, &[7])],
            ..Project::default()
        };
        let mut cache = BadgeCache::default();
        assert_eq!(
            cache.get(&project, 1).worst(ItemId(7)),
            Some(RiskLevel::High),
            "computed"
        );
        project.risks.clear();
        assert_eq!(
            cache.get(&project, 1).worst(ItemId(7)),
            Some(RiskLevel::High),
            "same revision: kept"
        );
        assert_eq!(
            cache.get(&project, 2).worst(ItemId(7)),
            None,
            "new revision: recomputed"
        );
    }
}
