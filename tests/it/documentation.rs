//! The documents a newcomer reads: a short README that links every document in
//! `docs/`, and links in them that lead somewhere (a file that is there, a heading
//! that is there).

use std::fs;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The anchor GitHub gives a heading: lower case, punctuation out, spaces as dashes.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The relative links of a markdown text: `(target, anchor)`.
fn links(text: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("](") {
        rest = &rest[at + 2..];
        let Some(end) = rest.find(')') else { break };
        let link = &rest[..end];
        if !link.starts_with("http") && !link.contains(' ') {
            let (file, anchor) = match link.split_once('#') {
                Some((file, anchor)) => (file.to_owned(), Some(anchor.to_owned())),
                None => (link.to_owned(), None),
            };
            out.push((file, anchor));
        }
    }
    out
}

#[test]
fn the_readme_is_short_and_every_link_leads_somewhere() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let lines = readme.lines().count();
    assert!(
        lines <= 150,
        "the README has {lines} lines; move detail to docs/"
    );
    // The two commands of a fresh machine stay in it.
    assert!(readme.contains("cargo run --release -- demo"));
    assert!(readme.contains("cargo test --locked --workspace"));
    let mut documents = vec![root().join("README.md")];
    for entry in fs::read_dir(root().join("docs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "md") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                readme.contains(&format!("(docs/{name})")),
                "the README does not link docs/{name}"
            );
            documents.push(path);
        }
    }
    assert!(documents.len() >= 10, "{documents:?}");
    let mut broken = Vec::new();
    for document in &documents {
        let text = fs::read_to_string(document).unwrap();
        for (file, wanted) in links(&text) {
            let target = if file.is_empty() {
                document.clone()
            } else {
                document.parent().unwrap().join(&file)
            };
            if !target.exists() {
                broken.push(format!("{}: {file}", document.display()));
                continue;
            }
            if let Some(wanted) = wanted.filter(|_| target.extension().is_some_and(|x| x == "md")) {
                let headings = fs::read_to_string(&target).unwrap();
                if !headings
                    .lines()
                    .filter_map(|l| l.trim_start_matches('#').strip_prefix(' '))
                    .any(|h| anchor(h) == wanted)
                {
                    broken.push(format!("{}: {file}#{wanted}", document.display()));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links that lead nowhere:\n{}",
        broken.join("\n")
    );
}
