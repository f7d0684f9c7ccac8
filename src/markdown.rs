//! Markdown, handled in one place: the one set of characters escaped wherever
//! text goes into a Markdown reply (user input echoed back, snippets of the
//! notes), safe echoes of user text, and Markdown back to plain text for the
//! adapters that show plain text.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::cut::{squash_whitespace, truncate};

/// Characters that mean something in Discord's Markdown; text that must show
/// them literally gets a backslash before each.
pub const ESCAPED: &[char] = &['\\', '*', '_', '`', '~', '|', '>', '[', ']', '(', ')', '#'];

/// Pushes `c`, escaped when it is in [`ESCAPED`].
pub fn push_escaped(out: &mut String, c: char) {
    if ESCAPED.contains(&c) {
        out.push('\\');
    }
    out.push(c);
}

/// Makes user-supplied text safe to echo inside a reply: control and invisible
/// formatting characters dropped, Markdown and mention syntax neutralised, and
/// the length bounded.
pub fn sanitize_echo(s: &str, max_chars: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_control() || is_invisible_format(c) {
            continue;
        }
        push_escaped(&mut out, c);
        if c == '@' || c == '<' {
            // A zero-width joiner after these keeps Discord from forming a
            // mention (`@everyone`, `<@123>`) even if mentions were parsed.
            out.push('\u{200B}');
        }
    }
    truncate(&squash_whitespace(&out), max_chars)
}

/// User text as an inline code span (`` `like this` ``) for replies: Markdown
/// is not interpreted inside, so nothing is escaped; control and invisible
/// characters are dropped, backticks replaced, whitespace squashed, length
/// bounded, and mention syntax broken up.
pub fn code_span(s: &str, max_chars: usize) -> String {
    let inner: String = plain_echo(s, max_chars)
        .chars()
        .map(|c| if c == '`' { 'ˋ' } else { c })
        .collect();
    if inner.is_empty() {
        "` `".to_string()
    } else {
        format!("`{inner}`")
    }
}

/// User text for places that show it literally (embed titles, plain text):
/// control and invisible characters dropped, whitespace squashed, mentions
/// broken up with a zero-width space, length bounded. No Markdown escapes.
pub fn plain_echo(s: &str, max_chars: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_control() || is_invisible_format(c) {
            if c == '\n' || c == '\t' {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
        if c == '@' || c == '<' {
            out.push('\u{200B}');
        }
    }
    truncate(&squash_whitespace(&out), max_chars)
}

fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
}

/// Markdown as plain text, read with pulldown-cmark: emphasis, code ticks and
/// escapes go, zero-width spaces too, `[label](url)` links become
/// `label <url>` (just the URL when the label is the URL), and the text keeps
/// its lines: list markers and blank lines are copied from the source.
pub fn markdown_to_plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Source bytes before `done` are accounted for; of what lies between two
    // pieces of text only the line breaks are kept (the rest is markup).
    let mut done = 0;
    let mut link: Option<(String, usize)> = None;
    let gap = |out: &mut String, from: usize, to: usize| {
        if from < to {
            out.extend(s[from..to].chars().filter(|&c| c == '\n'));
        }
    };
    for (event, range) in Parser::new(s).into_offset_iter() {
        match event {
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                gap(&mut out, done, range.start);
                out.extend(text.chars().filter(|&c| c != '\u{200B}'));
                done = range.end;
            }
            Event::SoftBreak | Event::HardBreak => {
                out.push('\n');
                done = range.end;
            }
            Event::Start(Tag::Item) => {
                gap(&mut out, done, range.start);
                let item = &s[range.start..range.end];
                let marker = item.find(char::is_whitespace).unwrap_or(item.len());
                let marker = marker + item[marker..].chars().next().map_or(0, char::len_utf8);
                out.push_str(&item[..marker]);
                done = range.start + marker;
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                gap(&mut out, done, range.start);
                link = Some((dest_url.to_string(), out.len()));
                done = range.start;
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, start)) = link.take() {
                    if out[start..] == url {
                        // The label is the link itself.
                    } else if out.len() == start {
                        out.push_str(&url);
                    } else {
                        out.push_str(&format!(" <{url}>"));
                    }
                }
                done = range.end;
            }
            _ => {}
        }
    }
    gap(&mut out, done, s.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_hold_anything_safely() {
        assert_eq!(code_span("**bold**", 20), "`**bold**`");
        assert_eq!(code_span("a`b", 20), "`aˋb`");
        assert_eq!(code_span("", 20), "` `");
        assert!(!code_span("@everyone", 20).contains("@everyone"));
        assert_eq!(plain_echo("line\nbreak\u{202E}", 20), "line break");
    }

    #[test]
    fn echo_is_defused() {
        let s = sanitize_echo(
            "@everyone <@&123> **bold** [x](http://e) \u{202E}rtl\u{0007}",
            200,
        );
        assert!(!s.contains("@everyone"));
        assert!(!s.contains("<@&"));
        assert!(!s.contains("**"));
        assert!(!s.contains('\u{202E}'));
        assert!(!s.contains('\u{0007}'));
    }

    #[test]
    fn plain_text_keeps_lines_and_links() {
        let md = "**21.** 앞으로의 `전망`\n\n• a \\*b\\*\n[보기](https://e.com/x)\n<https://e.com/y>\n\u{200B}";
        assert_eq!(
            markdown_to_plain(md),
            "21. 앞으로의 전망\n\n• a *b*\n보기 <https://e.com/x>\nhttps://e.com/y\n"
        );
        assert_eq!(markdown_to_plain("1. one\n2. two"), "1. one\n2. two");
    }
}
