// The client's workspace folders, as directories: where the search for .govreportrc.json stops
// (host/config.ts). A file in a shared parent of the workspace (a temporary directory, a home
// directory, a mounted share) would otherwise configure every report in it, and could turn every
// rule off with nothing said (issue 18). The folders come from initialize (workspaceFolders, else
// the older rootUri / rootPath) and follow workspace/didChangeWorkspaceFolders. A document outside
// every folder (or with no folder at all) is searched up to a repository root or the file-system
// root, as the CLI searches a file named on its command line.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file: URI as a directory path, or undefined for anything else (or junk from the wire). */
function folderPath(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** The `uri`s of a list of WorkspaceFolder as the client sent it (anything not of that shape is skipped). */
function urisOf(list: unknown): unknown[] {
  return Array.isArray(list) ? list.map((f) => (f !== null && typeof f === 'object' ? (f as { uri?: unknown }).uri : undefined)) : [];
}

export class WorkspaceFolders {
  private folders = new Set<string>();

  /** From initialize's params: workspaceFolders, else rootUri, else rootPath. */
  initialize(params: { workspaceFolders?: unknown; rootUri?: unknown; rootPath?: unknown }): void {
    this.folders.clear();
    if (Array.isArray(params.workspaceFolders)) {
      this.add(urisOf(params.workspaceFolders));
      return;
    }
    const root = folderPath(params.rootUri) ?? (typeof params.rootPath === 'string' && params.rootPath ? resolve(params.rootPath) : undefined);
    if (root) this.folders.add(root);
  }

  /** A workspace/didChangeWorkspaceFolders event ({ added, removed }); whether the set changed. */
  change(event: unknown): boolean {
    const e = event !== null && typeof event === 'object' ? (event as { added?: unknown; removed?: unknown }) : {};
    const before = [...this.folders].join('\u0000');
    for (const uri of urisOf(e.removed)) {
      const p = folderPath(uri);
      if (p) this.folders.delete(p);
    }
    this.add(urisOf(e.added));
    return [...this.folders].join('\u0000') !== before;
  }

  /** The directories where a configuration search ends (host/config.ts stops at the first one it reaches). */
  get stops(): ReadonlySet<string> {
    return this.folders;
  }

  private add(uris: unknown[]): void {
    for (const uri of uris) {
      const p = folderPath(uri);
      if (p) this.folders.add(p);
    }
  }
}
