//! `/settings` (Manage Server only): the server's default course, reply
//! language, whether answers are hidden by default, and time zone. Without
//! options it shows them; `default` (or `기본값`) clears one, so the config
//! applies again. Applied to every command by [`crate::answer::state`].

use crate::answer::command::Command;
use crate::answer::desk::{down, without_book, Desk};
use crate::answer::reply::{Answer, Field, Reply};
use crate::answer::resolve;
use crate::answer::spec::{
    not_mine, Answering, ArgError, Arguments, CommandSpec, Kind, Names, Needs, OptionSpec, Words,
};
use crate::app::Lectern;
use crate::locale::Locale;
use crate::study::{self, GuildSettings};

const fn text(
    name: &'static str,
    ko: &'static str,
    description: &'static str,
    description_ko: &'static str,
    autocomplete: bool,
) -> OptionSpec {
    OptionSpec {
        name,
        ko,
        aliases: &[],
        description,
        description_ko,
        kind: Kind::Text { autocomplete },
        required: false,
        words: Words::One,
    }
}

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "settings",
    ko: "설정",
    aliases: &["설정"],
    description: "Admins: this server's course, language, privacy, time zone",
    description_ko: "관리자: 이 서버의 강의, 언어, 공개 여부, 시간대",
    options: &[
        text("course", "강의", "Default course", "기본 강의", true),
        text(
            "language",
            "언어",
            "Reply language: ko or en",
            "답 언어: ko 또는 en",
            false,
        ),
        text(
            "hidden",
            "숨김",
            "Hide answers by default: yes or no",
            "기본으로 나에게만: 예/아니오",
            false,
        ),
        text(
            "time_zone",
            "시간대",
            "Time zone, e.g. Asia/Seoul",
            "시간대 (예: Asia/Seoul)",
            false,
        ),
    ],
    takes_course: false,
    admin: true,
    needs: Needs { member: true },
    usage: "/settings language:ko",
    help: None,
    op: "set",
    answering: Some(Answering { build, values, run }),
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::Settings {
        course: args.text("course"),
        language: args.text("language"),
        hidden: args.text("hidden"),
        time_zone: args.text("time_zone"),
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::Settings {
            course,
            language,
            hidden,
            time_zone,
        } => vec![
            course.clone(),
            language.clone(),
            hidden.clone(),
            time_zone.clone(),
        ],
        _ => Vec::new(),
    }
}

fn run(_: &Lectern, l: Locale, _: Names, command: &Command) -> Answer {
    match command {
        Command::Settings { .. } => without_book(l),
        _ => not_mine(),
    }
}

/// The options as given.
pub(crate) struct Asked<'a> {
    pub course: Option<&'a str>,
    pub language: Option<&'a str>,
    pub hidden: Option<&'a str>,
    pub time_zone: Option<&'a str>,
}

impl Asked<'_> {
    fn any(&self) -> bool {
        [self.course, self.language, self.hidden, self.time_zone]
            .iter()
            .any(Option::is_some)
    }
}

fn is_reset(value: &str) -> bool {
    matches!(
        value.trim().to_lowercase().as_str(),
        "default" | "reset" | "none" | "-" | "기본값" | "기본" | "초기화"
    )
}

fn invalid(d: &Desk<'_>, option: &str, value: &str, expected: &str) -> Box<Reply> {
    let l = d.l;
    let value = crate::markdown::code_span(value, 40);
    let option = d.names.option(l, option);
    resolve::fail(
        l,
        l.pick("설정 값을 알아볼 수 없어요", "Unreadable setting"),
        &match l {
            Locale::Ko => format!(
                "`{option}`: {} 쓸 수 없어요. {expected}",
                crate::particle::with(&value, crate::particle::Particle::Topic)
            ),
            Locale::En => format!("`{option}`: {value} can't be used. {expected}"),
        },
        Vec::new(),
    )
}

/// `Some(None)` = clear, `Some(Some(v))` = set, `None` = not given.
fn parse<T>(
    given: Option<&str>,
    read: impl Fn(&str) -> Result<T, Box<Reply>>,
) -> Result<Option<Option<T>>, Box<Reply>> {
    match given {
        None => Ok(None),
        Some(v) if is_reset(v) => Ok(Some(None)),
        Some(v) => read(v).map(|t| Some(Some(t))),
    }
}

