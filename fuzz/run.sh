#!/usr/bin/env bash
# Coverage-guided fuzzing of one Jazzer target for a given number of minutes.
#
#   fuzz/run.sh MODULE:CLASS#METHOD MINUTES
#   fuzz/run.sh revont:RevontFuzzTest#receive 5
#   fuzz/run.sh --list
#
# TARGET names the Maven module, the fuzz test's simple class name and its @FuzzTest method. The
# module is built with core in one reactor (so it fuzzes the core in this work tree), in its own
# build directory (FUZZ_BUILD_DIR, default target-fuzzing-<Class>-<method>), so two targets can be
# fuzzed side by side. Jazzer fuzzes one test per JVM (JAZZER_FUZZ=1) and stops at the first finding.
#
# Files: a finding is written by Jazzer as a crash-<sha1> file into the test's inputs directory,
# src/test/resources/<package>/<Class>Inputs/<method>/, where plain `mvn verify` replays it until it
# is fixed. The generated corpus is kept between runs in fuzz/.cifuzz-corpus/<module>/ and only
# moved into the module for the run, so plain `mvn verify` replays just the committed seeds.
# Output: the run's log is <module>/<build dir>/fuzz-<Class>-<method>.log; the script ends with
# the executions, the corpus size and any finding.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
modules=(core revont revrag revring revdesk)

list_targets() {
    for module in "${modules[@]}"; do
        grep -l '@FuzzTest' -r "$root/$module/src/test/java" 2>/dev/null | sort | while read -r file; do
            class="$(basename "$file" .java)"
            grep -A1 '@FuzzTest' "$file" | grep -o 'void [A-Za-z0-9_]*' | sed 's/void //' | while read -r method; do
                echo "$module:$class#$method"
            done
        done
    done
}

if [[ "${1:-}" == "--list" ]]; then
    list_targets
    exit 0
fi
if [[ $# -ne 2 || ! "$2" =~ ^[0-9]+$ || "$2" -lt 1 || ! "$1" =~ ^([a-z]+):([A-Za-z0-9_]+)#([A-Za-z0-9_]+)$ ]]; then
    echo "usage: fuzz/run.sh MODULE:CLASS#METHOD MINUTES   (fuzz/run.sh --list shows the targets)" >&2
    exit 2
fi
module="${BASH_REMATCH[1]}"
class="${BASH_REMATCH[2]}"
method="${BASH_REMATCH[3]}"
minutes="$2"
source_file="$(find "$root/$module/src/test/java" -name "$class.java" 2>/dev/null | head -n 1)"
if [[ -z "$source_file" ]] || ! grep -qxF "$module:$class#$method" <<< "$(list_targets)"; then
    echo "unknown target $1; fuzz/run.sh --list shows the targets" >&2
    exit 2
fi
package="$(sed -n 's/^package \([a-z0-9.]*\);.*/\1/p' "$source_file")"
build_dir="${FUZZ_BUILD_DIR:-target-fuzzing-$class-$method}"
inputs="$root/$module/src/test/resources/${package//.//}/${class}Inputs/$method"
corpus="$root/$module/.cifuzz-corpus/$package.$class/$method"
kept="$root/fuzz/.cifuzz-corpus/$module/$package.$class/$method"
log="$root/$module/$build_dir/fuzz-$class-$method.log"

# Bring back the corpus of earlier runs; put it away again however the run ends.
mkdir -p "$(dirname "$corpus")" "$inputs"
if [[ -d "$kept" && ! -d "$corpus" ]]; then
    mv "$kept" "$corpus"
fi
put_corpus_away() {
    if [[ -d "$corpus" ]]; then
        rm -rf "$kept"
        mkdir -p "$(dirname "$kept")"
        mv "$corpus" "$kept"
    fi
    rmdir "$(dirname "$corpus")" "$root/$module/.cifuzz-corpus" 2>/dev/null || true
}
trap put_corpus_away EXIT

before="$(mktemp)"
ls "$inputs" > "$before"
projects="core"
if [[ "$module" != core ]]; then
    projects="core,$module"
fi
mkdir -p "$(dirname "$log")"
echo "fuzzing $module:$class#$method for $minutes min; log: $log"
status=0
(cd "$root" && JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${minutes}m" mvn -B -ntp -pl "$projects" \
    -Dbuild.dir.name="$build_dir" -Dtest="$class#$method" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dmaven.javadoc.skip=true test) > "$log" 2>&1 || status=$?

executions="$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#' || true)"
done_line="$(grep -E '^Done [0-9]+ runs' "$log" | tail -n 1 || true)"
echo "target:     $module:$class#$method"
echo "executions: ${executions:-unknown}${done_line:+ ($done_line)}"
echo "corpus:     $(find "$corpus" -type f 2>/dev/null | wc -l) inputs"
findings="$(ls "$inputs" | grep -vxF -f "$before" || true)"
rm -f "$before"
if [[ -n "$findings" ]]; then
    echo "findings:   new inputs in ${inputs#"$root"/}:"
    echo "$findings" | sed 's/^/  /'
    grep -E '^== Java Exception|^Caused by|FuzzerSecurityIssue|AssertionError|Exception:' "$log" | head -n 12 | sed 's/^/  /'
else
    echo "findings:   none"
fi
if [[ $status -ne 0 ]]; then
    echo "maven exited with status $status (see the log)"
fi
exit $status
