// Markdown -> mdast, as remark-parse reads it, without remark-parse's set-up on every call.
//
// remark-parse is micromark (the tokenizer) followed by mdast-util-from-markdown's compiler (events -> tree).
// Each call of `fromMarkdown` combines the micromark extensions into a new parser and builds a new compiler
// configuration (some 110 handlers, a closure each), and the compiler then copies its context object for every
// event it hands to a handler. The engine parses every chunk of a document separately (parse.ts), about 20
// per document: in the CLI on 210 files that set-up was ~0.2 s of ~2 s, and the tokenizer's and compiler's code
// ran unoptimised for longer because each parse made new closures for it.
//
// Here both halves are made once per reader and reused:
// - micromark's `parse(options)` gives a parser object whose only per-document state is `defined` (reference
//   definitions seen), `lazy` (lazy continuation lines, by line) and `gfmFootnotes` (footnote definitions
//   seen); they are reset before each document, so no document sees another's definitions.
// - The compiler is a port of mdast-util-from-markdown 2.1.0's `compiler` (MIT licence, (c) Titus Wormer;
//   https://github.com/syntax-tree/mdast-util-from-markdown), with the same handlers and the same extension
//   protocol (`enter`/`exit`/`canContainEols`/`transforms`), so the mdast extensions (GFM tables, footnotes,
//   strikethrough, task lists, front matter) plug in unchanged. Differences: the configuration is built once;
//   one context object per document (its `sliceSerialize` set per event) instead of a copy per event; a new
//   `data` object per document.
// test/unit/markdown-reader.test.ts compares the trees with remark-parse's, node for node with positions, on
// every Markdown file of the repository and the corpus, on generated documents, and across successive documents
// read by one reader. parse.ts falls back to remark-parse itself if this reader throws.
//
// The ported compiler (baseConfig, the handlers, prepareList, compileEvents) is under the licence of
// mdast-util-from-markdown:
//
// (The MIT License)
//
// Copyright (c) Titus Wormer <tituswormer@gmail.com>
//
// Permission is hereby granted, free of charge, to any person obtaining
// a copy of this software and associated documentation files (the
// 'Software'), to deal in the Software without restriction, including
// without limitation the rights to use, copy, modify, merge, publish,
// distribute, sublicense, and/or sell copies of the Software, and to
// permit persons to whom the Software is furnished to do so, subject to
// the following conditions:
//
// The above copyright notice and this permission notice shall be
// included in all copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED 'AS IS', WITHOUT WARRANTY OF ANY KIND,
// EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
// MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
// IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY
// CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT,
// TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE
// SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
import { parse, postprocess, preprocess } from 'micromark';
import type { Extension as MicromarkExtension } from 'micromark-util-types';
import { toString } from 'mdast-util-to-string';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { decodeString } from 'micromark-util-decode-string';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';

interface Point {
  line: number;
  column: number;
  offset?: number;
}

interface Token {
  type: string;
  start: Point;
  end: Point;
  _spread?: boolean;
}

interface TokenizeContext {
  sliceSerialize(token: Token, expandTabs?: boolean): string;
}

type Event = ['enter' | 'exit', Token, TokenizeContext];

/** An mdast node as the compiler builds it (the fields each handler sets; the tree is plain data). */
export interface MdastNode {
  type: string;
  children?: MdastNode[];
  value?: string;
  position?: { start: Point; end: Point | undefined };
  [key: string]: unknown;
}

type ErrorHandler = (this: CompileContext, left: Token | undefined, right: Token) => void;

interface CompileContext {
  stack: MdastNode[];
  tokenStack: [Token, ErrorHandler | undefined][];
  config: CompileConfig;
  enter(this: CompileContext, node: MdastNode, token: Token, onError?: ErrorHandler): void;
  exit(this: CompileContext, token: Token, onError?: ErrorHandler): void;
  buffer(this: CompileContext): void;
  resume(this: CompileContext): string;
  data: Record<string, unknown>;
  sliceSerialize: (token: Token, expandTabs?: boolean) => string;
}

type Handle = (this: CompileContext, token: Token) => void;
type Transform = (tree: MdastNode) => MdastNode | undefined | void;

interface CompileConfig {
  canContainEols: string[];
  transforms: Transform[];
  beforeEnter: Handle[];
  afterExit: Handle[];
  enter: Record<string, Handle>;
  exit: Record<string, Handle>;
}

