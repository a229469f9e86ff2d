// Markdown -> flat list of blocks. The document is first cut into chunks at ATX heading lines by a fence-,
// comment- and front-matter-aware line scan; each chunk is parsed by remark on its own. That keeps remark's
// superlinear cost bounded by the largest section, lets a caller reuse the parse of unchanged chunks (cache
// keyed by chunk text), and lets a chunk whose shape is risky for remark fall back to the line scan.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Block, Span } from './types';
import { assessRisk } from './risk';

export interface Chunk {
  readonly start: number;
  readonly text: string;
}

/** Parsed chunk with offsets relative to the chunk start. */
export interface ParsedChunk {
  readonly blocks: readonly Block[];
  readonly degraded: boolean;
}

/** Reuse of chunk parses between analyses of successive versions of a document. */
export interface ParseCache {
  get(text: string): ParsedChunk | undefined;
  set(text: string, parsed: ParsedChunk): void;
}

/** A small cache that keeps the chunks seen in the last two analyses. */
export function createParseCache(): ParseCache & { roll(): void } {
  let current = new Map<string, ParsedChunk>();
  let previous = new Map<string, ParsedChunk>();
  return {
    get(text) {
      const hit = current.get(text) ?? previous.get(text);
      if (hit) current.set(text, hit);
      return hit;
    },
    set(text, parsed) {
      current.set(text, parsed);
    },
    roll() {
      previous = current;
      current = new Map();
    },
  };
}

const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Cut the text into chunks, each starting at an ATX heading line (the first may start anywhere). */
export function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let pos = 0;
  let fence: { char: string; len: number } | undefined;
  let inComment = false;
  let lineNo = 0;
  let inFrontMatter = false;
  while (pos < text.length) {
    let nl = pos;
    while (nl < text.length && text.charCodeAt(nl) !== 10 && text.charCodeAt(nl) !== 13) nl++;
    const line = text.slice(pos, nl);
    let next = nl;
    if (text.charCodeAt(next) === 13) {
      next++;
      if (text.charCodeAt(next) === 10) next++;
    } else if (text.charCodeAt(next) === 10) next++;

    if (lineNo === 0 && /^(---|\+\+\+)\s*$/.test(line.replace(/^\uFEFF/, ''))) {
      inFrontMatter = true;
    } else if (inFrontMatter) {
      if (/^(---|\.\.\.|\+\+\+)\s*$/.test(line)) inFrontMatter = false;
    } else if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.len && m[2]!.trim() === '') fence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else {
      const f = FENCE.exec(line);
      if (f && !(f[1]![0] === '`' && f[2]!.includes('`'))) {
        fence = { char: f[1]![0]!, len: f[1]!.length };
      } else if (/^ {0,3}<!--/.test(line) && !line.slice(line.indexOf('<!--') + 4).includes('-->')) {
        inComment = true;
      } else if (ATX.test(line) && pos > chunkStart) {
        chunks.push({ start: chunkStart, text: text.slice(chunkStart, pos) });
        chunkStart = pos;
      }
    }
    pos = next;
    lineNo++;
  }
  chunks.push({ start: chunkStart, text: text.slice(chunkStart) });
  return chunks;
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  ordered?: boolean | null;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

function plainText(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'html') return '';
  if (node.type === 'break') return ' ';
  if (!node.children) return '';
  return node.children.map(plainText).join('');
}

function spanOf(node: MdNode): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

function leadingStrong(children: readonly MdNode[] | undefined): string | undefined {
  if (!children) return undefined;
  const first = children.find((c) => !(c.type === 'text' && (c.value ?? '').trim() === ''));
  if (!first || first.type !== 'strong') return undefined;
  const t = plainText(first).trim();
  return t || undefined;
}

const COMMENT_ONLY = /^\s*<!--[\s\S]*-->\s*$/;

