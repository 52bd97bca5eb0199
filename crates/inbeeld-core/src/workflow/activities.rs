//! Activities: register, close, extend.

use chrono::NaiveDate;

use super::{apply, edit, Done, World};
use crate::domain::aanvraag::{self, HERSTELTERMIJN};
use crate::domain::activity::NewActivity;
use crate::domain::effects::Effect;
use crate::domain::error::optional_text;
use crate::domain::handling::{self, CloseRequest};
use crate::domain::sanction::{SanctionStep, Verordening};
use crate::domain::InputError;
use crate::store::{Result, Store};

/// Registers an activity for a client whose category allows its type. A
/// hersteltermijn belongs to the client's open aanvraag — the one named, or the only
/// one — and suspends its beslistermijn; with none it is an ordinary term.
pub fn add_activity(
    store: &mut Store,
    new: &NewActivity,
    application: Option<i64>,
    today: NaiveDate,
) -> Result<Done> {
    if new.end_date < new.start_date {
        return Err(InputError::EndBeforeStart {
            start: new.start_date.to_string(),
            end: new.end_date.to_string(),
        }
        .into());
    }
    let client = store.client(new.client_id)?;
    store.write(|w| {
        let world = World::read(w, today)?;
        let activity_type = world
            .catalog
            .allowed_activity_type(&client.category, &new.type_code)?;
        let title =
            optional_text(new.title.as_deref()).unwrap_or_else(|| activity_type.name.clone());
        if activity_type.code == HERSTELTERMIJN {
            let open = w.open_applications_of(client.id)?;
            let chosen = match (application, open.as_slice()) {
                (Some(app), _) if open.contains(&app) => Some(app),
                (Some(app), _) => {
                    return Err(InputError::NotOpenApplication {
                        client: client.id,
                        id: app,
                    }
                    .into())
                }
                (None, [only]) => Some(*only),
                (None, []) => None,
                (None, several) => {
                    return Err(InputError::ChooseApplication {
                        client: client.id,
                        open: several
                            .iter()
                            .map(i64::to_string)
                            .collect::<Vec<_>>()
                            .join(", "),
                    }
                    .into())
                }
            };
            if let Some(app) = chosen {
                let ctx = w.application_context(app)?;
                let effects = aanvraag::give_hersteltermijn(
                    &ctx,
                    &world.env(),
                    &title,
                    new.start_date,
                    new.end_date,
                )?;
                return apply(w, &world, effects, Some(app));
            }
        } else if let Some(app) = application {
            return Err(InputError::OnlyHersteltermijnOnApplication { id: app }.into());
        }
        let effect = Effect::AddActivity {
            client: client.id,
            type_code: activity_type.code.clone(),
            title,
            start: new.start_date,
            end: new.end_date,
            application: None,
            follows: None,
        };
        apply(w, &world, vec![effect], None)
    })
}

/// Closes an activity with an outcome: the same effects as handling the item of its
/// current cycle.
pub fn close_activity(
    store: &mut Store,
    id: i64,
    request: &CloseRequest,
    today: NaiveDate,
) -> Result<Done> {
    edit(store, today, |w, world| {
        let ctx = w.activity_context(&world.catalog, id)?;
        let touched = ctx.application.as_ref().map(|a| a.application.id);
        Ok((
            handling::close_activity(&world.env(), &ctx, request)?,
            touched,
        ))
    })
}

/// Moves an open activity's end date: a new cycle.
/// Lets a hersteltermijn given without an aanvraag go on as an informatieverzoek.
pub fn as_informatieverzoek(store: &mut Store, id: i64, today: NaiveDate) -> Result<Done> {
    edit(store, today, |w, world| {
        let ctx = w.activity_context(&world.catalog, id)?;
        Ok((handling::as_informatieverzoek(&world.env(), &ctx)?, None))
    })
}

pub fn extend_activity(
    store: &mut Store,
    id: i64,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<Done> {
    edit(store, today, |w, world| {
        let ctx = w.activity_context(&world.catalog, id)?;
        let touched = ctx.application.as_ref().map(|a| a.application.id);
        Ok((handling::extend_activity(&world.env(), &ctx, to)?, touched))
    })
}

/// What the verordening says for a maatregel opgelegd on `client` today: its step
/// after the maatregelen opgelegd within the terugkijktermijn.
pub fn sanction_step(
    store: &Store,
    client: i64,
    verordening: &Verordening,
    today: NaiveDate,
) -> Result<SanctionStep> {
    Ok(verordening.step(&store.sanctions_of(client)?, today))
}
