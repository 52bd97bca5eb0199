//! What an edit did, in words: each effect in a few Dutch words, and an edit's
//! effects in one line, for the status line and the command line.

use super::catalog::Catalog;
use super::date::dutch;
use super::effects::Effect;

impl Effect {
    /// The effect in a few Dutch words, for the status line and the command line;
    /// `None` for effects that only follow from another (an item closed alongside).
    /// With the catalogue, outcomes, channels and categories go by their names
    /// (the cockpit); without it by their codes (what a script can rely on).
    pub fn describe(&self, names: Option<&Catalog>) -> Option<String> {
        let outcome_name = |code: &str| {
            names.map_or(code.to_owned(), |c| {
                super::text::in_sentence(c.outcome_name(code))
            })
        };
        Some(match self {
            Effect::CloseItem { outcome, .. } => {
                format!("afgehandeld ({})", outcome_name(outcome))
            }
            Effect::Postpone { to, .. } => format!("uitgesteld tot {}", dutch(*to)),
            Effect::FinishActivity { outcome, .. } => {
                format!("activiteit afgesloten ({})", outcome_name(outcome))
            }
            Effect::NewCycle { to, .. } => format!("nieuwe einddatum {}", dutch(*to)),
            Effect::Retype { to, .. } => {
                let to = names.map_or(to.as_str(), |c| c.activity_type_name(to));
                format!("voortaan {}", to.to_lowercase())
            }
            Effect::SetTermEnd { from, to, .. } if from == to => return None,
            Effect::SetTermEnd { to, .. } => format!("einde termijn nu {}", dutch(*to)),
            Effect::RecordContact { date, channel, .. } => {
                let channel = names.map_or(channel.as_str(), |c| c.channel_name(channel));
                format!("contact geregistreerd ({channel}, {})", dutch(*date))
            }
            Effect::RecordNoShow { .. } => "niet verschenen geregistreerd".to_owned(),
            Effect::AddFollowUp { due, .. } => format!("vervolgactie op {}", dutch(*due)),
            Effect::AddRhythmItem { due, .. } => format!("volgende poging op {}", dutch(*due)),
            Effect::RaiseExpiry { title, due, .. }
            | Effect::RaiseReminder { title, due, .. }
            | Effect::RaiseRhythmItem { title, due, .. } => {
                format!("werkitem \"{title}\" op {}", dutch(*due))
            }
            Effect::AddAppointment { date, time, .. } => match time {
                Some(t) => format!("nieuwe afspraak op {} om {t}", dutch(*date)),
                None => format!("nieuwe afspraak op {}", dutch(*date)),
            },
            Effect::AddActivity { type_code, end, .. } => {
                let kind = names.map_or(type_code.as_str(), |c| c.activity_type_name(type_code));
                format!("{} loopt tot {}", kind.to_lowercase(), dutch(*end))
            }
            Effect::Suspend { .. }
            | Effect::SetSuspensionEnd { .. }
            | Effect::ClipSuspension { .. } => return None,
            Effect::Adjourn { to, .. } => format!("beslistermijn verdaagd tot {}", dutch(*to)),
            Effect::ReceiveApplication { on, .. } => {
                format!("aanvraag ontvangen op {}", dutch(*on))
            }
            Effect::RecordDecision { decision, late, .. } => {
                let decision = if names.is_some() {
                    decision.name().to_lowercase()
                } else {
                    decision.code().to_owned()
                };
                if *late {
                    format!("besluit {decision} vastgelegd (te laat)")
                } else {
                    format!("besluit {decision} vastgelegd")
                }
            }
            Effect::StartTerm { rule, end, .. } => {
                format!("{rule} loopt tot {}", dutch(*end))
            }
            Effect::SetGoalStatus { status, .. } => format!("doel {status}"),
            Effect::UpdateClient { .. } => "klantgegevens gewijzigd".to_owned(),
            Effect::SetRiskProfile { to, .. } => {
                let to = names.map_or(to.as_str(), |c| {
                    c.risk_profile(to).map_or(to.as_str(), |p| p.name.as_str())
                });
                format!("risicoprofiel: {}", to.to_lowercase())
            }
            Effect::ChangeCategory { to, on, .. } => {
                let to = names.map_or(to.as_str(), |c| c.category_name(to));
                format!("categorie {to} vanaf {}", dutch(*on))
            }
            Effect::EndClient { on, reason, .. } => {
                let reason = names.map_or(reason.as_str(), |c| c.end_reason_name(reason));
                format!("uitgestroomd op {} ({reason})", dutch(*on))
            }
            Effect::ReopenClient { .. } => "weer aangemeld".to_owned(),
            Effect::PlanEnd { on, reason, .. } => {
                let reason = names.map_or(reason.as_str(), |c| c.end_reason_name(reason));
                format!("uitstroom gepland per {} ({reason})", dutch(*on))
            }
            Effect::CancelPlannedEnd { on, .. } => {
                format!("geplande uitstroom per {} vervallen", dutch(*on))
            }
            Effect::MoveAppointment { to, time, .. } => match time {
                Some(t) => format!("afspraak verplaatst naar {} om {t}", dutch(*to)),
                None => format!("afspraak verplaatst naar {}", dutch(*to)),
            },
            Effect::ReopenItem { .. } => "werkitem heropend".to_owned(),
            Effect::ReopenActivity { .. } => "activiteit weer open".to_owned(),
            Effect::CorrectNote { .. } => "notitie gecorrigeerd".to_owned(),
            Effect::CorrectContact { .. } => "contactmoment gecorrigeerd".to_owned(),
            Effect::RecordLetter { kind, .. } => format!("brief gemaakt ({kind})"),
            Effect::AddClient { details, .. } => format!("klant {} ingeschreven", details.name),
            Effect::AddApplication { application } => match application.received_on {
                Some(on) => format!("aanvraag ontvangen op {}", dutch(on)),
                None => "melding geregistreerd; eerst de zoektermijn".to_owned(),
            },
            Effect::AddRuleVersion {
                rule,
                valid_from,
                length_days,
                article,
                ..
            } => format!(
                "{rule} vanaf {}: {length_days} dagen ({article})",
                dutch(*valid_from)
            ),
            Effect::DeclareHoliday { date, name, .. } => {
                format!("{name} ({}) gelijkgesteld met een feestdag", dutch(*date))
            }
            Effect::DeclareYear { year, .. } => {
                format!("de gelijkgestelde dagen van {year} zijn bekend")
            }
            Effect::StartPlan { start, .. } => {
                format!("plan van aanpak gestart op {}", dutch(*start))
            }
            Effect::AddGoal { deadline, .. } => {
                format!("doel toegevoegd (deadline {})", dutch(*deadline))
            }
            Effect::AddEvaluation { end, .. } => format!("evaluatie op {}", dutch(*end)),
            Effect::AddNote { .. } => "notitie geschreven".to_owned(),
            Effect::AddSituation { domain, score, .. } => {
                format!("situatie vastgelegd ({domain}: {score})")
            }
            Effect::AddLadderStep { step, .. } => format!("trede {step} vastgelegd"),
            Effect::SetRhythm { category, to, .. } => {
                let category = names.map_or(category.as_str(), |c| c.category_name(category));
                format!("contactritme gewijzigd ({category}: {to} dagen)")
            }
            Effect::MarkLetterSent { on, .. } => format!("brief verstuurd op {}", dutch(*on)),
        })
    }
}

/// The effects of one edit in one line: "afgehandeld (gesproken); contact
/// geregistreerd (…)". Repeated phrases (several items closed at once) are said once.
pub fn summary(effects: &[Effect], names: Option<&Catalog>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let handled: Vec<&str> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::CloseItem { outcome, .. } => Some(outcome.as_str()),
            _ => None,
        })
        .collect();
    for effect in effects {
        // An activity finished with the outcome its item was handled with goes
        // without saying.
        if matches!(effect, Effect::FinishActivity { outcome, .. } if handled.contains(&outcome.as_str()))
        {
            continue;
        }
        if let Some(text) = effect.describe(names).filter(|t| !parts.contains(t)) {
            parts.push(text);
        }
    }
    parts.join("; ")
}