function flatten(node: MdNode, out: Block[], listDepth: number): void {
  for (const child of node.children ?? []) {
    switch (child.type) {
      case 'heading':
        out.push({ kind: 'heading', depth: child.depth ?? 1, text: plainText(child).trim(), span: spanOf(child), strongLead: leadingStrong(child.children) });
        break;
      case 'paragraph':
        out.push({ kind: 'paragraph', depth: 0, text: plainText(child).trim(), span: spanOf(child), strongLead: leadingStrong(child.children) });
        break;
      case 'list':
        for (const item of child.children ?? []) {
          const [first, ...rest] = item.children ?? [];
          const lead = first && first.type === 'paragraph' ? first : undefined;
          out.push({
            kind: 'list-item',
            depth: listDepth + 1,
            text: lead ? plainText(lead).trim() : '',
            span: spanOf(item),
            strongLead: lead ? leadingStrong(lead.children) : undefined,
            ordered: child.ordered === true,
          });
          flatten({ type: 'root', children: lead ? rest : item.children ?? [] }, out, listDepth + 1);
        }
        break;
      case 'blockquote':
        out.push({ kind: 'blockquote', depth: 0, text: '', span: spanOf(child) });
        flatten(child, out, listDepth);
        break;
      case 'code':
        out.push({ kind: 'code', depth: 0, text: child.value ?? '', span: spanOf(child) });
        break;
      case 'html': {
        const value = child.value ?? '';
        out.push({ kind: 'html', depth: 0, text: value, span: spanOf(child), comment: COMMENT_ONLY.test(value) });
        break;
      }
      case 'table':
        out.push({ kind: 'table', depth: 0, text: (child.children ?? []).map((row) => (row.children ?? []).map(plainText).join(' | ')).join('\n'), span: spanOf(child) });
        break;
      case 'yaml':
      case 'toml':
        out.push({ kind: 'front-matter', depth: 0, text: child.value ?? '', span: spanOf(child) });
        break;
      case 'thematicBreak':
        out.push({ kind: 'thematic-break', depth: 0, text: '', span: spanOf(child) });
        break;
      case 'definition':
      case 'footnoteDefinition':
        out.push({ kind: 'definition', depth: 0, text: plainText(child), span: spanOf(child) });
        break;
      default:
        break;
    }
  }
}

export function parseWithRemark(text: string): Block[] {
  const tree = processor.parse(text) as unknown as MdNode;
  const out: Block[] = [];
  flatten(tree, out, 0);
  return out;
}

/** The cheap outline: ATX headings and paragraphs by lines. Used when a chunk is too risky for remark. */
export function parseWithLineScan(text: string): Block[] {
  const out: Block[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  let para: { start: number; end: number; lines: string[] } | undefined;
  const flush = () => {
    if (para) out.push({ kind: 'paragraph', depth: 0, text: para.lines.join(' ').trim(), span: { start: para.start, end: para.end } });
    para = undefined;
  };
  while ((m = re.exec(text)) !== null) {
    if (m[0] === '') break;
    const raw = m[0].replace(/[\r\n]+$/, '');
    const start = m.index;
    const end = start + raw.length;
    const h = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(raw);
    if (h) {
      flush();
      out.push({ kind: 'heading', depth: h[1]!.length, text: (h[2] ?? '').replace(/[*_`]/g, '').trim(), span: { start, end } });
    } else if (raw.trim() === '') {
      flush();
    } else if (para) {
      para.lines.push(raw);
      para.end = end;
    } else {
      para = { start, end, lines: [raw] };
    }
  }
  flush();
  return out;
}

export function parseChunk(text: string): ParsedChunk {
  if (assessRisk(text).risky) return { blocks: parseWithLineScan(text), degraded: true };
  try {
    return { blocks: parseWithRemark(text), degraded: false };
  } catch {
    return { blocks: parseWithLineScan(text), degraded: true };
  }
}

export interface ParsedDocument {
  readonly blocks: readonly Block[];
  readonly degraded: readonly Span[];
}

export function parseDocument(text: string, cache?: ParseCache): ParsedDocument {
  const blocks: Block[] = [];
  const degraded: Span[] = [];
  for (const chunk of splitChunks(text)) {
    let parsed = cache?.get(chunk.text);
    if (!parsed) {
      parsed = parseChunk(chunk.text);
      cache?.set(chunk.text, parsed);
    }
    if (parsed.degraded) degraded.push({ start: chunk.start, end: chunk.start + chunk.text.length });
    for (const b of parsed.blocks) {
      blocks.push(chunk.start === 0 ? b : { ...b, span: { start: b.span.start + chunk.start, end: b.span.end + chunk.start } });
    }
  }
  return { blocks, degraded };
}