/** What an mdast-util-* package's `...FromMarkdown()` returns (the parts the compiler reads). */
export interface MdastExtension {
  canContainEols?: string[];
  transforms?: Transform[];
  beforeEnter?: Handle;
  afterExit?: Handle;
  enter?: Record<string, Handle>;
  exit?: Record<string, Handle>;
}

const own = {}.hasOwnProperty;

function point(d: Point): Point {
  return { line: d.line, column: d.column, offset: d.offset };
}

// ----- The compile context's methods -----

function enter(this: CompileContext, node: MdastNode, token: Token, errorHandler?: ErrorHandler): void {
  const parent = this.stack[this.stack.length - 1]!;
  parent.children!.push(node);
  this.stack.push(node);
  this.tokenStack.push([token, errorHandler || undefined]);
  node.position = { start: point(token.start), end: undefined };
}

function exit(this: CompileContext, token: Token, onExitError?: ErrorHandler): void {
  const node = this.stack.pop()!;
  const open = this.tokenStack.pop();
  if (!open) throw new Error('Cannot close `' + token.type + '`: it’s not open');
  if (open[0].type !== token.type) {
    if (onExitError) onExitError.call(this, token, open[0]);
    else (open[1] || defaultOnError).call(this, token, open[0]);
  }
  node.position!.end = point(token.end);
}

function buffer(this: CompileContext): void {
  this.stack.push({ type: 'fragment', children: [] });
}

function resume(this: CompileContext): string {
  return toString(this.stack.pop());
}

function defaultOnError(this: CompileContext, left: Token | undefined, right: Token): void {
  if (left) throw new Error('Cannot close `' + left.type + '`: a different token (`' + right.type + '`) is open');
  throw new Error('Cannot close document, a token (`' + right.type + '`) is still open');
}

function opener(create: (token: Token) => MdastNode, and?: Handle): Handle {
  return function open(this: CompileContext, token: Token) {
    this.enter(create(token), token);
    if (and) and.call(this, token);
  };
}

function closer(and?: Handle): Handle {
  return function close(this: CompileContext, token: Token) {
    if (and) and.call(this, token);
    this.exit(token);
  };
}

// ----- Node factories -----

const blockQuote = (): MdastNode => ({ type: 'blockquote', children: [], position: undefined });
const codeFlow = (): MdastNode => ({ type: 'code', lang: null, meta: null, value: '', position: undefined });
const codeText = (): MdastNode => ({ type: 'inlineCode', value: '', position: undefined });
const definition = (): MdastNode => ({ type: 'definition', identifier: '', label: null, title: null, url: '', position: undefined });
const emphasis = (): MdastNode => ({ type: 'emphasis', children: [], position: undefined });
const heading = (): MdastNode => ({ type: 'heading', depth: 0, children: [], position: undefined });
const hardBreak = (): MdastNode => ({ type: 'break', position: undefined });
const html = (): MdastNode => ({ type: 'html', value: '', position: undefined });
const image = (): MdastNode => ({ type: 'image', title: null, url: '', alt: null, position: undefined });
const link = (): MdastNode => ({ type: 'link', title: null, url: '', children: [], position: undefined });
const list = (token: Token): MdastNode => ({ type: 'list', ordered: token.type === 'listOrdered', start: null, spread: token._spread, children: [], position: undefined });
const listItem = (token: Token): MdastNode => ({ type: 'listItem', spread: token._spread, checked: null, children: [], position: undefined });
const paragraph = (): MdastNode => ({ type: 'paragraph', children: [], position: undefined });
const strong = (): MdastNode => ({ type: 'strong', children: [], position: undefined });
const text = (): MdastNode => ({ type: 'text', value: '', position: undefined });
const thematicBreak = (): MdastNode => ({ type: 'thematicBreak', position: undefined });

// ----- Handlers (as in mdast-util-from-markdown) -----

function top(ctx: CompileContext, fromEnd = 1): MdastNode {
  return ctx.stack[ctx.stack.length - fromEnd]!;
}

/** A handler that takes the text buffered since the matching `buffer()` as the field of the node below it. */
function resumeInto(field: string): Handle {
  return function into(this: CompileContext) {
    const data = this.resume();
    top(this)[field] = data;
  };
}

function onenterlistordered(this: CompileContext): void {
  this.data['expectingFirstListItemValue'] = true;
}

