//! The study commands over Discord, and the server's settings applied to
//! every interaction: a thin async layer in front of [`super::answer_live_apart`].
//!
//! Both transports call [`answer_checking`] with the study [`Book`] they opened at
//! start (none → exactly [`super::answer_live_apart`], state commands then say the
//! database is unavailable) and, with a bot token, a way to ask what the bot
//! may do in a channel (for `/daily set`). For each interaction it reads the member from
//! the interaction — user and server ids, the display name for this reply
//! only, and whether they may manage the server — then:
//! - a state command (slash, or a button such as "✅ 봤어요") is answered by
//!   [`crate::answer::state::respond`] and rendered like every other reply;
//!   the acknowledgement of a ✅ press is ephemeral (only the presser sees
//!   it), board page turns and the forget-me confirmation replace the clicked
//!   message;
//! - anything else goes to the pure handler, after the server's settings are
//!   written into the interaction (its language as the locale, its default
//!   course and default visibility as options the asker didn't give). The
//!   settings read is bounded by [`SETTINGS_WAIT`]: a slow or down database
//!   never holds up a lookup.

use std::sync::Arc;
use std::time::Duration;

use serenity::all::{
    CommandDataOption, CommandInteraction, CreateInteractionResponse, GuildId, Interaction,
    Member as GuildMember, MessageFlags, Permissions, User,
};

use super::custom_id;
use super::handler::Answered;
use super::options::read_command;
use super::render::{self, Frame};
use super::{answer_live_apart, commands, Settings};
use crate::answer::state::{self, hidden_by_default, is_state};
use crate::answer::{Command, Locale, Request};
use crate::daily::ChannelCheck;
use crate::live::Live;
use crate::study::{Book, GuildSettings, Member};

/// Longest wait for a server's settings before a lookup is answered without them.
pub const SETTINGS_WAIT: Duration = Duration::from_millis(250);

/// The asking member of a command or button interaction.
pub fn member_of(interaction: &Interaction) -> Option<Member> {
    match interaction {
        Interaction::Command(i) => Some(member(&i.user, i.guild_id, i.member.as_deref())),
        Interaction::Component(i) => Some(member(&i.user, i.guild_id, i.member.as_ref())),
        _ => None,
    }
}

fn member(user: &User, guild: Option<GuildId>, in_guild: Option<&GuildMember>) -> Member {
    let name = in_guild
        .and_then(|m| m.nick.clone())
        .or_else(|| user.global_name.clone())
        .unwrap_or_else(|| user.name.clone());
    let manager = guild.is_some()
        && in_guild.and_then(|m| m.permissions).is_some_and(|p| {
            p.contains(Permissions::MANAGE_GUILD) || p.contains(Permissions::ADMINISTRATOR)
        });
    Member {
        user: user.id.get(),
        guild: guild.map_or(0, GuildId::get),
        name,
        manager,
    }
}

/// Answers one interaction with study state (see the module docs).
pub async fn answer(
    live: &Arc<Live>,
    settings: &Settings,
    book: Option<&dyn Book>,
    interaction: &Interaction,
    now: i64,
) -> Answered {
    answer_checking(live, settings, book, None, interaction, now).await
}

