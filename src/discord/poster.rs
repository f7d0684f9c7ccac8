//! Posting on the bot's own initiative (the daily chapter), as a small
//! trait: send a message to a channel, start a thread on it, send a member a
//! direct message. [`HttpPoster`] is the real one (serenity's REST client;
//! tests point it at the fake Discord). Discord's refusals become a
//! [`Failure`]: 403 is a missing permission, 404 a channel that is gone.

use std::sync::Arc;

use async_trait::async_trait;
use serenity::all::{ChannelId, CreateMessage, CreateThread, MessageId, UserId};
use serenity::http::{Http, HttpError};

use crate::daily::Failure;

/// What the scheduler needs of Discord.
#[async_trait]
pub trait Poster: Send + Sync {
    /// Sends `message` to `channel`; the new message's id.
    async fn send(&self, channel: u64, message: CreateMessage) -> Result<u64, Failure>;
    /// Starts a public thread named `name` on `message` in `channel`; its id.
    async fn start_thread(&self, channel: u64, message: u64, name: &str) -> Result<u64, Failure>;
    /// Sends `message` to `user` privately.
    async fn direct(&self, user: u64, message: CreateMessage) -> Result<(), Failure>;
}

/// The real [`Poster`]: Discord's REST API with the bot token.
/// It also answers what the bot may do in a channel
/// ([`crate::daily::ChannelCheck`], see [`super::channel_access`]).
#[derive(Clone)]
pub struct HttpPoster {
    pub(super) http: Arc<Http>,
    /// The bot's user id, asked once.
    pub(super) bot: Arc<tokio::sync::OnceCell<UserId>>,
}

impl HttpPoster {
    pub fn new(http: Arc<Http>) -> HttpPoster {
        HttpPoster {
            http,
            bot: Arc::default(),
        }
    }
}

/// Discord's answer as a [`Failure`] (logged with its message).
fn failure(error: serenity::Error) -> Failure {
    let failure = match &error {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => match r.status_code.as_u16() {
            403 => Failure::MissingPermission,
            404 => Failure::UnknownChannel,
            _ => Failure::Other,
        },
        _ => Failure::Other,
    };
    tracing::warn!(%error, reason = failure.code(), "Discord refused a post");
    failure
}

#[async_trait]
impl Poster for HttpPoster {
    async fn send(&self, channel: u64, message: CreateMessage) -> Result<u64, Failure> {
        if channel == 0 {
            return Err(Failure::UnknownChannel);
        }
        ChannelId::new(channel)
            .send_message(&self.http, message)
            .await
            .map(|m| m.id.get())
            .map_err(failure)
    }

    async fn start_thread(&self, channel: u64, message: u64, name: &str) -> Result<u64, Failure> {
        if channel == 0 || message == 0 {
            return Err(Failure::UnknownChannel);
        }
        ChannelId::new(channel)
            .create_thread_from_message(
                &self.http,
                MessageId::new(message),
                CreateThread::new(name),
            )
            .await
            .map(|t| t.id.get())
            .map_err(failure)
    }

    async fn direct(&self, user: u64, message: CreateMessage) -> Result<(), Failure> {
        if user == 0 {
            return Err(Failure::Other);
        }
        let dm = UserId::new(user)
            .create_dm_channel(&self.http)
            .await
            .map_err(failure)?;
        dm.id
            .send_message(&self.http, message)
            .await
            .map(|_| ())
            .map_err(failure)
    }
}