fn read_switch(d: &Desk<'_>, v: &str) -> Result<bool, Box<Reply>> {
    match v.trim().to_lowercase().as_str() {
        "yes" | "true" | "on" | "예" | "네" | "켜기" => Ok(true),
        "no" | "false" | "off" | "아니오" | "아니요" | "끄기" => Ok(false),
        _ => Err(invalid(
            d,
            "hidden",
            v,
            d.l.pick("예 또는 아니오로 적어 주세요.", "Use yes or no."),
        )),
    }
}

fn apply(
    d: &Desk<'_>,
    asked: &Asked<'_>,
    mut s: GuildSettings,
) -> Result<GuildSettings, Box<Reply>> {
    let l = d.l;
    if let Some(course) = parse(asked.course, |v| {
        resolve::course(d.lectern, l, d.names, Some(v)).map(|c| c.id.clone())
    })? {
        s.default_course = course;
    }
    if let Some(language) = parse(asked.language, |v| match v.trim().to_lowercase().as_str() {
        "ko" | "korean" | "한국어" => Ok("ko".to_string()),
        "en" | "english" | "영어" => Ok("en".to_string()),
        _ => Err(invalid(
            d,
            "language",
            v,
            l.pick("ko 또는 en으로 적어 주세요.", "Use ko or en."),
        )),
    })? {
        s.locale = language;
    }
    if let Some(hidden) = parse(asked.hidden, |v| read_switch(d, v))? {
        s.hidden_by_default = hidden;
    }
    if let Some(zone) = parse(asked.time_zone, |v| match study::time_zone(v) {
        Some(_) => Ok(v.trim().to_string()),
        None => Err(invalid(
            d,
            "time_zone",
            v,
            l.pick(
                "Asia/Seoul 같은 IANA 이름으로 적어 주세요.",
                "Use an IANA name such as Asia/Seoul.",
            ),
        )),
    })? {
        s.time_zone = zone;
    }
    Ok(s)
}

pub(crate) async fn act(d: &Desk<'_>, asked: &Asked<'_>) -> Answer {
    let l = d.l;
    let mut current = d.settings.clone();
    let changed = asked.any();
    if changed {
        if !d.member.manager {
            return Err(resolve::fail(
                l,
                l.pick("관리자 전용 명령", "Admins only"),
                l.pick(
                    "서버 설정은 서버 관리 권한이 있는 사람만 바꿀 수 있어요.",
                    "Only members with the Manage Server permission can change the settings.",
                ),
                Vec::new(),
            ));
        }
        current = apply(d, asked, current)?;
        d.book
            .save_settings(d.member.guild, &current)
            .await
            .map_err(down(l))?;
    }
    // A new language answers in itself; back to default, in the reader's.
    let l = if asked.language.is_some() {
        current
            .locale
            .as_deref()
            .map(Locale::from_tag)
            .unwrap_or(d.reader)
    } else {
        l
    };
    let unset = l.pick("설정 안 함 (봇 기본값)", "not set (bot default)");
    let show = |v: Option<String>| v.unwrap_or_else(|| unset.to_string());
    let field = |name: &str, value: String| Field {
        name: name.to_string(),
        value,
        inline: true,
    };
    let yes_no = |b: bool| {
        l.pick(
            if b { "예" } else { "아니오" },
            if b { "yes" } else { "no" },
        )
    };
    Ok(Reply {
        title: l.pick("⚙️ 서버 설정", "⚙️ Server settings").to_string(),
        text: if changed {
            l.pick(
                "저장했어요. 모든 명령에 바로 적용돼요.",
                "Saved. Every command uses it from now on.",
            )
            .to_string()
        } else {
            l.pick(
                "하나를 `default`(또는 `기본값`)로 정하면 봇 기본값을 따라요.",
                "Set one to `default` to fall back to the bot's default.",
            )
            .to_string()
        },
        fields: vec![
            field(
                l.pick("강의", "Course"),
                show(current.default_course.clone()),
            ),
            field(l.pick("언어", "Language"), show(current.locale.clone())),
            field(
                l.pick("기본으로 숨김", "Hidden by default"),
                show(current.hidden_by_default.map(|b| yes_no(b).to_string())),
            ),
            field(
                l.pick("시간대", "Time zone"),
                current.time_zone.clone().unwrap_or_else(|| {
                    format!(
                        "{} ({})",
                        study::DEFAULT_TIME_ZONE,
                        l.pick("기본값", "default")
                    )
                }),
            ),
        ],
        ephemeral: true,
        ..Reply::default()
    })
}
