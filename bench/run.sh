#!/usr/bin/env bash
# Whole-process figures at department size (10,000 clients, ten years of history):
# medians with hyperfine, a sweep that creates 5,000 work items, the cockpit's first
# frame and peak memory, and the team's sync and snapshot against a throwaway local
# PostgreSQL cluster. Writes bench/results.txt. Needs hyperfine, tmux, python3, GNU
# time and postgresql (installed from Debian's packages when missing and possible).
#
#   bash bench/run.sh            # about two minutes; the department file is kept
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine tmux /usr/bin/time; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        package=$tool; [ "$tool" = /usr/bin/time ] && package=time
        apt-get install -y -qq "$package" >/dev/null 2>&1 \
            || { apt-get update -qq && apt-get install -y -qq "$package" >/dev/null; }
    fi
done

ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }

cargo build --release --locked
BIN=$PWD/target/release/inbeeld
DIR=$PWD/target/bench
mkdir -p "$DIR"
TODAY=2026-11-22
DB=$DIR/department.sqlite
if [ ! -f "$DB" ]; then
    echo "building the department file (10,000 clients, 10 years)…"
    "$BIN" --db "$DB.building" --today $TODAY demo --clients 10000 --years 10 --seed 1 --no-open
    "$BIN" --db "$DB.building" --today $TODAY sweep >/dev/null
    mv "$DB.building" "$DB"
fi
export INBEELD_DB=$DB INBEELD_TODAY=$TODAY

hyperfine -N --warmup 3 --runs 30 --export-json "$DIR/commands.json" \
    "$BIN worklist --json" "$BIN sweep" "$BIN client list --json" \
    "$BIN report --json --period year" >/dev/null

# One klantmanager's caseload: 200 clients, three years.
CASELOAD=$DIR/caseload-200.sqlite
if [ ! -f "$CASELOAD" ]; then
    "$BIN" --db "$CASELOAD.building" --today $TODAY demo --clients 200 --years 3 --seed 1 --no-open
    "$BIN" --db "$CASELOAD.building" --today $TODAY sweep >/dev/null
    mv "$CASELOAD.building" "$CASELOAD"
fi
hyperfine -N --warmup 3 --runs 30 --export-json "$DIR/caseload.json" \
    "$BIN --db $CASELOAD report --json --period year" >/dev/null

# A caseload from the municipal system: 200 clients with five running voorzieningen
# each (1,000 activities) imported into an empty file; then the same file again,
# which changes nothing. The .xlsx is measured too where python3-openpyxl is here.
python3 bench/export.py "$DIR/export-200" 200
EMPTY=$DIR/empty.sqlite; IMPORTED=$DIR/imported.sqlite
rm -rf "$EMPTY"* "$DIR/backups"; "$BIN" init "$EMPTY" >/dev/null
for kind in csv xlsx; do
    [ -f "$DIR/export-200.$kind" ] || continue
    hyperfine -N --warmup 1 --runs 10 --export-json "$DIR/import-$kind.json" \
        --prepare "cp $EMPTY $IMPORTED" \
        "$BIN --db $IMPORTED caseload import $DIR/export-200.$kind --profiel docs/profiel-srg.toml" >/dev/null
done
cp "$EMPTY" "$IMPORTED"
"$BIN" --db "$IMPORTED" caseload import "$DIR/export-200.csv" --profiel docs/profiel-srg.toml >/dev/null
hyperfine -N --warmup 1 --runs 10 --export-json "$DIR/import-again.json" \
    "$BIN --db $IMPORTED caseload import $DIR/export-200.csv --profiel docs/profiel-srg.toml" >/dev/null
python3 - "$IMPORTED" >"$DIR/import-counts.txt" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(*[c.execute(q).fetchone()[0] for q in ["SELECT count(*) FROM clients",
    "SELECT count(*) FROM activities", "SELECT count(*) FROM audit_log"]])
PY

