/**
 * A tiny real language server for the LSP client tests (vscode-languageserver over stdio). It reports an error
 * `E9999 "marker BROKEN found"` for each line containing `BROKEN` and a warning for `SHAKY`.
 * Modes (`--mode=`): push (publishDiagnostics), pull (textDocument/diagnostic + rust-analyzer-style serverStatus),
 * silent (reads stdin, never answers), no-shutdown (never answers `shutdown`), crash-on-init, crash-on-open.
 */
import { createConnection, DiagnosticSeverity, TextDocuments, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const mode = (process.argv.find((a) => a.startsWith('--mode=')) ?? '--mode=push').slice('--mode='.length);

if (mode === 'silent') {
  // Keep the pipe open and never write a byte.
  process.stdin.resume();
  setInterval(() => undefined, 1 << 30);
} else {
  const connection = createConnection(process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);

  const findMarkers = (doc: TextDocument): Diagnostic[] => {
    const out: Diagnostic[] = [];
    doc.getText().split('\n').forEach((line, i) => {
      for (const [marker, severity, code] of [['BROKEN', DiagnosticSeverity.Error, 'E9999'], ['SHAKY', DiagnosticSeverity.Warning, 'W0001']] as const) {
        const col = line.indexOf(marker);
        if (col >= 0) {
          out.push({
            range: { start: { line: i, character: col }, end: { line: i, character: col + marker.length } },
            severity, code, source: 'marker-server', message: `marker ${marker} found`,
          });
        }
      }
    });
    return out;
  };

  connection.onInitialize(() => {
    if (mode === 'crash-on-init') process.exit(3);
    return {
      capabilities: {
        textDocumentSync: 1,
        ...(mode === 'pull' ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'marker-server' },
    };
  });
  connection.onInitialized(() => {
    if (mode === 'pull') {
      // Like rust-analyzer: busy first, quiescent later; diagnostics only on request.
      void connection.sendNotification('experimental/serverStatus', { health: 'ok', quiescent: false });
      setTimeout(() => void connection.sendNotification('experimental/serverStatus', { health: 'ok', quiescent: true }), 300);
    }
  });
  if (mode === 'no-shutdown') connection.onShutdown(() => new Promise<void>(() => undefined));
  documents.onDidOpen(() => {
    if (mode === 'crash-on-open') process.exit(7);
  });
  documents.onDidChangeContent((e) => {
    if (mode === 'push') void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics: findMarkers(e.document) });
  });
  connection.languages.diagnostics.on((params) => {
    const doc = documents.get(params.textDocument.uri);
    return { kind: 'full', items: doc ? findMarkers(doc) : [] };
  });
  documents.listen(connection);
  connection.listen();
}
