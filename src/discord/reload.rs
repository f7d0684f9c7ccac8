//! `/reload` (admins only): reload the content now and report what changed.
//!
//! The reload is I/O, which the pure [`super::handle`] never does, so both
//! transports look at every interaction with [`intercept`] first:
//!
//! ```text
//! // super::answer_live, which both transports call:
//! match reload::intercept(&interaction) {
//!     None => handle(&live.get(), &settings, &interaction),   // everything else
//!     Some(Reload::Refuse(response)) => *response,            // not an admin
//!     Some(Reload::Run(locale)) => {
//!         let report = spawn_blocking(move || live.reload()).await?;
//!         reload_response(&report, locale)
//!     }
//! }
//! ```
//!
//! Who may reload is decided twice: Discord shows the command only to members
//! with **Manage Server** (its `default_member_permissions`, which a server
//! admin may widen under Server Settings → Integrations), and [`authorized`]
//! checks the member's permissions sent with the interaction (Manage Server or
//! Administrator), so a widened setting or a stale registration can't let
//! anyone else reload. The command exists only in servers (no DMs).
//!
//! Everything here is pure; every response is ephemeral, parses no mentions
//! and goes through the normal renderer (so every limit holds).

use serenity::all::{CommandInteraction, CreateInteractionResponse, Interaction, Permissions};

use super::render;
use crate::answer::{notices, reload_reply, Locale};
use crate::library::changes::ReloadReport;

/// The command's registered (English) name.
pub const NAME: &str = "reload";

/// Any of these lets a member reload.
pub const REQUIRED: Permissions = Permissions::MANAGE_GUILD;

/// What a transport does with an interaction that is a `/reload`.
#[derive(Debug, Clone)]
pub enum Reload {
    /// An authorized member asked: reload, then answer with
    /// [`reload_response`] in this locale.
    Run(Locale),
    /// Not allowed (or not in a server): send this response as is.
    Refuse(Box<CreateInteractionResponse>),
}

/// The `/reload` slash command inside an interaction, if it is one (not its
/// autocomplete: the command has no options).
pub fn is_reload(interaction: &Interaction) -> Option<&CommandInteraction> {
    match interaction {
        Interaction::Command(i) if i.data.name == NAME => Some(i),
        _ => None,
    }
}

/// Whether the member who ran the command may reload: in a server, with
/// Manage Server or Administrator in the permissions Discord computed for
/// them in that channel. A DM (no member) or missing permissions: no.
pub fn authorized(i: &CommandInteraction) -> bool {
    i.guild_id.is_some()
        && i.member
            .as_ref()
            .and_then(|m| m.permissions)
            .is_some_and(|p| p.contains(REQUIRED) || p.contains(Permissions::ADMINISTRATOR))
}

/// What to do with `interaction`: `None` when it is not a `/reload`.
pub fn intercept(interaction: &Interaction) -> Option<Reload> {
    let i = is_reload(interaction)?;
    let l = Locale::from_tag(&i.locale);
    Some(if authorized(i) {
        Reload::Run(l)
    } else {
        Reload::Refuse(Box::new(refused(l)))
    })
}

/// The report of a finished reload, as an ephemeral message.
pub fn reload_response(report: &ReloadReport, l: Locale) -> CreateInteractionResponse {
    render::private_message(&reload_reply(report, l), l)
}

/// The friendly refusal for a member without the permission (or a DM).
pub fn refused(l: Locale) -> CreateInteractionResponse {
    render::private_message(&notices::reload_refused(l), l)
}

/// When an authorized `/reload` reaches the pure handler (a transport that
/// can't reload, e.g. `lectern ask`): nothing was reloaded, and it says so.
pub fn unavailable(l: Locale) -> CreateInteractionResponse {
    render::private_message(&notices::reload_unavailable(l), l)
}

/// A reload that failed unexpectedly (it panicked): the content in service
/// is unchanged.
pub fn failed(l: Locale) -> CreateInteractionResponse {
    render::private_message(&notices::reload_failed(l), l)
}

/// What the pure handler answers for a `/reload` it was given: the refusal
/// for members without the permission, else [`unavailable`].
pub fn without_reloading(i: &CommandInteraction) -> CreateInteractionResponse {
    let l = Locale::from_tag(&i.locale);
    if authorized(i) {
        unavailable(l)
    } else {
        refused(l)
    }
}
