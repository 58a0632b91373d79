//! Core types of a tiny ledger: amounts, line items and the pricing trait.

pub mod money;
pub mod pricing;

#[cfg(feature = "audit")]
pub mod audit;

pub use money::Cents;
pub use pricing::{Priced, Invoice, LineItem};

/// Sums the price of every item.
pub fn total<P: Priced>(items: &[P]) -> Cents {
    items.iter().map(|item| item.price()).fold(Cents(0), |acc, c| acc + c)
}
