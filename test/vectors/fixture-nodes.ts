// Hand-written ISG nodes with known near-duplicates: same shape, renamed. Used by the vector tests.
import type { IsgNode, NodeKind } from '../../src/core/isg/types.js';

function node(file: string, name: string, kind: NodeKind, signature: string, doc = ''): IsgNode {
  const stem = file.split('/').pop()!.replace(/\.rs$/, '');
  return { key: `${file}-${stem}-${name}`, kind, name, crate: file.split('/')[1] ?? 'app', file, span: { startLine: 1, endLine: 3 }, signature, sigHash: '', public: signature.startsWith('pub'), features: [], doc };
}

export const FIXTURE_NODES: IsgNode[] = [
  node('crates/ledger/src/total.rs', 'compute_total', 'fn', 'pub fn compute_total(items: &[LineItem]) -> u64', 'Sums the amounts of all line items.'),
  node('crates/ledger/src/sum.rs', 'sum_amounts', 'fn', 'pub fn sum_amounts(entries: &[LineItem]) -> u64', 'Adds up every entry.'),
  node('crates/exec/src/pool.rs', 'Executor::spawn', 'method', "pub fn spawn<F>(&self, job: F) -> JoinHandle where F: FnOnce() -> u64 + Send + 'static"),
  node('crates/exec/src/pool.rs', 'Runner::submit', 'method', "pub fn submit<G>(&self, task: G) -> JoinHandle where G: FnOnce() -> u64 + Send + 'static"),
  node('crates/ledger/src/model.rs', 'Ledger', 'struct', 'pub struct Ledger', 'A ledger of priced items.'),
  node('crates/ledger/src/model.rs', 'LineItem', 'struct', 'pub struct LineItem', 'One priced line.'),
  node('crates/ledger/src/model.rs', 'Currency', 'enum', 'pub enum Currency'),
  node('crates/ledger/src/price.rs', 'Priced', 'trait', 'pub trait Priced'),
  node('crates/ledger/src/price.rs', 'Priced::price', 'method', 'fn price(&self) -> u64', 'The price in cents.'),
  node('crates/ledger/src/price.rs', 'impl Priced for LineItem', 'impl', 'impl Priced for LineItem'),
  node('crates/ledger/src/io.rs', 'load_ledger', 'fn', 'pub fn load_ledger(path: &Path) -> Result<Ledger, Error>', 'Reads a ledger file.'),
  node('crates/ledger/src/io.rs', 'save_ledger', 'fn', 'pub fn save_ledger(path: &Path, ledger: &Ledger) -> Result<(), Error>', 'Writes a ledger file.'),
  node('crates/ledger/src/io.rs', 'read_config', 'fn', 'pub fn read_config(path: &Path) -> Result<Config, Error>', 'Reads the configuration.'),
  node('crates/app/src/main.rs', 'main', 'fn', 'fn main()'),
  node('crates/app/src/cli.rs', 'parse_args', 'fn', 'pub fn parse_args(args: Vec<String>) -> Option<Command>'),
  node('crates/app/src/cli.rs', 'Command', 'enum', 'pub enum Command'),
  node('crates/app/src/cli.rs', 'Command::name', 'method', 'pub fn name(&self) -> &str'),
  node('crates/app/src/fmt.rs', 'format_cents', 'fn', 'pub fn format_cents(cents: u64, currency: Currency) -> String', 'Formats an amount.'),
  node('crates/app/src/fmt.rs', 'MAX_WIDTH', 'const', 'pub const MAX_WIDTH: usize'),
  node('crates/app/src/fmt.rs', 'render_table', 'fn', 'pub fn render_table(rows: &mut Vec<Row>, width: usize)'),
  node('crates/exec/src/pool.rs', 'Executor', 'struct', 'pub struct Executor'),
  node('crates/exec/src/pool.rs', 'Executor::new', 'method', 'pub fn new(threads: usize) -> Self'),
  node('crates/exec/src/pool.rs', 'Executor::shutdown', 'method', 'pub fn shutdown(&mut self)'),
  node('crates/exec/src/lib.rs', 'exec', 'crate', ''),
  node('crates/exec/src/lib.rs', 'serde', 'feature', ''),
];

/** Pairs that must find each other: [a, b] means b is among a's nearest. */
export const NEAR_DUPLICATES: Array<[string, string]> = [
  ['crates/ledger/src/total.rs-total-compute_total', 'crates/ledger/src/sum.rs-sum-sum_amounts'],
  ['crates/exec/src/pool.rs-pool-Executor::spawn', 'crates/exec/src/pool.rs-pool-Runner::submit'],
  ['crates/ledger/src/io.rs-io-load_ledger', 'crates/ledger/src/io.rs-io-read_config'],
];