function onenterlistitemvalue(this: CompileContext, token: Token): void {
  if (this.data['expectingFirstListItemValue']) {
    top(this, 2)['start'] = Number.parseInt(this.sliceSerialize(token), 10);
    this.data['expectingFirstListItemValue'] = undefined;
  }
}

function onexitcodefencedfence(this: CompileContext): void {
  // Exit if this is the closing fence.
  if (this.data['flowCodeInside']) return;
  this.buffer();
  this.data['flowCodeInside'] = true;
}

function onexitcodefenced(this: CompileContext): void {
  const data = this.resume();
  top(this).value = data.replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, '');
  this.data['flowCodeInside'] = undefined;
}

function onexitcodeindented(this: CompileContext): void {
  const data = this.resume();
  top(this).value = data.replace(/(\r?\n|\r)$/g, '');
}

function onexitdefinitionlabelstring(this: CompileContext, token: Token): void {
  const label = this.resume();
  const node = top(this);
  node['label'] = label;
  node['identifier'] = normalizeIdentifier(this.sliceSerialize(token)).toLowerCase();
}

function onexitatxheadingsequence(this: CompileContext, token: Token): void {
  const node = top(this);
  if (!node['depth']) node['depth'] = this.sliceSerialize(token).length;
}

function onexitsetextheadingtext(this: CompileContext): void {
  this.data['setextHeadingSlurpLineEnding'] = true;
}

function onexitsetextheadinglinesequence(this: CompileContext, token: Token): void {
  top(this)['depth'] = this.sliceSerialize(token).codePointAt(0) === 61 ? 1 : 2;
}

function onexitsetextheading(this: CompileContext): void {
  this.data['setextHeadingSlurpLineEnding'] = undefined;
}

function onenterdata(this: CompileContext, token: Token): void {
  const siblings = top(this).children!;
  let tail = siblings[siblings.length - 1];
  if (!tail || tail.type !== 'text') {
    tail = text();
    tail.position = { start: point(token.start), end: undefined };
    siblings.push(tail);
  }
  this.stack.push(tail);
}

function onexitdata(this: CompileContext, token: Token): void {
  const tail = this.stack.pop()!;
  tail.value += this.sliceSerialize(token);
  tail.position!.end = point(token.end);
}

function onexitlineending(this: CompileContext, token: Token): void {
  const context = top(this);
  // If we're at a hard break, include the line ending in there.
  if (this.data['atHardBreak']) {
    const tail = context.children![context.children!.length - 1]!;
    tail.position!.end = point(token.end);
    this.data['atHardBreak'] = undefined;
    return;
  }
  if (!this.data['setextHeadingSlurpLineEnding'] && this.config.canContainEols.includes(context.type)) {
    onenterdata.call(this, token);
    onexitdata.call(this, token);
  }
}

function onexithardbreak(this: CompileContext): void {
  this.data['atHardBreak'] = true;
}

function onexitlink(this: CompileContext): void {
  const node = top(this);
  // Note: there are also `identifier` and `label` fields on this link node! These are used / cleaned here.
  if (this.data['inReference']) {
    node.type += 'Reference';
    node['referenceType'] = this.data['referenceType'] || 'shortcut';
    delete node['url'];
    delete node['title'];
  } else {
    delete node['identifier'];
    delete node['label'];
  }
  this.data['referenceType'] = undefined;
}

function onexitlabeltext(this: CompileContext, token: Token): void {
  const string = this.sliceSerialize(token);
  const ancestor = top(this, 2);
  ancestor['label'] = decodeString(string);
  ancestor['identifier'] = normalizeIdentifier(string).toLowerCase();
}

function onexitlabel(this: CompileContext): void {
  const fragment = top(this);
  const value = this.resume();
  const node = top(this);
  // Assume a reference.
  this.data['inReference'] = true;
  if (node.type === 'link') node.children = fragment.children;
  else node['alt'] = value;
}

function onexitresource(this: CompileContext): void {
  this.data['inReference'] = undefined;
}

function onenterreference(this: CompileContext): void {
  this.data['referenceType'] = 'collapsed';
}

function onexitreferencestring(this: CompileContext, token: Token): void {
  const label = this.resume();
  const node = top(this);
  node['label'] = label;
  node['identifier'] = normalizeIdentifier(this.sliceSerialize(token)).toLowerCase();
  this.data['referenceType'] = 'full';
}

