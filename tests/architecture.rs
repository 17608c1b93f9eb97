//! Layering rule (ARCHITECTURE.md): `domain` does not depend on `store`, `tui`, `report` or
//! `cli`, nor on SQL, the terminal or the file system. This test reads every file under
//! src/domain and fails on an import that breaks the rule.

use std::path::Path;

const FORBIDDEN: [&str; 10] = [
    "crate::store",
    "crate::tui",
    "crate::report",
    "crate::cli",
    "crate::paths",
    "rusqlite",
    "ratatui",
    "crossterm",
    "std::fs",
    "std::net",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Returns `file:line: token` for each forbidden use found in code (comments ignored).
fn violations(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for token in FORBIDDEN {
                if code.contains(token) {
                    found.push(format!("{}:{}: {token}", file.display(), n + 1));
                }
            }
        }
    }
    found
}

#[test]
fn domain_imports_no_outer_layer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let found = violations(&root);
    assert!(
        found.is_empty(),
        "domain must stay pure:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_catches_a_forbidden_import() {
    // Proves the scanner can fail: a temporary "domain" with a store import is flagged.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.rs"),
        "use crate::store::Store;\n// use rusqlite;\n",
    )
    .unwrap();
    let found = violations(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("crate::store"));
}
