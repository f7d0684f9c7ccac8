//! The `lectern` binary: everything lives in the library; see `lectern --help`.

fn main() -> std::process::ExitCode {
    lectern::cli::main()
}
