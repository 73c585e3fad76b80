#!/usr/bin/env bash
# Makes the data directory UpgradeTests starts the current code on: an earlier release run once in
# demo mode (every stage of an appeal, open tasks, timers, evidence), stopped cleanly, and packed
# as a backup is (postgres/ + postgres.password). Run it when a release is cut:
#   scripts/make-upgrade-fixture.sh <commit>   (writes src/test/resources/upgrade/<commit>.tar.gz)
# then point UpgradeTests.RELEASE at the new file and delete the old one.
set -euo pipefail
commit="$(git rev-parse --short "${1:?the release commit}")"
root="$(git rev-parse --show-toplevel)"
work="$(mktemp -d)"
trap '[ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; git -C "$root" worktree remove --force "$work/src" 2>/dev/null || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach "$work/src" "$commit" >/dev/null
(cd "$work/src" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package)
jar="$(ls "$work"/src/target/sanctions-campaign-tracker-*.jar | grep -v original | head -1)"
data="$work/data"
java -jar "$jar" --server.port=0 --tracker.data-dir="$data" --tracker.demo=true \
  --tracker.postgres-binaries="$work/binaries" >"$work/run.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  grep -q "Demo mode: created the demo campaign" "$work/run.log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/run.log" >&2; exit 1; }
  sleep 1
done
grep -q "Demo mode: created the demo campaign" "$work/run.log" || { echo "the demo was not made" >&2; exit 1; }
# The jobs the demo's launch queued have run: wait a little for the job executor, then stop cleanly.
sleep 20
kill -TERM "$pid"
wait "$pid" || true
pid=
mkdir -p "$root/src/test/resources/upgrade"
# Releases before the superuser had a password (their cluster trusts local users) have no file.
files=(postgres); [ -f "$data/postgres.password" ] && files+=(postgres.password)
tar -czf "$root/src/test/resources/upgrade/$commit.tar.gz" -C "$data" "${files[@]}"
ls -l "$root/src/test/resources/upgrade/$commit.tar.gz"
