//! Audit trail, compiled only with the `audit` feature.

use crate::pricing::Priced;

/// One audit line for a priced item.
pub fn audit_line<P: Priced + std::fmt::Debug>(item: &P) -> String {
    format!("{:?} = {} cents", item, item.price().0)
}
