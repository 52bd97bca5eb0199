//! The layout that keeps the rules in one place (docs/development.md, "Code layout"), where the
//! compiler cannot see it: no folder's modules use each other in a circle, the store
//! decides nothing and writes a case only by applying effects, and the cockpit and
//! the command line edit through `workflow` only. (That `inbeeld-core` has no
//! terminal, typst or PostgreSQL, the crates' dependencies say.)

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The store, the workflow: the core crate's folders.
const STORE: &str = "crates/inbeeld-core/src/store";
const WORKFLOW: &str = "crates/inbeeld-core/src/workflow";

fn sources(folder: &str) -> BTreeMap<String, String> {
    fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The folders of the workspace that hold modules, with the module path the folder
/// is (`""` for a crate's root): every crate's `src` and each folder below it.
fn module_folders() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, path: &str, out: &mut Vec<(PathBuf, String)>) {
        out.push((dir.to_owned(), path.to_owned()));
        let mut dirs: Vec<PathBuf> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir() && p.join("mod.rs").exists())
            .collect();
        dirs.sort();
        for sub in dirs {
            let name = sub.file_name().unwrap().to_string_lossy().into_owned();
            let path = if path.is_empty() {
                name
            } else {
                format!("{path}::{name}")
            };
            walk(&sub, &path, out);
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut crates = vec![root.join("src")];
    for entry in fs::read_dir(root.join("crates")).unwrap() {
        crates.push(entry.unwrap().path().join("src"));
    }
    let mut out = Vec::new();
    for src in crates {
        walk(&src, "", &mut out);
    }
    out
}

/// The names a text uses after `prefix` (`super::`, `crate::store::`): a single name,
/// or each name of a `{a, b::c}` list.
fn used_after(text: &str, prefix: &str) -> BTreeSet<String> {
    let word = |s: &str| {
        let s = s.trim();
        let end = s
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(s.len());
        s[..end].to_owned()
    };
    let mut uses = BTreeSet::new();
    for (i, _) in text.match_indices(prefix) {
        // `crate::x::` is not the end of `other_crate::x::`.
        if text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &text[i + prefix.len()..];
        if let Some(list) = rest.strip_prefix('{') {
            for item in list[..list.find('}').unwrap_or(0)].split(',') {
                uses.insert(word(item));
            }
        } else {
            uses.insert(word(rest));
        }
    }
    uses
}

/// A module's text: its file, or every file of its folder (where `super::` inside
/// the folder's own files names the folder, not its siblings).
fn module_text(module: &Path) -> String {
    if module.is_file() {
        return fs::read_to_string(module).unwrap();
    }
    let mut text = fs::read_to_string(module.join("mod.rs")).unwrap();
    let mut stack = vec![module.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let file = entry.unwrap().path();
            if file.is_dir() {
                stack.push(file);
            } else if file.extension().is_some_and(|x| x == "rs") && file != module.join("mod.rs") {
                text += &fs::read_to_string(&file)
                    .unwrap()
                    .replace("super::", "inner::");
            }
        }
    }
    text
}

/// Which sibling modules each module of `folder` (module path `path`) uses: by
/// `super::x` from a file beside them, or by `crate::<path>::x` from anywhere.
fn module_graph(folder: &Path, path: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut modules = BTreeMap::new();
    for entry in fs::read_dir(folder).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        let is_file = p.extension().is_some_and(|x| x == "rs")
            && !["mod", "lib", "main"].contains(&name.as_str());
        if is_file || (p.is_dir() && p.join("mod.rs").exists()) {
            modules.insert(name, module_text(&p));
        }
    }
    let names: BTreeSet<String> = modules.keys().cloned().collect();
    let from_crate = if path.is_empty() {
        "crate::".to_owned()
    } else {
        format!("crate::{path}::")
    };
    modules
        .iter()
        .map(|(name, text)| {
            let mut uses = used_after(text, &from_crate);
            if !path.is_empty() {
                uses.extend(used_after(text, "super::"));
            }
            uses.retain(|u| names.contains(u) && u != name);
            (name.clone(), uses)
        })
        .collect()
}

/// A circle in `graph`, if there is one, as the path around it.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    // Depth-first, with the path so far: a module met again on its own path is a circle.
    fn visit(
        graph: &BTreeMap<String, BTreeSet<String>>,
        node: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|p| p == node) {
            let mut circle = path[start..].to_vec();
            circle.push(node.to_owned());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(circle) = visit(graph, next, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|m| visit(graph, m, &mut Vec::new(), &mut done))
}

