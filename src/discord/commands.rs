//! The slash commands as Discord registers them: English names with Korean
//! (`ko`) localizations for every command and option, autocomplete on
//! `chapter` and `query`, a `course` option only when several courses are
//! loaded, and the optional `hide` switch. `/reload` is the one admin
//! command: shown only to members with Manage Server, only in servers, with
//! no options (its answer is always private).
//!
//! One table ([`COMMANDS`]) drives both registration ([`definitions`]) and the
//! reading of incoming options (`options.rs`), so the two cannot drift apart.
//! `tests/discord_commands.rs` checks the generated JSON against every rule
//! Discord enforces (name pattern, lengths, counts, the 8,000-character total).

use serenity::all::{CommandOptionType, CreateCommand, CreateCommandOption, InteractionContext};

use super::limits;
use crate::answer::{MAX_ARG_CHARS, MAX_SEARCH_LIMIT};
use crate::data::Lectern;
use crate::text::truncate;

/// The locale every Korean text is registered under.
pub const KO: &str = "ko";

/// What kind of value an option takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text, possibly with autocomplete.
    Text { autocomplete: bool },
    /// A whole number within a range.
    Number { min: u64, max: Option<u64> },
    /// True or false.
    Switch,
}

/// One option of a command, in both languages.
#[derive(Debug, Clone, Copy)]
pub struct OptionSpec {
    pub name: &'static str,
    pub ko: &'static str,
    pub description: &'static str,
    pub description_ko: &'static str,
    pub kind: Kind,
    pub required: bool,
}

/// One command, in both languages. `course` and `hide` are added to every
/// command but `help` (which only gets `hide`) and the admin commands (which
/// get neither) by [`definitions`].
#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    pub name: &'static str,
    pub ko: &'static str,
    pub description: &'static str,
    pub description_ko: &'static str,
    pub options: &'static [OptionSpec],
    pub takes_course: bool,
    /// For server admins only: registered with Manage Server as the default
    /// member permission, for servers only, without `hide` (always private).
    pub admin: bool,
}

const CHAPTER: OptionSpec = OptionSpec {
    name: "chapter",
    ko: "챕터",
    description: "Chapter number or title, e.g. 21 or preview",
    description_ko: "챕터 번호나 제목 (예: 21, 전망)",
    kind: Kind::Text { autocomplete: true },
    required: true,
};

/// The `course` option, present only when more than one course is loaded.
pub const COURSE: OptionSpec = OptionSpec {
    name: "course",
    ko: "강의",
    description: "Which lecture (several are loaded)",
    description_ko: "어느 강의인지 (여러 강의가 있을 때)",
    kind: Kind::Text {
        autocomplete: false,
    },
    required: false,
};

/// The `hide` option: answer only to the asker.
pub const HIDE: OptionSpec = OptionSpec {
    name: "hide",
    ko: "숨기기",
    description: "Show the answer only to you",
    description_ko: "나에게만 보이게 답하기",
    kind: Kind::Switch,
    required: false,
};

/// Every command, in the order Discord lists them.
pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: "chapters",
        ko: "목차",
        description: "The lecture's chapters with start times and links",
        description_ko: "강의 목차: 챕터 번호, 제목, 시작 시각과 링크",
        options: &[],
        takes_course: true,
        admin: false,
    },
    CommandSpec {
        name: "summary",
        ko: "요약",
        description: "A chapter's summary and key points",
        description_ko: "챕터 요약과 핵심 포인트",
        options: &[CHAPTER],
        takes_course: true,
        admin: false,
    },
    CommandSpec {
        name: "keypoints",
        ko: "핵심",
        description: "Every key point of a chapter",
        description_ko: "챕터의 핵심 포인트 전체",
        options: &[CHAPTER],
        takes_course: true,
        admin: false,
    },
    CommandSpec {
        name: "read",
        ko: "읽기",
        description: "Read a chapter's full translation, page by page",
        description_ko: "챕터 전체 번역을 쪽 단위로 읽기",
        options: &[
            CHAPTER,
            OptionSpec {
                name: "page",
                ko: "쪽",
                description: "Page number (default 1)",
                description_ko: "쪽 번호 (기본 1)",
                kind: Kind::Number { min: 1, max: None },
                required: false,
            },
        ],
        takes_course: true,
        admin: false,
    },
    CommandSpec {
        name: "search",
        ko: "검색",
        description: "Find the chapters and moments where a topic comes up",
        description_ko: "주제가 나오는 챕터와 영상 속 순간 찾기",
        options: &[
            OptionSpec {
                name: "query",
                ko: "검색어",
                description: "Topic to look for, in English or Korean",
                description_ko: "찾을 주제 (영어나 한국어)",
                kind: Kind::Text { autocomplete: true },
                required: true,
            },
            OptionSpec {
                name: "limit",
                ko: "개수",
                description: "How many chapters to show (1–10, default 5)",
                description_ko: "보여 줄 챕터 수 (1–10, 기본 5)",
                kind: Kind::Number {
                    min: 1,
                    max: Some(MAX_SEARCH_LIMIT as u64),
                },
                required: false,
            },
        ],
        takes_course: true,
        admin: false,
    },
    CommandSpec {
        name: "at",
        ko: "시각",
        description: "Which chapter covers a moment of the video",
        description_ko: "영상의 그 시각이 어느 챕터인지",
        options: &[OptionSpec {
            name: "time",
            ko: "시각",
            description: "A moment of the video, e.g. 3:12:00",
            description_ko: "영상 속 시각 (예: 3:12:00)",
            kind: Kind::Text {
                autocomplete: false,
            },
            required: true,
        }],
        takes_course: true,
        admin: false,
    },
    CommandSpec {
        name: "link",
        ko: "링크",
        description: "A shareable link to a chapter, optionally at an offset or a time",
        description_ko: "챕터 공유 링크 (오프셋이나 시각 지정 가능)",
        options: &[
            CHAPTER,
            OptionSpec {
                name: "at",
                ko: "위치",
                description: "Offset from the chapter start (+2:30) or a time (3:12:00)",
                description_ko: "챕터 시작부터의 오프셋(+2:30)이나 시각(3:12:00)",
                kind: Kind::Text {
                    autocomplete: false,
                },
                required: false,
            },
        ],
        takes_course: true,
        admin: false,
    },
    CommandSpec {
        name: "help",
        ko: "도움말",
        description: "What Lectern can do, with examples",
        description_ko: "Lectern 사용법과 예시",
        options: &[],
        takes_course: false,
        admin: false,
    },
    CommandSpec {
        name: super::reload::NAME,
        ko: "새로고침",
        description: "Admins: reload the lecture notes now and show what changed",
        description_ko: "관리자: 강의 노트를 지금 다시 불러오고 바뀐 점 보기",
        options: &[],
        takes_course: false,
        admin: true,
    },
];

