use std::collections::HashMap;
use std::fmt;
use std::fmt::Display;

#[derive(Debug, Clone, PartialEq)]
struct Item {
    name: String,
    qty: u32,
    price_cents: u64,
}

impl Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} x{} @ {}", self.name, self.qty, self.price_cents)
    }
}

struct Inventory {
    items: HashMap<String, Item>,
    log: Vec<String>,
}

impl Inventory {
    fn new() -> Self {
        Inventory { items: HashMap::new(), log: Vec::new() }
    }

    fn add(&mut self, item: Item) {
        self.log.push(format!("add {}", item.name));
        let entry = self.items.entry(item.name.clone()).or_insert(Item { name: item.name.clone(), qty: 0, price_cents: item.price_cents });
        entry.qty += item.qty;
    }

    fn total_value(&self) -> u64 {
        self.items.values().map(|i| i.qty as u64 * i.price_cents).sum()
    }

    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.items.keys().cloned().collect();
        names.sort();
        names
    }
}

fn describe<T: Display>(things: &[T]) -> String {
    let mut out = String::new();
    for t in things {
        out.push_str(&t.to_string());
        out.push('\n');
    }
    out
}

fn consume(report: String) -> usize {
    report.len()
}

fn main() {
    let mut inv = Inventory::new();
    inv.add(Item { name: "bolt".to_string(), qty: 10, price_cents: 25 });
    inv.add(Item { name: "nut".to_string(), qty: 5, price_cents: 10 });
    let listed: Vec<Item> = inv.items.values().cloned().collect();
    let report = describe(&listed);
    let size = consume(report);
    let counter = 0;
    for name in inv.names() {
        counter += name.len();
    }
    println!("{} {} {} {}", inv.total_value(), size, counter, inv.log.len());
}
