use std::cmp::Ordering;
use std::fmt::Debug;

trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String;
}

#[derive(Debug, Clone, Copy)]
struct Circle {
    r: f64,
}

#[derive(Debug, Clone, Copy)]
struct Rect {
    w: f64,
    h: f64,
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        3.14159 * self.r * self.r
    }
    fn name(&self) -> String {
        "circle".to_string()
    }
}

impl Shape for Rect {
    fn area(&self) -> f64 {
        self.w * self.h
    }
    fn name(&self) -> String {
        String::from("rect")
    }
}

fn largest<'a>(shapes: &'a [Box<dyn Shape>]) -> Option<&'a Box<dyn Shape>> {
    shapes.iter().max_by(|a, b| a.area().partial_cmp(&b.area()).unwrap_or(Ordering::Equal))
}

fn show_all<T: Debug>(items: &[T]) -> Vec<String> {
    items.iter().map(|i| format!("{:?}", i)).collect()
}

fn duplicate<T>(item: &T, n: usize) -> Vec<T> {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(item.clone());
    }
    out
}

fn total_area(shapes: Vec<Box<dyn Shape>>) -> f64 {
    let mut sum = 0.0;
    for s in shapes.iter() {
        sum += s.area();
    }
    sum
}

fn main() {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Circle { r: 1.0 }), Box::new(Rect { w: 2.0, h: 3.0 })];
    let big = largest(&shapes).map(|s| s.name()).unwrap_or_default();
    let circles = duplicate(&Circle { r: 2.0 }, 2);
    let shown = show_all(&circles);
    let area = total_area(shapes);
    println!("{} {:?} {}", big, shown, area);
}
