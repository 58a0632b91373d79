use std::collections::BTreeMap;
use std::collections::HashSet;
use std::io::{self, BufRead, Cursor};

struct Stats {
    lines: usize,
    words: usize,
    freq: BTreeMap<String, usize>,
}

fn tokenize(line: &str) -> Vec<String> {
    line.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).filter(|w| !w.is_empty()).collect()
}

fn collect_stats<R: BufRead>(reader: R) -> io::Result<Stats> {
    let mut stats = Stats { lines: 0, words: 0, freq: BTreeMap::new() };
    for line in reader.lines() {
        let line = line?;
        stats.lines += 1;
        for w in tokenize(&line) {
            stats.words += 1;
            *stats.freq.entry(w).or_insert(0) += 1;
        }
    }
    Ok(stats)
}

fn top(stats: &Stats, n: usize) -> Vec<(String, usize)> {
    let mut pairs: Vec<(String, usize)> = stats.freq.iter().map(|(k, v)| (k.clone(), *v)).collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    pairs.truncate(n);
    pairs
}

fn unique_words(text: String) -> usize {
    let set: HashSet<String> = tokenize(&text).into_iter().collect();
    set.len()
}

fn longest(words: &[String]) -> Option<&String> {
    let mut best: Option<&String> = None;
    for w in words {
        if best.map_or(true, |b| w.len() > b.len()) {
            best = Some(w);
        }
    }
    best
}

fn main() -> io::Result<()> {
    let text = "the cat sat on the mat\nthe dog sat\n".to_string();
    let stats = collect_stats(Cursor::new(text.clone()))?;
    let words = tokenize(&text);
    let mut summary = String::new();
    summary.push_str(&format!("{:?}", top(&stats, 2)));
    let u = unique_words(text);
    println!("{} {} {} {} {:?}", stats.lines, stats.words, u, summary, longest(&words));
    Ok(())
}
