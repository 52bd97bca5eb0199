"""Copies a department file and gives COUNT closed activities, spread over the file,
a new end date in the past (a new cycle), so that the next sweep creates COUNT work
items. Used by bench/run.sh as hyperfine's --prepare, which runs without a shell:

    python3 bench/pending.py SOURCE COPY COUNT TODAY
"""
import os
import shutil
import sqlite3
import sys

source, copy, count, today = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
if os.path.abspath(source) == os.path.abspath(copy):
    sys.exit("the copy must be another file than the source")
for suffix in ("-wal", "-shm"):
    if os.path.exists(copy + suffix):
        os.remove(copy + suffix)
shutil.copyfile(source, copy)
db = sqlite3.connect(copy)
changed = db.execute(
    """UPDATE activities SET status = 'open', outcome_code = NULL, outcome_note = NULL,
           closed_on = NULL, end_date = date(start_date, '+1 days')
       WHERE id IN (SELECT id FROM activities
                    WHERE status = 'closed' AND term_rule IS NULL AND type_code <> 'afspraak'
                      AND date(start_date, '+1 days') <= ?
                    -- Spread over the whole file, as real end dates are.
                    ORDER BY (id * 2654435761) % 4294967296 LIMIT ?)""",
    (today, count),
).rowcount
db.commit()
db.close()
if changed != count:
    sys.exit(f"only {changed} activities could be made pending")
