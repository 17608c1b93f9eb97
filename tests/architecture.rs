//! Layering rule (ARCHITECTURE.md): the domain knows nothing of SQL, the terminal, documents'
//! layout or the file system.
//!
//! The compiler guards most of it: the domain is its own crate (`crates/zhifa-domain`), so it
//! cannot name `store`, `tui`, `cli` or `report`, and it can use only the crates its manifest
//! lists. This test guards the two things the compiler cannot: that manifest stays short, and
//! the standard library's IO modules stay out of the domain's code.

use std::path::Path;

/// The only crates the pure core may depend on.
const ALLOWED_DEPENDENCIES: [&str; 8] = [
    "chrono",
    "pinyin",
    // Seeded draws (双随机, 评查 samples): deterministic from the recorded seed, no IO (no
    // `std` RNG or OS entropy is used: only `SeedableRng::seed_from_u64`).
    "rand",
    "rand_chacha",
    "serde",
    "serde_json",
    "thiserror",
    "toml",
];

/// Standard-library IO the domain must not use (comments ignored).
const FORBIDDEN_STD: [&str; 4] = ["std::fs", "std::net", "std::process", "std::env"];

fn domain_root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/zhifa-domain")
}

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
            for token in FORBIDDEN_STD {
                if code.contains(token) {
                    found.push(format!("{}:{}: {token}", file.display(), n + 1));
                }
            }
        }
    }
    found
}

/// The dependencies a manifest lists that are not allowed in the domain.
fn foreign_dependencies(manifest: &str) -> Vec<String> {
    let manifest: toml::Table = toml::from_str(manifest).unwrap();
    let deps = manifest
        .get("dependencies")
        .and_then(|d| d.as_table())
        .cloned()
        .unwrap_or_default();
    deps.keys()
        .filter(|name| !ALLOWED_DEPENDENCIES.contains(&name.as_str()))
        .cloned()
        .collect()
}

#[test]
fn domain_uses_no_io() {
    let found = violations(&domain_root().join("src"));
    assert!(
        found.is_empty(),
        "domain must stay pure:\n{}",
        found.join("\n")
    );
}

#[test]
fn domain_manifest_lists_only_pure_crates() {
    let manifest = std::fs::read_to_string(domain_root().join("Cargo.toml")).unwrap();
    let foreign = foreign_dependencies(&manifest);
    assert!(foreign.is_empty(), "domain crate depends on {foreign:?}");
}

#[test]
fn the_checks_catch_io_and_a_foreign_crate() {
    // Proves both scanners can fail.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.rs"),
        "use std::fs::File;\n// use std::net;\n",
    )
    .unwrap();
    let found = violations(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("std::fs"));
    let foreign = foreign_dependencies("[dependencies]\nserde = \"1\"\nrusqlite = \"0.40\"\n");
    assert_eq!(foreign, ["rusqlite"]);
}
