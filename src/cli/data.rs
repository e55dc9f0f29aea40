//! `milepost report` and `milepost import`.
#![expect(clippy::print_stdout, reason = "the command line prints its results")]

use std::io::Write as _;
use std::path::Path;

use crate::store;

/// The format of `milepost report`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Markdown.
    #[default]
    Md,
    /// One self-contained HTML page.
    Html,
}

/// The language of `milepost report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportLanguage {
    /// English.
    En,
    /// Simplified Chinese.
    #[value(name = "zh-CN", alias = "zh")]
    ZhCn,
}

impl ReportLanguage {
    /// The language it names.
    pub fn language(self) -> crate::i18n::Language {
        match self {
            Self::En => crate::i18n::Language::English,
            Self::ZhCn => crate::i18n::Language::Chinese,
        }
    }
}

fn load(file: &Path) -> anyhow::Result<crate::model::Project> {
    match store::load_file(file) {
        Ok(loaded) => Ok(loaded.project),
        Err(error) => anyhow::bail!("{}", error.lines(file).join("\n")),
    }
}

/// Writes `text` to `output` atomically (no backup), or to stdout when there is no output.
fn emit(text: &str, output: Option<&Path>) -> anyhow::Result<()> {
    if let Some(path) = output {
        // The store's message names the file and the cause.
        store::write_file(path, text.as_bytes(), false).map_err(anyhow::Error::from)
    } else {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        Ok(())
    }
}

/// `milepost report FILE [--format md|html] [--all] [--lang en|zh-CN] [-o OUT]`: the status
/// report as of today, in `language` (the system's when `None`).
///
/// # Errors
/// The file cannot be read or the output written.
pub fn report_file(
    file: &Path,
    format: ReportFormat,
    all: bool,
    language: Option<ReportLanguage>,
    output: Option<&Path>,
) -> anyhow::Result<()> {
    let project = load(file)?;
    crate::i18n::set_language(
        language.map_or_else(crate::i18n::Language::from_system, ReportLanguage::language),
    );
    let today = chrono::Local::now().date_naive();
    let text = match format {
        ReportFormat::Md => crate::report::status::markdown(&project, today, all),
        ReportFormat::Html => crate::report::status::html(&project, today, all),
    };
    emit(&text, output)
}

/// `milepost import FILE.csv -o OUT.ron`: a project from a spreadsheet. Nothing is written
/// when any row is wrong.
///
/// # Errors
/// The file cannot be read, a row is wrong (every problem is listed), or the output cannot be
/// written.
pub fn import_file(file: &Path, output: &Path) -> anyhow::Result<()> {
    // Only a regular file, and never more than the store's size limit.
    let bytes = store::read_regular(file)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        anyhow::anyhow!(
            "{}: not UTF-8 text; save the sheet as CSV UTF-8",
            file.display()
        )
    })?;
    let mut project = crate::import::csv(&text).map_err(|errors| {
        let lines: Vec<String> = errors
            .0
            .iter()
            .map(|error| format!("{}: {error}", file.display()))
            .collect();
        anyhow::anyhow!("{}", lines.join("\n"))
    })?;
    if project.name.is_empty() {
        project.name = file
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    store::save_file(&project, output)?;
    println!(
        "{}: {} items, {} links, {} lanes, {} people",
        output.display(),
        project.items.len(),
        project.links.len(),
        project.lanes.len(),
        project.team.len()
    );
    Ok(())
}
