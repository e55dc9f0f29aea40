//! A risk's level, from its probability × impact.

/// An open risk whose probability × impact reaches this is high.
pub const HIGH_RISK_SCORE: u8 = 15;

/// A risk whose probability × impact reaches this (and is below [`HIGH_RISK_SCORE`]) is medium.
pub const MEDIUM_RISK_SCORE: u8 = 8;

/// How serious a risk is, from its probability × impact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RiskLevel {
    /// Score below [`MEDIUM_RISK_SCORE`].
    Low,
    /// Score from [`MEDIUM_RISK_SCORE`] to below [`HIGH_RISK_SCORE`].
    Medium,
    /// Score [`HIGH_RISK_SCORE`] or more.
    High,
}

impl RiskLevel {
    /// The level of a score.
    pub fn of(score: u8) -> Self {
        if score >= HIGH_RISK_SCORE {
            Self::High
        } else if score >= MEDIUM_RISK_SCORE {
            Self::Medium
        } else {
            Self::Low
        }
    }
}
