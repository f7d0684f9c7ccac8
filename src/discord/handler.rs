//! The one pure interaction handler: an [`Interaction`] in, the
//! [`CreateInteractionResponse`] to send back out. The gateway client and the
//! HTTP endpoint (through [`super::answer_live`]), `lectern ask --format
//! discord`, the tests and the benchmark all call [`handle`]; nothing here
//! does I/O or keeps state.
//!
//! - `/reload` (type 2): the transports reload and answer it themselves
//!   ([`super::reload`]); here it only gets the refusal (or, for an admin, a
//!   note that this transport can't reload).
//! - Slash command (type 2): options → [`Command`] → [`answer`] → embed and
//!   buttons, as a new message (type 4), ephemeral when the asker set `hide`,
//!   by the configured default otherwise, and always for errors.
//! - Autocomplete (type 4): chapter, topic or course choices (type 8).
//! - Button click (type 3): the command is read back from the `custom_id`
//!   ([`super::custom_id`]); navigation inside a chapter (previous/next,
//!   summary ↔ key points ↔ reading, page turns) replaces the clicked message
//!   (UPDATE_MESSAGE, type 7); a click on a list (chapters, search results,
//!   help) or on an error's suggestion posts a new message so the list stays.
//!   A click whose answer is an error, or a button that can't be read, gets a
//!   new ephemeral message and leaves the clicked message alone.
//! - A reply with a picture ([`crate::answer::Reply::attachment`], e.g.
//!   `/where`): [`answer_interaction`] hands the file back beside the
//!   response, so each transport delivers it its own way; [`handle`] puts it
//!   in the message (the gateway sends that as multipart).

use serenity::all::{
    AutocompleteChoice, CommandInteraction, ComponentInteraction, CreateAutocompleteResponse,
    CreateInteractionResponse, Interaction, MessageFlags,
};

use super::custom_id::{self, ClickMode};
use super::options::{read_command, Values};
use super::render::{self, Frame};
use super::{commands, limits, reload, Settings};
use crate::answer::{
    answer, command_suggestions, notices, Attachment, Command, Locale, Reply, Request, NAMES,
};
use crate::app::Lectern;
use crate::cut::{char_len, truncate};
use crate::search::Suggestion;

/// Answers one interaction, a picture included. Pure: reads `lectern` and
/// `settings` only.
pub fn handle(
    lectern: &Lectern,
    settings: &Settings,
    interaction: &Interaction,
) -> CreateInteractionResponse {
    answer_interaction(lectern, settings, interaction).into_response()
}

/// A response and the file that goes with it, kept apart: an HTTP response
/// body can't carry a file, so that transport sends the two as a follow-up.
#[derive(Debug, Clone)]
pub struct Answered {
    /// The response; its embed already shows the file (`attachment://NAME`).
    pub response: CreateInteractionResponse,
    pub file: Option<Attachment>,
}

impl Answered {
    /// A response without a file.
    pub fn plain(response: CreateInteractionResponse) -> Answered {
        Answered {
            response,
            file: None,
        }
    }

    /// The response with the file in its message.
    pub fn into_response(self) -> CreateInteractionResponse {
        render::attach(self.response, self.file)
    }
}

/// [`handle`], with the file apart from the response.
pub fn answer_interaction(
    lectern: &Lectern,
    settings: &Settings,
    interaction: &Interaction,
) -> Answered {
    match interaction {
        Interaction::Ping(_) => Answered::plain(CreateInteractionResponse::Pong),
        // The transports reload before getting here (see `reload`); what is
        // left is a refusal, or a note that this transport can't reload.
        Interaction::Command(i) if i.data.name == reload::NAME => {
            Answered::plain(reload::without_reloading(i))
        }
        Interaction::Command(i) => slash_command(lectern, settings, i),
        Interaction::Autocomplete(i) => Answered::plain(autocomplete(lectern, i)),
        Interaction::Component(i) => click(lectern, i),
        Interaction::Modal(i) => Answered::plain(unsupported(Locale::from_tag(&i.locale))),
        _ => Answered::plain(unsupported(lectern.default_locale)),
    }
}

/// What a transport answers when answering itself failed (a task that could
/// not finish): an ephemeral apology.
pub fn went_wrong(l: Locale) -> CreateInteractionResponse {
    render::private_message(&notices::answering_failed(l), l)
}

