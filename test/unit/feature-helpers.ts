// Helpers for feature tests on in-memory text: a `$$CURSOR$$` marker gives the cursor offset.
import { analyze, type Analysis } from '../../server/src/engine';

export const CURSOR = '$$CURSOR$$';

export function withCursor(source: string): { text: string; offset: number } {
  const offset = source.indexOf(CURSOR);
  if (offset < 0) throw new Error('no $$CURSOR$$ marker in the test text');
  return { text: source.slice(0, offset) + source.slice(offset + CURSOR.length), offset };
}

export function analyzeAt(source: string): { analysis: Analysis; offset: number; text: string } {
  const { text, offset } = withCursor(source);
  return { analysis: analyze(text), offset, text };
}

/** A design doc with Problem and Data sections (Data with one subsection), and nothing after. */
export const PARTIAL_DOC = `---
mldoc: true
---

# Fraud detection

## Problem Definition

We want to cut card fraud losses by 20% this year. Success is measured as chargeback rate on the
monthly report, with a precision target of 0.9 at the current review capacity of the fraud team.

## Data

Card transactions from the payments warehouse, labelled by chargebacks that arrive up to 60 days later.
We join merchant and device tables and keep twelve months of history for training and evaluation.

### Data Sources

The payments warehouse, the chargeback feed from the card networks and the device fingerprint service.
`;