/// Folders whose modules still use each other in a circle: the cockpit, until each
/// flow is a module of its own.
const CIRCLES_LEFT: &[&str] = &[];

#[test]
fn no_folder_has_modules_that_use_each_other_in_a_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folders = module_folders();
    assert!(folders.len() > 8, "the walk finds the folders: {folders:?}");
    let store = root.join(STORE);
    let graph = module_graph(&store, "store");
    assert!(
        graph["contexts"].contains("terms"),
        "the parser sees uses: {graph:?}"
    );
    for (dir, path) in &folders {
        let name = dir.strip_prefix(root).unwrap().display().to_string();
        let found = circle(&module_graph(dir, path));
        if CIRCLES_LEFT.contains(&name.as_str()) {
            assert!(
                found.is_some(),
                "{name} has no circle left: take it off the list"
            );
        } else {
            assert_eq!(found, None, "a circle in {name}");
        }
    }
}

#[test]
fn the_store_decides_nothing_about_outcomes() {
    // What an outcome does is catalogue data read by the rules in `domain`; the
    // store names no outcome.
    for (name, text) in sources(STORE) {
        for code in [
            "\"gesproken\"",
            "\"verlengd\"",
            "\"no_show\"",
            "\"verstrekt\"",
            "\"ontvangen\"",
            "\"niet_ontvangen\"",
            "\"besloten\"",
            "\"bekendgemaakt\"",
            "\"vervallen\"",
        ] {
            assert!(!text.contains(code), "{STORE}/{name}.rs names {code}");
        }
    }
}

#[test]
fn the_cockpit_and_the_command_line_edit_through_workflow() {
    for folder in ["src/cli", "src/tui", "src/demo"] {
        for (name, text) in sources(folder) {
            for write in [".write(|", ".apply(&", ".tx()"] {
                assert!(
                    !text.contains(write),
                    "{folder}/{name}.rs writes without workflow ({write})"
                );
            }
        }
    }
}

/// The SQL statements in `text` that change rows.
fn writes(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let upper = line.to_uppercase();
        for verb in ["INSERT INTO", "INSERT OR", "UPDATE ", "DELETE FROM"] {
            let Some(at) = upper.find(verb) else { continue };
            // `UPDATE x SET`: a statement, not the word in a comment.
            if verb == "UPDATE " && !upper[at..].contains(" SET ") {
                continue;
            }
            if line.trim_start().starts_with("//") {
                continue;
            }
            found.push(line.trim().to_owned());
        }
    }
    found
}

#[test]
fn the_store_writes_a_case_only_by_applying_effects() {
    // Where rows may change, and why. Every other module of the store reads: an edit
    // of a case is a list of effects from the rules, applied in `apply*`.
    let allowed: BTreeMap<&str, &str> = [
        ("apply", "applying effects"),
        ("apply_corrections", "applying the effects of corrections"),
        ("apply_rows", "the rows effects add"),
        ("undo", "reversing an edit's effects by its audit rows"),
        ("audit", "the audit row of each effect"),
        ("mod", "the summary of an edit"),
        ("open", "creating the file"),
        ("bulk", "the demo's generated caseload, in one load"),
        (
            "bundle",
            "importing whole clients, checked before they are kept",
        ),
        ("safety", "restoring a backup"),
        ("team", "the bookkeeping of shared clients"),
    ]
    .into_iter()
    .collect();
    let mut seen = 0;
    for (name, text) in sources(STORE) {
        let found = writes(&text);
        seen += found.len();
        if !allowed.contains_key(name.as_str()) {
            assert!(
                found.is_empty(),
                "{STORE}/{name}.rs writes outside applying effects: {found:?}"
            );
        }
    }
    assert!(seen > 50, "the scanner finds the store's writes ({seen})");
    for (name, why) in &allowed {
        assert!(
            sources(STORE).contains_key(*name),
            "allowed for {why}, but {STORE}/{name}.rs is gone"
        );
    }
    // The sweep decides through rules too: its items are effects.
    let sweep = &sources(WORKFLOW)["sweep"];
    assert!(!sweep.contains("insert_"), "the sweep inserts rows itself");
}
