//! Headless commands (DESIGN section 6). They read files and print; they never modify an input.
#![expect(clippy::print_stdout, reason = "the command line prints its results")]

pub mod generate;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a project file: exit 0 when sound, 1 with `FILE:LINE:COLUMN: message` lines.
    Check {
        /// The file to check.
        file: PathBuf,
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
}

/// Runs a headless command and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { file } => check(&file),
        Command::Generate {
            items,
            seed,
            output,
        } => report(generate_file(items, seed, &output)),
    }
}

fn report(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("milepost: {error:#}");
            ExitCode::FAILURE
        }
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
            ExitCode::SUCCESS
        }
        Err(error) => {
            for problem in error.located() {
                eprintln!("{}:{problem}", file.display());
            }
            ExitCode::FAILURE
        }
    }
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