function onexitcharacterreferencemarker(this: CompileContext, token: Token): void {
  this.data['characterReferenceType'] = token.type;
}

function onexitcharacterreferencevalue(this: CompileContext, token: Token): void {
  const data = this.sliceSerialize(token);
  const type = this.data['characterReferenceType'];
  let value: string | false;
  if (type) {
    value = decodeNumericCharacterReference(data, type === 'characterReferenceMarkerNumeric' ? 10 : 16);
    this.data['characterReferenceType'] = undefined;
  } else {
    value = decodeNamedCharacterReference(data);
  }
  top(this).value += value as string;
}

function onexitcharacterreference(this: CompileContext, token: Token): void {
  const tail = this.stack.pop()!;
  tail.position!.end = point(token.end);
}

function onexitautolinkprotocol(this: CompileContext, token: Token): void {
  onexitdata.call(this, token);
  top(this)['url'] = this.sliceSerialize(token);
}

function onexitautolinkemail(this: CompileContext, token: Token): void {
  onexitdata.call(this, token);
  top(this)['url'] = 'mailto:' + this.sliceSerialize(token);
}

function baseConfig(): CompileConfig {
  return {
    afterExit: [],
    beforeEnter: [],
    transforms: [],
    canContainEols: ['emphasis', 'fragment', 'heading', 'paragraph', 'strong'],
    enter: {
      autolink: opener(link),
      autolinkProtocol: onenterdata,
      autolinkEmail: onenterdata,
      atxHeading: opener(heading),
      blockQuote: opener(blockQuote),
      characterEscape: onenterdata,
      characterReference: onenterdata,
      codeFenced: opener(codeFlow),
      codeFencedFenceInfo: buffer,
      codeFencedFenceMeta: buffer,
      codeIndented: opener(codeFlow, buffer),
      codeText: opener(codeText, buffer),
      codeTextData: onenterdata,
      data: onenterdata,
      codeFlowValue: onenterdata,
      definition: opener(definition),
      definitionDestinationString: buffer,
      definitionLabelString: buffer,
      definitionTitleString: buffer,
      emphasis: opener(emphasis),
      hardBreakEscape: opener(hardBreak),
      hardBreakTrailing: opener(hardBreak),
      htmlFlow: opener(html, buffer),
      htmlFlowData: onenterdata,
      htmlText: opener(html, buffer),
      htmlTextData: onenterdata,
      image: opener(image),
      label: buffer,
      link: opener(link),
      listItem: opener(listItem),
      listItemValue: onenterlistitemvalue,
      listOrdered: opener(list, onenterlistordered),
      listUnordered: opener(list),
      paragraph: opener(paragraph),
      reference: onenterreference,
      referenceString: buffer,
      resourceDestinationString: buffer,
      resourceTitleString: buffer,
      setextHeading: opener(heading),
      strong: opener(strong),
      thematicBreak: opener(thematicBreak),
    },
    exit: {
      atxHeading: closer(),
      atxHeadingSequence: onexitatxheadingsequence,
      autolink: closer(),
      autolinkEmail: onexitautolinkemail,
      autolinkProtocol: onexitautolinkprotocol,
      blockQuote: closer(),
      characterEscapeValue: onexitdata,
      characterReferenceMarkerHexadecimal: onexitcharacterreferencemarker,
      characterReferenceMarkerNumeric: onexitcharacterreferencemarker,
      characterReferenceValue: onexitcharacterreferencevalue,
      characterReference: onexitcharacterreference,
      codeFenced: closer(onexitcodefenced),
      codeFencedFence: onexitcodefencedfence,
      codeFencedFenceInfo: resumeInto('lang'),
      codeFencedFenceMeta: resumeInto('meta'),
      codeFlowValue: onexitdata,
      codeIndented: closer(onexitcodeindented),
      codeText: closer(resumeInto('value')),
      codeTextData: onexitdata,
      data: onexitdata,
      definition: closer(),
      definitionDestinationString: resumeInto('url'),
      definitionLabelString: onexitdefinitionlabelstring,
      definitionTitleString: resumeInto('title'),
      emphasis: closer(),
      hardBreakEscape: closer(onexithardbreak),
      hardBreakTrailing: closer(onexithardbreak),
      htmlFlow: closer(resumeInto('value')),
      htmlFlowData: onexitdata,
      htmlText: closer(resumeInto('value')),
      htmlTextData: onexitdata,
      image: closer(onexitlink),
      label: onexitlabel,
      labelText: onexitlabeltext,
      lineEnding: onexitlineending,
      link: closer(onexitlink),
      listItem: closer(),
      listOrdered: closer(),
      listUnordered: closer(),
      paragraph: closer(),
      referenceString: onexitreferencestring,
      resourceDestinationString: resumeInto('url'),
      resourceTitleString: resumeInto('title'),
      resource: onexitresource,
      setextHeading: closer(onexitsetextheading),
      setextHeadingLineSequence: onexitsetextheadinglinesequence,
      setextHeadingText: onexitsetextheadingtext,
      strong: closer(),
      thematicBreak: closer(),
    },
  };
}

