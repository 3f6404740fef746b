fn main() -> std::process::ExitCode {
    takeaway::cli::main()
}
