//! A [`Reply`] as a Discord message: one embed plus button rows.
//!
//! This is where every size limit of [`super::limits`] is enforced, so no
//! answer, however long or odd its text, can make Discord refuse the response:
//! text is cut on line, then word, then character boundaries with a visible
//! "read more" marker; link buttons with unusable URLs and commands too long
//! for a `custom_id` are dropped rather than broken. Mentions are never
//! parsed (`allowed_mentions` is empty on every message), so text such as
//! `@everyone` in a query can never ping anyone. A reply's picture is shown
//! in the embed (`attachment://NAME`); the file itself travels with the
//! message ([`attach`]) or, over the HTTP endpoint, with a follow-up.

use std::collections::HashSet;

use serenity::all::{
    ButtonStyle, CreateActionRow, CreateAllowedMentions, CreateAttachment, CreateButton,
    CreateEmbed, CreateEmbedFooter, CreateInteractionResponse, CreateInteractionResponseMessage,
};

use super::custom_id::{self, Action, ClickMode};
use super::limits;
use crate::answer::{notices, Attachment, Button, Command, Locale, Reply};
use crate::cut::{char_len, truncate, truncate_with};

/// Embed colour when the course has none.
pub const DEFAULT_COLOR: u32 = 0x5865F2;
/// Embed colour of error replies.
pub const ERROR_COLOR: u32 = 0xED4245;

/// Shortest field value worth keeping when the 6,000-character budget runs out.
const MIN_FIELD_VALUE: usize = 40;

/// What a message is rendered for.
#[derive(Debug, Clone, Copy)]
pub struct Frame<'a> {
    pub locale: Locale,
    /// The command the reply answers; decides how its buttons behave.
    pub source: Option<&'a Command>,
    /// Whether this answer is (or was asked to be) seen only by the asker.
    pub hidden: bool,
    /// Whether to set the ephemeral flag. Never for UPDATE_MESSAGE, where
    /// Discord keeps the clicked message's visibility.
    pub set_flag: bool,
}

/// Chapter views navigate in place; lists (chapters, search, help) open the
/// chapter in a new message so the list stays.
fn is_chapter_view(c: &Command) -> bool {
    matches!(
        c,
        Command::Summary { .. }
            | Command::KeyPoints { .. }
            | Command::Read { .. }
            | Command::Link { .. }
            | Command::At { .. }
    )
}

/// How a button on this reply behaves when clicked.
pub fn click_mode(reply: &Reply, frame: &Frame, target: &Command) -> ClickMode {
    if !reply.is_ok() {
        // A suggestion on an (always ephemeral) error: the answer is what the
        // asker wanted in the first place, with the visibility they asked for.
        return ClickMode::new_message(frame.hidden);
    }
    match frame.source {
        Some(source) if is_chapter_view(source) && is_chapter_view(target) => ClickMode::Update,
        _ => ClickMode::new_message(frame.hidden),
    }
}

/// The response with `file` added to its message (a response without a
/// message, or no file, comes back as it was; so does an empty file or one
/// over [`limits::ATTACHMENT_BYTES`]). Serenity sends a message with a file
/// as multipart.
pub fn attach(
    response: CreateInteractionResponse,
    file: Option<Attachment>,
) -> CreateInteractionResponse {
    let Some(file) = file.filter(deliverable) else {
        return response;
    };
    let add = |m: CreateInteractionResponseMessage| {
        m.add_file(CreateAttachment::bytes(file.bytes, file.filename))
    };
    match response {
        CreateInteractionResponse::Message(m) => CreateInteractionResponse::Message(add(m)),
        CreateInteractionResponse::UpdateMessage(m) => {
            CreateInteractionResponse::UpdateMessage(add(m))
        }
        other => other,
    }
}

/// Whether Discord takes the file: not empty, not over the size limit.
fn deliverable(file: &Attachment) -> bool {
    !file.bytes.is_empty() && file.bytes.len() <= limits::ATTACHMENT_BYTES
}

