// The core speaks no platform's words: no string in src/ writes a command's syntax ("/brief …")
// or a platform's name for its admins. Replies carry CommandRef/AdminRef (src/model/text.ts)
// and each adapter renders them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/temp-engine.js';

const FORBIDDEN = [/\/brief/i, /workspace admin/i, /server admin/i];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every string, template and regular expression literal in a file, import paths aside (comments are not scanned). */
function literals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    const specifier = node.parent !== undefined && (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent) || (ts.isCallExpression(node.parent) && node.parent.expression.kind === ts.SyntaxKind.ImportKeyword));
    if ((ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isRegularExpressionLiteral(node)) && !specifier) out.push(node.getText(source));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('src/ speaks no platform words', () => {
  it('no string in src/ names a command syntax or a platform vocabulary', () => {
    const offenders = files(path.join(PROJECT_ROOT, 'src')).flatMap((f) =>
      literals(f)
        .filter((text) => FORBIDDEN.some((re) => re.test(text)))
        .map((text) => `${path.relative(PROJECT_ROOT, f)}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the scan sees template parts and regular expressions', () => {
    const dir = path.join(PROJECT_ROOT, 'tests', 'architecture');
    const probe = path.join(dir, 'no-platform-words.test.ts');
    expect(literals(probe).some((t) => t.includes('workspace admin'))).toBe(true);
  });
});
