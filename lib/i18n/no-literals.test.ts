/**
 * Every word a person reads comes from the message catalogue (lib/i18n/messages/{en,es}): this
 * scan of the components' and pages' syntax trees fails on a user-visible literal, i.e. JSX
 * text, a string in a JSX expression, or a visible attribute (aria-label, title, alt, ...)
 * written as a string containing letters.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'alt', 'placeholder', 'label']);
const HAS_WORD = /\p{L}{2,}/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === 'api' && dir === 'app' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(full) && !/\.test\.tsx?$/.test(full) ? [full] : [];
  });
}

/** "file:line: text" for each user-visible literal in one source file. */
export function visibleLiterals(file: string, source = readFileSync(file, 'utf8')): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push(`${file}:${line}: ${text.trim().slice(0, 60)}`);
  };
  const stringOf = (node: ts.Node | undefined): string | undefined =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && HAS_WORD.test(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && ts.isJsxElement(node.parent)) {
      const text = stringOf(node.expression);
      if (text && HAS_WORD.test(text)) report(node, text);
    }
    // One way to fill placeholders: interpolate() from lib/i18n/translate, not ad-hoc replaces.
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'replace') {
      const first = node.arguments[0];
      const pattern = first && (ts.isRegularExpressionLiteral(first) ? first.text : stringOf(first));
      if (pattern && /^\{|\\\{/.test(pattern)) report(node, `placeholder filled by hand: ${node.getText(sf)}`);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(sf))) {
      const init = node.initializer;
      const text = init && (ts.isStringLiteral(init) ? init.text : ts.isJsxExpression(init) ? stringOf(init.expression) : undefined);
      if (text && HAS_WORD.test(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('user-visible text', () => {
  it('the scan finds literals (it can fail)', () => {
    const sample = `export const A = () => <p title="Close">Hello <b>{'there'}</b>{t('ok')} — 3</p>;`;
    expect(visibleLiterals('sample.tsx', sample).map((s) => s.split(': ')[1])).toEqual(['Close', 'Hello', 'there']);
    expect(visibleLiterals('fill.tsx', `const x = m.a.replace('{n}', '1'); const y = m.b.replace(/\\{(\\w+)\\}/g, f);`)).toHaveLength(2);
  });

  it('no component or page writes words outside the message catalogue', () => {
    const files = [...sourceFiles('components'), ...sourceFiles('app')];
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap((f) => visibleLiterals(f))).toEqual([]);
  });
});
