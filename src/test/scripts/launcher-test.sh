#!/usr/bin/env bash
# The launcher installed the way the README says: copied with the CLI jar into an empty folder, no
# source checkout around it. Checks that
#   - the first run builds the JVM cache in $XDG_CACHE_HOME/monitoring-readback-plan/, the second
#     uses it (classes come from the cache: -Xlog:class+load) without training again;
#   - nothing is ever written beside the launcher, nor in the working folder but what was asked;
#   - with a cache folder that cannot be written, and with a jar whose training fails, it still
#     runs (plain java -jar): exit 0, the same output as `java -jar`; a failed training is not
#     repeated on the next run.
#
# Usage: launcher-test.sh LAUNCHER CLI_JAR UNTRAINABLE_CLI_JAR SNAPSHOT
# (UNTRAINABLE_CLI_JAR: the CLI jar without its training input.) JAVA_HOME selects the JDK.
# Exit status 0 when every check passed; each failure is reported on standard error.
set -euo pipefail

absolute() { if [[ $1 == /* ]]; then echo "$1"; else echo "$PWD/$1"; fi; }
launcher=$(absolute "$1") jar=$(absolute "$2") untrainable=$(absolute "$3") snapshot=$(absolute "$4")
java=${JAVA_HOME:?set JAVA_HOME}/bin/java
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
export HOME=$tmp/home
mkdir -p "$HOME" "$tmp/work"
unset MRP_JAR MRP_CACHE_DIR MRP_JAVA_OPTS MRP_NO_CACHE JAVA_TOOL_OPTIONS
cp "$snapshot" "$tmp/work/snapshot.json"
jar_name=monitoring-readback-plan-0.1.0-cli.jar

install() { # install FOLDER JAR: the two files, as the README says
    mkdir -p "$1"
    cp "$launcher" "$1/monitoring-readback-plan"
    chmod 755 "$1/monitoring-readback-plan"
    cp "$2" "$1/$jar_name"
}
listing() { # everything under a folder, with sizes and modification times
    find "$1" -printf '%P %s %T@\n' | sort
}
args=(--root "$tmp/work" --source-report snapshot.json --generated-at 2026-01-01T00:00:00+08:00
    --git-commit unknown)

# What a plain `java -jar` writes: every run below must write the same.
(cd "$tmp/work" && "$java" -jar "$jar" "${args[@]}" > "$tmp/expected.out" 2> "$tmp/expected.err")
[[ -s $tmp/expected.out ]] || fail "java -jar wrote no plan"
work_before=$(listing "$tmp/work")

run() { # run NAME INSTALL_FOLDER [env...]: runs the launcher from the work folder, checks its output
    local name=$1 folder=$2
    shift 2
    local status=0
    (cd "$tmp/work" && env "$@" "$folder/monitoring-readback-plan" "${args[@]}" \
        > "$tmp/$name.out" 2> "$tmp/$name.err") || status=$?
    [[ $status == 0 ]] || fail "$name: exit status $status, expected 0; standard error: $(head -c 2000 "$tmp/$name.err")"
    cmp -s "$tmp/expected.out" "$tmp/$name.out" || fail "$name: standard output differs from java -jar's"
    # JAVA_TOOL_OPTIONS makes the JVM say so on standard error; nothing else may differ.
    grep -v '^Picked up JAVA_TOOL_OPTIONS' "$tmp/$name.err" | cmp -s "$tmp/expected.err" - \
        || fail "$name: standard error differs from java -jar's: $(head -c 2000 "$tmp/$name.err")"
}
caches() { # the cache files in a folder, one a line
    find "$1" -maxdepth 1 -type f \( -name '*.jsa' -o -name '*.aot' \) -printf '%f %i %T@\n' 2>/dev/null | sort
}

# 1. First run: builds the cache, in the user's cache folder only.
install "$tmp/install" "$jar"
install_before=$(listing "$tmp/install")
cache_dir=$tmp/xdg/monitoring-readback-plan
run first "$tmp/install" XDG_CACHE_HOME="$tmp/xdg"
first_caches=$(caches "$cache_dir")
[[ $(wc -l <<< "$first_caches") == 1 && -n $first_caches ]] || fail "first run: expected one cache file in the cache folder, found: ${first_caches:-none}"
leftovers=$(find "$cache_dir" -mindepth 1 -maxdepth 1 ! -name '*.jsa' ! -name '*.aot' 2>/dev/null)
[[ -z $leftovers ]] || fail "first run: left behind in the cache folder: $leftovers"

# 2. Second run: uses that cache (classes loaded from it), no new training (one JVM, one log).
run second "$tmp/install" XDG_CACHE_HOME="$tmp/xdg" JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$tmp/second-%p.log"
[[ $(caches "$cache_dir") == "$first_caches" ]] || fail "second run: the cache was rebuilt or changed"
logs=("$tmp"/second-*.log)
[[ ${#logs[@]} == 1 ]] || fail "second run: ${#logs[@]} JVMs ran, expected 1 (no training)"
grep -q 'dev\.readbackplan\.cli\.Cli source: shared objects file' "${logs[@]}" \
    || fail "second run: the CLI's classes were not loaded from the cache"
grep -q 'dev\.readbackplan\.cli\.Main source: shared objects file' "${logs[@]}" \
    || fail "second run: the entry point was not loaded from the cache"

# 3. A cache folder that cannot be made: plain java -jar, nothing written. (Root may write to any
# folder whatever its mode, so then the cache home is a path under a regular file.)
if [[ $(id -u) != 0 ]]; then
    mkdir "$tmp/readonly"
    chmod 555 "$tmp/readonly"
    unwritable=$tmp/readonly
else
    : > "$tmp/a-file"
    unwritable=$tmp/a-file/cache
fi
run unwritable "$tmp/install" XDG_CACHE_HOME="$unwritable"
[[ -z $(find "$tmp/readonly" -mindepth 1 2>/dev/null) ]] || fail "unwritable: something was written in the read-only cache folder"

# 4. Training fails (a jar without its training input): plain java -jar, and the failure is
# remembered so that the next run does not train again.
install "$tmp/untrainable" "$untrainable"
untrainable_before=$(listing "$tmp/untrainable")
run failed-training "$tmp/untrainable" XDG_CACHE_HOME="$tmp/xdg2"
[[ -z $(caches "$tmp/xdg2/monitoring-readback-plan") ]] || fail "failed training: a cache was kept"
[[ -n $(find "$tmp/xdg2/monitoring-readback-plan" -name '*.failed' 2>/dev/null) ]] || fail "failed training: not remembered"
run after-failed-training "$tmp/untrainable" XDG_CACHE_HOME="$tmp/xdg2" \
    JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$tmp/after-%p.log"
logs=("$tmp"/after-*.log)
[[ ${#logs[@]} == 1 ]] || fail "after a failed training: ${#logs[@]} JVMs ran, expected 1 (no new training)"
[[ $(listing "$tmp/untrainable") == "$untrainable_before" ]] || fail "failed training: files written beside the launcher"

# Never beside the launcher, never in the working folder (the plan went to standard output).
[[ $(listing "$tmp/install") == "$install_before" ]] || fail "files written beside the launcher: $(diff <(echo "$install_before") <(listing "$tmp/install"))"
[[ $(listing "$tmp/work") == "$work_before" ]] || fail "files written in the working folder"

if (( failures > 0 )); then
    echo "$failures launcher check(s) failed" >&2
    exit 1
fi
echo "launcher: all checks passed (cache: ${first_caches%% *})"
