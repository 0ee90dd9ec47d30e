//! Running a program whose standard output goes into the report while the developer still
//! watches it live.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs `program` with `args` in `dir`, echoing its standard output line by line (standard
/// error passes straight through), and returns that output; fails when it exits non-zero.
pub fn capture<I, S>(dir: &Path, program: &str, args: I, env: &[(&str, &OsStr)]) -> Result<String, String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let args: Vec<S> = args.into_iter().collect();
    let shown: Vec<String> = args.iter().map(|a| a.as_ref().to_string_lossy().into_owned()).collect();
    let describe = format!("{program} {}", shown.join(" "));
    println!("xtask: $ {describe}");
    let mut child = Command::new(program)
        .args(&args)
        .current_dir(dir)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run `{describe}`: {e}"))?;
    let mut captured = String::new();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line.map_err(|e| format!("cannot read the output of `{describe}`: {e}"))?;
            println!("{line}");
            captured.push_str(&line);
            captured.push('\n');
        }
    }
    let status = child.wait().map_err(|e| format!("cannot wait for `{describe}`: {e}"))?;
    if status.success() {
        Ok(captured)
    } else {
        Err(format!("`{describe}` failed ({status})"))
    }
}