function configure(combined: CompileConfig, extensions: readonly (MdastExtension | readonly MdastExtension[])[]): void {
  for (const value of extensions) {
    if (Array.isArray(value)) {
      configure(combined, value as readonly MdastExtension[]);
      continue;
    }
    const ext = value as MdastExtension;
    for (const key in ext) {
      if (!own.call(ext, key)) continue;
      switch (key) {
        case 'canContainEols':
          if (ext.canContainEols) combined.canContainEols.push(...ext.canContainEols);
          break;
        case 'transforms':
          if (ext.transforms) combined.transforms.push(...ext.transforms);
          break;
        case 'afterExit':
          if (ext.afterExit) combined.afterExit.push(ext.afterExit);
          break;
        case 'beforeEnter':
          if (ext.beforeEnter) combined.beforeEnter.push(ext.beforeEnter);
          break;
        case 'enter':
          if (ext.enter) Object.assign(combined.enter, ext.enter);
          break;
        case 'exit':
          if (ext.exit) Object.assign(combined.exit, ext.exit);
          break;
        default:
          break;
      }
    }
  }
}

/**
 * Turn the list's events into list items (mdast-util-from-markdown's `prepareList`): micromark has no list
 * item token; an item runs from its prefix to the last line ending before the next item or the list's end
 * that is not followed by only blank lines and container prefixes. Also marks loose (spread) items and lists.
 */
function prepareList(events: Event[], start: number): void {
  const end = events.length - 1;
  let index = start - 1;
  let containerBalance = -1;
  let listSpread = false;
  let item: Token | undefined;
  let lineIndex: number | undefined;
  let firstBlankLineIndex: number | undefined;
  let atMarker: boolean | undefined;
  const insertions: { at: number; event: Event }[] = [];
  while (++index <= end) {
    const event = events[index]!;
    switch (event[1].type) {
      case 'listUnordered':
      case 'listOrdered':
      case 'blockQuote':
        if (event[0] === 'enter') containerBalance++;
        else containerBalance--;
        atMarker = undefined;
        break;
      case 'lineEndingBlank':
        if (event[0] === 'enter') {
          if (item && !atMarker && !containerBalance && !firstBlankLineIndex) firstBlankLineIndex = index;
          atMarker = undefined;
        }
        break;
      case 'linePrefix':
      case 'listItemValue':
      case 'listItemMarker':
      case 'listItemPrefix':
      case 'listItemPrefixWhitespace':
        break;
      default:
        atMarker = undefined;
    }
    if (
      (!containerBalance && event[0] === 'enter' && event[1].type === 'listItemPrefix') ||
      (containerBalance === -1 && event[0] === 'exit' && (event[1].type === 'listUnordered' || event[1].type === 'listOrdered'))
    ) {
      if (item) {
        let tailIndex = index;
        lineIndex = undefined;
        while (tailIndex--) {
          const tailEvent = events[tailIndex]!;
          if (tailEvent[1].type === 'lineEnding' || tailEvent[1].type === 'lineEndingBlank') {
            if (tailEvent[0] === 'exit') continue;
            if (lineIndex) {
              events[lineIndex]![1].type = 'lineEndingBlank';
              listSpread = true;
            }
            tailEvent[1].type = 'lineEnding';
            lineIndex = tailIndex;
          } else if (
            tailEvent[1].type === 'linePrefix' ||
            tailEvent[1].type === 'blockQuotePrefix' ||
            tailEvent[1].type === 'blockQuotePrefixWhitespace' ||
            tailEvent[1].type === 'blockQuoteMarker' ||
            tailEvent[1].type === 'listItemIndent'
          ) {
            // Empty
          } else {
            break;
          }
        }
        if (firstBlankLineIndex && (!lineIndex || firstBlankLineIndex < lineIndex)) item._spread = true;
        // Fix position.
        item.end = Object.assign({}, lineIndex ? events[lineIndex]![1].start : event[1].end);
        insertions.push({ at: lineIndex || index, event: ['exit', item, event[2]] });
      }
      // Create a new list item.
      if (event[1].type === 'listItemPrefix') {
        const next: Token = { type: 'listItem', _spread: false, start: Object.assign({}, event[1].start), end: undefined as unknown as Point };
        item = next;
        insertions.push({ at: index, event: ['enter', next, event[2]] });
        firstBlankLineIndex = undefined;
        atMarker = true;
      }
    }
  }
  // Splice the insertions in (one pass: the events after `start` are re-pushed with the insertions between).
  const listEvents = events.splice(start);
  let insertion = 0;
  index = -1;
  while (++index < listEvents.length) {
    while (insertion < insertions.length && insertions[insertion]!.at === start + index) events.push(insertions[insertion++]!.event);
    events.push(listEvents[index]!);
  }
  events[start]![1]._spread = listSpread;
}

