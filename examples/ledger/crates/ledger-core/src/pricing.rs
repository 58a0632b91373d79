//! What can be priced, and the two things we price.

use crate::money::Cents;

/// Anything with a price.
pub trait Priced {
    /// The price in cents.
    fn price(&self) -> Cents;

    /// True when the item costs nothing.
    fn is_free(&self) -> bool {
        self.price() == Cents(0)
    }
}

/// One line of an invoice.
#[derive(Debug, Clone)]
pub struct LineItem {
    pub name: String,
    pub unit: Cents,
    pub quantity: u64,
}

/// A whole invoice with an optional discount.
#[derive(Debug, Clone, Default)]
pub struct Invoice {
    pub lines: Vec<LineItem>,
    pub discount_percent: u64,
}

impl Priced for LineItem {
    fn price(&self) -> Cents {
        Cents(self.unit.0 * self.quantity)
    }
}

impl Priced for Invoice {
    fn price(&self) -> Cents {
        let gross = crate::total(&self.lines);
        gross.discounted(self.discount_percent)
    }
}

impl Invoice {
    /// Adds a line and returns the invoice, for chaining.
    pub fn with_line(mut self, name: &str, unit: Cents, quantity: u64) -> Invoice {
        self.lines.push(LineItem { name: name.to_string(), unit, quantity });
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invoice_applies_discount() {
        let invoice = Invoice { discount_percent: 10, ..Invoice::default() }.with_line("tea", Cents(250), 4);
        assert_eq!(invoice.price(), Cents(900));
    }
}
