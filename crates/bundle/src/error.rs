//! Errors with the place they were found: every message names the file and, where known, the line.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem in the content or in writing the output, with where it happened.
#[derive(Debug)]
pub struct Error {
    /// The file the problem is in.
    pub file: PathBuf,
    /// The 1-based line, when the problem has one.
    pub line: Option<usize>,
    /// What was wrong and what was expected.
    pub message: String,
}

impl Error {
    /// A problem at a line of `file`.
    pub fn at(file: &Path, line: usize, message: impl Into<String>) -> Self {
        Error { file: file.to_path_buf(), line: Some(line), message: message.into() }
    }

    /// A problem with `file` as a whole.
    pub fn file(file: &Path, message: impl Into<String>) -> Self {
        Error { file: file.to_path_buf(), line: None, message: message.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file.display(), line, self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for Error {}
