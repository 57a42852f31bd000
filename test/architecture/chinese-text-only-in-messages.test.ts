/**
 * Every user-facing Chinese text lives in src/messages/ (a typed catalogue of constants and render
 * functions). Elsewhere in src/**\/*.ts no string, template or regular-expression literal, and no
 * name (an object key such as `{ 今天: 0 }` is text too), may contain a Han character. Comments may keep
 * Chinese terms; data files (.yaml, .json) are not code and are not checked.
 *
 * Not checked:
 * - src/messages/: the catalogue itself.
 * - src/db/generated/: the generated Prisma client.
 * - src/sandbox/public/*.js: the sandbox page's static browser files, served as they are (they are
 *   not TypeScript and do not go through src/messages; the texts they show are part of that page).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXCLUDED = ['src/messages/', 'src/db/generated/'];
const HAN = /\p{Script=Han}/u;

/** Shown per violation: the literal as written, on one line and cut to a readable length. */
function shorten(source: string): string {
  const oneLine = source.replace(/\r?\n/g, '\\n');
  return oneLine.length > 120 ? `${oneLine.slice(0, 117)}...` : oneLine;
}

/** Every literal with a Han character in one file's source, as `file:line: text`. */
function chineseLiterals(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, at: ts.Node = node) => {
    const { line } = sf.getLineAndCharacterOfPosition(at.getStart(sf));
    found.push(`${file}:${line + 1}: ${shorten(node.getText(sf))}`);
  };
  // Both the value (escapes such as \u4e2d resolved) and the text as written.
  const hasHan = (node: ts.LiteralLikeNode) => HAN.test(node.text) || HAN.test(node.getText(sf));

  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isRegularExpressionLiteral(node)) {
      if (hasHan(node)) report(node);
      return;
    }
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) {
      if (HAN.test(node.text)) report(node);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      // Head, middles and tail are checked separately; the template is listed once, at its first Chinese part.
      const parts: ts.TemplateLiteralLikeNode[] = [node.head, ...node.templateSpans.map((s) => s.literal)];
      const first = parts.find(hasHan);
      if (first) report(node, first);
      // The substitutions may hold literals of their own.
      for (const span of node.templateSpans) visit(span.expression);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function sourceFiles(): string[] {
  return readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .map((f) => `src/${f.split(path.sep).join('/')}`)
    .filter((f) => f.endsWith('.ts') && !EXCLUDED.some((dir) => f.startsWith(dir)))
    .sort();
}

describe('Chinese text lives only in src/messages/', () => {
  it('finds every kind of literal and Chinese names, and no comment (self-test of the check)', () => {
    const planted = [
      "const a = '中文';",
      'const b = `无替换`;',
      'const c = `${a}头${b}中${a}尾`;',
      'const d = `${a} and ${b}：尾`;',
      'const e = /^请假/u;',
      "const f = '\\u4e2d';",
      '// 注释 is a comment',
      '/** 文档注释 */ const 标识符 = 1;',
      "const g = { 键: 'ascii', other: `x${'嵌套'}y` };",
      "const h = '（）：、'; // CJK punctuation alone is not Han",
    ].join('\n');
    expect(chineseLiterals('x.ts', planted)).toEqual([
      "x.ts:1: '中文'",
      'x.ts:2: `无替换`',
      'x.ts:3: `${a}头${b}中${a}尾`',
      'x.ts:4: `${a} and ${b}：尾`',
      'x.ts:5: /^请假/u',
      "x.ts:6: '\\u4e2d'",
      'x.ts:8: 标识符',
      'x.ts:9: 键',
      "x.ts:9: '嵌套'",
    ]);
  });

  it('has no literal or name with Chinese text outside src/messages/', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(50);
    const violations = files.flatMap((f) => chineseLiterals(f, readFileSync(path.join(ROOT, f), 'utf8')));
    expect(
      violations,
      `Chinese text outside src/messages/ (move it into the catalogue there):\n${violations.join('\n')}\n`,
    ).toEqual([]);
  });
});
