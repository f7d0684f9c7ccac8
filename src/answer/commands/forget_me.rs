//! `/forget-me`: deletes every row about the asker, in every server, after a
//! confirm button; says how many went.

use crate::answer::command::Command;
use crate::answer::desk::{down, without_book, Desk};
use crate::answer::reply::{Answer, Button, Reply};
use crate::answer::spec::{
    not_mine, Answering, ArgError, Arguments, CommandSpec, HelpRow, Kind, Names, Needs, OptionSpec,
    Words,
};
use crate::app::Lectern;
use crate::locale::Locale;

/// The value of `confirm` that deletes without asking again.
pub const CONFIRM: &str = "yes";

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "forget-me",
    ko: "기록삭제",
    aliases: &["기록삭제", "forget"],
    description: "Delete all your study records",
    description_ko: "내 학습 기록 모두 지우기",
    options: &[OptionSpec {
        name: "confirm",
        ko: "확인",
        aliases: &["확인"],
        description: "Type yes to delete without asking",
        description_ko: "yes를 적으면 묻지 않고 지워요",
        kind: Kind::Text {
            autocomplete: false,
        },
        required: false,
        words: Words::One,
    }],
    takes_course: false,
    admin: false,
    needs: Needs { member: true },
    usage: "/forget-me",
    help: Some(HelpRow {
        example: "/forget-me",
        ko: "내 학습 기록 모두 지우기 (확인 버튼)",
        en: "Delete all your study records (with a confirm button)",
    }),
    op: "forget",
    answering: Some(Answering { build, values, run }),
};

fn build(args: &dyn Arguments) -> Result<Command, ArgError> {
    Ok(Command::ForgetMe {
        confirm: args
            .text("confirm")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case(CONFIRM)),
    })
}

fn values(command: &Command) -> Vec<Option<String>> {
    match command {
        Command::ForgetMe { confirm } => vec![confirm.then(|| CONFIRM.to_string())],
        _ => Vec::new(),
    }
}

fn run(_: &Lectern, l: Locale, _: Names, command: &Command) -> Answer {
    match command {
        Command::ForgetMe { .. } => without_book(l),
        _ => not_mine(),
    }
}

pub(crate) async fn act(d: &Desk<'_>, confirm: bool) -> Answer {
    let l = d.l;
    if !confirm {
        return Ok(Reply {
            title: l.pick("🗑 내 기록 지우기", "🗑 Forget me").to_string(),
            text: match l {
                Locale::Ko => format!(
                    "모든 서버에서 내 진도와 공부한 날 기록을 지워요. 되돌릴 수 없어요. 아래 버튼을 누르거나 {} 입력해 확인해 주세요.",
                    crate::particle::with(
                        &format!("`{}`", crate::answer::slash_words::localize_line(l, d.names, "/forget-me confirm:yes")),
                        crate::particle::Particle::Object
                    )
                ),
                Locale::En => "This deletes your progress and study days in every server. It can't be undone. Press the button below, or type `/forget-me confirm:yes`, to confirm.".into(),
            },
            buttons: vec![Button::Run {
                label: l.pick("모두 지우기", "Delete everything").to_string(),
                command: Command::ForgetMe { confirm: true },
            }],
            ephemeral: true,
            ..Reply::default()
        });
    }
    let removed = d.book.forget_member(d.member.user).await.map_err(down(l))?;
    Ok(Reply {
        title: match removed {
            0 => l.pick("🗑 지울 기록이 없어요", "🗑 Nothing to forget"),
            _ => l.pick("🗑 지웠어요", "🗑 Forgotten"),
        }
        .to_string(),
        text: match (l, removed) {
            (Locale::Ko, 0) => "저장된 내 기록이 없어요. 이름은 원래 저장하지 않아요.".into(),
            (Locale::En, 0) => "You have no records stored. Names were never stored.".into(),
            (Locale::Ko, _) => {
                format!("내 기록 {removed}개를 지웠어요. 이름은 원래 저장하지 않아요.")
            }
            (Locale::En, _) => {
                format!("Deleted {removed} of your records. Names were never stored.")
            }
        },
        ephemeral: true,
        ..Reply::default()
    })
}
