// Help texts. Kept next to each other so that the options table reads as one page.
export const MAIN_HELP = `mldoc — check ML design docs against the ML-system lifecycle

Usage:
  mldoc check PATH|GLOB...      report findings (missing, thin, placeholder sections, ...)
  mldoc coverage PATH|GLOB...   show which lifecycle sections each document covers, and its score
  mldoc score PATH|GLOB...      design-time readiness (ML Test Score: data, model, infrastructure, monitoring)
  mldoc init [FILE]             write a new design doc from the profile's template (default design-doc.md)
  mldoc help COMMAND            help for one command
  mldoc --version

Exit codes: 0 no error-level finding; 1 an error-level finding, too many warnings or a score below
--min-score; 2 usage or configuration errors, missing or unreadable files.

Configuration: the nearest .mldoc.json, .mldoc.yaml or .mldoc.yml above each document (or --config FILE).
`;

const COMMON = `  -p, --profile ID       outline to check against (overrides the config file)
  -c, --config FILE      use this config file instead of looking for one next to each document
      --no-color         no colours (also when NO_COLOR is set or the output is not a terminal)
  -h, --help             this help`;

export const COMMAND_HELP: Record<string, string> = {
  check: `Usage: mldoc check [options] PATH|GLOB...

Checks design docs and prints each finding as
  file:line:col severity rule-id message
followed by a summary line. Hint-level findings are for the editor only (set a rule to info to see it
here). A PATH may be a file (always checked), a folder (its Markdown files that match
the config's "include" globs, default **/*design*.md, **/design-docs/**, **/*.mldoc.md, or that opt in with
front matter or a <!-- mldoc --> marker; node_modules and .git are skipped) or a quoted glob ("docs/**/*.md").

Options:
  -f, --format FORMAT    text (default), json, sarif (SARIF 2.1.0 for GitHub code scanning) or github
                         (workflow annotations)
  -q, --quiet            report errors only
      --max-warnings N   exit 1 when there are more than N warnings
      --min-score N      exit 1 when a document's coverage score (0-100) is below N
${COMMON}
`,
  coverage: `Usage: mldoc coverage [options] PATH|GLOB...

Prints, for each document, the lifecycle sections with their status (covered, thin, placeholder, empty,
mentioned, missing), the line of the heading that counts, and the document's coverage score (0-100).

Options:
  -f, --format FORMAT    text (default) or json:
                         {"files":[{"file":...,"sections":[{"id","status","title","score","line",...}]}]}
      --min-score N      exit 1 when a document's score is below N
${COMMON}
`,
  score: `Usage: mldoc score [options] PATH|GLOB...

Prints, for each document, its design-time readiness after Google's ML Test Score: 28 tests in four groups
(features and data, model development, ML infrastructure, monitoring), each scored 1 when the document plans
for it, 0.5 when it only mentions it, 0 when it says nothing; a group scores the sum of its seven tests and the
document the lowest group. Planned tests show where the document says so.

Options:
  -f, --format FORMAT    text (default) or json:
                         {"files":[{"file","score","max","groups":[...],"tests":[{"id","score","evidence"}]}]}
      --min-score N      exit 1 when a document's readiness score (0-7) is below N
${COMMON}
`,
  init: `Usage: mldoc init [options] [FILE]

Writes a new design doc with every section of the profile as a skeleton to fill in. FILE defaults to
design-doc.md in the current folder (or in FILE when it is a folder). An existing file is never overwritten.

Options:
${COMMON}
`,
};
