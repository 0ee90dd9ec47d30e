//! Running other programs with clear errors: the program, its arguments and what to do.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A command to run in a directory.
pub struct Cmd {
    program: String,
    args: Vec<OsString>,
    dir: PathBuf,
    env: Vec<(String, OsString)>,
}

impl Cmd {
    /// `program` run in `dir`.
    pub fn new(program: &str, dir: &Path) -> Self {
        Cmd { program: program.to_string(), args: Vec::new(), dir: dir.to_path_buf(), env: Vec::new() }
    }

    /// The cargo that runs xtask (see [`cargo`]) in `dir`.
    pub fn cargo(dir: &Path) -> Self {
        Cmd::new(&cargo(), dir)
    }

    /// Adds arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: &str, value: impl Into<OsString>) -> Self {
        self.env.push((key.to_string(), value.into()));
        self
    }

    /// Sets several environment variables.
    pub fn envs(mut self, env: &[(String, OsString)]) -> Self {
        self.env.extend(env.iter().cloned());
        self
    }

    fn command(&self) -> Command {
        let mut command = Command::new(&self.program);
        command.args(&self.args).current_dir(&self.dir).envs(self.env.iter().map(|(k, v)| (k, v)));
        command
    }

    fn describe(&self) -> String {
        let args: Vec<String> = self.args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
        format!("{} {}", self.program, args.join(" "))
    }
}

/// The cargo running xtask: `$CARGO`, which cargo sets for the programs it runs, so that every
/// cargo command xtask starts is the same cargo (toolchain and all); plain `cargo` otherwise.
pub fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

/// Runs `cmd` with inherited output; fails when it cannot start or exits non-zero.
pub fn run(cmd: Cmd) -> Result<(), String> {
    println!("xtask: $ {}", cmd.describe());
    let status = cmd.command().status().map_err(|e| format!("cannot run `{}`: {e}", cmd.describe()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", cmd.describe()))
    }
}

/// Runs `cmd` quietly and returns its standard output, or `None` when it cannot run or fails.
pub fn output(cmd: Cmd) -> Option<String> {
    let out = cmd.command().stdin(Stdio::null()).stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
