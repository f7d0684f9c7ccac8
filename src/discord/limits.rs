//! Every Discord size limit the adapter respects, in one place.
//!
//! Discord refuses a whole response when one piece is over a limit, so the
//! renderer cuts every piece to these numbers before sending (the tests check
//! every payload against them, and the limits only they need, in their support
//! kit). Lengths are in characters (Unicode scalar
//! values), which is what Discord counts. Source: Discord's API documentation
//! and its OpenAPI spec (v10).

// ---- Embeds -------------------------------------------------------------
/// Embed title.
pub const EMBED_TITLE: usize = 256;
/// Embed description.
pub const EMBED_DESCRIPTION: usize = 4096;
/// Number of fields in one embed.
pub const EMBED_FIELDS: usize = 25;
/// Field name.
pub const EMBED_FIELD_NAME: usize = 256;
/// Field value.
pub const EMBED_FIELD_VALUE: usize = 1024;
/// Footer text.
pub const EMBED_FOOTER: usize = 2048;
/// Sum of title, description, field names and values, footer and author over
/// all embeds of one message.
pub const EMBED_TOTAL: usize = 6000;
/// The embed's own URL.
pub const EMBED_URL: usize = 2048;

// ---- Components ---------------------------------------------------------
/// Buttons in one action row.
pub const BUTTONS_PER_ROW: usize = 5;
/// Action rows per message.
pub const ROWS_PER_MESSAGE: usize = 5;
/// Button label.
pub const BUTTON_LABEL: usize = 80;
/// A link button's URL; longer links are dropped, never cut.
pub const BUTTON_URL: usize = 512;
/// A component's `custom_id`.
pub const CUSTOM_ID: usize = 100;
/// Largest file sent with a message, in bytes (Discord's smallest upload
/// limit; Lectern's pictures are far below it, see
/// [`crate::picture::MAX_PNG_BYTES`]).
pub const ATTACHMENT_BYTES: usize = 8 * 1024 * 1024;

// ---- Choices (autocomplete and registered) ---------------------------------
/// Predefined choices of one option, and choices of one autocomplete answer.
pub const CHOICES: usize = 25;
/// Choice name (and each of its localizations).
pub const CHOICE_NAME: usize = 100;
/// String choice value.
pub const CHOICE_VALUE: usize = 100;