/// [`answer`] where the bot's permissions in a channel can be asked
/// (`channels`, the bot token's REST client): `/daily set` then refuses a
/// channel the bot can't post in.
pub async fn answer_checking(
    live: &Arc<Live>,
    settings: &Settings,
    book: Option<&dyn Book>,
    channels: Option<&dyn ChannelCheck>,
    interaction: &Interaction,
    now: i64,
) -> Answered {
    let (Some(book), Some(member)) = (book, member_of(interaction)) else {
        return answer_live_apart(live, settings, interaction).await;
    };
    let lectern = live.get();
    match interaction {
        Interaction::Command(i) => {
            if let Ok(invocation) = read_command(&i.data) {
                if is_state(&invocation.command) {
                    let l = Locale::from_tag(&i.locale);
                    let request = Request::new(invocation.command, l);
                    let stated =
                        state::respond_checking(&lectern, &request, &member, book, now, channels)
                            .await;
                    if matches!(stated.command, Command::Daily { .. }) && stated.reply.is_ok() {
                        // A `/daily now` goes out at once from this instance's scheduler.
                        super::daily::wake();
                    }
                    let hidden = invocation.hide.unwrap_or_else(|| {
                        hidden_by_default(&stated.settings, settings.ephemeral_by_default)
                    });
                    return Answered::plain(new_message(&stated, hidden));
                }
            }
        }
        Interaction::Component(i) => {
            if let Ok(action) = custom_id::decode(&i.data.custom_id) {
                if is_state(&action.command) {
                    let l = Locale::from_tag(&i.locale);
                    let request = Request::new(action.command, l);
                    let stated = state::respond(&lectern, &request, &member, book, now).await;
                    let replaces = matches!(
                        stated.command,
                        Command::Board { .. } | Command::ForgetMe { .. }
                    );
                    if replaces && stated.reply.is_ok() {
                        return Answered::plain(CreateInteractionResponse::UpdateMessage(
                            render::message(
                                &stated.reply,
                                &Frame {
                                    locale: stated.locale,
                                    source: Some(&stated.command),
                                    hidden: i
                                        .message
                                        .flags
                                        .is_some_and(|f| f.contains(MessageFlags::EPHEMERAL)),
                                    set_flag: false,
                                },
                            ),
                        ));
                    }
                    // A ✅ press is acknowledged to the presser only.
                    return Answered::plain(new_message(&stated, true));
                }
            }
        }
        _ => {}
    }
    if member.guild == 0 {
        return answer_live_apart(live, settings, interaction).await;
    }
    let guild_settings = tokio::time::timeout(SETTINGS_WAIT, book.settings(member.guild))
        .await
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
    if guild_settings == GuildSettings::default() {
        return answer_live_apart(live, settings, interaction).await;
    }
    let adjusted = with_settings(interaction, &guild_settings, &lectern);
    answer_live_apart(live, settings, &adjusted).await
}

/// A study reply as a new message, rendered for the command and language it
/// was answered in.
fn new_message(stated: &state::Stated, hidden: bool) -> CreateInteractionResponse {
    render::new_message(&stated.reply, stated.locale, Some(&stated.command), hidden)
}

/// The interaction as if the asker had given the server's settings: its
/// language as the locale, its default course and visibility as options
/// (only where the asker gave none and the command takes them).
pub fn with_settings(
    interaction: &Interaction,
    settings: &GuildSettings,
    lectern: &crate::app::Lectern,
) -> Interaction {
    let mut adjusted = interaction.clone();
    let locale = settings.locale.as_deref().map(Locale::from_tag);
    match &mut adjusted {
        Interaction::Command(i) => {
            if let Some(l) = locale {
                i.locale = l.tag().to_string();
            }
            fill_options(i, settings, lectern);
        }
        Interaction::Component(i) => {
            if let Some(l) = locale {
                i.locale = l.tag().to_string();
            }
        }
        _ => {}
    }
    adjusted
}

fn fill_options(
    i: &mut CommandInteraction,
    settings: &GuildSettings,
    lectern: &crate::app::Lectern,
) {
    let Some(spec) = commands::spec(&i.data.name) else {
        return;
    };
    let given = |i: &CommandInteraction, name: &str| i.data.options.iter().any(|o| o.name == name);
    let course = settings
        .default_course
        .as_deref()
        .filter(|c| lectern.library.course(c).is_some());
    if let Some(course) = course {
        if spec.takes_course && !given(i, commands::COURSE.name) {
            push_option(i, commands::COURSE.name, 3, serde_json::json!(course));
        }
    }
    if let Some(hidden) = settings.hidden_by_default {
        if !spec.admin && !given(i, commands::HIDE.name) {
            push_option(i, commands::HIDE.name, 5, serde_json::json!(hidden));
        }
    }
}

/// Adds an option as Discord would have sent it (`kind`: 3 string, 5 boolean).
fn push_option(i: &mut CommandInteraction, name: &str, kind: u8, value: serde_json::Value) {
    let raw = serde_json::json!({ "name": name, "type": kind, "value": value });
    if let Ok(option) = serde_json::from_value::<CommandDataOption>(raw) {
        i.data.options.push(option);
    }
}
