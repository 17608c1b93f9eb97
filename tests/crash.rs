//! Crash test: a child `zhifa workload run` takes real desk actions and catalog imports on
//! one database and reports each commit on stdout; the harness SIGKILLs it at a random point
//! (after a random number of reported commits, so the kill lands inside a later action, or
//! before the child has done anything). After every round the file must pass every `check`
//! and hold every action the child reported as done.
//!
//! Rounds: `ZHIFA_CRASH_ROUNDS` (default 200). RELIABILITY.md has the last measured run.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use zhifa::store::Store;
use zhifa::workload::{self, Done, Rng};

fn rounds() -> u64 {
    std::env::var("ZHIFA_CRASH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

#[test]
fn every_reported_action_survives_sigkill_and_the_file_stays_healthy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.sqlite3");
    workload::setup(&db).unwrap();
    let mut rng = Rng::new(0x5eed);
    let mut all_done: Vec<Done> = Vec::new();
    let rounds = rounds();
    let mut killed_mid_run = 0;
    for round in 0..rounds {
        let mut child = Command::new(env!("CARGO_BIN_EXE_zhifa"))
            .args(["--db"])
            .arg(&db)
            .args(["workload", "run", "--seed"])
            .arg((round + 1).to_string())
            .args(["--count", "100000"])
            .env("HOME", dir.path())
            .env("XDG_STATE_HOME", dir.path().join("state"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill after 0..24 reported commits: 0 hits start-up (open, migrate check).
        let kill_after = rng.below(25);
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut seen = 0;
        while seen < kill_after {
            match lines.next() {
                Some(Ok(line)) => {
                    all_done.extend(Done::parse(&line));
                    seen += 1;
                }
                _ => break,
            }
        }
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        if !status.success() {
            killed_mid_run += 1;
        }
        // Lines the child wrote before it died were reported too.
        for line in lines.map_while(Result::ok) {
            all_done.extend(Done::parse(&line));
        }
        let store = Store::open(&db).unwrap_or_else(|e| panic!("round {round}: {e}"));
        let failed: Vec<_> = store
            .check()
            .unwrap()
            .into_iter()
            .filter(|c| !c.ok)
            .collect();
        assert!(failed.is_empty(), "round {round}: {failed:?}");
        let missing = workload::verify(&store, &all_done).unwrap();
        assert!(missing.is_empty(), "round {round}: {missing:?}");
    }
    // The harness must really have interrupted children, and they must have done work.
    assert_eq!(
        killed_mid_run, rounds,
        "every child was killed, none finished"
    );
    assert!(all_done.len() as u64 > rounds * 5, "{}", all_done.len());
    eprintln!(
        "crash test: {rounds} rounds, {} reported actions all present",
        all_done.len()
    );
}