/// Whether the file can be shown inside an embed (Discord shows PNG, JPEG,
/// GIF and WebP there) under a safe `attachment://` name, and is sent.
fn shows_in_embed(file: &Attachment) -> bool {
    let filename = &file.filename;
    let lower = filename.to_ascii_lowercase();
    [".png", ".jpg", ".jpeg", ".gif", ".webp"]
        .iter()
        .any(|ext| lower.ends_with(ext))
        && filename
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        && deliverable(file)
}

/// A reply to `source` as a new message, seen by the asker only when
/// `hidden` (or when the reply is ephemeral).
pub fn new_message(
    reply: &Reply,
    l: Locale,
    source: Option<&Command>,
    hidden: bool,
) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(message(
        reply,
        &Frame {
            locale: l,
            source,
            hidden,
            set_flag: true,
        },
    ))
}

/// A reply as a new message only the asker sees (errors, notices, the
/// reload report).
pub fn private_message(reply: &Reply, l: Locale) -> CreateInteractionResponse {
    new_message(reply, l, None, true)
}

/// The message: embed, buttons, flags and empty `allowed_mentions`. A
/// picture the reply carries is the embed's image; the file itself is added
/// by [`attach`].
pub fn message(reply: &Reply, frame: &Frame) -> CreateInteractionResponseMessage {
    let mut message = CreateInteractionResponseMessage::new()
        .embed(embed(reply, frame.locale))
        .components(rows(reply, frame))
        .allowed_mentions(no_mentions());
    if frame.set_flag && (frame.hidden || reply.ephemeral) {
        message = message.ephemeral(true);
    }
    message
}

/// Mentions parse nothing: no `@everyone`, users, roles or reply pings.
pub fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new().replied_user(false)
}

/// The embed's texts after every cut, before they go into the builder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedText {
    pub title: String,
    pub description: String,
    pub fields: Vec<(String, String, bool)>,
    pub footer: String,
}

impl EmbedText {
    /// Characters Discord counts toward [`limits::EMBED_TOTAL`].
    pub fn total(&self) -> usize {
        char_len(&self.title)
            + char_len(&self.description)
            + char_len(&self.footer)
            + self
                .fields
                .iter()
                .map(|(n, v, _)| char_len(n) + char_len(v))
                .sum::<usize>()
    }
}

/// Cuts a reply's texts to every embed limit; the description has priority,
/// then fields in order, so what is dropped is always the tail.
pub fn fit_embed(reply: &Reply, l: Locale) -> EmbedText {
    let more = &notices::read_more(l);
    let title = truncate(reply.title.trim(), limits::EMBED_TITLE);
    let footer = truncate(
        reply.footer.as_deref().unwrap_or("").trim(),
        limits::EMBED_FOOTER,
    );
    let mut budget = limits::EMBED_TOTAL.saturating_sub(char_len(&title) + char_len(&footer));
    let description = fit_lines(
        reply.text.trim_end(),
        limits::EMBED_DESCRIPTION.min(budget),
        more,
    );
    budget -= char_len(&description);
    let mut fields = Vec::new();
    for f in reply.fields.iter().take(limits::EMBED_FIELDS) {
        let name = non_empty(truncate(f.name.trim(), limits::EMBED_FIELD_NAME));
        let value = non_empty(fit_lines(
            f.value.trim_end(),
            limits::EMBED_FIELD_VALUE,
            more,
        ));
        let need = char_len(&name) + char_len(&value);
        if need <= budget {
            budget -= need;
            fields.push((name, value, f.inline));
            continue;
        }
        let room = budget.saturating_sub(char_len(&name));
        if room >= MIN_FIELD_VALUE {
            let value = non_empty(fit_lines(f.value.trim_end(), room, more));
            fields.push((name, value, f.inline));
        }
        break;
    }
    EmbedText {
        title,
        description,
        fields,
        footer,
    }
}

