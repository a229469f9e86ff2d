// The per-rule settings block of package.json (contributes.configuration › mldoc.rules): one property per rule
// with its severities, default and documentation link. Everything else in package.json is left as it is.
import type { RuleDef } from '../engine/rules/types';
import { ruleDocsUrl } from '../features/rule-docs';

export const PACKAGE_JSON_PATH = 'package.json';
export const RULE_SEVERITY_SETTINGS = ['off', 'hint', 'info', 'warning', 'error'] as const;

export function renderRuleSettings(rules: readonly RuleDef[]): Record<string, unknown> {
  return {
    type: 'object',
    default: {},
    scope: 'resource',
    markdownDescription:
      'Severity per rule: `off`, `hint`, `info`, `warning` or `error`. Rules not listed keep their default. ' +
      'Inline comments such as `<!-- mldoc-disable-next-line RULE -->` turn a rule off in one place.',
    properties: Object.fromEntries(
      rules.map((r) => [
        r.id,
        {
          type: 'string',
          enum: [...RULE_SEVERITY_SETTINGS],
          enumDescriptions: ['Not checked.', 'Shown as a hint (dots under the text).', 'Reported as information.', 'Reported as a warning.', 'Reported as an error.'],
          default: r.defaultSeverity,
          markdownDescription: `${r.description} [Documentation](${ruleDocsUrl(r.id)})`,
        },
      ]),
    ),
    additionalProperties: false,
  };
}

interface PackageShape {
  contributes?: { configuration?: { properties?: Record<string, unknown> } };
}

/** package.json with the mldoc.rules block replaced (or added), formatted as npm formats it. */
export function renderPackageJson(current: string, rules: readonly RuleDef[]): string {
  const pkg = JSON.parse(current) as PackageShape;
  const contributes = (pkg.contributes ??= {});
  const configuration = (contributes.configuration ??= {});
  const properties = (configuration.properties ??= {});
  properties['mldoc.rules'] = renderRuleSettings(rules);
  return JSON.stringify(pkg, null, 2) + '\n';
}
