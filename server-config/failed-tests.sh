#!/usr/bin/env bash
# Prints, after a failed build, each failed test with its message and the first lines of its trace or of the Node
# suite's failing report, so that the tail of a CI log names what failed (Maven's own summary is far above it when the
# Payara run follows the WildFly one). Reads the JUnit XML reports under target/.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

shopt -s nullglob globstar
reports=(target/surefire-reports/**/TEST-*.xml target/failsafe-reports/**/TEST-*.xml)
failed=0
for report in "${reports[@]}"; do
  grep -qE '<(failure|error)[ >]' "$report" || continue
  failed=1
  echo "=== FAILED in ${report#target/}"
  # the message and up to 15 lines of each failure or error
  awk '/<(failure|error)[ >]/ { shown = 0; printing = 1 }
       printing && shown < 15 { print; shown++ }
       /<\/(failure|error)>/ { printing = 0 }' "$report" | cut -c1-300
  # a Node suite's own report names its failing tests with a cross
  grep -E '^\s*✖' "$report" | head -20 | cut -c1-300
done
((failed)) || echo "no failed test in the reports under target/ (the build failed elsewhere; see above)"
