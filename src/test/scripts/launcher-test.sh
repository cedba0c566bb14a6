#!/usr/bin/env bash
# The launcher installed the way the README says: copied with the CLI jar into an empty folder, no
# source checkout around it. Checks that
#   - the first run builds the JVM cache in $XDG_CACHE_HOME/monitoring-readback-plan/, the second
#     uses it (classes come from the cache: -Xlog:class+load) without training again; review and
#     validate train caches of their own, each on its command, and use them (none of the project's
#     classes come from the jar, for any of the three);
#   - nothing is ever written beside the launcher, nor in the working folder but what was asked;
#   - with a cache folder that cannot be written, and with a jar whose training fails, it still
#     runs (plain java -jar): exit 0, the same output as `java -jar`; a failed training is not
#     repeated on the next run;
#   - standard output is the program's alone whatever the state of the cache: an install moved
#     elsewhere, a launcher called by another path than the one it trained by, a corrupt cache, a
#     truncated cache, JVM options that differ only in + and -; a cache that failed to load is
#     not tried again;
#   - the cache is keyed by the jar's content: a jar replaced in place (cp -p) by another of the
#     same size and modification time gets a cache of its own;
#   - a JAVA_HOME without a java: exit 2 and a message, nothing on standard output; a relative
#     JAVA_HOME: the same output, the cache used.
#
# Usage: launcher-test.sh LAUNCHER CLI_JAR UNTRAINABLE_CLI_JAR SNAPSHOT VARIANT_CLI_JAR
# (UNTRAINABLE_CLI_JAR: the CLI jar without its training input; VARIANT_CLI_JAR: a CLI jar of the
# same size as CLI_JAR but other content, that runs the same.) JAVA_HOME selects the JDK; run it
# with each JDK the launcher supports (17, 25).
# Exit status 0 when every check passed; each failure is reported on standard error.
set -euo pipefail

