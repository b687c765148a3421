// The import graph (issue 19): the engine imports no host; no folder imports a sibling folder that
// imports it back (directly or round a longer loop — the parse ↔ bind knot this checks against
// never returns); and no module is imported back by what it imports, not even for a type.
// A folder's own files (its index, its shared vocabulary: engine/model.ts, rules/api.ts) are
// read by its sub-folders and read them: that is the folder, not a loop between two.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..', '..');
const LAYERS = ['engine', 'server', 'cli', 'client', 'host'];

interface Import {
  spec: string;
  /** Repository-relative path of a relative import's target. */
  target?: string;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const p = join(dir, name);
    return statSync(join(ROOT, p)).isDirectory() ? sources(p) : /\.(ts|mts|mjs|js)$/.test(name) && !name.endsWith('.d.ts') ? [p.split(sep).join('/')] : [];
  });
}

/** Every import of a file: static, re-exports, dynamic import() and require(); `import type` marked. */
function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Import[] = [];
  const add = (spec: string, typeOnly: boolean) => {
    const target = spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)).split(sep).join('/') : undefined;
    out.push({ spec, target, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const allTypes = !!c && (c.isTypeOnly || (!c.name && !!c.namedBindings && ts.isNamedImports(c.namedBindings) && c.namedBindings.elements.length > 0 && c.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, allTypes);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) add(node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const FILES = LAYERS.flatMap(sources);
const IMPORTS = new Map(FILES.map((f) => [f, importsOf(f)]));

test('the graph is read: every layer has files, every relative import names a file', () => {
  for (const layer of LAYERS) assert.ok(FILES.some((f) => f.startsWith(`${layer}/`)), layer);
  const known = new Set(FILES);
  for (const [file, imports] of IMPORTS) {
    for (const i of imports) if (i.target && !i.target.endsWith('.d.ts')) assert.ok(known.has(i.target) || /\.(json|cjs|mjs)$/.test(i.target), `${file}: ${i.spec}`);
  }
  // The reader sees what it must: the pipeline's imports, and a dynamic import (pdfjs-dist).
  assert.ok(IMPORTS.get('engine/pipeline.ts')!.some((i) => i.target === 'engine/bind/index.ts'));
  assert.ok([...IMPORTS.values()].flat().some((i) => i.spec.startsWith('pdfjs-dist')));
});

test('the engine imports no host: no Node built-in, no editor or LSP package, nothing outside engine/', () => {
  const builtins = new Set(builtinModules);
  const HOST_PACKAGE = /^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)(\/|-|$)/;
  const offences: string[] = [];
  for (const [file, imports] of IMPORTS) {
    if (!file.startsWith('engine/')) continue;
    for (const i of imports) {
      if (i.spec.startsWith('node:') || builtins.has(i.spec.split('/')[0])) offences.push(`${file}: ${i.spec} (a Node built-in)`);
      else if (HOST_PACKAGE.test(i.spec)) offences.push(`${file}: ${i.spec} (an editor or LSP package)`);
      else if (i.target && !i.target.startsWith('engine/')) offences.push(`${file}: ${i.spec} (outside the engine)`);
    }
  }
  assert.deepEqual(offences, []);
});

/** Strongly connected groups of more than one node. */
function loops(nodes: string[], edges: (n: string) => Iterable<string>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return out;
}

test('no folder imports a sibling folder that imports it back, directly or round a loop', () => {
  const folders = [...new Set(FILES.flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))))];
  const found: string[] = [];
  for (const parent of ['.', ...folders]) {
    const children = folders.filter((f) => (parent === '.' ? !f.includes('/') : f.startsWith(`${parent}/`) && !f.slice(parent.length + 1).includes('/')));
    if (children.length < 2) continue;
    // A child stands for all it holds; an edge is any import from inside one child into another.
    const childOf = (file: string) => children.find((c) => file.startsWith(`${c}/`));
    const edges = new Map(children.map((c) => [c, new Set<string>()]));
    for (const [file, imports] of IMPORTS) {
      const from = childOf(file);
      if (!from) continue;
      for (const i of imports) {
        const to = i.target && childOf(i.target);
        if (to && to !== from) edges.get(from)!.add(to);
      }
    }
    for (const group of loops(children, (c) => edges.get(c)!)) found.push(group.join(' ↔ '));
  }
  assert.deepEqual(found, []);
});

/** Modules imported back by what they import: every import counts, `import type` too. */
function moduleLoops(imports: Map<string, Import[]>): string[][] {
  const targets = (f: string) => (imports.get(f) ?? []).filter((i) => i.target && imports.has(i.target)).map((i) => i.target!);
  return loops([...imports.keys()], targets);
}

test('no module is imported back by what it imports, not even for a type', () => {
  // A type-only loop costs nothing at run time, but it ties two modules so that neither can be
  // read, moved or tested without the other; the shared types go to a module of their own
  // (engine/grid/types.ts, engine/source/types.ts).
  assert.deepEqual(moduleLoops(IMPORTS), []);
});

test('the loop check sees a type-only loop: one injected into the real graph is reported', () => {
  // rows.ts imports grid/types.ts for its cell types; a type import back from types.ts to rows.ts
  // (the shape of the loop the types module broke) must be found.
  assert.ok(IMPORTS.get('engine/grid/rows.ts')!.some((i) => i.target === 'engine/grid/types.ts'));
  const injected = new Map(IMPORTS);
  injected.set('engine/grid/types.ts', [...(IMPORTS.get('engine/grid/types.ts') ?? []), { spec: './rows.ts', target: 'engine/grid/rows.ts', typeOnly: true }]);
  assert.deepEqual(moduleLoops(injected), [['engine/grid/rows.ts', 'engine/grid/types.ts']]);
});
