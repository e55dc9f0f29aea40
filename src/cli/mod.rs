//! Headless commands (the README's "The command line"). They read files and print; they never modify an input.
#![expect(clippy::print_stdout, reason = "the command line prints its results")]

pub mod data;
pub mod generate;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::store;

/// The command line of `milepost`.
#[derive(Debug, Parser)]
#[command(
    name = "milepost",
    version,
    about = "Plan and present a client project timeline"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    /// A headless command; without one, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The project to open (the bundled sample when absent).
    pub file: Option<PathBuf>,
    /// Render the window, save a PNG of it to this path and exit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// Start in presentation mode.
    #[arg(long)]
    pub present: bool,
    /// Print `first-frame <nanoseconds since 1970>` once the first frame is on screen, then
    /// exit (what the start-up benchmark measures).
    #[arg(long)]
    pub first_frame: bool,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a project file: exit 0 when sound, 1 with `FILE:LINE:COLUMN: message` lines.
    Check {
        /// The file to check.
        file: PathBuf,
    },
    /// Print the computed schedule as TSV: `id name kind start finish float_workdays critical`.
    Schedule {
        /// The project file (only read).
        file: PathBuf,
    },
    /// Print the project's figures as `key<TAB>value` lines.
    Figures {
        /// The project file (only read).
        file: PathBuf,
        /// Count meetings held up to this date (YYYY-MM-DD); today when absent.
        #[arg(long, value_name = "DATE")]
        today: Option<NaiveDate>,
    },
    /// Write the timeline as a picture (SVG, PDF, PNG) or as data. Client-safe: items that are
    /// not client-visible are left out unless `--all` is given.
    Export {
        /// The project file (only read).
        file: PathBuf,
        /// What to write.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Where to write it.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// The first date shown (YYYY-MM-DD); the project's start when absent.
        #[arg(long, value_name = "DATE")]
        from: Option<NaiveDate>,
        /// The last date shown (YYYY-MM-DD); the project's end when absent.
        #[arg(long, value_name = "DATE")]
        to: Option<NaiveDate>,
        /// Include internal items (not client-visible) too.
        #[arg(long)]
        all: bool,
        /// Width of a PNG in pixels.
        #[arg(long, value_name = "PX", default_value_t = crate::export::DEFAULT_WIDTH_PX)]
        width: u32,
        /// The PDF page, landscape.
        #[arg(long, value_enum, default_value_t = Page::A4)]
        page: Page,
    },
    /// Write a synthetic project, for benchmarks and tests.
    Generate {
        /// How many items.
        #[arg(long)]
        items: usize,
        /// Seed of the generator; the same seed gives the same project.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write it.
        #[arg(short, long, value_name = "OUT.ron")]
        output: PathBuf,
    },
    /// Print or write the client status report (client-safe unless `--all`).
    Report {
        /// The project file (only read).
        file: PathBuf,
        /// Markdown or HTML.
        #[arg(long, value_enum, default_value_t = data::ReportFormat::Md)]
        format: data::ReportFormat,
        /// Include internal items, meetings and risks.
        #[arg(long)]
        all: bool,
        /// The report's language (the system's when absent).
        #[arg(long, value_enum)]
        lang: Option<data::ReportLanguage>,
        /// Where to write it (stdout when absent).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Read tasks from a CSV file into a new project file.
    Import {
        /// The CSV file (only read).
        file: PathBuf,
        /// Where to write the project.
        #[arg(short, long, value_name = "OUT.ron")]
        output: PathBuf,
    },
}

/// What `milepost export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The timeline as an SVG picture with real text.
    Svg,
    /// The timeline on one landscape PDF page.
    Pdf,
    /// The timeline as a PNG image.
    Png,
    /// Items as a spreadsheet.
    Csv,
    /// Milestones and meetings as calendar events.
    Ics,
}

/// A PDF page size for `milepost export --page`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Page {
    /// A4 landscape.
    A4,
    /// A3 landscape.
    A3,
}

/// Runs a headless command and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { file } => check(&file),
        Command::Schedule { file } => print_from(&file, crate::schedule::schedule_tsv),
        Command::Figures { file, today } => {
            let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
            print_from(&file, |project| {
                crate::report::figures_tsv(&crate::report::figures(project, today))
            })
        }
        Command::Generate {
            items,
            seed,
            output,
        } => report(generate_file(items, seed, &output)),
        Command::Export {
            file,
            format,
            output,
            from,
            to,
            all,
            width,
            page,
        } => {
            let loaded = match store::load_file(&file) {
                Ok(loaded) => loaded,
                Err(error) => {
                    print_problems(&file, &error);
                    return ExitCode::FAILURE;
                }
            };
            let options = crate::export::PictureOptions {
                from,
                to,
                include_internal: all,
                width_px: width,
                page: match page {
                    Page::A4 => crate::export::PageSize::A4,
                    Page::A3 => crate::export::PageSize::A3,
                },
                language: crate::i18n::Language::from_system(),
                ..crate::export::PictureOptions::default()
            };
            report(export_file(
                &loaded.project,
                format,
                &options,
                &file,
                &output,
            ))
        }
        Command::Report {
            file,
            format,
            all,
            lang,
            output,
        } => report(data::report_file(
            &file,
            format,
            all,
            lang,
            output.as_deref(),
        )),
        Command::Import { file, output } => report(data::import_file(&file, &output)),
    }
}

