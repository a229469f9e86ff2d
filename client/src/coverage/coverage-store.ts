// Holds the coverage of the active Markdown editor's document and refetches it when the server says it changed or
// the active editor changes. Keeps the previous result until a new one arrives, drops answers that a newer request
// overtook, and fires once per real change, so the tree never flickers through an empty state.
import * as vscode from 'vscode';
import type { CoverageResult } from '../../../server/src/protocol';

export interface CoverageSource {
  getCoverage(uri: string): Promise<CoverageResult>;
  onCoverageChanged(listener: (uri: string) => void): vscode.Disposable;
}

const trackedSchemes = new Set(['file', 'untitled']);

export function isTrackedDocument(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return !!document && document.languageId === 'markdown' && trackedSchemes.has(document.uri.scheme);
}

/** Equal apart from the document version: re-rendering the same tree would only flicker. */
function sameContent(a: CoverageResult | undefined, b: CoverageResult | undefined): boolean {
  const withoutVersion = (result: CoverageResult | undefined) => (result ? { ...result, version: null } : result);
  return JSON.stringify(withoutVersion(a)) === JSON.stringify(withoutVersion(b));
}

export class CoverageStore implements vscode.Disposable {
  private activeUri: string | undefined;
  private result: CoverageResult | undefined;
  private generation = 0;
  private latest: Promise<void> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<CoverageResult | undefined>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  /** Fires with the new result (undefined: no design doc is active) only when it differs from the previous one. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly source: CoverageSource,
    private readonly log: (message: string) => void,
  ) {
    this.subscriptions.push(
      source.onCoverageChanged((uri) => {
        if (uri === this.activeUri) void this.refresh();
      }),
    );
  }

  get current(): CoverageResult | undefined {
    return this.result;
  }

  get uri(): string | undefined {
    return this.activeUri;
  }

  /** Follows the active editor: Markdown documents are asked about, anything else clears the coverage. */
  setActiveDocument(document: vscode.TextDocument | undefined): Promise<void> {
    const uri = isTrackedDocument(document) ? document.uri.toString() : undefined;
    if (uri === this.activeUri && (uri === undefined || this.result?.uri === uri)) return this.settled();
    this.activeUri = uri;
    return this.refresh();
  }

  /** Refetches the active document's coverage. Only the latest request's answer is shown; resolves once it is. */
  refresh(): Promise<void> {
    const generation = ++this.generation;
    const uri = this.activeUri;
    this.latest = this.fetch(uri, generation);
    return this.settled();
  }

  private async fetch(uri: string | undefined, generation: number): Promise<void> {
    if (uri === undefined) {
      this.publish(undefined);
      return;
    }
    try {
      const result = await this.source.getCoverage(uri);
      if (generation === this.generation) this.publish(result);
    } catch (error) {
      this.log(`Coverage request for ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (generation === this.generation && this.result?.uri !== uri) this.publish(undefined);
    }
  }

  /** Resolves when the latest fetch, including any started while waiting, has settled. */
  private async settled(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.latest;
      await current;
    } while (current !== this.latest);
  }

  private publish(result: CoverageResult | undefined): void {
    const same = sameContent(result, this.result);
    this.result = result;
    if (!same) this.changed.fire(result);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
