//! `/reload` (admins only): the reload is the adapter's I/O, so the core
//! only names the command and words its report ([`crate::answer::reload_reply`]).

use crate::answer::spec::{CommandSpec, Needs};

pub(super) const SPEC: CommandSpec = CommandSpec {
    name: "reload",
    ko: "새로고침",
    aliases: &["새로고침"],
    description: "Admins: reload the lecture notes now and show what changed",
    description_ko: "관리자: 강의 노트를 지금 다시 불러오고 바뀐 점 보기",
    options: &[],
    takes_course: false,
    admin: true,
    needs: Needs { member: true },
    usage: "/reload",
    help: None,
    op: "reload",
    answering: None,
};
