// Shapes of input on which remark (micromark) is quadratic or worse. A chunk that shows one is read with the
// line scan instead of being parsed, so that no input can hang the engine. Cheap: one pass over the text.
export interface Risk {
  readonly risky: boolean;
  readonly reason?: string;
}

/** Largest chunk remark is given at all. */
export const MAX_REMARK_CHUNK = 512 * 1024;

export function assessRisk(text: string): Risk {
  if (text.length > MAX_REMARK_CHUNK) return { risky: true, reason: `a section of ${text.length} characters` };
  let lineStart = true;
  let quoteDepth = 0;
  let maxQuote = 0;
  let brackets = 0;
  let maxBrackets = 0;
  let emphasisRun = 0;
  let maxEmphasis = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      quoteDepth = 0;
      emphasisRun = 0;
      continue;
    }
    if (lineStart) {
      if (c === 62 /* > */) {
        quoteDepth++;
        if (quoteDepth > maxQuote) maxQuote = quoteDepth;
        continue;
      }
      if (c !== 32 && c !== 9) lineStart = false;
    }
    if (c === 91 /* [ */) {
      brackets++;
      if (brackets > maxBrackets) maxBrackets = brackets;
    } else if (c === 93 /* ] */) {
      if (brackets > 0) brackets--;
    } else if (c === 42 /* * */ || c === 95 /* _ */) {
      emphasisRun++;
      if (emphasisRun > maxEmphasis) maxEmphasis = emphasisRun;
    }
  }
  if (maxQuote > 200) return { risky: true, reason: `blockquotes nested ${maxQuote} deep` };
  if (maxBrackets > 500) return { risky: true, reason: `${maxBrackets} unclosed brackets` };
  if (maxEmphasis > 2000) return { risky: true, reason: `${maxEmphasis} emphasis markers on one line` };
  return { risky: false };
}
