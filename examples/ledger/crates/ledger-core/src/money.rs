//! Money as whole cents, so sums never round.

use std::ops::Add;

/// An amount in cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Cents(pub u64);

impl Add for Cents {
    type Output = Cents;

    fn add(self, other: Cents) -> Cents {
        Cents(self.0 + other.0)
    }
}

impl Cents {
    /// Applies a percentage discount, rounding down.
    pub fn discounted(self, percent: u64) -> Cents {
        Cents(self.0 * (100 - percent.min(100)) / 100)
    }
}
