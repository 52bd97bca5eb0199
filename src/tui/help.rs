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

/// The actions whose words (or key) hold what is typed, case and accents aside.
pub fn help_found<'a>(actions: &'a [HelpAction], text: &str) -> Vec<&'a HelpAction> {
    let wanted = crate::domain::search::fold(text.trim());
    actions
        .iter()
        .filter(|a| crate::domain::search::fold(a.what).contains(&wanted) || a.key == text.trim())
        .collect()
}
