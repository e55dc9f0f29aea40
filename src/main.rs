//! `milepost`: the window, or a headless command.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let args = milepost::cli::Args::parse();
    if let Some(command) = args.command {
        milepost::cli::run(command)
    } else {
        // A screenshot shows the window as it opens, without offering earlier recovery copies.
        let recovery_folder = if args.screenshot.is_none() {
            milepost::store::RecoveryFolder::standard_folder()
        } else {
            None
        };
        let startup = milepost::ui::Startup {
            file: args.file,
            screenshot: args.screenshot,
            recovery_folder,
            present: args.present,
            first_frame: args.first_frame,
            ..milepost::ui::Startup::default()
        };
        match milepost::ui::run(startup) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("milepost: {error:#}");
                ExitCode::FAILURE
            }
        }
    }
}
