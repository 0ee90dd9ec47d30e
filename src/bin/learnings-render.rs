//! Command line: `learnings-render <site-dir> [--site-url <url>]`, run by Trunk's post_build
//! hook on its staging directory before `learnings-postbuild`: writes the site's static pages
//! (see `learnings::prerender`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::process::ExitCode;
    const USAGE: &str = "usage: learnings-render <site-dir> [--site-url <https://example.org/learnings/>]";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, site_url) = match args.as_slice() {
        [flag] if flag == "-h" || flag == "--help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        [dir] if !dir.starts_with('-') => (dir, None),
        [dir, flag, url] if flag == "--site-url" && !dir.starts_with('-') => (dir, Some(url.as_str())),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(url) =
        site_url.filter(|u| !(u.starts_with("https://") || u.starts_with("http://")) || !u.ends_with('/'))
    {
        eprintln!("error: --site-url must be an absolute http(s) URL ending in `/`, not `{url}`");
        return ExitCode::FAILURE;
    }
    let started = std::time::Instant::now();
    match learnings::prerender::render_site(std::path::Path::new(dir), site_url) {
        Ok(written) => {
            eprintln!(
                "learnings-render: home, {} month and {} entry pages in {:.1} s",
                written.months,
                written.entries,
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