function compileEvents(config: CompileConfig, input: Event[]): MdastNode {
  let tree: MdastNode = { type: 'root', children: [], position: undefined };
  const context: CompileContext = {
    stack: [tree],
    tokenStack: [],
    config,
    enter,
    exit,
    buffer,
    resume,
    data: {},
    sliceSerialize: (input[0]?.[2] ?? { sliceSerialize: () => '' }).sliceSerialize,
  };
  const listStack: number[] = [];
  const events: Event[] = [];
  for (const event of input) {
    events.push(event);
    if (event[1].type === 'listOrdered' || event[1].type === 'listUnordered') {
      if (event[0] === 'enter') listStack.push(events.length - 1);
      else prepareList(events, listStack.pop()!);
    }
  }
  const hasBefore = config.beforeEnter.length > 0;
  const hasAfter = config.afterExit.length > 0;
  for (const event of events) {
    const handlers = event[0] === 'enter' ? config.enter : config.exit;
    const token = event[1];
    // The tokenizer's own method, called with `this` set to the compile context (as the original's copies do:
    // sliceSerialize does not read `this`).
    context.sliceSerialize = event[2].sliceSerialize;
    if (hasBefore && event[0] === 'enter') for (const l of config.beforeEnter) l.call(context, token);
    if (own.call(handlers, token.type)) handlers[token.type]!.call(context, token);
    if (hasAfter && event[0] === 'exit') for (const l of config.afterExit) l.call(context, token);
  }
  // Handle tokens still being open.
  if (context.tokenStack.length > 0) {
    const tail = context.tokenStack[context.tokenStack.length - 1]!;
    (tail[1] || defaultOnError).call(context, undefined, tail[0]);
  }
  tree.position = {
    start: point(events.length > 0 ? events[0]![1].start : { line: 1, column: 1, offset: 0 }),
    end: point(events.length > 0 ? events[events.length - 2]![1].end : { line: 1, column: 1, offset: 0 }),
  };
  for (const transform of config.transforms) tree = transform(tree) || tree;
  return tree;
}

/** micromark's parser object: the fields reset per document. */
interface Parser {
  defined: string[];
  lazy: Record<number, boolean>;
  gfmFootnotes?: string[];
  document(): { write(chunks: unknown[]): unknown[] };
}

/** A function from Markdown to its mdast tree, set up once with these extensions (as remark-parse with the
 * plugins that add them). Not re-entrant: the engine is single-threaded and a parse never calls another. */
export function createMarkdownReader(micromarkExtensions: readonly MicromarkExtension[], mdastExtensions: readonly unknown[]): (value: string) => MdastNode {
  const parser = parse({ extensions: micromarkExtensions as MicromarkExtension[] }) as unknown as Parser;
  const config = baseConfig();
  configure(config, mdastExtensions as MdastExtension[]);
  return (value: string) => {
    parser.defined = [];
    parser.lazy = {};
    parser.gfmFootnotes = undefined;
    const events = postprocess(parser.document().write(preprocess()(value, undefined, true)) as never) as unknown as Event[];
    return compileEvents(config, events);
  };
}
