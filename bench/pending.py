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
    # Activities from all over the file (any client, any year), whose new end dates
    # fall in the last two weeks: what a sweep finds after the cockpit was closed for
    # a fortnight.
    """UPDATE activities SET status = 'open', outcome_code = NULL, outcome_note = NULL,
           closed_on = NULL, end_date = date(?1, '-' || (id % 14) || ' days')
       WHERE id IN (SELECT id FROM activities
                    WHERE status = 'closed' AND term_rule IS NULL AND type_code <> 'afspraak'
                      AND start_date <= date(?1, '-14 days')
                    ORDER BY (id * 2654435761) % 4294967296 LIMIT ?2)""",
    (today, count),
).rowcount
db.commit()
db.close()
if changed != count:
    sys.exit(f"only {changed} activities could be made pending")
