//! Markdown, handled in one place: the one set of characters escaped wherever
//! text goes into a Markdown reply (user input echoed back, snippets of the
//! notes), safe echoes of user text, and Markdown back to plain text for the
//! adapters that show plain text.

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

/// Strips the Markdown this module produces: bold, code ticks, escapes,
/// zero-width spaces, and `[label](url)` links (kept as `label <url>`).
pub fn markdown_to_plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        if let Some(link) = parse_link(rest) {
            let (label, url, used) = link;
            let label = markdown_to_plain(label);
            if label == url {
                out.push_str(url);
            } else {
                out.push_str(&format!("{label} <{url}>"));
            }
            rest = &rest[used..];
            continue;
        }
        let mut chars = rest.chars();
        let c = chars.next().unwrap_or_default();
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '*' | '`' | '\u{200B}' => {}
            '_' if rest.starts_with("__") => {
                chars.next();
            }
            _ => out.push(c),
        }
        rest = chars.as_str();
    }
    out
}

/// `[label](url)` at the start of `s`: label, url and bytes consumed.
fn parse_link(s: &str) -> Option<(&str, &str, usize)> {
    let rest = s.strip_prefix('[')?;
    let close = rest.find("](")?;
    let label = &rest[..close];
    if label.contains('\n') || label.contains('[') {
        return None;
    }
    let after = &rest[close + 2..];
    let end = after.find(')')?;
    let url = after[..end].trim_matches(['<', '>']);
    if !(url.starts_with("http://") || url.starts_with("https://")) || url.contains(' ') {
        return None;
    }
    Some((label, url, 1 + close + 2 + end + 1))
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
}