/// The spec of a command by its registered (English) name.
pub fn spec(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS.iter().find(|c| c.name == name)
}

/// Whether the commands carry a `course` option for this library.
pub fn has_course_option(lectern: &Lectern) -> bool {
    lectern.library.courses.len() > 1
}

/// The command definitions to register, for this library.
pub fn definitions(lectern: &Lectern) -> Vec<CreateCommand> {
    COMMANDS.iter().map(|c| definition(lectern, c)).collect()
}

/// The definitions as the JSON array `PUT /applications/{id}/commands` receives.
pub fn definitions_json(lectern: &Lectern) -> serde_json::Value {
    serde_json::to_value(definitions(lectern)).unwrap_or_default()
}

fn definition(lectern: &Lectern, spec: &CommandSpec) -> CreateCommand {
    let mut command = CreateCommand::new(spec.name)
        .name_localized(KO, spec.ko)
        .description(spec.description)
        .description_localized(KO, spec.description_ko);
    for option in spec.options {
        command = command.add_option(option_definition(option));
    }
    if spec.takes_course && has_course_option(lectern) {
        command = command.add_option(course_option(lectern));
    }
    if spec.admin {
        // Hidden from members without the permission (a server admin can
        // change that in the server's settings; the handler checks again).
        return command
            .default_member_permissions(super::reload::REQUIRED)
            .contexts(vec![InteractionContext::Guild]);
    }
    command.add_option(option_definition(&HIDE))
}

fn localized(kind: CommandOptionType, o: &OptionSpec) -> CreateCommandOption {
    CreateCommandOption::new(kind, o.name, o.description)
        .name_localized(KO, o.ko)
        .description_localized(KO, o.description_ko)
        .required(o.required)
}

fn option_definition(o: &OptionSpec) -> CreateCommandOption {
    match o.kind {
        Kind::Text { autocomplete } => localized(CommandOptionType::String, o)
            .set_autocomplete(autocomplete)
            .max_length(MAX_ARG_CHARS as u16),
        Kind::Number { min, max } => {
            let option = localized(CommandOptionType::Integer, o).min_int_value(min);
            match max {
                Some(max) => option.max_int_value(max),
                None => option,
            }
        }
        Kind::Switch => localized(CommandOptionType::Boolean, o),
    }
}

/// Up to 25 courses are offered as fixed choices (title shown, id sent); more
/// than that, or an id too long to be a choice value, switches to autocomplete.
fn course_option(lectern: &Lectern) -> CreateCommandOption {
    let courses = &lectern.library.courses;
    let option = localized(CommandOptionType::String, &COURSE);
    if course_choices_fit(lectern) {
        courses.iter().fold(option, |option, c| {
            option.add_string_choice_localized(
                choice_name(&c.title, &c.id),
                c.id.clone(),
                [(KO, choice_name(&c.title_ko, &c.id))],
            )
        })
    } else {
        option
            .set_autocomplete(true)
            .max_length(MAX_ARG_CHARS as u16)
    }
}

/// Whether the courses fit as predefined choices.
pub fn course_choices_fit(lectern: &Lectern) -> bool {
    let courses = &lectern.library.courses;
    courses.len() <= limits::CHOICES
        && courses
            .iter()
            .all(|c| !c.id.is_empty() && c.id.chars().count() <= limits::CHOICE_VALUE)
}

/// A choice's shown name: the title, or the id when there is no title; never
/// empty, at most 100 characters.
pub fn choice_name(title: &str, id: &str) -> String {
    let name = if title.trim().is_empty() { id } else { title };
    truncate(name.trim(), limits::CHOICE_NAME)
}
