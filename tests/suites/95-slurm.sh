#!/usr/bin/env bash
# The README's Slurm recipe on a real Slurm: a one-node cluster started here
# (munged, slurmctld and slurmd on a throwaway key and slurm.conf, on free
# ports, all stopped by their pids at the end), the job array of shards
# and the dependent merge job taken from README.md as written (4 tasks of
# 1 CPU instead of 64 of 8), and the merged reports and the outputs compared
# with a single run's.
. tests/lib.sh
for cmd in munged munge slurmctld slurmd sbatch sinfo; do need_cmd "slurm recipe" $cmd || exit 0; done
N=4

# --- the cluster ---
# munged wants every folder above its socket open to all (o+x), which the
# suite's private $TMP is not: the cluster lives in a folder of its own.
C=$(mktemp -d /tmp/oxus-slurm.XXXXXX) && chmod 755 "$C" || { no "slurm: mktemp"; exit 0; }
PIDS=()
stop_cluster() {
    local p
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
    rm -rf "$C"
}
trap stop_cluster EXIT
started=$(date +%s)
dd if=/dev/urandom of="$C/munge.key" bs=1024 count=1 status=none && chmod 400 "$C/munge.key"
munged -F --key-file="$C/munge.key" --socket="$C/munge.sock" --pid-file="$C/munged.pid" \
    --log-file="$C/munged.log" --seed-file="$C/munged.seed" >"$C/munged.out" 2>&1 &
PIDS+=($!)
# Two free ports, so that several runs of the suite on one machine do not meet.
read -r CTLD_PORT SLURMD_PORT < <("${PYTHON:-python3}" -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')
HOST=$(hostname -s)
USER_NAME=$(id -un)
mkdir -p "$C/state" "$C/spool"
cat >"$C/slurm.conf" <<EOF
ClusterName=oxus
SlurmctldHost=$HOST(127.0.0.1)
SlurmUser=$USER_NAME
SlurmdUser=$USER_NAME
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
AuthType=auth/munge
AuthInfo=socket=$C/munge.sock
CredType=cred/munge
StateSaveLocation=$C/state
SlurmdSpoolDir=$C/spool
SlurmctldPidFile=$C/slurmctld.pid
SlurmdPidFile=$C/slurmd.pid
SlurmctldLogFile=$C/slurmctld.log
SlurmdLogFile=$C/slurmd.log
ProctrackType=proctrack/pgid
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=oxus Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$C/slurm.conf
for _ in $(seq 50); do [ -S "$C/munge.sock" ] && break; sleep 0.1; done
slurmctld -D -f "$SLURM_CONF" >"$C/slurmctld.out" 2>&1 &
PIDS+=($!)
slurmd -D -f "$SLURM_CONF" >"$C/slurmd.out" 2>&1 &
PIDS+=($!)
state=
for _ in $(seq 60); do
    state=$(sinfo -h -o %T 2>/dev/null)
    [ "$state" = idle ] && break
    sleep 0.5
done
if [ "$state" != idle ]; then
    skip "slurm recipe: the one-node cluster did not start (node state '$state'; as $USER_NAME): $(
        cat "$C"/*.out "$C"/*.log 2>/dev/null | grep -iE 'error|fatal' | head -3 | tr '\n' ' ')"
    exit 0
fi
ok "a one-node Slurm cluster runs (slurmctld, slurmd, munged as $USER_NAME)"

# --- the recipe, from README.md ---
W=$TMP/shared
mkdir -p "$W/archive/2023" "$W/archive/2024" "$W/reports" "$TMP/bin"
cp samples/*.xml "$W/archive/2023/"
cp tests/invalid/date-*.xml "$W/archive/2024/"
ln -s "$OXUS" "$TMP/bin/oxus" # the jobs run `oxus` from the PATH they inherit
# The two ```sh blocks after the README's Slurm sentence: the job script and the submission.
awk '/\*\*Slurm\*\* job array/ {on = 1} on && /^```sh/ {n++; next} on && /^```/ {if (n == 2) exit; next}
     on && n {print > (n == 1 ? ENVIRON["TMP"] "/script" : ENVIRON["TMP"] "/submit")}' README.md
sed -e "s#/shared#$W#g" -e "s/--array=1-64/--array=1-$N/" -e 's/--cpus-per-task=8/--cpus-per-task=1/' \
    "$TMP/script" >"$W/oxus-shards.sh"
# The merge job is submitted with --wait, so that the test can wait for it.
sed -e "s#/shared#$W#g" -e 's/^sbatch --dependency/sbatch --wait --dependency/' "$TMP/submit" >"$W/submit.sh"
if ! grep -q -- "--shard" "$W/oxus-shards.sh" || ! grep -q -- "--wait --dependency=afterany" "$W/submit.sh"; then
    no "the README's Slurm recipe could not be read" "$TMP/submit"
    exit 0
fi
(cd "$W" && PATH=$TMP/bin:$PATH timeout 120 bash submit.sh) >"$TMP/submit.out" 2>&1
merged=$?
[ "$merged" = 1 ] && ok "the merge job ran after the array and says some documents are invalid" ||
    no "merge job exit $merged (expected 1: the archive holds invalid documents)" "$TMP/submit.out"
tasks=$(ls "$W/reports"/shard-*.json 2>/dev/null | wc -l)
[ "$tasks" = $N ] && ok "$N array tasks each wrote a shard report" || no "$tasks shard reports, not $N"

# --- the same archive in one run ---
"$OXUS" convert --to tei,jats -o "$TMP/single" --report junit="$TMP/single.xml" --report sarif="$TMP/single.sarif" \
    "$W/archive" 2>/dev/null
# Reports compared as sets (a merge lists documents shard by shard), without timings.
canon() {
    "${PYTHON:-python3}" - "$@" <<'PY'
import json, sys, xml.etree.ElementTree as ET
kind, path = sys.argv[1], sys.argv[2]
if kind == "junit":
    root = ET.parse(path).getroot()
    cases = []
    for tc in root.iter("testcase"):
        tc.attrib.pop("time", None)
        tc.tail = None
        cases.append(ET.tostring(tc, encoding="unicode"))
    heads = [{k: v for k, v in e.attrib.items() if k != "time"} for e in [root, *root.iter("testsuite")]]
    print(json.dumps(heads, sort_keys=True))
    print("\n".join(sorted(cases)))
else:
    doc = json.load(open(path, encoding="utf-8"))
    results = doc["runs"][0].pop("results")
    print(json.dumps(doc, sort_keys=True))
    print("\n".join(sorted(json.dumps(r, sort_keys=True) for r in results)))
PY
}
n=$(xmllint --xpath 'count(//testcase)' "$TMP/single.xml")
diff <(canon junit "$TMP/single.xml") <(canon junit "$W/junit.xml") >"$TMP/d" 2>&1 &&
    ok "merged JUnit = a single run's ($n documents)" || no "merged JUnit differs from a single run's" "$TMP/d"
diff <(canon sarif "$TMP/single.sarif") <(canon sarif "$W/oxus.sarif") >"$TMP/d" 2>&1 &&
    ok "merged SARIF = a single run's" || no "merged SARIF differs from a single run's" "$TMP/d"
nout=$(find "$TMP/single" -type f | wc -l)
[ "$nout" -gt 10 ] && diff -r "$TMP/single" "$W/out" >"$TMP/d" 2>&1 &&
    ok "the array's outputs = a single run's ($nout files)" || no "the array's outputs differ ($nout files)" "$TMP/d"
echo "slurm: cluster up, recipe run and checked in $(($(date +%s) - started)) s" >&2
