//! An office on a temporary database, driven through the real `zhifa` binary: shared by the
//! CLI test files that need users and cases (each file uses the parts it needs).
#![allow(dead_code)]

use assert_cmd::Command;
use tempfile::TempDir;

pub const PW: &str = "pw1234";

pub struct Office {
    pub dir: TempDir,
}

impl Office {
    pub fn db(&self) -> std::path::PathBuf {
        self.dir.path().join("zhifa.sqlite3")
    }

    /// `zhifa` on this office's database, passwords from the environment, logs in the temp dir.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("zhifa").unwrap();
        c.env("ZHIFA_DB", self.db())
            .env("ZHIFA_PASSWORD", PW)
            .env("ZHIFA_NEW_PASSWORD", PW)
            .env_remove("ZHIFA_USER")
            .env("HOME", self.dir.path())
            .env("XDG_STATE_HOME", self.dir.path().join("state"));
        c
    }

    /// Writes a file into the office's folder and returns its path.
    pub fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p.display().to_string()
    }

    /// A new database (合隆镇) with these staff: (login, name, roles, certificate).
    /// 法制审核员 are marked legally qualified.
    pub fn with_staff(staff: &[(&str, &str, &[&str], Option<&str>)]) -> Office {
        let o = Office {
            dir: tempfile::tempdir().unwrap(),
        };
        o.cmd()
            .args([
                "init",
                "--township",
                "合隆镇",
                "--abbr",
                "合",
                "--county",
                "农安县",
            ])
            .assert()
            .success();
        for (u, n, roles, cert) in staff {
            let mut args = vec![
                "--user",
                "admin",
                "user",
                "add",
                "--username",
                u,
                "--name",
                n,
                "--squad",
                "第一中队",
            ];
            for r in roles.iter() {
                args.extend_from_slice(&["--role", r]);
            }
            if let Some(c) = cert {
                args.extend_from_slice(&["--cert", c]);
            }
            if roles.contains(&"法制审核员") {
                args.push("--legal-qualified");
            }
            o.cmd().args(&args).assert().success();
        }
        o
    }
}