fn report(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("milepost: {}", describe(&error));
            ExitCode::FAILURE
        }
    }
}

/// `error` and its causes, down to the first store error: that one's message already names the
/// file and the cause in the interface's language, which its own source would repeat in the
/// system's words.
fn describe(error: &anyhow::Error) -> String {
    let mut parts = Vec::new();
    for cause in error.chain() {
        parts.push(cause.to_string());
        if cause.is::<store::StoreError>() {
            break;
        }
    }
    parts.join(": ")
}

/// Prints why `file` could not be loaded, each problem on a line of its own.
fn print_problems(file: &Path, error: &store::StoreError) {
    for line in error.lines(file) {
        eprintln!("{line}");
    }
}

/// `milepost check FILE`.
fn check(file: &Path) -> ExitCode {
    match store::load_file(file) {
        Ok(loaded) => {
            let project = &loaded.project;
            let mut out = std::io::stdout().lock();
            let written = writeln!(
                out,
                "{}: ok — '{}', {} items, {} links, {} meetings, {} risks",
                file.display(),
                project.name,
                project.items.len(),
                project.links.len(),
                project.meetings.len(),
                project.risks.len()
            );
            if written.is_err() {
                return ExitCode::FAILURE;
            }
            for warning in link_warnings(file, project) {
                eprintln!("{warning}");
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            print_problems(file, &error);
            ExitCode::FAILURE
        }
    }
}

/// `FILE:LINE:COLUMN: warning: …` for every link the file's dates violate.
fn link_warnings(file: &Path, project: &crate::model::Project) -> Vec<String> {
    let calendar = crate::schedule::WorkCalendar::new(&project.calendar);
    let violated = crate::schedule::violated_links(project, &calendar);
    if violated.is_empty() {
        return Vec::new();
    }
    let text = std::fs::read_to_string(file).unwrap_or_default();
    violated
        .into_iter()
        .map(|(index, link)| {
            let place = store::locate(
                &text,
                &[
                    store::Step::Field("project"),
                    store::Step::Field("links"),
                    store::Step::Index(index),
                ],
            )
            .unwrap_or(store::Position { line: 1, column: 1 });
            let name = |id| {
                project
                    .item(id)
                    .map_or_else(|| id.to_string(), |item| format!("'{}' ({id})", item.name))
            };
            format!(
                "{}:{}:{}: warning: the dates violate the {} link {} → {} (lag {}); `milepost schedule` pushes the successor later",
                file.display(),
                place.line,
                place.column,
                link.kind.abbreviation(),
                name(link.from),
                name(link.to),
                link.lag_workdays
            )
        })
        .collect()
}

/// Loads `file` and prints what `render` makes of it; a file that cannot be read prints its
/// problems as `FILE:LINE:COLUMN: message` lines and exits 1.
fn print_from(file: &Path, render: impl FnOnce(&crate::model::Project) -> String) -> ExitCode {
    match store::load_file(file) {
        Ok(loaded) => {
            let text = render(&loaded.project);
            let mut out = std::io::stdout().lock();
            if out.write_all(text.as_bytes()).is_err() || out.flush().is_err() {
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            print_problems(file, &error);
            ExitCode::FAILURE
        }
    }
}

/// `milepost export`: renders `project` as `format` and writes it atomically to `output`,
/// which must not be the input file.
fn export_file(
    project: &crate::model::Project,
    format: ExportFormat,
    options: &crate::export::PictureOptions,
    input: &Path,
    output: &Path,
) -> anyhow::Result<()> {
    if let (Ok(input), Ok(output)) = (std::fs::canonicalize(input), std::fs::canonicalize(output))
        && input == output
    {
        anyhow::bail!(
            "{} is the project being exported; choose another output file",
            output.display()
        );
    }
    let bytes = match format {
        ExportFormat::Svg => crate::export::svg::svg(project, options)?.into_bytes(),
        ExportFormat::Pdf => crate::export::pdf::pdf(project, options)?,
        ExportFormat::Png => crate::export::png::png(project, options)?,
        ExportFormat::Csv => {
            crate::export::data::csv(project, options.include_internal).into_bytes()
        }
        ExportFormat::Ics => {
            // Descriptions and categories in the user's language.
            crate::i18n::set_language(options.language);
            crate::export::data::ics(project, options.include_internal).into_bytes()
        }
    };
    store::write_file(output, &bytes, false)?;
    println!("{}: {} bytes", output.display(), bytes.len());
    Ok(())
}

fn generate_file(items: usize, seed: u64, output: &Path) -> anyhow::Result<()> {
    let project = generate::project(items, seed);
    store::save_file(&project, output)?;
    println!(
        "{}: {} items, {} links",
        output.display(),
        project.items.len(),
        project.links.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_error_is_described_with_its_cause_once() {
        let error = anyhow::Error::from(store::StoreError::Io {
            action: store::IoAction::Write,
            path: "plan.ron".into(),
            source: std::io::Error::from(std::io::ErrorKind::StorageFull),
        })
        .context("export");
        let system = std::io::Error::from(std::io::ErrorKind::StorageFull).to_string();
        let text = describe(&error);
        assert_eq!(
            text, "export: cannot write plan.ron: the disk is full",
            "{text}"
        );
        assert!(
            !text.contains(&system),
            "not in the system's words too: {text}"
        );
    }
}