fn embed(reply: &Reply, l: Locale) -> CreateEmbed {
    let text = fit_embed(reply, l);
    let color = if reply.is_ok() {
        reply.color.unwrap_or(DEFAULT_COLOR)
    } else {
        ERROR_COLOR
    };
    let mut embed = CreateEmbed::new().color(color & 0xFF_FFFF);
    if !text.title.is_empty() {
        embed = embed.title(text.title);
    }
    if let Some(url) = reply
        .url
        .as_deref()
        .filter(|u| usable_url(u, limits::EMBED_URL))
    {
        embed = embed.url(url);
    }
    if !text.description.is_empty() {
        embed = embed.description(text.description);
    }
    if !text.fields.is_empty() {
        embed = embed.fields(text.fields);
    }
    if !text.footer.is_empty() {
        embed = embed.footer(CreateEmbedFooter::new(text.footer));
    }
    if let Some(file) = reply.attachment.as_ref().filter(|f| shows_in_embed(f)) {
        embed = embed.image(format!("attachment://{}", file.filename));
    }
    embed
}

/// Discord refuses empty field names and values; a zero-width space stands in.
fn non_empty(s: String) -> String {
    if s.trim().is_empty() {
        "\u{200B}".to_string()
    } else {
        s
    }
}

/// Cuts `s` to `max` characters, at a line end when that keeps at least half
/// of the room (so Markdown lines and links stay whole), else at a word or
/// character; the marker shows that something was cut.
pub fn fit_lines(s: &str, max: usize, marker: &str) -> String {
    if char_len(s) <= max {
        return s.to_string();
    }
    let marker_len = char_len(marker);
    if max > marker_len + 1 {
        let room = max - marker_len - 1;
        let mut kept = 0;
        let mut end = 0;
        for (i, line) in s.split_inclusive('\n').enumerate() {
            let body = line.trim_end_matches('\n');
            let add = char_len(body) + usize::from(i > 0);
            if kept + add > room {
                break;
            }
            kept += add;
            end += line.len();
        }
        let head = s[..end].trim_end();
        if !head.is_empty() && char_len(head) * 2 >= room {
            return format!("{head}\n{marker}");
        }
    }
    truncate_with(s, max, marker)
}

fn usable_url(url: &str, max: usize) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && char_len(url) <= max
        && !url.chars().any(char::is_whitespace)
}

fn label(s: &str) -> String {
    let s = crate::cut::squash_whitespace(s);
    if s.is_empty() {
        "▶".to_string()
    } else {
        truncate(&s, limits::BUTTON_LABEL)
    }
}

/// The buttons as action rows: at most 5 per row and 5 rows, each `custom_id`
/// unique within the message, unusable buttons dropped.
fn rows(reply: &Reply, frame: &Frame) -> Vec<CreateActionRow> {
    let mut seen = HashSet::new();
    let style = if reply.is_ok() {
        ButtonStyle::Secondary
    } else {
        ButtonStyle::Primary
    };
    // An error's suggestions that run a command are buttons too.
    let suggested: Vec<Button> = reply
        .error
        .iter()
        .flat_map(|p| &p.suggestions)
        .filter_map(|s| {
            Some(Button::Run {
                label: s.label.clone(),
                command: s.command.clone()?,
            })
        })
        .collect();
    let buttons: Vec<CreateButton> = reply
        .buttons
        .iter()
        .chain(&suggested)
        .filter_map(|b| match b {
            Button::Link { label: l, url } => usable_url(url, limits::BUTTON_URL)
                .then(|| CreateButton::new_link(url.clone()).label(label(l))),
            Button::Run { label: l, command } => {
                let action = Action {
                    mode: click_mode(reply, frame, command),
                    command: command.clone(),
                };
                let id = custom_id::encode(&action)?;
                seen.insert(id.clone())
                    .then(|| CreateButton::new(id).label(label(l)).style(style))
            }
        })
        .take(limits::BUTTONS_PER_ROW * limits::ROWS_PER_MESSAGE)
        .collect();
    buttons
        .chunks(limits::BUTTONS_PER_ROW)
        .map(|row| CreateActionRow::Buttons(row.to_vec()))
        .collect()
}
