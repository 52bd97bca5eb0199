//! The layout that keeps the rules in one place (README, "Code layout"): the store
//! decides nothing and has no circle, and the cockpit and the command line edit
//! through `workflow` only.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

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

/// Which sibling modules each store module uses (`super::x`).
fn store_graph() -> BTreeMap<String, BTreeSet<String>> {
    let modules = sources("src/store");
    let names: BTreeSet<String> = modules.keys().cloned().collect();
    modules
        .iter()
        .filter(|(name, _)| name.as_str() != "mod")
        .map(|(name, text)| {
            let mut uses = BTreeSet::new();
            for (i, _) in text.match_indices("super::") {
                let rest = &text[i + "super::".len()..];
                let mut push = |word: &str| {
                    let word = word.trim();
                    if names.contains(word) && word != name {
                        uses.insert(word.to_owned());
                    }
                };
                if let Some(list) = rest.strip_prefix('{') {
                    let list = &list[..list.find('}').unwrap_or(0)];
                    for item in list.split(',') {
                        push(item.split("::").next().unwrap_or_default());
                    }
                } else {
                    let end = rest
                        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .unwrap_or(rest.len());
                    push(&rest[..end]);
                }
            }
            (name.clone(), uses)
        })
        .collect()
}

#[test]
fn the_store_modules_use_each_other_without_a_circle() {
    let graph = store_graph();
    assert!(
        graph["contexts"].contains("terms"),
        "the parser sees uses: {graph:?}"
    );
    // Depth-first, with the path so far: a module met again on its own path is a circle.
    fn visit(
        graph: &BTreeMap<String, BTreeSet<String>>,
        node: &str,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|p| p == node) {
            let mut circle = path[start..].to_vec();
            circle.push(node.to_owned());
            return Some(circle);
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(circle) = visit(graph, next, path) {
                return Some(circle);
            }
        }
        path.pop();
        None
    }
    for module in graph.keys() {
        assert_eq!(visit(&graph, module, &mut Vec::new()), None, "a circle");
    }
}

#[test]
fn the_store_decides_nothing_about_outcomes() {
    // What an outcome does is catalogue data read by the rules in `domain`; the
    // store names no outcome.
    for (name, text) in sources("src/store") {
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
            assert!(!text.contains(code), "src/store/{name}.rs names {code}");
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
    for (name, text) in sources("src/store") {
        let found = writes(&text);
        seen += found.len();
        if !allowed.contains_key(name.as_str()) {
            assert!(
                found.is_empty(),
                "src/store/{name}.rs writes outside applying effects: {found:?}"
            );
        }
    }
    assert!(seen > 50, "the scanner finds the store's writes ({seen})");
    for (name, why) in &allowed {
        assert!(
            sources("src/store").contains_key(*name),
            "allowed for {why}, but src/store/{name}.rs is gone"
        );
    }
    // The sweep decides through rules too: its items are effects.
    let sweep = &sources("src/workflow")["sweep"];
    assert!(!sweep.contains("insert_"), "the sweep inserts rows itself");
}
