// What a request handler of server/requests/ is given by main.ts: the connection, the open
// documents, the checker (cached results) and the server's settings.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Checker, Env } from '../checker.ts';

export interface RequestContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  checker: Checker;
  env: Env;
}
