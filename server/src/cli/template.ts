// The title of a new design doc, from its file name. The document text itself is the engine's template
// (renderTemplate in engine/snippets.ts), the same one the editor's New Design Doc command uses.

/** "churn-prediction-design.md" -> "Churn Prediction Design"; a generic name gives no title (the template's own). */
export function titleFromFileName(base: string): string | undefined {
  const words = base.replace(/\.[^.]+$/, '').replace(/\.mldoc$/, '').split(/[-_.\s]+/).filter(Boolean);
  const title = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
  return title && !/^(ml )?design doc(ument)?$/i.test(title) ? title : undefined;
}
