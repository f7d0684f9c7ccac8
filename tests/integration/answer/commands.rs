//! The README's table of Korean command and option names is the command
//! table's: generated here, and a stale README fails (rewritten under the
//! update rule, `INSTA_UPDATE=always`, like every golden).

use lectern::answer::commands::BUTTON_ONLY;
use lectern::answer::spec::HIDE;
use lectern::answer::COMMANDS;

use crate::support::root;

const START: &str = "<!-- korean-names:start (generated from the command table by tests/integration/answer/commands.rs) -->";
const END: &str = "<!-- korean-names:end -->";

/// Every registered command with its Korean name and its options' Korean
/// names (the commands only buttons run are left out).
fn korean_names_table() -> String {
    let mut out = String::from(
        "| command | Korean (Discord `ko`) | options: English → Korean |\n|---|---|---|\n",
    );
    for spec in COMMANDS.iter().filter(|c| !BUTTON_ONLY.contains(&c.name)) {
        let options: Vec<String> = spec
            .all_options()
            .map(|o| format!("`{}` → `{}`", o.name, o.ko))
            .collect();
        out.push_str(&format!(
            "| `/{}` | `/{}` | {} |\n",
            spec.name,
            spec.ko,
            if options.is_empty() {
                "—".to_string()
            } else {
                options.join(", ")
            }
        ));
    }
    out.push_str(&format!(
        "\nEvery command but the admin ones also takes `{}` → `{}`.\n",
        HIDE.name, HIDE.ko
    ));
    out
}

#[test]
fn readme_lists_the_korean_command_and_option_names() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let (Some(start), Some(end)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md has no {START} … {END} section");
    };
    let inside = &readme[start + START.len()..end];
    let table = format!("\n{}", korean_names_table());
    if inside != table {
        if std::env::var("INSTA_UPDATE").as_deref() == Ok("always") {
            let updated = format!(
                "{}{table}{}",
                &readme[..start + START.len()],
                &readme[end..]
            );
            std::fs::write(&path, updated).expect("rewrite README.md");
        } else {
            panic!("README.md's Korean names are stale; rerun with INSTA_UPDATE=always:\n{table}");
        }
    }
}
