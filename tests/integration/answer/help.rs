//! `/help` with a command named: that command's page, read from its spec,
//! in the reader's language; a name that is no command offers the closest
//! pages; autocomplete offers command names.

use lectern::answer::{command_suggestions, Command, Locale, NAMES};
use lectern::cli::ask::respond;

use crate::support::shipped;

#[test]
fn help_with_a_command_shows_its_page_in_the_readers_language() {
    let lectern = shipped();
    let ko = respond(&lectern, "/도움말 퀴즈", Locale::Ko);
    assert!(ko.is_ok(), "{ko:?}");
    assert_eq!(ko.title, "/퀴즈 도움말");
    assert!(ko.text.contains("예: `/퀴즈 챕터:21`"), "{}", ko.text);
    let options: Vec<&str> = ko.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(options, ["`챕터` · 선택", "`숨기기` · 선택"]);
    assert!(ko.fields[0].value.contains("다른 이름: chapter, 장, ch"));
    assert!(ko.footer.as_deref().unwrap_or("").contains("/quiz"));

    let en = respond(&lectern, "/help command:quiz", Locale::En);
    assert_eq!(en.title, "/quiz help");
    assert!(
        en.text.contains("Example: `/quiz chapter:21`"),
        "{}",
        en.text
    );
    assert_eq!(en.fields[0].name, "`chapter` · optional");
    assert!(en.footer.as_deref().unwrap_or("").contains("/퀴즈"));
}

#[test]
fn help_pages_of_admin_commands_say_who_may_use_them_and_name_fixed_values() {
    let lectern = shipped();
    let page = respond(&lectern, "/도움말 오늘의 챕터", Locale::Ko);
    assert_eq!(
        page.title, "/오늘의챕터 도움말",
        "spaces typed inside a name"
    );
    assert!(page.text.contains("서버 관리 권한"), "{}", page.text);
    assert!(
        page.text.contains("/오늘의챕터 설정 #study 9:00"),
        "the action as Korean Discord offers it: {}",
        page.text
    );
    assert!(
        page.fields.iter().all(|f| !f.name.contains("숨기기")),
        "admin commands have no hide option"
    );
}

#[test]
fn help_for_an_unknown_command_offers_the_closest_pages() {
    let lectern = shipped();
    let reply = respond(&lectern, "/도움말 퀴쥬", Locale::Ko);
    assert!(!reply.is_ok());
    let offered: Vec<&Command> = reply
        .error
        .iter()
        .flat_map(|p| &p.suggestions)
        .filter_map(|s| s.command.as_ref())
        .collect();
    assert_eq!(
        offered.first(),
        Some(&&Command::Help {
            command: Some("quiz".into())
        }),
        "{reply:?}"
    );
    let button_only = respond(&lectern, "/help quiz-answer", Locale::En);
    assert!(
        !button_only.is_ok(),
        "commands only buttons run have no page"
    );
}

#[test]
fn help_autocomplete_offers_commands_by_either_name() {
    let ko = command_suggestions(Locale::Ko, NAMES, "퀴");
    assert_eq!(ko.first().map(|s| s.value.as_str()), Some("quiz"));
    assert!(ko[0].name.starts_with("퀴즈 — "), "{}", ko[0].name);
    let en = command_suggestions(Locale::En, NAMES, "sum");
    assert_eq!(en.first().map(|s| s.value.as_str()), Some("summary"));
    let all = command_suggestions(Locale::Ko, NAMES, "");
    assert!(all.iter().all(|s| s.value != "quiz-answer"));
    assert!(all.len() > 15, "{}", all.len());
}