absolute() { if [[ $1 == /* ]]; then echo "$1"; else echo "$PWD/$1"; fi; }
launcher=$(absolute "$1") jar=$(absolute "$2") untrainable=$(absolute "$3") snapshot=$(absolute "$4")
variant=$(absolute "$5")
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

cwd=$tmp/work
run() { # run NAME INSTALL_FOLDER [env...]: runs the launcher from the folder $cwd, checks its output
    local name=$1 folder=$2
    shift 2
    local status=0
    (cd "$cwd" && env "$@" "$folder/monitoring-readback-plan" "${args[@]}" \
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
# Beside the cache: the log of its JVM warnings, and the memo of the jar's hash.
leftovers=$(find "$cache_dir" -mindepth 1 -maxdepth 1 ! -name '*.jsa' ! -name '*.aot' ! -name '*.log' ! -name '.jar-*' 2>/dev/null)
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
from_jar=$(grep -c 'dev\.readbackplan\..* source: .*\.jar' "${logs[@]}" || true)
[[ $from_jar == 0 ]] || fail "second run: $from_jar of the project's classes loaded from the jar, not the cache"
# Review and validate have caches of their own, each trained on its command: the first review trains
# the review's cache, the second is the one checked (its classes from the cache, none from the jar);
# then the same for validate.
(cd "$cwd" && "$java" -jar "$jar" "${args[@]}" --output "$tmp/plan.json" 2> /dev/null) || fail "java -jar --output failed"
(cd "$cwd" && env XDG_CACHE_HOME="$tmp/xdg" "$tmp/install/monitoring-readback-plan" review --root "$tmp/work" \
    --source-report snapshot.json --reviewed-at 2026-01-01T00:00:00+08:00 "$tmp/plan.json" > /dev/null 2>&1) \
    || fail "first review through the launcher failed"
[[ $(find "$tmp/xdg/monitoring-readback-plan" -maxdepth 1 -type f \( -name '*.jsa' -o -name '*.aot' \) | wc -l) == 2 ]] \
    || fail "review: no cache of its own next to generation's"
(cd "$cwd" && env XDG_CACHE_HOME="$tmp/xdg" JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$tmp/review-%p.log" \
    "$tmp/install/monitoring-readback-plan" review --root "$tmp/work" --source-report snapshot.json \
    --reviewed-at 2026-01-01T00:00:00+08:00 "$tmp/plan.json" > "$tmp/review.out" 2> /dev/null) || fail "review through the launcher failed"
[[ -s $tmp/review.out ]] || fail "review through the launcher wrote nothing"
grep -q 'dev\.readbackplan\.cli\.ReviewCommand source: shared objects file' "$tmp"/review-*.log \
    || fail "review: its classes were not loaded from the cache (the training does not review)"
from_jar=$(grep -c 'dev\.readbackplan\..* source: .*\.jar' "$tmp"/review-*.log || true)
[[ $from_jar == 0 ]] || fail "review: $from_jar of the project's classes loaded from the jar, not the cache"
(cd "$cwd" && env XDG_CACHE_HOME="$tmp/xdg" "$tmp/install/monitoring-readback-plan" validate "$tmp/plan.json" \
    "$tmp/work/snapshot.json" > /dev/null 2>&1) || fail "first validate through the launcher failed"
[[ $(find "$tmp/xdg/monitoring-readback-plan" -maxdepth 1 -type f \( -name '*.jsa' -o -name '*.aot' \) | wc -l) == 3 ]] \
    || fail "validate: no cache of its own next to generation's and review's"
(cd "$cwd" && env XDG_CACHE_HOME="$tmp/xdg" JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$tmp/validate-%p.log" \
    "$tmp/install/monitoring-readback-plan" validate "$tmp/plan.json" "$tmp/work/snapshot.json" > /dev/null 2>&1) \
    || fail "validate through the launcher failed"
grep -q 'dev\.readbackplan\.internal\.schema\.StreamedPlanReader source: shared objects file' "$tmp"/validate-*.log \
    || fail "validate: its classes were not loaded from the cache (the training does not validate)"
from_jar=$(grep -c 'dev\.readbackplan\..* source: .*\.jar' "$tmp"/validate-*.log || true)
[[ $from_jar == 0 ]] || fail "validate: $from_jar of the project's classes loaded from the jar, not the cache"

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

# 5. Standard output carries the program's output only, whatever the cache's state. Each case runs
# from the working folder; `run` compares standard output and standard error with java -jar's.
# stdout_only NAME FOLDER [env...]: as run, but standard error may carry the JVM's warnings.
stdout_only() {
    local name=$1 folder=$2
    shift 2
    local status=0
    (cd "$tmp/work" && env "$@" "$folder/monitoring-readback-plan" "${args[@]}" \
        > "$tmp/$name.out" 2> "$tmp/$name.err") || status=$?
    [[ $status == 0 ]] || fail "$name: exit status $status, expected 0; standard error: $(head -c 2000 "$tmp/$name.err")"
    cmp -s "$tmp/expected.out" "$tmp/$name.out" \
        || fail "$name: standard output differs from java -jar's: $(diff "$tmp/expected.out" "$tmp/$name.out" | head -5)"
}
jvms() { # jvms PREFIX: how many JVMs wrote a class+load log $tmp/PREFIX-PID.log
    local logs=("$tmp/$1"-*.log)
    [[ -f ${logs[0]} ]] && echo ${#logs[@]} || echo 0
}
from_cache() { # from_cache PREFIX: the CLI's classes came from the cache in the one JVM that ran
    grep -q 'dev\.readbackplan\.cli\.Cli source: shared objects file' "$tmp/$1"-*.log 2>/dev/null
}

# 5a. Moved: the install folder renamed after its cache was made.
mv "$tmp/install" "$tmp/moved"
run moved "$tmp/moved" XDG_CACHE_HOME="$tmp/xdg"
run moved-again "$tmp/moved" XDG_CACHE_HOME="$tmp/xdg" JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$tmp/moved-%p.log"
[[ $(jvms moved) == 1 ]] && from_cache moved || fail "moved install: its second run did not use a cache of its own"
mv "$tmp/moved" "$tmp/install"

# 5b. Called by other paths than the one it trained by: relative, absolute, through a link.
ln -s install/monitoring-readback-plan "$tmp/link"
run relative-training ../install XDG_CACHE_HOME="$tmp/xdg3"
relative_caches=$(caches "$tmp/xdg3/monitoring-readback-plan")
n=0
for folder in "$tmp/install" "$tmp/install/../install" ../install; do
    n=$((n + 1))
    run "by-path-$n" "$folder" XDG_CACHE_HOME="$tmp/xdg3" JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$tmp/path$n-%p.log"
    [[ $(jvms "path$n") == 1 ]] && from_cache "path$n" || fail "called as $folder/monitoring-readback-plan: the cache was not used"
done
(cd "$tmp/work" && env XDG_CACHE_HOME="$tmp/xdg3" JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$tmp/link-%p.log" \
    "$tmp/link" "${args[@]}" > "$tmp/link.out" 2> /dev/null) || fail "called through a link: failed"
cmp -s "$tmp/expected.out" "$tmp/link.out" || fail "called through a link: standard output differs from java -jar's"
[[ $(jvms link) == 1 ]] && from_cache link || fail "called through a link: the cache was not used"
# From another working folder, called by another relative path (a class path recorded relative
# to the working folder of the training, ../install/..., would not be found from there).
cwd=$tmp
run other-folder install XDG_CACHE_HOME="$tmp/xdg3" JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$tmp/other-%p.log"
[[ $(jvms other) == 1 ]] && from_cache other || fail "called from another working folder: the cache was not used"
cwd=$tmp/work
[[ $(caches "$tmp/xdg3/monitoring-readback-plan") == "$relative_caches" ]] || fail "called by other paths: the cache was rebuilt"

# 5c. A corrupt cache (its header overwritten, its size kept): the run that meets it may warn on
# standard error, never on standard output; when the JVM could not load it, the next run neither
# warns nor tries it again, and does not train again.
corrupt_home=$tmp/xdg4
run corrupt-training "$tmp/install" XDG_CACHE_HOME="$corrupt_home"
for file in "$corrupt_home"/monitoring-readback-plan/*.{jsa,aot}; do
    if [[ -f $file ]]; then
        chmod u+w "$file"
        head -c 4096 /dev/urandom | dd of="$file" conv=notrunc status=none
    fi
done
stdout_only corrupt "$tmp/install" XDG_CACHE_HOME="$corrupt_home"
if ! grep -v '^Picked up JAVA_TOOL_OPTIONS' "$tmp/corrupt.err" | cmp -s "$tmp/expected.err" -; then
    # The JVM said it could not use the cache (JDK 25 does; JDK 17 ignores a bad header silently).
    run corrupt-after "$tmp/install" XDG_CACHE_HOME="$corrupt_home" JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$tmp/corrupt-%p.log"
    [[ $(jvms corrupt) == 1 ]] || fail "corrupt cache: the run after the failed load trained again"
    [[ -n $(find "$corrupt_home/monitoring-readback-plan" -name '*.failed') ]] || fail "corrupt cache: the failed load was not remembered"
    [[ -z $(caches "$corrupt_home/monitoring-readback-plan") ]] || fail "corrupt cache: kept after it failed to load"
fi

# 5d. A truncated cache (JDK 17 crashes on one): not used, and remembered as failed.
truncated_home=$tmp/xdg5
run truncated-training "$tmp/install" XDG_CACHE_HOME="$truncated_home"
for file in "$truncated_home"/monitoring-readback-plan/*.{jsa,aot}; do
    if [[ -f $file ]]; then
        chmod u+w "$file"
        truncate -s $(($(stat -c %s "$file") / 2)) "$file"
    fi
done
run truncated "$tmp/install" XDG_CACHE_HOME="$truncated_home"
run truncated-again "$tmp/install" XDG_CACHE_HOME="$truncated_home"
[[ -n $(find "$truncated_home/monitoring-readback-plan" -name '*.failed') ]] || fail "truncated cache: not remembered as failed"

# 5e. JVM options that differ only in + and -: a cache each, each used.
for flag in + - + -; do
    run "flag$flag" "$tmp/install" XDG_CACHE_HOME="$tmp/xdg6" MRP_JAVA_OPTS="-XX:${flag}UseCompressedOops"
done
[[ $(caches "$tmp/xdg6/monitoring-readback-plan" | wc -l) == 2 ]] \
    || fail "-XX:+UseCompressedOops and -XX:-UseCompressedOops: expected two caches, found: $(caches "$tmp/xdg6/monitoring-readback-plan")"

# 5f. A heap set in MRP_JAVA_OPTS: the launcher's young generation is not imposed on it (the JVM
# would warn that it is larger than the heap).
run small-heap "$tmp/install" XDG_CACHE_HOME="$tmp/xdg6" MRP_JAVA_OPTS="-Xmx200m"

# 6. Keyed by content: the jar replaced in place by one of the same size and modification time, as
# cp -p does (the inode stays: the file is rewritten), after the launcher had remembered the jar's
# hash (which it does once the jar's change time is a few seconds old).
install "$tmp/replaced" "$jar"
cp "$variant" "$tmp/variant.jar"
touch -r "$tmp/replaced/$jar_name" "$tmp/variant.jar"
sleep 3
run replaced-first "$tmp/replaced" XDG_CACHE_HOME="$tmp/xdg7"
run replaced-second "$tmp/replaced" XDG_CACHE_HOME="$tmp/xdg7"
[[ -n $(find "$tmp/xdg7/monitoring-readback-plan" -name '.jar-*') ]] || fail "replaced jar: no memo of the jar's hash was kept"
before_replace=$(caches "$tmp/xdg7/monitoring-readback-plan")
old_stat=$(stat -c '%i %s %Y' "$tmp/replaced/$jar_name")
cp -p "$tmp/variant.jar" "$tmp/replaced/$jar_name"
[[ $(stat -c '%i %s %Y' "$tmp/replaced/$jar_name") == "$old_stat" ]] \
    || fail "replaced jar: the test's premise failed: inode, size or modification time changed"
cmp -s "$jar" "$tmp/replaced/$jar_name" && fail "replaced jar: the test's premise failed: same content"
run replaced "$tmp/replaced" XDG_CACHE_HOME="$tmp/xdg7" JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$tmp/replaced-%p.log"
after_replace=$(caches "$tmp/xdg7/monitoring-readback-plan")
[[ $(wc -l <<< "$after_replace") == 2 ]] || fail "replaced jar: expected a new cache beside the old one, found: $after_replace"
# (A training on JDK 25 is two JVMs: the run and the one that writes the cache.)
(( $(jvms replaced) >= 2 )) || fail "replaced jar: expected a training run and a run, $(jvms replaced) JVM ran"
rm -rf "$tmp/replaced"

# 7. JAVA_HOME without a JDK: exit 2 and a message naming JAVA_HOME, nothing on standard output.
mkdir -p "$tmp/not-a-jdk"
status=0
(cd "$tmp/work" && env JAVA_HOME="$tmp/not-a-jdk" XDG_CACHE_HOME="$tmp/xdg" "$tmp/install/monitoring-readback-plan" "${args[@]}" \
    > "$tmp/nojdk.out" 2> "$tmp/nojdk.err") || status=$?
[[ $status == 2 ]] || fail "JAVA_HOME without a JDK: exit status $status, expected 2"
[[ ! -s $tmp/nojdk.out ]] || fail "JAVA_HOME without a JDK: wrote on standard output"
grep -q 'JAVA_HOME' "$tmp/nojdk.err" || fail "JAVA_HOME without a JDK: the message does not name JAVA_HOME: $(cat "$tmp/nojdk.err")"

# 8. A relative JAVA_HOME (the launcher reads the files' stamps from the jar's folder): the same
# output, and the cache is used.
relative_home=$(realpath --relative-to="$cwd" "$JAVA_HOME")
[[ $relative_home != /* ]] || fail "relative JAVA_HOME: the test's premise failed: $relative_home"
run relative-java-home "$tmp/install" XDG_CACHE_HOME="$tmp/xdg" JAVA_HOME="$relative_home" \
    JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$tmp/relative-home-%p.log"
grep -q 'dev\.readbackplan\.cli\.Main source: shared objects file' "$tmp"/relative-home-*.log \
    || fail "relative JAVA_HOME: the cache was not used"

# Never beside the launcher, never in the working folder (the plan went to standard output).
[[ $(listing "$tmp/install") == "$install_before" ]] || fail "files written beside the launcher: $(diff <(echo "$install_before") <(listing "$tmp/install"))"
[[ $(listing "$tmp/work") == "$work_before" ]] || fail "files written in the working folder"

if (( failures > 0 )); then
    echo "$failures launcher check(s) failed" >&2
    exit 1
fi
echo "launcher: all checks passed (cache: ${first_caches%% *})"