# A letter as a whole process: the hersteltermijn letter of an open hersteltermijn,
# set and written as PDF/A and recorded, on a copy of the caseload.
LETTERS=$DIR/letters.sqlite
rm -f "$LETTERS" "$LETTERS-wal" "$LETTERS-shm"; rm -rf "$DIR/brieven"
cp "$CASELOAD" "$LETTERS"
cat >"$DIR/instellingen.toml" <<'TOML'
[afzender]
gemeente = "Gemeente Zwolle"
afdeling = "Werk en Inkomen"
adres = "Postbus 10007, 8000 GA Zwolle"
naam = "Sanne de Vries"
telefoon = "038 498 2000"
email = "werkeninkomen@zwolle.nl"
TOML
HERSTEL=$(python3 -c "
import sqlite3; c = sqlite3.connect('$LETTERS')
print(c.execute(\"SELECT id FROM activities WHERE type_code = 'hersteltermijn' AND status = 'open' AND application_id IS NOT NULL AND end_date >= '$TODAY' ORDER BY id LIMIT 1\").fetchone()[0])")
hyperfine -N --warmup 2 --runs 20 --export-json "$DIR/letter.json" \
    "$BIN --db $LETTERS --settings $DIR/instellingen.toml letter --kind hersteltermijn --activity $HERSTEL" >/dev/null

# The documents as whole processes on the same copy: the plan van aanpak of a client
# with a plan, a besluit on an aanvraag decided first, a rapportage of the three
# months of the client with the most contacts (PDF/A and plain text).
read -r PLANNED BUSY OPEN_APP <<<"$(python3 -c "
import sqlite3; c = sqlite3.connect('$LETTERS')
q = lambda sql: c.execute(sql).fetchone()[0]
print(q(\"SELECT client_id FROM plans WHERE status = 'current' ORDER BY id LIMIT 1\"),
      q('SELECT client_id FROM contacts GROUP BY client_id ORDER BY count(*) DESC LIMIT 1'),
      q(\"SELECT id FROM applications WHERE status = 'open' AND received_on IS NOT NULL ORDER BY id LIMIT 1\"))")"
"$BIN" --db "$LETTERS" --today "$TODAY" aanvraag decide "$OPEN_APP" --decision afgewezen --made-known "$TODAY" >/dev/null
hyperfine -N --warmup 2 --runs 20 --export-json "$DIR/documents.json" \
    "$BIN --db $LETTERS --settings $DIR/instellingen.toml document plan --client $PLANNED" \
    "$BIN --db $LETTERS --settings $DIR/instellingen.toml document besluit --aanvraag $OPEN_APP --kind besluit" \
    "$BIN --db $LETTERS --settings $DIR/instellingen.toml document rapportage --client $BUSY" >/dev/null

# A sweep that creates 5,000 work items, in one transaction: each run on a fresh copy
# in which 5,000 activities, spread over the file, have a new end date in the past.
SCRATCH=$DIR/scratch.sqlite
# (With -N hyperfine runs --prepare without a shell too: one program, plain arguments.)
# (The warm-up run also makes the day's backup of the copy, outside the figures.)
hyperfine -N --warmup 1 --runs 10 --export-json "$DIR/sweep5000.json" \
    --prepare "python3 bench/pending.py $DB $SCRATCH 5000 $TODAY" \
    "$BIN --db $SCRATCH sweep" >/dev/null
python3 bench/pending.py "$DB" "$SCRATCH" 5000 $TODAY
created=$("$BIN" --db "$SCRATCH" sweep)
[ "$created" -ge 5000 ] || { echo "the prepared sweep created $created items, not 5000" >&2; exit 1; }

# The cockpit in a real terminal: from start until the werkvoorraad is on screen
# (includes starting tmux, about 25 ms here), and peak memory while browsing.
first_frames=()
for _ in $(seq 10); do
    tmux -L inbeeld-bench kill-server 2>/dev/null || true
    start=$(date +%s%N)
    tmux -L inbeeld-bench new-session -d -x 200 -y 60 "$BIN"
    until tmux -L inbeeld-bench capture-pane -p 2>/dev/null | grep -q Werkvoorraad; do sleep 0.001; done
    first_frames+=($(( ($(date +%s%N) - start) / 1000000 )))
    tmux -L inbeeld-bench send-keys q
    sleep 0.3
done
tmux -L inbeeld-bench kill-server 2>/dev/null || true
tmux -L inbeeld-bench new-session -d -x 200 -y 60 "/usr/bin/time -v -o $DIR/cockpit-time.txt $BIN"
sleep 1
for keys in 2 G 3 1 G; do tmux -L inbeeld-bench send-keys "$keys"; sleep 0.3; done
tmux -L inbeeld-bench send-keys q
sleep 1
tmux -L inbeeld-bench kill-server 2>/dev/null || true
/usr/bin/time -v -o "$DIR/worklist-time.txt" "$BIN" worklist --json >/dev/null

# The team against a throwaway local cluster (as the postgres user when run as root):
# the first sync of the 200-client caseload, a sync after 50 edits, and the
# teamleider's first snapshot of the department.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PG=$DIR/pg; rm -rf "$PG"; mkdir -p "$PG"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PG"
as_pg "$PG_BIN/initdb" -D "$PG/data" -U postgres --auth=trust --no-sync >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG/data" -o "-k $PG -c listen_addresses=''" -l "$PG/log" -w start >/dev/null
trap 'as_pg "$PG_BIN/pg_ctl" -D "$PG/data" -m immediate stop >/dev/null 2>&1 || true' EXIT
# A copy of FILE as the laptop of MEMBER in database DBNAME: the schema, the
# member and a teamleider tl, and the link.
team_copy() {
    local file=$1 copy=$2 dbname=$3 member=$4 admin="host=$PG user=postgres dbname=$3"
    rm -rf "$copy"*; cp "$file" "$copy"
    "$BIN" --db "$copy" team init --url "$admin" >/dev/null
    "$BIN" --db "$copy" team member add "$member" --url "$admin" >/dev/null
    "$BIN" --db "$copy" team member add tl --teamleider --url "$admin" >/dev/null
    "$BIN" --db "$copy" team join --url "host=$PG user=$member dbname=$dbname" --as "$member" >/dev/null
}
TEAMFILE=$DIR/team-caseload.sqlite
team_copy "$CASELOAD" "$TEAMFILE" postgres sanne
ms() {
    local s e; s=$(date +%s%N)
    "$@" >/dev/null || { echo "failed: $*" >&2; exit 1; }
    e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
}
first_sync=$(ms "$BIN" --db "$TEAMFILE" sync)
for i in $(seq 1 50); do "$BIN" --db "$TEAMFILE" note add --client "$i" --text "notitie $i" >/dev/null; done
edits_sync=$(ms "$BIN" --db "$TEAMFILE" sync)
# The department in a database of its own (the demo files share their BSNs).
as_pg "$PG_BIN/createdb" -h "$PG" -U postgres dept
DEPT_TEAM=$DIR/team-department.sqlite
team_copy "$DB" "$DEPT_TEAM" dept km
dept_sync=$(ms "$BIN" --db "$DEPT_TEAM" sync)
SNAP=$DIR/team-snapshot.sqlite; rm -rf "$SNAP"*
snapshot=$(ms "$BIN" --db "$DEPT_TEAM" team snapshot --out "$SNAP" --url "host=$PG user=tl dbname=dept")
/usr/bin/time -f "%M" -o "$DIR/snapshot-kb.txt" "$BIN" --db "$DEPT_TEAM" team snapshot --out "$SNAP.mem" --url "host=$PG user=tl dbname=dept" >/dev/null
rm -rf "$SNAP.mem"*
# The next week: 50 clients changed and synced; the snapshot brought up to date.
for i in $(seq 1 50); do "$BIN" --db "$DEPT_TEAM" note add --client "$((i * 97))" --text "notitie $i" >/dev/null; done
"$BIN" --db "$DEPT_TEAM" sync >/dev/null
again=$(ms "$BIN" --db "$DEPT_TEAM" team snapshot --out "$SNAP" --url "host=$PG user=tl dbname=dept")
unchanged=$(ms "$BIN" --db "$DEPT_TEAM" team snapshot --out "$SNAP" --url "host=$PG user=tl dbname=dept")
echo "$first_sync $edits_sync $dept_sync $snapshot $again $unchanged $(cat "$DIR/snapshot-kb.txt")" >"$DIR/team.txt"

python3 - "$DIR" "$created" "${first_frames[@]}" >bench/results.txt <<'PY'
import json, statistics, sys, re, subprocess
d, created, frames = sys.argv[1], sys.argv[2], [int(x) for x in sys.argv[3:]]
def med(path, i=0):
    return statistics.median(json.load(open(f"{d}/{path}"))["results"][i]["times"]) * 1000
def rss(path):
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(f"{d}/{path}").read()).group(1)) / 1024
counts = subprocess.run(["python3", "-c", f"""
import sqlite3; c = sqlite3.connect('{d}/department.sqlite')
print(*[c.execute(f'SELECT count(*) FROM {{t}}').fetchone()[0] for t in ['clients','activities','contacts','notes','work_items']])
"""], capture_output=True, text=True).stdout.split()
print("inbeeld department benchmark (bash bench/run.sh)")
print(f"file: {counts[0]} clients, {counts[1]} activities, {counts[2]} contacts, {counts[3]} notes, {counts[4]} work items")
print()
print(f"worklist --json (whole process), median     {med('commands.json', 0):7.1f} ms   target < 60 ms")
print(f"sweep finding nothing new, median           {med('commands.json', 1):7.1f} ms")
print(f"client list --json, median                  {med('commands.json', 2):7.1f} ms")
print(f"report --json --period year (process), median {med('commands.json', 3):6.1f} ms   target < 300 ms")
print(f"the same on 200 clients, median             {med('caseload.json', 0):7.1f} ms   target < 20 ms")
print(f"a hersteltermijn letter (process), median  {med('letter.json', 0):7.1f} ms   target < 1000 ms")
print(f"the plan van aanpak (process), median       {med('documents.json', 0):7.1f} ms   target < 100 ms")
print(f"a besluit with its bezwaartermijn, median   {med('documents.json', 1):7.1f} ms   target < 100 ms")
print(f"a rapportage of 3 months, PDF and text, median {med('documents.json', 2):4.1f} ms   target < 100 ms")
imported = open(f"{d}/import-counts.txt").read().split()
print(f"caseload import, 200 clients and 1,000 activities, .csv (process), median "
      f"{med('import-csv.json'):6.1f} ms   target < 2000 ms (landed: {imported[0]} clients, {imported[1]} activities)")
try:
    print(f"  the same as .xlsx (written by openpyxl), median {med('import-xlsx.json'):7.1f} ms")
except FileNotFoundError:
    print("  the same as .xlsx: not measured (python3-openpyxl is not installed)")
print(f"  the same file again (nothing changes), median   {med('import-again.json'):7.1f} ms")
team = open(f"{d}/team.txt").read().split()
print(f"first sync, 200 clients (process)           {team[0]:>7} ms   target < 2000 ms")
print(f"sync after 50 edits, 200 clients (process)  {team[1]:>7} ms   target < 200 ms")
print(f"first sync of the department (process)      {team[2]:>7} ms")
print(f"teamleider's first snapshot, department     {team[3]:>7} ms   target < 30000 ms")
print(f"  its peak memory                            {int(team[6]) // 1024:>7} MiB")
print(f"snapshot again after 50 changed clients     {team[4]:>7} ms   target < 2000 ms")
print(f"snapshot again, nothing changed             {team[5]:>7} ms")
print(f"sweep creating 5,000 items (process), median {med('sweep5000.json'):6.1f} ms   target < 250 ms (checked: {created} created)")
print(f"cockpit first frame incl. tmux, median      {statistics.median(frames):7.1f} ms   target < 100 ms")
print(f"cockpit peak memory (browsing)              {rss('cockpit-time.txt'):7.1f} MB   target < 80 MB")
print(f"worklist --json peak memory                 {rss('worklist-time.txt'):7.1f} MB")
PY
cat bench/results.txt
