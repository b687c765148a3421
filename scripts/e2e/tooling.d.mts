// Types for tooling.mjs (imported by the TypeScript test entries in test/e2e/).
export declare const REPO: string;
export declare const CACHE: string;
export declare const NODE24_BIN: string;
export declare const CODE_SERVER: string;
export declare const CHROMIUM: string;
export declare const ARTIFACTS: string;
export declare function missingEditorTooling(): string[];
export declare function missingNvimTooling(): string[];
export declare const SETUP_HINT: string;