fn slash_command(lectern: &Lectern, settings: &Settings, i: &CommandInteraction) -> Answered {
    let l = Locale::from_tag(&i.locale);
    let invocation = match read_command(&i.data) {
        Ok(invocation) => invocation,
        Err(e) => return Answered::plain(error_message(e.reply(l), l, None, true)),
    };
    let hidden = invocation.hide.unwrap_or(settings.ephemeral_by_default);
    let command = &invocation.command;
    let mut reply = answer(lectern, &Request::new(command.clone(), l));
    let response = CreateInteractionResponse::Message(render::message(
        &reply,
        &Frame {
            locale: l,
            source: Some(command),
            hidden,
            set_flag: true,
        },
    ));
    Answered {
        response,
        file: reply.attachment.take(),
    }
}

fn click(lectern: &Lectern, i: &ComponentInteraction) -> Answered {
    let l = Locale::from_tag(&i.locale);
    let clicked_hidden = i
        .message
        .flags
        .is_some_and(|f| f.contains(MessageFlags::EPHEMERAL));
    let action = match custom_id::decode(&i.data.custom_id) {
        Ok(action) => action,
        Err(_) => return Answered::plain(error_message(notices::stale_button(l), l, None, true)),
    };
    let hidden = match action.mode {
        ClickMode::Update => clicked_hidden,
        ClickMode::NewPublic => false,
        ClickMode::NewHidden => true,
    };
    let command = &action.command;
    let mut reply = answer(lectern, &Request::new(command.clone(), l));
    if !reply.is_ok() {
        return Answered::plain(error_message(reply, l, Some(command), hidden));
    }
    let frame = Frame {
        locale: l,
        source: Some(command),
        hidden,
        set_flag: action.mode != ClickMode::Update,
    };
    let message = render::message(&reply, &frame);
    let response = match action.mode {
        ClickMode::Update => CreateInteractionResponse::UpdateMessage(message),
        ClickMode::NewPublic | ClickMode::NewHidden => CreateInteractionResponse::Message(message),
    };
    Answered {
        response,
        file: reply.attachment.take(),
    }
}

/// An error as a new ephemeral message, with buttons for its suggestions.
/// `hidden` is the visibility the asker wanted for the real answer.
fn error_message(
    reply: Reply,
    l: Locale,
    source: Option<&Command>,
    hidden: bool,
) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(render::message(
        &reply,
        &Frame {
            locale: l,
            source,
            hidden,
            set_flag: true,
        },
    ))
}

fn unsupported(l: Locale) -> CreateInteractionResponse {
    render::private_message(&notices::unsupported_interaction(l), l)
}

fn autocomplete(lectern: &Lectern, i: &CommandInteraction) -> CreateInteractionResponse {
    let suggestions = match (commands::spec(&i.data.name), i.data.autocomplete()) {
        (Some(_), Some(focused)) => {
            let values = Values::from_options(&i.data.options);
            let course = values
                .text(commands::COURSE.name)
                .and_then(|c| lectern.library.course(&c).map(|c| c.id.clone()));
            let (library, course) = (&lectern.library, course.as_deref());
            match focused.name {
                "chapter" => lectern
                    .index
                    .suggest_chapters(library, focused.value, course),
                "query" => lectern.index.suggest_topics(library, focused.value, course),
                "course" => course_suggestions(lectern, focused.value),
                "command" => command_suggestions(Locale::from_tag(&i.locale), NAMES, focused.value),
                _ => Vec::new(),
            }
        }
        _ => Vec::new(),
    };
    CreateInteractionResponse::Autocomplete(
        CreateAutocompleteResponse::new().set_choices(choices(suggestions)),
    )
}

/// Suggestions as autocomplete choices within Discord's limits: at most 25,
/// names of 1–100 characters, values of at most 100 (longer ones dropped: a
/// cut value would run something else), no repeated values.
pub fn choices(suggestions: Vec<Suggestion>) -> Vec<AutocompleteChoice> {
    let mut seen = std::collections::HashSet::new();
    suggestions
        .into_iter()
        .filter(|s| char_len(&s.value) <= limits::CHOICE_VALUE && !s.value.trim().is_empty())
        .filter(|s| seen.insert(s.value.clone()))
        .map(|s| {
            let name = crate::cut::squash_whitespace(&s.name);
            let name = if name.is_empty() {
                s.value.clone()
            } else {
                name
            };
            AutocompleteChoice::new(truncate(&name, limits::CHOICE_NAME), s.value)
        })
        .take(limits::CHOICES)
        .collect()
}

fn course_suggestions(lectern: &Lectern, typed: &str) -> Vec<Suggestion> {
    let typed = typed.trim().to_lowercase();
    lectern
        .library
        .courses
        .iter()
        .filter(|c| {
            typed.is_empty()
                || c.id.to_lowercase().contains(&typed)
                || c.title.to_lowercase().contains(&typed)
                || c.title_ko.contains(&typed)
        })
        .map(|c| Suggestion {
            name: commands::choice_name(&c.title_ko, &c.id),
            value: c.id.clone(),
        })
        .collect()
}
