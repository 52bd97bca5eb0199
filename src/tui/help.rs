//! The help's search over the actions of a screen: what is typed, which action is
//! chosen, and which actions it finds.

/// The help's search: what is typed, and which of the actions it finds is chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpSearch {
    pub text: String,
    pub selected: usize,
}

/// An action of the screen the help is about: its key (as the settings have it)
/// and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpAction {
    pub action: crate::tui::keymap::Action,
    pub key: String,
    pub what: &'static str,
}

/// The actions whose words (or key) hold what is typed, case and accents aside;
/// those whose words begin with it first (`aanvraag` finds *aanvraag ontvangen*
/// before *hersteltermijn zonder aanvraag*), then those with a word that begins
/// with it, then the rest.
pub fn help_found<'a>(actions: &'a [HelpAction], text: &str) -> Vec<&'a HelpAction> {
    let wanted = crate::domain::search::fold(text.trim());
    let mut found: Vec<(u8, &HelpAction)> = actions
        .iter()
        .filter_map(|a| {
            let words = crate::domain::search::fold(a.what);
            let rank = if a.key == text.trim() || words.starts_with(&wanted) {
                0
            } else if words.split(' ').any(|w| w.starts_with(&wanted)) {
                1
            } else if words.contains(&wanted) {
                2
            } else {
                return None;
            };
            Some((rank, a))
        })
        .collect();
    // Stable: within a rank, the order of the help.
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().map(|(_, a)| a).collect()
}
