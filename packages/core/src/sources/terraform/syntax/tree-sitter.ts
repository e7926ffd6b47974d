import { createRequire } from 'node:module';
import type { Parser, Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);

let parserPromise: Promise<Parser> | undefined;

/**
 * The Terraform grammar's parser, loaded once per thread on first use (the WASM start-up costs about 300 ms, and a
 * scan served from the parse cache never needs it).
 */
function terraformParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    const { Language, Parser } = await import('web-tree-sitter');
    await Parser.init();
    const grammar = require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
    const language = await Language.load(grammar);
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

/** Parses Terraform (HCL native syntax) into a concrete syntax tree with positions. The caller deletes the tree. */
export async function parseTerraformSyntax(text: string): Promise<Tree> {
  const parser = await terraformParser();
  const tree = parser.parse(text);
  if (!tree) throw new Error('the HCL parser returned no tree');
  return tree;
}
