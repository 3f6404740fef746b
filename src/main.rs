// mimalloc: the loader makes many small allocations on several threads, where it is several times
// faster than the system allocator and fragments less (see README.md, Performance).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // Before any thread starts: the notes load with freed memory given back at once.
    takeaway::memory::loading();
    takeaway::cli::main()
}
