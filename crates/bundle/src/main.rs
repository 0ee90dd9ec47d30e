//! Command line: `learnings-bundle [<content-dir>] -o <out-dir> [--config <file>] [--site-url <url>]`.
//!
//! The site's settings come from `learnings.toml` in the current folder (or `--config`); the
//! content folder it names and its `site_url` give way to the arguments.

use std::path::PathBuf;
use std::process::ExitCode;

use learnings_bundle::config::{self, CONFIG_FILE};

const USAGE: &str = "usage: learnings-bundle [<content-dir>] -o <out-dir> [--config <learnings.toml>] [--site-url <https://example.org/learnings/>]";

fn main() -> ExitCode {
    let mut content = None;
    let mut out = None;
    let mut site_url = None;
    let mut config_path = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-o" | "--out" => out = args.next().map(PathBuf::from),
            "--site-url" => site_url = args.next(),
            "--config" => config_path = args.next().map(PathBuf::from),
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
    let Some(out) = out else {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    };
    let explicit = config_path.is_some();
    let config_path = config_path.unwrap_or_else(|| PathBuf::from(CONFIG_FILE));
    if explicit && !config_path.is_file() {
        eprintln!("error: {}: no such config file; nothing was written", config_path.display());
        return ExitCode::FAILURE;
    }
    let mut config = match config::load(&config_path) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("error: {error}\nlearnings-bundle: the site config has a problem; nothing was written");
            return ExitCode::FAILURE;
        }
    };
    if let Some(url) = site_url {
        match config::site_url(&url) {
            Ok(url) => config.site.url = Some(url),
            Err(message) => {
                eprintln!("error: --site-url: {message}; nothing was written");
                return ExitCode::FAILURE;
            }
        }
    }
    let content = content.unwrap_or(config.content);
    let output = match learnings_bundle::build(&content, &config.site) {
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
        "learnings-bundle: {} on {} -> {}",
        learnings_core::count::count(output.bundle.entries.len(), "entry", "entries"),
        learnings_core::count::count(output.bundle.days.len(), "day", "days"),
        out.display()
    );
    ExitCode::SUCCESS
}
