use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;

fn spawn_job<F>(job: F) -> thread::JoinHandle<u64>
where
    F: FnOnce() -> u64 + Send + 'static,
{
    thread::spawn(job)
}

fn parallel_sum(data: Vec<u64>, parts: usize) -> u64 {
    let chunk = (data.len() + parts - 1) / parts;
    let shared = Arc::new(data);
    let mut handles = Vec::new();
    for p in 0..parts {
        let shared = Arc::clone(&shared);
        handles.push(spawn_job(move || {
            let start = p * chunk;
            let end = (start + chunk).min(shared.len());
            shared[start..end].iter().sum()
        }));
    }
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}

fn count_with_mutex(n: usize) -> usize {
    let counter = Arc::new(Mutex::new(0usize));
    let mut handles = vec![];
    for _ in 0..n {
        let counter = Arc::clone(&counter);
        handles.push(thread::spawn(move || {
            let mut guard = counter.lock().unwrap();
            *guard += 1;
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
    let total = *counter.lock().unwrap();
    total
}

fn pipeline(words: Vec<String>) -> Vec<usize> {
    let (tx, rx) = mpsc::channel();
    let producer = thread::spawn(move || {
        for w in words {
            tx.send(w.len()).unwrap();
        }
    });
    producer.join().unwrap();
    let mut lens: Vec<usize> = rx.iter().collect();
    lens.sort();
    lens
}

fn main() {
    let data: Vec<u64> = (1..=100).collect();
    let words = vec!["alpha".to_string(), "be".to_string(), "gam".to_string()];
    println!("{} {} {:?}", parallel_sum(data, 4), count_with_mutex(3), pipeline(words));
}
