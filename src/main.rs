//! `milepost`: the window, or a headless command.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let args = milepost::cli::Args::parse();
    if let Some(command) = args.command {
        milepost::cli::run(command)
    } else {
        let startup = milepost::ui::Startup {
            file: args.file,
            screenshot: args.screenshot,
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
