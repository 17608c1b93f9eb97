//! An office on a temporary database, driven through the real `zhifa` binary: shared by the
//! CLI test files that need users and cases (each file uses the parts it needs).
#![allow(dead_code)]

use assert_cmd::Command;
use tempfile::TempDir;

pub const PW: &str = "pw1234";

/// A valid resident ID (GB 11643 check digit) for test parties.
pub const PERSON_ID: &str = "220122198001010018";

/// `zhifa --user USER ARGS…` succeeds; its standard output.
pub fn ok(o: &Office, user: &str, args: &[&str]) -> String {
    let a = o.cmd().args(["--user", user]).args(args).assert().success();
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

/// `zhifa --user USER ARGS…` fails; its standard error.
pub fn fails(o: &Office, user: &str, args: &[&str]) -> String {
    let a = o.cmd().args(["--user", user]).args(args).assert().failure();
    String::from_utf8(a.get_output().stderr.clone()).unwrap()
}

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

    /// The input file of an on-the-spot case (简易程序) for 100 yuan, handled by zhangwei and
    /// liqiang against 刘长海 (`PERSON_ID`); returns its path.
    pub fn spot_toml(&self) -> String {
        self.file(
            "spot.toml",
            format!(
                r#"
date = "2026-10-12"
time = "10:20"
place = "合隆镇前进村路口"
facts = "当事人在禁烧区焚烧落叶，经劝阻后熄灭。"
officers = ["zhangwei", "liqiang"]
kinds = ["罚款"]
fine = 100
tier = "减轻"
mitigation = "主动消除或者减轻危害后果"
correction_order = "立即熄灭，清理现场"
[party]
type = "person"
name = "刘长海"
id_no = "{PERSON_ID}"
address = "农安县合隆镇前进村"
"#
            ),
        )
    }

    /// The input file of a general-procedure case (一般程序) for straw burning (HJ-001)
    /// against 刘长海 (`PERSON_ID`), handled by the logins in `handlers`; returns its path.
    pub fn general_toml(&self, handlers: &[&str]) -> String {
        self.file("new.toml", general_case_text(handlers))
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

/// The text of `Office::general_toml`, for tests that change a line of it first.
pub fn general_case_text(handlers: &[&str]) -> String {
    let handlers: Vec<String> = handlers.iter().map(|h| format!("\"{h}\"")).collect();
    format!(
        r#"
source = "举报"
place = "合隆镇东岗村村东农田"
act_date = "2026-06-01"
discovered_on = "2026-06-01"
proposed_on = "2026-06-02"
facts = "当事人在禁烧区露天焚烧玉米秸秆约五亩，烟尘影响村民。"
handlers = [{}]
[[party]]
type = "person"
name = "刘长海"
id_no = "{PERSON_ID}"
address = "农安县合隆镇东岗村3组"
phone = "13812345678"
"#,
        handlers.join(", ")
    )
}

/// A team catalog of one power (HJ-001, statutory 500–2000 yuan for a person): the
/// smallest file `powers import` accepts.
pub const TEAM_CATALOG: &str = r#"
[catalog]
name = "合隆镇综合行政执法事项清单"
version = "2026-1"
effective_from = "2026-12-01"

[[power]]
code = "HJ-001"
field = "生态环境"
subfield = "大气"
name = "对露天焚烧秸秆的处罚"
penalty_kinds = ["罚款"]
own_name = true
[[power.violated]]
law = "大气污染防治法"
version = "2018-10-26"
article = 77
[power.penalty]
law = "大气污染防治法"
version = "2018-10-26"
article = 119
paragraph = 1
[power.statutory]
kind = "range"
individual = { min = 500, max = 2000 }
[[power.tier]]
name = "一般"
condition = "一般情形"
individual = { min = 500, max = 1000 }
[[power.tier]]
name = "严重"
condition = "严重情形"
individual = { min = 1000, max = 2000 }
"#;
