//! Runs pricing jobs on worker threads.

pub mod worker;

use ledger_core::{Invoice, Priced};

/// Prices an invoice on a worker thread and returns the total in cents.
pub fn price_in_background(invoice: Invoice) -> u64 {
    worker::spawn_worker(move || invoice.price().0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ledger_core::Cents;

    #[test]
    fn background_pricing_matches_direct_pricing() {
        let invoice = Invoice::default().with_line("coffee", Cents(300), 2);
        assert_eq!(price_in_background(invoice.clone()), invoice.price().0);
    }
}
