//! Command line: `learnings-bundle <content-dir> -o <out-dir> [--site-url <url>]`.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: learnings-bundle <content-dir> -o <out-dir> [--site-url <https://example.org/learnings/>]";

fn main() -> ExitCode {
    let mut content = None;
    let mut out = None;
    let mut site_url = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-o" | "--out" => out = args.next().map(PathBuf::from),
            "--site-url" => site_url = args.next(),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if content.is_none() && !arg.starts_with('-') => content = Some(PathBuf::from(arg)),
            _ => {
                eprintln!("unexpected argument `{arg}`\n{USAGE}");
                return ExitCode::FAILURE;
            }
        }
    }
    let (Some(content), Some(out)) = (content, out) else {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    };
    let output = match learnings_bundle::build(&content, site_url.as_deref()) {
        Ok(output) => output,
        Err(errors) => {
            for error in &errors {
                eprintln!("error: {error}");
            }
            eprintln!("learnings-bundle: {} problem(s) in {}; nothing was written", errors.len(), content.display());
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = learnings_bundle::write(&output, &out) {
        eprintln!("error: {error}");
        return ExitCode::FAILURE;
    }
    eprintln!(
        "learnings-bundle: {} entries on {} days -> {}",
        output.bundle.entries.len(),
        output.bundle.days.len(),
        out.display()
    );
    ExitCode::SUCCESS
}
