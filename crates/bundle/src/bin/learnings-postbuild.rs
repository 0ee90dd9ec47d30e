//! Command line: `learnings-postbuild <site-dir>`, run by Trunk's post_build hook on its staging
//! directory (after `learnings-render`): adds the Content-Security-Policy to every page and the
//! precache list to sw.js.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: learnings-postbuild <site-dir>   (the built site: index.html, sw.js, ...)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = match args.as_slice() {
        [flag] if flag == "-h" || flag == "--help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        [dir] if !dir.starts_with('-') => PathBuf::from(dir),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    match learnings_bundle::postbuild::run(&dir) {
        Ok(precache) => {
            eprintln!(
                "learnings-postbuild: CSP in every page; {} files precached as version {} in sw.js",
                precache.files.len(),
                precache.version
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            eprintln!("learnings-postbuild: the site in {} is incomplete", dir.display());
            ExitCode::FAILURE
        }
    }
}
