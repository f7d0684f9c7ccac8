//! The reader's language. Every label is written in both Korean and English at
//! the place it is used (`locale.pick("요약", "Summary")`), so a reader of the
//! answer module sees both texts side by side.

/// Reply language. Korean is the default: the study group reads Korean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    Ko,
    En,
}

impl Locale {
    /// From a language tag as Discord sends it (`ko`, `en-US`, `en-GB`, …).
    /// Korean for `ko*`, English for everything else.
    pub fn from_tag(tag: &str) -> Locale {
        if tag.trim().to_ascii_lowercase().starts_with("ko") {
            Locale::Ko
        } else {
            Locale::En
        }
    }

    /// Chooses the Korean or the English text.
    pub fn pick<'a>(self, ko: &'a str, en: &'a str) -> &'a str {
        match self {
            Locale::Ko => ko,
            Locale::En => en,
        }
    }

    pub fn tag(self) -> &'static str {
        self.pick("ko", "en")
    }
}
